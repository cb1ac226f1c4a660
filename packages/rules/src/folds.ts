import { documentMemo, fold, type Fold, type ReportDocument } from '@fzlint/parser';

/**
 * A document's sentences and paragraphs as they read (soft line breaks folded away), each
 * folded on first use and kept with the document: several rules read the same stretches
 * (the structure rules' prose search, the three style rules).
 */
export class DocumentFolds {
  private sentences: Array<Fold | undefined> | undefined;
  private paragraphs: Array<Fold | undefined> | undefined;

  constructor(private readonly document: ReportDocument) {}

  /** Sentence `k` of `document.sentences`, folded. */
  sentence(k: number): Fold {
    const folds = (this.sentences ??= new Array<Fold | undefined>(this.document.sentences.length));
    const s = this.document.sentences[k]!;
    return (folds[k] ??= fold(this.document.text, s.range.start, s.range.end, s.text));
  }

  /** Paragraph `k` of `document.paragraphs`, folded. */
  paragraph(k: number): Fold {
    const folds = (this.paragraphs ??= new Array<Fold | undefined>(this.document.paragraphs.length));
    const p = this.document.paragraphs[k]!;
    return (folds[k] ??= fold(this.document.text, p.range.start, p.range.end, p.text));
  }
}

const FOLDS = documentMemo<DocumentFolds>();

/** The folds of a document, shared by every rule that reads it. */
export function foldsOf(document: ReportDocument): DocumentFolds {
  let folds = FOLDS.get(document);
  if (!folds) {
    folds = new DocumentFolds(document);
    FOLDS.set(document, folds);
  }
  return folds;
}
