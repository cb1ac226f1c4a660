// The source transform of scripts/bundle.mjs (tested in test/script-source.test.ts): esbuild's
// CommonJS output made ready to be compiled by `vm.Script` in src/compile-cache.ts.
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { tokenizer } from 'acorn';

/** `\uXXXX` for each UTF-16 unit of a string. */
const unicodeEscapes = (text) => Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join('');

/** A string literal of `text` in ASCII. */
const asciiString = (text) => `"${[...text].map((c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : c.charCodeAt(0) < 0x80 ? c : unicodeEscapes(c))).join('')}"`;

/**
 * A regular expression's or a template's text with every non-ASCII character written as
 * something of the same meaning: with `escapes`, `\uXXXX` (a regular expression — a surrogate
 * pair of escapes is one code point under /u and /v, two units without, as the character was —
 * or an untagged template); without, a substitution `${"\uXXXX"}` (a String.raw template: its
 * value is the same text). An escaped non-ASCII character (`\年`) keeps its meaning: the
 * character itself with `escapes`, backslash and character in String.raw.
 */
export function escapeNonAscii(text, escapes) {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) {
      const next = chars[++i];
      if (next.charCodeAt(0) < 0x80) out += c + next;
      else out += escapes ? unicodeEscapes(next) : `\${${asciiString(c + next)}}`;
    } else if (c.charCodeAt(0) < 0x80) out += c;
    else out += escapes ? unicodeEscapes(c) : `\${${asciiString(c)}}`;
  }
  return out;
}

/**
 * esbuild's output made ready for `vm.Script`, from its tokens (not a regex over the text:
 * strings and comments stay):
 * - every dynamic `import(` → `__fzlint_import(`;
 * - non-ASCII characters in regular expression literals and String.raw templates (the only
 *   places esbuild leaves them; it escapes strings and plain templates) → escapes, so the
 *   bundle is ASCII and the loader reads it as latin1: a one-byte string, without UTF-8
 *   decoding (≈ 5 ms of a start).
 * - non-ASCII characters in comments → `\uXXXX` text.
 * A template with another tag is left as it is (then the bundle is read as UTF-8).
 *
 * With `edits`, each replacement is pushed there as `{ start, end, length }` (offsets in
 * `code`, in order), so that `shiftMappings` can keep esbuild's source map right.
 */
export function scriptSource(code, edits) {
  let out = '';
  let at = 0;
  const replace = (start, end, text) => {
    out += code.slice(at, start) + text;
    at = end;
    edits?.push({ start, end, length: text.length });
  };
  /** Open templates and braces; a template entry says whether it is String.raw's. */
  const stack = [];
  const recent = [];
  // Comments (esbuild keeps some inside expressions): their non-ASCII characters as `\uXXXX` text.
  const comments = [];
  const onComment = (block, text, start, end) => {
    if (/[^\x00-\x7f]/.test(text)) comments.push({ start, end, text: code.slice(start, end).replace(/[^\x00-\x7f]+/g, unicodeEscapes) });
  };
  const tokens = [...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, onComment })];
  let nextComment = 0;
  for (const token of tokens) {
    while (nextComment < comments.length && comments[nextComment].start < token.start) {
      const comment = comments[nextComment++];
      replace(comment.start, comment.end, comment.text);
    }
    const label = token.type.label;
    // `import(` as a call, not a property named import (`x.import(`, which acorn also reads as the keyword).
    if (label === 'import' && code[token.end] === '(' && recent[recent.length - 1]?.type.label !== '.' && recent[recent.length - 1]?.type.label !== '?.') replace(token.start, token.end, '__fzlint_import');
    else if (label === 'regexp') {
      const text = code.slice(token.start, token.end);
      if (/[^\x00-\x7f]/.test(text)) replace(token.start, token.end, escapeNonAscii(text, true));
    } else if (label === '`') {
      if (stack.length > 0 && typeof stack[stack.length - 1] === 'object') stack.pop();
      else {
        const [a, b, c] = [recent[recent.length - 3], recent[recent.length - 2], recent[recent.length - 1]];
        // Tagged when it follows what ends an expression (a name, a call, a member, another template).
        const tagged = c !== undefined && ['name', ')', ']', '`'].includes(c.type.label);
        stack.push({ tag: !tagged ? 'none' : a?.value === 'String' && b?.type.label === '.' && c.value === 'raw' ? 'raw' : 'other' });
      }
    } else if (label === '${' || label === '{') stack.push('brace');
    else if (label === '}') stack.pop();
    else if (label === 'template') {
      const text = code.slice(token.start, token.end);
      const top = stack[stack.length - 1];
      // Untagged: `\uXXXX` gives the same value (esbuild writes them so already); String.raw: substitutions.
      if (/[^\x00-\x7f]/.test(text) && typeof top === 'object' && top.tag !== 'other') replace(token.start, token.end, escapeNonAscii(text, top.tag === 'none'));
    }
    recent.push(token);
    if (recent.length > 3) recent.shift();
  }
  for (const comment of comments.slice(nextComment)) replace(comment.start, comment.end, comment.text);
  return out + code.slice(at);
}

/**
 * esbuild's `mappings` for `code`, moved to where `scriptSource` put each position in `out`
 * (its output for `code`, with the `edits` it pushed), with `lead` units written before `out`
 * on the first line. An escape is longer than its character, so without this every column
 * after one drifts (a profile or a stack trace then names the wrong function). A replacement
 * keeps its line breaks, so a position stays on its line; one inside a replaced token goes to
 * the token's start (on the token's first line if the token spans lines: column 0).
 */
export function shiftMappings(mappings, code, out, edits, lead = 0) {
  const lines = decode(mappings);
  let edit = 0;
  let delta = 0;
  let lineStart = 0;
  let outLineStart = 0;
  for (let line = 0; line < lines.length; line++) {
    if (line > 0) {
      const next = code.indexOf('\n', lineStart);
      const outNext = out.indexOf('\n', outLineStart);
      if (next < 0 || outNext < 0) {
        lines.length = line;
        break;
      }
      lineStart = next + 1;
      outLineStart = outNext + 1;
    }
    for (const segment of lines[line]) {
      const offset = lineStart + segment[0];
      // Edits wholly before this position add their growth; one around it maps to its start.
      while (edit < edits.length && edits[edit].end <= offset) {
        delta += edits[edit].length - (edits[edit].end - edits[edit].start);
        edit++;
      }
      const at = (edit < edits.length && edits[edit].start < offset ? edits[edit].start : offset) + delta;
      segment[0] = Math.max(0, at - outLineStart) + (line === 0 ? lead : 0);
    }
  }
  return encode(lines);
}
