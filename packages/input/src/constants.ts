/**
 * The one answer to "which files are reports, where is their config, what is
 * skipped, how big may they be, how are they encoded", shared by every front
 * end (the CLI, `@fzlint/linter/node`, the language server, the remark and
 * textlint adapters, the web workbench). Nothing here touches the file system.
 */

/** Config file names, looked for in this order in each folder (the first found is used). */
export const CONFIG_FILE_NAMES = ['fzlint.config.json', '.fzlintrc.json'] as const;

/** Whether a file name (not a path) is a config file name. */
export function isConfigFileName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** The ignore file (gitignore syntax), honoured in the folder that holds it and below. */
export const IGNORE_FILE = '.fzlintignore';

/**
 * Folders a walk never enters: dependencies, and every folder whose name starts
 * with a dot (`.git`, `.hg`, `.svn`, editor and tool caches such as `.vscode`,
 * `.turbo`, `.cache`, and site generators' `.vuepress`, whose output would
 * repeat the reports). A folder named explicitly is still walked.
 */
export const SKIPPED_DIR_NAMES: readonly string[] = ['node_modules'];

/** Whether a walk skips a folder of this name (see {@link SKIPPED_DIR_NAMES}). */
export function isSkippedDirName(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIR_NAMES.includes(name);
}

/**
 * Folders ignored even when a file inside them is named explicitly (gitignore
 * lines; as ESLint's defaults).
 */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = ['node_modules/', '.git/'];

/** Files above this many bytes are not read: no report is that long, and parsing one would stall CI or an editor. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

/**
 * How a report's bytes were turned into text, and how `--fix` writes them
 * back: UTF-8 with or without a BOM, UTF-16 (little or big endian, by BOM),
 * or GBK (read as GB18030, its superset).
 */
export const TEXT_ENCODINGS = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'gbk'] as const;

/** One of {@link TEXT_ENCODINGS}. */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** How a text is parsed: Markdown, or plain text with Chinese enumerated headings. */
export type TextFormat = 'markdown' | 'plaintext';

const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;

/** The format a text file is parsed as: Markdown for `.md`/`.markdown`, plain text otherwise. */
export function textFormatOf(path: string | undefined): TextFormat {
  return path !== undefined && MARKDOWN_EXTENSION.test(path) ? 'markdown' : 'plaintext';
}

/** The lower-case extension of a path or name, with its dot (`''` when it has none). */
export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The last segment of a path (`/`- or `\`-separated). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Word's lock files (`~$报告.docx`) sit beside an open document; they are not documents. */
export function isLockFileName(name: string): boolean {
  return name.startsWith('~$');
}
