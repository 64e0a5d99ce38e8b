// @ts-check
// Debian's Chromium, as every browser test and audit here launches it. The closed network makes a
// default Chromium retry Google's services, and root needs --no-sandbox.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
