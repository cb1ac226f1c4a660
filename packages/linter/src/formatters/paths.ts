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
