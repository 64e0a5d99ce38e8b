import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // The built-site tests need a server: `npm run test:site`.
    exclude: ['tests/site/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // next-intl imports `next/navigation` without an extension, which only Vite's resolver handles.
    server: { deps: { inline: ['next-intl'] } },
  },
});
