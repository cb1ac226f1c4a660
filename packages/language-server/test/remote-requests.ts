/** Lint requests as the request thread sends them to the lint thread, for the tests of both sides. */
import type { RemoteLintRequest } from '../src/service/remote-protocol.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

/** A lint of `text` as version `version` of `uri`, with the default settings and no options. */
export const lintRequest = (uri: string, version: number, text: string): RemoteLintRequest => ({
  kind: 'lint',
  uri,
  version,
  text,
  options: {},
  settings: DEFAULT_SETTINGS,
  key: '',
});
