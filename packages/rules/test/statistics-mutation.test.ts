/**
 * Mutation test of the statistics rules. Each corpus report is changed in one
 * number so that a relation a reader sees breaks, and the right rule must fire on
 * the right line (and inside the mutated sentence). The mutations are found by
 * simple patterns of their own, not by the extraction under test:
 *
 * - raise a concluded count (审结/办结/整改/化解/答复) above the received count
 *   (收到/受理/排查/确定) before it, in the same sentence or the one before;
 * - raise the first part after 其中/包括 above its total (same unit);
 * - move a rate by 9 points: up, where that takes it above 100% (rate-out-of-range);
 *   and, separately, down where the sentence (or the one before) states the rate's
 *   concluded count (rate-mismatch);
 * - change a 净增 count after 新增 … 注销 … by 100 (derived-total-mismatch).
 *
 * The share of mutations caught is printed and held above a floor.
 *
 * A second part plants figures the whole-report rules must connect — written into
 * each report at places found by simple patterns (after a 。 in a long line, at a
 * quarter and at three quarters of the text), each kind in several phrasings:
 *
 * - a figure repeated far apart with another value (inconsistent-figure);
 * - a growth or a decline against the previous count, given in the sentence or in
 *   the sentence before (growth-mismatch);
 * - concluded work above new + carried-over work (concluded-exceeds-received);
 * - the same contradictions across two paragraphs of one section (each rule).
 *
 * Each kind must be caught on the line of the later statement in at least 95 % of the
 * reports, and look-alikes of each kind (the same value, another scope or period, a
 * growth that holds, a sum that covers the concluded work) must add no warning or error.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { statisticsRules } from '../src/statistics/index.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');

/** The share of mutations that must be caught (measured: see the printed summary). */
const FLOOR = 0.9;

interface Mutation {
  readonly file: string;
  readonly kind: string;
  readonly ruleId: string;
  /** Offsets of the numeral to replace, in the original text. */
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  /** The sentence that holds the mutated number, in the original text. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

const SENTENCE = /[^。；;！？!?\n]+[。；;！？!?]?/g;
const NUMERAL = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const RECEIVED = new RegExp(String.raw`(?:收到|受理|排查|确定|新收|立案)[^，,。；;\d]{0,14}?${NUMERAL}(件|条|起|个)`, 'g');
const RECEIVED_TEST = new RegExp(RECEIVED.source);
const CONCLUDED = new RegExp(String.raw`(?:审结|办结|结案|化解|整改|答复)[^，,。；;\d]{0,14}?${NUMERAL}(件|条|起|个)`, 'g');
const PARTS = new RegExp(
  String.raw`${NUMERAL}(件|条|起|个|户|家|项|人)[（(，,]*(?:其中|包括)[：:，,]?[^，,。；;\d（(]{0,16}?${NUMERAL}(件|条|起|个|户|家|项|人)`,
  'g',
);
const RATE = new RegExp(String.raw`([\u4e00-\u9fa5“”]{0,12}(?:率|占比))([^，,。；;\d%％]{0,4}?)${NUMERAL}[%％]`, 'g');
const GROWTH_NAME = /增长|增速|增幅|完成|提高|提升|较|同比/;
const RATE_VERB = /办结|审结|结案|整改|化解|答复|调处/g;
const NET = new RegExp(String.raw`新增[^。；;]*?注销[^。；;]*?净增${NUMERAL}(户|家|个)`, 'g');

const num = (s: string): number => Number(s.replace(/,/g, ''));
const toFullWidth = (s: string): string =>
  s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

function sentences(text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(SENTENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

function mutationsOf(file: string, text: string): Mutation[] {
  const out: Mutation[] = [];
  const list = sentences(text);
  list.forEach((s, i) => {
    const prev = list[i - 1];
    const sameLine = prev !== undefined && !text.slice(prev.start, s.start).includes('\n');
    const base = { file, sentenceStart: s.start, sentenceEnd: s.end };
    const at = (m: RegExpMatchArray, group: number): number => s.start + m.index! + m[0].lastIndexOf(m[group]!);

    // Concluded above received: the received count before it in this sentence, else in the previous one.
    for (const c of s.text.matchAll(CONCLUDED)) {
      const before = [...s.text.slice(0, c.index).matchAll(RECEIVED)];
      const r = before[before.length - 1] ?? (sameLine ? [...prev!.text.matchAll(RECEIVED)].pop() : undefined);
      // 件/条/起/个 all count items (确定37件矛盾隐患 … 化解17起).
      if (!r) continue;
      const received = num(r[1]!);
      const start = at(c, 1);
      out.push({
        ...base,
        kind: 'concluded above received',
        ruleId: 'statistics/concluded-exceeds-received',
        start,
        end: start + c[1]!.length,
        replacement: String(received + Math.max(1, Math.round(received / 10))),
      });
    }
    // A part above its total.
    for (const p of s.text.matchAll(PARTS)) {
      if (p[2] !== p[4]) continue;
      const start = at(p, 3);
      out.push({
        ...base,
        kind: 'part above total',
        ruleId: 'statistics/parts-exceed-total',
        start,
        end: start + p[3]!.length,
        replacement: String(num(p[1]!) + 5),
      });
    }
    // A rate moved by 9 points.
    for (const r of s.text.matchAll(RATE)) {
      const name = r[1]!;
      if (!/率$|占比$/.test(name) || GROWTH_NAME.test(name) || GROWTH_NAME.test(r[2]!)) continue;
      const value = num(r[3]!);
      const decimals = (r[3]!.split('.')[1] ?? '').length;
      const start = at(r, 3);
      const mutation = { ...base, start, end: start + r[3]!.length };
      if (value + 9 > 100) {
        out.push({ ...mutation, kind: 'rate above 100%', ruleId: 'statistics/rate-out-of-range', replacement: (value + 9).toFixed(decimals) });
      }
      const verbs = [...name.matchAll(RATE_VERB)].map((v) => v[0]);
      const scope = s.text.slice(0, r.index) + (sameLine ? prev!.text : '');
      // Both counts must be stated: 办结306件,办结率91% alone is not a contradiction.
      const hasCount =
        RECEIVED_TEST.test(scope) &&
        verbs.some((v) => new RegExp(`${v}[^，,。；;\\d%]{0,8}?\\d+(?:件|条|起|个)`).test(scope));
      if (hasCount && value >= 9) {
        out.push({ ...mutation, kind: 'rate moved by 9 points', ruleId: 'statistics/rate-mismatch', replacement: (value - 9).toFixed(decimals) });
      }
    }
    // A net growth that no longer equals 新增 − 注销.
    for (const n of s.text.matchAll(NET)) {
      const start = at(n, 1);
      out.push({
        ...base,
        kind: 'net growth off by 100',
        ruleId: 'statistics/derived-total-mismatch',
        start,
        end: start + n[1]!.length,
        replacement: String(num(n[1]!) + 100),
      });
    }
  });
  return out;
}

// The Markdown versions of the full reports put each paragraph on its own line,
// so there the line check is sharp (full/000 is a single line in plain text).
const files = [
  ...readdirSync(join(CORPUS, 'full')).map((f) => `full/${f}`),
  ...readdirSync(join(CORPUS, 'excerpts')).map((f) => `excerpts/${f}`),
  ...(existsSync(join(CORPUS, 'markdown')) ? readdirSync(join(CORPUS, 'markdown')).map((f) => `markdown/${f}`) : []),
  ...(existsSync(join(CORPUS, 'archive')) ? readdirSync(join(CORPUS, 'archive')).map((f) => `archive/${f}`) : []),
].filter((f) => f.endsWith('.txt') || f.endsWith('.md'));

interface Outcome {
  readonly mutation: Mutation;
  readonly caught: boolean;
  readonly found: readonly string[];
}

function run(m: Mutation, original: string): Outcome {
  const text = original.slice(0, m.start) + m.replacement + original.slice(m.end);
  const shift = m.replacement.length - (m.end - m.start);
  const document = parse(text, { filePath: m.file });
  const settings = resolveSettings(document);
  const line = document.lineIndex.positionAt(m.start).line;
  const diagnostics = statisticsRules.flatMap((rule) => runRule(rule, document, { settings }));
  const caught = diagnostics.some(
    (d) =>
      d.ruleId === m.ruleId &&
      d.start.line === line &&
      d.range.start >= m.sentenceStart &&
      d.range.start < m.sentenceEnd + shift,
  );
  return { mutation: m, caught, found: diagnostics.map((d) => `${d.ruleId}@${d.start.line}`) };
}

describe('statistics mutation test', () => {
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const original = readFileSync(join(CORPUS, file), 'utf8');
    for (const m of mutationsOf(file, original)) {
      outcomes.push(run(m, original));
      // The same change written in full-width digits (１１５), as some reports do.
      outcomes.push(run({ ...m, kind: `${m.kind} (full-width)`, replacement: toFullWidth(m.replacement) }, original));
    }
  }

  it('generates mutations of every kind from the corpus', () => {
    const kinds = new Set(outcomes.map((o) => o.mutation.kind.replace(' (full-width)', '')));
    expect([...kinds].sort()).toEqual(
      ['concluded above received', 'net growth off by 100', 'part above total', 'rate above 100%', 'rate moved by 9 points'].sort(),
    );
  });

  it(`catches at least ${FLOOR * 100}% of the mutations on the right line`, () => {
    const caught = outcomes.filter((o) => o.caught).length;
    const byKind = new Map<string, [number, number]>();
    for (const o of outcomes) {
      const [c, n] = byKind.get(o.mutation.kind) ?? [0, 0];
      byKind.set(o.mutation.kind, [c + (o.caught ? 1 : 0), n + 1]);
    }
    const missed = outcomes
      .filter((o) => !o.caught)
      .map((o) => {
        const m = o.mutation;
        const original = readFileSync(join(CORPUS, m.file), 'utf8');
        return `${m.file} ${m.kind}: ${original.slice(m.sentenceStart, m.sentenceEnd).trim().slice(0, 80)} (${original.slice(m.start, m.end)} → ${m.replacement}) found [${o.found.join(', ')}]`;
      });
    console.log(
      `statistics mutations caught: ${caught}/${outcomes.length} (${((caught / outcomes.length) * 100).toFixed(1)}%)\n` +
        [...byKind].map(([k, [c, n]]) => `  ${k}: ${c}/${n}`).join('\n') +
        (missed.length ? `\nmissed:\n  ${missed.join('\n  ')}` : ''),
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expect(caught / outcomes.length).toBeGreaterThanOrEqual(FLOOR);
  });
});

// ---------------------------------------------------------------------------
// Planted figures: contradictions across sentences, paragraphs and sections.

/** One planted text: `text` is written at `at` (an offset of the original report). */
interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** A planting and what it must give. */
interface Planting {
  readonly file: string;
  readonly kind: string;
  readonly phrasing: number;
  readonly insertions: readonly Insertion[];
  /** The finding that must appear: its rule, and the text its range starts at (in insertion `in`). */
  readonly expect?: { readonly ruleId: string; readonly in: number; readonly at: string };
}

/** A heading of the next-year plan (二、2023年工作安排, 下一步工作打算): its figures are targets, nothing is planted there. */
const PLAN_HEADING = /(?:^|[\s。])(?:#+\s*)?(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?[^。\n]{0,12}(?:工作安排|工作打算|工作思路|工作计划|下一步|下步工作|主要安排|工作重点)/;

/** Where a sentence may be added: right after a 。 in a line of body text (20+ Chinese characters before it in the line), before the next-year plan. */
function plantingPoints(text: string): number[] {
  const out: number[] = [];
  const plan = PLAN_HEADING.exec(text);
  const limit = plan && plan.index > text.length * 0.3 ? plan.index : text.length;
  const lines = text.slice(0, limit).split('\n');
  let offset = 0;
  for (const line of lines) {
    for (let i = line.indexOf('。'); i >= 0; i = line.indexOf('。', i + 1)) {
      const before = line.slice(Math.max(0, i - 60), i);
      if ((before.match(/[\u4e00-\u9fa5]/g) ?? []).length >= 20 && !/^\s*(?:#|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(line.slice(0, 4))) {
        out.push(offset + i + 1);
      }
    }
    offset += line.length + 1;
  }
  return out;
}

/** The planting point nearest to a share of the text. */
function nearest(points: readonly number[], target: number): number | undefined {
  let best: number | undefined;
  for (const p of points) if (best === undefined || Math.abs(p - target) < Math.abs(best - target)) best = p;
  return best;
}

/** A sentence between paragraphs: its own paragraph in Markdown and in plain text. */
const paragraph = (file: string, text: string): string => (file.endsWith('.md') ? `\n\n${text}\n\n` : `\n${text}\n`);

/**
 * Whose figures the planted statements are (a named unit): the plantings contradict
 * each other, not the report's own figures of the same object (全年受理行政复议案件172件
 * in full/004 would make any other planted count of them a real contradiction too).
 */
const UNITS = ['开发区管委会', '县司法局', '高新区管委会', '市城管局', '市信访局', '县税务局', '市应急管理局'];
/** `{u}` in a phrasing is the named unit of its index. */
const unit = (text: string, phrasing: number): string => text.replaceAll('{u}', UNITS[phrasing % UNITS.length]!);

/** Far-apart statements of one figure: [first, later, text the finding starts at]. */
const REPEATED: readonly (readonly [string, string, string])[] = [
  ['{u}全年共受理行政复议案件120件。', '{u}今年受理行政复议案件128件，均依法审结。', '128件'],
  ['{u}共收到政府信息公开申请213件。', '{u}全年收到政府信息公开申请231件，全部按时答复。', '231件'],
  ['{u}全年受理信访事项369件。', '{u}本年度受理信访事项396件。', '396件'],
  ['{u}全年审结行政诉讼案件190件。', '{u}审结行政诉讼案件196件，败诉率明显下降。', '196件'],
  ['{u}行政复议案件办结率99%。', '{u}行政复议案件办结率95%。', '95%'],
  // The report's own figures (no unit named): no corpus report states this one.
  ['全年立案查处行政处罚案件320件。', '全年立案查处行政处罚案件３５０件。', '３５０件'],
];
/** Look-alikes: the same value, another scope, another period, another verb, an approximate figure within its bound. */
const REPEATED_ALIKE: readonly (readonly [string, string])[] = [
  ['{u}全年共受理行政复议案件120件。', '{u}今年受理行政复议案件120件，均依法审结。'],
  ['全市共受理行政复议案件3200件。', '市本级受理行政复议案件36件。'],
  ['{u}上年受理行政复议案件96件。', '{u}累计受理行政复议案件560件。'],
  ['{u}共收到行政复议申请330件。', '{u}依法受理行政复议案件312件。'],
  ['{u}全年受理信访事项300余件。', '{u}本年度受理信访事项316件。'],
  ['排查矛盾纠纷120件。', '开展专项行动，排查矛盾纠纷30件。'],
];

/** Growth and decline against the previous count: [sentence(s), text the finding starts at]. */
const GROWTH: readonly (readonly [string, string])[] = [
  ['受理政府信息公开申请228件，同比增长20%（上年为150件）。', '同比增长20%'],
  ['{u}今年受理行政复议案件128件，较上年的90件增长30%。', '增长30%'],
  ['{u}受理行政复议案件72件，同比下降10%（上年为90件）。', '同比下降10%'],
  ['{u}上年受理行政复议案件90件。{u}今年受理行政复议案件128件，同比增长20%。', '同比增长20%'],
  ['{u}受理信访事项60件，较上年减少20件（上年为90件）。', '减少20件'],
  ['{u}行政复议案件办结率98.5%，较上年提高2个百分点（上年为95.3%）。', '提高2个百分点'],
  ['{u}受理行政复议案件500件，同比增长3倍（上年为100件）。', '同比增长3倍'],
];
const GROWTH_ALIKE: readonly string[] = [
  '{u}受理政府信息公开申请228件，同比增长20.0%（上年为190件）。',
  '{u}今年受理行政复议案件128件，较上年的90件增长42.2%。',
  '{u}受理行政复议案件72件，同比下降20%（上年为90件）。',
  '{u}受理行政复议案件500件，同比增长4倍（上年为100件）。',
  '{u}受理行政复议案件500件，是上年的5倍（上年为100件）。',
  '{u}受理政府信息公开申请128件，同比增长约20%（上年为90件）。',
  '{u}受理政府信息公开申请128件，同比增长20%。',
];

/** Concluded above new + carried-over: [sentence(s), text the finding starts at]. */
const CARRIED: readonly (readonly [string, string])[] = [
  ['{u}全年新收行政复议案件60件，上年结转5件，审结80件。', '80件'],
  ['{u}上年结转行政复议案件5件。{u}今年新收行政复议案件60件，审结70件。', '70件'],
  ['旧存行政诉讼案件3件，新收20件，审结25件。', '25件'],
  ['{u}上年未结行政复议案件5件，今年受理60件，审结70件。', '70件'],
];
const CARRIED_ALIKE: readonly string[] = [
  '{u}全年新收行政复议案件60件，上年结转25件，审结80件。',
  '{u}全年新收行政复议案件60件，上年结转5件，审结65件。',
  '旧存行政诉讼案件3件，新收20件，审结22件。',
];

/** Across two paragraphs of one section: [first paragraph, second paragraph, rule, text the finding starts at]. */
const ACROSS: readonly (readonly [string, string, string, string])[] = [
  ['{u}全年受理行政复议案件50件。', '{u}依法审结行政复议案件60件。', 'statistics/concluded-exceeds-received', '60件'],
  ['{u}上年受理行政复议案件90件。', '{u}今年受理行政复议案件128件，同比增长20%。', 'statistics/growth-mismatch', '同比增长20%'],
  ['{u}全年受理行政复议案件172件。{u}依法审结行政复议案件155件。', '{u}行政复议案件办结率100%。', 'statistics/rate-mismatch', '{u}行政复议案件办结率'],
  ['{u}上年结转行政复议案件5件。', '{u}今年新收行政复议案件60件，审结70件。', 'statistics/concluded-exceeds-received', '70件'],
  ['{u}全年共受理行政复议案件120件。', '{u}今年受理行政复议案件128件。', 'statistics/inconsistent-figure', '128件'],
];
const ACROSS_ALIKE: readonly (readonly [string, string])[] = [
  ['{u}全年受理行政复议案件50件。', '{u}依法审结行政诉讼案件60件。'],
  ['{u}上年受理信访事项90件。', '{u}今年受理行政复议案件128件，同比增长20%。'],
  ['{u}全年受理行政复议案件172件。{u}依法审结行政复议案件155件。', '{u}行政复议案件办结率90.1%。'],
  ['{u}上年结转行政复议案件15件。', '{u}今年新收行政复议案件60件，审结70件。'],
];

function plantings(file: string, text: string): Planting[] {
  const points = plantingPoints(text);
  const first = nearest(points, text.length * 0.25);
  const later = nearest(points, text.length * 0.75);
  if (first === undefined || later === undefined) return [];
  const out: Planting[] = [];
  const far = later > first ? later : undefined;
  REPEATED.forEach(([a0, b0, at], phrasing) => {
    const [a, b] = [unit(a0, phrasing), unit(b0, phrasing)];
    // Far apart where the report is long enough; else one after the other, in paragraphs of their own.
    const insertions = far ? [{ at: first, text: a }, { at: far, text: b }] : [{ at: first, text: paragraph(file, a) + paragraph(file, b) }];
    out.push({ file, kind: 'repeated figure far apart', phrasing, insertions, expect: { ruleId: 'statistics/inconsistent-figure', in: insertions.length - 1, at } });
  });
  REPEATED_ALIKE.forEach(([a0, b0], phrasing) => {
    const [a, b] = [unit(a0, phrasing), unit(b0, phrasing)];
    const insertions = far ? [{ at: first, text: a }, { at: far, text: b }] : [{ at: first, text: paragraph(file, a) + paragraph(file, b) }];
    out.push({ file, kind: 'repeated figure far apart (look-alike)', phrasing, insertions });
  });
  GROWTH.forEach(([t, at], phrasing) => {
    out.push({ file, kind: 'growth and decline with the previous count', phrasing, insertions: [{ at: later, text: unit(t, phrasing) }], expect: { ruleId: 'statistics/growth-mismatch', in: 0, at } });
  });
  GROWTH_ALIKE.forEach((t, phrasing) => out.push({ file, kind: 'growth and decline with the previous count (look-alike)', phrasing, insertions: [{ at: later, text: unit(t, phrasing) }] }));
  CARRIED.forEach(([t, at], phrasing) => {
    out.push({ file, kind: 'carried-over excess', phrasing, insertions: [{ at: first, text: unit(t, phrasing) }], expect: { ruleId: 'statistics/concluded-exceeds-received', in: 0, at } });
  });
  CARRIED_ALIKE.forEach((t, phrasing) => out.push({ file, kind: 'carried-over excess (look-alike)', phrasing, insertions: [{ at: first, text: unit(t, phrasing) }] }));
  ACROSS.forEach(([a, b, ruleId, at], phrasing) => {
    const text = paragraph(file, unit(a, phrasing)) + paragraph(file, unit(b, phrasing));
    out.push({ file, kind: 'across paragraphs', phrasing, insertions: [{ at: later, text }], expect: { ruleId, in: 0, at: unit(at, phrasing) } });
  });
  ACROSS_ALIKE.forEach(([a, b], phrasing) => {
    const text = paragraph(file, unit(a, phrasing)) + paragraph(file, unit(b, phrasing));
    out.push({ file, kind: 'across paragraphs (look-alike)', phrasing, insertions: [{ at: later, text }] });
  });
  return out;
}

interface PlantedOutcome {
  readonly planting: Planting;
  /** For a planting that must be caught: caught on the right line; for a look-alike: no warning or error added. */
  readonly ok: boolean;
  readonly found: readonly string[];
}

const warnings = (diagnostics: readonly { severity: string }[]): number => diagnostics.filter((d) => d.severity !== 'info').length;

function lintText(file: string, text: string) {
  const document = parse(text, { filePath: file });
  const settings = resolveSettings(document);
  return { document, diagnostics: statisticsRules.flatMap((rule) => runRule(rule, document, { settings })) };
}

function runPlanting(p: Planting, original: string, before: number): PlantedOutcome {
  let text = original;
  const sorted = [...p.insertions].map((x, i) => ({ ...x, i })).sort((a, b) => b.at - a.at);
  for (const x of sorted) text = text.slice(0, x.at) + x.text + text.slice(x.at);
  // Where each insertion landed in the planted text.
  const landed = p.insertions.map((x) => x.at + p.insertions.filter((y) => y.at < x.at).reduce((n, y) => n + y.text.length, 0));
  const { document, diagnostics } = lintText(p.file, text);
  const found = diagnostics.map((d) => `${d.ruleId}@${d.start.line}:${d.severity}`);
  if (!p.expect) return { planting: p, ok: warnings(diagnostics) === before, found };
  const insertion = p.insertions[p.expect.in]!;
  const offset = landed[p.expect.in]! + insertion.text.lastIndexOf(p.expect.at);
  const line = document.lineIndex.positionAt(offset).line;
  const ok = diagnostics.some((d) => d.ruleId === p.expect!.ruleId && d.start.line === line && d.range.start === offset && d.severity !== 'info');
  return { planting: p, ok, found };
}

describe('statistics mutation test: figures across the report', () => {
  const outcomes: PlantedOutcome[] = [];
  const reportsWithout: string[] = [];
  for (const file of files) {
    const original = readFileSync(join(CORPUS, file), 'utf8');
    const list = plantings(file, original);
    if (list.length === 0) reportsWithout.push(file);
    const before = warnings(lintText(file, original).diagnostics);
    for (const p of list) outcomes.push(runPlanting(p, original, before));
  }
  const kinds = [...new Set(outcomes.map((o) => o.planting.kind))];

  it('plants every kind, in several phrasings, in at least 95 % of the reports', () => {
    expect(kinds.filter((k) => !k.endsWith('(look-alike)')).sort()).toEqual(
      ['across paragraphs', 'carried-over excess', 'growth and decline with the previous count', 'repeated figure far apart'].sort(),
    );
    for (const kind of kinds) expect(new Set(outcomes.filter((o) => o.planting.kind === kind).map((o) => o.planting.phrasing)).size).toBeGreaterThanOrEqual(3);
    expect(reportsWithout.length / files.length, `no place to plant in: ${reportsWithout.join(', ')}`).toBeLessThanOrEqual(0.05);
  });

  for (const kind of ['repeated figure far apart', 'growth and decline with the previous count', 'carried-over excess', 'across paragraphs']) {
    it(`${kind}: caught on the right line in at least 95 % of the reports, look-alikes quiet`, () => {
      const report = (k: string) => {
        const list = outcomes.filter((o) => o.planting.kind === k);
        const byFile = new Map<string, boolean>();
        for (const o of list) byFile.set(o.planting.file, (byFile.get(o.planting.file) ?? true) && o.ok);
        const failed = list.filter((o) => !o.ok).map((o) => `${o.planting.file} #${o.planting.phrasing}: found [${o.found.join(', ')}]`);
        return { list, byFile, failed };
      };
      const caught = report(kind);
      const alike = report(`${kind} (look-alike)`);
      const share = (m: Map<string, boolean>) => [...m.values()].filter(Boolean).length / Math.max(1, m.size);
      console.log(
        `${kind}: caught in ${[...caught.byFile.values()].filter(Boolean).length}/${caught.byFile.size} reports (${caught.list.filter((o) => o.ok).length}/${caught.list.length} plantings); ` +
          `look-alikes quiet in ${[...alike.byFile.values()].filter(Boolean).length}/${alike.byFile.size} reports` +
          (caught.failed.length + alike.failed.length ? `\n  missed or noisy:\n  ${[...caught.failed, ...alike.failed.map((f) => `look-alike ${f}`)].slice(0, 30).join('\n  ')}` : ''),
      );
      expect(caught.list.length).toBeGreaterThan(0);
      expect(share(caught.byFile)).toBeGreaterThanOrEqual(0.95);
      expect(alike.failed, 'look-alikes must add no warning or error').toEqual([]);
    });
  }
});
