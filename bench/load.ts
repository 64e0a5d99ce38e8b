/**
 * `npm run bench:load` (after `npm run build`): autocannon, 50 connections for 30 s each, on the
 * list page and a partner page, against `next start`, against the nginx front, and against
 * nginx serving the same answer (body and headers) from a plain file (the reference), and once
 * more against the front asking for gzip, as browsers do. Prints
 * req/s, p50/p99 latency, errors, non-2xx answers, the server's CPU time per answer and its peak
 * memory. autocannon needs about one core of the two itself, so req/s show the client's limit as
 * much as the server's; the CPU time per answer shows the server's cost alone. Ports: BENCH_NEXT_PORT (3600),
 * BENCH_FRONT_PORT (8600), BENCH_STATIC_PORT (8602); BENCH_SECONDS shortens a trial run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startNext, startNginx } from '../tests/support/serve-front';

const nextPort = Number(process.env.BENCH_NEXT_PORT ?? 3600);
const frontPort = Number(process.env.BENCH_FRONT_PORT ?? 8600);
const staticPort = Number(process.env.BENCH_STATIC_PORT ?? 8602);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const pages = { list: '/de', partner: '/de/partner/vku' };

/** A process and its children (nginx's workers, next start's). */
function processTree(pid: number): number[] {
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
  return [pid, ...children];
}

/** kB of VmHWM (peak resident memory) of a process and its children. */
function peakMemoryKb(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      return sum + Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;

/** CPU seconds (user + system) used so far by a process and its children. */
function cpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / clockTicks;
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
  /** The server's CPU time per answer: its cost, whoever limits the req/s. */
  cpuUsPerReq: number;
  peakMb: number;
};

type Run = { result: autocannon.Result; cpu: number };

function row(target: string, page: string, runs: Run[], pid: number): Row {
  const results = runs.map((run) => run.result);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const duration = results.reduce((sum, r) => sum + r.duration, 0);
  const cpu = runs.reduce((sum, run) => sum + run.cpu, 0);
  return {
    target,
    page,
    reqPerSec: Math.round(requests / duration),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    // autocannon's errors include its timeouts.
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    cpuUsPerReq: Math.round((cpu / requests) * 1e7) / 10,
    peakMb: Math.round(peakMemoryKb(pid) / 1024),
  };
}

/** Bytes of an answer as sent: status line, headers and body. */
async function answerBytes(url: string): Promise<number> {
  const response = await fetch(url);
  const body = (await response.arrayBuffer()).byteLength;
  let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\n\r\n`.length;
  // fetch hides Connection; nginx sends "Connection: keep-alive".
  head += 'Connection: keep-alive\r\n'.length;
  response.headers.forEach((value, key) => (head += `${key}: ${value}\r\n`.length));
  return head + body;
}

/** autocannon on url, and the CPU time the server (pid and its children) spent meanwhile. */
async function load(
  url: string,
  duration: number,
  pid: number,
  headers: Record<string, string> = {},
): Promise<Run> {
  const before = cpuSeconds(pid);
  const result = await autocannon({ url, connections: 50, duration, headers });
  return { result, cpu: cpuSeconds(pid) - before };
}

/**
 * The front and the static reference share nginx and the two cores, and whichever ran first
 * after next start's own run measured a few percent lower: they take turns instead, in four
 * slices ordered front, reference, reference, front, …, so that neither always goes first.
 * Each row adds up its slices (latency: the worst slice); the ratio of each pair of slices shows
 * the spread.
 */
async function compare(
  page: string,
  front: { url: string; pid: number },
  reference: { url: string; pid: number },
): Promise<{ rows: Row[]; sliceRatios: number[] }> {
  const slices = 4;
  const frontRuns: Run[] = [];
  const referenceRuns: Run[] = [];
  const frontRun = async () => frontRuns.push(await load(front.url, seconds / slices, front.pid));
  const referenceRun = async () =>
    referenceRuns.push(await load(reference.url, seconds / slices, reference.pid));
  for (let slice = 0; slice < slices; slice++) {
    if (slice % 2 === 0) await frontRun().then(referenceRun);
    else await referenceRun().then(frontRun);
  }
  const rate = (run: Run) => run.result.requests.total / run.result.duration;
  return {
    rows: [
      row('nginx front', page, frontRuns, front.pid),
      row('nginx static file', page, referenceRuns, reference.pid),
    ],
    sliceRatios: frontRuns.map((run, i) => rate(run) / rate(referenceRuns[i]!)),
  };
}

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-partners-static-'));
fs.chmodSync(staticDir, 0o755);
const next = await startNext(nextPort);
const front = await startNginx({
  frontPort,
  nextPorts: [nextPort],
  staticReference: { port: staticPort, dir: staticDir },
}).catch(async (error) => {
  await next.stop();
  throw error;
});
const rows: Row[] = [];
const sliceRatios: Record<string, number[]> = {};
try {
  for (const [name, pagePath] of Object.entries(pages)) {
    // The reference file holds exactly the bytes the front serves for this page.
    const body = Buffer.from(await (await fetch(front.url + pagePath)).arrayBuffer());
    fs.writeFileSync(path.join(staticDir, `${name}.html`), body);
    const [frontBytes, referenceBytes] = await Promise.all([
      answerBytes(front.url + pagePath),
      answerBytes(`http://127.0.0.1:${staticPort}/${name}.html`),
    ]);
    console.log(
      `${name} page ${pagePath}: ${body.length} bytes of HTML; answer with headers: front ${frontBytes} bytes, static reference ${referenceBytes} bytes`,
    );
    rows.push(
      row('next start', name, [await load(next.url + pagePath, seconds, next.pid)], next.pid),
    );
    // Let next start finish what the run left it (GC, open sockets) before nginx is measured.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const compared = await compare(
      name,
      { url: front.url + pagePath, pid: front.pid },
      { url: `http://127.0.0.1:${staticPort}/${name}.html`, pid: front.pid },
    );
    rows.push(...compared.rows);
    sliceRatios[name] = compared.sliceRatios;
    // As a browser asks (autocannon asks for no encoding): the front sends Next's gzip copy.
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    rows.push(
      row(
        'nginx front, gzip',
        name,
        [await load(front.url + pagePath, seconds, front.pid, gzip)],
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
    `${page}: front / static reference = ${ratio.toFixed(2)} (slices: ${sliceRatios[page]!.map((r) => r.toFixed(2)).join(', ')}), front / next start = ${(of('nginx front').reqPerSec / of('next start').reqPerSec).toFixed(1)}`,
  );
}
const failed = rows.filter((row) => row.errors > 0 || row.non2xx > 0);
if (failed.length > 0) {
  console.error(
    `errors or non-2xx answers in: ${failed.map((row) => `${row.target} ${row.page}`).join(', ')}`,
  );
  process.exitCode = 1;
}
