// Validates all content without building the site: `npm run content:check` (CONTENT_DIR to point elsewhere).
import { contentDir, reportContent } from '../lib/content/check';

process.exitCode = reportContent(contentDir()) ? 0 : 1;
