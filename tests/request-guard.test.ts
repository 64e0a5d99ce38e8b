import { describe, expect, it } from 'vitest';
import { isMalformedPath, maxPathLength } from '@/lib/http/request-guard';

describe('isMalformedPath', () => {
  it.each([
    '/',
    '/de',
    '/de/partner/vku',
    '/en/partners/uclg',
    '/_next/static/chunks/a-b_c.js',
    '/de/partner/st%C3%A4dte',
  ])('accepts %s', (path) => expect(isMalformedPath(path)).toBe(false));

  it.each([
    ['a bad escape', '/de/partner/%zz'],
    ['a lone percent sign', '/de/100%'],
    ['overlong UTF-8', '/de/partner/%c0%ae%c0%ae'],
    ['truncated UTF-8', '/de/partner/%e2%82'],
    ['NUL', '/de/partner/vku%00'],
    ['a control character', '/de/partner/vku%0d%0aSet-Cookie:x'],
    ['an encoded backslash', '/de/partner/..%5cpackage.json'],
    ['encoded traversal', '/de/partner/..%2f..%2fpackage.json'],
    ['encoded dots', '/de/%2e%2e/package.json'],
    ['a dot segment', '/de/./partner'],
    ['a path over the limit', `/de/${'a'.repeat(maxPathLength)}`],
  ])('rejects %s', (_, path) => expect(isMalformedPath(path)).toBe(true));
});
