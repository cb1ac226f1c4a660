// Build step, after tsc: bundles the workbench with esbuild into dist/site/ (index.html, app.js,
// app.css) and dist/site-single/index.html (the same inlined into one file).
//
// Works from file:// (the page is copied to offline PCs and opened by double-click), so:
// - classic scripts only (Chromium refuses module scripts from file://);
// - the Web Worker (linter, parser, rules, readers, pdf.js) is bundled into a string inside app.js
//   and started from a blob: URL (a worker script loaded from a file:// URL is refused too);
// - Adobe's CMaps for Chinese PDFs are inlined (base64), and nothing anywhere is fetched.
// The linter, parser, rules and readers are bundled from the workspace packages as they are; `node:`
// modules are stubbed (only paths the browser never takes use them).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const siteDir = join(root, 'dist', 'site');
const singleDir = join(root, 'dist', 'site-single');
const minify = process.env.FZLINT_WEB_MINIFY !== '0';

/** Chinese (GB) CMaps and the CID→Unicode map they lead to: what Chinese PDFs with non-embedded fonts need. */
function cmapModule() {
  const pdfjsDir = dirname(createRequire(require.resolve('@fzlint/pdf')).resolve('pdfjs-dist/package.json'));
  const dir = join(pdfjsDir, 'cmaps');
  const wanted = readdirSync(dir).filter((f) => /^(?:Adobe-GB1-UCS2|.*GB.*-H|UniGB-.*-H)\.bcmap$/.test(f) || /^(?:GB|GBK|GBT|GBpc|GBKp|GBTpc|GBK2K)-EUC-H\.bcmap$/.test(f));
  const entries = wanted.map((f) => [f.replace(/\.bcmap$/, ''), readFileSync(join(dir, f)).toString('base64')]);
  return `export default ${JSON.stringify(Object.fromEntries(entries))};`;
}

const NODE_STUB = `
const unavailable = () => { throw new Error('not available in the browser'); };
export const createRequire = () => unavailable;
export const readFile = unavailable;
export const dirname = unavailable;
export const join = unavailable;
export default {};
`;

/** Resolves virtual modules and stubs what a browser has no use for. */
const browserPlugin = (virtuals) => ({
  name: 'fzlint-browser',
  setup(b) {
    b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => ({ contents: virtuals[args.path](), loader: 'js' }));
    b.onResolve({ filter: /^node:|^(?:fs|path|url|module|crypto|zlib|stream|os)$/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, () => ({ contents: NODE_STUB, loader: 'js' }));
  },
});

const analyze = process.env.FZLINT_WEB_ANALYZE === '1';
const common = {
  absWorkingDir: root,
  metafile: analyze,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2020', 'chrome80', 'firefox78', 'safari14'],
  minify,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  // pdf.js's `import.meta.url` is read only on Node paths.
  logOverride: { 'empty-import-meta': 'silent' },
};

const worker = await build({
  ...common,
  entryPoints: [join(root, 'src/browser/worker.ts')],
  outfile: 'worker.js',
  // Packages with a DOM build for browsers (decode-named-character-reference) have a worker one too:
  // a Web Worker has no `document`.
  conditions: ['worker'],
  plugins: [browserPlugin({ 'virtual:cmaps': cmapModule })],
});
const workerSource = worker.outputFiles[0].text;
if (process.env.FZLINT_WEB_DEBUG) writeFileSync(join(root, 'dist', 'worker.debug.js'), workerSource);

const app = await build({
  ...common,
  entryPoints: [join(root, 'src/browser/app/main.ts')],
  outdir: 'out',
  plugins: [browserPlugin({ 'virtual:worker-source': () => `export default ${JSON.stringify(workerSource)};` })],
  loader: { '.css': 'css' },
});
const appJs = app.outputFiles.find((f) => f.path.endsWith('.js')).text;
const appCss = app.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';

const template = readFileSync(join(root, 'src/browser/app/index.html'), 'utf8');

rmSync(siteDir, { recursive: true, force: true });
rmSync(singleDir, { recursive: true, force: true });
mkdirSync(siteDir, { recursive: true });
mkdirSync(singleDir, { recursive: true });

writeFileSync(join(siteDir, 'app.js'), appJs);
writeFileSync(join(siteDir, 'app.css'), appCss);
writeFileSync(
  join(siteDir, 'index.html'),
  template.replace('<!--styles-->', '<link rel="stylesheet" href="app.css">').replace('<!--scripts-->', '<script src="app.js"></script>'),
);

/**
 * Code made safe inside an inline <script>: `</script` and `<!--` would end or
 * change the script element; `\x3C` means `<` in strings, templates and regular
 * expressions alike, and neither sequence occurs outside those in bundled code.
 */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}
writeFileSync(
  join(singleDir, 'index.html'),
  template
    .replace('<!--styles-->', () => `<style>${appCss.replace(/<\/(style)/gi, '<\\/$1')}</style>`)
    .replace('<!--scripts-->', () => `<script>${inlineSafe(appJs)}</script>`),
);

const kb = (n) => `${Math.round(n / 1024)} KB`;
if (analyze) {
  // FZLINT_WEB_ANALYZE=1: the bundled bytes by package, for the worker and the page.
  for (const [name, result] of [['worker', worker], ['page', app]]) {
    const byPackage = new Map();
    for (const [file, info] of Object.entries(result.metafile.outputs).flatMap(([, o]) => Object.entries(o.inputs))) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : file.startsWith('virtual:') ? file : file.replace(/^(\.\.\/)+/, '').split('/').slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
    console.log(name, [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${kb(v)}`).join(', '));
  }
}
console.log(`web: dist/site (app.js ${kb(appJs.length)}, worker inside ${kb(workerSource.length)}), dist/site-single/index.html`);
