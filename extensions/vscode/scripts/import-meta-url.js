// Injected into the CJS bundles: what `import.meta.url` means inside them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is injected into CommonJS bundles, where `require` is the way in
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
