// Writes src/typo-candidates.ts: candidate misspellings of the core terms
// (src/typo-terms.ts), generated from a homophone table and a look-alike table, keeping
// only those that are not real words in context. Run after `pnpm build` (it reads the
// term list from dist/): `node scripts/generate-typos.mjs`. test/typos.test.ts fails when
// the committed module drifts from what this produces.
//
// Tables:
// - 同音 (homophones): pinyin-pro (npm) gives every reading of a character; the
//   characters are the 3,500 most frequent of @pinyin-pro/data's modern-Chinese word
//   list (58,907 words with frequencies), ranked by frequency, and for each character
//   of a term the first HOMOPHONES of the same toneless syllable are taken — the
//   candidates a pinyin input method shows first, where typos come from.
// - 形近 (look-alikes): data/lookalike-pycorrector.txt (pycorrector's same_stroke table,
//   Apache-2.0) and data/lookalike-curated.txt (groups for the terms' characters).
//
// A candidate is kept when it is not a real word in context: it is not itself a word;
// no word of the dictionary covers the changed character inside it (合法性审察 holds
// 审察, a word: dropped); the unchanged part before (after) a changed last (first)
// character does not end (begin) with a word, so the candidate cannot be two words side
// by side; and the words that could run across its edge from the changed character
// are few enough to list as exclusions, which the matcher consumes (a changed first
// character that can end a word before it is dropped: 缺乏治意识 may lack 法).
// A candidate two terms produce is dropped (no sure fix).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const MODULE_PATH = join(ROOT, 'src', 'typo-candidates.ts');

const TOP_CHARS = 3500;
const HOMOPHONES = 8;
const MAX_EXCLUSIONS = 6;

function lookalikeGroups() {
  const groups = [];
  for (const file of ['lookalike-pycorrector.txt', 'lookalike-curated.txt']) {
    for (const raw of readFileSync(join(ROOT, 'data', file), 'utf8').split('\n')) {
      const line = raw.replace(/#.*$/u, '').trim();
      if (!line) continue;
      const chars = [...new Set(line.split(/[,\s]+/u).filter((c) => /^\p{Script=Han}$/u.test(c)))];
      if (chars.length > 1) groups.push(chars);
    }
  }
  return groups;
}

/** Everything the generation needs, loaded once. */
export function loadTables() {
  const { pinyin } = require('pinyin-pro');
  const dict = JSON.parse(readFileSync(require.resolve('@pinyin-pro/data/modern.json'), 'utf8'));
  const words = new Set(Object.keys(dict));
  const freq = new Map();
  for (const [w, [, f]] of Object.entries(dict)) for (const c of w) freq.set(c, (freq.get(c) ?? 0) + f);
  const top = [...freq].filter(([c]) => /^\p{Script=Han}$/u.test(c)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_CHARS).map(([c]) => c);
  const byReading = new Map();
  for (const c of top) {
    for (const r of new Set(pinyin(c, { multiple: true, type: 'array', toneType: 'none' }))) {
      const list = byReading.get(r) ?? [];
      list.push(c);
      byReading.set(r, list);
    }
  }
  // Words by character, for the words that could run across a candidate's edge.
  const byChar = new Map();
  for (const w of words) {
    if (w.length < 2 || w.length > 4) continue;
    for (const c of new Set(w)) {
      const list = byChar.get(c) ?? [];
      list.push(w);
      byChar.set(c, list);
    }
  }
  const lookalikes = new Map();
  for (const g of lookalikeGroups()) for (const c of g) lookalikes.set(c, [...new Set([...(lookalikes.get(c) ?? []), ...g.filter((x) => x !== c)])]);
  return { pinyin, words, byReading, byChar, lookalikes };
}

function hasWordCovering(cand, p, words) {
  for (let len = 2; len <= Math.min(5, cand.length); len++) {
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= cand.length; s++) {
      if (words.has(cand.slice(s, s + len))) return true;
    }
  }
  return false;
}

function endsWithWord(text, words) {
  for (let len = 2; len <= text.length; len++) if (words.has(text.slice(text.length - len))) return true;
  return false;
}

function startsWithWord(text, words) {
  for (let len = 2; len <= text.length; len++) if (words.has(text.slice(0, len))) return true;
  return false;
}

/** The characters that follow \`x\` at the start of a word (义 → 务工诊…), sorted. */
function followerChars(x, byChar) {
  const out = new Set();
  for (const w of byChar.get(x) ?? []) if (w[0] === x && w.length >= 2) out.add(w[1]);
  return [...out].sort().join('');
}

/** Dictionary words through the changed character that run past the candidate's edge, as texts to consume. */
function crossing(cand, p, x, byChar) {
  const out = new Set();
  for (const w of byChar.get(x) ?? []) {
    for (let k = 0; k < w.length; k++) {
      if (w[k] !== x) continue;
      const s = p - k;
      const e = s + w.length;
      if (s >= 0 && e <= cand.length) continue;
      let ok = true;
      for (let i = Math.max(0, s); i < Math.min(cand.length, e); i++) if (cand[i] !== w[i - s]) ok = false;
      if (!ok) continue;
      out.add((s < 0 ? w.slice(0, -s) : '') + cand + (e > cand.length ? w.slice(w.length - (e - cand.length)) : ''));
    }
  }
  return [...out].sort();
}

/** The candidates for a list of terms, with counts for the report. */
export function generate(terms, tables = loadTables()) {
  const { pinyin, words, byReading, byChar, lookalikes } = tables;
  const core = [...new Set(terms.filter((t) => t.length >= 3))].sort();
  const coreSet = new Set(core);
  const found = new Map();
  const followers = new Map();
  const ambiguous = new Set();
  let generated = 0;
  for (const term of core) {
    const readings = pinyin(term, { type: 'array', toneType: 'none' });
    for (let p = 0; p < term.length; p++) {
      const c = term[p];
      const homs = (byReading.get(readings[p]) ?? []).filter((x) => x !== c).slice(0, HOMOPHONES);
      const looks = lookalikes.get(c) ?? [];
      for (const x of new Set([...homs, ...looks])) {
        generated++;
        const kind = homs.includes(x) ? (looks.includes(x) ? 'both' : 'homophone') : 'lookalike';
        const cand = term.slice(0, p) + x + term.slice(p + 1);
        if (words.has(cand) || coreSet.has(cand)) continue;
        if (hasWordCovering(cand, p, words)) continue;
        if (p === cand.length - 1 && endsWithWord(cand.slice(0, p), words)) continue;
        if (p === 0 && startsWithWord(cand.slice(1), words)) continue;
        // A changed last character that begins a word after it (行政复义务) is checked at run
        // time against the characters that can follow it in a word (TYPO_FOLLOWERS).
        const exclude = p === cand.length - 1 ? [] : crossing(cand, p, x, byChar);
        if (p === cand.length - 1) followers.set(x, followerChars(x, byChar));
        // A changed first character that ends a word before it (缺乏治意识) may be a dropped
        // character instead (缺乏法治意识): no sure fix. Elsewhere the few crossing words are consumed.
        if (p === 0 && exclude.length > 0) continue;
        if (exclude.length > MAX_EXCLUSIONS) continue;
        const prev = found.get(cand);
        if (prev && prev.right !== term) {
          ambiguous.add(cand);
          continue;
        }
        found.set(cand, { wrong: cand, right: term, kind, at: p, exclude });
      }
    }
  }
  for (const a of ambiguous) found.delete(a);
  // A candidate inside another one (法冶政府 in 法冶政府建设) is found by the shorter: keep both, the matcher takes the longest.
  const candidates = [...found.values()].sort((a, b) => (a.wrong < b.wrong ? -1 : a.wrong > b.wrong ? 1 : 0));
  const lastChars = new Set(candidates.filter((c) => c.at === c.wrong.length - 1).map((c) => c.wrong[c.at]));
  const follow = [...followers].filter(([x, f]) => lastChars.has(x) && f).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { terms: core.length, generated, kept: candidates.length, ambiguous: ambiguous.size, candidates, followers: follow };
}

const KIND = { homophone: 'h', lookalike: 'l', both: 'b' };

/** The module text: per term, its variants as `<kind><position><character>` tokens; exclusions by candidate. */
export function render(result) {
  const byTerm = new Map();
  for (const c of result.candidates) {
    const list = byTerm.get(c.right) ?? [];
    list.push(`${KIND[c.kind]}${c.at}${c.wrong[c.at]}`);
    byTerm.set(c.right, list);
  }
  const terms = [...byTerm.keys()].sort();
  const rows = terms.map((t) => `  [${JSON.stringify(t)}, ${JSON.stringify(byTerm.get(t).join(' '))}],`);
  const excl = result.candidates.filter((c) => c.exclude.length).map((c) => `  ${JSON.stringify(c.wrong)}: ${JSON.stringify(c.exclude)},`);
  const followers = result.followers.map(([x, f]) => `  ${JSON.stringify(x)}: ${JSON.stringify(f)},`);
  return `// Generated by scripts/generate-typos.mjs from src/typo-terms.ts, pinyin-pro's readings,
// @pinyin-pro/data's modern word list and the look-alike tables in data/. Do not edit:
// change the terms or tables and run the script; test/typos.test.ts checks for drift.

/** What the generation did: core terms, candidates tried, candidates kept, candidates dropped because two terms give them. */
export const TYPO_GENERATION = { terms: ${result.terms}, generated: ${result.generated}, kept: ${result.kept}, ambiguous: ${result.ambiguous} } as const;

/** FNV-1a of the tables below: what a prebuilt matcher was made from (a table edited at equal counts changes it). */
export const TYPO_DIGEST = 0x${fnv1a([...rows, ...excl, ...followers].join('\n')).toString(16).padStart(8, '0')};

/**
 * Per term, its kept misspellings as space-separated tokens \`<kind><position><character>\`:
 * kind h (same sound), l (same look) or b (both); the character replaces the term's
 * character at that position (l1冶 in 法治政府 is 法冶政府). Decoded by \`typoCandidates()\`.
 */
export const TYPO_VARIANTS: readonly (readonly [term: string, variants: string])[] = [
${rows.join('\n')}
];

/** Real words that run across an inner changed character and the candidate's edge: texts the matcher consumes. */
export const TYPO_EXCLUSIONS: Readonly<Record<string, readonly string[]>> = {
${excl.join('\n')}
};

/**
 * For a candidate whose last character is the changed one: the characters that can follow
 * it at the start of a word (营商环竟 + 然 is 竟然). Such a match is not this typo.
 */
export const TYPO_FOLLOWERS: Readonly<Record<string, string>> = {
${followers.join('\n')}
};
`;
}

/** 32-bit FNV-1a over UTF-16 code units, unsigned. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { TYPO_CORE_TERMS } = await import(pathToFileURL(join(ROOT, 'dist', 'typo-terms.js')).href);
  const result = generate(TYPO_CORE_TERMS);
  writeFileSync(MODULE_PATH, render(result));
  console.log(`terms ${result.terms}, generated ${result.generated}, kept ${result.kept}, ambiguous ${result.ambiguous}`);
}
