import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_FILES_PER_WORKER, AUTO_WORKER_MIN_FILES, LOCAL_POOL_QUEUE_DEPTH, poolSize, runInWorkers, WORKER_QUEUE_DEPTH, WorkerPool } from '../src/project/workers.js';

describe('poolSize', () => {
  it('stays in the main thread for one file, ten files, or one core', () => {
    for (const cores of [1, 2, 4, 16]) {
      expect(poolSize(1, 'auto', cores)).toBe(1);
      expect(poolSize(10, 'auto', cores)).toBe(1);
      expect(poolSize(AUTO_WORKER_MIN_FILES, 'auto', cores)).toBe(1);
    }
    expect(poolSize(1000, 'auto', 1)).toBe(1);
  });

  it('uses both cores of two for many files, and cores − 1 of more', () => {
    expect(poolSize(1000, 'auto', 2)).toBe(2);
    expect(poolSize(AUTO_WORKER_MIN_FILES + 1, 'auto', 2)).toBe(2);
    expect(poolSize(1000, 'auto', 4)).toBe(3);
    expect(poolSize(1000, 'auto', 16)).toBe(15);
  });

  it('gives each worker enough files to pay for its start', () => {
    expect(poolSize(AUTO_WORKER_MIN_FILES + 1, 'auto', 16)).toBe(Math.floor((AUTO_WORKER_MIN_FILES + 1) / AUTO_FILES_PER_WORKER));
    for (let files = AUTO_WORKER_MIN_FILES + 1; files < 2000; files += 37) {
      const size = poolSize(files, 'auto', 64);
      expect(size).toBeGreaterThanOrEqual(2);
      expect(files / size).toBeGreaterThanOrEqual(AUTO_FILES_PER_WORKER);
    }
  });

  it('obeys an explicit number, never above the file count', () => {
    expect(poolSize(5, 2, 1)).toBe(2);
    expect(poolSize(3, 8, 8)).toBe(3);
    expect(poolSize(5, 1, 8)).toBe(1);
    expect(poolSize(1, 4, 8)).toBe(1);
  });
});

describe('runInWorkers', () => {
  let dir: string;
  let script: URL;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fzlint-workers-'));
    const file = join(dir, 'worker.mjs');
    // Later tasks finish first (shorter waits), so order must be restored by the pool.
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  if (task === 'crash') throw new Error('boom');
  if (task === 'exit') process.exit(3);
  if (task === 'fail') { parentPort.postMessage({ id, error: 'failed ' + id }); return; }
  setTimeout(() => parentPort.postMessage({ id, value: task * 2 }), (10 - task) * 5);
});`,
    );
    script = pathToFileURL(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns results in input order', async () => {
    const tasks = [1, 2, 3, 4, 5, 6, 7, 8];
    const results = await runInWorkers<number, number>(script, tasks, 3);
    expect(results).toEqual(tasks.map((t) => ({ ok: true, value: t * 2 })));
  });

  it('a failing or crashing task fails alone', async () => {
    const results = await runInWorkers<number | string, number>(script, [1, 'fail', 'crash', 4], 2);
    expect(results[0]).toEqual({ ok: true, value: 2 });
    expect(results[1]).toEqual({ ok: false, error: 'failed 1' });
    expect(results[2]).toMatchObject({ ok: false });
    expect(results[3]).toEqual({ ok: true, value: 8 });
  });

  it('lints in the caller\'s thread too (`local`), results still in input order', async () => {
    const here: (number | string)[] = [];
    const pool = new WorkerPool<number | string, number>(script, 1, {
      local: async (task) => {
        here.push(task);
        if (typeof task !== 'number') throw new Error(`bad ${task}`);
        return task * 2;
      },
    });
    try {
      const tasks: (number | string)[] = Array.from({ length: 20 }, (_, i) => i % 10);
      tasks[7] = 'fail';
      const results = await pool.run(tasks);
      tasks.forEach((task, i) => {
        if (typeof task === 'number') expect(results[i]).toEqual({ ok: true, value: task * 2 });
        else expect(results[i]).toMatchObject({ ok: false });
      });
      // Both the worker (queued first) and this thread ran some.
      expect(here.length).toBeGreaterThan(0);
      expect(here.length).toBeLessThan(tasks.length);
    } finally {
      await pool.close();
    }
  });

  it('never runs a suspect of a crashed thread in the caller\'s thread', async () => {
    const here: (number | string)[] = [];
    const pool = new WorkerPool<number | string, number>(script, 1, {
      local: async (task) => {
        here.push(task);
        return typeof task === 'number' ? task * 2 : -1;
      },
    });
    try {
      // The crash comes first, so the worker holds it (with what is queued behind it).
      const tasks: (number | string)[] = ['crash', 2, 3, 4, 5, 6];
      const results = await pool.run(tasks);
      expect(results[0]).toMatchObject({ ok: false });
      expect(here).not.toContain('crash');
      tasks.slice(1).forEach((task, i) => expect(results[i + 1]).toEqual({ ok: true, value: (task as number) * 2 }));
    } finally {
      await pool.close();
    }
  });

  it('close() fails the tasks not yet run, in the caller\'s thread too', async () => {
    const here: (number | string)[] = [];
    const pool = new WorkerPool<number | string, number>(script, 1, {
      local: async (task) => {
        here.push(task);
        return 0;
      },
    });
    const pending = pool.run([1, 2, 3, 4, 5, 6]);
    await pool.close();
    const results = await pending;
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(here).toEqual([]);
  });

  it('a worker holds enough to last while the caller\'s thread runs a task of its own (`local`)', async () => {
    // The worker marks each task it gets with a file; the caller's thread, busy in its first
    // task (as a lint is: it answers no worker meanwhile), waits for the marks. With the depth
    // of a pool without `local` the worker would get three and then sit idle.
    const marks = mkdtempSync(join(tmpdir(), 'fzlint-marks-'));
    const file = join(dir, 'marking-worker.mjs');
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
parentPort.on('message', ({ id, task }) => {
  writeFileSync(${JSON.stringify(marks)} + '/' + id, '');
  parentPort.postMessage({ id, value: task });
});`,
    );
    const seen: number[] = [];
    const pool = new WorkerPool<number, number>(pathToFileURL(file), 1, {
      local: async (task) => {
        if (seen.length === 0) {
          // Blocks this thread until the worker has run all it was given (or 10 s passed).
          const until = Date.now() + 10_000;
          let count = -1;
          let stableSince = Date.now();
          while (Date.now() < until) {
            const now = readdirSync(marks).length;
            if (now !== count) [count, stableSince] = [now, Date.now()];
            if (count >= LOCAL_POOL_QUEUE_DEPTH || (count > 0 && Date.now() - stableSince > 1_000)) break;
          }
          seen.push(count);
        }
        return task;
      },
    });
    try {
      const tasks = Array.from({ length: 40 }, (_, i) => i);
      const results = await pool.run(tasks);
      expect(results).toEqual(tasks.map((t) => ({ ok: true, value: t })));
      expect(LOCAL_POOL_QUEUE_DEPTH).toBeGreaterThan(WORKER_QUEUE_DEPTH);
      expect(seen[0]).toBe(LOCAL_POOL_QUEUE_DEPTH);
    } finally {
      await pool.close();
      if (existsSync(marks)) rmSync(marks, { recursive: true, force: true });
    }
  });

  it('a crash with tasks queued behind it on the same thread fails only the culprits', async () => {
    // One thread holds up to WORKER_QUEUE_DEPTH tasks, so each crash takes queued,
    // unanswered tasks down with it: they are retried one at a time on a new thread.
    const tasks: (number | string)[] = [1, 'crash', 3, 4, 'exit', 6, 7, 'crash', 9];
    const results = await runInWorkers<number | string, number>(script, tasks, 1);
    tasks.forEach((task, i) => {
      if (typeof task === 'number') expect(results[i]).toEqual({ ok: true, value: task * 2 });
      else expect(results[i]).toMatchObject({ ok: false });
    });
  });
});

describe('WorkerPool stdio', () => {
  let dir: string;
  let children = 0;
  const dist = new URL('../dist/project/workers.js', import.meta.url);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fzlint-workers-stdio-'));
    // Task 'log' writes to both streams and answers once the main thread has taken the writes (a
    // worker's pending writes are lost when it is terminated, with Node's own piping too); any other
    // task writes nothing.
    writeFileSync(
      join(dir, 'worker.mjs'),
      `import { parentPort } from 'node:worker_threads';
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
parentPort.on('message', async ({ id, task }) => {
  if (task === 'log') {
    console.log('out ' + id);
    console.error('err ' + id);
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  }
  parentPort.postMessage({ id, value: id });
});`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Runs `body` in a child process (stdout and stderr piped) after a pool of `size` workers
   * (the built module) ran `tasks`; `watch` records whether the process's stdout/stderr were
   * ever created (their getters wrapped before the pool loads).
   */
  function child(body: string, options = ''): { status: number | null; stdout: string; stderr: string } {
    expect(existsSync(dist), 'build the package first').toBe(true);
    const code = `
const touched = [];
for (const name of ['stdout', 'stderr']) {
  const get = Object.getOwnPropertyDescriptor(process, name).get;
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get() { touched.push(name); return get.call(process); } });
}
const { WorkerPool } = await import(${JSON.stringify(dist.href)});
const pool = new WorkerPool(new URL(${JSON.stringify(pathToFileURL(join(dir, 'worker.mjs')).href)}), 1, {${options}});
${body}`;
    // A file, not `-e`: the workers inherit node's flags, and `--input-type` fails a worker's start.
    const file = join(dir, `child-${++children}.mjs`);
    writeFileSync(file, code);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it("forwards what a worker writes to the process's stdout and stderr, in order", () => {
    const run = child(`await pool.run(['log', 'log', 'log']); await pool.close();`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('out 0\nout 1\nout 2\n');
    expect(run.stderr).toBe('err 0\nerr 1\nerr 2\n');
  });

  it("creates neither of the process's streams while its workers write nothing", () => {
    // A created process.stdout makes a piped fd 1 non-blocking, and the CLI's direct writes then fail (EAGAIN).
    const run = child(`await pool.run(['quiet', 'quiet']); await pool.close();
(await import('node:fs')).writeSync(1, JSON.stringify(touched));`);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('lets the process exit while a pool kept for later (`unrefWhenIdle`) is idle', () => {
    const run = child(`console.log(JSON.stringify(await pool.run(['log'])));`, 'unrefWhenIdle: true');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('out 0');
    expect(run.stdout).toContain('[{"ok":true,"value":0}]');
  });
});
