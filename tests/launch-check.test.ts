import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '@/lib/content/check';
import { launchProblems, reportLaunch } from '@/lib/launch/check';

const publicUrl = {
  SITE_URL: 'https://partners.connective-cities.net',
  CMS_GITHUB_REPO: 'connective-cities/partners',
};
const lines = (dir: string, env: Record<string, string>) =>
  launchProblems(dir, env).map(formatProblem);

describe('launch:check', () => {
  it('passes content without placeholders, built for a public https address', () => {
    const printed: string[] = [];
    expect(reportLaunch('tests/fixtures/content/valid', publicUrl, (l) => printed.push(l))).toBe(
      true,
    );
    expect(printed).toEqual([expect.stringMatching(/^✓ ready to go live/)]);
  });

  it('fails without the repository the web editor saves to', () => {
    expect(lines('tests/fixtures/content/valid', { SITE_URL: publicUrl.SITE_URL })).toEqual([
      expect.stringMatching(/^\(environment\):1: CMS_GITHUB_REPO: is not set/),
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
  ])('fails for SITE_URL %o', (env, expected) => {
    const withRepo = { ...env, CMS_GITHUB_REPO: publicUrl.CMS_GITHUB_REPO };
    expect(lines('tests/fixtures/content/valid', withRepo)).toEqual(
      expected.map((pattern) => expect.stringMatching(pattern)),
    );
  });

  it('turns placeholder warnings into items and keeps content errors', () => {
    expect(lines('tests/fixtures/content/site-pages', publicUrl)).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/accessibility\.de\.md:6: contactEmail: is a placeholder/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/imprint\.en\.md:9: email: is info@/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/content\/site-pages\/privacy\.de\.md:9: body: holds a placeholder/,
      ),
    ]);
  });

  it('lists every placeholder of the shipped content, the security contact among them', () => {
    const items = lines(path.resolve('content'), publicUrl);
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
