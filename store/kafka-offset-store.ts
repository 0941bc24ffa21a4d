// Kafka mode's consumed positions, kept in the store and written in the same DuckDB transaction
// as the rows they cover: after a crash the sink seeks to them, so nothing is applied twice and
// nothing is skipped, whatever the consumer group last committed to the broker.
import type { DuckDBConnection } from '@duckdb/node-api';
import { META_SCHEMA } from './offset-store.ts';

export interface KafkaPosition {
  topic: string;
  partition: number;
  /** The next offset to read (Kafka's committed-offset convention). */
  next: bigint;
}

export async function createKafkaOffsetTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.kafka_offsets (
    connector VARCHAR NOT NULL, topic VARCHAR NOT NULL, kafka_partition INTEGER NOT NULL, next_offset BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL, PRIMARY KEY (connector, topic, kafka_partition))`);
}

export async function readKafkaPositions(conn: DuckDBConnection, connector: string): Promise<KafkaPosition[]> {
  const reader = await conn.runAndReadAll(`SELECT topic, kafka_partition, next_offset FROM ${META_SCHEMA}.kafka_offsets WHERE connector = $1 ORDER BY 1, 2`, [connector]);
  return reader.getRowsJS().map(([topic, partition, next]) => ({ topic: String(topic), partition: Number(partition), next: BigInt(next as bigint) }));
}

/** Must run inside the caller's transaction. */
export async function writeKafkaPositions(conn: DuckDBConnection, connector: string, positions: KafkaPosition[]): Promise<void> {
  for (const p of positions) {
    await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.kafka_offsets VALUES ($1, $2, $3, $4, now()::TIMESTAMP)`, [connector, p.topic, p.partition, p.next]);
  }
}

export async function clearKafkaPositions(conn: DuckDBConnection, connector: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.kafka_offsets WHERE connector = $1`, [connector]);
}
