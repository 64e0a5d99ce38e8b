/**
 * `npm run bench:load` (after `npm run build`): autocannon, 50 connections for 30 s each, on the
 * list page and a partner page, against `next start`, against the nginx front, and against
 * nginx serving the same bytes as a plain file (the reference). Prints req/s, p50/p99 latency,
 * errors, non-2xx answers and the server's peak memory. Ports: BENCH_NEXT_PORT (3600),
 * BENCH_FRONT_PORT (8600), BENCH_STATIC_PORT (8601); BENCH_SECONDS shortens a trial run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startNext, startNginx } from './serve-front';

const nextPort = Number(process.env.BENCH_NEXT_PORT ?? 3600);
const frontPort = Number(process.env.BENCH_FRONT_PORT ?? 8600);
const staticPort = Number(process.env.BENCH_STATIC_PORT ?? 8601);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const pages = { list: '/de', partner: '/de/partner/vku' };

/** kB of VmHWM (peak resident memory) of a process and its children (nginx's workers). */
function peakMemoryKb(pid: number): number {
  const children = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return (
          fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] ===
          String(pid)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children].reduce((sum, p) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      return sum + Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
}

type Row = {
  target: string;
  page: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakMb: number;
};

async function bench(target: string, page: string, url: string, pid: number): Promise<Row> {
  const result = await autocannon({ url, connections: 50, duration: seconds });
  return {
    target,
    page,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakMb: Math.round(peakMemoryKb(pid) / 1024),
  };
}

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-partners-static-'));
fs.chmodSync(staticDir, 0o755);
const next = await startNext(nextPort);
const front = await startNginx({
  frontPort,
  nextPort,
  staticReference: { port: staticPort, dir: staticDir },
}).catch(async (error) => {
  await next.stop();
  throw error;
});
const rows: Row[] = [];
try {
  for (const [name, pagePath] of Object.entries(pages)) {
    // The reference file holds exactly the bytes the front serves for this page.
    const body = Buffer.from(await (await fetch(front.url + pagePath)).arrayBuffer());
    fs.writeFileSync(path.join(staticDir, `${name}.html`), body);
    console.log(`${name} page ${pagePath}: ${body.length} bytes`);
    rows.push(await bench('next start', name, next.url + pagePath, next.pid));
    rows.push(await bench('nginx front', name, front.url + pagePath, front.pid));
    rows.push(
      await bench(
        'nginx static file',
        name,
        `http://127.0.0.1:${staticPort}/${name}.html`,
        front.pid,
      ),
    );
  }
} finally {
  await Promise.all([front.stop(), next.stop()]);
  fs.rmSync(staticDir, { recursive: true, force: true });
}

console.log(
  `\n50 connections, ${seconds} s each, on ${os.cpus().length} CPUs (peak memory: VmHWM, nginx with workers)`,
);
console.table(rows);
for (const page of Object.keys(pages)) {
  const of = (target: string) => rows.find((row) => row.page === page && row.target === target)!;
  const ratio = of('nginx front').reqPerSec / of('nginx static file').reqPerSec;
  console.log(
    `${page}: front / static reference = ${ratio.toFixed(2)}, front / next start = ${(of('nginx front').reqPerSec / of('next start').reqPerSec).toFixed(1)}`,
  );
}
const failed = rows.filter((row) => row.errors > 0 || row.non2xx > 0);
if (failed.length > 0) {
  console.error(
    `errors or non-2xx answers in: ${failed.map((row) => `${row.target} ${row.page}`).join(', ')}`,
  );
  process.exitCode = 1;
}
