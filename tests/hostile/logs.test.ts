import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { waitForUrl } from '@/scripts/lib/wait-for-url.mjs';
import { nginxBinary } from '@/tests/support/serve-front';

const ports = inject('ports');
const front = inject('front');
const accessLog = path.join(front.logDir, 'access.log');
// Debian installs it in /usr/sbin, which is not on every user's PATH.
const logrotate = fs.existsSync('/usr/sbin/logrotate') ? '/usr/sbin/logrotate' : 'logrotate';

/** nginx buffers its log lines; SIGUSR1 (what logrotate sends) writes them out and reopens. */
async function flushLogs() {
  process.kill(front.pid, 'SIGUSR1');
  await sleep(300);
}

async function visit(path: string, agent: string) {
  await fetch(`http://127.0.0.1:${ports.front}${path}`, { headers: { 'user-agent': agent } });
}

/** A file's permission bits, e.g. '640'. */
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe("the front's access log", () => {
  it('is readable by its owner and group only, in a directory closed to others', async () => {
    await visit('/de', `mode-${Date.now()}`);
    await flushLogs();
    // It holds the editor's login callback with its one-time code and state.
    expect(mode(front.logDir)).toBe('750');
    expect(mode(accessLog)).toBe('640');
    expect(mode(path.join(front.logDir, 'error.log'))).toBe('640');
    expect(fs.readFileSync('deploy/logrotate', 'utf8')).toMatch(/^\s+create 0640 \S+ \S+$/m);
  });

  it('holds the request, but not the full client address', async () => {
    const agent = `log-test-${Date.now()}`;
    await visit('/de/partner/vku', agent);
    await flushLogs();
    const line = fs
      .readFileSync(accessLog, 'utf8')
      .split('\n')
      .find((l) => l.includes(agent));
    expect(line).toMatch(/^127\.0\.0\.0 \[[^\]]+\] "GET \/de\/partner\/vku HTTP\/1\.1" 200 \d+ /);
    expect(line).not.toContain('127.0.0.1');
  });

  it('shortens every form of address: IPv4 to 24 bits, IPv6 to 48', async () => {
    // The map from deploy/nginx.conf, fed from a header instead of the connection's address.
    const conf = fs.readFileSync('deploy/nginx.conf', 'utf8');
    const map = /^map \$remote_addr \$cc_partners_client \{$[\s\S]*?^\}$/m.exec(conf)?.[0];
    expect(map).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-log-map-'));
    const port = ports.front + 7;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;' : ''} daemon off; pid ${dir}/pid;
       error_log ${dir}/error.log; events {}
       http { access_log off; ${map!.replace('$remote_addr', '$http_x_addr')}
         server { listen 127.0.0.1:${port}; location / { return 200 "$cc_partners_client"; } } }`,
    );
    const nginx = spawn(nginxBinary(), ['-p', dir, '-c', `${dir}/nginx.conf`], { stdio: 'ignore' });
    try {
      await waitForUrl(`http://127.0.0.1:${port}/`, { child: nginx });
      const cases = {
        '192.0.2.123': '192.0.2.0',
        '10.1.2.3': '10.1.2.0',
        '::ffff:192.0.2.123': '192.0.2.0',
        '2001:db8:85a3:8d3:1319:8a2e:370:7348': '2001:db8:85a3::',
        '2001:db8:85a3::8a2e:370:7334': '2001:db8:85a3::',
        '2001:db8::1': '2001:db8::',
        '2001::7': '2001::',
        'fe80::1%eth0': 'fe80::',
        '::1': '::',
        'unix:': '-',
      };
      for (const [address, shortened] of Object.entries(cases)) {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          headers: { 'x-addr': address },
        });
        expect(await response.text(), address).toBe(shortened);
      }
    } finally {
      nginx.kill('SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/logrotate', () => {
  it('keeps today and six rotated days, and nginx writes on into a new file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-logrotate-'));
    const conf = path.join(dir, 'cc-partners');
    fs.writeFileSync(
      conf,
      fs
        .readFileSync('deploy/logrotate', 'utf8')
        .replaceAll('/var/log/nginx/cc-partners', front.logDir)
        .replaceAll('/run/nginx.pid', path.join(path.dirname(front.logDir), 'nginx.pid')),
    );
    try {
      for (let day = 1; day <= 9; day++) {
        const agent = `rotate-${day}`;
        await visit('/en', agent);
        await flushLogs();
        execFileSync(logrotate, ['--force', '--state', path.join(dir, 'state'), conf]);
        await visit('/en', `${agent}-after`);
        await flushLogs();
        // The rotated file holds the day's line; nginx has reopened and writes the next one anew.
        expect(fs.readFileSync(`${accessLog}.1`, 'utf8')).toContain(`"${agent}"`);
        expect(fs.readFileSync(accessLog, 'utf8')).toContain(`"${agent}-after"`);
        expect(mode(accessLog), 'the new log, as logrotate creates it').toBe('640');
      }
      const rotated = fs.readdirSync(front.logDir).filter((f) => f.startsWith('access.log.'));
      expect(rotated.sort()).toEqual([
        'access.log.1',
        'access.log.2.gz',
        'access.log.3.gz',
        'access.log.4.gz',
        'access.log.5.gz',
        'access.log.6.gz',
      ]);
      for (const file of rotated) expect(mode(path.join(front.logDir, file)), file).toBe('640');
      expect(mode(front.logDir)).toBe('750');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
