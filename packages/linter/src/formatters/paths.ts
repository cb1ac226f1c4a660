/** Forward slashes, as SARIF, GitHub and the suppressions file want. */
export function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * `filePath` relative to `cwd` with forward slashes when it lies inside `cwd`,
 * otherwise as given. No `node:path`: the formatters run outside Node too.
 */
export function relativeTo(cwd: string | undefined, filePath: string): string {
  const file = toPosix(filePath);
  if (!cwd) return file;
  let base = toPosix(cwd);
  if (!base.endsWith('/')) base += '/';
  const caseless = /^[A-Za-z]:\//.test(base); // Windows drive paths compare without case.
  const inside = caseless ? file.toLowerCase().startsWith(base.toLowerCase()) : file.startsWith(base);
  return inside ? file.slice(base.length) : file;
}

/** Whether a path is absolute (POSIX, Windows drive or UNC). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Related places in another file (last year's report), each as `file:line:col` (relative to `cwd`) and what it is. */
export function placesElsewhere(
  related: readonly { readonly filePath?: string; readonly start?: { readonly line: number; readonly column: number }; readonly message: string }[] | undefined,
  cwd: string | undefined,
): { readonly where: string; readonly message: string }[] {
  const out: { where: string; message: string }[] = [];
  for (const r of related ?? []) {
    if (r.filePath === undefined || r.start === undefined) continue;
    out.push({ where: `${relativeTo(cwd, r.filePath)}:${r.start.line}:${r.start.column}`, message: r.message });
  }
  return out;
}

/** Related places in another file as lines of text: `↳ file:line:col  what it is`. */
export function elsewhereLines(related: Parameters<typeof placesElsewhere>[0], cwd: string | undefined): string[] {
  return placesElsewhere(related, cwd).map((p) => `↳ ${p.where}  ${p.message}`);
}
