import { toSourcePosition, type SourceMap } from '@fzlint/input';
import type { Diagnostic } from '@fzlint/rule-api';

/**
 * Related places in `filePath` (last year's report, converted from Word, a web page
 * or a PDF) at that file's paragraph numbers, as its own findings would be given.
 * (A module of its own: the project API needs it without the parser.)
 */
export function remapRelatedIn(diagnostics: readonly Diagnostic[], filePath: string, map: SourceMap): Diagnostic[] {
  return diagnostics.map((d) => {
    if (!d.related?.some((r) => r.filePath === filePath)) return d;
    return {
      ...d,
      related: d.related.map((r) =>
        r.filePath === filePath && r.start && r.end ? { ...r, start: toSourcePosition(map, r.start), end: toSourcePosition(map, r.end) } : r,
      ),
    };
  });
}
