// Builds the benchmark repository in a temporary folder: the five full corpus
// reports copied N times each as `.md` (1,000 files, ~14 MB at N = 200, the corpus
// peers.md measured), one 100 KB report (the five concatenated, then 000 and 001
// again: 100,344 bytes, as in peers.md) and one ~1 MB report.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root (packages/bench/src → ../../..). */
export const REPO_ROOT = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');
const FULL = join(REPO_ROOT, 'fixtures', 'corpus', 'full');

/** Target size of the "1 MB" report, in bytes. */
const ONE_MB = 1_000_000;

/**
 * @typedef {object} BenchCorpus
 * @property {string} root        temp repository root (cwd of every run)
 * @property {string} corpusDir   `corpus/`, relative name `corpus`
 * @property {string[]} files     absolute paths of the corpus files, sorted
 * @property {number} bytes       total size of the corpus files
 * @property {string} doc100k     absolute path of the 100 KB report
 * @property {number} doc100kBytes
 * @property {string} doc1m       absolute path of the 1 MB report
 * @property {number} doc1mBytes
 * @property {string} one         absolute path of the single-file start-up input (report 003, 23.5 KB)
 * @property {number} oneBytes
 * @property {string} textlintrc  textlint config (the three rules of peers.md)
 * @property {{name: string, bytes: number}[]} reports
 */

/**
 * Reads the five full reports, in name order.
 * @returns {{name: string, text: Buffer}[]}
 */
export function readReports() {
  const names = readdirSync(FULL).filter((n) => n.endsWith('.txt')).sort();
  if (names.length !== 5) throw new Error(`expected 5 reports in ${FULL}, found ${names.length}`);
  return names.map((name) => ({ name: name.replace(/\.txt$/, ''), text: readFileSync(join(FULL, name)) }));
}

/**
 * Creates the temporary benchmark repository.
 * @param {{copies: number}} opts  copies of each report (200 → 1,000 files)
 * @returns {BenchCorpus}
 */
export function buildCorpus({ copies }) {
  const reports = readReports();
  const root = mkdtempSync(join(tmpdir(), 'fzlint-bench-'));
  const corpusDir = join(root, 'corpus');
  const bigDir = join(root, 'big');
  const oneDir = join(root, 'one');
  const cfgDir = join(root, 'cfg');
  for (const d of [corpusDir, bigDir, oneDir, cfgDir]) mkdirSync(d, { recursive: true });

  // `root: true` keeps fzlint from picking up a config above the temp folder.
  writeFileSync(join(root, 'fzlint.config.json'), '{ "root": true }\n');
  // A package.json marks the folder as a project (tools that look for one stop here).
  writeFileSync(join(root, 'package.json'), '{ "name": "fzlint-bench-corpus", "private": true }\n');

  /** @type {string[]} */
  const files = [];
  let bytes = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const r of reports) {
      const file = join(corpusDir, `${String(copy).padStart(3, '0')}-${r.name}.md`);
      writeFileSync(file, r.text);
      files.push(file);
      bytes += r.text.length;
    }
  }
  files.sort();

  const byIndex = (/** @type {number} */ i) => /** @type {{name: string, text: Buffer}} */ (reports[i]).text;
  // peers.md: "reports 000–004 + 000 + 001 concatenated (100,344 B)" — plain concatenation.
  const text100k = Buffer.concat([...reports.map((r) => r.text), byIndex(0), byIndex(1)]);
  const doc100k = join(bigDir, 'report-100k.md');
  writeFileSync(doc100k, text100k);

  /** @type {Buffer[]} */
  const parts = [];
  let size = 0;
  for (let i = 0; size < ONE_MB; i = (i + 1) % reports.length) {
    // A blank line between reports keeps a report's last paragraph from merging with the next title.
    const t = Buffer.concat([byIndex(i), Buffer.from('\n\n')]);
    parts.push(t);
    size += t.length;
  }
  const text1m = Buffer.concat(parts);
  const doc1m = join(bigDir, 'report-1m.md');
  writeFileSync(doc1m, text1m);

  const one = join(oneDir, 'one.md');
  writeFileSync(one, byIndex(3));

  const textlintrc = join(cfgDir, 'textlintrc.json');
  writeFileSync(
    textlintrc,
    `${JSON.stringify({ rules: { 'max-comma': true, 'sentence-length': { max: 100 }, '@textlint-rule/no-unmatched-pair': true } }, null, 2)}\n`,
  );

  return {
    root,
    corpusDir,
    files,
    bytes,
    doc100k,
    doc100kBytes: text100k.length,
    doc1m,
    doc1mBytes: text1m.length,
    one,
    oneBytes: byIndex(3).length,
    textlintrc,
    reports: reports.map((r) => ({ name: r.name, bytes: r.text.length })),
  };
}

/**
 * The first `n` files of the corpus `buildCorpus` writes (same names, same bytes, same
 * order: copy 000 of the five reports, then copy 001, …), in memory: for in-process
 * drivers that must not depend on a temporary folder (`instructions.mjs`). Each text is
 * decoded from the bytes anew, so no two are the same string object, as when the CLI
 * reads them from disk.
 * @param {number} n
 * @returns {{file: string, text: string}[]}
 */
export function corpusTexts(n) {
  const reports = readReports();
  /** @type {{file: string, text: string}[]} */
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = /** @type {{name: string, text: Buffer}} */ (reports[i % reports.length]);
    out.push({ file: `corpus/${String(Math.floor(i / reports.length)).padStart(3, '0')}-${r.name}.md`, text: r.text.toString('utf8') });
  }
  return out;
}

/**
 * Deletes the temporary repository.
 * @param {BenchCorpus} c
 */
export function removeCorpus(c) {
  rmSync(c.root, { recursive: true, force: true });
}

/**
 * The shape at about `bytes` bytes of UTF-8 (its size in characters scaled by
 * the bytes a character takes in it): the hostile inputs of `pathological.mjs` and
 * `instructions.mjs`.
 * @param {{make: (chars: number) => {text: string, format: string}}} shape @param {number} bytes
 */
export function shapeOfBytes(shape, bytes) {
  const probe = shape.make(Math.max(64, Math.min(4096, bytes)));
  const perChar = Buffer.byteLength(probe.text) / probe.text.length;
  return shape.make(Math.max(64, Math.round(bytes / perChar)));
}
