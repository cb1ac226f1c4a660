import { readFileSync } from 'node:fs';
import { remark } from 'remark';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkFzlint, { MESSAGE_SOURCE, settingsFromOptions, type RemarkFzlintOptions } from '../src/index.js';

const text = readFileSync(new URL('./fixtures/report.md', import.meta.url), 'utf8');

async function run(options?: RemarkFzlintOptions, file: VFile = new VFile({ value: text })) {
  await remark().use(remarkFzlint, options).process(file);
  return file.messages;
}

describe('remark-fzlint in a unified pipeline', () => {
  it('reports vfile messages with place, ruleId, source, fatal by severity and url', async () => {
    const messages = await run();
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([
      ['structure/required-section', true],
      ['style/domain-typo', false],
      ['statistics/concluded-exceeds-received', true],
      ['structure/shortcomings-without-causes', false],
      ['structure/disclosure-deadline', null],
    ]);
    const count = messages[2]!;
    expect(count.source).toBe(MESSAGE_SOURCE);
    expect(count.place).toEqual({
      start: { line: 7, column: 19, offset: text.indexOf('115件') },
      end: { line: 7, column: 23, offset: text.indexOf('115件') + 4 },
    });
    expect(count.reason).toContain('审结数（115件）大于收到数（106件）');
    expect(count.url).toMatch(/docs\/rules\/statistics\/concluded-exceeds-received\.md$/);
  });

  it('passes a fix of the reported text on as actual/expected (quick fixes in unified-language-server)', async () => {
    const typo = (await run()).find((m) => m.ruleId === 'style/domain-typo')!;
    expect(typo.actual).toBe('法冶');
    expect(typo.expected).toEqual(['法治']);
    const place = typo.place as { start: { offset: number }; end: { offset: number } };
    expect(text.slice(place.start.offset, place.end.offset)).toBe('法冶');
  });

  it('lints files without a path as Markdown and without config discovery', async () => {
    const messages = await run({ discoverConfig: true }, new VFile({ value: '# 标题\n\n推进法冶政府建设。\n' }));
    expect(messages.some((m) => m.ruleId === 'style/domain-typo')).toBe(true);
  });

  it('takes the report year and locale from options', async () => {
    const en = await run({ locale: 'en', reportYear: 2023 });
    expect(en.find((m) => m.ruleId === 'style/domain-typo')!.reason).not.toMatch(/错别字/);
    const off = await run({ rules: { 'style/domain-typo': 'off' } });
    expect(off.map((m) => m.ruleId)).not.toContain('style/domain-typo');
  });

  it('validates options like a config file', () => {
    // Config errors are in the `locale` option's language, zh-CN by default (as fzlint's).
    expect(() => settingsFromOptions({ rules: { 'statistics/rate-mismach': 'off' } })).toThrow(/是否应为 statistics\/rate-mismatch[？、]/);
    expect(() => settingsFromOptions({ locale: 'en', rules: { 'statistics/rate-mismach': 'off' } })).toThrow(
      /did you mean statistics\/rate-mismatch[?,]/,
    );
    expect(() => settingsFromOptions({ discoverConfig: 'yes' as unknown as boolean })).toThrow(/discoverConfig 必须是 true 或 false（实际为 "yes"）/);
    expect(() => settingsFromOptions({ locale: 'en', configFile: '' })).toThrow(/configFile must be a file path \(got ""\)/);
    expect(settingsFromOptions(undefined)).toEqual({ config: {}, discoverConfig: true });
    expect(settingsFromOptions({ reportYear: 2023, configFile: 'a.json' })).toEqual({
      config: { reportYear: 2023 },
      discoverConfig: true,
      configFile: 'a.json',
    });
  });

  it('does not change the document', async () => {
    const file = new VFile({ value: text });
    const out = await remark().use(remarkFzlint).process(file);
    const plain = await remark().process(new VFile({ value: text }));
    expect(String(out)).toBe(String(plain));
  });
});
