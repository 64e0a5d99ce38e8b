import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests against the built site served by `next start`: `npm run build && npm run test:site`.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/site/**/*.test.ts'],
    globalSetup: ['tests/site/global-setup.ts'],
    testTimeout: 20_000,
  },
});
