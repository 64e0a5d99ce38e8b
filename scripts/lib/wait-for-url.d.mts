import type { ChildProcess } from 'node:child_process';

export function waitForUrl(
  url: string,
  options?: { timeoutMs?: number; child?: ChildProcess },
): Promise<void>;
