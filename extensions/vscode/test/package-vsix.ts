/** Packages a folder into a .vsix with the extension's own vsce, offline (`--no-dependencies`). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VSCE = path.join(EXTENSION_ROOT, 'node_modules/.bin/vsce');

/** Packages the fzlint extension exactly as its `package` script does, into `out`. */
export function packageExtension(out: string): void {
  const pkg = JSON.parse(readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8'));
  const args = (pkg.scripts.package as string).split(/\s+/).slice(1);
  args.splice(args.indexOf('-o'), 2, '-o', out);
  execFileSync(VSCE, args, { cwd: EXTENSION_ROOT, stdio: 'pipe' });
}

/** Packages another extension folder (the e2e harness) into `out`. */
export function packageFolder(folder: string, out: string): void {
  execFileSync(VSCE, ['package', '--no-dependencies', '--skip-license', '-o', out], { cwd: folder, stdio: 'pipe' });
}
