// The store's side of tiering: the three catalog steps that move a range partition between hot
// and cold, each run in one store transaction by the caller so that readers see the partition's
// rows exactly once before, during and after a move:
//   freeze  — the hot table is renamed to a frozen table (never written again) that the view
//             reads like cold rows; later writes go to a new hot table and tombstones;
//   archive — files written from the frozen table (plus the older cold files) replace both;
//   restore — cold rows go back into the hot table.
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeColdPartition, writeEpoch, type ColdPartition } from './cold-catalog.ts';
import { quoteIdent, quoteLiteral } from './sql-names.ts';
import {
  coldProjection,
  ensurePartitions,
  ensureTombstones,
  frozenName,
  frozenTable,
  partitionTable,
  refreshView,
  templateTable,
  tombstoneTable,
  TOMB_EPOCH,
  TOMB_PART,
  type TableLayout,
} from './table-layout.ts';

/** Freezes partition `p` (an empty frozen table when only cold files and tombstones are there); returns its epoch. */
export async function freezePartition(conn: DuckDBConnection, layout: TableLayout, p: string): Promise<number> {
  if (layout.frozen.has(p)) throw new Error(`partition ${p} of ${layout.db}.${layout.table} is already being archived`);
  const epoch = layout.epoch;
  await ensureTombstones(conn, layout);
  const frozen = frozenTable(layout, p, epoch);
  if (layout.partitions.has(p)) {
    await conn.run(`ALTER TABLE ${partitionTable(layout, p)} RENAME TO ${quoteIdent(frozenName(layout, p, epoch))}`);
    layout.partitions.delete(p);
  } else {
    await conn.run(`CREATE TABLE ${frozen} AS SELECT * FROM ${templateTable(layout)} LIMIT 0`);
  }
  layout.frozen.set(p, epoch);
  layout.epoch = epoch + 1;
  await writeEpoch(conn, layout, layout.epoch);
  await refreshView(conn, layout);
  return epoch;
}

/**
 * The rows partition `p` holds as of its freeze: the frozen table, plus the older cold files
 * minus the keys the frozen table or tombstones from before the freeze replace. Sorted by key.
 */
export async function archiveSourceSql(conn: DuckDBConnection, layout: TableLayout, p: string): Promise<string> {
  const epoch = layout.frozen.get(p);
  if (epoch === undefined) throw new Error(`partition ${p} of ${layout.db}.${layout.table} is not frozen`);
  const frozen = frozenTable(layout, p, epoch);
  const keys = layout.primaryKey.map(quoteIdent);
  const keyMatch = (alias: string) => keys.map((k) => `${alias}.${k} = c.${k}`).join(' AND ');
  const branches = [`SELECT * FROM ${frozen}`];
  const cold = layout.cold.get(p);
  if (cold && cold.files.length > 0) {
    branches.push(
      `SELECT ${(await coldProjection(conn, layout, cold)).join(', ')} FROM read_parquet([${cold.files.map((f) => quoteLiteral(f.path)).join(', ')}], hive_partitioning = false) AS c
       WHERE NOT EXISTS (SELECT 1 FROM ${frozen} AS f WHERE ${keyMatch('f')})
         AND NOT EXISTS (SELECT 1 FROM ${tombstoneTable(layout)} AS t WHERE t.${TOMB_PART} = ${quoteLiteral(p)} AND t.${TOMB_EPOCH} <= ${epoch} AND ${keyMatch('t')})`,
    );
  }
  return `SELECT * FROM (${branches.join(' UNION ALL ')}) ORDER BY ${keys.join(', ')}`;
}

/** Replaces the frozen table (and older files) of `p` with the files written from them. */
export async function archivePartition(conn: DuckDBConnection, layout: TableLayout, p: string, cold: ColdPartition): Promise<void> {
  const epoch = layout.frozen.get(p);
  if (epoch === undefined) throw new Error(`partition ${p} of ${layout.db}.${layout.table} is no longer frozen (was the table truncated or dropped?)`);
  await conn.run(`DROP TABLE ${frozenTable(layout, p, epoch)}`);
  // Tombstones up to the freeze are folded into the new files; later ones still apply to them.
  await conn.run(`DELETE FROM ${tombstoneTable(layout)} WHERE ${TOMB_PART} = $1 AND ${TOMB_EPOCH} <= $2`, [p, epoch]);
  const left = await conn.runAndReadAll(`SELECT COUNT(*) FROM ${tombstoneTable(layout)} WHERE ${TOMB_PART} = $1`, [p]);
  if (Number(left.getRowsJS()[0]![0]) === 0) layout.tombstoned.delete(p);
  await writeColdPartition(conn, layout, p, cold);
  layout.frozen.delete(p);
  layout.cold.set(p, cold);
  await refreshView(conn, layout);
}

/** Puts a cold partition's rows back in its hot table (keeping newer hot rows and deletes). */
export async function restorePartition(conn: DuckDBConnection, layout: TableLayout, p: string): Promise<number> {
  const cold = layout.cold.get(p);
  if (!cold) throw new Error(`partition ${p} of ${layout.db}.${layout.table} is not archived`);
  if (layout.frozen.has(p)) throw new Error(`partition ${p} of ${layout.db}.${layout.table} is being archived right now; restore it after that run`);
  await ensurePartitions(conn, layout, [p]);
  const hot = partitionTable(layout, p);
  const keyMatch = (alias: string) => layout.primaryKey.map((k) => `${alias}.${quoteIdent(k)} = c.${quoteIdent(k)}`).join(' AND ');
  let restored = 0;
  if (cold.files.length > 0) {
    const reader = await conn.runAndReadAll(
      `INSERT INTO ${hot} SELECT ${(await coldProjection(conn, layout, cold)).join(', ')} FROM read_parquet([${cold.files.map((f) => quoteLiteral(f.path)).join(', ')}], hive_partitioning = false) AS c
       WHERE NOT EXISTS (SELECT 1 FROM ${hot} AS h WHERE ${keyMatch('h')})
         AND NOT EXISTS (SELECT 1 FROM ${tombstoneTable(layout)} AS t WHERE t.${TOMB_PART} = ${quoteLiteral(p)} AND ${keyMatch('t')})`,
    );
    restored = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  }
  await conn.run(`DELETE FROM ${tombstoneTable(layout)} WHERE ${TOMB_PART} = $1`, [p]);
  layout.tombstoned.delete(p);
  await writeColdPartition(conn, layout, p, null);
  layout.cold.delete(p);
  await refreshView(conn, layout);
  return restored;
}

/** Archived partitions with deletes not yet folded into their files: due for compaction. */
export async function partitionsWithTombstones(conn: DuckDBConnection, layout: TableLayout): Promise<string[]> {
  if (layout.cold.size === 0) return [];
  const reader = await conn.runAndReadAll(`SELECT DISTINCT ${TOMB_PART} FROM ${tombstoneTable(layout)}`);
  return reader.getRowsJS().map((r) => String(r[0])).filter((p) => layout.cold.has(p));
}
