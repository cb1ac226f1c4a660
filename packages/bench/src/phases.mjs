// The phases of a whole run in a CPU profile: where a whole fzlint process spends its
// time — start-up and module loading, reading, remark parse, report model, rules (each
// rule, and the shared analyses), output — from `node --cpu-prof` profiles, every
// sample charged by its call stack, with bundled code mapped back to its source file
// through the bundle's source map. Used by `profile.mjs`.
//
// How a sample is charged: its stack is walked from the innermost frame outwards.
// Frames of code with a phase of its own ("strong": the Markdown parser, @fzlint/parser,
// a rule's file, the readers, the formatters, module loading…) decide at once; frames of
// helpers ("weak": rule-api, the ontology, the rules' shared analyses, node:fs,
// streams) only say what it is if nothing stronger is further out — except that a
// helper under a rule stays with the rules, keyed by the helper, so a shared analysis
// shows as itself and not as whichever rule happened to ask first. Builtins (RegExp,
// String methods: no URL) are charged to their JavaScript caller.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The phases, in the order a run goes through them (and the table prints them). */
export const PHASES = /** @type {const} */ ([
  'start-up and module loading (incl. config)',
  'reading (file list, read, decode)',
  'remark parse (micromark, mdast)',
  'report model (@fzlint/parser)',
  'rules (rule code, shared analyses, rule-api, ontology)',
  'lint engine (directives, limits, results)',
  'output (formatters, writing)',
  'cache (--cache)',
  'workers (start, messages)',
  'CLI (arguments, commands)',
  'garbage collection',
  'V8/native (compiling, unattributed)',
  'idle (waiting for I/O or workers)',
  'other',
]);

/** @typedef {typeof PHASES[number]} Phase */

const [STARTUP, READING, REMARK, MODEL, RULES, ENGINE, OUTPUT, CACHE, WORKERS, CLI, GC, NATIVE, IDLE, OTHER] = PHASES;

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/**
 * A bundle's source map as, per generated line, the segments' start columns and sources.
 * @type {Map<string, {lines: {cols: number[], srcs: number[]}[], sources: string[]} | null>}
 */
const maps = new Map();

/** @param {string} file */
function loadMap(file) {
  let m = maps.get(file);
  if (m !== undefined) return m;
  m = null;
  const mapFile = `${file}.map`;
  if (existsSync(mapFile)) {
    try {
      const json = JSON.parse(readFileSync(mapFile, 'utf8'));
      const sources = json.sources.map((/** @type {string} */ s) => resolve(dirname(mapFile), json.sourceRoot ?? '', s));
      /** @type {{cols: number[], srcs: number[]}[]} */
      const lines = [];
      let src = 0;
      for (const line of String(json.mappings).split(';')) {
        /** @type {number[]} */
        const cols = [];
        /** @type {number[]} */
        const srcs = [];
        let col = 0;
        for (const seg of line.split(',')) {
          if (!seg) continue;
          /** @type {number[]} */
          const fields = [];
          let value = 0;
          let shift = 0;
          for (const ch of seg) {
            const d = B64.get(ch) ?? 0;
            value += (d & 31) << shift;
            if (d & 32) shift += 5;
            else {
              fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
              value = 0;
              shift = 0;
            }
          }
          col += fields[0] ?? 0;
          if (fields.length >= 2) {
            src += /** @type {number} */ (fields[1]);
            cols.push(col);
            srcs.push(src);
          }
        }
        lines.push({ cols, srcs });
      }
      m = { lines, sources };
    } catch {
      m = null;
    }
  }
  maps.set(file, m);
  return m;
}

/**
 * The original source file of a position in a generated file (0-based line and column),
 * or undefined when the file has no source map.
 * @param {string} url @param {number} line @param {number} column
 */
export function originalSource(url, line, column) {
  if (!url.startsWith('file://')) return undefined;
  const m = loadMap(fileURLToPath(url));
  if (!m) return undefined;
  const l = m.lines[line];
  if (!l || l.cols.length === 0) return undefined;
  // The last segment starting at or before the column (the function's start).
  let i = 0;
  while (i + 1 < l.cols.length && /** @type {number} */ (l.cols[i + 1]) <= column) i++;
  return m.sources[/** @type {number} */ (l.srcs[i])];
}

const MARKDOWN = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:micromark[^/]*|mdast-util-[^/]+|remark-[^/]+|unified|vfile[^/]*|unist-[^/]+|decode-named-character-reference|character-entities[^/]*|devlop|bail|trough|extend|parse-entities|longest-streak|zwitch)\//;

/**
 * What a frame is: its phase, whether it decides ("strong"), and for rule code the key of
 * the per-rule list (a rule id, or the shared module's path).
 * @param {string} path the original source path (or the URL when there is no map)
 * @param {{functionName: string, lineNumber: number, columnNumber: number}} cf
 * @param {ReadonlySet<string>} ruleIds
 * @returns {{phase: Phase, strong: boolean, key?: string} | undefined}
 */
export function classifyFrame(path, cf, ruleIds) {
  const p = path.replace(/\\/g, '/');
  // A module's top-level code (V8 names it '' at 0:0): module evaluation.
  if (cf.functionName === '' && cf.lineNumber === 0 && cf.columnNumber === 0 && p.startsWith('file://')) return { phase: STARTUP, strong: true };
  // esbuild's bundle wraps a module's top-level code in `init_<name>` / `"<path>.ts"()`, run by `__init`.
  if (/^(__init|init_[\w$]+|.*\.[cm]?[jt]s)$/.test(cf.functionName)) return { phase: STARTUP, strong: true };
  if (/^node:internal\/(modules|vm|bootstrap|main\/(?!worker)|process\/pre_execution|url)/.test(p) || p.startsWith('node:module')) return { phase: STARTUP, strong: true };
  if (MARKDOWN.test(p)) return { phase: REMARK, strong: true };
  if (/\/packages\/parser\//.test(p)) return { phase: MODEL, strong: true };
  const rule = /\/packages\/rules\/(?:src|dist)\/([^/]+)\/([^/.]+)\.[jt]s$/.exec(p);
  if (rule && ruleIds.has(`${rule[1]}/${rule[2]}`)) return { phase: RULES, strong: true, key: `${rule[1]}/${rule[2]}` };
  const shared = /\/packages\/(rules|rule-api|ontology)\/(?:src|dist)\/(.+)\.[jt]s$/.exec(p);
  if (shared) return { phase: RULES, strong: false, key: `${shared[1] === 'rules' ? '' : `${shared[1]}: `}${shared[2]}${shared[1] === 'rules' ? ' (shared)' : ''}` };
  if (/\/packages\/(rules|rule-api|ontology)\//.test(p)) return { phase: RULES, strong: false, key: p.replace(/.*\/packages\//, '') };
  if (/\/packages\/input\/|\/packages\/linter\/(?:src|dist)\/project\/(files|ignore|read|guard)\.|\/packages\/cli\/(?:src|dist)\/(readers|io)\./.test(p)) return { phase: READING, strong: true };
  if (/\/packages\/linter\/(?:src|dist)\/project\/cache/.test(p)) return { phase: CACHE, strong: true };
  if (/\/packages\/linter\/(?:src|dist)\/project\/workers?\./.test(p) || /^node:internal\/(worker|per_context\/messageport)|^node:worker_threads/.test(p)) return { phase: WORKERS, strong: true };
  if (/\/packages\/linter\/(?:src|dist)\/(config\/|project\/config-loader)/.test(p)) return { phase: STARTUP, strong: true };
  if (/\/packages\/linter\/(?:src|dist)\/formatters\/|\/packages\/cli\/(?:src|dist)\/(output|reporter)\./.test(p)) return { phase: OUTPUT, strong: true };
  if (/\/packages\/linter\//.test(p)) return { phase: ENGINE, strong: true };
  if (/\/packages\/cli\//.test(p)) return { phase: CLI, strong: true };
  if (/^node:(internal\/)?fs/.test(p)) return { phase: READING, strong: false };
  if (/^node:internal\/(streams|stream_base_commons|net|tty)|^node:(net|tty|stream)/.test(p)) return { phase: OUTPUT, strong: false };
  return undefined;
}

/**
 * Charges every sample of a profile to a phase (and rule-code key).
 * @param {any} profile a .cpuprofile
 * @param {ReadonlySet<string>} ruleIds
 * @returns {{total: number, phases: Map<string, number>, rules: Map<string, number>}}
 */
export function phasesOf(profile, ruleIds) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} */
  const self = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);

  /** @type {Map<number, {phase: Phase, strong: boolean, key?: string} | undefined>} */
  const frameClass = new Map();
  const classOf = (/** @type {number} */ id) => {
    if (frameClass.has(id)) return frameClass.get(id);
    const cf = nodes.get(id)?.callFrame ?? {};
    const url = String(cf.url ?? '');
    const original = url ? originalSource(url, cf.lineNumber ?? 0, cf.columnNumber ?? 0) : undefined;
    // The module top-level check needs the generated position; the rest the original path.
    const c = original && !(cf.functionName === '' && cf.lineNumber === 0 && cf.columnNumber === 0) ? classifyFrame(`file://${original}`, { ...cf, lineNumber: -1 }, ruleIds) : url ? classifyFrame(url, cf, ruleIds) : undefined;
    frameClass.set(id, c);
    return c;
  };

  /** @type {Map<string, number>} */
  const phases = new Map();
  /** @type {Map<string, number>} */
  const rules = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    total += ms;
    const fn = nodes.get(id)?.callFrame?.functionName ?? '';
    /** @type {string} */
    let phase;
    /** @type {string | undefined} */
    let key;
    if (fn === '(garbage collector)') phase = GC;
    else if (fn === '(idle)') phase = IDLE;
    else if (fn === '(program)' || fn === '(root)') phase = NATIVE;
    else {
      /** @type {{phase: Phase, strong: boolean, key?: string} | undefined} */
      let weak;
      /** @type {{phase: Phase, strong: boolean, key?: string} | undefined} */
      let strong;
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
        const c = classOf(at);
        if (!c) continue;
        if (c.strong) {
          strong = c;
          break;
        }
        weak ??= c;
      }
      if (!strong && !weak) phase = OTHER;
      else if (!weak) phase = /** @type {{phase: Phase}} */ (strong).phase;
      else if (!strong) phase = weak.phase;
      else if (weak.phase === RULES) {
        // Rule helpers under module loading are start-up (tables built at import); elsewhere rules.
        phase = strong.phase === STARTUP ? STARTUP : RULES;
        if (phase === RULES) key = weak.key;
      } else if (weak.phase === READING) phase = strong.phase === STARTUP || strong.phase === CACHE || strong.phase === OUTPUT ? strong.phase : READING;
      else phase = strong.phase === STARTUP ? STARTUP : weak.phase;
      if (phase === RULES && key === undefined) key = strong?.key ?? weak?.key ?? '(rules)';
    }
    phases.set(phase, (phases.get(phase) ?? 0) + ms);
    if (phase === RULES) rules.set(/** @type {string} */ (key), (rules.get(/** @type {string} */ (key)) ?? 0) + ms);
  }
  return { total, phases, rules };
}
