/**
 * Loads the CLI's and the worker's bundles (dist/bundle/*.script.js) through
 * `vm.Script` with V8's code cache: Node 20 has no `module.enableCompileCache`
 * (Node 22), but a script's `cachedData` is reachable (the technique of the
 * `v8-compile-cache` package). The first run compiles the bundle and, after its
 * work, writes `script.createCachedData()` — which then holds the bytecode of every
 * function the run compiled, lazily compiled ones included — to a user cache
 * folder; later runs deserialise it instead of parsing and compiling ~2 MB of
 * JavaScript. Must stay small and import only Node built-ins: it runs before the
 * bundle on every start. scripts/bundle.mjs builds it as CommonJS into
 * dist/bundle/loader.js (bin/fzlint.js and the worker entry are CommonJS too: a run
 * that imports nothing never starts Node's ES module loader).
 *
 * - Folder: `$XDG_CACHE_HOME/fzlint/v8/`, else `<os.tmpdir()>/fzlint-v8-<uid>/`
 *   (created 0700 when first written; one that is a link, another user's, or that
 *   others could write to is not used).
 * - File: `<name>-<bundle hash><path hash>-<node version>-<arch>-<V8 tag>.bin`: the bundle's
 *   hash is computed at build time (first line of the script), the path's keeps each
 *   installed copy apart (V8 keeps the writer's script name in a cache), the V8 tag
 *   (`v8.cachedDataVersionTag()`) covers V8's version, flags and CPU features;
 *   `….one.bin` for a lint of one small file (`runKindOf`: a cache shaped by such a
 *   run, not by a folder run's).
 * - Written atomically (temporary file + rename), so concurrent runs and threads
 *   never read a torn file; a cache V8 rejects (`cachedDataRejected`) or a file
 *   that is not one of ours is ignored and replaced. Every failure only means no
 *   cache: never an error for the user. After a write, only the newest 8 files of
 *   that bundle are kept (builds come and go).
 * - `FZLINT_NO_COMPILE_CACHE=1` turns it off (compile, never read or write).
 */
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

// The bin's test of which flags node was given: the pool's own (@fzlint/linter), inside the loader
// (it imports nothing), so the bin, CommonJS before any bundle, asks the same question the same way.
export { flagsCheckedOnThisNode, givenNodeFlags, POOL_INTERRUPT_BUDGET, setUnlessGiven } from '@fzlint/linter/node-flags';

/** The two functions of `node:v8` a start needs: the flags the bin sets, and the tag that names a cache file. */
export interface V8Functions {
  setFlagsFromString(flags: string): void;
  cachedDataVersionTag(): number;
}

let v8Functions: V8Functions | undefined;

/**
 * `setFlagsFromString` and `cachedDataVersionTag` without loading `node:v8`: its
 * `heap_utils` loads the streams (~2.3 ms of every start, measured in-process), which a
 * run that writes its output with `fs.writeSync` (bin/fzlint.js) otherwise never needs.
 * Node's own `node:v8` calls these same functions of its internal binding, which
 * `process.binding('v8')` returns; that access prints a DEP0111 deprecation warning
 * once, so it is made with deprecation warnings off and the setting put back as it was
 * (a deprecation this hides is Node's about this call, never one of the user's code).
 * When the binding is gone or lacks either function (a later Node), `node:v8`.
 */
export function v8(): V8Functions {
  if (v8Functions) return v8Functions;
  const legacy = process as unknown as { binding?: (name: string) => Partial<V8Functions>; noDeprecation?: boolean | undefined };
  if (typeof legacy.binding === 'function') {
    const had = Object.prototype.hasOwnProperty.call(process, 'noDeprecation');
    const before = legacy.noDeprecation;
    try {
      legacy.noDeprecation = true;
      const binding = legacy.binding('v8');
      if (typeof binding.setFlagsFromString === 'function' && typeof binding.cachedDataVersionTag === 'function') {
        const { setFlagsFromString, cachedDataVersionTag } = binding;
        v8Functions = {
          // node:v8 checks the type first; the binding would take any value as a string.
          setFlagsFromString: (flags) => setFlagsFromString.call(binding, String(flags)),
          cachedDataVersionTag: () => cachedDataVersionTag.call(binding),
        };
      }
    } catch {
      // No binding: node:v8 below.
    } finally {
      if (had) legacy.noDeprecation = before;
      else delete legacy.noDeprecation;
    }
  }
  // Any absolute path serves `createRequire` for a built-in (this module is ESM for tsc, CommonJS in the bundle).
  v8Functions ??= createRequire(process.execPath)('node:v8') as V8Functions;
  return v8Functions;
}

/** The environment variables the cache reads. */
export type CacheEnv = Readonly<Record<string, string | undefined>>;

/** Our header before V8's data: magic, a flag byte, the data's length (a truncated file is refused). */
const MAGIC = 'FZV8';
const HEADER_BYTES = 12;
/**
 * The flag of a cache written by a run that compiled little (`--help`, `--version`, a usage error,
 * a lint that linted no report): the next run that is not light replaces it. A lint of one empty
 * file once wrote the one-file caches as a lint's, and each later one-file lint compiled the
 * rules afresh (+24 % instructions, docs/performance-journal.md).
 */
const LIGHT = 1;
/**
 * Which kinds of real runs the cache holds the compiled functions of: one that loaded the
 * lint part (a lint), one that did not (a warm `--cache` run, which compiles the functions
 * that print cached results). A run of a kind the cache lacks writes it again, once: its
 * data holds the functions read from the file plus those it compiled. Without this, the
 * cache a first (cold) run wrote made every later warm run compile its own functions
 * (~8 ms of a 1,000-report warm run).
 */
const WITH_PART = 2;
const WITHOUT_PART = 4;

/** The folder of the code cache, or undefined when it is turned off. */
export function compileCacheDir(env: CacheEnv = process.env): string | undefined {
  const off = env['FZLINT_NO_COMPILE_CACHE'];
  if (off !== undefined && off !== '' && off !== '0' && off !== 'false') return undefined;
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG spec: a relative path is invalid and must be ignored.
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'fzlint', 'v8');
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `fzlint-v8-${uid}`);
}

/**
 * Whether the folder is ours alone: a directory (not a link) owned by this user that
 * others cannot write to. `missing` when it does not exist yet (created when writing).
 */
function folderState(dir: string): 'ok' | 'missing' | 'unsafe' {
  try {
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return 'unsafe';
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return 'unsafe';
    // Bytecode is trusted by V8: never use one that others could have planted.
    return process.platform === 'win32' || (stat.mode & 0o022) === 0 ? 'ok' : 'unsafe';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unsafe';
  }
}

/** What `loadScript` returns. */
export interface LoadedScript {
  /** The bundle's exports (`module.exports`). */
  readonly exports: Record<string, unknown>;
  /** How the cache was used: `off`, `none` (no file yet), `used`, `rejected` (by V8 or our header). */
  readonly cache: 'off' | 'none' | 'used' | 'rejected';
  /** The cache file (undefined when turned off). */
  readonly cacheFile: string | undefined;
  /**
   * Writes the cache if it was missing, rejected, written by a light run and this
   * run was not light (`light`: the run compiled little), or holds no run of this one's
   * kind (with or without the lint part: see `WITH_PART`). Call after the work, so the
   * lazily compiled functions are in it. `force`: also when none of that holds. Never throws.
   */
  save(light?: boolean, force?: boolean): void;
  /**
   * Whether the cache in use holds little of the bundle: its data under a quarter of the
   * bundle's source length (a worker whose first task compiled little wrote it; one that
   * linted a report writes ~3/4): `save(false, true)` replaces it.
   */
  readonly thin: boolean;
}

/** The bundle's first line: `/* fzlint-bundle <sha256> [ascii] *\/` (scripts/bundle.mjs). */
const HEADER = /^\/\* fzlint-bundle ([0-9a-f]{8,64})( ascii)? \*\//;

/**
 * The bytes every file the loader reads go through: the bundles' sources (copied into their
 * strings at once) and the code caches (deserialised by `new Script`, which copies what it
 * needs), one after the other, never two at a time. Reused because a fresh buffer is mostly
 * page faults on a VM (~12-20 µs a 4 KB page measured here): `readFileSync` gave each of the
 * four files of a one-file run (the CLI's and the lint part's source and cache, ~4.7 MB) fresh
 * pages, ~1,150 faults, where one buffer the size of the largest needs ~590
 * (docs/performance-journal.md, "Afternoon of 2026-12-05: cold start"). Allocated larger than the
 * first file: pages never touched cost nothing, and the lint part's 2.4 MB then reuses the
 * pages the CLI's files touched.
 */
let scratch: Buffer | undefined;
/** The scratch buffer's first size: above the lint part's source (2.4 MB). */
const SCRATCH_BYTES = 4 * 1024 * 1024;

/**
 * A file's bytes in the scratch buffer: valid until the next `readScratch`, so the caller
 * copies or consumes them first. As `readFileSync`: up to the size `fstat` gave, or to the
 * end when that is 0 (a file whose size the system does not know). Throws as it would.
 */
export function readScratch(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let length = 0;
    for (;;) {
      if (scratch === undefined || scratch.length - length < (size > 0 ? size - length : 64 * 1024)) {
        const larger = Buffer.allocUnsafeSlow(Math.max(SCRATCH_BYTES, size, 2 * (scratch?.length ?? 0)));
        scratch?.copy(larger, 0, 0, length);
        scratch = larger;
      }
      const read = readSync(fd, scratch, length, size > 0 ? size - length : scratch.length - length, null);
      length += read;
      if (read === 0 || (size > 0 && length >= size)) break;
    }
    return scratch.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The bundle's text and build hash: an ASCII bundle read as latin1 (a one-byte string, no UTF-8 decoding). */
function readBundle(file: string): { source: string; hash: string } {
  const bytes = readScratch(file);
  const m = HEADER.exec(bytes.toString('latin1', 0, 100));
  // A copy: the string outlives the scratch bytes.
  const source = bytes.toString(m?.[2] ? 'latin1' : 'utf8');
  return { source, hash: m ? m[1]!.slice(0, 16) : `len${source.length}` };
}

function cacheFileFor(dir: string, file: string, hash: string, kind: RunKind | undefined): string {
  const name = basename(file).replace(/\.script\.js$/, '');
  const tag = `${process.version}-${process.arch}-${v8().cachedDataVersionTag().toString(16)}`;
  return join(dir, `${name}-${hash}${placeHash(file)}-${tag}${kind ? `.${kind}` : ''}.bin`);
}

/**
 * 8 hex digits of the bundle's path (FNV-1a): each installed copy of a build has its own
 * cache file, because V8 keeps the script name of the run that wrote a code cache — a
 * stack trace (which internal errors print) through a shared one named the other copy's
 * file, and its source map.
 */
function placeHash(file: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A kind of run with a cache file of its own: `one`, a lint of one small file (or of
 * `--stdin`) — an editor's or a hook's run, the start-up the speed goal times. A code
 * cache holds every function the run that wrote it compiled: one written by a run over
 * a folder (as a first run often is) made each later one-file run use ~5 % more CPU than
 * one a one-file run wrote, and a run that uses a cache never makes it smaller. Other
 * runs share the default file.
 */
export type RunKind = 'one';

/** Options of `fzlint` that take a value (src/args.ts `OPTIONS`, `type: 'string'`; a test checks the two agree). */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  'format', 'output-file', 'config', 'rule', 'report-year', 'writing-date', 'locale', 'max-warnings', 'cache-location',
  'cache-strategy', 'concurrency', 'print-config', 'stdin-filename', 'suppressions-location', 'out', 'previous',
]);
/** Their short forms. */
export const VALUE_SHORT_OPTIONS: ReadonlySet<string> = new Set(['f', 'o', 'c']);
/** First words that make the run another command than a lint (src/args.ts). */
const COMMANDS: ReadonlySet<string> = new Set(['inspect', 'convert', 'score', 'catalogue', 'web']);
/** Above this, a single file is a long run (the bench's 1 MB report), not a quick one. */
const ONE_FILE_MAX_BYTES = 256 * 1024;

/**
 * The positional arguments of a `fzlint` command line and whether `--stdin` was given, as
 * node:util's `parseArgs` with src/args.ts's options splits them, without parsing values.
 */
export function commandLineWords(argv: readonly string[]): { positionals: string[]; stdin: boolean } {
  const positionals: string[] = [];
  let stdin = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      // One by one: a spread of the words throws past ~120,000 of them.
      for (let k = i + 1; k < argv.length; k++) positionals.push(argv[k]!);
      break;
    }
    if (arg.startsWith('--')) {
      if (arg === '--stdin') stdin = true;
      else if (!arg.includes('=') && VALUE_OPTIONS.has(arg.slice(2))) i++;
    } else if (arg.startsWith('-') && arg.length > 1) {
      // A group of short options: the first that takes a value takes the rest, or the next word.
      for (let j = 1; j < arg.length; j++) {
        if (VALUE_SHORT_OPTIONS.has(arg[j]!)) {
          if (j === arg.length - 1) i++;
          break;
        }
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, stdin };
}

/**
 * The kind of run a command line asks for (`RunKind`), decided before the CLI loads — so
 * from the words alone and one `stat`: a lint of exactly one regular file of at most
 * `ONE_FILE_MAX_BYTES`, or of `--stdin`, is `one`. A wrong guess costs only speed.
 */
export function runKindOf(argv: readonly string[], cwd?: string): RunKind | undefined {
  const { positionals, stdin } = commandLineWords(argv);
  if (stdin) return positionals.length === 0 ? 'one' : undefined;
  if (positionals.length !== 1 || COMMANDS.has(positionals[0]!)) return undefined;
  try {
    // In the `try`: `process.cwd()` throws when the folder was removed (then the CLI reports it).
    const stat = statSync(resolve(cwd ?? process.cwd(), positionals[0]!), { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size <= ONE_FILE_MAX_BYTES ? 'one' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a cache file: V8's data and its flags (`LIGHT`, `WITH_PART`, `WITHOUT_PART`); undefined
 * when missing or not ours. The data is in the scratch buffer: valid until the next read.
 */
function readCache(path: string): { data: Buffer; light: boolean; flags: number } | 'missing' | 'bad' {
  let bytes: Buffer;
  try {
    bytes = readScratch(path);
  } catch {
    return 'missing';
  }
  if (bytes.length <= HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) return 'bad';
  const length = bytes.readUInt32LE(8);
  if (length !== bytes.length - HEADER_BYTES) return 'bad';
  return { data: bytes.subarray(HEADER_BYTES), light: (bytes[4]! & LIGHT) !== 0, flags: bytes[4]! };
}

/** Writes a cache file atomically; failures are ignored (the next run compiles again). */
function writeCache(path: string, data: Buffer, flags: number): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header[4] = flags;
  header.writeUInt32LE(data.length, 8);
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
    renameSync(temporary, path);
    prune(dirname(path), basename(path));
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing to clean up.
    }
  }
}

/** Cache files kept per bundle (`cli`, `worker`) and run kind: several builds or Node versions in use at once, each keeps its file. */
const KEEP_PER_BUNDLE = 8;
/** A temporary file older than this was left by a run that died while writing. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** The kind of run a cache file is for (`RunKind`, from its name), `''` for the default file. */
function kindOfFile(name: string): string {
  return /-[0-9a-f]+\.([a-z]+)\.bin$/.exec(name)?.[1] ?? '';
}

/**
 * Keeps the folder from growing with every build: beyond the newest `KEEP_PER_BUNDLE`
 * files of the bundle and run kind just written, the oldest are removed, and so are
 * stale temporary files. Runs only after a write (a first run), never on a warm start.
 * Per kind: a build's one-file files do not push other builds' default files out.
 */
function prune(dir: string, written: string): void {
  const bundle = written.slice(0, written.indexOf('-') + 1);
  const kind = kindOfFile(written);
  const now = Date.now();
  const files: { path: string; mtimeMs: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (name.endsWith('.tmp')) {
        if (now - lstatSync(path).mtimeMs > STALE_TEMPORARY_MS) rmSync(path, { force: true });
      } else if (name.startsWith(bundle) && name.endsWith('.bin') && name !== written && kindOfFile(name) === kind) {
        files.push({ path, mtimeMs: lstatSync(path).mtimeMs });
      }
    } catch {
      // Removed by another run meanwhile.
    }
  }
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of files.slice(KEEP_PER_BUNDLE - 1)) rmSync(old.path, { force: true });
}

/** Dynamic imports of the lint part of a split bundle (scripts/bundle.mjs). */
const PART_PREFIX = 'fzlint-part:';
/** Dynamic imports of what only the commands part holds (the commands other than lint, the engine's index). */
const COMMANDS_PREFIX = 'fzlint-commands:';
/** The lint part's script, beside the bundle that imports it. */
const PART_SCRIPT = 'lint.script.js';
/** The commands part: the lint part's modules and the other commands (scripts/bundle.mjs). */
const COMMANDS_SCRIPT = 'commands.script.js';

/** What `import('node:…')` gives: the named exports and `default` (the module object). */
function builtinNamespace(exports: unknown): Record<string, unknown> {
  return Object.freeze({ __proto__: null, ...(exports as Record<string, unknown>), default: exports });
}

/**
 * Compiles and runs a bundle written by scripts/bundle.mjs: a function expression
 * `(exports, require, module, __filename, __dirname, importMetaUrl, importMetaResolve, importDynamic)`.
 * `import.meta.url` is the bundle's URL (its `new URL('./worker.js', …)` and package.json
 * lookups stay as they were); `import()` and `import.meta.resolve` of the bundle go through
 * this module, which sits in the same folder, so bare specifiers resolve the same.
 */
export function loadScript(file: string, env: CacheEnv = process.env, kind?: RunKind): LoadedScript {
  const { source, hash } = readBundle(file);
  const dir = compileCacheDir(env);
  // Read without creating anything; the folder is made (0700) when the cache is written.
  const folder = dir !== undefined ? folderState(dir) : 'unsafe';
  const cacheFile = dir !== undefined && folder !== 'unsafe' ? cacheFileFor(dir, file, hash, kind) : undefined;
  const read = cacheFile !== undefined && folder === 'ok' ? readCache(cacheFile) : 'missing';
  const cachedData = typeof read === 'object' ? read.data : undefined;
  // V8 deserialises the data during `new Script` (Node hands it over without owning it); the
  // scratch bytes are reused by the next read (the lint part's), so only the flags are kept.
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cached = typeof read === 'object' ? { light: read.light, flags: read.flags } : read;
  const cachedBytes = cachedData?.length ?? 0;
  const cache: LoadedScript['cache'] =
    cacheFile === undefined ? 'off' : cached === 'missing' ? 'none' : cached === 'bad' || script.cachedDataRejected === true ? 'rejected' : 'used';
  // The tag at compile time: flags set during the run (a worker pool's) would make the data useless next time.
  const tagAtLoad = v8().cachedDataVersionTag();
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const url = pathToFileURL(file).href;
  const module = { exports: {} as Record<string, unknown> };
  const require = createRequire(file);
  wrapper(
    module.exports,
    require,
    module,
    file,
    dirname(file),
    url,
    // `import.meta.resolve`: synchronous, so Node's CommonJS resolver; the one package the
    // bundle resolves (@fzlint/pdf, for its reader thread) exports the same file under `default`.
    (specifier: string) => pathToFileURL(require.resolve(specifier)).href,
    // `import()`: a built-in from `require` (no ES module loader for a one-file run), a module of
    // the bundle's lint part (`fzlint-part:<key>`, scripts/bundle.mjs) from that script, loaded
    // once, with a code cache of its own; the rest through Node's loader from here
    // (scripts/bundle.mjs puts this module next to the bundle).
    (specifier: string): Promise<unknown> =>
      specifier.startsWith('node:')
        ? Promise.resolve().then(() => builtinNamespace(require(specifier)))
        : specifier.startsWith(PART_PREFIX)
          ? Promise.resolve().then(() => {
              // Once a command has loaded the commands part, it answers the engine too: one copy of the modules.
              part ??= commands ?? loadScript(join(dirname(file), PART_SCRIPT), env, kind);
              return (part.exports['load'] as (key: string) => Promise<unknown>)(specifier.slice(PART_PREFIX.length));
            })
          : specifier.startsWith(COMMANDS_PREFIX)
            ? Promise.resolve().then(() => {
                commands ??= loadScript(join(dirname(file), COMMANDS_SCRIPT), env, kind);
                return (commands.exports['load'] as (key: string) => Promise<unknown>)(specifier.slice(COMMANDS_PREFIX.length));
              })
            : import(specifier),
  );
  let saved = false;
  /** The lint part, once a run needed it (the commands part, when a command loaded that first). */
  let part: LoadedScript | undefined;
  /** The commands part, once a command needed it. */
  let commands: LoadedScript | undefined;
  return {
    exports: module.exports,
    cache,
    cacheFile,
    thin: cache === 'used' && cachedBytes * 4 < source.length,
    save(light = false, force = false) {
      part?.save(light);
      if (commands !== part) commands?.save(light);
      if (saved || cacheFile === undefined) return;
      const kind = light ? 0 : part || commands ? WITH_PART : WITHOUT_PART;
      const had = cache === 'used' && typeof cached === 'object' && !cached.light ? cached.flags & (WITH_PART | WITHOUT_PART) : 0;
      const refresh = force || cache !== 'used' || (typeof cached === 'object' && cached.light && !light) || (kind !== 0 && (had & kind) === 0);
      if (!refresh || v8().cachedDataVersionTag() !== tagAtLoad) return;
      saved = true;
      try {
        if (folder === 'missing') {
          mkdirSync(dir!, { recursive: true, mode: 0o700 });
          if (folderState(dir!) !== 'ok') return;
        }
        writeCache(cacheFile, script.createCachedData(), light ? LIGHT : had | kind);
      } catch {
        // No cache this time.
      }
    },
  };
}

/**
 * The entry of a worker thread (dist/bundle/worker.js calls it): loads the worker's
 * bundle like `loadScript` and writes its cache when the thread answers its first
 * task (threads are terminated, not ended, so there is no "after the run").
 */
export function startWorkerScript(script: string | URL): void {
  const file = typeof script === 'string' ? script : fileURLToPath(script);
  const loaded = loadScript(file);
  // A thin cache is written again: a thread whose first task compiled little (a tiny text, a
  // Word document to read) left one that every later thread of this build would otherwise
  // keep, compiling the rules afresh (~30 ms CPU of a 10-file two-thread run, docs/performance-journal.md).
  if (loaded.cache === 'off' || (loaded.cache === 'used' && !loaded.thin)) return;
  // Loaded by the worker's bundle anyway; the same object the bundle posts through.
  const port = (createRequire(file)('node:worker_threads') as typeof import('node:worker_threads')).parentPort;
  if (!port) return;
  const post = port.postMessage.bind(port);
  // Before the answer goes out: once the pool has every answer it may terminate the thread.
  port.postMessage = (value: unknown, transfer?: readonly import('node:worker_threads').TransferListItem[]) => {
    port.postMessage = post;
    loaded.save(false, loaded.thin);
    post(value, transfer);
  };
}
