import fs from 'node:fs/promises';
import path from 'node:path';

/** The site icon's SVG source (app/icon.svg), for the social cards and the manifests. */
export function readSiteIcon(): Promise<string> {
  return fs.readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'app/icon.svg'), 'utf8');
}
