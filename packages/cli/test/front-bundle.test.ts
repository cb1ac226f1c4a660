/**
 * The CLI's front script (dist/bundle/cli.script.js, built by the global setup) holds only what a
 * warm `--cache` run needs; the engine, the parser, the rules' API and the ontology are in the
 * lint part, loaded on first use (see scripts/bundle.mjs). A static import of a package index
 * from a front module (the stylish formatter's `displayWidth` from `@fzlint/rule-api` did this)
 * doubles the front and costs every start its compile or code-cache read.
 */
import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';

const map = JSON.parse(readFileSync(new URL('../dist/bundle/cli.script.js.map', import.meta.url), 'utf8')) as { sources: string[] };
const own = map.sources.filter((s) => !s.includes('node_modules'));

describe('the front script', () => {
  it('holds none of the parser, the ontology\'s data, the rules\' API index or the engine', () => {
    const heavy = own.filter((s) =>
      /[\\/]parser[\\/]|[\\/]ontology[\\/](src|dist)[\\/](index|concepts|typos?|wording)|[\\/]ontology[\\/](src|dist)[\\/]catalogue[\\/](entries|law-versions)|[\\/]rule-api[\\/](src|dist)[\\/](index|settings|run)\.|[\\/]linter[\\/](src|dist)[\\/](engine|incremental)\./.test(s),
    );
    expect(heavy).toEqual([]);
  });

  it('still holds the modules a warm run needs (the check above reads the real source list)', () => {
    expect(own.some((s) => /[\\/]linter[\\/]src[\\/]formatters[\\/]stylish\.ts$/.test(s))).toBe(true);
    expect(own.some((s) => /[\\/]linter[\\/]src[\\/]project[\\/]cache\.ts$/.test(s))).toBe(true);
  });
});

describe('the lint part', () => {
  // What a lint never runs is in commands.script.js only (scripts/bundle.mjs, COMMANDS_ONLY): every
  // thread that lints reads, copies and deserialises lint.script.js (one-file run -1.4 % instructions).
  const sources = (name: string) =>
    (JSON.parse(readFileSync(new URL(`../dist/bundle/${name}.map`, import.meta.url), 'utf8')) as { sources: string[] }).sources;
  const commandsOnly = (s: string) => /[\\/]src[\\/]commands[\\/]|[\\/]linter[\\/](src|dist)[\\/](index|scorecard)\.|[\\/]linter[\\/](src|dist)[\\/]config[\\/]compiled-validator\./.test(s);

  it('holds neither the commands other than lint nor the engine\'s index, scorecard or config validator', () => {
    expect(sources('lint.script.js').filter(commandsOnly)).toEqual([]);
  });

  it('while the commands part holds them and the engine (the check above reads the real source lists)', () => {
    const commands = sources('commands.script.js');
    expect(commands.filter(commandsOnly).length).toBeGreaterThan(5);
    expect(commands.some((s) => /[\\/]linter[\\/](src|dist)[\\/]engine\./.test(s))).toBe(true);
    expect(sources('lint.script.js').some((s) => /[\\/]linter[\\/](src|dist)[\\/]formatters[\\/]json\./.test(s))).toBe(true);
  });
});

describe('the bundles\' source maps', () => {
  // scripts/bundle.mjs escapes non-ASCII characters and wraps the code after esbuild wrote the maps;
  // unmoved, every column after an escape drifted (a profile charged rule-api's runRule to a rule).
  it.each(['cli.script.js', 'lint.script.js', 'commands.script.js', 'worker.script.js'])('%s: each function declaration maps to its own source line', (name) => {
    const code = readFileSync(new URL(`../dist/bundle/${name}`, import.meta.url), 'latin1');
    const sourceMap = JSON.parse(readFileSync(new URL(`../dist/bundle/${name}.map`, import.meta.url), 'utf8')) as { sources: string[]; sourcesContent: string[]; mappings: string };
    const lines = decode(sourceMap.mappings);
    const starts = [0];
    for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
    let checked = 0;
    const wrong: string[] = [];
    for (const match of code.matchAll(/function ([A-Za-z_$][\w$]*)\(/g)) {
      const line = starts.findLastIndex((s) => s <= match.index);
      const column = match.index - starts[line]!;
      const segment = lines[line]?.find((s) => s[0] === column);
      // esbuild maps a declaration at its start; renamed duplicates (name2) keep no source name.
      if (!segment || segment.length < 4 || /\d$/.test(match[1]!)) continue;
      const sourceLine = sourceMap.sourcesContent[segment[1]!]?.split('\n')[segment[2]!] ?? '';
      checked++;
      if (!sourceLine.includes(`function ${match[1]}`)) wrong.push(`${match[1]} -> ${sourceMap.sources[segment[1]!]}:${segment[2]! + 1}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
