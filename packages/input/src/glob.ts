/**
 * Glob patterns as written by users (arguments, `.fzlintignore` lines, `ignorePatterns`, the
 * editor's include globs) made safe for picomatch, which tinyglobby uses too.
 *
 * picomatch 4.0.3–4.0.7 never returns when a pattern ends with four or more backslashes: its
 * escape reader skips the run of backslashes after the first one and then reads past the pattern's
 * end, where its end-of-input test (an equality) never holds again. One `.fzlintignore` line such
 * as `a\\\\` hung the whole run. Each escaped backslash (`\\`, one literal backslash in glob and
 * gitignore syntax) of such a trailing run is written as the class `[\\]` instead, which matches the
 * same one backslash; an odd backslash left at the end stays a literal backslash, as before.
 * Linear in the pattern.
 */
export function safeGlobPattern(pattern: string): string {
  let start = pattern.length;
  while (start > 0 && pattern.charCodeAt(start - 1) === 0x5c) start--;
  const run = pattern.length - start;
  if (run < 4) return pattern;
  return pattern.slice(0, start) + '[\\\\]'.repeat(run >> 1) + (run & 1 ? '\\' : '');
}
