// The admin UI's query console: one statement through the gateway's own engine (the same
// translation, catalog and forwarding as a MySQL client gets), with where the answer came from,
// the DuckDB SQL it ran as, and its time. At most 1,000 rows come back.
import { performance } from 'node:perf_hooks';
import type { QueryHandler, TextValue } from '../gateway/result-set.ts';
import { SqlError } from '../gateway/sql-errors.ts';

export const CONSOLE_ROW_LIMIT = 1000;

export interface ConsoleAnswer {
  outcome: string;
  translated: string | null;
  ms: number;
  columns: string[];
  rows: (string | null)[][];
  truncated: boolean;
  affectedRows?: number;
}

let nextId = 1_000_000_000;

export async function runConsoleQuery(handler: QueryHandler, sql: string, database: string | null): Promise<ConsoleAnswer> {
  const session = await handler.openSession({ connectionId: nextId++, user: 'admin-ui', host: 'admin-ui', database, textCharset: 45 });
  try {
    const started = performance.now();
    const result = await session.query(sql);
    const text = (v: TextValue) => (v === null ? null : Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v);
    const rows: (string | null)[][] = [];
    let truncated = false;
    if (result.kind === 'rows') {
      const batches = Array.isArray(result.rows) ? [result.rows] : result.rows;
      for await (const batch of batches) {
        for (const row of batch) {
          if (rows.length >= CONSOLE_ROW_LIMIT) truncated = true;
          else rows.push(row.map(text));
        }
        if (truncated) {
          session.interrupt();
          break;
        }
      }
    }
    return {
      outcome: session.outcome ?? 'local',
      translated: session.lastTranslation ?? null,
      ms: Math.round((performance.now() - started) * 100) / 100,
      columns: result.kind === 'rows' ? result.columns.map((c) => c.name) : [],
      rows,
      truncated,
      ...(result.kind === 'ok' ? { affectedRows: result.affectedRows ?? 0 } : {}),
    };
  } catch (err) {
    if (err instanceof SqlError) throw Object.assign(new Error(err.message), { mysqlCode: err.code });
    throw err;
  } finally {
    await session.close().catch(() => undefined);
  }
}
