/**
 * Last year's report through the built CLI, on a pair built from the corpus (see
 * support/continuity.ts): `--previous LAST THIS`, `previousReport` in config and
 * automatic pairing in a directory give the same continuity findings; related places
 * in last year's file reach every formatter; `inspect` shows the pair and why;
 * `score` gains its continuity line; a clean pair gives no continuity warning or error.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fzlint, parseJson, resultFor, type JsonResult } from './helpers.js';
import { continuityPair, PAIR_FILES } from './support/continuity.js';

const pair = continuityPair();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-continuity-'));
  put('fzlint.config.json', '{ "root": true }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(rel: string, text: string): void {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const LAST = `reports/${PAIR_FILES.last}`;
const DRAFT = `reports/${PAIR_FILES.draft}`;

interface Related {
  message: string;
  line: number;
  column: number;
  filePath?: string;
}
type Message = JsonResult['messages'][number] & { related?: Related[] };

/** The continuity findings of a file: rule, severity, line, and the related places in other files. */
function continuity(result: JsonResult): string[] {
  return (result.messages as Message[])
    .filter((m) => m.ruleId.startsWith('continuity/'))
    .map((m) => {
      const elsewhere = (m.related ?? []).filter((r) => r.filePath !== undefined).map((r) => `${r.filePath!.replace(/^.*\//, '')}:${r.line}`);
      return `${m.ruleId} ${m.fzlintSeverity} ${m.line} → ${elsewhere.join(', ')}`;
    });
}

/** What the draft must get: the copied passage (a warning) and the restated figure (an error), pointing at last year's lines. */
const EXPECTED = [
  `continuity/copied-passage warn 3 → ${PAIR_FILES.last}:${pair.sourceLine}`,
  `continuity/restated-figure error 4 → ${PAIR_FILES.last}:${pair.figureLine}`,
];
const withoutPlan = (findings: string[]) => findings.filter((f) => !f.startsWith('continuity/plan-not-reported'));

describe('the three ways to give last year’s report', () => {
  beforeEach(() => {
    put(LAST, pair.last);
    put(DRAFT, pair.draft);
  });

  it('--previous LAST THIS: exit 1 for the restated figure; stylish names last year’s file and line under each finding', () => {
    const run = fzlint(dir, ['--previous', LAST, DRAFT]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const copied = lines.findIndex((l) => l.includes('continuity/copied-passage'));
    expect(lines[copied]).toMatch(/^ {2}3:1 +warning +这段文字与上年度报告第\d+行的段落基本相同/);
    expect(lines[copied + 1]).toMatch(new RegExp(`^ +↳ ${LAST}:${pair.sourceLine}:\\d+  上年度报告中的这段文字$`));
    const restated = lines.findIndex((l) => l.includes('continuity/restated-figure'));
    expect(lines[restated]).toContain('本报告写上年区政府行政诉讼案件为38件，而上年度报告（第');
    expect(lines[restated + 1]).toMatch(new RegExp(`^ +↳ ${LAST}:${pair.figureLine}:\\d+  上年度报告所载：35件`));
  });

  it('--previous, previousReport in config and pairing in a directory give the same findings', () => {
    const given = resultFor(parseJson(fzlint(dir, ['--format', 'json', '--previous', LAST, DRAFT]).stdout), PAIR_FILES.draft);
    expect(withoutPlan(continuity(given))).toEqual(EXPECTED);
    const paired = parseJson(fzlint(dir, ['--format', 'json', 'reports']).stdout);
    expect(continuity(resultFor(paired, PAIR_FILES.draft))).toEqual(continuity(given));
    // Last year's report itself is compared with nothing.
    expect(continuity(resultFor(paired, PAIR_FILES.last))).toEqual([]);
    put('reports/fzlint.config.json', JSON.stringify({ previousReport: PAIR_FILES.last }));
    const configured = fzlint(dir, ['--format', 'json', DRAFT]);
    expect(configured.code, configured.stderr).toBe(1);
    expect(continuity(resultFor(parseJson(configured.stdout), PAIR_FILES.draft))).toEqual(continuity(given));
  });

  it('--stdin takes --previous, or the config’s previousReport of --stdin-filename', () => {
    const given = fzlint(dir, ['--stdin', '--stdin-filename', DRAFT, '--format', 'json', '--previous', LAST], pair.draft);
    expect(given.code, given.stderr).toBe(1);
    expect(withoutPlan(continuity(parseJson(given.stdout)[0]!))).toEqual(EXPECTED);
    // Alone on standard input there is no batch to pair with: nothing is compared.
    expect(continuity(parseJson(fzlint(dir, ['--stdin', '--stdin-filename', DRAFT, '--format', 'json'], pair.draft).stdout)[0]!)).toEqual([]);
    put('reports/fzlint.config.json', JSON.stringify({ previousReport: PAIR_FILES.last }));
    const configured = fzlint(dir, ['--stdin', '--stdin-filename', DRAFT, '--format', 'json'], pair.draft);
    expect(withoutPlan(continuity(parseJson(configured.stdout)[0]!))).toEqual(EXPECTED);
  });

  it('every formatter carries the place in last year’s file', () => {
    const sarifPath = join(dir, 'out.sarif');
    const run = fzlint(dir, ['--format', 'github', '--format', `sarif:${sarifPath}`, '--format', `gitlab:${join(dir, 'gl.json')}`, 'reports']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`::warning file=${DRAFT.replace(/[.]/g, '\\.')},line=3,.*title=fzlint \\(continuity/copied-passage\\)::.*%0A↳ ${LAST.replace(/[.]/g, '\\.')}:${pair.sourceLine}:`));
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as {
      runs: { artifacts: { location: { uri: string } }[]; results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const copied = log.runs[0]!.results.find((r) => r.ruleId === 'continuity/copied-passage')!;
    const place = copied.relatedLocations?.[0]?.physicalLocation;
    expect(decodeURIComponent(place?.artifactLocation.uri ?? '')).toBe(LAST);
    expect(place?.region.startLine).toBe(pair.sourceLine);
    expect(log.runs[0]!.artifacts.map((a) => decodeURIComponent(a.location.uri))).toContain(LAST);
    const gl = JSON.parse(readFileSync(join(dir, 'gl.json'), 'utf8')) as { check_name: string; description: string }[];
    expect(gl.find((i) => i.check_name === 'continuity/restated-figure')?.description).toContain(`↳ ${LAST}:${pair.figureLine}:`);
  });

  it('inspect shows who issued the report, the pair and why — as text and as JSON', () => {
    const text = fzlint(dir, ['inspect', DRAFT]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('  发文单位: 宽城区人民政府（标题，第 1 行；比对名称 宽城区）');
    expect(text.stdout).toContain(`  上年度报告: ${LAST}（自动配对：发文单位相同：宽城区（本年度取自标题“宽城区人民政府”，上年度取自开头一句“宽城区”）；报告年度 2020（标题）→ 2021（标题））`);
    const json = JSON.parse(fzlint(dir, ['inspect', DRAFT, '--format', 'json', '--locale', 'en']).stdout) as { pairing: Record<string, unknown> };
    expect(json.pairing).toMatchObject({
      issuer: { name: '宽城区人民政府', key: '宽城区', source: 'title', line: 1 },
      year: { value: 2021, source: 'title' },
      previous: { filePath: LAST, source: 'paired', match: 'same' },
      scanned: 1,
    });
    expect(String((json.pairing['previous'] as { why: string }).why)).toMatch(/^same issuer 宽城区 .*; report year 2020 \(title\) → 2021 \(title\)$/);
    const last = fzlint(dir, ['inspect', LAST, '--locale', 'en']);
    expect(last.stdout).toContain('  Last year: none — no report of the same issuer for the year before (1 other report of the folder read)');
    expect(fzlint(dir, ['inspect', DRAFT, '--previous', LAST]).stdout).toContain(`  上年度报告: ${LAST}（命令行：由 --previous 给出）`);
  });

  it('score gains a continuity line with a previous report, and has none without one', () => {
    const cards = JSON.parse(fzlint(dir, ['score', 'reports', '--format', 'json']).stdout) as { filePath: string; continuity?: Record<string, unknown> }[];
    const draft = cards.find((c) => c.filePath === DRAFT)!;
    expect(draft.continuity).toMatchObject({ previous: LAST, copiedPassages: 1, repeatedShortcomings: 0, restatedFigures: 1 });
    expect(cards.find((c) => c.filePath === LAST)!.continuity).toBeUndefined();
    const text = fzlint(dir, ['score', DRAFT]).stdout;
    expect(text).not.toContain('延续性');
    const withPrevious = fzlint(dir, ['score', DRAFT, '--previous', LAST]).stdout;
    expect(withPrevious.split('\n')[0]).toMatch(/总分 +延续性$/);
    expect(withPrevious).toContain(`✗ 对照上年度报告 ${LAST}：照搬段落 1 处，重复上年的不足 0 项，上年安排未见落实`);
  });
});

describe('a clean pair', () => {
  it('gives no continuity warning or error, and the other findings are those of the draft alone', () => {
    put(LAST, pair.last);
    put(DRAFT, pair.clean);
    const paired = fzlint(dir, ['--format', 'json', 'reports']);
    const draft = resultFor(parseJson(paired.stdout), PAIR_FILES.draft);
    expect((draft.messages as Message[]).filter((m) => m.ruleId.startsWith('continuity/') && m.fzlintSeverity !== 'info')).toEqual([]);
    const alone = resultFor(parseJson(fzlint(dir, ['--format', 'json', DRAFT]).stdout), PAIR_FILES.draft);
    expect(draft.messages.filter((m) => !m.ruleId.startsWith('continuity/'))).toEqual(alone.messages);
    const count = (r: JsonResult, severity: string) => r.messages.filter((m) => m.fzlintSeverity === severity).length;
    expect([count(draft, 'error'), count(draft, 'warn')]).toEqual([count(alone, 'error'), count(alone, 'warn')]);
  });
});

describe('problems with last year’s report', () => {
  beforeEach(() => put(DRAFT, pair.draft));

  it('--previous naming no file: one line, exit 2, nothing linted', () => {
    const run = fzlint(dir, ['--previous', 'archive/2020.txt', DRAFT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual(['fzlint: 上年度报告 archive/2020.txt：文件或目录不存在 — 检查路径拼写；本次未与上年度报告对照']);
    expect(fzlint(dir, ['convert', DRAFT, '--previous', LAST]).errLines).toEqual([
      'fzlint: --previous 只用于检查、inspect 和 score，不能与 convert 同时使用 — 写成 fzlint --previous 上年度报告.md 本年度报告.md',
    ]);
  });

  it('previousReport naming no file: one line naming the config file and the key, exit 2', () => {
    put('reports/fzlint.config.json', JSON.stringify({ previousReport: '../archive/2020.txt' }));
    const run = fzlint(dir, [DRAFT, '--locale', 'en']);
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual([
      'fzlint: configuration error: reports/fzlint.config.json: previousReport names last year’s report ../archive/2020.txt, which does not exist — give its path relative to this config file, or remove the key — fix the configuration file and run again',
    ]);
  });

  it('--cache: a result compared with last year’s report goes stale when that report changes', () => {
    put(LAST, pair.last);
    const cache = ['--cache', '--cache-location', join(dir, 'cache.json'), '--format', 'json'];
    const first = resultFor(parseJson(fzlint(dir, [...cache, 'reports']).stdout), PAIR_FILES.draft);
    expect(withoutPlan(continuity(first))).toEqual(EXPECTED);
    put(LAST, pair.last.replace('行政应诉案件35件', '行政应诉案件38件'));
    const second = resultFor(parseJson(fzlint(dir, [...cache, 'reports']).stdout), PAIR_FILES.draft);
    expect(withoutPlan(continuity(second))).toEqual([EXPECTED[0]]);
    const stats = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')) as { lastRun: { hits: number; misses: number } };
    expect(stats.lastRun).toEqual({ hits: 0, misses: 2 });
  });
});
