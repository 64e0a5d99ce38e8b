import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Hostile requests against `next start` and the nginx front: `npm run build && npm run test:hostile`.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/hostile/**/*.test.ts'],
    globalSetup: ['tests/hostile/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
