// A CommonJS program requiring the fzlint packages whose `exports` have a
// `default` condition (@fzlint/linter, remark-fzlint, textlint-rule-fzlint).
// Node loads them with require(esm) (Node ≥ 20.19 / 22.12); elsewhere require
// throws ERR_REQUIRE_ESM and `import()` is the way. Prints a JSON summary.
'use strict';

const out = { requireModule: Boolean(process.features.require_module) };
try {
  const linter = require('@fzlint/linter');
  const nodeApi = require('@fzlint/linter/node');
  const result = linter.lint('推进法冶政府建设。\n', { filePath: 'a.txt' });
  out.linter = {
    ruleIds: result.diagnostics.map((d) => d.ruleId),
    fixed: linter.applyFixes('推进法冶政府建设。\n', result.diagnostics).output,
    stylish: linter.stylish([result], { color: false }).includes('style/domain-typo'),
    ruleCount: linter.rules.length,
    node: [typeof nodeApi.lintFiles, typeof nodeApi.loadConfig],
  };
  const remark = require('remark-fzlint');
  const textlint = require('textlint-rule-fzlint');
  out.adapters = { remark: typeof remark.default, textlint: typeof textlint.default.linter };
} catch (error) {
  out.error = error.code || String(error);
}
console.log(JSON.stringify(out));
