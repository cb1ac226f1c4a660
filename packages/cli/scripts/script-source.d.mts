/** esbuild's CommonJS output with `import(` → `__fzlint_import(` and its non-ASCII characters escaped (see script-source.mjs). */
export function scriptSource(code: string, edits?: SourceEdit[]): string;
/** A replacement made by `scriptSource`: `code.slice(start, end)` became `length` units. */
export interface SourceEdit {
  start: number;
  end: number;
  length: number;
}
/** esbuild's source-map `mappings` for `code`, moved to the same positions in `out` (= `scriptSource(code, edits)`), written after `lead` units on its first line. */
export function shiftMappings(mappings: string, code: string, out: string, edits: readonly SourceEdit[], lead?: number): string;
/** A regular expression's or untagged template's text (`escapes`: `\\uXXXX`) or a String.raw template chunk's (substitutions) with its non-ASCII characters written in ASCII. */
export function escapeNonAscii(text: string, escapes: boolean): string;
