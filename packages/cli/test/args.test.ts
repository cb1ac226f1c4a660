import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIONS, optionsEnd, parseCliArgs, parseFormatOption, parseIsoDate, parseRuleOption, sniffLocale } from '../src/args.js';
import { message, messageIds, template } from '../src/messages.js';

function ok(argv: string[]) {
  const r = parseCliArgs(argv);
  if (!r.ok) throw new Error(`expected success, got ${r.problem.id}`);
  return r.options;
}

function fail(argv: string[]) {
  const r = parseCliArgs(argv);
  if (r.ok) throw new Error('expected a usage problem');
  return r;
}

describe('parseCliArgs', () => {
  it('defaults to linting with stylish output', () => {
    const o = ok(['reports/']);
    expect(o.command).toBe('lint');
    expect(o.patterns).toEqual(['reports/']);
    expect(o.formats).toEqual([{ name: 'stylish' }]);
    expect(o.concurrency).toBe('auto');
    expect(o.ignore).toBe(true);
    expect(o.color).toBeUndefined();
  });

  it('accepts repeated --format with name:path', () => {
    const o = ok(['--format', 'stylish', '--format', 'sarif:out/report.sarif', 'a.md']);
    expect(o.formats).toEqual([{ name: 'stylish' }, { name: 'sarif', path: 'out/report.sarif' }]);
  });

  it('rejects an unknown format naming the allowed ones', () => {
    const r = fail(['--format', 'xml', 'a.md']);
    expect(r.problem.id).toBe('badFormat');
    expect(message('en', r.problem.id, r.problem.data)).toContain('stylish, json, sarif, github');
  });

  it('parses --rule in both shapes and lets a later one win', () => {
    const o = ok(['--rule', 'structure/heading-numbering: off', '--rule', 'structure/year-consistency: ["warn", {"x": 1}]', '--rule', 'structure/heading-numbering: error']);
    expect(o.rules).toEqual({ 'structure/heading-numbering': 'error', 'structure/year-consistency': ['warn', { x: 1 }] });
  });

  it('rejects a bad severity in --rule', () => {
    expect(fail(['--rule', 'structure/year-consistency: loud']).problem.id).toBe('badSeverity');
    expect(fail(['--rule', 'no-colon-here']).problem.id).toBe('badRule');
  });

  it('validates numbers and dates', () => {
    expect(ok(['--report-year', '2023']).reportYear).toBe(2023);
    expect(fail(['--report-year', '23']).problem.id).toBe('badYear');
    expect(ok(['--writing-date', '2024-03-15']).writingDate).toEqual({ year: 2024, month: 3, day: 15 });
    expect(fail(['--writing-date', '2024-02-30']).problem.id).toBe('badDate');
    expect(ok(['--max-warnings', '0']).maxWarnings).toBe(0);
    expect(fail(['--max-warnings', 'many']).problem.id).toBe('badMaxWarnings');
    expect(ok(['--concurrency', '2']).concurrency).toBe(2);
    expect(ok(['--concurrency', 'auto']).concurrency).toBe('auto');
    expect(fail(['--concurrency', '0']).problem.id).toBe('badConcurrency');
    expect(ok([]).cacheStrategy).toBe('metadata');
    expect(ok(['--cache-strategy', 'content']).cacheStrategy).toBe('content');
    expect(fail(['--cache-strategy', 'mtime']).problem.id).toBe('badCacheStrategy');
  });

  it('reports unknown options and missing values in the sniffed locale', () => {
    const r = fail(['--locale', 'en', '--frobnicate']);
    expect(r.problem.id).toBe('unknownOption');
    expect(r.problem.data['option']).toBe('--frobnicate');
    expect(r.locale).toBe('en');
    const m = fail(['--config']);
    expect(m.problem.id).toBe('missingValue');
    expect(m.locale).toBe('zh-CN');
    // Named by the long name whichever the user typed (Node's message says "-f, --format <value>").
    for (const [argv, option] of [[['-f'], '--format'], [['--format'], '--format'], [['-c'], '--config'], [['a.md', '-o'], '--output-file'], [['--max-warnings'], '--max-warnings']] as const) {
      const missing = fail([...argv]);
      expect(missing.problem.id).toBe('missingValue');
      expect(missing.problem.data['option']).toBe(option);
    }
  });

  it('rejects conflicting options', () => {
    expect(fail(['--fix', '--fix-dry-run', 'a.md']).problem.id).toBe('conflict');
    expect(fail(['--suppress-all', '--prune-suppressions']).problem.id).toBe('conflict');
    expect(fail(['--stdin', 'a.md']).problem.id).toBe('stdinWithFiles');
    expect(fail(['--stdin', '--fix']).problem.id).toBe('stdinFix');
    expect(fail(['--stdin-filename', 'x.md']).problem.id).toBe('stdinFilenameWithoutStdin');
    expect(fail(['--print-config', 'a.md', 'b.md']).problem.id).toBe('printConfigWithFiles');
  });

  it('recognises the inspect subcommand', () => {
    const o = ok(['inspect', 'report.md', '--format', 'json']);
    expect(o.command).toBe('inspect');
    expect(o.patterns).toEqual(['report.md']);
    expect(o.formats).toEqual([{ name: 'json' }]);
    expect(ok(['inspect', 'report.md']).formats).toEqual([{ name: 'text' }]);
    expect(fail(['inspect']).problem.id).toBe('inspectNeedsFile');
    expect(fail(['inspect', 'a.md', '--format', 'sarif']).problem.id).toBe('inspectFormat');
  });

  it('recognises the convert and score subcommands', () => {
    const c = ok(['convert', '报告.docx', '-o', '报告.md']);
    expect(c).toMatchObject({ command: 'convert', patterns: ['报告.docx'], outputFile: '报告.md' });
    expect(fail(['convert']).problem.id).toBe('convertNeedsFile');
    expect(fail(['convert', 'a.docx', 'b.docx']).problem.id).toBe('convertNeedsFile');
    const s = ok(['score', 'a.md', 'b.docx']);
    expect(s).toMatchObject({ command: 'score', patterns: ['a.md', 'b.docx'], formats: [{ name: 'text' }] });
    expect(ok(['score', 'a.md', '--format', 'json']).formats).toEqual([{ name: 'json' }]);
    expect(fail(['score']).problem.id).toBe('scoreNeedsFile');
    expect(fail(['score', 'a.md', '--format', 'github']).problem.id).toBe('scoreFormat');
    // A file named like a subcommand is linted when it is not first.
    expect(ok(['a.md', 'score']).command).toBe('lint');
  });

  it('takes --previous for linting, inspect and score, not for the other commands', () => {
    expect(ok(['--previous', '2022.md', '2023.md']).previous).toBe('2022.md');
    expect(ok(['inspect', '2023.md', '--previous=2022.md']).previous).toBe('2022.md');
    expect(ok(['score', '2023.md', '--previous', '2022.md']).previous).toBe('2022.md');
    expect(ok(['2023.md']).previous).toBeUndefined();
    expect(fail(['convert', 'a.docx', '--previous', '2022.md']).problem).toEqual({ id: 'previousWhere', data: { command: 'convert' }, level: 'error' });
    expect(fail(['--previous', '', 'a.md']).problem.id).toBe('missingValue');
    expect(fail(['a.md', '--previous']).problem.id).toBe('missingValue');
  });

  it('handles --no-color, --no-ignore, --help and --version', () => {
    expect(ok(['--no-color', 'a.md']).color).toBe(false);
    expect(ok(['--no-ignore', 'a.md']).ignore).toBe(false);
    expect(ok(['--help']).command).toBe('help');
    expect(ok(['-v']).command).toBe('version');
    expect(ok(['--print-config', 'a.md']).command).toBe('print-config');
  });
});

describe('the words after --', () => {
  it('takes 200,000 of them (node:util parseArgs alone throws past ~120,000)', () => {
    const words = Array.from({ length: 200_000 }, (_, i) => `r${i}.md`);
    const o = ok(['--format', 'json', 'a.md', '--', ...words]);
    expect(o.formats).toEqual([{ name: 'json' }]);
    expect(o.patterns).toHaveLength(200_001);
    expect(o.patterns[0]).toBe('a.md');
    expect(o.patterns[1]).toBe('r0.md');
    expect(o.patterns[200_000]).toBe('r199999.md');
  });

  it('are positionals, options and a second -- included, and the options before them are read as ever', () => {
    const o = ok(['-fjson', '--quiet', 'a.md', '--', '--fix', '-x.md', '--', '--max-warnings', '-1', 'inspect']);
    expect(o.patterns).toEqual(['a.md', '--fix', '-x.md', '--', '--max-warnings', '-1', 'inspect']);
    expect(o.fix).toBe(false);
    expect(o.quiet).toBe(true);
    expect(ok(['--', 'inspect', 'a.md']).command).toBe('inspect');
    expect(ok(['--']).patterns).toEqual([]);
  });

  it('do not begin at a -- an option takes as its value (parseArgs calls that ambiguous)', () => {
    for (const argv of [['--rule', '--', 'a.md'], ['-f', '--', 'a.md'], ['-vf', '--', 'a.md'], ['--output-file', '--']]) {
      const r = fail(argv);
      expect(r.problem.id, argv.join(' ')).toBe('badArgs');
      expect(JSON.stringify(r.problem), argv.join(' ')).toMatch(/ambiguous/);
    }
  });

  it('begin where parseArgs itself ends the options', () => {
    const words = ['--', '-', '--rule', '--rule=a:off', '--format', '-f', '-fjson', '-f-', '-vf', '-vf-', '-v', '-v-', '-v-f', '-h', '-o', '-c', '-vc',
      '--quiet', '--stdin', '--no-color', '--max-warnings', '-1', '--out', '--=', '--bogus', '-x', 'a.md', 'inspect'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 10 }), (argv) => {
        const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, allowNegative: true, strict: false, tokens: true });
        const terminator = tokens.find((t) => t.kind === 'option-terminator');
        const end = optionsEnd(argv);
        if (end === -1 && terminator !== undefined) {
          // A group holding `-` (`-v-`): parseArgs expands it to `-v --`; such a line is parsed whole.
          expect(argv[terminator.index]).toMatch(/^-[^-]+-/);
        } else {
          expect(end).toBe(terminator?.index ?? -1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('option helpers', () => {
  it('sniffs the locale in both spellings', () => {
    expect(sniffLocale(['--locale=en'])).toBe('en');
    expect(sniffLocale(['--locale', 'zh-CN'])).toBe('zh-CN');
    expect(sniffLocale(['a.md'])).toBeUndefined();
    // After the `--` that ends the options, `--locale en` is two paths (as parseCliArgs reads them).
    expect(sniffLocale(['--', '--locale', 'en'])).toBeUndefined();
    expect(sniffLocale(['--locale', 'en', '--', '--locale', 'zh-CN'])).toBe('en');
    expect(sniffLocale(['--rule', '--', '--locale', 'en'])).toBe('en');
  });

  it('parses ESLint-style JSON rule objects and numeric severities', () => {
    const r = parseRuleOption('{"structure/year-consistency": 2, "structure/heading-numbering": "off"}');
    expect(r).toEqual({ ok: true, rules: { 'structure/year-consistency': 'error', 'structure/heading-numbering': 'off' } });
  });

  it('keeps Windows-like paths after the first colon of --format', () => {
    expect(parseFormatOption('sarif:C:\\out\\r.sarif')).toEqual({ ok: true, target: { name: 'sarif', path: 'C:\\out\\r.sarif' } });
    expect(parseFormatOption('json:')).toMatchObject({ ok: false });
  });

  it('rejects impossible dates', () => {
    expect(parseIsoDate('2023-13-01')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
  });
});

describe('messages', () => {
  it('has both locales for every message, each saying what to do or what happened', () => {
    for (const id of messageIds) {
      const t = template(id);
      expect(t['zh-CN'].length).toBeGreaterThan(0);
      expect(t.en.length).toBeGreaterThan(0);
      // Same placeholders in both locales.
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(t.en)).toEqual(names(t['zh-CN']));
    }
  });
});
