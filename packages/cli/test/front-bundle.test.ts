/**
 * The CLI's front script (dist/bundle/cli.script.js, built by the global setup) holds only what a
 * warm `--cache` run needs; the engine, the parser, the rules' API and the ontology are in the
 * lint part, loaded on first use (see scripts/bundle.mjs). A static import of a package index
 * from a front module (the stylish formatter's `displayWidth` from `@fzlint/rule-api` did this)
 * doubles the front and costs every start its compile or code-cache read.
 */
import { readFileSync } from 'node:fs';
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
