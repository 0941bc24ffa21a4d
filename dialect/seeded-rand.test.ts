// RAND(seed)'s first value as MariaDB 10.11 gives it (SELECT RAND(n) there).
import { describe, expect, it } from 'vitest';
import { firstRandValue } from './seeded-rand.ts';

describe("MariaDB's seeded RAND()", () => {
  it.each([
    [5n, '0.40613597483014313'],
    [0n, '0.15522042769493574'],
    [1n, '0.40540353712197724'],
    [-1n, '0.9050373219931845'],
    [123456789n, '0.4783530314251343'],
    [42n, '0.6629110161800972'],
    [4294967296n, '0.15522042769493574'],
    [7n, '0.9065021936842261'],
  ])('RAND(%s) is %s', (seed, expected) => {
    expect(String(firstRandValue(seed))).toBe(expected);
  });
});
