// Stops an npm script at once on a Node.js that package.json's `engines` does not allow, with one
// line that names the versions and the command that gets one. Every npm script starts with it
// (tests/node-version.test.ts runs them under an old Node); `--quiet` only sets the exit code,
// for scripts/use-node24.sh. No syntax newer than Node 14's: it must run where Node is too old.
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ranges = pkg.engines.node.split('||').map((range) => range.trim().replace(/^\^/, ''));
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const supported = ranges.some((range) => {
  const [wantMajor, wantMinor, wantPatch] = range.split('.').map(Number);
  return major === wantMajor && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
});
if (!supported) {
  if (process.argv[2] !== '--quiet') {
    const wanted = ranges.map((range) => `${range.split('.')[0]} (${range} or newer)`).join(' or ');
    console.error(
      `This project needs Node.js ${wanted}, not ${process.version}: run ". scripts/use-node24.sh" in this shell first, then the command again.`,
    );
  }
  process.exit(1);
}
