import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: [
      'tests/site/**',
      'tests/hostile/**',
      'tests/faults/**',
      'tests/e2e/**',
      '**/node_modules/**',
    ],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // Let Vite resolve next-intl's extensionless imports of next/* (Node's ESM loader cannot).
    server: { deps: { inline: ['next-intl'] } },
  },
});
