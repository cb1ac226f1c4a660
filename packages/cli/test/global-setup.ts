import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end tests spawn bin/fzlint.js, which loads the esbuild bundle:
 * rebuild it first, so a run after `tsc` alone never tests a stale bundle.
 * The runs of this test run share one fresh code-cache folder (the bundle's V8
 * code cache, src/compile-cache.ts; written atomically, so parallel test files can
 * share it) instead of the user's; e2e-compile-cache gives each of its tests its own.
 */
export default function setup(): () => void {
  const script = fileURLToPath(new URL('../scripts/bundle.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling the CLI failed:\n${r.stderr}`);
  const home = mkdtempSync(join(tmpdir(), 'fzlint-test-cache-'));
  process.env['XDG_CACHE_HOME'] = home;
  return () => rmSync(home, { recursive: true, force: true });
}
