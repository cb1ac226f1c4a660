// The project lints itself: ESLint 9 flat config with typescript-eslint's recommended
// rules (syntax-only, no type information, so `pnpm lint` stays fast), run by every
// package's `lint` script and by `packages/api-test/test/repo-lint.test.ts` (so
// `pnpm test` and CI check it). Import cycles between source files are checked by
// `packages/api-test/test/import-cycles.test.ts`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/coverage/**',
      'bench-results/**',
      'fixtures/**',
      // Generated or copied third-party code, and test data that is deliberately odd.
      'packages/*/test/fixtures/**',
      'scripts/e2e/code-server/**',
      'extensions/vscode/.vscode-test/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node 20 and the web platform globals the code uses (no `globals` package needed).
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      // `_name` marks what is destructured away or a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `import type` keeps type-only imports out of the emitted JavaScript (verbatimModuleSyntax).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Domain regexes match full-width and CJK punctuation on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true }],
      'no-misleading-character-class': 'off',
      // TypeScript checks these (strict, noFallthroughCasesInSwitch, exactOptionalPropertyTypes).
      'no-undef': 'off',
      'no-redeclare': 'off',
      // Tests and bench scripts read text with control characters deliberately.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
