// Lists what keeps the site from going live: `npm run launch:check` (README, "Before going live").
import { contentDir } from '../lib/content/check';
import { reportLaunch } from '../lib/launch/check';

process.exitCode = reportLaunch(contentDir(), process.env, console.log) ? 0 : 1;
