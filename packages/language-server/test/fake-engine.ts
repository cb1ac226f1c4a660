/** A fake linter for the service tests: flags 法冶 (fix 法治) and reads `## ` headings as sections. */
import type { ConceptId } from '@fzlint/ontology';
import type { ReportDocument, Section } from '@fzlint/parser';
import type { Diagnostic } from '@fzlint/rule-api';
import type { ConfigLookup, EngineLintOptions, EngineLintResult, LintEngine } from '../src/service/types.js';

/** A config look-up as tests write it (`ignored` defaults to false). */
type FakeLookup = Omit<ConfigLookup, 'ignored' | 'config'> & { readonly config?: ConfigLookup['config']; readonly ignored?: boolean };

const TYPO = /法冶/gu;
const HEADING = /^## (.*)$/gmu;

function conceptOf(title: string): ConceptId | undefined {
  if (title.includes('举措')) return 'measures-and-results';
  if (title.includes('不足')) return 'shortcomings-and-causes';
  if (title.includes('安排')) return 'next-year-plan';
  return undefined;
}

export function fakeDocument(text: string): ReportDocument {
  const heads = [...text.matchAll(HEADING)].map((m) => ({ start: m.index, end: m.index + m[0].length, title: m[1] ?? '' }));
  const sections: Section[] = heads.map((h, i) => {
    const end = heads[i + 1]?.start ?? text.length;
    const concept = conceptOf(h.title);
    const heading = {
      text: h.title,
      range: { start: h.start, end: h.end },
      title: h.title,
      titleRange: { start: h.start + 3, end: h.end },
      level: 1,
      origin: 'markdown' as const,
      ...(concept ? { concept } : {}),
    };
    return { heading, level: 1, ...(concept ? { concept } : {}), range: { start: h.start, end }, bodyRange: { start: h.end, end }, children: [] };
  });
  return {
    text,
    format: 'markdown',
    writingDate: { value: { year: 2023, month: 3, day: 31 }, source: 'default', assumed: true },
    bodyRange: { start: 0, end: text.length },
    junkRanges: [],
    headings: sections.map((s) => s.heading),
    sections,
    paragraphs: [],
    sentences: [],
    numbers: [],
    references: [],
    documentNumbers: [],
    comments: [],
    codeRanges: [],
    lineIndex: { lineStarts: [0], positionAt: () => ({ line: 1, column: 1 }), offsetAt: () => 0 },
  };
}

function lintOnce(text: string, options: EngineLintOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.config?.rules?.['style/typo'] === 'off') return out;
  for (const m of text.matchAll(TYPO)) {
    out.push({
      ruleId: 'style/typo',
      severity: 'warn',
      messageId: 'typo',
      message: options.locale === 'en' ? '"法冶" should be "法治"' : '“法冶”应为“法治”',
      range: { start: m.index, end: m.index + 2 },
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
      docsUrl: 'https://example.invalid/docs/rules/style/typo.md',
      fix: { range: { start: m.index, end: m.index + 2 }, text: '法治' },
    });
  }
  if (!text.includes('不足')) {
    out.push({
      ruleId: 'structure/required-section',
      severity: 'error',
      messageId: 'missing',
      message: '缺少“存在的不足和原因”',
      range: { start: 0, end: 1 },
      start: { line: 1, column: 1 },
      end: { line: 1, column: 2 },
      docsUrl: 'https://example.invalid/docs/rules/structure/required-section.md',
      data: { concept: 'shortcomings-and-causes' },
    });
  }
  return out;
}

export interface FakeEngine extends LintEngine {
  calls: number;
  configs: Map<string, FakeLookup | Error>;
}

export function fakeEngine(): FakeEngine {
  const configs = new Map<string, FakeLookup | Error>();
  const engine: FakeEngine = {
    calls: 0,
    configs,
    lint(text, options): EngineLintResult {
      engine.calls++;
      if (options.fix) {
        const output = text.replace(TYPO, '法治');
        return { diagnostics: lintOnce(output, options), document: fakeDocument(output), ruleFailures: [], ...(output !== text ? { output } : {}) };
      }
      return { diagnostics: lintOnce(text, options), document: fakeDocument(text), ruleFailures: [] };
    },
    loadConfig(filePath) {
      for (const [dir, v] of configs) {
        if (filePath.startsWith(dir)) {
          if (v instanceof Error) throw v;
          return { config: v.config ?? {}, files: v.files, ignored: v.ignored ?? false };
        }
      }
      return { config: {}, files: [], ignored: false };
    },
    configProblem: (error) =>
      error instanceof Error && error.name === 'ConfigError' ? { message: error.message, file: (error as Error & { file?: string }).file } : undefined,
    features: {},
  };
  return engine;
}

export const REPORT = [
  '# XX市2023年法治政府建设年度报告',
  '',
  '## 一、主要举措和成效',
  '',
  '全面推进法冶政府建设。',
  '',
  '## 二、2024年主要安排',
  '',
  '继续推进。',
  '',
].join('\n');
