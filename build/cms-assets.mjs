// Copies the web editor's prebuilt files from node_modules into public/admin/ (not committed):
// Decap CMS's bundle and js-yaml, which public/admin/cms-format.js needs. `npm run build`,
// `npm run dev` and `npm run edit` run it first.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const files = {
  'decap-cms.js': 'node_modules/decap-cms/dist/decap-cms.js',
  'js-yaml.min.js': 'node_modules/js-yaml/dist/js-yaml.min.js',
};
for (const [name, from] of Object.entries(files)) {
  const source = path.join(root, from);
  const target = path.join(root, 'public/admin', name);
  if (!fs.existsSync(source)) throw new Error(`${from} is missing: run npm ci`);
  // The bundle ends with a comment pointing at a source map that is not shipped.
  const text = fs.readFileSync(source, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text)
    fs.writeFileSync(target, text);
}
