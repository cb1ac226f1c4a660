/** Entry of the bundled server (`dist/server.js`): the fzlint language server over node IPC or stdio. */
import { startServer } from '@fzlint/language-server';

startServer();
