import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR, runNode } from '../src/index.js';

describe('public types', () => {
  it('a strict TypeScript consumer type-checks against the packages’ exported declarations (NodeNext)', () => {
    const tsc = join(PACKAGE_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = runNode([tsc, '-p', join('test', 'consumer', 'tsconfig.json')]);
    // The expected-error lines in consumer.ts fail the check if a type is `any` or too loose.
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
