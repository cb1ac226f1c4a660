import fc from 'fast-check';

/** Lines that exercise every Markdown construct the block reader cares about (and some it must skip). */
export const MARKDOWN_LINES = [
  '# 一、总体情况', '## （一）加强领导 ##', '### 1.压实责任', '#', '#   ', '标题行', '===', '---', '***', '- - -',
  '1. 一、加强领导', '2) 第二项', '- 项目', '* 星号项', '+ 加号项', '   续行内容', '  两格续行', '    缩进代码', '\t制表开头',
  '> 引用段落', '> 1. 引用列表', '> # 引用标题', '>', '<!-- fzlint-disable style/x -->', '<!--', '-->', '<!-- 多行', '结束 -->',
  '段落<!-- 行内注释 -->结尾。', '`<!-- 代码 -->` 不是注释', '![<!-- 图片 -->](a.png)', '**<!-- 强调 -->**', '<div>', '</div>',
  '<script>', '</script>', '```', '~~~', '```js', '[标签]: /url', '[标签]', '**（一）加强领导。**正文内容。', '\u3000\u3000全角缩进段落。',
  '尾随空格  ', '2023年2月1日', '1.', '-', '10. 十', '    ', '', '一是加强学习；二是完善制度。', 'title: 报告', 'year: 2022',
  // Lines of the fast path (prose, plain headings) and near misses.
  '全年共办理行政复议案件1,436件，同比增长12.5%。', '（一）加强组织领导。', '“八五”普法规划全面实施。', '《法治政府建设实施纲要》', '\u3000',
  '文字\u3000', '## 二、存在的问题', '### （三）加强领导', '# 标题  ', '# 标题 #', '#\t制表标题', '####### 七级', '#无空格', '1.5亿元',
  '2023年工作打算', 'abc 英文开头', '文字<b>标签</b>', '文字\r后半', '1) 一', '!感叹', '\\# 转义',
];

/** Random Markdown documents built from {@link MARKDOWN_LINES}, with and without front matter. */
export const markdownDoc = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.constantFrom(...MARKDOWN_LINES), fc.constantFrom('\n', '\n', '\n\n', '\r\n')), { maxLength: 30 }),
  )
  .map(([fm, lines]) => (fm ? '---\nyear: 2022\ndate: 2023-02-01\n---\n' : '') + lines.map(([l, sep]) => l + sep).join(''));


/** Lines the fast path reads itself (prose and plain headings). */
export const SIMPLE_LINES = [
  '全年共办理行政复议案件1,436件，同比增长12.5%。', '（一）加强组织领导。', '“八五”普法规划全面实施。', '文字\u3000', '\u3000\u3000全角缩进段落。',
  '# 2022年度法治政府建设工作报告', '## 一、主要举措和成效', '### （二）推进依法决策', '#### 1. 压实责任', '2023年工作打算', 'abc 英文开头',
  '今年以来，在市委的坚强领导下，我局深入推进依法行政。', '中共某某县委', '2023年3月1日',
  // Indented prose (a report indented with spaces): a paragraph line, or with four spaces a continuation.
  ' 一格缩进的段落。', '  两格缩进的段落。', '   三格缩进，2023年。', '    四格缩进续行。', '      六格缩进续行。', '  abc 缩进英文',
  // Paragraphs numbered without a space after the mark (no list item), and near misses that are items.
  '1.进一步强化理论武装。', '2)第二项文字', '  3.缩进编号段落', '10.5%的增长', '1. 有空格是列表项', '2)\t制表列表项', '1.',
  // Ordered items of prose (read here, with their lazy lines) and near misses; inline HTML mid-line.
  '1. 压实工作责任。', '2. 完善制度机制，研究制定《关于<2021年>的通知》。', '3. 强化考核监督。', '1) 第一项', '2) 第二项', '10. 第十项',
  '01. 零一', '1.  两个空格', '1. # 不是标题', '1. 1. 嵌套', '（二）树牢法治思维。', '文字<span>内联</span>后文', '文字<!-- 注释 -->后文',
];

/** Report-like Markdown: groups of mostly simple lines between blank lines, some groups of any construct. */
export const reportLikeDoc = fc
  .array(
    fc.tuple(
      fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SIMPLE_LINES) }, { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN_LINES) }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.constantFrom('\n\n', '\n\n', '\n  \n', '\r\n\r\n', '\n'),
    ),
    { maxLength: 25 },
  )
  .map((groups) => groups.map(([lines, sep]) => lines.join('\n') + sep).join(''));

/** Random strings of Markdown-significant characters (and CJK text). */
export const markdownNoise = fc.string({
  unit: fc.constantFrom('#', ' ', ' ', '\n', '\n', '\r', '\t', '-', '*', '>', '<', '!', '`', '~', '=', '_', '[', ']', ':', '1', '.', ')', '字', '字', '字', '\u3000', 'a', '\ufeff'),
  maxLength: 80,
});
