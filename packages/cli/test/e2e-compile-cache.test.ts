/**
 * The V8 code cache of the bundles (src/compile-cache.ts): written by the first
 * run to `$XDG_CACHE_HOME/fzlint/v8/`, used by the next, a broken or foreign file
 * ignored and replaced, off with FZLINT_NO_COMPILE_CACHE=1 — and the output the
 * same every time. Each test has its own cache folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint, type Run } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
let homes: string;
beforeAll(() => {
  repo = copyRepo();
  homes = mkdtempSync(join(tmpdir(), 'fzlint-compile-cache-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(homes, { recursive: true, force: true });
});

let count = 0;
/** A fresh XDG_CACHE_HOME. */
function freshHome(): string {
  const home = join(homes, String(count++));
  mkdirSync(home);
  return home;
}

const cacheDir = (home: string) => join(home, 'fzlint', 'v8');
/** The cache files of one bundle (`cli` or `worker`). */
const files = (home: string, name: string): string[] => {
  try {
    return readdirSync(cacheDir(home)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.bin'));
  } catch {
    return [];
  }
};

function run(home: string, args: readonly string[] = [FILES.jia, FILES.yi], env: NodeJS.ProcessEnv = {}): Run {
  return fzlint(repo.dir, args, undefined, { XDG_CACHE_HOME: home, FZLINT_NO_COMPILE_CACHE: undefined, ...env });
}

function same(a: Run, b: Run): void {
  expect(a.code).toBe(b.code);
  expect(a.stdout).toBe(b.stdout);
  expect(a.stderr).toBe(b.stderr);
}

describe('the code cache of the CLI bundle', () => {
  it('is written by the first run and used by the second, with the same output', () => {
    const home = freshHome();
    const first = run(home);
    expect(first.stdout).toContain('甲县');
    const [file] = files(home, 'cli');
    expect(file).toMatch(/^cli-[0-9a-f]{24}-v\d+\.\d+\.\d+-[^-]+-[0-9a-f]+\.bin$/);
    const path = join(cacheDir(home), file!);
    const written = statSync(path);
    expect(readFileSync(path).toString('latin1', 0, 4)).toBe('FZV8');

    const second = run(home);
    same(second, first);
    // Used, not rejected: a rejected cache is replaced (a new file renamed over it).
    const after = statSync(path);
    expect(after.ino).toBe(written.ino);
    expect(after.mtimeMs).toBe(written.mtimeMs);
    expect(files(home, 'cli')).toEqual([file]);
  });

  it('has a lint part of its own, which a warm --cache run with nothing changed never loads', () => {
    const home = freshHome();
    const location = join(home, 'results.json');
    const args = [FILES.jia, FILES.yi, '--cache', '--cache-location', location];
    const cold = run(home, args);
    expect(cold.stdout).toContain('甲县');
    // The first run linted: both parts compiled, both written.
    expect(files(home, 'cli')).toHaveLength(1);
    const [part] = files(home, 'lint');
    expect(part).toMatch(/^lint-[0-9a-f]{24}-v\d+\.\d+\.\d+-[^-]+-[0-9a-f]+\.bin$/);
    // Without the lint part's cache, a warm run would write it again if it loaded the part.
    rmSync(join(cacheDir(home), part!));
    same(run(home, args), cold);
    expect(files(home, 'lint')).toEqual([]);
    // A run that lints (no cache) loads it, and writes its cache again.
    same(run(home), run(home, [FILES.jia, FILES.yi]));
    expect(files(home, 'lint')).toHaveLength(1);
  });

  it('ignores and replaces a corrupt or foreign cache file', () => {
    const home = freshHome();
    const reference = run(home);
    const [file] = files(home, 'cli');
    const path = join(cacheDir(home), file!);
    const good = readFileSync(path);
    const header = Buffer.from(good.subarray(0, 12));
    const broken: Buffer[] = [
      Buffer.from('not a cache at all'),
      Buffer.alloc(0),
      // Truncated: our header's length no longer matches.
      good.subarray(0, good.length >> 1),
      // Our header, V8's data replaced by noise of the same length.
      Buffer.concat([header, Buffer.alloc(good.length - 12, 0xa5)]),
    ];
    for (const bytes of broken) {
      writeFileSync(path, bytes);
      same(run(home), reference);
      const replaced = readFileSync(path);
      expect(replaced.toString('latin1', 0, 4)).toBe('FZV8');
      expect(replaced.length).toBeGreaterThan(1000);
      same(run(home), reference);
    }
  });

  it('is neither read nor written with FZLINT_NO_COMPILE_CACHE=1', () => {
    const home = freshHome();
    const off = run(home, undefined, { FZLINT_NO_COMPILE_CACHE: '1' });
    expect(readdirSync(home)).toEqual([]);
    same(run(home), off);
    expect(files(home, 'cli')).toHaveLength(1);
  });

  it('a cache written by --version is replaced by the next real run', () => {
    const home = freshHome();
    const version = run(home, ['--version']);
    expect(version.code).toBe(0);
    const [file] = files(home, 'cli');
    const path = join(cacheDir(home), file!);
    const light = statSync(path);
    expect(readFileSync(path)[4]).toBe(1);
    run(home);
    const full = statSync(path);
    expect(full.ino).not.toBe(light.ino);
    expect(full.size).toBeGreaterThan(light.size);
    // Not light any more; written by a lint (the lint part loaded).
    expect(readFileSync(path)[4]).toBe(2);
  });

  it('a lint, then a warm --cache run: written again once, holding both kinds of run, then left alone', () => {
    const home = freshHome();
    const args = [FILES.jia, FILES.yi, '--cache', '--cache-location', join(home, 'results.json')];
    const cold = run(home, args);
    const [file] = files(home, 'cli');
    const path = join(cacheDir(home), file!);
    const afterLint = statSync(path);
    expect(readFileSync(path)[4]).toBe(2);
    // Nothing changed: the front alone runs, and compiles what prints cached results.
    const warm = run(home, args);
    same(warm, cold);
    const afterWarm = statSync(path);
    expect(afterWarm.ino).not.toBe(afterLint.ino);
    expect(readFileSync(path)[4]).toBe(2 | 4);
    expect(afterWarm.size).toBeGreaterThan(afterLint.size);
    same(run(home, args), cold);
    same(run(home), run(home, [FILES.jia, FILES.yi]));
    expect(statSync(path).ino).toBe(afterWarm.ino);
  });

  it('a lint of one file has cache files of its own, which a folder run written first does not shape', () => {
    const home = freshHome();
    const folder = run(home, [FILES.jia, FILES.yi, '--format', 'json']);
    const [cli] = files(home, 'cli');
    const [part] = files(home, 'lint');
    const folderFiles = [cli!, part!].map((f) => statSync(join(cacheDir(home), f)));
    const reference = run(home, [FILES.jia, '--format', 'json'], { FZLINT_NO_COMPILE_CACHE: '1' });
    // The first one-file run compiles (the folder run's files are not read) and writes its own.
    const first = run(home, [FILES.jia, '--format', 'json']);
    same(first, reference);
    expect(files(home, 'cli').sort()).toEqual([cli, cli!.replace(/\.bin$/, '.one.bin')].sort());
    expect(files(home, 'lint').sort()).toEqual([part, part!.replace(/\.bin$/, '.one.bin')].sort());
    const oneFiles = [cli!, part!].map((f) => statSync(join(cacheDir(home), f.replace(/\.bin$/, '.one.bin'))));
    // The next one-file run uses them, another folder run its own: nothing is written again.
    same(run(home, ['--format', 'json', FILES.jia]), reference);
    same(run(home, [FILES.jia, FILES.yi, '--format', 'json']), folder);
    for (const [before, f] of [...folderFiles.map((s, i) => [s, [cli!, part!][i]!] as const), ...oneFiles.map((s, i) => [s, [cli!, part!][i]!.replace(/\.bin$/, '.one.bin')] as const)]) {
      expect(statSync(join(cacheDir(home), f)).ino, f).toBe(before.ino);
    }
    // A broken one-file cache is ignored and replaced, like any other.
    const oneCli = join(cacheDir(home), cli!.replace(/\.bin$/, '.one.bin'));
    writeFileSync(oneCli, readFileSync(oneCli).subarray(0, 1000));
    same(run(home, [FILES.jia, '--format', 'json']), reference);
    expect(readFileSync(oneCli).toString('latin1', 0, 4)).toBe('FZV8');
    expect(statSync(oneCli).size).toBeGreaterThan(oneFiles[0]!.size / 2);
  });

  it('a lint that lints nothing (an empty file) writes its caches light: the next lint of one file writes them again', () => {
    const home = freshHome();
    // JSON output: its formatter is in the lint part, which the run then loads.
    expect(run(home, [FILES.empty, '--format', 'json']).code).toBe(0);
    const names = [...files(home, 'cli'), ...files(home, 'lint')];
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/\.one\.bin$/);
    const paths = names.map((name) => join(cacheDir(home), name));
    // Light: the run compiled little of the lint, so the next lint's must not be kept from the file.
    for (const path of paths) expect(readFileSync(path)[4]).toBe(1);
    const light = paths.map((path) => statSync(path));
    const reference = run(home, [FILES.jia, '--format', 'json'], { FZLINT_NO_COMPILE_CACHE: '1' });
    same(run(home, [FILES.jia, '--format', 'json']), reference);
    // Written again by the first run that linted: the CLI's as a lint's (the lint part loaded), the part's as any real run's.
    expect(paths.map((path) => readFileSync(path)[4])).toEqual([2, 4]);
    paths.forEach((path, i) => {
      expect(statSync(path).ino).not.toBe(light[i]!.ino);
      expect(statSync(path).size).toBeGreaterThan(light[i]!.size);
    });
    // Then left alone, by a run that lints nothing too.
    const full = paths.map((path) => statSync(path));
    expect(run(home, [FILES.empty, '--format', 'json']).code).toBe(0);
    same(run(home, [FILES.jia, '--format', 'json']), reference);
    paths.forEach((path, i) => expect(statSync(path).ino).toBe(full[i]!.ino));
  });

  it('keeps the newest files of a bundle when it writes one, and removes stale temporary files', () => {
    const home = freshHome();
    const dir = cacheDir(home);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const day = 24 * 60 * 60;
    const old = (name: string, daysAgo: number) => {
      writeFileSync(join(dir, name), 'old build');
      const t = Date.now() / 1000 - daysAgo * day;
      utimesSync(join(dir, name), t, t);
    };
    for (let i = 1; i <= 10; i++) old(`cli-${String(i).padStart(16, '0')}-v0.0.0-x64-0.bin`, i);
    // Other builds' one-file files: kept per kind, so neither pushes the other out.
    for (let i = 1; i <= 3; i++) old(`cli-${String(i).padStart(16, '0')}-v0.0.0-x64-0.one.bin`, i);
    old('worker-0000000000000001-v0.0.0-x64-0.bin', 30);
    old('cli-x.bin.123-abc.tmp', 1);
    writeFileSync(join(dir, 'cli-y.bin.456-def.tmp'), 'being written');
    run(home);
    const cli = files(home, 'cli').filter((f) => !f.endsWith('.one.bin'));
    expect(cli).toHaveLength(8);
    expect(files(home, 'cli').filter((f) => f.endsWith('.one.bin'))).toHaveLength(3);
    // The new file and the seven newest old ones.
    for (let i = 1; i <= 7; i++) expect(cli).toContain(`cli-${String(i).padStart(16, '0')}-v0.0.0-x64-0.bin`);
    expect(files(home, 'worker')).toEqual(['worker-0000000000000001-v0.0.0-x64-0.bin']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual(['cli-y.bin.456-def.tmp']);
    // A one-file run prunes the one-file files alone.
    for (let i = 1; i <= 10; i++) old(`cli-${String(i).padStart(16, '0')}-v0.0.0-x64-0.one.bin`, i);
    run(home, [FILES.jia]);
    const one = files(home, 'cli').filter((f) => f.endsWith('.one.bin'));
    expect(one).toHaveLength(8);
    for (let i = 1; i <= 7; i++) expect(one).toContain(`cli-${String(i).padStart(16, '0')}-v0.0.0-x64-0.one.bin`);
    expect(files(home, 'cli').filter((f) => !f.endsWith('.one.bin')).sort()).toEqual([...cli].sort());
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === undefined)('is not used in a folder others can write to', () => {
    const home = freshHome();
    mkdirSync(cacheDir(home), { recursive: true });
    chmodSync(cacheDir(home), 0o777);
    const reference = run(home);
    expect(reference.code).not.toBeNull();
    expect(readdirSync(cacheDir(home))).toEqual([]);
  });
});

describe('the code cache of two installed copies of one build', () => {
  it('keeps a file per copy: V8 keeps the writer\'s script name, which stack traces would show', () => {
    const home = freshHome();
    const pkg = fileURLToPath(new URL('..', import.meta.url));
    const copies = ['a', 'b'].map((name) => {
      const dir = join(homes, `copy-${count}-${name}`);
      cpSync(join(pkg, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(pkg, 'dist', 'bundle'), join(dir, 'dist', 'bundle'), { recursive: true });
      return join(dir, 'bin', 'fzlint.js');
    });
    const env = { ...process.env, XDG_CACHE_HOME: home, FZLINT_NO_COMPILE_CACHE: '', NO_COLOR: '1' };
    const lint = (bin: string) => spawnSync(process.execPath, [bin, FILES.jia], { cwd: repo.dir, env, encoding: 'utf8' });
    const first = lint(copies[0]!);
    expect(first.stdout).toContain('甲县');
    expect(files(home, 'cli')).toHaveLength(1);
    const second = lint(copies[1]!);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(first.status);
    // The same build hash, a file of its own for the second copy.
    const both = files(home, 'cli').sort();
    expect(both).toHaveLength(2);
    expect(both[0]!.slice(0, 20)).toBe(both[1]!.slice(0, 20));
    expect(lint(copies[0]!).stdout).toBe(first.stdout);
    expect(files(home, 'cli')).toHaveLength(2);
  });
});

describe('the code cache of the worker threads', () => {
  it('is written by a pool thread and used by the next run, with the same output', () => {
    const home = freshHome();
    const args = [FILES.jia, FILES.yi, FILES.bing, FILES.ding, '--concurrency', '2', '--format', 'json'];
    const first = run(home, args);
    const [file] = files(home, 'worker');
    expect(file).toMatch(/^worker-[0-9a-f]{24}-/);
    const written = statSync(join(cacheDir(home), file!));
    const second = run(home, args);
    same(second, first);
    same(run(home, args, { FZLINT_NO_COMPILE_CACHE: '1' }), first);
    expect(files(home, 'worker')).toEqual([file]);
    expect(statSync(join(cacheDir(home), file!)).ino).toBe(written.ino);
  });

  it('is written again when the file holds little of the bundle (a thread whose first task compiled little)', () => {
    const home = freshHome();
    const args = [FILES.jia, FILES.yi, FILES.bing, FILES.ding, '--concurrency', '2', '--format', 'json'];
    const first = run(home, args);
    const [file] = files(home, 'worker');
    const path = join(cacheDir(home), file!);
    const full = statSync(path).size;
    // A valid cache of only the bundle's top level, with the flags a pool thread runs with
    // (bin/fzlint.js sets them): V8 takes it, and it holds almost none of the rules.
    const bundle = new URL('../dist/bundle/worker.script.js', import.meta.url);
    const made = spawnSync(
      process.execPath,
      [
        '-e',
        `const v8 = require('node:v8'); v8.setFlagsFromString('--no-turbo-inlining'); v8.setFlagsFromString('--interrupt-budget=1081344'); v8.setFlagsFromString('--no-regexp-tier-up');
         const fs = require('node:fs'); const { Script } = require('node:vm');
         const data = new Script(fs.readFileSync(process.argv[1], 'latin1'), { filename: process.argv[1] }).createCachedData();
         const header = Buffer.alloc(12); header.write('FZV8', 0, 'latin1'); header[4] = 4; header.writeUInt32LE(data.length, 8);
         fs.writeFileSync(process.argv[2], Buffer.concat([header, data]));`,
        bundle.pathname,
        path,
      ],
      { encoding: 'utf8' },
    );
    expect(made.stderr).toBe('');
    const thin = statSync(path).size;
    expect(thin * 4).toBeLessThan(full);
    same(run(home, args), first);
    expect(statSync(path).size).toBeGreaterThan(thin * 4);
    // Then left alone.
    const rewritten = statSync(path);
    same(run(home, args), first);
    expect(statSync(path).ino).toBe(rewritten.ino);
  });
});
