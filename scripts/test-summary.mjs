// Sums the vitest JSON reports of every workspace package into one closing line,
// `N passed, N failed`, which CI reads. Run after `pnpm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
/** Failed tests named with the first line of their message: CI's log keeps only the end of the output. */
const failures = [];
for (const group of ['packages', 'extensions']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const pkgDir = join(dir, name);
    const pkgJson = join(pkgDir, 'package.json');
    if (!existsSync(pkgJson)) continue;
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
    if (!pkg.scripts?.test) continue;
    const report = join(pkgDir, '.vitest-result.json');
    if (!existsSync(report)) {
      missing.push(pkg.name);
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A suite that failed to load has no failed test but is a failure all the same.
    failed += (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
    for (const file of r.testResults ?? []) {
      const where = `${pkg.name} ${file.name ? file.name.slice(pkgDir.length + 1) : ''}`;
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
      for (const a of file.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`${where} > ${a.fullName ?? a.title}: ${firstLine((a.failureMessages ?? [])[0])}`);
      }
    }
  }
}
function firstLine(message) {
  const line = String(message ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  // Colour codes from the runner would only clutter the log.
  return line.replace(/\u001b\[[0-9;]*m/g, '').trim().slice(0, 300);
}
for (const f of failures) console.log(`FAILED ${f}`);
if (missing.length) {
  console.log(`no test report from: ${missing.join(', ')}`);
  failed += missing.length;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
