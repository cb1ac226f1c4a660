// Test oracle: the original remark (unified + remark-parse + mdast) block reader. src/markdown.ts
// reads micromark events directly and must give the same blocks; see markdown-oracle.test.ts.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Block, FrontMatter } from '../../src/blocks.js';
import { trimRange } from '../../src/text.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

interface Positioned {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  value?: string;
  depth?: number;
  children?: Positioned[];
}

function offsets(node: Positioned): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const YAML_FIELD = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/gm;

/** Reads Markdown with remark: headings, paragraphs (list items keep their marker), HTML comments, fenced code, YAML front matter. */
export function mdastBlocks(text: string): { blocks: Block[]; frontMatter?: FrontMatter } {
  const tree = processor.parse(text) as unknown as Positioned;
  const blocks: Block[] = [];
  let frontMatter: FrontMatter | undefined;

  /** Every comment in [s, e); `inline` ones sit inside another block's text (an HTML block). */
  const commentsIn = (s: number, e: number, inline: boolean): void => {
    const raw = text.slice(s, e);
    COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT.exec(raw))) {
      const comment: Block = { kind: 'comment', start: s + m.index, end: s + m.index + m[0].length, value: (m[1] ?? '').trim() };
      blocks.push(inline ? { ...comment, inline: true } : comment);
    }
  };
  const pushComments = (s: number, e: number): boolean => {
    if (!text.slice(s, e).trimStart().startsWith('<!--')) return false;
    commentsIn(s, e, false);
    return true;
  };

  const inlineComments = (node: Positioned): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'html') {
        const r = offsets(child);
        if (r) pushComments(r[0], r[1]);
      } else if (child.children) inlineComments(child);
    }
  };

  const visit = (node: Positioned, markerStart?: number): void => {
    const r = offsets(node);
    switch (node.type) {
      case 'yaml': {
        if (!r) return;
        const fields = new Map<string, { value: string; start: number; end: number }>();
        const raw = text.slice(r[0], r[1]);
        YAML_FIELD.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = YAML_FIELD.exec(raw))) {
          const key = m[1] ?? '';
          let value = m[2] ?? '';
          const vOff = m.index + m[0].indexOf(value, key.length + 1);
          value = value.replace(/^(['"])(.*)\1$/, '$2');
          fields.set(key, { value, start: r[0] + vOff, end: r[0] + vOff + (m[2] ?? '').length });
        }
        frontMatter = { start: r[0], end: r[1], fields };
        return;
      }
      case 'heading': {
        if (!r) return;
        const kids = node.children ?? [];
        const first = kids[0] ? offsets(kids[0]) : undefined;
        const last = kids.length > 0 ? offsets(kids[kids.length - 1] as Positioned) : undefined;
        const [s, e] = trimRange(text, r[0], r[1]);
        const cs = first ? first[0] : e;
        const ce = last ? last[1] : e;
        blocks.push({ kind: 'heading', start: s, end: e, depth: node.depth ?? 1, contentStart: cs, contentEnd: ce });
        inlineComments(node);
        return;
      }
      case 'paragraph': {
        if (!r) return;
        const [s, e] = trimRange(text, markerStart ?? r[0], r[1]);
        if (e > s) blocks.push({ kind: 'paragraph', start: s, end: e });
        inlineComments(node);
        return;
      }
      case 'html': {
        if (!r) return;
        if (!pushComments(r[0], r[1])) {
          const [s, e] = trimRange(text, r[0], r[1]);
          if (e > s) blocks.push({ kind: 'paragraph', start: s, end: e });
          commentsIn(r[0], r[1], true);
        }
        return;
      }
      case 'code': {
        // Fenced code is a block (directives inside it are examples); indented code is skipped.
        // mdast marks neither kind. A fenced block's opening fence line is not part of its value, so
        // it has more lines than its value (both without trailing blank lines); indented code has as
        // many (a tab-indented "```" is indented code).
        if (!r) return;
        const [s, e] = trimRange(text, r[0], r[1]);
        const raw = text.slice(s, e);
        const lineCount = (x: string): number => (x === '' ? 0 : x.split(/\r\n|\r|\n/u).length);
        const fenced = /^(?:```|~~~)/u.test(raw) && lineCount(raw) > lineCount((node.value ?? '').trimEnd());
        if (e > s && fenced) blocks.push({ kind: 'code', start: s, end: e });
        return;
      }
      case 'thematicBreak':
      case 'definition':
        return;
      case 'table': {
        for (const row of node.children ?? []) {
          const rr = offsets(row);
          if (rr) {
            const [s, e] = trimRange(text, rr[0], rr[1]);
            if (e > s) blocks.push({ kind: 'paragraph', start: s, end: e });
          }
        }
        return;
      }
      case 'listItem': {
        let first = true;
        for (const child of node.children ?? []) {
          visit(child, first && child.type === 'paragraph' && r ? r[0] : undefined);
          first = false;
        }
        return;
      }
      default:
        for (const child of node.children ?? []) visit(child);
    }
  };
  visit(tree);
  blocks.sort((a, b) => a.start - b.start);
  return frontMatter ? { blocks, frontMatter } : { blocks };
}
