#!/usr/bin/env node
// Measures the similarity that continuity/copied-passage computes, to choose its
// threshold (docs/rules/continuity/copied-passage.md records the figures):
//
//  A. passages of one corpus report against the whole report of another issuer
//     (unrelated: any similarity there is a false alarm waiting to happen), with the
//     built-in boilerplate, with a held-out boilerplate (phrases learnt from the other
//     half of the issuers only) and with the hand-kept formulae only;
//  B. same-issuer pairs of the corpus (two years of one unit);
//  C. edited copies: every passage of a corpus report, copied into a next-year draft
//     with years and figures changed and a share of it rewritten (whole clauses
//     replaced by clauses of another report, or scattered 2–4 character edits),
//     against the report it was copied from.
//
// Run after `pnpm build`: node packages/rules/scripts/measure-continuity.mjs [--min-run N]
import { parse } from '@fzlint/parser';
import { STANDARD_FORMULAE } from '@fzlint/ontology';
import { boilerplateOf, builtinBoilerplate } from '../dist/continuity/boilerplate.js';
import { comparePassage, previousIndex, MIN_RUN } from '../dist/continuity/copies.js';
import { passagesOf } from '../dist/continuity/passages.js';
import { inScope, MIN_CONTENT } from '../dist/continuity/copied-passage.js';
import { commonPhrases } from './common-phrases.mjs';
import { corpusReports } from './corpus.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const minRun = arg('--min-run', MIN_RUN);
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

// A small seeded generator: the measurement is repeatable.
let seed = 17;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x100000000;
}

const reports = corpusReports().map((r) => ({ ...r, doc: parse(r.text, { filePath: r.path }) }));

function quantiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN);
  const f = (x) => x.toFixed(3);
  return `n=${s.length} p50=${f(q(0.5))} p90=${f(q(0.9))} p99=${f(q(0.99))} p99.9=${f(q(0.999))} max=${f(s[s.length - 1] ?? NaN)}`;
}
function above(values) {
  return THRESHOLDS.map((t) => `≥${t}: ${values.filter((v) => v >= t).length}`).join('  ');
}

function scopedPassages(doc) {
  return passagesOf(doc).filter((p) => inScope(doc, p));
}

// A. Unrelated pairs.
function unrelated(label, boilerplateFor, pairFilter = () => true) {
  const sims = [];
  const worst = [];
  for (const a of reports) {
    for (const b of reports) {
      if (a.key === b.key || !pairFilter(a, b)) continue;
      const index = previousIndex(b.doc);
      const boilerplate = boilerplateFor(a, b);
      for (const p of scopedPassages(a.doc)) {
        const c = comparePassage(p, index, { boilerplate, minRun });
        if (c.contentChars < MIN_CONTENT) continue;
        sims.push(c.similarity);
        if (c.similarity >= 0.3) worst.push({ s: c.similarity, a: a.name, b: b.name, text: a.doc.text.slice(p.range.start, p.range.end).slice(0, 80) });
      }
    }
  }
  console.log(`\nA. unrelated pairs, ${label}: ${quantiles(sims)}`);
  console.log(`   ${above(sims)}`);
  for (const w of worst.sort((x, y) => y.s - x.s).slice(0, 6)) console.log(`   ${w.s.toFixed(2)} ${w.a} vs ${w.b}: ${w.text}`);
}

const builtin = builtinBoilerplate();
unrelated('built-in boilerplate (in-sample)', () => builtin);
const formulaeOnly = boilerplateOf(STANDARD_FORMULAE);
unrelated('hand-kept formulae only', () => formulaeOnly);
// Held out: issuers split in two by sorted key; the phrases come from the other half.
const keys = [...new Set(reports.map((r) => r.key))].sort();
const half = new Map(keys.map((k, i) => [k, i % 2]));
const heldOut = [0, 1].map((h) =>
  boilerplateOf([...STANDARD_FORMULAE, ...commonPhrases(reports.filter((r) => half.get(r.key) !== h))]),
);
unrelated(
  'held-out boilerplate (phrases from the other half of the issuers)',
  (a) => heldOut[half.get(a.key)],
  (a, b) => half.get(a.key) === half.get(b.key),
);

// B. Same-issuer pairs (two years of one unit).
console.log('\nB. same-issuer pairs (earlier year as previous):');
for (const a of reports) {
  for (const b of reports) {
    if (a.key !== b.key || a.year <= b.year) continue;
    const index = previousIndex(b.doc);
    const sims = scopedPassages(a.doc)
      .map((p) => comparePassage(p, index, { minRun }))
      .filter((c) => c.contentChars >= MIN_CONTENT)
      .map((c) => c.similarity);
    console.log(`   ${a.name} (${a.year}) vs ${b.name} (${b.year}): ${quantiles(sims)}`);
  }
}

// C. Edited copies.
const CLAUSE = /[^，,；;。！？、]+[，,；;。！？、]?/gu;
const donorClauses = reports.flatMap((r) => r.doc.text.slice(r.doc.bodyRange.start, r.doc.bodyRange.end).match(CLAUSE) ?? []).filter((c) => c.length >= 6 && c.length <= 40);
const donorChars = donorClauses.join('').replace(/[^\u4e00-\u9fff]/gu, '');

/** Years moved on by one and every other number changed (what a next-year draft always does). */
function retouch(text) {
  return text.replace(/20\d\d(?=年)/g, (y) => String(Number(y) + 1)).replace(/\d+(?:\.\d+)?/g, (n) => (n.length === 4 && /^20/.test(n) ? n : String(Math.round(Number(n) * 1.17 + 3))));
}
/** A share `e` of the characters rewritten as whole clauses taken from other reports. */
function rewriteClauses(text, e) {
  const clauses = text.match(CLAUSE) ?? [text];
  const total = text.length;
  let changed = 0;
  const order = clauses.map((_, i) => i).sort(() => random() - 0.5);
  const out = [...clauses];
  for (const i of order) {
    if (changed >= e * total) break;
    changed += clauses[i].length;
    out[i] = donorClauses[Math.floor(random() * donorClauses.length)];
  }
  return out.join('');
}
/** A share `e` of the characters rewritten in scattered spans of 2–4 characters (word swaps). */
function rewriteScattered(text, e) {
  const chars = [...text];
  const target = Math.round(e * chars.length);
  let changed = 0;
  let guard = 0;
  while (changed < target && guard++ < 10_000) {
    const len = 2 + Math.floor(random() * 3);
    const at = Math.floor(random() * Math.max(1, chars.length - len));
    for (let k = 0; k < len && at + k < chars.length; k++) chars[at + k] = donorChars[Math.floor(random() * donorChars.length)];
    changed += len;
  }
  return chars.join('');
}

console.log(`\nC. edited copies against the report they were copied from (min run ${minRun}):`);
const sources = reports.filter((r) => r.text.length > 2000);
for (const [label, rewrite] of [
  ['whole clauses rewritten', rewriteClauses],
  ['scattered 2–4 character edits', rewriteScattered],
]) {
  for (const e of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
    const sims = [];
    for (const r of sources) {
      const index = previousIndex(r.doc);
      for (const p of scopedPassages(r.doc)) {
        const original = r.doc.text.slice(p.range.start, p.range.end);
        const draft = `# 下一年度报告\n\n## 一、主要举措和成效\n\n${rewrite(retouch(original), e)}\n`;
        const d = parse(draft, { format: 'markdown' });
        for (const q of scopedPassages(d)) {
          const c = comparePassage(q, index, { minRun });
          if (c.contentChars >= MIN_CONTENT) sims.push(c.similarity);
        }
      }
    }
    console.log(`   ${label}, ${Math.round(e * 100)}% rewritten: ${quantiles(sims)}`);
    console.log(`      ${above(sims)}`);
  }
}
