import { parseArgs, type ParseArgsConfig } from 'node:util';
import { problem, type CliLocale, type CliProblem } from './messages.js';

/** Names of the built-in formatters (the `--format` values the README documents). */
export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;

/** A severity as written in config or on the command line. */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'error';

/** A rule setting: severity or `[severity, options]` (structurally `RuleConfigEntry`). */
export type RuleSetting = SeveritySetting | readonly [SeveritySetting, unknown?];

/** One requested output: a formatter, printed to stdout or written to `path`. */
export interface FormatTarget {
  readonly name: string;
  readonly path?: string;
}

/** A writing date given on the command line. */
export interface CliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** What the command line asked for, validated. */
export interface CliOptions {
  readonly command: 'lint' | 'inspect' | 'convert' | 'score' | 'web' | 'catalogue' | 'help' | 'version' | 'print-config';
  /** Files, directories or globs (lint), the one file (inspect), or the words of a query (catalogue). */
  readonly patterns: readonly string[];
  readonly formats: readonly FormatTarget[];
  /** Whether `--format` was given at all (inspect defaults to text, lint to stylish). */
  readonly formatGiven: boolean;
  readonly outputFile?: string;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly config?: string;
  /** `--rule` overrides, in the order given (a later one wins). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly reportYear?: number;
  readonly writingDate?: CliDate;
  readonly locale?: CliLocale;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly cache: boolean;
  readonly cacheLocation?: string;
  /** How `--cache` recognises an unchanged file (ESLint's `--cache-strategy`). */
  readonly cacheStrategy: 'metadata' | 'content';
  readonly concurrency: number | 'auto';
  readonly printConfig?: string;
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly suppressAll: boolean;
  readonly suppressionsLocation?: string;
  readonly pruneSuppressions: boolean;
  /** `undefined`: decide from the terminal. */
  readonly color?: boolean;
  /** `--no-ignore` turns off `.fzlintignore` and config `ignorePatterns`. */
  readonly ignore: boolean;
  /** `fzlint web --out DIR`: where to write the workbench. */
  readonly webOut?: string;
  /** `fzlint web --open`: serve the workbench with the given reports and open it. */
  readonly webOpen: boolean;
  /** `fzlint web --out DIR --single-file`: one self-contained index.html. */
  readonly singleFile: boolean;
  /** `--previous LAST`: last year's report, compared with every file given (lint, inspect, score). */
  readonly previous?: string;
  /** `fzlint inspect --figures FILE`: the figures ledger instead of the outline. */
  readonly figures: boolean;
}

/** The result of parsing: options, or one usage problem (exit 2). */
export type ParsedArgs =
  | { readonly ok: true; readonly options: CliOptions }
  | { readonly ok: false; readonly problem: CliProblem; readonly locale: CliLocale };

export const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'report-year': { type: 'string' },
  'writing-date': { type: 'string' },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  concurrency: { type: 'string' },
  'print-config': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'suppress-all': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  'prune-suppressions': { type: 'boolean' },
  color: { type: 'boolean' },
  ignore: { type: 'boolean' },
  out: { type: 'string' },
  open: { type: 'boolean' },
  'single-file': { type: 'boolean' },
  previous: { type: 'string' },
  figures: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'info', 'warn', 'error']);
// ESLint's numeric severities, accepted because people type them out of habit.
const NUMERIC_SEVERITY: Readonly<Record<string, SeveritySetting>> = { '0': 'off', '1': 'warn', '2': 'error' };
const YEAR = /^\d{4}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NON_NEGATIVE_INT = /^\d+$/;
const LOCALE_ARG = /^--locale(?:=(.*))?$/;

/**
 * The locale for messages about the command line itself, read before full parsing
 * (so a usage error after `--locale en` is already in English).
 */
export function sniffLocale(argv: readonly string[], end: number = optionsEnd(argv)): CliLocale | undefined {
  // Words after the `--` that ends the options (`end`, see optionsEnd) are paths, as the full parse reads them.
  const n = end < 0 ? argv.length : end;
  for (let i = 0; i < n; i++) {
    const m = LOCALE_ARG.exec(argv[i] ?? '');
    if (!m) continue;
    const value = m[1] ?? argv[i + 1];
    if (value === 'en' || value === 'zh-CN') return value;
  }
  return undefined;
}

/** Parses `YYYY-MM-DD` into a calendar date, rejecting impossible days. */
export function parseIsoDate(value: string): CliDate | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

function normaliseSeverity(value: unknown): SeveritySetting | undefined {
  if (typeof value === 'number') return NUMERIC_SEVERITY[String(value)];
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (SEVERITIES.has(v)) return v as SeveritySetting;
  if (v === 'warning') return 'warn';
  return NUMERIC_SEVERITY[v];
}

/**
 * Parses one `--rule` value: `id: severity`, `id: [severity, options]`, or an
 * ESLint-style JSON object `{"id": "warn"}` (several rules at once).
 */
export function parseRuleOption(value: string): { ok: true; rules: Record<string, RuleSetting> } | { ok: false; problem: CliProblem } {
  const text = value.trim();
  const entries: [string, unknown][] = [];
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, problem: problem('badRule', { value }) };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { ok: false, problem: problem('badRule', { value }) };
    }
    entries.push(...Object.entries(parsed));
  } else {
    const colon = text.indexOf(':');
    if (colon <= 0) return { ok: false, problem: problem('badRule', { value }) };
    const id = text.slice(0, colon).trim().replace(/^["']|["']$/g, '');
    const rest = text.slice(colon + 1).trim();
    if (!id || !rest) return { ok: false, problem: problem('badRule', { value }) };
    if (rest.startsWith('[') || rest.startsWith('"')) {
      try {
        entries.push([id, JSON.parse(rest)]);
      } catch {
        return { ok: false, problem: problem('badRule', { value }) };
      }
    } else {
      entries.push([id, rest]);
    }
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, raw] of entries) {
    if (Array.isArray(raw)) {
      const severity = normaliseSeverity(raw[0]);
      if (!severity) return { ok: false, problem: problem('badSeverity', { id, value: JSON.stringify(raw[0]) }) };
      rules[id] = raw.length > 1 ? [severity, raw[1]] : [severity];
    } else {
      const severity = normaliseSeverity(raw);
      if (!severity) return { ok: false, problem: problem('badSeverity', { id, value: String(raw) }) };
      rules[id] = severity;
    }
  }
  return { ok: true, rules };
}

/** Parses one `--format` value: `name` or `name:path`. */
export function parseFormatOption(value: string): { ok: true; target: FormatTarget } | { ok: false; problem: CliProblem } {
  const colon = value.indexOf(':');
  const name = (colon === -1 ? value : value.slice(0, colon)).trim();
  const path = colon === -1 ? undefined : value.slice(colon + 1).trim();
  if (!(FORMATTER_NAMES as readonly string[]).includes(name) && name !== 'text') {
    return { ok: false, problem: problem('badFormat', { name, allowed: FORMATTER_NAMES.join(', ') }) };
  }
  if (path === '') return { ok: false, problem: problem('badFormatPath', { value }) };
  return { ok: true, target: path === undefined ? { name } : { name, path } };
}

const STRING_OPTIONS: ReadonlySet<string> = new Set(
  Object.entries(OPTIONS).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])] : [])),
);
const NEGATIVE_NUMBER = /^-\d+$/;

/** `--max-warnings -1` is meant as a value; parseArgs would take `-1` for an option, so join them. */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (STRING_OPTIONS.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function runParseArgs(argv: readonly string[]) {
  return parseArgs({ args: joinNegativeValues(argv), options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
}

const VALUE_LONG: ReadonlySet<string> = new Set(Object.entries(OPTIONS).flatMap(([name, o]) => (o.type === 'string' ? [name] : [])));
const VALUE_SHORT: ReadonlySet<string> = new Set(Object.values(OPTIONS).flatMap((o) => (o.type === 'string' && 'short' in o ? [o.short] : [])));

/**
 * The index of the `--` that ends the options, as node:util's `parseArgs` reads the words, or
 * -1 when there is none. A `--` an option takes as its value (`--rule --`, `-f --`: parseArgs
 * takes it, then calls it ambiguous) ends nothing. A group of short options holding a `-`
 * (`-v-`, which parseArgs expands to `-v --`) also gives -1: such a line is parsed whole, as
 * it always was.
 */
export function optionsEnd(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return i;
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && VALUE_LONG.has(arg.slice(2))) i++;
    } else if (arg.startsWith('-') && arg.length > 1) {
      // A lone `-f` or a group: the first short option that takes a value takes the rest of
      // the word (`-fjson`), or the next word when it ends the word (`-vf json`).
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        if (c === '-') return -1;
        if (VALUE_SHORT.has(c)) {
          if (j === arg.length - 1) i++;
          break;
        }
      }
    }
  }
  return -1;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/**
 * The option a parse error is about, by its long name when it has one: Node quotes
 * "Unknown option '--foo'", and "Option '-f, --format <value>' argument missing"
 * for an option with a short alias (the user may have typed either).
 */
export function optionName(error: Error): string | undefined {
  const quoted = /'([^']*)'/.exec(error.message)?.[1];
  if (quoted === undefined) return undefined;
  const names = quoted.split(/[\s,]+/).filter((part) => part.startsWith('-'));
  return names.find((n) => n.startsWith('--')) ?? names[0];
}

/**
 * Parses and validates the command line (without `node` and the script).
 * Never throws and never exits: a problem is returned for `main` to print (exit 2).
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  // The words after `--` are not given to parseArgs: it spreads them into one call, which throws
  // past ~120,000 words (`fzlint -- $(yes a | head -200000)`); they are all positionals anyway.
  const end = optionsEnd(argv);
  const sniffed = sniffLocale(argv, end);
  const fail = (p: CliProblem): ParsedArgs => ({ ok: false, problem: p, locale: sniffed ?? 'zh-CN' });

  let parsed: ReturnType<typeof runParseArgs>;
  try {
    parsed = runParseArgs(end === -1 ? argv : argv.slice(0, end));
  } catch (error) {
    const err = error as Error & { code?: string };
    const option = optionName(err) ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fail(problem('unknownOption', { option }));
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // Either a value given to a boolean flag or a string option without value.
      if (/argument missing/.test(err.message)) return fail(problem('missingValue', { option }));
      return fail(problem('badArgs', { detail: firstLine(err.message) }));
    }
    return fail(problem('badArgs', { detail: firstLine(err.message) }));
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  if (end !== -1) for (let i = end + 1; i < argv.length; i++) positionals.push(argv[i]!);

  let command: CliOptions['command'] = 'lint';
  const sub = positionals[0];
  // `web` is the workbench only with its flags: `fzlint web` alone lints a folder named web (saved pages).
  const webMode = v.out !== undefined || v.open === true || v['single-file'] === true;
  if (sub === 'inspect' || sub === 'convert' || sub === 'score' || sub === 'catalogue' || (sub === 'web' && webMode)) {
    command = sub;
    positionals = positionals.slice(1);
  }

  const formats: FormatTarget[] = [];
  for (const f of v.format ?? []) {
    const r = parseFormatOption(f);
    if (!r.ok) return fail(r.problem);
    formats.push(r.target);
  }
  if (command === 'lint' && formats.some((f) => f.name === 'text')) {
    return fail(problem('badFormat', { name: 'text', allowed: FORMATTER_NAMES.join(', ') }));
  }
  if (command === 'inspect' && formats.some((f) => f.name !== 'text' && f.name !== 'json')) {
    return fail(problem('inspectFormat', {}));
  }
  if (command === 'score' && formats.some((f) => f.name !== 'text' && f.name !== 'json')) {
    return fail(problem('scoreFormat', {}));
  }
  if (command === 'catalogue' && formats.some((f) => f.name !== 'text' && f.name !== 'json')) {
    return fail(problem('catalogueFormat', {}));
  }
  if (v.figures === true && command !== 'inspect' && v.help !== true) return fail(problem('figuresOnly', {}));

  const rules: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const res = parseRuleOption(r);
    if (!res.ok) return fail(res.problem);
    Object.assign(rules, res.rules);
  }

  let reportYear: number | undefined;
  if (v['report-year'] !== undefined) {
    const text = v['report-year'].trim();
    const year = Number(text);
    if (!YEAR.test(text) || year < 1949 || year > 2200) return fail(problem('badYear', { value: v['report-year'] }));
    reportYear = year;
  }
  let writingDate: CliDate | undefined;
  if (v['writing-date'] !== undefined) {
    writingDate = parseIsoDate(v['writing-date'].trim());
    if (!writingDate) return fail(problem('badDate', { value: v['writing-date'] }));
  }
  let locale: CliLocale | undefined;
  if (v.locale !== undefined) {
    if (v.locale !== 'zh-CN' && v.locale !== 'en') return fail(problem('badLocale', { value: v.locale }));
    locale = v.locale;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const text = v['max-warnings'].trim();
    // ESLint treats -1 as "no limit"; accept it for muscle memory.
    if (text === '-1') maxWarnings = undefined;
    else if (!NON_NEGATIVE_INT.test(text)) return fail(problem('badMaxWarnings', { value: v['max-warnings'] }));
    else maxWarnings = Number(text);
  }
  let cacheStrategy: 'metadata' | 'content' = 'metadata';
  if (v['cache-strategy'] !== undefined) {
    const text = v['cache-strategy'].trim();
    if (text !== 'metadata' && text !== 'content') return fail(problem('badCacheStrategy', { value: v['cache-strategy'] }));
    cacheStrategy = text;
  }
  let concurrency: number | 'auto' = 'auto';
  if (v.concurrency !== undefined) {
    const text = v.concurrency.trim();
    if (text === 'auto') concurrency = 'auto';
    else if (/^[1-9]\d{0,3}$/.test(text)) concurrency = Number(text);
    else if (text === 'off') concurrency = 1;
    else return fail(problem('badConcurrency', { value: v.concurrency }));
  }

  const flag = (name: keyof typeof v): boolean => v[name] === true;
  const conflicts: [string, boolean, string, boolean][] = [
    ['--fix', flag('fix'), '--fix-dry-run', flag('fix-dry-run')],
    ['--suppress-all', flag('suppress-all'), '--prune-suppressions', flag('prune-suppressions')],
    ['--print-config', v['print-config'] !== undefined, '--stdin', flag('stdin')],
  ];
  for (const [a, hasA, b, hasB] of conflicts) if (hasA && hasB) return fail(problem('conflict', { a, b }));

  if (flag('help')) command = 'help';
  else if (flag('version')) command = 'version';
  else if (v['print-config'] !== undefined) {
    if (command === 'inspect') return fail(problem('conflict', { a: 'inspect', b: '--print-config' }));
    if (positionals.length > 0) return fail(problem('printConfigWithFiles', {}));
    command = 'print-config';
  } else if (command === 'inspect') {
    if (positionals.length !== 1 && !flag('stdin')) return fail(problem('inspectNeedsFile', {}));
  } else if (command === 'convert') {
    if (positionals.length !== 1 || flag('stdin')) return fail(problem('convertNeedsFile', {}));
  } else if (command === 'score') {
    if (positionals.length === 0 || flag('stdin')) return fail(problem('scoreNeedsFile', {}));
  } else if (command === 'catalogue') {
    if (flag('stdin') || flag('fix') || flag('fix-dry-run')) return fail(problem('catalogueFlags', { option: flag('stdin') ? '--stdin' : flag('fix') ? '--fix' : '--fix-dry-run' }));
  } else if (command === 'web') {
    if (v.out !== undefined && flag('open')) return fail(problem('conflict', { a: '--out', b: '--open' }));
    if (v.out !== undefined && positionals.length > 0) return fail(problem('webOutWithFiles', {}));
    if (flag('single-file') && v.out === undefined) return fail(problem('webSingleFile', {}));
  } else {
    if (flag('stdin') && positionals.length > 0) return fail(problem('stdinWithFiles', {}));
    if (flag('stdin') && flag('fix')) return fail(problem('stdinFix', {}));
  }
  if (command !== 'web' && (v.out !== undefined || flag('open') || flag('single-file'))) {
    return fail(problem('webOnly', { option: v.out !== undefined ? '--out' : flag('open') ? '--open' : '--single-file' }));
  }
  if (v['stdin-filename'] !== undefined && !flag('stdin')) return fail(problem('stdinFilenameWithoutStdin', {}));
  if (v.previous !== undefined) {
    if (v.previous.trim() === '') return fail(problem('missingValue', { option: '--previous' }));
    if (command === 'convert' || command === 'web' || command === 'catalogue' || command === 'print-config') return fail(problem('previousWhere', { command: command === 'print-config' ? '--print-config' : command }));
  }

  const options: CliOptions = {
    command,
    patterns: positionals,
    formats: formats.length > 0 ? formats : [{ name: command === 'inspect' || command === 'score' || command === 'catalogue' ? 'text' : 'stylish' }],
    formatGiven: formats.length > 0,
    ...(v['output-file'] !== undefined ? { outputFile: v['output-file'] } : {}),
    fix: flag('fix'),
    fixDryRun: flag('fix-dry-run'),
    ...(v.config !== undefined ? { config: v.config } : {}),
    rules,
    ...(reportYear !== undefined ? { reportYear } : {}),
    ...(writingDate !== undefined ? { writingDate } : {}),
    ...(locale !== undefined ? { locale } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: flag('quiet'),
    cache: flag('cache'),
    ...(v['cache-location'] !== undefined ? { cacheLocation: v['cache-location'] } : {}),
    cacheStrategy,
    concurrency,
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    stdin: flag('stdin'),
    ...(v['stdin-filename'] !== undefined ? { stdinFilename: v['stdin-filename'] } : {}),
    suppressAll: flag('suppress-all'),
    ...(v['suppressions-location'] !== undefined ? { suppressionsLocation: v['suppressions-location'] } : {}),
    pruneSuppressions: flag('prune-suppressions'),
    ...(v.color !== undefined ? { color: v.color } : {}),
    ignore: v.ignore !== false,
    ...(v.out !== undefined ? { webOut: v.out } : {}),
    webOpen: flag('open'),
    singleFile: flag('single-file'),
    ...(v.previous !== undefined ? { previous: v.previous } : {}),
    figures: flag('figures'),
  };
  return { ok: true, options };
}
