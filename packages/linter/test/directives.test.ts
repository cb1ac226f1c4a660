import { describe, expect, it } from 'vitest';
import { findDirectives, lint } from '../src/index.js';
import { readReport } from '@fzlint/input';
import { parse } from '@fzlint/parser';
import { loudRule, typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule];
const md = (text: string, extra: Parameters<typeof lint>[1] = {}) => lint(text, { rules, filePath: 'report.md', ...extra });
const txt = (text: string, extra: Parameters<typeof lint>[1] = {}) => lint(text, { rules, filePath: 'report.txt', ...extra });
const ids = (r: ReturnType<typeof lint>) => r.diagnostics.map((d) => `${d.start.line}:${d.ruleId}`);

describe('findDirectives', () => {
  it('reads kinds, rule lists (commas or spaces) and reasons', () => {
    const text = '<!-- fzlint-disable-next-line style/test-typo, structure/test-word -- 原文如此 -->\n';
    const [d] = findDirectives(parse(text, { format: 'markdown' }));
    expect(d).toMatchObject({ kind: 'disable-next-line', reason: '原文如此' });
    expect(d!.rules.map((r) => r.id)).toEqual(['style/test-typo', 'structure/test-word']);
    expect(d!.rules.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['style/test-typo', 'structure/test-word']);
    expect(d!.range).toEqual({ start: 0, end: text.length - 1 });
  });

  it('does not mistake another word starting with fzlint- for a directive', () => {
    expect(findDirectives(parse('<!-- fzlint-disabled -->\n<!-- fzlint-foo -->\n', { format: 'markdown' }))).toEqual([]);
  });

  it('ignores examples in fenced code and inline code in Markdown', () => {
    const text = '```md\n<!-- fzlint-disable -->\n```\n\n正文 `<!-- fzlint-disable -->` 示例\n\n~~~\nx <!-- fzlint-enable -->\n~~~\n';
    expect(findDirectives(parse(text, { format: 'markdown' }))).toEqual([]);
  });

  it('reads a comment spanning lines', () => {
    const text = '<!--\n  fzlint-disable style/test-typo\n  -- 历史原因\n-->\n';
    const [d] = findDirectives(parse(text, { format: 'markdown' }));
    expect(d).toMatchObject({ kind: 'disable', reason: '历史原因' });
    expect(d!.range).toEqual({ start: 0, end: text.length - 1 });
  });

  it('plain text: bare words on a line of their own, not inside a sentence', () => {
    const text = '  fzlint-disable-next-line style/test-typo -- 引文\n正文提到 fzlint-disable 不算\n';
    const found = findDirectives(parse(text, { format: 'plaintext' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'disable-next-line', reason: '引文' });
    // Markdown needs the comment markers.
    expect(findDirectives(parse(text, { format: 'markdown' }))).toEqual([]);
  });

  it('reads only the comments the parser found, and none inside code ranges', () => {
    const text = '<!-- fzlint-disable -->\n<!-- fzlint-enable -->\n';
    const comments = [
      { value: 'fzlint-disable', range: { start: 0, end: 23 } },
      { value: 'fzlint-enable', range: { start: 24, end: 46 } },
    ];
    expect(findDirectives({ text, comments: [], codeRanges: [] })).toEqual([]);
    expect(findDirectives({ text, comments, codeRanges: [] }).map((d) => d.kind)).toEqual(['disable', 'enable']);
    expect(findDirectives({ text, comments, codeRanges: [{ start: 24, end: 46 }] }).map((d) => d.kind)).toEqual(['disable']);
  });
});

describe('directives in Markdown', () => {
  it('disable-next-line suppresses only the next line and only the named rule', () => {
    const r = md('<!-- fzlint-disable-next-line style/test-typo -->\n法冶 TODO\n法冶\n');
    expect(ids(r)).toEqual(['2:structure/test-word', '3:style/test-typo']);
    expect(r.suppressedCount).toBe(1);
  });

  it('disable-next-line without ids suppresses every rule on that line', () => {
    expect(ids(md('<!-- fzlint-disable-next-line -->\n法冶 TODO\n'))).toEqual([]);
  });

  it('disable-line suppresses findings on its own line', () => {
    expect(ids(md('法冶 <!-- fzlint-disable-line style/test-typo -->\n法冶\n'))).toEqual(['2:style/test-typo']);
  });

  it('disable … enable suppresses a range', () => {
    const text = '法冶\n<!-- fzlint-disable style/test-typo -->\n法冶\n法冶\n<!-- fzlint-enable style/test-typo -->\n法冶\n';
    expect(ids(md(text))).toEqual(['1:style/test-typo', '6:style/test-typo']);
  });

  it('enable without ids ends every disable', () => {
    const text = '<!-- fzlint-disable style/test-typo -->\n法冶\n<!-- fzlint-enable -->\n法冶\n';
    expect(ids(md(text))).toEqual(['4:style/test-typo']);
  });

  it('disable (all) then enable of one rule re-enables just that one', () => {
    const text = '正文\n<!-- fzlint-disable -->\n法冶 TODO\n<!-- fzlint-enable style/test-typo -->\n法冶 TODO\n';
    expect(ids(md(text))).toEqual(['5:style/test-typo']);
  });

  it('a disable at the top covers the whole file, the title line included', () => {
    const r = lint('<!-- fzlint-disable statistics/test-loud -- 模板文件 -->\n\n# 标题\n', { rules: [loudRule], filePath: 'a.md' });
    expect(ids(r)).toEqual([]);
    // Further down, it covers only what follows it.
    const r2 = lint('# 标题\n\n<!-- fzlint-disable statistics/test-loud -->\n', { rules: [loudRule], filePath: 'a.md' });
    expect(ids(r2)).toEqual(['1:statistics/test-loud', '3:fzlint/unused-directive']);
  });

  it('front matter before a top disable still counts as the top', () => {
    const r = lint('---\ntitle: 报告\n---\n<!-- fzlint-disable statistics/test-loud -->\n正文\n', { rules: [loudRule], filePath: 'a.md' });
    expect(ids(r)).toEqual([]);
  });

  it('a whole-file disable without ids silences every rule', () => {
    expect(ids(md('<!-- fzlint-disable -->\n法冶 TODO\n\n法冶\n'))).toEqual([]);
  });

  it('reports a directive that suppressed nothing, per rule id', () => {
    const r = md('<!-- fzlint-disable-next-line style/test-typo, structure/test-word -->\n法冶\n');
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['fzlint/unused-directive', 'warn', 'fzlint-disable-next-line 指令没有抑制任何 structure/test-word 问题，可以删除'],
    ]);
    const d = r.diagnostics[0]!;
    expect(r.source.slice(d.range.start, d.range.end)).toBe('structure/test-word');
  });

  it('reports an enable with nothing to enable, and can be told not to report unused directives', () => {
    expect(ids(md('<!-- fzlint-enable -->\n正文\n'))).toEqual(['1:fzlint/unused-directive']);
    expect(ids(md('<!-- fzlint-disable -->\n正文\n', { reportUnusedDirectives: false }))).toEqual([]);
  });

  it('reports an unknown rule id as an error with the nearest ids, in English too', () => {
    const r = md('<!-- fzlint-disable-next-line style/test-typp -->\n法冶\n');
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['fzlint/unknown-rule', 'error'],
      ['style/test-typo', 'error'],
    ]);
    expect(r.diagnostics[0]!.message).toBe('指令中的规则“style/test-typp”不存在（是否应为 style/test-typo？）');
    const en = md('<!-- fzlint-disable-next-line style/test-typp -->\n法冶\n', { locale: 'en' });
    expect(en.diagnostics[0]!.message).toBe('Unknown rule "style/test-typp" in directive (did you mean style/test-typo?)');
  });

  it('knows built-in rules and rules configured off (a directive for them is unused, not unknown)', () => {
    const r = md('<!-- fzlint-disable-next-line style/test-typo -->\n法冶\n', {
      config: { rules: { 'style/test-typo': 'off' } },
    });
    expect(ids(r)).toEqual(['1:fzlint/unused-directive']);
  });

  it('never suppresses the linter own problems', () => {
    const r = md('<!-- fzlint-disable -->\n<!-- fzlint-disable-next-line nope/nope -->\n法冶\n');
    expect(ids(r)).toContain('2:fzlint/unknown-rule');
  });
});

describe('directives in plain text', () => {
  it('disable-next-line on a line of its own', () => {
    const r = txt('一、主要举措\nfzlint-disable-next-line style/test-typo -- 引用原文\n推进法冶政府建设\n法冶\n');
    expect(ids(r)).toEqual(['4:style/test-typo']);
  });

  it('disable … enable and whole-file disable', () => {
    expect(ids(txt('fzlint-disable style/test-typo\n法冶\nfzlint-enable style/test-typo\n法冶\n'))).toEqual(['4:style/test-typo']);
    expect(ids(txt('fzlint-disable\n法冶 TODO\n法冶\n'))).toEqual([]);
  });

  it('comment markers work in plain text too', () => {
    expect(ids(txt('<!-- fzlint-disable-next-line -->\n法冶\n'))).toEqual([]);
  });

  it('reports unused and unknown', () => {
    expect(ids(txt('fzlint-disable-next-line style/test-typo\n正文\nfzlint-disable nope/rule\n'))).toEqual([
      '1:fzlint/unused-directive',
      '3:fzlint/unknown-rule',
    ]);
  });
});

/**
 * Every placement where a directive is honoured, and the look-alikes that are not directives.
 * `typo` reports every 法冶 (in code and comments too), so an honoured directive shows as a
 * missing `style/test-typo` line, an unhonoured one as a present one.
 */
describe('directive placements', () => {
  const T = 'style/test-typo';
  const honoured: [name: string, lint: typeof md, text: string, expected: string[]][] = [
    ['Markdown: inside a paragraph, mid-line', md, `正文\n法冶 <!-- fzlint-disable-line ${T} --> 法冶\n法冶\n`, [`3:${T}`]],
    ['Markdown: at the end of a list item', md, `- 法冶 <!-- fzlint-disable-line ${T} -->\n- 法冶\n`, [`2:${T}`]],
    ['Markdown: own line inside a list item', md, `- <!-- fzlint-disable-next-line ${T} -->\n  法冶\n- 法冶\n`, [`3:${T}`]],
    ['Markdown: at the end of a quote line', md, `> 法冶 <!-- fzlint-disable-line ${T} -->\n> 法冶\n`, [`2:${T}`]],
    ['Markdown: disable … enable inside a quote', md, `法冶\n\n> <!-- fzlint-disable ${T} -->\n> 法冶\n> <!-- fzlint-enable ${T} -->\n\n法冶\n`, [`1:${T}`, `7:${T}`]],
    ['Markdown: in a table cell', md, `| 项目 | 说明 |\n|---|---|\n| 法冶 <!-- fzlint-disable-line ${T} --> | 法冶 |\n| 法冶 | 无 |\n`, [`4:${T}`]],
    ['Markdown: at the end of an ATX heading', md, `# 法冶 <!-- fzlint-disable-line ${T} -->\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: at the end of a setext heading', md, `法冶 <!-- fzlint-disable-line ${T} -->\n===\n\n法冶\n`, [`4:${T}`]],
    ['Markdown: inside an HTML block', md, `<div>\n<!-- fzlint-disable-next-line ${T} -->\n法冶\n</div>\n\n法冶\n`, [`6:${T}`]],
    ['Markdown: after a tag on an HTML block line', md, `<div>法冶</div> <!-- fzlint-disable-line ${T} -->\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: after another comment on the line', md, `法冶 <!-- 注 --> <!-- fzlint-disable-line ${T} -->\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: after an unclosed <!-- on the line', md, `法冶 <!-- 未闭合 <!-- fzlint-disable-line ${T} -->\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: in a paragraph too long to tokenize', md, `法冶${'。'.repeat(5000)} <!-- fzlint-disable-line ${T} -->\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: in link text', md, `[法冶 <!-- fzlint-disable-line ${T} -->](https://example.org)\n\n法冶\n`, [`3:${T}`]],
    ['Markdown: CRLF line ends', md, `法冶 <!-- fzlint-disable-line ${T} -->\r\n法冶\r\n`, [`2:${T}`]],
    ['Markdown: a reason with -- inside the comment', md, `法冶 <!-- fzlint-disable-line ${T} -- 原文 -->\n法冶\n`, [`2:${T}`]],
    ['plain text: own line, indented with ideographic spaces', txt, `正文\n\u3000\u3000fzlint-disable-next-line ${T}\n法冶\n法冶\n`, [`4:${T}`]],
    ['plain text: comment at the end of a line', txt, `推进法冶政府建设。 <!-- fzlint-disable-line ${T} -->\n法冶\n`, [`2:${T}`]],
    ['plain text: comment right after a full stop', txt, `推进法冶政府建设。<!-- fzlint-disable-line ${T} -->\n法冶\n`, [`2:${T}`]],
    ['plain text: comment mid-line', txt, `推进法冶<!-- fzlint-disable-line ${T} -->政府建设。\n法冶\n`, [`2:${T}`]],
    ['plain text: two comments on a line', txt, `法冶 TODO <!-- fzlint-disable-line ${T} --> <!-- fzlint-disable-line structure/test-word -->\n法冶\n`, [`2:${T}`]],
    ['plain text: CRLF line ends', txt, `推进法冶政府建设。 <!-- fzlint-disable-line ${T} -->\r\n法冶\r\n`, [`2:${T}`]],
    ['plain text: comment in a line joined to the next (split-line copy)', txt, `推进法冶\n政府法冶<!-- fzlint-disable-line ${T} -->\n建设\n\n法冶\n`, [`1:${T}`, `5:${T}`]],
    ['plain text: comment between paragraphs on one line', txt, `一、总体情况。 <!-- fzlint-disable-line ${T} --> 二、法冶举措\n法冶\n`, [`2:${T}`]],
    ['plain text: comment in a table row', txt, `| 法冶 <!-- fzlint-disable-line ${T} --> | 说明 |\n法冶\n`, [`2:${T}`]],
    ['plain text: directive alone between comment lines', txt, `<!--\nfzlint-disable ${T}\n-->\n法冶\n`, []],
    ['plain text: comment then text on a line', txt, `<!-- fzlint-disable-next-line ${T} --> 说明\n法冶\n法冶\n`, [`3:${T}`]],
    ['plain text: after an unclosed <!-- on the line', txt, `法冶 <!-- 未闭合 <!-- fzlint-disable-line ${T} -->\n法冶\n`, [`2:${T}`]],
  ];
  for (const [name, run, text, expected] of honoured) {
    it(`honoured — ${name}`, () => expect(ids(run(text))).toEqual(expected));
  }

  const examples: [name: string, lint: typeof md, text: string, expected: string[]][] = [
    ['Markdown: in fenced code', md, `\`\`\`md\n<!-- fzlint-disable-next-line ${T} -->\n法冶\n\`\`\`\n`, [`3:${T}`]],
    ['Markdown: in inline code', md, `法冶 \`<!-- fzlint-disable-line ${T} -->\` 示例\n`, [`1:${T}`]],
    ['Markdown: bare words', md, `fzlint-disable-next-line ${T}\n法冶\n`, [`2:${T}`]],
    ['plain text: bare words inside a sentence', txt, `正文提到 fzlint-disable-line ${T} 的写法，法冶\n`, [`1:${T}`]],
    ['plain text: quoted in backticks', txt, `正文 \`<!-- fzlint-disable-line ${T} -->\` 法冶\n`, [`1:${T}`]],
    ['plain text: another word starting with fzlint-', txt, `fzlint-disabled ${T}\n法冶\n`, [`2:${T}`]],
    // Not HTML comments to a Markdown reader: examples in code, text in an image's alt, a link or a
    // tag's attribute, front matter, an escaped `\<!--` (a text scan used to take these for directives).
    ['Markdown: in indented code', md, `正文\n\n    <!-- fzlint-disable-next-line ${T} -->\n    法冶\n`, [`4:${T}`]],
    ['Markdown: in inline code with spaces', md, `法冶 \`\` <!-- fzlint-disable-line ${T} --> \`\` 示例\n`, [`1:${T}`]],
    ['Markdown: in an image description', md, `![法冶 <!-- fzlint-disable-line ${T} -->](a.png)\n`, [`1:${T}`]],
    ['Markdown: in a tag attribute', md, `法冶 <span title="<!-- fzlint-disable-line ${T} -->">注</span>\n`, [`1:${T}`]],
    ['Markdown: in front matter', md, `---\ntitle: <!-- fzlint-disable ${T} -->\n---\n法冶\n`, [`4:${T}`]],
    ['Markdown: escaped', md, `法冶 \\<!-- fzlint-disable-line ${T} -->\n`, [`1:${T}`]],
    ['Markdown: opened in a paragraph, closed after a blank line', md, `法冶 <!-- fzlint-disable-line ${T}\n\n-->\n`, [`1:${T}`]],
    // Plain text has no block structure to bound a comment: one closes on its line (or is a directive line).
    ['plain text: opened mid-line, closed on a later line', txt, `法冶 <!-- fzlint-disable-line\n${T} -->\n`, [`1:${T}`]],
  ];
  for (const [name, run, text, expected] of examples) {
    it(`not a directive — ${name}`, () => expect(ids(run(text))).toEqual(expected));
  }

  it('converted input (a web page): a directive typed in the page text is read', async () => {
    const page = `<html><body><h1>2023年法治政府建设情况报告</h1><div><p>推进法冶政府建设。&lt;!-- fzlint-disable-line ${T} --&gt;</p></div></body></html>`;
    const read = await readReport(new TextEncoder().encode(page), { name: 'r.html' });
    if (!read.ok) throw new Error('not read');
    expect(read.format).toBe('markdown');
    expect(ids(lint(read.text, { rules, format: read.format }))).toEqual([]);
    expect(ids(lint(read.text.replace('fzlint-disable-line', 'fzlint-note'), { rules, format: read.format }))).toEqual([`3:${T}`]);
  });
});

describe('findDirectives is linear', () => {
  /**
   * CPU milliseconds of the process over `run`, not wall time: on a shared machine (load 26 in a
   * full test run) a 40 ms step can wait for a core several times over, which read 435 ms against
   * a bound of 200 for a step that is linear.
   */
  const cpuMs = (run: () => void): number => {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  /** Least time of three runs of the directive step alone (the parse is done before). */
  const time = (text: string, format: 'markdown' | 'plaintext'): number => {
    const document = parse(text, { format });
    let best = Infinity;
    for (let i = 0; i < 3; i++) best = Math.min(best, cpuMs(() => findDirectives(document)));
    return best;
  };
  const shapes: [name: string, format: 'markdown' | 'plaintext', make: (n: number) => string][] = [
    ['one comment holding many `<!-- fzlint-x` openings', 'markdown', (n) => `<!--${'<!-- fzlint-x '.repeat(n / 14)}-->`],
    ['the same in plain text', 'plaintext', (n) => `正文<!--${'<!-- fzlint-x '.repeat(n / 14)}-->`],
    ['a directive line without a close, line after line', 'plaintext', (n) => 'fzlint-disable-line a/b\n'.repeat(n / 24)],
    ['a directive at the end of every line', 'plaintext', (n) => '正文 <!-- fzlint-disable-line a/b -->\n'.repeat(n / 36)],
  ];
  for (const [name, format, make] of shapes) {
    it(`${name}: 8× the text, well under 64× the time`, () => {
      const small = time(make(40_000), format);
      const large = time(make(320_000), format);
      // Quadratic would be 64×; a generous bound for a shared machine, and a floor for timer noise.
      expect(large).toBeLessThan(Math.max(24 * small, 100));
    });
  }

  /** The plain-text reader's comments, read with the rest of the text: parse and directives. */
  const timeRead = (text: string): number => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) best = Math.min(best, cpuMs(() => findDirectives(parse(text, { format: 'plaintext' }))));
    return best;
  };
  const plainShapes: [name: string, make: (n: number) => string][] = [
    ['`<!--` never closed, line after line', (n) => '正文<!-- 注释\n'.repeat(n / 10)],
    ['backtick-quoted openings on one line', (n) => `${'`<!--'.repeat(n / 5)}-->`],
    ['many comments on one line', (n) => '<!-- a --> 正文'.repeat(n / 13)],
  ];
  for (const [name, make] of plainShapes) {
    it(`plain text, ${name}: 8× the text, well under 64× the time to read`, () => {
      const small = timeRead(make(40_000));
      const large = timeRead(make(320_000));
      expect(large).toBeLessThan(Math.max(24 * small, 200));
    });
  }
});
