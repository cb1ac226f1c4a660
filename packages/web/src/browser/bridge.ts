/**
 * TEMPORARY bridge to the CLI's file-system-free readers and scorecard, until
 * `@fzlint/input` (bytes → text for md/txt/docx/html) and the scorecard moved
 * out of the CLI land: then this file goes and `read.ts` / `check.ts` import
 * those packages. The modules named here are pure (no `node:` imports); the
 * bundle resolves them from the CLI's sources, and `iconv-lite` (which only
 * the CLI's `decodeHtml` uses, never called here) is stubbed out of the page.
 */
export { documentBlocks, pageBlocks } from '../../../cli/src/input/html.js';
export { toMarkdown, type Converted, type SourceBlock } from '../../../cli/src/input/blocks.js';
export { toSourcePosition, type SourceMap } from '../../../cli/src/input/position.js';
export {
  scoreReport,
  CRITERIA,
  REQUIRED,
  type Scorecard,
  type CriterionId,
  type CriterionScore,
  type RequiredConcept,
  type Verdict,
} from '../../../cli/src/score.js';

/**
 * mammoth's style map of the CLI's Word reader (`cli/src/input/docx.ts` keeps
 * it unexported): Word's Title style and Chinese templates' heading styles.
 */
export const DOCX_STYLE_MAP: readonly string[] = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='标题'] => h1.doc-title:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题 5'] => h5:fresh",
  "p[style-name='标题 6'] => h6:fresh",
];
