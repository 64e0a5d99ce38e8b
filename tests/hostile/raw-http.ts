import http from 'node:http';
import net from 'node:net';

export type RawResponse = {
  status: number;
  headers: [name: string, value: string][];
  body: string;
  /** The body as sent (without chunked framing), e.g. gzip bytes. */
  bytes: Buffer;
  /** Everything the server sent, for the reflection and leak checks. */
  raw: string;
};

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends bytes exactly as given (no client library normalises the path, the method or the
 * headers) and reads the answer until the server closes the connection (send
 * `Connection: close`) or the socket has been idle for timeoutMs.
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 10_000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server may reset the connection right after answering a request it refuses to read.
      if (error.code !== 'ECONNRESET' || chunks.length === 0) reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd < 0)
        return reject(new Error(`no HTTP answer: ${JSON.stringify(all.toString('latin1'))}`));
      const [statusLine = '', ...headerLines] = all
        .subarray(0, headEnd)
        .toString('latin1')
        .split('\r\n');
      const headers = headerLines.map((line): [string, string] => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      });
      let body: Buffer = all.subarray(headEnd + 4);
      if (headers.some(([name, value]) => name === 'transfer-encoding' && /chunked/i.test(value))) {
        body = dechunk(body);
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: body.toString('utf8'),
        bytes: body,
        raw: all.toString('latin1'),
      });
    });
    // write, not end: a half-closed connection makes Node's server drop the answer.
    socket.write(request);
  });
}

export type Answer = { status: number; headers: Record<string, string>; body: string };

/** A GET with any headers, Host among them (fetch cannot set Host), over a new connection. */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path, headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers as Record<string, string>,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}
