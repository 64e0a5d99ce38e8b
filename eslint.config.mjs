import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-bench-*/**',
    'out/**',
    'next-env.d.ts',
    'tests/artifacts/**',
    // Copied from node_modules or bundled by build/cms-assets.mjs.
    'public/admin/decap-cms.js',
    'public/admin/js-yaml.min.js',
    'public/admin/cms-preview.js',
  ]),
]);
