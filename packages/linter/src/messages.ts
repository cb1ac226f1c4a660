import { formatMessage, type Diagnostic, type Locale, type LocalizedText, type Severity } from '@fzlint/rule-api';
import type { LineColumn, TextRange } from '@fzlint/parser';

/** Where the linter's own problems are documented. */
export const LINTER_DOCS_URL = 'https://github.com/fzlint/fzlint/blob/main/packages/linter/README.md';

/** Ids of the problems the linter itself reports (not rules: they cannot be configured or disabled). */
export const LINTER_RULE_IDS = {
  unusedDirective: 'fzlint/unused-directive',
  unknownRule: 'fzlint/unknown-rule',
  ruleError: 'fzlint/rule-error',
  readError: 'fzlint/read-error',
  numberOutOfRange: 'fzlint/number-out-of-range',
  inputLimit: 'fzlint/input-limit',
} as const;

/** Message templates of the linter's own problems, zh-CN first. */
export const LINTER_MESSAGES = {
  unusedDisable: {
    'zh-CN': '{{directive}} 指令没有抑制任何问题，可以删除',
    en: 'Unused {{directive}} directive (no problems were reported)',
  },
  unusedDisableRule: {
    'zh-CN': '{{directive}} 指令没有抑制任何 {{ruleId}} 问题，可以删除',
    en: 'Unused {{directive}} directive (no problems were reported from {{ruleId}})',
  },
  unusedEnable: {
    'zh-CN': 'fzlint-enable 指令没有对应的 fzlint-disable，可以删除',
    en: 'Unused fzlint-enable directive (no matching fzlint-disable)',
  },
  unusedEnableRule: {
    'zh-CN': 'fzlint-enable 指令没有对应的 {{ruleId}} 的 fzlint-disable，可以删除',
    en: 'Unused fzlint-enable directive (no matching fzlint-disable for {{ruleId}})',
  },
  unknownRule: {
    'zh-CN': '指令中的规则“{{ruleId}}”不存在{{hint}}',
    en: 'Unknown rule "{{ruleId}}" in directive{{hint}}',
  },
  unknownRuleHint: {
    'zh-CN': '（是否应为 {{names}}？）',
    en: ' (did you mean {{names}}?)',
  },
  ruleError: {
    'zh-CN': '规则 {{ruleId}} 运行出错，已跳过：{{error}}',
    en: 'Rule {{ruleId}} crashed and was skipped: {{error}}',
  },
  readError: {
    'zh-CN': '无法读取文件：{{error}}',
    en: 'Cannot read the file: {{error}}',
  },
  numberOutOfRange: {
    'zh-CN': '数字“{{number}}”有 {{digits}} 位有效数字，超出可精确核对的范围（{{max}} 位），未参与统计核对 — 核实这个数字',
    en: 'The number "{{number}}" has {{digits}} significant digits, more than can be checked exactly ({{max}}); it is left out of the statistics checks — check the number',
  },
  markersLimit: {
    'zh-CN': '此行的列表或引用标记超过 {{limit}} 层，之后的标记按正文读取（全文共 {{lines}} 行如此）',
    en: 'This line opens more than {{limit}} list or quote levels; the markers after them are read as text ({{lines}} such lines in the file)',
  },
  depthLimit: {
    'zh-CN': '此行的列表或引用嵌套超过 {{limit}} 层，更深的标记按正文读取（全文共 {{lines}} 行如此）',
    en: 'This line is nested more than {{limit}} list or quote levels deep; the deeper markers are read as text ({{lines}} such lines in the file)',
  },
  lazyQuotesLimit: {
    'zh-CN': '引用块中不带“>”或“>”少于引用层数的续行超过 {{limit}} 行（共 {{lines}} 行），全文的引用块按普通段落读取',
    en: 'More than {{limit}} lines continue a block quote without “>” or with fewer “>” than its depth ({{lines}} in all): every block quote in the file is read as ordinary paragraphs',
  },
  lazyListLimit: {
    'zh-CN': '列表项的段落中未缩进的续行超过 {{limit}} 行，该列表项的标记按正文读取（全文共 {{lines}} 行如此）',
    en: 'More than {{limit}} lines continue a list item without its indentation; the item’s marker is read as text ({{lines}} such lines in the file)',
  },
} as const satisfies Record<string, LocalizedText>;

/** Descriptions of the linter's own problem ids (for SARIF's `tool.driver.rules`). */
export const LINTER_RULE_DESCRIPTIONS: Readonly<Record<string, { description: LocalizedText; severity: Severity }>> = {
  [LINTER_RULE_IDS.unusedDirective]: {
    description: { 'zh-CN': '没有抑制任何问题的行内指令', en: 'Inline directive that suppresses nothing' },
    severity: 'warn',
  },
  [LINTER_RULE_IDS.unknownRule]: {
    description: { 'zh-CN': '行内指令中不存在的规则 id', en: 'Unknown rule id in an inline directive' },
    severity: 'error',
  },
  [LINTER_RULE_IDS.ruleError]: {
    description: { 'zh-CN': '规则运行出错', en: 'A rule crashed while checking the document' },
    severity: 'error',
  },
  [LINTER_RULE_IDS.readError]: {
    description: { 'zh-CN': '文件无法读取', en: 'The file could not be read' },
    severity: 'error',
  },
  [LINTER_RULE_IDS.inputLimit]: {
    description: { 'zh-CN': '为保证检查速度而简化读取的 Markdown 结构（嵌套过深、引用或列表续行过多）', en: 'Markdown structure read in a simpler way to keep linting fast (nesting too deep, too many lazy quote or list lines)' },
    severity: 'info',
  },
  [LINTER_RULE_IDS.numberOutOfRange]: {
    description: { 'zh-CN': '超出可精确核对范围的数字（超过 15 位有效数字）', en: 'A number with more significant digits than can be checked exactly (15)' },
    severity: 'info',
  },
};

/** Inputs of `linterDiagnostic`. */
export interface LinterDiagnosticInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: keyof typeof LINTER_MESSAGES;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: TextRange;
  readonly locale: Locale;
  readonly positionAt: (offset: number) => LineColumn;
  readonly anchor?: string;
}

/** Builds one of the linter's own diagnostics (directive problems, crashed rules). */
export function linterDiagnostic(input: LinterDiagnosticInput): Diagnostic {
  return {
    ruleId: input.ruleId,
    severity: input.severity,
    messageId: input.messageId,
    message: formatMessage(LINTER_MESSAGES[input.messageId], input.locale, input.data),
    range: input.range,
    start: input.positionAt(input.range.start),
    end: input.positionAt(input.range.end),
    docsUrl: `${LINTER_DOCS_URL}#${input.anchor ?? input.ruleId.replace('/', '')}`,
    ...(input.data ? { data: input.data } : {}),
  };
}
