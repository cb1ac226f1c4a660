import type { ReportDocument } from './model.js';

/** Every memo `documentMemo` made (module-level constants: a handful, never dropped). */
const memos: WeakMap<ReportDocument, unknown>[] = [];

/**
 * A WeakMap of what an analysis keeps per document, which `releaseDocument` can empty for
 * one document. Why not a plain WeakMap alone: V8's young-generation collector (the
 * scavenger) keeps a WeakMap's values alive while their entry is there, and a value that
 * reaches its key (a document's folds, its statistics input, which may be the document
 * itself) keeps the entry too — so every document a run lints, with all its sentences and
 * numbers, outlived the collections made while later documents were linted, was copied and
 * promoted, and waited for a full collection. A run that lints each text once releases each
 * document when it is done with it (the linter's `lint` without an analysis cache); an editor, which lints new
 * versions of a document against the old one's analyses, does not.
 */
export function documentMemo<V>(): WeakMap<ReportDocument, V> {
  const memo = new WeakMap<ReportDocument, V>();
  memos.push(memo);
  return memo;
}

/**
 * Forgets what every analysis kept for `document` (its parse state, folds, outline, statistics
 * and references analyses): asking again recomputes the same. For a caller that is done
 * with the document, so it dies young instead of waiting for a full collection.
 */
export function releaseDocument(document: ReportDocument): void {
  for (let i = 0; i < memos.length; i++) memos[i]!.delete(document);
}
