import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end tests spawn bin/fzlint.js, which loads the esbuild bundle:
 * rebuild it first, so a run after `tsc` alone never tests a stale bundle.
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/bundle.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling the CLI failed:\n${r.stderr}`);
}
