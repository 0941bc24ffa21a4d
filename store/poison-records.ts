// Applying a staged batch so that one poison record never stalls the rest: a failed batch is
// retried, then the records the tables cannot hold are set aside as the sink's
// behavior.on.exception says, and everything else is applied.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceOffset } from '../core/index.ts';
import { UserFacingError } from '../core/index.ts';
import { transactionOn } from './duckdb-file.ts';
import { writeDeadLetters, type DeadLetter } from './dead-letter.ts';
import type { WritePolicy } from './write-policy.ts';
import type { TableStage } from './upsert-batch.ts';

/**
 * Applies staged tables plus `alsoInTransaction` in one transaction. A failure is retried
 * (`max.retries`, `retry.backoff.ms`); then records the tables cannot hold are, by
 * `behavior.on.exception`, the reason the task stops (FAIL), dead-lettered (LOG) or dropped
 * (IGNORE) — and everything else is applied, so one poison record never stalls the rest.
 * `writer` is the store's write connection (sink task 0's).
 */
export async function applyStagesHandlingPoison(writer: DuckDBConnection, connector: string, stages: Map<string, TableStage>, policy: WritePolicy, offset: SourceOffset | null, alsoInTransaction: () => Promise<void>, insertOnly: boolean): Promise<void> {
  // Tasks 1…n-1 commit their shares first, in parallel; task 0 commits its share with the
  // offset last. A crash between re-reads the batch, which keyed tables take idempotently;
  // keyless tables (not idempotent) are always task 0's.
  const applyAll = async (letters: DeadLetter[]) => {
    const others = new Map<DuckDBConnection, TableStage[]>();
    for (const stage of stages.values()) {
      if (stage.conn === writer) continue;
      others.set(stage.conn, [...(others.get(stage.conn) ?? []), stage]);
    }
    await Promise.all([...others].map(([conn, own]) => transactionOn(conn, async () => {
      for (const stage of own) await stage.apply(insertOnly);
    })));
    await transactionOn(writer, async () => {
      for (const stage of stages.values()) if (stage.conn === writer) await stage.apply(insertOnly);
      if (letters.length > 0 && policy.onUnstorable === 'LOG') await writeDeadLetters(writer, connector, offset, letters);
      await alsoInTransaction();
    });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await applyAll([]);
      return;
    } catch (err) {
      if (attempt < policy.maxRetries) {
        await new Promise((r) => setTimeout(r, policy.retryBackoffMs));
        continue;
      }
      const letters: DeadLetter[] = [];
      for (const stage of stages.values()) {
        const found = await stage.takeUnstorable(policy.onUnstorable !== 'FAIL');
        letters.push(...found.map((f) => ({ db: stage.schema.db, table: stage.schema.table, ...f })));
      }
      if (letters.length === 0) throw err;
      if (policy.onUnstorable === 'FAIL') {
        const first = letters[0]!;
        throw new UserFacingError(
          `the sink cannot store ${letters.length} record(s) of ${first.db}.${first.table}: ${first.error}`,
          'set "behavior.on.exception": "LOG" on the sink connector to put such records in _instaquery.dead_letter and go on, or "IGNORE" to drop them',
        );
      }
      await applyAll(letters);
      return;
    }
  }
}
