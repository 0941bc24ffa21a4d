import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SourceServer } from '../core/index.ts';
import { createOffsetTable } from './offset-store.ts';
import { createSourceServerTable, readSourceServers, writeSourceServer } from './source-server-store.ts';

const server = (version: string): SourceServer => ({
  flavor: 'mariadb',
  version,
  variables: [{ name: 'version', value: version, type: 253, flags: 0, decimals: 39, length: version.length * 4 }],
  variableNames: ['tx_isolation', 'version'],
});

describe('_instaquery.source_server', () => {
  it('keeps each connector\'s latest record, in the order sources were first recorded', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    expect(await readSourceServers(conn)).toEqual(new Map());
    await createOffsetTable(conn);
    await createSourceServerTable(conn);
    await writeSourceServer(conn, 'b', server('10.11.6-MariaDB'));
    await new Promise((r) => setTimeout(r, 5));
    await writeSourceServer(conn, 'a', server('10.6.1-MariaDB'));
    await writeSourceServer(conn, 'b', server('10.11.7-MariaDB'));
    const read = await readSourceServers(conn);
    expect([...read.keys()]).toEqual(['b', 'a']);
    // Recorded without time-zone names: not known (the gateway refuses a named zone).
    expect(read.get('b')).toEqual({ ...server('10.11.7-MariaDB'), timeZoneNames: null, lists: null });
    conn.closeSync();
  });

  it('keeps the time-zone names the source has, none ([]) apart from not known (null)', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await createOffsetTable(conn);
    await createSourceServerTable(conn);
    await writeSourceServer(conn, 'a', { ...server('10.11.7-MariaDB'), timeZoneNames: ['America/New_York', 'UTC'] });
    await writeSourceServer(conn, 'b', { ...server('10.11.7-MariaDB'), timeZoneNames: [] });
    // A store made before the column: created again, the column is added.
    await createSourceServerTable(conn);
    const read = await readSourceServers(conn);
    expect(read.get('a')?.timeZoneNames).toEqual(['America/New_York', 'UTC']);
    expect(read.get('b')?.timeZoneNames).toEqual([]);
    conn.closeSync();
  });
});
