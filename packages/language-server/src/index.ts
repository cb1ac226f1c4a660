/**
 * @fzlint/language-server: the fzlint LSP server and its editor-independent language features.
 * Start it with `fzlint-language-server --stdio` (or `--node-ipc`), or call {@link startServer}.
 */
export { startServer, SERVER_INFO, type StartServerOptions } from './server.js';
export { loadEngine, EXTRA_RULES_ENV, rulesOfModule } from './engine.js';
export { DEFAULT_SETTINGS, SETTINGS_TYPES, normalizeSettings, type FzlintSettings, type ClientRuleSetting } from './settings.js';
export { LineMap, toLspDiagnostic, toLspSeverity, toTextEdit } from './convert.js';
export * from './service/index.js';
