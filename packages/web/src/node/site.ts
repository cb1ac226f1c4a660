import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the build put the bundled page (dist/site and dist/site-single, next to this module's dist/). */
const DIST = join(dirname(fileURLToPath(import.meta.url)));

/** The folder of the multi-file site (index.html, app.js, app.css). */
export const SITE_DIR = join(DIST, 'site');
/** The folder of the one-file site (index.html with everything inlined). */
export const SINGLE_FILE_DIR = join(DIST, 'site-single');

/** Options of `buildSite`. */
export interface BuildSiteOptions {
  /** One self-contained `index.html` instead of `index.html` + `app.js` + `app.css`. */
  readonly singleFile?: boolean;
}

/**
 * Writes the workbench into `outDir`: a static page that runs the whole linter
 * in the browser, offline, opened from `file://`. Returns the files written
 * (absolute paths). The page is bundled at build time; this only copies it.
 */
export async function buildSite(outDir: string, options: BuildSiteOptions = {}): Promise<string[]> {
  const from = options.singleFile ? SINGLE_FILE_DIR : SITE_DIR;
  let names: string[];
  try {
    names = await readdir(from);
  } catch {
    throw new Error(`the workbench is not built (${from} is missing): run \`pnpm build\``);
  }
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of names) {
    const to = join(outDir, name);
    await copyFile(join(from, name), to);
    written.push(to);
  }
  return written;
}
