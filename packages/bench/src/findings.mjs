// The findings check of `pnpm bench`: fzlint's JSON output on the bench corpus,
// normalised (paths relative to the corpus repository, files and messages sorted,
// a fixed set of message fields) and hashed. Every fzlint row of a run (concurrency
// 1, 2 and auto, cold and warm cache, and the same rows of a `--baseline` checkout)
// must give the same digest, and that digest must equal the one committed in
// `packages/bench/findings-baseline.json` — the findings before the speed work.
// Speed work must not change what fzlint finds.
//
// `pnpm bench --record-findings` rewrites the baseline on purpose (a deliberate
// change of findings); it records the full corpus (200 copies) and the `--quick`
// one (10 copies), so that a smoke run is checked too.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { REPO_ROOT } from './corpus.mjs';

/** The committed baseline. */
export const FINDINGS_BASELINE = join(REPO_ROOT, 'packages', 'bench', 'findings-baseline.json');

/**
 * The message fields that make a finding: what an author sees and what `--fix` would do.
 * Anything else in the JSON (docs URL, counts derivable from these) is left out, so a
 * formatter detail cannot pass for a change of findings.
 */
const FIELDS = /** @type {const} */ (['ruleId', 'severity', 'fzlintSeverity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'fix', 'suggestions', 'fatal']);

/**
 * @typedef {object} FindingsSummary
 * @property {string} digest   sha256 of the normalised findings (hex)
 * @property {number} files    files in the output
 * @property {number} total    findings (suppressed ones excluded)
 * @property {number} suppressed
 * @property {Record<string, Record<string, number>>} byRule  rule id → severity → count
 * @property {Record<string, string>} [samples]  digest of each file of the first copy (`000-*`), to name a file that differs
 */

/** @param {unknown} v @returns {unknown} */
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(/** @type {Record<string, unknown>} */ (v)[k])]),
    );
  }
  return v;
}

/** @param {any} m */
function normaliseMessage(m) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of FIELDS) if (m[k] !== undefined && m[k] !== null) out[k] = sortKeys(m[k]);
  return out;
}

/** @param {Record<string, unknown>} a @param {Record<string, unknown>} b */
function compareMessages(a, b) {
  const ka = JSON.stringify([a.line ?? 0, a.column ?? 0, a.endLine ?? 0, a.endColumn ?? 0, a.ruleId ?? '', a.message ?? '']);
  const kb = JSON.stringify([b.line ?? 0, b.column ?? 0, b.endLine ?? 0, b.endColumn ?? 0, b.ruleId ?? '', b.message ?? '']);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const fa = JSON.stringify(a);
  const fb = JSON.stringify(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** @param {string} s */
const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/**
 * Normalises and hashes fzlint's JSON output (ESLint shape: one result per file).
 * @param {string} jsonText the output of `fzlint --format json`
 * @param {string} root     the folder paths are made relative to (the corpus repository)
 * @returns {FindingsSummary}
 */
export function summariseFindings(jsonText, root) {
  const results = JSON.parse(jsonText);
  if (!Array.isArray(results)) throw new Error('fzlint --format json did not print an array');
  /** @type {Record<string, Record<string, number>>} */
  const byRule = {};
  let total = 0;
  let suppressed = 0;
  const files = results
    .map((/** @type {any} */ r) => {
      const path = String(r.filePath ?? '');
      const rel = (isAbsolute(path) ? relative(root, path) : path).split('\\').join('/');
      const messages = (r.messages ?? []).map(normaliseMessage).sort(compareMessages);
      for (const m of messages) {
        const rule = String(m.ruleId ?? '(fatal)');
        const sev = String(m.fzlintSeverity ?? (m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : String(m.severity)));
        const counts = (byRule[rule] ??= {});
        counts[sev] = (counts[sev] ?? 0) + 1;
        total++;
      }
      suppressed += (r.suppressedMessages ?? []).length;
      return { file: rel, messages, suppressed: (r.suppressedMessages ?? []).length };
    })
    .sort((/** @type {{file: string}} */ a, /** @type {{file: string}} */ b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  /** @type {Record<string, string>} */
  const samples = {};
  for (const f of files) if (/(^|\/)000-[^/]+$/.test(f.file)) samples[f.file] = sha256(JSON.stringify(f)).slice(0, 16);
  return {
    digest: sha256(JSON.stringify(files)),
    files: files.length,
    total,
    suppressed,
    byRule: /** @type {Record<string, Record<string, number>>} */ (sortKeys(byRule)),
    samples,
  };
}

/**
 * The committed baseline, or undefined when there is none.
 * @returns {{recordedAt: string, commit: string, note?: string, corpora: Record<string, FindingsSummary & {copies: number}>} | undefined}
 */
export function readFindingsBaseline() {
  if (!existsSync(FINDINGS_BASELINE)) return undefined;
  return JSON.parse(readFileSync(FINDINGS_BASELINE, 'utf8'));
}

/**
 * The commit of a checkout, and whether its tracked files outside the bench differ from it
 * (the bench's own files do not change what fzlint finds).
 * @param {string} [dir]
 */
export function gitCommit(dir = REPO_ROOT) {
  try {
    const hash = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!packages/bench'], { cwd: dir, encoding: 'utf8' }).trim() !== '';
    return `${hash}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/**
 * Writes the baseline file: one summary per corpus size (files), replacing those given.
 * @param {Record<string, FindingsSummary & {copies: number}>} corpora keyed by file count
 * @param {string} fzlintVersion
 */
export function writeFindingsBaseline(corpora, fzlintVersion) {
  const old = readFindingsBaseline();
  const json = {
    note: 'Findings of fzlint on the bench corpus (pnpm bench): the digest every fzlint row must give. Rewritten only by `pnpm bench --record-findings`.',
    recordedAt: new Date().toISOString(),
    commit: gitCommit(),
    fzlint: fzlintVersion,
    corpora: { ...(old?.corpora ?? {}), ...corpora },
  };
  writeFileSync(FINDINGS_BASELINE, `${JSON.stringify(json, null, 2)}\n`);
  return json;
}

/**
 * How two summaries differ, in lines for a person: the rules whose counts differ, else
 * the sample files that differ, else just the digests.
 * @param {FindingsSummary} expected @param {FindingsSummary} actual
 * @returns {string[]}
 */
export function describeDifference(expected, actual) {
  /** @type {string[]} */
  const lines = [];
  if (expected.files !== actual.files) lines.push(`files: ${expected.files} expected, ${actual.files} now`);
  if (expected.total !== actual.total) lines.push(`findings: ${expected.total} expected, ${actual.total} now (${actual.total > expected.total ? '+' : ''}${actual.total - expected.total})`);
  if (expected.suppressed !== actual.suppressed) lines.push(`suppressed: ${expected.suppressed} expected, ${actual.suppressed} now`);
  const rules = new Set([...Object.keys(expected.byRule), ...Object.keys(actual.byRule)]);
  for (const rule of [...rules].sort()) {
    const e = expected.byRule[rule] ?? {};
    const a = actual.byRule[rule] ?? {};
    for (const sev of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if ((e[sev] ?? 0) !== (a[sev] ?? 0)) lines.push(`${rule} (${sev}): ${e[sev] ?? 0} expected, ${a[sev] ?? 0} now`);
    }
  }
  if (lines.length === 0) {
    lines.push('same counts per rule and severity: positions, messages or fixes differ');
    for (const [file, d] of Object.entries(expected.samples ?? {})) {
      const now = actual.samples?.[file];
      if (now !== d) lines.push(`  e.g. ${file} differs`);
    }
  }
  return lines;
}
