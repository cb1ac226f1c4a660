/**
 * `fzlint catalogue [query]` and `fzlint inspect --figures FILE` through the built binary:
 * the catalogue with the user's config entries, every version of a law with its dates and
 * sources; the figures ledger as the rule page shows it (the page's table and JSON are
 * what the command prints).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fzlint } from './helpers.js';
import { paragraphOf, reportDocx } from './support/reports.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CORPUS = join(ROOT, 'fixtures', 'corpus');
const PAGE = join(ROOT, 'docs', 'rules', 'statistics', 'inconsistent-figure.md');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-catalogue-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Listed {
  id: string;
  kind: string;
  name: string;
  origin: 'builtin' | 'config';
  period: { from?: string; until?: string };
  versions?: { kind: string; label: string; adopted?: string; effective?: string; source?: string; confidence: string }[];
  successor?: { name: string; rename: boolean };
  source?: string;
  confidence: string;
}
interface Output {
  version: 1;
  query: string;
  reviewed: string;
  count: number;
  entries: Listed[];
}

describe('fzlint catalogue', () => {
  it('shows every version of 行政处罚法 with its dates and sources', () => {
    const run = fzlint(dir, ['catalogue', '行政处罚法']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^《中华人民共和国行政处罚法》 {2}\[法律法规 · \w+\] {2}lv-xingzhengchufafa$/);
    // The enactment and the three changes, oldest first, each adopted/in force with a source.
    const versions = lines.filter((l) => /^ {2}(?:制定|\d{4}年修[正订]):/.test(l));
    expect(versions.map((l) => l.trim().split(':')[0])).toEqual(['制定', '2009年修正', '2017年修正', '2021年修订']);
    for (const v of versions) expect(v).toMatch(/通过 \d{4}-\d{2}-\d{2}, 施行 \d{4}-\d{2}-\d{2} \(\w+ \/ \w+\) {2}来源: \S/);
    expect(run.stdout).toContain('2021年修订: 通过 2021-01-22, 施行 2021-07-15');
    expect(run.stdout).toMatch(/共 1 条；目录最后核对：\d{4}-\d{2}-\d{2}\n$/);
  });

  it('gives the same as JSON, with the review date', () => {
    const run = fzlint(dir, ['catalogue', '《行政处罚法》', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(out.version).toBe(1);
    expect(out.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.count).toBe(out.entries.length);
    const entry = out.entries.find((e) => e.id === 'lv-xingzhengchufafa')!;
    expect(entry.origin).toBe('builtin');
    expect(entry.kind).toBe('law');
    expect(entry.versions!.map((v) => [v.label, v.adopted, v.effective])).toEqual([
      ['', '1996-03-17', '1996-10-01'],
      ['2009年修正', '2009-08-27', '2009-08-27'],
      ['2017年修正', '2017-09-01', '2018-01-01'],
      ['2021年修订', '2021-01-22', '2021-07-15'],
    ]);
    for (const v of entry.versions!) expect(v.source).toBeTruthy();
  });

  it('lists every entry without a query, with kind, period, successor, source and confidence', () => {
    const run = fzlint(dir, ['catalogue', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(out.count).toBeGreaterThan(150);
    const kinds = new Set(out.entries.map((e) => e.kind));
    for (const k of ['policy', 'law', 'plan-period', 'congress', 'organization', 'term', 'campaign']) expect(kinds).toContain(k);
    // A replaced plan: its period and successor.
    const outline = out.entries.find((e) => e.name.includes('法治政府建设实施纲要（2015'))!;
    expect(outline.period).toEqual({ from: '2015-12-27', until: '2020-12-31' });
    expect(outline.successor?.name).toContain('2021—2025');
    expect(outline.source).toBeTruthy();
    expect(['confirmed', 'secondary', 'unconfirmed']).toContain(outline.confidence);
    const text = fzlint(dir, ['catalogue']);
    expect(text.stdout).toContain(`共 ${out.count} 条`);
    expect(text.stdout).toContain('后继: 《法治政府建设实施纲要（2021—2025年）》');
  });

  it('includes and marks the entries of the user’s config, found from the working directory or --config', () => {
    const own = mkdtempSync(join(dir, 'own-'));
    const entry = {
      id: 'user-yingshang-tiaoli',
      kind: 'policy',
      name: '《某市优化营商环境条例》',
      aliases: ['某市优化营商环境条例'],
      validFrom: '2020-03-01',
      source: '某市人大常委会公告第12号',
      confidence: 'confirmed',
    };
    writeFileSync(join(own, 'fzlint.config.json'), JSON.stringify({ catalogue: [entry] }));
    const run = fzlint(own, ['catalogue', '营商环境条例', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const found = (JSON.parse(run.stdout) as Output).entries.find((e) => e.id === entry.id);
    expect(found).toMatchObject({ origin: 'config', name: entry.name, source: entry.source, period: { from: '2020-03-01' } });
    const text = fzlint(own, ['catalogue', '某市优化营商环境条例']);
    expect(text.stdout).toContain('《某市优化营商环境条例》  [政策文件 · confirmed]  user-yingshang-tiaoli  （来自配置）');
    expect(text.stdout).toContain('（其中 1 条来自配置）');
    // Elsewhere, with --config naming that file.
    const viaFlag = fzlint(dir, ['catalogue', '某市优化营商环境条例', '--config', join(own, 'fzlint.config.json'), '--locale', 'en']);
    expect(viaFlag.stdout).toContain('user-yingshang-tiaoli  (from the config)');
    expect(viaFlag.stdout).toMatch(/1 entry \(1 from the config\); Catalogue last reviewed: /);
  });

  it('says so on stderr when nothing matches (exit 0), and refuses what makes no sense (exit 2)', () => {
    const none = fzlint(dir, ['catalogue', '没有这个文件名']);
    expect(none.code).toBe(0);
    expect(none.errLines).toEqual(['fzlint: 时效目录中没有与“没有这个文件名”相符的条目 — 换一个名称、简称或条目 id 再试']);
    const json = fzlint(dir, ['catalogue', '没有这个文件名', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ count: 0, entries: [] });
    for (const args of [
      ['catalogue', '--format', 'sarif'],
      ['catalogue', '--fix'],
      ['catalogue', '--previous', 'a.md'],
    ]) {
      const run = fzlint(dir, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.errLines).toHaveLength(1);
      expect(run.errLines[0]).toMatch(/^fzlint: .+ — .+/);
    }
    const broken = mkdtempSync(join(dir, 'broken-'));
    writeFileSync(join(broken, 'fzlint.config.json'), '{"catalogue": [{"id": 1}]}');
    const bad = fzlint(broken, ['catalogue']);
    expect(bad.code).toBe(2);
    expect(bad.errLines).toHaveLength(1);
    expect(bad.errLines[0]).toContain('fzlint.config.json');
  });
});

describe('--help', () => {
  it('names both commands, in Chinese and English', () => {
    const zh = fzlint(dir, ['--help']).stdout;
    expect(zh).toContain('fzlint inspect [--figures] <文件> [--format text|json]');
    expect(zh).toContain('fzlint catalogue [<名称|简称|id>] [--format text|json]');
    expect(zh).toMatch(/--figures +inspect 时列出数据台账/);
    const en = fzlint(dir, ['--help', '--locale', 'en']).stdout;
    expect(en).toContain('fzlint inspect [--figures] <file> [--format text|json]');
    expect(en).toContain('fzlint catalogue [<name|short name|id>] [--format text|json]');
  });
});

describe('fzlint inspect --figures', () => {
  const FILE = 'markdown/004_5c1a682909791d61.md';
  const page = readFileSync(PAGE, 'utf8');
  const block = (kind: 'table' | 'json'): { figure?: string; body: string } => {
    const m = new RegExp(`<!-- figures-${kind}: ${FILE.replace(/[./]/g, '\\$&')}(?: (\\S+))? -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(page);
    if (!m) throw new Error(`no figures-${kind} block for ${FILE} on ${PAGE}`);
    return { ...(m[1] ? { figure: m[1] } : {}), body: m[2]! };
  };

  it('prints the ledger exactly as the inconsistent-figure page shows it', () => {
    const copy = join(dir, '004.md');
    copyFileSync(join(CORPUS, FILE), copy);
    const run = fzlint(dir, ['inspect', '--figures', '004.md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(block('table').body);
  });

  it('prints the data form with --format json, the page’s JSON figure among it', () => {
    const run = fzlint(dir, ['inspect', '--figures', '004.md', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout) as { version: 1; reportYear: number | null; figures: { text: string; sameKey: number[]; index: number }[] };
    expect(data.version).toBe(1);
    expect(data.reportYear).toBe(2023);
    const { figure, body } = block('json');
    const item = data.figures.find((f) => f.text === figure);
    expect(`${JSON.stringify(item, null, 2)}\n`).toBe(body);
    // Every figure's same-key list points back at it.
    for (const f of data.figures) for (const other of f.sameKey) expect(data.figures[other]!.sameKey).toContain(f.index);
  });

  it('resolves periods with --report-year and names in English with --locale en', () => {
    writeFileSync(
      join(dir, 'mini.md'),
      '# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n全年共受理行政复议案件120件，审结110件。\n\n上年受理行政复议案件98件。\n\n今年受理行政复议案件128件。\n',
    );
    const run = fzlint(dir, ['inspect', '--figures', 'mini.md', '--locale', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^line\s+figure\s+object\s+measure\s+scope\s+period\s+same key$/);
    expect(rows[1]).toMatch(/^5\s+120件\s+administrative review cases\s+received（受理）\s+—\s+全年\s+9$/);
    expect(rows.find((r) => r.includes('98件'))).toMatch(/last year|上年/);
    const json = JSON.parse(fzlint(dir, ['inspect', '--figures', 'mini.md', '--format', 'json', '--report-year', '2024']).stdout) as {
      reportYear: number;
      figures: { text: string; period: { id: string } }[];
    };
    expect(json.reportYear).toBe(2024);
    // 全年 is the report year; 上年 the year before, whichever year that is.
    expect(json.figures.find((f) => f.text === '98件')!.period.id).toBe('previous');
  });

  it('gives paragraph numbers for Word input', () => {
    writeFileSync(join(dir, '甲县.docx'), reportDocx());
    const run = fzlint(dir, ['inspect', '--figures', '甲县.docx', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const figures = (JSON.parse(run.stdout) as { figures: { text: string; line: number; endLine: number }[] }).figures;
    const received = figures.find((f) => f.text === '106件')!;
    expect(received.line).toBe(paragraphOf('收到行政复议申请106件'));
    expect(received.endLine).toBe(received.line);
    const table = fzlint(dir, ['inspect', '--figures', '甲县.docx']).stdout;
    expect(table).toMatch(new RegExp(`\\n${paragraphOf('1,260人次')}\\s+1,260人次`));
  });

  it('refuses --figures without inspect', () => {
    const run = fzlint(dir, ['--figures', 'mini.md']);
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual(['fzlint: --figures 只用于 inspect — 写成 fzlint inspect --figures 报告.md']);
  });
});
