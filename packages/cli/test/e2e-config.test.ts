import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint, parseJson, read, resultFor, ruleIds } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);
const CAUSES = 'structure/shortcomings-without-causes';

describe('configs at two levels, and root: true', () => {
  it('applies the nearest config over the root one, and root: true stops the search', () => {
    const run = fzlint(repo.dir, [FILES.jia, FILES.bing, FILES.ding, '--format', 'json']);
    const results = parseJson(run.stdout);
    // Root config: the rule is lowered to info.
    expect(resultFor(results, FILES.jia).messages.find((m) => m.ruleId === CAUSES)?.fzlintSeverity).toBe('info');
    // reports/county/fzlint.config.json turns it off for the same defect.
    expect(ruleIds(resultFor(results, FILES.bing))).not.toContain(CAUSES);
    // standalone/ has its own root config: the rule's default severity applies.
    expect(resultFor(results, FILES.ding).messages.find((m) => m.ruleId === CAUSES)?.fzlintSeverity).toBe('warn');
  });

  it('--config replaces discovery', () => {
    writeFileSync(at('strict.json'), JSON.stringify({ rules: { [CAUSES]: 'error' } }));
    const run = fzlint(repo.dir, [FILES.bing, '--config', 'strict.json', '--format', 'json']);
    const bing = resultFor(parseJson(run.stdout), FILES.bing);
    expect(ruleIds(bing)).toContain(CAUSES);
  });

  it('--rule overrides the config files', () => {
    const run = fzlint(repo.dir, [FILES.jia, '--rule', 'structure/year-consistency: off', '--rule', `${CAUSES}: ["off"]`, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const jia = resultFor(parseJson(run.stdout), FILES.jia);
    expect(ruleIds(jia)).not.toContain('structure/year-consistency');
    expect(ruleIds(jia)).not.toContain(CAUSES);
  });

  it('an unknown rule in --rule is a usage error', () => {
    const run = fzlint(repo.dir, [FILES.jia, '--rule', 'structure/year-consistancy: off']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('structure/year-consistancy');
  });

  it('config and --rule errors are in the --locale language, zh-CN by default', () => {
    const rule = ['--rule', 'structure/year-consistancy: off'];
    expect(fzlint(repo.dir, [FILES.jia, ...rule]).errLines[0]).toContain('是否应为 structure/year-consistency？');
    expect(fzlint(repo.dir, [FILES.jia, ...rule, '--locale', 'en']).errLines[0]).toContain('did you mean structure/year-consistency?');
    mkdirSync(at('bad-config'), { recursive: true });
    writeFileSync(at('bad-config/fzlint.config.json'), JSON.stringify({ rule: {} }));
    writeFileSync(at('bad-config/report.md'), read(at(FILES.jia)));
    const zh = fzlint(repo.dir, ['bad-config/report.md']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('是否应为 rules？');
    const en = fzlint(repo.dir, ['bad-config/report.md', '--locale', 'en']);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stderr).toContain('did you mean rules?');
  });

  it('--report-year overrides the year read from the text', () => {
    // Told the report is for 2021, its 2023 plan heading is one year off.
    const run = fzlint(repo.dir, [FILES.yi, '--report-year', '2021', '--format', 'json']);
    const yi = resultFor(parseJson(run.stdout), FILES.yi);
    expect(ruleIds(yi)).toContain('structure/year-consistency');
  });
});

describe('ignoring files', () => {
  it('skips .fzlintignore and ignorePatterns matches when walking', () => {
    const run = fzlint(repo.dir, ['.', '--format', 'json']);
    const paths = parseJson(run.stdout).map((r) => r.filePath);
    expect(paths.some((p) => p.includes('drafts'))).toBe(false);
    expect(paths.some((p) => p.includes('archive'))).toBe(false);
  });

  it('warns about an explicitly named ignored file and exits 0 (as ESLint)', () => {
    const run = fzlint(repo.dir, [FILES.draft, FILES.archived]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.errLines).toHaveLength(2);
    expect(run.errLines[0]).toContain('.fzlintignore');
    expect(run.errLines[1]).toContain('ignorePatterns');
  });

  it('--no-ignore lints them', () => {
    const run = fzlint(repo.dir, [FILES.draft, FILES.archived, '--no-ignore', '--format', 'json']);
    expect(parseJson(run.stdout)).toHaveLength(2);
    expect(run.code, run.stderr).toBe(1);
  });

  it('never walks into node_modules or .git', () => {
    // node_modules/ and .git/ cannot be committed as fixtures, so they are made here.
    for (const dir of ['node_modules/pkg', '.git/x']) {
      const full = at(dir);
      mkdirSync(full, { recursive: true });
      writeFileSync(join(full, 'readme.md'), read(at(FILES.jia)));
    }
    const paths = parseJson(fzlint(repo.dir, ['.', '--format', 'json']).stdout).map((r) => r.filePath);
    expect(paths.some((p) => p.includes('node_modules') || p.includes('.git'))).toBe(false);
  });
});

describe('inline directives', () => {
  it('a disable-next-line directive hides the finding it names, and only that one', () => {
    const run = fzlint(repo.dir, [FILES.directives, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(resultFor(parseJson(run.stdout), FILES.directives).messages).toEqual([]);
  });

  it('without the directive the finding is there', () => {
    const text = read(at(FILES.directives)).replace(/<!-- fzlint-disable-next-line[^\n]*-->\n/, '');
    writeFileSync(at('reports/no-directive.md'), text);
    const run = fzlint(repo.dir, ['reports/no-directive.md', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    expect(ruleIds(resultFor(parseJson(run.stdout), 'reports/no-directive.md'))).toEqual(['structure/year-consistency']);
  });

  it('an unused directive is itself reported', () => {
    const text = read(at(FILES.yi)).replace('四、2023年推进', 'fzlint-disable-next-line structure/year-consistency\n四、2023年推进');
    writeFileSync(at('reports/unused.txt'), text);
    const run = fzlint(repo.dir, ['reports/unused.txt', '--format', 'json']);
    const ids = ruleIds(resultFor(parseJson(run.stdout), 'reports/unused.txt'));
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^fzlint\//);
  });
});

