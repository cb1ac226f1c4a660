/**
 * Report documents for the Word and web tests, generated in the tests: the
 * paragraphs of a small 2023 county report (with one statistics defect, 审结
 * above 收到), as a `.docx` with Word heading styles or enumerated paragraphs,
 * and as a page saved from a government website with its usual furniture.
 */
import { buildDocx, type DocxParagraph } from './docx.js';

/** The report's paragraphs; `heading` marks the ones that are headings (level 1 = 一、). */
export const REPORT: readonly { text: string; heading?: number }[] = [
  { text: '2023年，甲县人民政府深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021—2025年）》，法治政府建设取得新成效。现将有关情况报告如下：' },
  { text: '一、2023年推进法治政府建设的主要举措和成效', heading: 1 },
  { text: '（一）压实法治建设责任', heading: 2 },
  { text: '县政府常务会议专题研究法治政府建设工作5次，组织会前学法12次，举办专题讲座4场，参训干部1,260人次。' },
  { text: '（二）规范行政执法行为', heading: 2 },
  { text: '全县28个行政执法单位全部公示执法信息。全年共收到行政复议申请106件，审结115件。' },
  { text: '二、2023年推进法治政府建设存在的不足和原因', heading: 1 },
  { text: '一是行政执法人员能力有待提升；二是普法宣传的针对性不强。究其原因，主要是对法治建设重要性认识不足，投入不够。' },
  { text: '三、党政主要负责人履行推进法治建设第一责任人职责情况', heading: 1 },
  { text: '县政府主要负责人认真履行推进法治建设第一责任人职责，亲自部署重要工作，带头出庭应诉行政案件2件。' },
  { text: '四、2024年工作打算', heading: 1 },
  { text: '（一）6月底前完成领导干部法治专题培训（责任单位：县司法局）', heading: 2 },
  { text: '（二）加快推进县乡两级合法性审核全覆盖', heading: 2 },
  { text: '甲县人民政府' },
  { text: '2024年3月20日' },
];

/** The report's title. */
export const TITLE = '甲县人民政府关于2023年度法治政府建设情况的报告';

/** 1-based paragraph number (title = 1) of the first paragraph containing `needle`. */
export function paragraphOf(needle: string): number {
  const i = REPORT.findIndex((p) => p.text.includes(needle));
  if (i < 0) throw new Error(`no paragraph with ${needle}`);
  return i + 2;
}

/**
 * The report as Word: title in the Title style; headings in `heading N`
 * styles when `styled`, else plain enumerated paragraphs (as most government
 * Word files are); Word's habit of splitting text into runs mid-word included.
 */
export function reportDocx(options: { styled?: boolean; paragraphs?: readonly { text: string; heading?: number }[] } = {}): Buffer {
  const styled = options.styled ?? true;
  const paragraphs: DocxParagraph[] = [{ text: TITLE, style: 'Title' }];
  for (const p of options.paragraphs ?? REPORT) {
    const split = p.text.length > 8 ? { splitAt: [3, 7] } : {};
    paragraphs.push({ text: p.text, ...(styled && p.heading ? { style: `Heading${p.heading}` } : {}), ...split });
  }
  return buildDocx(paragraphs);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Options of `reportPage`. */
export interface PageOptions {
  readonly published?: string;
  readonly written?: string;
  readonly charset?: string;
  readonly paragraphs?: readonly { text: string; heading?: number }[];
}

/**
 * The report as a saved government web page: scripts, a navigation bar, a
 * breadcrumb, the 索引号 table, a title, an info line with a hit counter, the
 * article, share and QR-code boxes, related links and a footer.
 */
export function reportPage(options: PageOptions = {}): string {
  const published = options.published ?? '2024-03-28';
  const written = options.written ?? '2024-03-20';
  const body = (options.paragraphs ?? REPORT)
    .map((p) =>
      p.heading === 1
        ? `<p style="text-indent:2em"><strong>${escapeHtml(p.text)}</strong></p>`
        : `<p style="text-indent:2em">&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(p.text)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${options.charset ?? 'utf-8'}">
<title>${TITLE}_甲县人民政府</title>
<meta name="PubDate" content="${published} 10:21">
<script>var _hmt = _hmt || []; document.write("<p>首页：脚本写出的文字，不是报告。</p>");</script>
<style>.nav { color: red; } p::before { content: "样式"; }</style></head>
<body>
<div class="top"><a href="/">网站首页</a> | <a>无障碍浏览</a> | <a>长者模式</a></div>
<nav class="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul></nav>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>
<table class="xxgk_table">
<tr><td>索&nbsp;引&nbsp;号：</td><td>11341100MB1234567X/2024-00123</td><td>发布机构：</td><td>甲县人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>${written}</td><td>发布日期：</td><td>${published}</td></tr>
<tr><td>名　　称：</td><td colspan="3">${TITLE}</td></tr>
</table>
<div class="article">
<h1 class="article-title">${TITLE}</h1>
<div class="info">发布时间：${published} 10:21 来源：县司法局 浏览次数：<span id="hits">1024</span> 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="content" id="zoom">
${body}
</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="ewm"><img src="qr.png">扫一扫在手机打开当前页</div>
<div class="print"><a>【打印本页】</a> <a>【关闭窗口】</a></div>
</div>
<div class="links">相关链接：<a>国务院</a> <a>省政府</a></div>
<footer><p>主办单位：甲县人民政府办公室　承办单位：甲县数据资源局</p><p>版权所有 © 甲县人民政府　皖ICP备12345678号　皖公网安备 34110002000001号</p><p>网站标识码：3411000001</p></footer>
</body></html>
`;
}
