// The forwarding path of a session: a SELECT the dialect refused, run on the upstream MySQL
// (gateway.upstream) when its parse says what it reads and the user's grants and the forwarding
// policy allow it; SHOW WARNINGS then says it was forwarded, and why.
import { classify, type StatementReads } from '../dialect/index.ts';
import { forwardingRefusal } from './forwarding-policy.ts';
import type { ForwardedShapes, UpstreamSession } from './forwarding.ts';
import type { QueryResult } from './result-set.ts';
import { SqlError } from './sql-errors.ts';
import type { StatementClock } from './statement-clock.ts';

/** A line of SHOW WARNINGS: level, code, message. */
export type Diagnostic = [string, number, string];

export class StatementForwarder {
  constructor(
    private readonly forwarding: { forwarded: ForwardedShapes; upstream: UpstreamSession | null },
    private readonly clock: StatementClock,
    private readonly database: () => string | null,
    /** Replaces what SHOW WARNINGS shows for the statement. */
    private readonly diagnose: (diagnostics: Diagnostic[]) => void,
  ) {}

  /** A SELECT the dialect refused (1235), with an upstream to forward it to. */
  forwardable(err: unknown, sql: string): boolean {
    return err instanceof SqlError && err.code === 1235 && this.forwarding.upstream !== null && classify(sql) === 'select';
  }

  /**
   * Runs a SELECT the dialect refused on the upstream MySQL, and says so in SHOW WARNINGS.
   * `reads`: what the statement reads, already checked against the user's grants
   * (SessionTranslator.authorizeParsed); null when it did not parse.
   */
  async forward(sql: string, reason: string, reads: StatementReads | null): Promise<QueryResult> {
    const upstream = this.forwarding.upstream!;
    // The upstream answers with its own account's privileges: only a statement whose parse says
    // what it reads, checked against this user's grants, is sent, and none that touches files there.
    if (!reads) throw new SqlError('NOT_SUPPORTED_YET', `${reason} (not forwarded to ${upstream.endpoint}: the statement could not be parsed to check it against your grants)`);
    const refusal = forwardingRefusal(reads, upstream.endpoint);
    if (refusal) throw refusal;
    let result: QueryResult;
    try {
      result = await this.clock.timed(sql, () => upstream.query(sql, this.database()));
    } catch (err) {
      const e = err as { errno?: number; sqlState?: string; message: string };
      const relayed = e.errno ? SqlError.relayed(e.errno, e.sqlState ?? 'HY000', e.message) : new SqlError('UNKNOWN', `forwarding to ${upstream.endpoint} failed: ${e.message}`);
      this.diagnose([['Error', relayed.code, relayed.message]]);
      throw relayed;
    }
    this.forwarding.forwarded.record(sql, reason.replace(/^instaquery does not yet support /, ''));
    this.diagnose([['Note', 1235, `forwarded to ${upstream.endpoint}: ${reason}`]]);
    return result;
  }

  async close(): Promise<void> {
    await this.forwarding.upstream?.close();
  }
}
