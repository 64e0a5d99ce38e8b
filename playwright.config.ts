import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';

// Serves the existing build (`npm run build` first) and drives Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 3500);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { outputFolder: 'tests/artifacts/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // No -H: binding next start to 127.0.0.1 makes localized pathnames redirect to themselves.
    command: `npx next start -p ${port}`,
    url: `http://127.0.0.1:${port}/de`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
