/**
 * The batch a reviewing office receives, made from the corpus in every shape
 * the page reads: a Markdown draft, a GBK plain-text copy (and a next-year draft of the
 * same unit made from it, which the page pairs with it), a Word document
 * (built here as the CLI's tests build theirs), a GBK web page saved from a
 * government site, a text PDF printed by Debian's Chromium, a PDF with fonts
 * not embedded, and two files that cannot be checked (a scan without a text
 * layer, an old binary .doc).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { buildDocx, type DocxParagraph } from '../../../cli/test/support/docx.js';
import { continuityPair } from '../../../cli/test/support/continuity.js';
import { REPORT, TITLE } from '../../../cli/test/support/reports.js';
import { reportPdf, scannedPdf } from '../../../pdf/test/support/pdfs.js';
import { canPrint, printPdf, reportHtml } from '../../../pdf/test/support/print.js';

const corpus = new URL('../../../../fixtures/corpus/', import.meta.url);

/** A corpus file's text. */
export function corpusText(path: string): string {
  return readFileSync(new URL(path, corpus), 'utf8');
}

/** The report of the batch that has last year's report in it, and that report. */
export const PAIRED = { current: '宽城区2021年度报告（草稿）.txt', previous: '宽城区2020年度报告.txt' } as const;

/** One report of the batch and what the tests know about it. */
export interface BatchReport {
  readonly file: string;
  readonly year: number;
  /** A rule that finds something in this report (the report view must list it). */
  readonly rule: string;
}

/** Markdown → Word paragraphs: `#` the Title style, `##`… heading styles, the rest body text. */
function docxOf(markdown: string): Buffer {
  const paragraphs: DocxParagraph[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^(#{1,6})\s+(.*)$/.exec(line);
    const text = (m ? (m[2] as string) : line).trim();
    if (text === '') continue;
    const level = m ? (m[1] as string).length : 0;
    paragraphs.push({ text, ...(level === 1 ? { style: 'Title' } : level > 1 ? { style: `Heading${Math.min(3, level - 1)}` } : {}) });
  }
  return buildDocx(paragraphs);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A report as a page saved from a government site, in GBK: navigation, the article, a footer. */
function savedPage(text: string, title: string): Buffer {
  const body = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p style="text-indent:2em">${escapeHtml(l.trim())}</p>`)
    .join('\n');
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>${escapeHtml(title)}_宜宾市人民政府</title></head>
<body><div class="nav"><a>首页</a> <a>政务公开</a> <a>互动交流</a></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a></div>
<div class="article"><h1 class="title">${escapeHtml(title)}</h1>
<div class="info">发布时间：2024-03-28 来源：市司法局 浏览次数：1024</div>
<div class="content">${body}</div></div>
<footer><p>版权所有 © 宜宾市人民政府 蜀ICP备12345678号</p></footer></body></html>`;
  return iconv.encode(html, 'gbk');
}

/** Writes the batch into `dir`; returns the reports (with what is known about each) and the files that must fail. */
export function writeBatch(dir: string, options: { pdf?: boolean } = {}): { reports: BatchReport[]; failing: string[]; all: string[] } {
  mkdirSync(dir, { recursive: true });
  const reports: BatchReport[] = [];
  // full/001 as a Markdown draft: 法冶 (for 法治) is a real typo of this report.
  writeFileSync(join(dir, '开发区2021年度报告.md'), corpusText('markdown/001_72ea27b1fd9ec9ba.md'));
  reports.push({ file: '开发区2021年度报告.md', year: 2021, rule: 'style/domain-typo' });
  // full/002 as plain text in GBK (a copy from a website saved by an old editor).
  // GBK has no no-break space: an editor saving the page's text as GBK writes plain spaces.
  writeFileSync(join(dir, '宽城区2020年度报告.txt'), iconv.encode(corpusText('full/002_55a70afaa3186b60.txt').replace(/\u00a0/g, ' '), 'gbk'));
  reports.push({ file: '宽城区2020年度报告.txt', year: 2020, rule: 'style/official-name' });
  // 宽城区's 2021 draft, made from its 2020 report: a passage copied, a 2020 figure restated
  // (the page pairs it with the 2020 report above). Alone, it shows full/001's typo 法冶.
  writeFileSync(join(dir, PAIRED.current), continuityPair().draft);
  reports.push({ file: PAIRED.current, year: 2021, rule: 'style/domain-typo' });
  // full/003 as a Word document.
  writeFileSync(join(dir, '洪洞县2022年报告.docx'), docxOf(corpusText('markdown/003_5b463c698add1c1a.md')));
  reports.push({ file: '洪洞县2022年报告.docx', year: 2022, rule: 'structure/shortcomings-without-causes' });
  // full/004 as a saved GBK web page.
  writeFileSync(join(dir, '宜宾市2023年报告.html'), savedPage(corpusText('full/004_5c1a682909791d61.txt'), '宜宾市人民政府2023年法治政府建设情况报告'));
  reports.push({ file: '宜宾市2023年报告.html', year: 2023, rule: 'structure/required-section' });
  if (options.pdf ?? canPrint()) {
    // full/000 as a text PDF, printed by Chromium with its page header and footer.
    printPdf(reportHtml(corpusText('markdown/000_db52c8fa8bf2b1ef.md'), '2021年度桐乡市法治政府建设工作情况的报告'), join(dir, '桐乡市2021年度报告.pdf'));
    reports.push({ file: '桐乡市2021年度报告.pdf', year: 2021, rule: 'style/official-name' });
  }
  // A PDF whose Chinese fonts are not embedded (older office tools): read through Adobe's CMaps,
  // which the page bundles. The small county report of the CLI's Word tests, 审结 above 收到.
  writeFileSync(join(dir, '甲县2023年报告.pdf'), reportPdf(TITLE, REPORT));
  reports.push({ file: '甲县2023年报告.pdf', year: 2023, rule: 'statistics/concluded-exceeds-received' });
  writeFileSync(join(dir, '扫描件.pdf'), scannedPdf());
  // An old binary Word file renamed .docx (what "save as" mistakes look like).
  writeFileSync(join(dir, '旧版文档.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 1, 2, 3]));
  const failing = ['扫描件.pdf', '旧版文档.docx'];
  return { reports, failing, all: [...reports.map((r) => r.file), ...failing] };
}
