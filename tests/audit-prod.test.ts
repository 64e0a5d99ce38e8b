import { describe, expect, it } from 'vitest';
import { classifyAudit } from '@/scripts/audit-prod';

const counts = (high: number, moderate = 0) => ({
  info: 0,
  low: 0,
  moderate,
  high,
  critical: 0,
  total: high + moderate,
});
const report = (vulnerabilities: Record<string, { severity: string }>, metadata: object) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: metadata },
  });

describe('classifyAudit', () => {
  it('passes a clean report', () => {
    expect(classifyAudit(report({}, counts(0)))).toEqual({
      kind: 'audited',
      counts: counts(0),
      blocking: [],
    });
  });

  it('lets moderate findings through and blocks high ones', () => {
    const result = classifyAudit(
      report({ a: { severity: 'moderate' }, next: { severity: 'high' } }, counts(1, 1)),
    );
    expect(result).toMatchObject({ kind: 'audited', blocking: ['next (high)'] });
  });

  it('reports a refused audit endpoint as unavailable, not as a pass', () => {
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(classifyAudit(refused)).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/405.*HTTP 405/),
    });
  });

  it('reports no output at all (e.g. offline) as unavailable', () => {
    expect(classifyAudit('')).toMatchObject({ kind: 'unavailable' });
    expect(classifyAudit('{}')).toMatchObject({ kind: 'unavailable' });
  });
});
