/**
 * `node:path`'s `resolve`, `relative` and `join` for the paths a run passes around most:
 * absolute and already normalised (what a walk of the file system produces). Those need
 * no normalising, which is most of what the `node:path` functions cost (a warm `--cache`
 * run over 1,000 reports called them ~10,000 times: ~10 ms). Any other path, and every
 * path on Windows, goes to `node:path` as before: the results are the same.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';

const SLASH = 47;

/** A `/` that starts an empty, `.` or `..` segment, or ends the path. */
const NOT_NORMAL = /\/\.{0,2}(?:\/|$)/;
/** The last path found normal (the working folder, asked about again and again); never '' (not absolute). */
let lastNormal = '/';

/** Whether `path` is absolute and normalised (POSIX): no `.`/`..` segment, no `//`, no trailing `/`. */
export function isNormalAbsolute(path: string): boolean {
  if (path === lastNormal) return true;
  if (sep !== '/' || path.charCodeAt(0) !== SLASH) return false;
  if (path.length > 1 && NOT_NORMAL.test(path)) return false;
  lastNormal = path;
  return true;
}

/** `resolve(base, path)`. */
export function resolveFrom(base: string, path: string): string {
  return isNormalAbsolute(path) ? path : resolve(base, path);
}

/** `relative(from, to)`. */
export function relativeFrom(from: string, to: string): string {
  if (to.startsWith(from) && isNormalAbsolute(from) && isNormalAbsolute(to)) {
    if (to.length === from.length) return '';
    if (from.length === 1) return to.slice(1);
    if (to.charCodeAt(from.length) === SLASH) return to.slice(from.length + 1);
  }
  return relative(from, to);
}

/** `dirname(path)`. */
export function dirnameOf(path: string): string {
  if (!isNormalAbsolute(path)) return dirname(path);
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** `join(dir, name)` for a name read from a folder (never empty, `.`, `..`, or holding a separator). */
export function joinName(dir: string, name: string): string {
  if (isNormalAbsolute(dir) && name !== '' && name !== '.' && name !== '..' && !name.includes('/')) return dir.length === 1 ? `/${name}` : `${dir}/${name}`;
  return join(dir, name);
}
