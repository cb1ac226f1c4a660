/** The version of `@fzlint/linter` (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0';

/** The project's home page. */
export const HOMEPAGE = 'https://github.com/fzlint/fzlint';
