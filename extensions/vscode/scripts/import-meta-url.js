// Injected into the CJS bundles: what `import.meta.url` means inside them.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
