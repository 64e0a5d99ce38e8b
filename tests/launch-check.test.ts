import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmsConfig } from '@/lib/cms/config';
import { formatProblem } from '@/lib/content/check';
import { launchProblems, reportLaunch } from '@/lib/launch/check';

const ready = {
  SITE_URL: 'https://partners.connective-cities.net',
  CMS_GITHUB_REPO: 'connective-cities/partners',
  CMS_GITHUB_CLIENT_ID: 'Iv1.0123456789abcdef',
  CMS_GITHUB_CLIENT_SECRET: 'secret',
};
const lines = (dir: string, env: Record<string, string>) =>
  launchProblems(dir, env).map(formatProblem);

/** A copy of a content folder, its files' contents rather than the fixtures' symlinks. */
function copyContent(from: string, prefix: string) {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const name of fs.readdirSync(from, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(from, name);
    if (fs.statSync(file).isDirectory()) fs.mkdirSync(path.join(to, name));
    else fs.writeFileSync(path.join(to, name), fs.readFileSync(file));
  }
  return to;
}

// The valid fixture, with its partners' example.org websites replaced by real-looking ones.
const done = copyContent('tests/fixtures/content/valid', 'launch-ready-');
for (const name of fs.readdirSync(path.join(done, 'partners'))) {
  const file = path.join(done, 'partners', name);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\.example\.org/g, '-verband.de'));
}
afterAll(() => fs.rmSync(done, { recursive: true, force: true }));

describe('launch:check', () => {
  it('passes content without placeholders, built for a public https address', () => {
    const printed: string[] = [];
    expect(reportLaunch(done, ready, (l) => printed.push(l))).toBe(true);
    expect(printed).toEqual([expect.stringMatching(/^✓ ready to go live/)]);
  });

  it('fails without the repository the web editor saves to', () => {
    expect(lines(done, { SITE_URL: ready.SITE_URL })).toEqual([
      expect.stringMatching(/^\(environment\):1: CMS_GITHUB_REPO: is not set/),
    ]);
  });

  it("fails with the editor configuration's own default repository, or no owner/name", () => {
    const fallback = (cmsConfig({}).backend as { repo: string }).repo;
    for (const repo of [fallback, '<owner>/<repository>', 'partners']) {
      expect(lines(done, { ...ready, CMS_GITHUB_REPO: repo }), repo).toEqual([
        expect.stringMatching(/^\(environment\):1: CMS_GITHUB_REPO: ".*" is not the repository/),
      ]);
    }
  });

  it("fails without the editor's login: the OAuth client id or secret", () => {
    const rest = { SITE_URL: ready.SITE_URL, CMS_GITHUB_REPO: ready.CMS_GITHUB_REPO };
    expect(lines(done, rest)).toEqual([
      expect.stringMatching(/^\(environment\):1: CMS_GITHUB_CLIENT_ID: is not set/),
      expect.stringMatching(/^\(environment\):1: CMS_GITHUB_CLIENT_SECRET: is not set/),
    ]);
    expect(lines(done, { ...ready, CMS_GITHUB_CLIENT_SECRET: ' ' })).toEqual([
      expect.stringMatching(/CMS_GITHUB_CLIENT_SECRET: is not set/),
    ]);
  });

  it.each([
    [{}, [/^\(environment\):1: SITE_URL: is not set/]],
    [{ SITE_URL: 'https://partners.example.org' }, [/SITE_URL: .* is not the public address/]],
    [
      { SITE_URL: 'http://localhost:3000' },
      [/SITE_URL: http:\/\/localhost:3000 must use https/, /is not the public address/],
    ],
    [{ SITE_URL: 'not a url' }, [/SITE_URL: "not a url" is not a URL/]],
    [{ SITE_URL: 'https://partners.connective-cities.net/de' }, [/must be an origin only/]],
  ])('fails for SITE_URL %o', (env, expected) => {
    const settings = { ...ready, SITE_URL: '', ...env };
    expect(lines(done, settings)).toEqual(expected.map((p) => expect.stringMatching(p)));
  });

  it.each([
    ['https://partners.example.org.', 'a trailing dot'],
    ['https://partners.connective-cities.net.', 'a trailing dot'],
    ['https://partners.localhost', 'reserved'],
    ['https://cc.local', 'reserved'],
    ['https://cc.test', 'reserved'],
    ['https://cc.example', 'reserved'],
    ['https://intranet', 'without a domain'],
    ['https://10.0.0.5', 'private'],
    ['https://172.20.1.1', 'private'],
    ['https://192.168.1.10', 'private'],
    ['https://127.0.0.1', 'private'],
    ['https://169.254.169.254', 'private'],
    ['https://0.0.0.0', 'unspecified'],
    ['https://0', 'unspecified'],
    ['https://[::]', 'unspecified'],
    ['https://[::1]', 'private'],
    ['https://[fd00::1]', 'private'],
    ['https://[fe80::1]', 'private'],
    ['https://[::ffff:10.0.0.5]', 'private'],
  ])('fails for SITE_URL %s: not a public host', (url, reason) => {
    expect(lines(done, { ...ready, SITE_URL: url })).toEqual([
      expect.stringMatching(new RegExp(`SITE_URL: .* is not the public address.*${reason}`)),
    ]);
  });

  it('fails for http on a private address on two counts', () => {
    expect(lines(done, { ...ready, SITE_URL: 'http://10.0.0.5' })).toEqual([
      expect.stringMatching(/must use https/),
      expect.stringMatching(/is not the public address of the site \(a private/),
    ]);
  });

  it.each(['https://partners.connective-cities.net', 'https://93.184.215.14', 'https://[2a00::1]'])(
    'passes the public origin %s',
    (url) => {
      expect(lines(done, { ...ready, SITE_URL: url })).toEqual([]);
    },
  );

  it('turns placeholder warnings into items and keeps content errors', () => {
    expect(lines('tests/fixtures/content/site-pages', ready)).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/accessibility\.de\.md:6: contactEmail: is a placeholder/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/imprint\.en\.md:9: email: is info@/,
      ),
      expect.stringMatching(/site-pages\/partners\/alpha\.de\.md:5: website: is a placeholder/),
      expect.stringMatching(/site-pages\/partners\/alpha\.en\.md:5: website: is a placeholder/),
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/privacy\.de\.md:9: body: holds a placeholder/,
      ),
    ]);
  });

  it('finds placeholders in partner and header files too', () => {
    const dir = copyContent(done, 'launch-partners-');
    try {
      const header = path.join(dir, 'header.en.md');
      fs.appendFileSync(header, '\nWrite to kontakt@example.org.\n');
      const partner = path.join(dir, 'partners/alpha.de.md');
      fs.writeFileSync(
        partner,
        fs.readFileSync(partner, 'utf8').replace(/^summary: .*$/m, 'summary: "Platzhalter"'),
      );
      expect(lines(dir, ready)).toEqual([
        expect.stringMatching(/header\.en\.md:\d+: body: holds a placeholder/),
        expect.stringMatching(/partners\/alpha\.de\.md:4: summary: is a placeholder/),
      ]);
      // The valid fixture's partners link example.org websites: placeholders all.
      const websites = lines('tests/fixtures/content/valid', ready);
      expect(websites.length).toBeGreaterThanOrEqual(8);
      expect(websites.every((line) => /partners\/\w+\.\w+\.md:\d+: website: /.test(line))).toBe(
        true,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a staging system (CC_STAGING=1) through, placeholders as warnings, content errors not', () => {
    const staging = { SITE_URL: 'https://partners.example.org', CC_STAGING: '1' };
    const printed: string[] = [];
    expect(reportLaunch(path.resolve('content'), staging, (l) => printed.push(l))).toBe(true);
    expect(printed.at(-1)).toMatch(/^✓ staging \(CC_STAGING=1\): \d+ items would keep .* noindex/);
    expect(printed.slice(0, -1).every((line) => line.includes(': warning: '))).toBe(true);
    expect(printed).toContainEqual(
      expect.stringMatching(/SITE_URL: warning: .* is not the public/),
    );

    const broken: string[] = [];
    expect(reportLaunch('tests/fixtures/content/site-pages', staging, (l) => broken.push(l))).toBe(
      false,
    );
    expect(broken).toContainEqual(expect.stringMatching(/imprint\.en\.md:9: email: is info@/));
    expect(broken.at(-1)).toBe('✗ not ready to go live: 1 item above');
  });

  it('lists every placeholder of the shipped content, the security contact among them', () => {
    const items = lines(path.resolve('content'), ready);
    const fields = (file: string) =>
      items.filter((line) => line.startsWith(`content/${file}:`)).map((l) => l.split(': ')[1]);
    expect(fields('accessibility.de.md')).toEqual(['contactName', 'contactEmail']);
    expect(fields('privacy.en.md')).toEqual(['body']);
    expect(fields('imprint.de.md')).toEqual(
      expect.arrayContaining(['organisation', 'street', 'representedBy', 'securityContact']),
    );
    expect(items).toContainEqual(
      expect.stringMatching(/securityContact: .*\/\.well-known\/security\.txt names it/),
    );
    expect(items.some((line) => line.startsWith('(environment)'))).toBe(false);
  });
});
