import { describe, expect, it } from 'vitest';
import { numberAsComparedDatetime, textAsComparedDatetime } from './temporal-operand.ts';

describe('a value compared with a date, read as MySQL reads it', () => {
  it('reads numbers as number_to_datetime does', () => {
    expect(numberAsComparedDatetime(20240229n)).toEqual({ text: '2024-02-29 00:00:00.000000' });
    expect(numberAsComparedDatetime(240229n)).toEqual({ text: '2024-02-29 00:00:00.000000' });
    expect(numberAsComparedDatetime(700101n)).toEqual({ text: '1970-01-01 00:00:00.000000' });
    expect(numberAsComparedDatetime(101n)).toEqual({ text: '2000-01-01 00:00:00.000000' });
    expect(numberAsComparedDatetime(20240229083045n)).toEqual({ text: '2024-02-29 08:30:45.000000' });
    for (const zero of [0n, 7n, 100n, 20241301n, 99999999999999999n]) expect(numberAsComparedDatetime(zero)).toBe('zero');
    // A date MySQL compares but DuckDB cannot hold.
    for (const refused of [20240230n, 20240100n, 1000000000n, 5000000000000n]) expect(numberAsComparedDatetime(refused)).toBe('refused');
  });
  it('reads strings as str_to_datetime does', () => {
    expect(textAsComparedDatetime('2024-2-29')).toEqual({ text: '2024-02-29 00:00:00.000000' });
    expect(textAsComparedDatetime('2024-02-29 10:00')).toEqual({ text: '2024-02-29 10:00:00.000000' });
    expect(textAsComparedDatetime('2024-02-29T08:30:45.5')).toEqual({ text: '2024-02-29 08:30:45.500000' });
    expect(textAsComparedDatetime('20240229')).toEqual({ text: '2024-02-29 00:00:00.000000' });
    for (const zero of ['', 'not a date', '2024-13-01', '2024-02-29 25:00:00', '0000-00-00', '12.5abc', '2024-05', '12:30']) expect(textAsComparedDatetime(zero)).toBe('zero');
    expect(textAsComparedDatetime(' 2024-02-29')).toEqual({ text: '2024-02-29 00:00:00.000000' });
    for (const refused of ['2024-02-30', '2024-00-10', '2024-02-29x', '12:30:00']) expect(textAsComparedDatetime(refused)).toBe('refused');
  });
});
