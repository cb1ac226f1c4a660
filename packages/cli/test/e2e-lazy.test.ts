import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint } from './helpers.js';
import { reportDocx, reportPage } from './support/reports.js';

/*
 * The Word and HTML readers are heavy (mammoth, htmlparser2) and only loaded
 * when a .docx or .html file is met. A module-resolution hook registered with
 * --import records which of them a run resolves.
 */
let repo: { dir: string; cleanup: () => void };
let register: string;
beforeAll(() => {
  repo = copyRepo();
  const hooks = join(repo.dir, 'hooks');
  mkdirSync(hooks);
  writeFileSync(
    join(hooks, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (specifier === 'mammoth' || specifier === 'htmlparser2') appendFileSync(process.env.FZLINT_LOAD_LOG, specifier + '\\n');
  return next(specifier, context);
}
`,
  );
  writeFileSync(join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  register = pathToFileURL(join(hooks, 'register.mjs')).href;
  mkdirSync(join(repo.dir, 'word'));
  writeFileSync(join(repo.dir, 'word', '甲县.docx'), reportDocx());
  writeFileSync(join(repo.dir, 'word', '甲县.html'), reportPage());
});
afterAll(() => repo.cleanup());

function loaded(args: readonly string[], name: string): string[] {
  const log = join(repo.dir, 'hooks', `${name}.log`);
  writeFileSync(log, '');
  const run = fzlint(repo.dir, args, undefined, { NODE_OPTIONS: `--import=${register}`, FZLINT_LOAD_LOG: log });
  expect(run.stderr).not.toContain('internal error');
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter((l) => l !== ''))].sort();
}

describe('lazy loading of the Word and web readers', () => {
  it('a Markdown or text run loads neither mammoth nor the HTML parser', () => {
    expect(loaded([FILES.jia, FILES.yi], 'markdown')).toEqual([]);
    expect(loaded(['--version'], 'version')).toEqual([]);
  });

  it('a .html file loads the HTML parser only; a .docx loads mammoth too', () => {
    expect(loaded(['word/甲县.html'], 'html')).toEqual(['htmlparser2']);
    expect(loaded(['word/甲县.docx'], 'docx')).toEqual(['htmlparser2', 'mammoth']);
  });
});
