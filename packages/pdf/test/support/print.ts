/**
 * Makes text PDFs the way a reviewing office gets them: a report laid out as an
 * official document (centred large title, enumerated headings in another
 * typeface than the body, indented paragraphs) and printed by Debian's Chromium (`--print-to-pdf`, with its
 * default page header and footer: date, title, file URL, page x/y), so the
 * text layer has real line geometry and real page furniture to drop.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium (installed by scripts/e2e/setup.sh), or `$CHROMIUM`. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** Whether Chromium is there to print with. */
export function canPrint(): boolean {
  return existsSync(CHROMIUM);
}

const ENUMERATED = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9]))/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A report (Markdown or plain text, one paragraph a line) as printable HTML:
 * `#` headings and short enumerated lines become bold headings, the first line
 * naming a report becomes the centred title, the rest indented paragraphs.
 */
export function reportHtml(text: string, title: string, options: { justify?: boolean } = {}): string {
  const body: string[] = [];
  let titled = false;
  for (const raw of text.split(/\r?\n/)) {
    const hashes = /^(#{1,6})\s+/.exec(raw);
    const line = raw.replace(/^#{1,6}\s+/, '').trim();
    if (line === '') continue;
    if (!titled && (hashes?.[1] === '#' || (/报告|情况/.test(line) && line.length < 60 && !/[。，,]/.test(line)))) {
      body.push(`<h1>${escapeHtml(line)}</h1>`);
      titled = true;
    } else if (hashes || (ENUMERATED.test(line) && line.length <= 40 && !/。./.test(line))) {
      const level = hashes ? Math.min(4, (hashes[1] as string).length) : 2;
      body.push(`<h${level}>${escapeHtml(line)}</h${level}>`);
    } else {
      body.push(`<p>${escapeHtml(line)}</p>`);
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body { font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 16pt; line-height: 1.6; margin: 0 }
h1 { font-size: 22pt; text-align: center; margin: 0 0 1em }
/* Headings in another face than the body, as 黑体 / 楷体 headings over a 仿宋 body (fonts-wqy-zenhei has three). */
h2, h3, h4 { font-size: 16pt; margin: 0.3em 0; font-family: 'WenQuanYi Zen Hei Sharp', sans-serif }
h2 { font-weight: bold } h3 { font-weight: bold } h4 { font-weight: normal }
p { text-indent: 2em; margin: 0${options.justify ? '; text-align: justify' : ''} }
</style></head><body>${body.join('\n')}</body></html>`;
}

/**
 * Prints HTML to a PDF with Chromium (header and footer on). Throws with
 * Chromium's output when no PDF comes out.
 */
export function printPdf(html: string, outPdf: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-print-'));
  try {
    const page = join(dir, 'report.html');
    writeFileSync(page, html);
    const r = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${outPdf}`,
        `file://${page}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (!existsSync(outPdf)) throw new Error(`Chromium printed no PDF (exit ${r.status}): ${(r.stderr ?? '').slice(-500)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
