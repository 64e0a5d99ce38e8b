/**
 * `npm audit --omit=dev`, telling apart "no high or critical findings" from "could not audit"
 * (some registries and mirrors refuse the audit endpoint, and npm then exits 1 like a finding).
 * Exit 0: audited, nothing high or critical. Exit 1: high or critical findings. Exit 2: could not
 * audit; .ci/run warns loudly then (AUDIT_REQUIRED=1 makes it fail), see README "Dependencies".
 */
import { spawnSync } from 'node:child_process';

export type AuditResult =
  | { kind: 'audited'; counts: Record<string, number>; blocking: string[] }
  | { kind: 'unavailable'; reason: string };

type AuditJson = {
  error?: { summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
};

const blockingSeverities = new Set(['high', 'critical']);

export function classifyAudit(stdout: string): AuditResult {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return {
      kind: 'unavailable',
      reason: `npm audit printed no JSON: ${stdout.slice(0, 200) || '(nothing)'}`,
    };
  }
  const counts = json.metadata?.vulnerabilities;
  if (json.error || json.message || !counts) {
    const reason = json.message ?? json.error?.summary ?? 'npm audit returned no report';
    return {
      kind: 'unavailable',
      reason: json.statusCode ? `${reason} (HTTP ${json.statusCode})` : reason,
    };
  }
  const blocking = Object.entries(json.vulnerabilities ?? {})
    .filter(([, v]) => blockingSeverities.has(v.severity))
    .map(([name, v]) => `${name} (${v.severity})`);
  return { kind: 'audited', counts, blocking };
}

if (import.meta.filename === process.argv[1]) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const result = classifyAudit(run.stdout ?? '');
  if (result.kind === 'unavailable') {
    console.error(
      `\n!!! COULD NOT AUDIT the production dependencies: ${result.reason}\n` +
        '!!! Nothing was checked; this is not a pass. Run `npm audit --omit=dev` where the registry allows it.\n',
    );
    process.exit(2);
  }
  const summary = Object.entries(result.counts)
    .map(([severity, count]) => `${severity} ${count}`)
    .join(', ');
  if (result.blocking.length > 0) {
    console.error(
      `npm audit --omit=dev: ${summary}\nHigh or critical: ${result.blocking.join(', ')}`,
    );
    process.exit(1);
  }
  console.log(`npm audit --omit=dev: no high or critical findings (${summary})`);
}
