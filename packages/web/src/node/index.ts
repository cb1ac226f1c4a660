/**
 * `@fzlint/web`: the reviewer's workbench. `buildSite` writes the static page
 * (the whole linter bundled for the browser, offline, opened from file://);
 * `serveWorkbench` serves it on 127.0.0.1 with reports preloaded
 * (`fzlint web --open`). The page itself is built by `scripts/bundle.mjs`.
 */
export { buildSite, SITE_DIR, SINGLE_FILE_DIR, type BuildSiteOptions } from './site.js';
export { serveWorkbench, browserCommand, type ServeOptions, type WorkbenchServer, type PreloadReport } from './server.js';
