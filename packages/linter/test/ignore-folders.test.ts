/**
 * IgnoreFiles remembers the verdict on each folder it judged, so the files of a
 * folder cost one judgement each. Asked in any order, a long-lived instance must
 * give every path the verdict a fresh instance gives it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IgnoreFiles } from '../src/project/ignore.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const segment = fc.constantFrom('a', 'b', 'drafts', 'node_modules', '2023', '草稿');
const relPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const pattern = fc.oneof(
  segment,
  segment.map((s) => `${s}/`),
  segment.map((s) => `!${s}`),
  relPath.map((p) => `/${p}`),
  relPath.map((p) => `${p}/*.md`),
  fc.constantFrom('*.md', '!keep.md', 'a/**', '**/b', '#comment', ''),
);
const ignoreFile = fc.record({ dir: fc.option(relPath, { nil: undefined }), lines: fc.array(pattern, { maxLength: 5 }) });

describe('IgnoreFiles folder verdicts', () => {
  it('a long-lived instance asked in any order agrees with a fresh instance on every path (property)', () => {
    fc.assert(
      fc.property(
        fc.array(ignoreFile, { maxLength: 4 }),
        fc.array(fc.tuple(relPath, fc.constantFrom('keep.md', 'r.md', 'x.txt'), fc.boolean()), { minLength: 1, maxLength: 25 }),
        (files, queries) => {
          const root = mkdtempSync(join(tmpdir(), 'fzlint-ignore-folders-'));
          roots.push(root);
          mkdirSync(join(root, '.git'));
          for (const f of files) {
            const dir = f.dir ? join(root, f.dir) : root;
            mkdirSync(dir, { recursive: true });
            writeFileSync(join(dir, '.fzlintignore'), f.lines.join('\n'));
          }
          const shared = new IgnoreFiles({ cwd: root });
          for (const [dir, name, asFolder] of queries) {
            const path = asFolder ? join(root, dir) : join(root, dir, name);
            const fresh = new IgnoreFiles({ cwd: root }).verdict(path, asFolder);
            expect(shared.verdict(path, asFolder), path).toEqual(fresh);
          }
          rmSync(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 200 },
    );
  });
});
