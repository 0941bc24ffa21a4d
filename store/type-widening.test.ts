import { describe, expect, it } from 'vitest';
import { isWidening } from './type-widening.ts';

describe('isWidening', () => {
  it.each([
    ['INTEGER', 'BIGINT'],
    ['TINYINT', 'SMALLINT'],
    ['UTINYINT', 'SMALLINT'],
    ['UINTEGER', 'UBIGINT'],
    ['UINTEGER', 'BIGINT'],
    ['INTEGER', 'DECIMAL(12,2)'],
    ['DECIMAL(10,2)', 'DECIMAL(14,4)'],
    ['FLOAT', 'DOUBLE'],
    ['TIMESTAMP_S', 'TIMESTAMP_MS'],
    ['TIMESTAMP_MS', 'TIMESTAMP'],
    ['DATE', 'TIMESTAMP'],
    ['BIGINT', 'VARCHAR'],
    ['JSON', 'JSON'],
  ])('%s → %s keeps every value', (from, to) => {
    expect(isWidening(from, to)).toBe(true);
  });

  it.each([
    ['BIGINT', 'INTEGER'],
    ['UINTEGER', 'INTEGER'],
    ['INTEGER', 'UINTEGER'],
    ['INTEGER', 'DECIMAL(8,2)'],
    ['DECIMAL(14,4)', 'DECIMAL(10,2)'],
    ['DECIMAL(10,2)', 'DECIMAL(10,4)'],
    ['DOUBLE', 'FLOAT'],
    ['TIMESTAMP', 'TIMESTAMP_MS'],
    ['TIMESTAMP', 'DATE'],
    ['VARCHAR', 'INTEGER'],
    ['BLOB', 'INTEGER'],
  ])('%s → %s could change values: refused', (from, to) => {
    expect(isWidening(from, to)).toBe(false);
  });
});
