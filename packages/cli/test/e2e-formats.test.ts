import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint, parseJson, resultFor, ruleIds, type JsonResult } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo.cleanup());

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}

/**
 * The SARIF 2.1.0 schema (rtm.5, the published 2.1.0 text, MIT, from @microsoft/jest-sarif), written for
 * draft-04: its `id` becomes `$id` for Ajv's draft-07, and one pattern is not valid with the `u` flag.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  schema['$id'] = schema['id'];
  delete schema['id'];
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
  return ajv.compile(schema);
}

describe('a whole repository in every format', () => {
  let json: JsonResult[];
  let jsonCode: number | null;

  beforeAll(() => {
    const run = fzlint(repo.dir, ['.', '--format', 'json']);
    jsonCode = run.code;
    json = parseJson(run.stdout);
  });

  it('json: ESLint shape, one result per linted file, ignored files left out', () => {
    expect(jsonCode).toBe(1);
    const names = json.map((r) => r.filePath.replace(/\\/g, '/').slice(repo.dir.length + 1)).sort();
    expect(names).toEqual([FILES.yi, FILES.jia, FILES.bing, FILES.directives, FILES.ding].sort());
    const jia = resultFor(json, FILES.jia);
    const plan = jia.messages.find((m) => m.ruleId === 'structure/year-consistency');
    expect(plan).toMatchObject({ severity: 2, line: 23, column: 6, endLine: 23 });
    expect(plan?.message).toContain('2024');
    expect(jia.errorCount).toBe(1);
    // The clean report has no findings.
    expect(resultFor(json, FILES.yi).messages).toEqual([]);
  });

  it('stylish: findings grouped per file with relative paths, and a summary', () => {
    const run = fzlint(repo.dir, ['.']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(FILES.jia);
    expect(run.stdout).toContain(FILES.bing);
    expect(run.stdout).not.toContain(FILES.draft);
    expect(run.stdout).not.toContain(FILES.archived);
    expect(run.stdout).toMatch(/23:6\s+error\s+.*structure\/year-consistency/);
    const total = json.reduce((n, r) => n + r.messages.length, 0);
    expect(run.stdout).toContain(`✖ ${total} problems`);
    // The empty file is skipped with one line naming it.
    expect(run.errLines).toEqual([expect.stringContaining(FILES.empty)]);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with the same findings as json', () => {
    const run = fzlint(repo.dir, ['.', '--format', 'sarif']);
    expect(run.code, run.stderr).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    const validate = sarifValidator();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a log without runs is rejected.
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.name).toBe('fzlint');
    const total = json.reduce((n, r) => n + r.messages.length, 0);
    expect(run0.results).toHaveLength(total);
    const ruleIdsInDriver = new Set(run0.tool.driver.rules.map((r) => r.id));
    for (const r of run0.results) expect(ruleIdsInDriver.has(r.ruleId)).toBe(true);
    const plan = run0.results.find((r) => r.ruleId === 'structure/year-consistency');
    expect(plan?.level).toBe('error');
    expect(plan?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(FILES.jia.split('/').map(encodeURIComponent).join('/'));
    expect(plan?.locations[0]?.physicalLocation.region.startLine).toBe(23);
  });

  it('github: one workflow command per finding, with repository-relative paths', () => {
    const run = fzlint(repo.dir, ['.', '--format', 'github']);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    const total = json.reduce((n, r) => n + r.messages.length, 0);
    expect(lines).toHaveLength(total);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${FILES.jia},line=23,col=6,.*structure/year-consistency`)));
  });

  it('prints stylish and writes SARIF in one run (--format name:path)', () => {
    const run = fzlint(repo.dir, ['reports', '--format', 'stylish', '--format', 'sarif:out/fzlint.sarif']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('structure/year-consistency');
    const written = JSON.parse(readFileSync(join(repo.dir, 'out', 'fzlint.sarif'), 'utf8')) as SarifLog;
    expect(written.runs[0]?.results.some((r) => r.ruleId === 'structure/year-consistency')).toBe(true);
  });

  it('--output-file writes the report instead of printing it', () => {
    const run = fzlint(repo.dir, ['reports', '--format', 'json', '--output-file', 'report.json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(join(repo.dir, 'report.json'))).toBe(true);
    const results = parseJson(readFileSync(join(repo.dir, 'report.json'), 'utf8'));
    expect(ruleIds(resultFor(results, FILES.jia))).toContain('structure/year-consistency');
  });

  it('colours only when asked: FORCE_COLOR on, --no-color wins', () => {
    const forced = fzlint(repo.dir, [FILES.jia], undefined, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[');
    const off = fzlint(repo.dir, [FILES.jia, '--no-color'], undefined, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(off.stdout).not.toContain('\u001b[');
    expect(off.stdout).toContain('structure/year-consistency');
  });

  it('--locale en gives English messages', () => {
    const run = fzlint(repo.dir, [FILES.jia, '--format', 'json', '--locale', 'en']);
    const plan = resultFor(parseJson(run.stdout), FILES.jia).messages.find((m) => m.ruleId === 'structure/year-consistency');
    expect(plan?.message).toMatch(/[A-Za-z]{4,}/);
    expect(plan?.message).toContain('2024');
  });
});
