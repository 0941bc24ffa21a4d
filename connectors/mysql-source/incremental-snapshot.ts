// Incremental snapshots taken while the binlog streams (Debezium: an ad-hoc incremental
// snapshot; also how a quarantined table comes back): each table recreated in the store from the
// server's current schema and read in key chunks, at the stream's position.
import type { ChangeConsumer, ChangeEvent, Logger, SourceOffset, TableName } from '../../core/index.ts';
import { readInChunks } from './snapshot.ts';
import { rowShaper } from './row-projection.ts';
import type { SchemaHistory } from './schema-history.ts';
import type { MySqlSourceConfig } from './config.ts';
import { connectSource } from './preflight.ts';
import { readTableSchemas } from './catalog.ts';
import type { TableFilter } from './table-filter.ts';

/** What the binlog stream snapshots with. */
export interface SnapshotParts {
  name: string;
  config: MySqlSourceConfig;
  filter: TableFilter;
  history: SchemaHistory;
  consumer: ChangeConsumer;
  log: Logger;
}

/** Snapshots `tables` again at `at`, the last boundary the stream read. */
export async function snapshotTablesAt(parts: SnapshotParts, tables: TableName[], at: SourceOffset): Promise<void> {
  const { config, filter, history, consumer, log } = parts;
  const conn = await connectSource(config);
  try {
    await conn.query("SET SESSION time_zone = '+00:00'");
    for (const { db, table } of tables) {
      const [schema] = await readTableSchemas(conn, filter, { db, table });
      if (!schema) {
        log.warn({ table: `${db}.${table}` }, 'snapshot request for a table that is not there or not included: skipped');
        continue;
      }
      // Marked incomplete before its rows go: the gateway never answers from a part of them.
      await consumer.tableLoading?.({ db, table }, { lastKey: null, rowsDone: 0, done: false });
      await consumer.applySchemaChange(`-- incremental snapshot of ${db}.${table}`, [{ kind: 'create', after: schema }], at);
      history.apply({ kind: 'create', after: schema });
      const shape = rowShaper(schema, filter);
      const source = { name: parts.name, db, table, file: at.file, pos: at.pos, gtid: at.gtid, ts_ms: Date.now(), snapshot: 'incremental' as const };
      const rows = await readInChunks(conn, schema, config['snapshot.fetch.size'], null, async (chunk) => {
        const events: ChangeEvent[] = chunk.map((r) => ({ op: 'r', before: null, after: shape(r), source, ts_ms: Date.now(), schema }));
        await consumer.applyChanges(events, at);
      });
      await consumer.tableLoading?.({ db, table }, { lastKey: null, rowsDone: rows, done: true });
      log.info({ table: `${db}.${table}`, rows }, 'incremental snapshot done');
    }
  } finally {
    await conn.end().catch(() => undefined);
  }
}
