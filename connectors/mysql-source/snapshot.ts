// Initial snapshot: one REPEATABLE READ transaction opened WITH CONSISTENT SNAPSHOT at a known
// binlog position; every included table is read inside it and streaming starts exactly at that
// position, so no change is missed or applied twice.
import type { Connection as CallbackConnection } from 'mysql2';
import type { Logger } from '../../runtime/logger.ts';
import type { ChangeConsumer, Row, SourceOffset, TableSchema } from './change-event.ts';
import type { MySqlSourceConfig } from './config.ts';
import type { Flavor } from './flavor.ts';
import { connectSource } from './preflight.ts';
import { readTableSchemas } from './catalog.ts';
import type { TableFilter } from './table-filter.ts';
import { rowShaper } from './row-projection.ts';

export interface SnapshotProgress {
  table: string;
  rowsDone: number;
}

const quoteId = (id: string) => '`' + id.replace(/`/g, '``') + '`';

export async function runSnapshot(
  config: MySqlSourceConfig,
  flavor: Flavor,
  filter: TableFilter,
  consumer: ChangeConsumer,
  log: Logger,
  onProgress: (p: SnapshotProgress) => void = () => undefined,
  /** false: snapshot.mode no_data/schema_only — tables and schemas, no rows. */
  withData = true,
): Promise<{ offset: SourceOffset; tables: TableSchema[] }> {
  const conn = await connectSource(config);
  try {
    await conn.query("SET SESSION time_zone = '+00:00'");
    const position = await flavor.beginConsistentSnapshot(conn);
    const tables = await readTableSchemas(conn, filter);
    log.info({ tables: tables.map((t) => `${t.db}.${t.table}`), position }, 'snapshot started');
    await consumer.beginSnapshot(tables, { ...position, snapshotCompleted: false });
    const batchSize = config['snapshot.fetch.size'];
    for (const table of withData ? tables : []) {
      const started = Date.now();
      const name = `${table.db}.${table.table}`;
      const columns = table.columns.map((c) => quoteId(c.name)).join(', ');
      const stream = (conn as unknown as { connection: CallbackConnection }).connection.query(`SELECT ${columns} FROM ${quoteId(table.db)}.${quoteId(table.table)}`).stream();
      const shape = rowShaper(table, filter);
      let batch: Row[] = [];
      let rowsDone = 0;
      for await (const row of stream) {
        batch.push(shape(row as Row));
        if (batch.length >= batchSize) {
          await consumer.writeSnapshotRows(table, batch);
          rowsDone += batch.length;
          batch = [];
          onProgress({ table: name, rowsDone });
        }
      }
      if (batch.length > 0) await consumer.writeSnapshotRows(table, batch);
      rowsDone += batch.length;
      onProgress({ table: name, rowsDone });
      log.info({ table: name, rows: rowsDone, ms: Date.now() - started }, 'snapshot table done');
    }
    await conn.query('COMMIT');
    const offset: SourceOffset = { ...position, snapshotCompleted: true };
    await consumer.completeSnapshot(offset);
    return { offset, tables };
  } finally {
    await conn.end().catch(() => undefined);
  }
}
