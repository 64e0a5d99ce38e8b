import { afterAll, describe, expect, inject, it } from 'vitest';
import { securityHeaders } from '@/lib/http/security-headers';
import { hostileCases, marker, type HostileCase, type Target } from './cases';
import { rawRequest, type RawResponse } from './raw-http';

const ports = inject('ports');
const tally: Record<Target, Record<string, number>> = { next: {}, front: {} };

// Stack frames ("at fn (file.js:1:2)"), absolute paths of this machine, build internals.
const leak =
  /\n\s+at .+:\d+:\d+|\/(?:home|root|work|tmp|usr)\/|node_modules|\.next\/server|webpack-internal/;

function expected(testCase: HostileCase, target: Target) {
  const known = target === 'next' ? testCase.next : undefined;
  return { status: known?.status ?? testCase.status, bare: known?.bare, reflects: known?.reflects };
}

function header(response: RawResponse, name: string): string[] {
  return response.headers.filter(([key]) => key === name).map(([, value]) => value);
}

describe.each(['next', 'front'] as const)('hostile requests to %s', (target) => {
  it.each(
    hostileCases.map(
      (c) =>
        [`${c.name}${target === 'next' && c.next ? ` (known: ${c.next.why})` : ''}`, c] as const,
    ),
  )('%s', async (_, testCase) => {
    const want = expected(testCase, target);
    let response: RawResponse;
    try {
      response = await rawRequest(ports[target], testCase.request, 5_000);
    } catch (error) {
      tally[target].closed = (tally[target].closed ?? 0) + 1;
      expect(want.status, String(error)).toBe('closed');
      return;
    }
    tally[target][response.status] = (tally[target][response.status] ?? 0) + 1;
    expect(want.status).toContain(response.status);
    if (want.status !== 'closed' && !want.status.some((status) => status >= 500)) {
      expect(response.status).toBeLessThan(500);
    }
    expect(response.body).not.toMatch(leak);
    expect(header(response, 'set-cookie')).toEqual([]);
    expect(header(response, 'x-powered-by')).toEqual([]);
    if (!want.reflects) expect(response.raw.toLowerCase()).not.toContain(marker);
    if (want.bare) return;

    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(header(response, name.toLowerCase()), name).toEqual([value]);
    }
    if (response.status === 405) expect(header(response, 'allow')).toEqual(['GET, HEAD']);
    for (const location of header(response, 'location')) {
      expect(location, 'a relative, same-site Location').toMatch(/^\/(?![/\\])/);
    }
  });
});

afterAll(() => {
  const line = (target: Target) =>
    Object.entries(tally[target])
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
  console.log(
    `${hostileCases.length} hostile requests\n  next start: ${line('next')}\n  nginx front: ${line('front')}`,
  );
});
