// The source transform of scripts/bundle.mjs (tested in test/script-source.test.ts): esbuild's
// CommonJS output made ready to be compiled by `vm.Script` in src/compile-cache.ts.
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
 */
export function scriptSource(code) {
  let out = '';
  let at = 0;
  const replace = (start, end, text) => {
    out += code.slice(at, start) + text;
    at = end;
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
