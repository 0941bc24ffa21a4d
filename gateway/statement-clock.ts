// The session's running statement, as SHOW PROCESSLIST shows it and as KILL QUERY and
// max_execution_time end it: DuckDB's interrupt, told apart as MySQL tells a timeout (3024) from
// a KILL (1317). A streamed result stays "running" until its last row is read.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryResult } from './result-set.ts';
import type { SessionActivity } from './session-control.ts';
import { SqlError } from './sql-errors.ts';

export class StatementClock {
  /** Set when max_execution_time ended the running statement, to tell a timeout from a KILL. */
  private timedOut = false;

  constructor(
    private readonly activity: SessionActivity,
    private readonly conn: DuckDBConnection,
    /** The statement's time limit in milliseconds (0: none). */
    private readonly limitFor: (sql: string) => number,
  ) {}

  /** Runs `work` as the session's current statement, cancelled by KILL QUERY or its time limit. */
  async timed(sql: string, work: () => Promise<QueryResult>): Promise<QueryResult> {
    const limit = this.limitFor(sql);
    this.timedOut = false;
    this.activity.running = { sql, since: Date.now() };
    const timer = limit > 0 ? setTimeout(() => ((this.timedOut = true), this.interruptUntilIdle()), limit) : null;
    const done = () => {
      if (timer) clearTimeout(timer);
      this.activity.running = null;
      this.activity.idleSince = Date.now();
    };
    let result: QueryResult;
    try {
      result = await work();
    } catch (err) {
      done();
      throw this.interrupted(err);
    }
    if (result.kind !== 'rows' || Array.isArray(result.rows)) {
      done();
      return result;
    }
    const rows = result.rows;
    const clock = this;
    async function* tracked() {
      try {
        yield* rows;
      } catch (err) {
        throw clock.interrupted(err);
      } finally {
        done();
      }
    }
    return { ...result, rows: tracked() };
  }

  /** DuckDB forgets an interrupt that comes before its query starts, so it is repeated until the statement is over. */
  interruptUntilIdle(): void {
    const statement = this.activity.running;
    if (!statement) return;
    this.conn.interrupt();
    const again = setInterval(() => {
      if (this.activity.running !== statement) clearInterval(again);
      else this.conn.interrupt();
    }, 25);
  }

  /** DuckDB's "Interrupted" as MySQL's: a timeout (3024) or a KILL QUERY (1317). */
  private interrupted(err: unknown): unknown {
    const message = (err as Error).message ?? '';
    if (!/interrupt/i.test(message)) return err;
    return this.timedOut
      ? new SqlError('QUERY_TIMEOUT', 'Query execution was interrupted, maximum statement execution time exceeded')
      : new SqlError('QUERY_INTERRUPTED', 'Query execution was interrupted');
  }
}
