import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { itemsOf } from './items.js';

// A hostile plan: one section's items were once spread into a push (200,000 arguments:
// Maximum call stack size exceeded, and the continuity rules reading last year's plan failed).
describe('itemsOf on a plan of 200,000 sentences', () => {
  it('reads one item per sentence', () => {
    const text = `2022年度某县法治政府建设工作情况报告\n一、2022年工作情况\n依法行政。\n二、2023年工作打算\n${'加强执法监督。'.repeat(200_000)}\n`;
    const items = itemsOf(parse(text, { format: 'plaintext' }), 'next-year-plan');
    expect(items.length).toBe(200_000);
    expect(items[199_999]!.label).toBe('加强执法监督');
  }, 60_000);
});
