import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Deploys, crashes and restarts under load: `npm run test:faults` (builds releases itself).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
