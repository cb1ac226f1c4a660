
import type { TextRange } from './model.js';
import { isRegExpSpace } from './text.js';

/*
 * Web-page furniture around a report pasted from a government website. Strong
 * junk (metadata tables, navigation, footers) bounds the report; weak junk
 * (lines of table bars) is dropped but does not move the body's start, so a
 * title between bars stays in the body.
 */
const STRONG_JUNK = [
  /^索\s*引\s*号\s*[:：]/,
  /^(?:发布机构|公开方式|发文日期|成文日期|组配分类|文件编号|发文机关|发文字号|发布日期|生成日期|主题分类|主\s*题\s*词|信息来源|来源|浏览次数|点击数|有效性|文\s*号|分\s*类|标\s*题|公开范围|公开时限|责任部门)\s*[:：|]/,
  /^[|｜\s]*(?:索\s*引\s*号|发布机构|公开方式|发文日期|组配分类|文件编号)\s*[:：]?\s*[|｜]/,
  /(?:>>|»|＞＞)/,
  /^(?:首页|当前位置|您当前的位置|您的位置)\s*[>＞:：]/,
  /网站地图|联系我们|扫一扫在手机打开当前页|打印本页|关闭窗口|分享到[:：]|【\s*字体|字号\s*[:：]?\s*[大中小]|版权所有|ICP备|网站标识码|公网安备|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|分辨率\s*[/／]?\s*浏览|使用[^。]{0,12}分辨率|适老化无障碍|无障碍浏览|涉密文件严禁上网|相关链接|上一篇\s*[:：]|下一篇\s*[:：]|【\s*打印\s*】|【\s*关闭\s*】/,
  /^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(?:联系电话|电话|传真|邮编|地址)\s*[:：]/,
  // An archiver's header and footer (标题:/发布时间:/文号:/发布机构:/栏目:/原始链接:/本地目录:/正文:).
  /^(?:本地目录|原文链接|原始链接|采集时间|抓取时间|栏\s*目|发布时间|发布单位)\s*[:：]|^页面链接与图片详见/,
  /^(?:=+\s*)?正\s*文\s*(?:[:：]|=+)\s*$/,
  /^(?:发布)?时间\s*[:：]\s*(?:19|20)\d{2}[-/.年]/,
  // Share buttons, page tools and a lone clock time of the page furniture.
  /^(?:(?:微信|微博|QQ空间|QQ好友|朋友圈|分享到?|翻译|搜索|复制|打印|收藏|关闭|纠错)\s*)+$/,
  /^\d{1,2}:\d{2}(?::\d{2})?$/,
  /^附件下载$/,
];
/** The strong patterns as one alternation: one scan of a line instead of one per pattern. */
const STRONG_JUNK_ANY = new RegExp(STRONG_JUNK.map((re) => `(?:${re.source})`).join('|'));
const WEAK_JUNK = /^[|｜\s]+$/;

/** Junk strength of a block's text: 2 strong, 1 weak, 0 not junk. */
export function junkLevel(line: string): 0 | 1 | 2 {
  if (WEAK_JUNK.test(line)) return 1;
  // A long line with sentence punctuation is prose even when it names 联系电话 etc.
  if (line.length > 80 && /[。；]/.test(line)) return 0;
  return STRONG_JUNK_ANY.test(line) ? 2 : 0;
}

/** True when a block is long prose, which anchors the body. */
export function isProse(line: string): boolean {
  return line.length >= 40 && /[。；，,]/.test(line);
}

/** The per-block facts `findBody` reads (see `BlockInfo`). */
interface JunkInfo {
  readonly block: { readonly kind: string; readonly start: number; readonly end: number; readonly inline?: true };
  readonly junk: 0 | 1 | 2;
  readonly prose: boolean;
}

/** Splits blocks into the report body and junk. Linear in the number of blocks. */
export function findBody(
  text: string,
  blocks: readonly JunkInfo[],
): { bodyRange: TextRange; junk: boolean[]; junkRanges: TextRange[] } {
  const n = blocks.length;
  const junk: boolean[] = new Array<boolean>(n);
  let firstProse = n;
  let lastProse = -1;
  for (let i = 0; i < n; i++) {
    const b = blocks[i] as JunkInfo;
    junk[i] = b.junk > 0;
    if (isContent(b.block.kind) && b.junk === 0 && b.prose) {
      if (firstProse === n) firstProse = i;
      lastProse = i;
    }
  }
  let startIdx = 0;
  for (let i = 0; i < firstProse && i < n; i++) if ((blocks[i] as JunkInfo).junk === 2) startIdx = i + 1;
  let endIdx = n - 1;
  for (let i = n - 1; i > lastProse && i >= 0; i--) if ((blocks[i] as JunkInfo).junk === 2) endIdx = i - 1;
  // Everything before the body's start or after its end is junk as well.
  for (let i = 0; i < n; i++) if (i < startIdx || i > endIdx) junk[i] = isContent(blocks[i]?.block.kind ?? 'comment');
  let bs = text.length;
  let be = text.length;
  for (let i = startIdx; i <= endIdx; i++) {
    if (!junk[i] && boundsBody((blocks[i] as JunkInfo).block)) {
      bs = (blocks[i] as JunkInfo).block.start;
      break;
    }
  }
  for (let i = endIdx; i >= startIdx; i--) {
    if (!junk[i] && boundsBody((blocks[i] as JunkInfo).block)) {
      be = (blocks[i] as JunkInfo).block.end;
      break;
    }
  }
  if (bs > be) {
    bs = 0;
    be = 0;
  }
  const junkRanges: TextRange[] = [];
  for (let i = 0; i < n; i++) {
    if (!junk[i]) continue;
    const b = (blocks[i] as JunkInfo).block;
    const last = junkRanges[junkRanges.length - 1];
    // Merge neighbouring junk blocks separated only by whitespace.
    if (last && onlySpace(text, last.end, b.start)) junkRanges[junkRanges.length - 1] = { start: last.start, end: b.end };
    else junkRanges.push({ start: b.start, end: b.end });
  }
  return { bodyRange: { start: bs, end: be }, junk, junkRanges };
}

/** Whether a block that is not junk may start or end the body: not code, nor a comment inside another block's text. */
function boundsBody(block: JunkInfo['block']): boolean {
  return block.kind !== 'code' && !(block.kind === 'comment' && block.inline === true);
}

/** Comments and code are beside the report, never part of its body nor junk. */
function isContent(kind: string): boolean {
  return kind !== 'comment' && kind !== 'code';
}

/** /^[\s|｜]*$/ over text[start, end) without slicing. */
function onlySpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // The bars of a metadata table count as space: its cells are read as separate blocks.
    if (!(c === 0x7c || c === 0xff5c || isRegExpSpace(c))) return false;
  }
  return true;
}
