// Writes the workbench to a folder, to copy to an offline PC: `node packages/web/scripts/write-site.mjs DIR [--single-file]`
// (until `fzlint web --out DIR` is wired into the CLI). Needs `pnpm build`.
import { resolve } from 'node:path';
import { buildSite } from '../dist/index.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node packages/web/scripts/write-site.mjs DIR [--single-file]');
  process.exit(2);
}
const files = await buildSite(resolve(dir), { singleFile: args.includes('--single-file') });
for (const f of files) console.log(f);
