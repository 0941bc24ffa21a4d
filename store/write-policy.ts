// What the store needs to know of the sink that writes through it: how changes are batched, how
// many sink tasks write in parallel, and the partition spec each new table is created with. The
// sink connector derives it from its configuration (connectors/columnar-sink: writePolicyOf); the
// store knows no connector keys.
import type { SinkBatching, TableSchema } from '../core/index.ts';
import type { PartitionSpec } from '../partitioning/index.ts';

export interface WritePolicy {
  batching: SinkBatching;
  /** Sink tasks writing each batch in parallel, each on its own connection (tasks.max). */
  tasks: number;
  /** The partition spec a table is created with. */
  specFor(schema: TableSchema): PartitionSpec;
  /** Retries of a failed batch before its records are looked at one by one (max.retries). */
  maxRetries: number;
  retryBackoffMs: number;
  /** What becomes of a record the store cannot hold (behavior.on.exception). */
  onUnstorable: 'FAIL' | 'LOG' | 'IGNORE';
}
