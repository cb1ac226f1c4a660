/**
 * Last year's report in the project API: `previousReport` in config (resolved per
 * config file, checked at load), `lintFiles` with a previous report given, configured
 * or paired inside the batch, the result cache keyed by it, `findPrevious` among the
 * files of a folder, `lintText`, and related places in a converted previous report.
 *
 * The pair is built from the corpus: 宽城区's 2020 report (full/002) and a 2021 draft
 * whose body is another unit's report (full/001) with one passage of 2020 copied in
 * (years typed over) and 2020's count of administrative litigation cases restated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toSourcePosition } from '@fzlint/input';
import { createFzlint, type LintFilesReport } from '../src/project/project.js';
import { MAX_SIBLINGS } from '../src/project/previous.js';
import { DRAFT, DRAFT_NAME, LAST, LAST_NAME, LINE_OF_COPY, LINE_OF_FIGURE } from './support/pair.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fzlint-previous-'));
  put('fzlint.config.json', '{ "root": true }');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(rel: string, content: string | Uint8Array): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** The continuity rules that reported, sorted. */
const continuity = (r: { diagnostics: readonly { ruleId: string }[] }) =>
  r.diagnostics
    .filter((d) => d.ruleId.startsWith('continuity/'))
    .map((d) => d.ruleId)
    .sort();
const ALL_THREE = ['continuity/copied-passage', 'continuity/plan-not-reported', 'continuity/restated-figure'];
const byName = (report: LintFilesReport, name: string) => report.results.find((r) => r.filePath.endsWith(name))!;

describe('previousReport in config', () => {
  it('is resolved against the config file that sets it (an extended one too), and wins over pairing', async () => {
    put(`units/宽城区/${DRAFT_NAME}`, DRAFT);
    put(`archive/${LAST_NAME}`, LAST);
    put('units/base.json', JSON.stringify({ previousReport: `../archive/${LAST_NAME}` }));
    put('units/宽城区/fzlint.config.json', JSON.stringify({ extends: '../base.json' }));
    const fzlint = createFzlint({ cwd: root });
    expect(fzlint.configFor(`units/宽城区/${DRAFT_NAME}`).config.previousReport).toBe(join(root, 'archive', LAST_NAME));
    const report = await fzlint.lintFiles(['.']);
    const draft = byName(report, DRAFT_NAME);
    expect(draft.previous).toMatchObject({ source: 'config', displayPath: `archive/${LAST_NAME}` });
    expect(continuity(draft)).toEqual(ALL_THREE);
    // Last year's report itself has no previous report (its config names none, and it is not paired with itself).
    expect(byName(report, LAST_NAME).previous).toBeUndefined();
  });

  it('a missing or unreadable file is one line naming the config file and the key', () => {
    put('fzlint.config.json', JSON.stringify({ root: true, previousReport: 'archive/没有这个文件.txt' }));
    put(DRAFT_NAME, DRAFT);
    expect(() => createFzlint({ cwd: root }).configFor(DRAFT_NAME)).toThrow(
      'fzlint.config.json: previousReport 指向的上年度报告不存在：archive/没有这个文件.txt — 改为相对本配置文件的正确路径，或删去此项',
    );
    put('archive/dir/.keep', '');
    put('fzlint.config.json', JSON.stringify({ root: true, previousReport: 'archive/dir' }));
    expect(() => createFzlint({ cwd: root, locale: 'en' }).configFor(DRAFT_NAME)).toThrow(
      /^fzlint\.config\.json: previousReport names last year’s report archive\/dir, which cannot be read \(EISDIR\)/,
    );
  });

  it('the schema takes a non-empty string', () => {
    put('fzlint.config.json', JSON.stringify({ root: true, previousReport: 2022 }));
    expect(() => createFzlint({ cwd: root }).configFor(DRAFT_NAME)).toThrow('fzlint.config.json: previousReport 必须是字符串（实际为 2022）');
  });

  it('a file that exists but cannot be used (binary) is a config problem of the run', async () => {
    put('fzlint.config.json', JSON.stringify({ root: true, previousReport: 'last.txt' }));
    put('last.txt', new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    put(DRAFT_NAME, DRAFT);
    const report = await createFzlint({ cwd: root }).lintFiles([DRAFT_NAME]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ id: 'configError', level: 'error' });
    expect(String(report.problems[0]!.data['detail'])).toMatch(/^fzlint\.config\.json: previousReport 指向的上年度报告无法使用：last\.txt/);
    expect(continuity(byName(report, DRAFT_NAME))).toEqual([]);
  });
});

describe('lintFiles', () => {
  beforeEach(() => {
    put(`reports/${LAST_NAME}`, LAST);
    put(`reports/${DRAFT_NAME}`, DRAFT);
  });

  it('pairs the files of a batch: same issuer, report year − 1; related places name last year’s file and its lines', async () => {
    const report = await createFzlint({ cwd: root }).lintFiles(['reports']);
    expect(report.problems).toEqual([]);
    expect(report.pairing?.pairs.map((p) => [p.current, p.previous, p.reason.match, p.reason.year, p.reason.previousYear])).toEqual([
      [join(root, 'reports', DRAFT_NAME), join(root, 'reports', LAST_NAME), 'same', 2021, 2020],
    ]);
    expect(report.pairing?.unpaired).toEqual([{ file: join(root, 'reports', LAST_NAME), reason: 'no-previous' }]);
    const draft = byName(report, DRAFT_NAME);
    expect(draft.previous).toMatchObject({ source: 'paired', filePath: join(root, 'reports', LAST_NAME), displayPath: `reports/${LAST_NAME}` });
    const copied = draft.diagnostics.find((d) => d.ruleId === 'continuity/copied-passage')!;
    expect(copied.related?.[0]).toMatchObject({ filePath: join(root, 'reports', LAST_NAME), start: { line: LINE_OF_COPY } });
    const restated = draft.diagnostics.find((d) => d.ruleId === 'continuity/restated-figure')!;
    expect(restated).toMatchObject({ severity: 'error', start: { line: 4 } });
    expect(restated.related?.[0]).toMatchObject({ filePath: join(root, 'reports', LAST_NAME), start: { line: LINE_OF_FIGURE } });
    expect(continuity(byName(report, LAST_NAME))).toEqual([]);
  });

  it('gives the same results in worker threads', async () => {
    // Workers run the built worker script: the package's dist/.
    const { createFzlint: built } = await import('../dist/node.js');
    const inThread = await built({ cwd: root }).lintFiles(['reports'], { concurrency: 1 });
    const inWorkers = await built({ cwd: root }).lintFiles(['reports'], { concurrency: 2 });
    expect(inWorkers.problems).toEqual([]);
    expect(inWorkers.results.flatMap(continuity)).toEqual(ALL_THREE);
    expect(inWorkers.results.map((r) => r.diagnostics)).toEqual(inThread.results.map((r) => r.diagnostics));
    expect(inWorkers.results.map((r) => r.previous)).toEqual(inThread.results.map((r) => r.previous));
  });

  it('`previous` for the run wins; a file is never its own previous report; `pair: false` pairs nothing', async () => {
    const given = await createFzlint({ cwd: root }).lintFiles(['reports'], { previous: `reports/${LAST_NAME}` });
    expect(given.pairing).toBeUndefined();
    expect(byName(given, DRAFT_NAME).previous).toMatchObject({ source: 'option' });
    expect(byName(given, LAST_NAME).previous).toBeUndefined();
    expect(continuity(byName(given, LAST_NAME))).toEqual([]);
    const off = await createFzlint({ cwd: root }).lintFiles(['reports'], { pair: false });
    expect(off.results.map((r) => r.previous)).toEqual([undefined, undefined]);
    expect(continuity(byName(off, DRAFT_NAME))).toEqual([]);
  });

  it('a previous report given that does not exist is a problem, and the files are linted without it', async () => {
    const report = await createFzlint({ cwd: root }).lintFiles(['reports'], { previous: 'nope.txt' });
    expect(report.problems).toEqual([{ id: 'previousUnusable', level: 'error', data: { detail: 'nope.txt：文件或目录不存在 — 检查路径拼写' } }]);
    expect(report.results.flatMap(continuity)).toEqual([]);
  });

  it('does not pair files whose config turns every continuity rule off', async () => {
    const off = Object.fromEntries(['copied-passage', 'repeated-shortcomings', 'plan-not-reported', 'restated-figure'].map((r) => [`continuity/${r}`, 'off']));
    put('fzlint.config.json', JSON.stringify({ root: true, rules: off }));
    const report = await createFzlint({ cwd: root }).lintFiles(['reports']);
    expect(report.pairing?.pairs).toEqual([]);
    expect(byName(report, DRAFT_NAME).previous).toBeUndefined();
  });

  it('caches results per previous report: unchanged → hits; last year’s report changed → the draft is linted again', async () => {
    const cache = { location: join(root, 'cache.json') };
    const cold = await createFzlint({ cwd: root }).lintFiles(['reports'], { cache });
    expect(cold.cache).toEqual({ hits: 0, misses: 2 });
    const warm = await createFzlint({ cwd: root }).lintFiles(['reports'], { cache });
    expect(warm.cache).toEqual({ hits: 2, misses: 0 });
    expect(byName(warm, DRAFT_NAME)).toMatchObject({ cached: true, previous: { source: 'paired' } });
    expect(continuity(byName(warm, DRAFT_NAME))).toEqual(continuity(byName(cold, DRAFT_NAME)));
    // Last year's report now says 38 cases: no longer a restated figure.
    put(`reports/${LAST_NAME}`, LAST.replace('行政应诉案件35件', '行政应诉案件38件'));
    const changed = await createFzlint({ cwd: root }).lintFiles(['reports'], { cache });
    expect(changed.cache).toEqual({ hits: 0, misses: 2 });
    expect(continuity(byName(changed, DRAFT_NAME))).toEqual(['continuity/copied-passage', 'continuity/plan-not-reported']);
    // The same file given explicitly instead of paired: the same previous report, the same result.
    const given = await createFzlint({ cwd: root }).lintFiles([`reports/${DRAFT_NAME}`], { cache, previous: `reports/${LAST_NAME}` });
    expect(given.cache).toEqual({ hits: 1, misses: 0 });
    // Another file with last year's text: another previous report for the cache.
    put('elsewhere/last.txt', LAST);
    const other = await createFzlint({ cwd: root }).lintFiles([`reports/${DRAFT_NAME}`], { cache, previous: 'elsewhere/last.txt' });
    expect(other.cache).toEqual({ hits: 0, misses: 1 });
    expect(continuity(byName(other, DRAFT_NAME))).toEqual(ALL_THREE);
  });

  it('related places in a converted previous report are given at its paragraphs', async () => {
    // Last year's report as a saved web page: one <p> per line of the text.
    const paragraphs = LAST.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>2020年度法治政府建设情况的报告</title></head><body>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
    put(`web/${LAST_NAME.replace('.txt', '.html')}`, html);
    put(`web/${DRAFT_NAME}`, DRAFT);
    const report = await createFzlint({ cwd: root }).lintFiles(['web'], { previous: `web/${LAST_NAME.replace('.txt', '.html')}` });
    const copied = byName(report, DRAFT_NAME).diagnostics.find((d) => d.ruleId === 'continuity/copied-passage')!;
    // Where the page reader puts that paragraph, and the line it has in the converted Markdown.
    const read = await createFzlint({ cwd: root }).readReport(`web/${LAST_NAME.replace('.txt', '.html')}`);
    if (!read.ok || !read.sourceMap) throw new Error('the page was not converted');
    const line = read.text.split('\n').findIndex((l) => l.includes('持续开展简政放权')) + 1;
    const paragraph = toSourcePosition(read.sourceMap, { line, column: 1 }).line;
    expect(paragraph).not.toBe(line);
    expect(copied.related?.[0]?.start?.line).toBe(paragraph);
  });
});

describe('findPrevious and lintText', () => {
  it('finds last year’s report among the files of the folder, and says why a file has none', async () => {
    put(`reports/${LAST_NAME}`, LAST);
    const draft = put(`reports/${DRAFT_NAME}`, DRAFT);
    put('reports/other.md', '# 2020年度北京市法治政府建设情况报告\n\n2020年，北京市坚持依法行政。\n');
    put('reports/sub/deeper.txt', LAST);
    const fzlint = createFzlint({ cwd: root });
    const found = await fzlint.findPrevious(draft);
    expect(found.previous).toMatchObject({ source: 'paired', filePath: join(root, 'reports', LAST_NAME), reason: { match: 'same' } });
    expect(found.previous?.text).toBe(LAST);
    // Only the folder itself, not its subfolders.
    expect([...found.scanned].sort()).toEqual([join(root, 'reports', LAST_NAME), join(root, 'reports', 'other.md')].sort());
    const none = await fzlint.findPrevious(join(root, 'reports', LAST_NAME));
    expect(none).toMatchObject({ unpaired: { reason: 'no-previous' } });
    expect(none.previous).toBeUndefined();
    // An unsaved buffer: its text, not the disk's, says who issued it.
    const buffer = await fzlint.findPrevious(draft, { text: '# 2021年度北京市法治政府建设情况报告\n\n2021年，北京市坚持依法行政。\n', format: 'markdown' });
    expect(buffer.previous?.filePath).toBe(join(root, 'reports', 'other.md'));
  });

  it('reads at most MAX_SIBLINGS other files, those whose name says the year before first', async () => {
    for (let i = 0; i < MAX_SIBLINGS + 5; i++) put(`many/${String(i).padStart(3, '0')}.md`, `# 2021年度某${i}县法治政府建设情况报告\n`);
    put(`many/${LAST_NAME}`, LAST);
    const draft = put(`many/${DRAFT_NAME}`, DRAFT);
    const found = await createFzlint({ cwd: root }).findPrevious(draft);
    expect(found.scanned).toHaveLength(MAX_SIBLINGS);
    expect(found.scanned[0]).toBe(join(root, 'many', LAST_NAME));
    expect(found.previous?.source).toBe('paired');
  });

  it('lintText applies the config’s previousReport, reads it again when it changes, and takes false or a text', async () => {
    put('fzlint.config.json', JSON.stringify({ root: true, previousReport: LAST_NAME }));
    put(LAST_NAME, LAST);
    const fzlint = createFzlint({ cwd: root });
    const filePath = join(root, DRAFT_NAME);
    const withConfig = await fzlint.lintText(DRAFT, { filePath });
    expect(continuity(withConfig)).toEqual(ALL_THREE);
    expect(withConfig.diagnostics.find((d) => d.ruleId === 'continuity/copied-passage')?.related?.[0]?.filePath).toBe(join(root, LAST_NAME));
    put(LAST_NAME, `${LAST.replace('行政应诉案件35件', '行政应诉案件38件')}\n`);
    expect(continuity(await fzlint.lintText(DRAFT, { filePath }))).toEqual(['continuity/copied-passage', 'continuity/plan-not-reported']);
    expect(continuity(await fzlint.lintText(DRAFT, { filePath, previous: false }))).toEqual([]);
    const given = await fzlint.lintText(DRAFT, { filePath, previous: { text: LAST, filePath: 'given.txt' } });
    expect(given.diagnostics.find((d) => d.ruleId === 'continuity/restated-figure')?.related?.[0]?.filePath).toBe(join(root, 'given.txt'));
  });
});
