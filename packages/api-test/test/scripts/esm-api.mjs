// A plain Node ESM program using fzlint only through the packages' `exports`
// (bare specifiers, no paths into dist/ or src/). Prints a JSON summary that
// api.test.ts checks. Run: node esm-api.mjs <a folder to write files in>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as linter from '@fzlint/linter';
import { lintFiles, loadConfig } from '@fzlint/linter/node';
import * as ontology from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import * as rulesPackage from '@fzlint/rules';
import remarkFzlint from 'remark-fzlint';
import textlintRule from 'textlint-rule-fzlint';

const dir = process.argv[2];
const text = [
  '# 某县人民政府关于2023年度法治政府建设情况的报告',
  '',
  '## 一、2023年推进法治政府建设的主要举措和成效',
  '',
  '全年共收到行政复议申请106件，审结115件。推进法冶政府建设。',
  '',
].join('\n');

const result = linter.lint(text, { filePath: 'report.md', config: { reportYear: 2023 } });
const fixed = linter.applyFixes(text, result.diagnostics);
const formatted = Object.fromEntries(
  [...linter.formatterNames, 'gitlab'].map((name) => {
    const formatter = linter.getFormatter(name);
    return [name, formatter ? formatter([result], { cwd: process.cwd() }).length > 0 : null];
  }),
);

// Files and the config that applies to them.
mkdirSync(join(dir, 'reports'), { recursive: true });
writeFileSync(join(dir, 'fzlint.config.json'), JSON.stringify({ root: true, reportYear: 2023, rules: { 'structure/required-section': 'off' } }));
writeFileSync(join(dir, 'reports', 'a.md'), text);
const [fileResult] = await lintFiles(['reports/a.md'], { cwd: dir });
const loaded = loadConfig(join(dir, 'reports', 'a.md'));

// Every rule on its own, with its metadata.
const perRule = linter.rules.map((rule) => {
  const alone = linter.lint(text, { filePath: 'report.md', rules: [rule], config: { reportYear: 2023 } });
  return {
    id: rule.meta.id,
    family: rule.meta.family,
    defaultSeverity: rule.meta.defaultSeverity,
    fixable: rule.meta.fixable,
    description: rule.meta.description,
    docsUrl: rule.meta.docsUrl,
    messageIds: Object.keys(rule.meta.messages),
    byId: rulesPackage.rulesById.get(rule.meta.id) === rule,
    ruleIdsReported: [...new Set(alone.diagnostics.map((d) => d.ruleId))],
  };
});

const document = parse(text, { filePath: 'report.md' });

console.log(
  JSON.stringify({
    linter: {
      ruleIds: result.diagnostics.map((d) => d.ruleId),
      counts: [result.errorCount, result.warningCount, result.infoCount],
      firstPosition: result.diagnostics[0] && [result.diagnostics[0].start.line, result.diagnostics[0].start.column],
      fixedText: fixed.output,
      formatted,
      json: JSON.parse(linter.json([result]))[0].messages.length,
      sarifVersion: JSON.parse(linter.sarif([result])).version,
      version: linter.VERSION,
      sameRules: linter.rules === rulesPackage.rules,
    },
    node: {
      fileRuleIds: fileResult.diagnostics.map((d) => d.ruleId),
      configFiles: loaded.files.length,
      reportYear: loaded.config.reportYear,
    },
    rules: {
      families: {
        structure: rulesPackage.structureRules.length,
        statistics: rulesPackage.statisticsRules.length,
        references: rulesPackage.referencesRules.length,
        style: rulesPackage.styleRules.length,
        continuity: rulesPackage.continuityRules.length,
      },
      perRule,
    },
    parser: {
      format: document.format,
      reportYear: document.reportYear?.value,
      headings: document.headings.length,
      numbers: document.numbers.length,
    },
    ontology: {
      conceptIds: ontology.concepts.map((c) => c.id),
      required: ontology.concepts.filter((c) => c.required).map((c) => c.id),
      catalogueSize: ontology.builtinCatalogue.length,
      catalogueKinds: [...new Set(ontology.builtinCatalogue.map((e) => e.kind))].sort(),
    },
    adapters: {
      remark: typeof remarkFzlint,
      textlint: [typeof textlintRule.linter, typeof textlintRule.fixer],
    },
  }),
);
