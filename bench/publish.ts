/**
 * `npm run bench:publish`: how long a change merged into main takes to go live by itself, from
 * the merge to the changed page through the nginx front, with the deploy timer as installed
 * (deploy/cc-partners-deploy.service's command at the start of every minute) on a scratch
 * repository of 36 generated partners. Each round merges a change at a random moment and prints
 * the wait for the timer, fetch and checks, the build, start and warm-up, and the total.
 * BENCH_ROUNDS (3); BENCH_INTERVAL (60 s: the timer's period; less to try it out); ports
 * BENCH_FRONT_PORT (9240, warm-up 9241) and BENCH_PORT_A/B (9242, 9244).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deploy, lines, logged, makeScratch, startTimer } from '../tests/support/deploy-harness';
import { startNginx } from '../tests/support/serve-front';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const interval = Number(process.env.BENCH_INTERVAL ?? 60) * 1000;
const frontPort = Number(process.env.BENCH_FRONT_PORT ?? 9240);
const ports = {
  a: Number(process.env.BENCH_PORT_A ?? 9242),
  b: Number(process.env.BENCH_PORT_B ?? 9244),
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-publish-'));
const scratch = makeScratch({
  work,
  partners: 36,
  settings: { CC_STAGING: '1' },
  environment: {
    CC_PORT_A: String(ports.a),
    CC_PORT_B: String(ports.b),
    CC_WARM_PORT: String(frontPort + 1),
    CC_DRAIN_SECONDS: '10',
  },
});
scratch.commit('Release 0', () => scratch.markPartner('round 0'));
const front = await startNginx({
  frontPort,
  warmPort: frontPort + 1,
  slots: { a: [ports.a, ports.a + 1], b: [ports.b, ports.b + 1] },
  root: scratch.srv,
});
const env = scratch.env;
scratch.env = () => ({ ...env(), CC_CACHE_DIR: front.cacheDir });
const stopAll = async () => {
  await deploy(scratch, ['stop']).done;
  await front.stop();
  fs.rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

const page = async () =>
  (await fetch(`http://127.0.0.1:${frontPort}/de/partner/partner-0001`)).text();
const first = await deploy(scratch).done;
if (first.code !== 0) throw new Error(`the first deploy failed:\n${lines(first).join('\n')}`);

// As OnCalendar=*-*-* *:*:00: at the start of each period, counted from the epoch.
const timer = startTimer(scratch, {
  nextStart: () => (Math.floor(Date.now() / interval) + 1) * interval,
});
const s = (ms: number) => (ms / 1000).toFixed(1);
const rows: number[][] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    await sleep(Math.random() * interval);
    const merged = Date.now();
    scratch.commit(`Round ${round}`, () => scratch.markPartner(`round ${round}`));
    while (!(await page()).includes(`Marker: round ${round}.`)) await sleep(200);
    const liveAt = Date.now();
    const run = await timer.waitFor((r) => logged(r, / is live in slot /) !== undefined, 600_000);
    const at = (pattern: RegExp) => logged(run, pattern)!.at;
    const row = [
      run.log[0]!.at - merged,
      at(/^deploy: building /) - run.log[0]!.at,
      at(/^deploy: starting /) - at(/^deploy: building /),
      at(/ is live in slot /) - at(/^deploy: starting /),
      liveAt - merged,
    ];
    rows.push(row);
    console.log(
      `round ${round}: timer after ${s(row[0]!)} s, fetch and checks ${s(row[1]!)} s, build ${s(row[2]!)} s, ` +
        `start and warm-up ${s(row[3]!)} s; merged to live ${s(row[4]!)} s`,
    );
  }
} finally {
  await timer.stop();
  await stopAll();
}
const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const columns = [
  'wait for the timer',
  'fetch and checks',
  'build',
  'start and warm-up',
  'merge to live',
];
console.log(`\nmedian of ${rows.length} rounds (timer every ${interval / 1000} s):`);
columns.forEach((name, i) => {
  const values = rows.map((row) => row[i]!);
  console.log(
    `  ${name.padEnd(20)} ${s(median(values))} s (${s(Math.min(...values))}–${s(Math.max(...values))})`,
  );
});
