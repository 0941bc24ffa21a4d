import { describe, expect, it } from 'vitest';
import { coldCutoff, HotWindowError, isOutsideWindow, parseHotWindow, parseSpec, partitionUpperBound } from './index.ts';

describe('hot window', () => {
  it.each([
    ['90 days', { amount: 90, unit: 'day' }],
    ['1 month', { amount: 1, unit: 'month' }],
    [' 2 YEARS ', { amount: 2, unit: 'year' }],
  ])('reads %j', (text, window) => {
    expect(parseHotWindow(text, 'x')).toEqual(window);
  });

  it.each(['90', 'ninety days', '0 days', '3 weeks'])('refuses %j, saying what a window looks like', (text) => {
    expect(() => parseHotWindow(text, 'hot.window.rb.bill')).toThrow(HotWindowError);
    expect(() => parseHotWindow(text, 'hot.window.rb.bill')).toThrow(/^hot\.window\.rb\.bill: expected a hot window such as "90 days"/);
  });

  it('cuts off at the start of the day the window begins (UTC), months by calendar', () => {
    const now = new Date('2026-11-23T17:00:00Z');
    expect(coldCutoff({ amount: 90, unit: 'day' }, now)).toBe('2026-08-25');
    expect(coldCutoff({ amount: 3, unit: 'month' }, now)).toBe('2026-08-23');
    expect(coldCutoff({ amount: 1, unit: 'year' }, now)).toBe('2025-11-23');
  });

  it('knows where each range partition ends', () => {
    const monthly = parseSpec('HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH', 'x');
    expect(partitionUpperBound(monthly, '2024-12-01')).toBe('2025-01-01');
    expect(partitionUpperBound(monthly, 'null')).toBeNull();
    const bounded = parseSpec("HASH(id) PARTITIONS 4 RANGE(created_at) BOUNDS ('2023-01-01', '2024-01-01')", 'x');
    expect(partitionUpperBound(bounded, '-inf')).toBe('2023-01-01');
    expect(partitionUpperBound(bounded, '2023-01-01')).toBe('2024-01-01');
    expect(partitionUpperBound(bounded, '2024-01-01')).toBeNull();
  });

  it('archives a partition only when all of it lies before the window', () => {
    const monthly = parseSpec('HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH', 'x');
    const now = new Date('2026-11-23T00:00:00Z');
    const window = { amount: 90, unit: 'day' as const };
    expect(isOutsideWindow(monthly, '2026-07-01', window, now)).toBe(true); // ends 2026-08-01, before 2026-08-25
    expect(isOutsideWindow(monthly, '2026-08-01', window, now)).toBe(false); // ends 2026-09-01: partly inside
    expect(isOutsideWindow(monthly, 'null', window, now)).toBe(false);
  });
});
