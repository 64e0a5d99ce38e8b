/** A value no response may contain: it is sent in Host, X-Forwarded-Host and other headers. */
export const marker = 'hostile-marker-7c1e.example';

export type Target = 'next' | 'front';

export type HostileCase = {
  name: string;
  request: string;
  /** Statuses allowed from both targets, unless `next` says otherwise. */
  status: number[];
  /**
   * What `next start` alone does where it differs: Node's HTTP parser and Next's base server
   * answer some requests before any app code runs (no headers of ours; TRACE and `OPTIONS *`
   * even with 500). The front answers these itself; `why` is printed with the test.
   */
  next?: { status: number[] | 'closed'; bare?: boolean; reflects?: boolean; why: string };
};

/** A request with the marker in headers that a proxy or a framework might echo. */
function req(line: string, headers: string[] = [], body = ''): string {
  const standard = [
    `X-Forwarded-Host: ${marker}`,
    `Referer: https://${marker}/`,
    `X-Original-URL: /${marker}`,
  ];
  const all = headers.some((h) => /^host:/i.test(h)) ? headers : ['Host: localhost', ...headers];
  return `${line}\r\n${[...all, ...standard, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;
}

const nodeParser = (why: string) => ({
  status: [400],
  bare: true,
  why: `Node's HTTP parser: ${why}`,
});
const long = (n: number) => `/de/${'a'.repeat(n)}`;

export const hostileCases: HostileCase[] = [
  // Ordinary requests: they must keep working, with every header.
  { name: 'GET the German list', request: req('GET /de HTTP/1.1'), status: [200] },
  {
    name: 'HEAD an English partner',
    request: req('HEAD /en/partners/vku HTTP/1.1'),
    status: [200],
  },
  { name: 'GET a German partner', request: req('GET /de/partner/vku HTTP/1.1'), status: [200] },
  {
    name: 'GET with a body',
    request: req('GET /de HTTP/1.1', ['Content-Length: 5'], 'hello'),
    status: [413],
    next: { status: [200], why: 'Next reads and ignores the body; the front refuses it unread' },
  },
  {
    name: 'GET with a 10 GB body announced',
    request: req('GET /de/partner/vku HTTP/1.1', ['Content-Length: 10000000000'], 'x'.repeat(100)),
    status: [413],
    next: { status: [200], why: 'Next answers before the body has come and ignores it' },
  },
  {
    name: 'GET with a chunked body',
    request: req('GET /de HTTP/1.1', ['Transfer-Encoding: chunked'], '5\r\nhello\r\n0\r\n\r\n'),
    status: [413],
    next: { status: [200], why: 'Next reads and ignores the body; the front refuses it unread' },
  },
  { name: 'HTTP/1.0 without Host', request: 'GET /de HTTP/1.0\r\n\r\n', status: [200] },

  // Methods: only GET and HEAD.
  {
    name: 'POST a page',
    request: req('POST /de HTTP/1.1', ['Content-Length: 3'], 'a=b'),
    status: [405],
  },
  {
    name: 'PUT a partner',
    request: req('PUT /de/partner/vku HTTP/1.1', ['Content-Length: 0']),
    status: [405],
  },
  { name: 'DELETE a page', request: req('DELETE /en HTTP/1.1'), status: [405] },
  { name: 'PATCH /', request: req('PATCH / HTTP/1.1', ['Content-Length: 0']), status: [405] },
  { name: 'OPTIONS a page', request: req('OPTIONS /de HTTP/1.1'), status: [405] },
  { name: 'PROPFIND (WebDAV)', request: req('PROPFIND /de HTTP/1.1'), status: [405] },
  {
    name: 'POST a static chunk',
    request: req('POST /_next/static/chunks/x.js HTTP/1.1', ['Content-Length: 0']),
    status: [405],
  },
  {
    name: 'POST a dotted path',
    request: req('POST /robots.txt HTTP/1.1', ['Content-Length: 0']),
    status: [405],
  },
  {
    name: 'POST a server action',
    request: req('POST /de HTTP/1.1', ['Next-Action: abc', 'Content-Length: 2'], '[]'),
    status: [405],
  },
  {
    name: 'TRACE',
    request: req('TRACE /de HTTP/1.1'),
    status: [405],
    next: { status: [500], bare: true, why: 'Next 16.4 rejects TRACE in its base server with 500' },
  },
  {
    name: 'OPTIONS * (asterisk-form)',
    request: req('OPTIONS * HTTP/1.1'),
    status: [400],
    next: { status: [500], bare: true, why: 'Next 16.4 fails to parse "*" as a URL (500)' },
  },
  {
    name: 'CONNECT',
    request: req('CONNECT localhost:443 HTTP/1.1', ['Host: localhost:443']),
    status: [400],
    next: { status: 'closed', why: 'Node closes CONNECT without an answer' },
  },
  {
    name: 'unknown method token',
    request: req('FOO /de HTTP/1.1'),
    status: [405],
    next: nodeParser('unknown method'),
  },

  // Malformed paths: 400.
  { name: 'bad percent-escape', request: req('GET /de/partner/%zz HTTP/1.1'), status: [400] },
  {
    name: 'overlong UTF-8 dots',
    request: req('GET /de/partner/%c0%ae%c0%ae HTTP/1.1'),
    status: [400],
  },
  { name: 'NUL after a real slug', request: req('GET /de/partner/vku%00 HTTP/1.1'), status: [400] },
  { name: 'truncated UTF-8', request: req('GET /de/partner/%e2%82 HTTP/1.1'), status: [400] },
  {
    name: 'encoded traversal in a page',
    request: req('GET /de/partner/..%2f..%2fpackage.json HTTP/1.1'),
    status: [400],
  },
  {
    name: 'encoded traversal in _next/static',
    request: req('GET /_next/static/..%2f..%2fpackage.json HTTP/1.1'),
    status: [400],
  },
  {
    name: 'encoded backslash traversal',
    request: req('GET /de/partner/..%5c..%5cpackage.json HTTP/1.1'),
    status: [400],
  },
  { name: 'bad escape in a static path', request: req('GET /%zz.txt HTTP/1.1'), status: [400] },
  {
    name: 'encoded dot segments',
    request: req('GET /de/%2e%2e/%2e%2e/package.json HTTP/1.1'),
    status: [400],
    next: {
      status: [404],
      why: 'Next resolves %2e%2e like .. before the proxy sees the path: a 404, not traversal',
    },
  },
  {
    name: 'raw dot segments',
    request: req('GET /../../etc/passwd HTTP/1.1'),
    status: [400],
    next: {
      status: [307],
      why: 'Next resolves .. before the proxy: /etc/passwd, redirected into /de',
    },
  },
  {
    name: 'raw dot segments in _next/static',
    request: req('GET /_next/static/../../package.json HTTP/1.1'),
    status: [400],
    next: { status: [404], why: 'Next resolves .. to /package.json: a 404' },
  },
  {
    name: 'path over the length limit',
    request: req(`GET ${long(3000)} HTTP/1.1`),
    status: [400, 414],
  },
  { name: 'very long path', request: req(`GET ${long(9000)} HTTP/1.1`), status: [400, 414] },
  {
    name: 'huge path',
    request: req(`GET ${long(70_000)} HTTP/1.1`),
    status: [414],
    next: { status: [431], bare: true, why: "Node's HTTP parser: header section too large (431)" },
  },
  {
    name: 'bad escape in the query',
    request: req('GET /de?q=%zz HTTP/1.1'),
    status: [400],
    next: { status: [200], why: 'the app ignores query strings' },
  },

  // Unknown paths: 404 page (or the locale redirect for unprefixed ones).
  { name: 'package.json', request: req('GET /package.json HTTP/1.1'), status: [404] },
  { name: '.env', request: req('GET /.env HTTP/1.1'), status: [404] },
  { name: 'next.config.ts', request: req('GET /next.config.ts HTTP/1.1'), status: [404] },
  { name: 'a build file', request: req('GET /_next/server/app/de.html HTTP/1.1'), status: [404] },
  {
    name: 'a .git file below a locale',
    request: req('GET /de/.git/config HTTP/1.1'),
    status: [404],
  },
  { name: 'unknown slug in capitals', request: req('GET /de/partner/VKU HTTP/1.1'), status: [404] },
  { name: 'unknown locale', request: req('GET /fr/partner/vku HTTP/1.1'), status: [307] },
  {
    name: 'image optimizer, foreign URL',
    request: req(`GET /_next/image?url=https://${marker}/x.png&w=64&q=75 HTTP/1.1`),
    status: [404],
  },
  {
    name: 'image optimizer, protocol-relative',
    request: req('GET /_next/image?url=//evil.example&w=1&q=1 HTTP/1.1'),
    status: [404],
  },
  {
    name: 'image optimizer, NUL',
    request: req('GET /_next/image?url=%00 HTTP/1.1'),
    status: [400],
    next: { status: [404], why: 'the optimizer is off: 404' },
  },

  // Garbage headers: the page, never an error.
  {
    name: 'garbage Accept-Language',
    request: req('GET / HTTP/1.1', ['Accept-Language: *;q=abc, ,,;;;=, x-\u00ff']),
    status: [307],
  },
  {
    name: 'long Accept-Language',
    request: req('GET /de HTTP/1.1', [`Accept-Language: ${'zz-ZZ;q=0.1,'.repeat(300)}`]),
    status: [200],
  },
  {
    name: 'garbage locale cookie',
    request: req('GET / HTTP/1.1', ['Cookie: NEXT_LOCALE=garbage%zz%00']),
    status: [307],
  },
  {
    name: 'garbage cookies on a page',
    request: req('GET /de HTTP/1.1', ['Cookie: ;;;=; a=%zz; =b; NEXT_LOCALE=\u00ff']),
    status: [200],
  },
  {
    name: 'garbage router headers',
    request: req('GET /de HTTP/1.1', [
      'RSC: 1',
      'Next-Router-State-Tree: %%garbage',
      'Next-Router-Segment-Prefetch: %zz',
    ]),
    status: [200, 307],
  },
  {
    name: 'middleware bypass header',
    request: req('GET /de/partner/%zz HTTP/1.1', [
      'x-middleware-subrequest: proxy:proxy:proxy:proxy:proxy',
    ]),
    status: [400],
  },
  {
    name: '300 headers',
    request: req(
      'GET /de HTTP/1.1',
      Array.from({ length: 300 }, (_, i) => `X-H${i}: ${i}`),
    ),
    status: [200],
  },
  {
    name: 'one 20 KB header',
    request: req('GET /de HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`]),
    status: [400],
    next: { status: [431], bare: true, why: "Node's HTTP parser: header too large (431)" },
  },
  {
    name: 'NUL in a header value',
    request: req('GET /de HTTP/1.1', ['X-A: a\u0000b']),
    status: [400],
    next: nodeParser('NUL in a header'),
  },
  {
    name: 'header line without colon',
    request: req('GET /de HTTP/1.1', ['broken header line']),
    status: [400],
    next: nodeParser('no colon'),
  },
  {
    name: 'Transfer-Encoding and Content-Length',
    request: req(
      'GET /de HTTP/1.1',
      ['Transfer-Encoding: chunked', 'Content-Length: 3'],
      '0\r\n\r\n',
    ),
    status: [400],
    next: nodeParser('request smuggling'),
  },
  {
    name: 'unknown Transfer-Encoding',
    request: req('GET /de HTTP/1.1', ['Transfer-Encoding: gzip, chunked'], '0\r\n\r\n'),
    status: [400],
    next: { status: [200], why: 'Node accepts it' },
  },

  // Host and forwarded headers: never reflected.
  { name: 'foreign Host', request: req('GET /de HTTP/1.1', [`Host: ${marker}`]), status: [200] },
  {
    name: 'foreign Host, redirect',
    request: req('GET / HTTP/1.1', [
      `Host: ${marker}`,
      'X-Forwarded-Proto: https',
      `Forwarded: host=${marker}`,
    ]),
    status: [307],
  },
  {
    name: 'foreign Host, unprefixed path',
    request: req('GET /xx/foo HTTP/1.1', [`Host: ${marker}`]),
    status: [307],
  },
  {
    name: 'foreign Host, trailing slash',
    request: req('GET /de/partner/vku/ HTTP/1.1', [`Host: ${marker}`]),
    status: [308],
  },
  {
    name: 'foreign Host, 404',
    request: req('GET /de/partner/nope HTTP/1.1', [`Host: ${marker}`]),
    status: [404],
  },
  {
    name: 'Host with a bad port',
    request: req('GET /de HTTP/1.1', [`Host: ${marker}:99999`]),
    status: [200],
  },
  {
    name: 'no Host in HTTP/1.1',
    request: 'GET /de HTTP/1.1\r\nConnection: close\r\n\r\n',
    status: [400],
    next: nodeParser('Host is required'),
  },
  {
    name: 'invalid Host',
    request: req('GET /de HTTP/1.1', ['Host: a b']),
    status: [400],
    next: { status: [200], why: 'Node accepts it; Next builds no URL from it' },
  },
  {
    name: 'two Hosts',
    request: req('GET /de HTTP/1.1', ['Host: localhost', `Host: ${marker}`]),
    status: [400],
    next: { status: [200], why: 'Node keeps the first' },
  },
  {
    name: 'absolute-form request-target',
    request: req(`GET http://${marker}/de HTTP/1.1`),
    status: [200],
    next: {
      status: [308],
      bare: true,
      reflects: true,
      why: "Next's base server redirects to the absolute URL",
    },
  },
  {
    name: 'absolute-form to /',
    request: req(`GET http://${marker}/ HTTP/1.1`),
    status: [307],
    next: {
      status: [308],
      bare: true,
      reflects: true,
      why: "Next's base server redirects to the absolute URL",
    },
  },
  {
    name: 'protocol-relative path',
    request: req('GET //evil.example/ HTTP/1.1'),
    status: [308],
    next: {
      status: [308],
      bare: true,
      why: "Next's base server collapses // (a relative Location)",
    },
  },
  {
    name: 'raw backslash path',
    request: req('GET /\\evil.example/ HTTP/1.1'),
    status: [400],
    next: {
      status: [308],
      bare: true,
      why: "Next's base server turns \\ into / (a relative Location)",
    },
  },
];
