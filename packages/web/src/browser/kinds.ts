/**
 * Which files are reports, by extension: kept apart from the readers so the
 * page's own script (which only sorts dropped files) does not pull them in.
 */

/** What a report file is read as. */
export type ReportKind = 'markdown' | 'text' | 'docx' | 'html' | 'pdf';

/** The kind of a report file by its name, or undefined for a file that is not one. */
export function reportKind(name: string): ReportKind | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
    case 'text':
      return 'text';
    case 'docx':
      return 'docx';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'pdf':
      return 'pdf';
    default:
      return undefined;
  }
}

