// Puts the web editor's generated files into public/admin/ (not committed): Decap CMS's bundle
// and js-yaml (which public/admin/cms-format.js needs), copied from node_modules, and the partner
// preview (app/admin/preview.tsx), bundled for the browser. `npm run build`, `npm run dev` and
// `npm run edit` run it first.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

function write(name, text) {
  const target = path.join(root, 'public/admin', name);
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text)
    fs.writeFileSync(target, text);
}

const files = {
  'decap-cms.js': 'node_modules/decap-cms/dist/decap-cms.js',
  'js-yaml.min.js': 'node_modules/js-yaml/dist/js-yaml.min.js',
};
for (const [name, from] of Object.entries(files)) {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) throw new Error(`${from} is missing: run npm ci`);
  // The bundle ends with a comment pointing at a source map that is not shipped.
  write(name, fs.readFileSync(source, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

const preview = await build({
  absWorkingDir: root,
  entryPoints: ['app/admin/preview.tsx'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'warning',
});
write('cms-preview.js', preview.outputFiles[0].text);
