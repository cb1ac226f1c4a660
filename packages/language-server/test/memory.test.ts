/**
 * Giving memory back once the server goes idle (`memory.ts`): when the collection runs and
 * when it does not, with a fake heap and fake timers; and that V8's full collection is
 * taken without leaving a `gc` global behind.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fullCollection, IdleCollector, type IdleCollectorOptions } from '../src/memory.js';

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
