/** esbuild's CommonJS output with `import(` → `__fzlint_import(` and its non-ASCII characters escaped (see script-source.mjs). */
export function scriptSource(code: string): string;
/** A regular expression's or untagged template's text (`escapes`: `\\uXXXX`) or a String.raw template chunk's (substitutions) with its non-ASCII characters written in ASCII. */
export function escapeNonAscii(text: string, escapes: boolean): string;
