import { describe, expect, it } from 'vitest';
import { refuseMachineAccess } from './file-access.ts';

describe('refuseMachineAccess', () => {
  it.each([
    "SELECT * FROM read_csv('/etc/passwd')",
    "select getenv('HOME')",
    "SELECT * FROM glob('/**')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM t JOIN '/tmp/x.parquet' p ON true",
    "SELECT * FROM (SELECT * FROM read_parquet('/data/*.parquet'))",
    "SELECT * FROM query('SELECT 1')",
  ])('refuses %s with MySQL error 1227', (sql) => {
    expect(() => refuseMachineAccess(sql)).toThrow(/FILE privilege/);
  });

  it.each([
    "SELECT EXTRACT(YEAR FROM '2024-01-05')",
    "SELECT TRIM(LEADING 'x' FROM 'xxa'), SUBSTRING('abc' FROM 2)",
    "SELECT read_csv FROM t WHERE note = 'read_csv(1)'",
    'SELECT * FROM bill WHERE id IN (SELECT id FROM payment)',
  ])('lets ordinary MySQL through: %s', (sql) => {
    expect(() => refuseMachineAccess(sql)).not.toThrow();
  });
});
