/**
 * Giving memory back once the server goes idle (`memory.ts`): when the collection runs and
 * when it does not, with a fake heap and fake timers; and that V8's full collection is
 * taken without leaving a `gc` global behind; and that what is kept per open report stays small.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../src/engine.js';
import { fullCollection, IdleCollector, type IdleCollectorOptions } from '../src/memory.js';
import { ConfigResolver } from '../src/service/config.js';
import { DiagnosticsService } from '../src/service/diagnostics.js';
import { IncrementalDocuments } from '../src/service/incremental.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

const MB = 1024 * 1024;

/** A collector over a fake heap and hand-run timers. */
function fake(options: Partial<IdleCollectorOptions> = {}) {
  const heap = { bytes: 40 * MB, busy: false, collections: 0 };
  let timer: (() => void) | undefined;
  const immediates: (() => void)[] = [];
  const collector = new IdleCollector({
    heapBytes: () => heap.bytes,
    busy: () => heap.busy,
    collect: () => {
      heap.collections++;
      heap.bytes = 40 * MB;
    },
    setTimeout: (fn) => (timer = fn),
    clearTimeout: () => (timer = undefined),
    setImmediate: (fn) => {
      immediates.push(fn);
      return fn;
    },
    clearImmediate: (h) => immediates.splice(immediates.indexOf(h as () => void), 1),
    ...options,
  });
  const runTimer = () => {
    const t = timer;
    timer = undefined;
    t?.();
  };
  const runImmediates = () => {
    for (const fn of immediates.splice(0)) fn();
  };
  const idle = () => {
    runTimer();
    runImmediates();
  };
  return { heap, collector, idle, runTimer, immediates, pending: () => timer !== undefined };
}

describe('IdleCollector', () => {
  it('collects (twice, apart) once idle after work that grew the heap well past what the last collection left', () => {
    const { heap, collector, idle } = fake();
    heap.bytes = 150 * MB;
    collector.worked();
    idle();
    expect(heap.collections).toBe(2);
    expect(collector.collections).toBe(1);
    // Grown a little since: not worth a pause.
    heap.bytes = 60 * MB;
    collector.worked();
    idle();
    expect(heap.collections).toBe(2);
  });

  it('waits while work is pending, and never runs without work', () => {
    const { heap, collector, idle, pending } = fake();
    heap.bytes = 150 * MB;
    expect(pending()).toBe(false);
    heap.busy = true;
    collector.worked();
    idle();
    expect(heap.collections).toBe(0);
    heap.busy = false;
    collector.worked();
    idle();
    expect(heap.collections).toBe(2);
  });

  it('collects once more after seconds more without work (V8 then shrinks the young generation), unless work came', () => {
    const { heap, collector, runTimer, idle } = fake();
    heap.bytes = 150 * MB;
    collector.worked();
    idle();
    expect(heap.collections).toBe(2);
    runTimer();
    expect(heap.collections).toBe(3);
    // The young generation grown back (20 MB over what the idle collection left): no reason to collect.
    heap.bytes = 60 * MB;
    collector.worked();
    idle();
    expect(heap.collections).toBe(3);
    heap.bytes = 150 * MB;
    collector.worked();
    idle();
    expect(heap.collections).toBe(5);
    collector.worked();
    runTimer();
    expect(heap.collections).toBe(5);
  });

  it('drops the second collection when work comes between the two', () => {
    const { heap, collector, runTimer, immediates } = fake();
    heap.bytes = 150 * MB;
    collector.worked();
    runTimer();
    expect(heap.collections).toBe(1);
    expect(immediates).toHaveLength(1);
    collector.worked();
    expect(immediates).toHaveLength(0);
  });

  it('does nothing without a collection to run', () => {
    const { heap, collector, pending } = fake({ collect: undefined });
    heap.bytes = 500 * MB;
    collector.worked();
    expect(pending()).toBe(false);
  });
});

describe('fullCollection', () => {
  it('is V8’s full collection, and leaves no gc global in new contexts', () => {
    const gc = fullCollection();
    expect(typeof gc).toBe('function');
    expect(() => gc?.()).not.toThrow();
    expect(fullCollection()).toBe(gc);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('what the server keeps per open report', () => {
  it('grows by well under a megabyte of heap per report, from 10 to 50 open (the real engine, heap after full collections)', async () => {
    const corpus = fileURLToPath(new URL('../../../fixtures/corpus/full/', import.meta.url));
    const texts = readdirSync(corpus)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(corpus, f), 'utf8'));
    const engine = await loadEngine({});
    const incremental = new IncrementalDocuments((previous, edits) => engine.reparse!(previous, edits));
    const service = new DiagnosticsService({ engine, configs: new ConfigResolver(engine), getSettings: async () => DEFAULT_SETTINGS, workspaceFolders: () => [], incremental });
    const gc = fullCollection()!;
    const open = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        // Each a distinct text, as distinct reports are (a copy would share what the caches keep).
        const text = `${texts[i % texts.length]}\n\n（第${i}份）\n`;
        const snapshot = await service.current({ uri: `file:///ws/r${i}.md`, version: 1, getText: () => text });
        expect(snapshot.result).toBeDefined();
      }
    };
    const live = () => {
      gc();
      gc();
      return v8.getHeapStatistics().used_heap_size;
    };
    await open(0, 10);
    const at10 = live();
    await open(10, 50);
    const at50 = live();
    const perReport = (at50 - at10) / 40;
    console.log(`heap kept per open report: ${(perReport / 1024).toFixed(0)} KB`);
    // Measured ~160 KB in the server (5 real reports, 3,000–8,500 characters each); a parsed copy
    // of every text or an unbounded cache per document would show as several MB here.
    expect(perReport).toBeLessThan(1024 * 1024);
  }, 120_000);
});
