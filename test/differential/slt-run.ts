// Runs one sqllogictest file end to end: its statements on the source MariaDB (a database of its
// own), CDC carries them to the store, and its queries through the gateway once the store holds
// the source's last write. Each query ends identical, refused (error 1235, the dialect saying
// what it does not serve) or different (a wrong answer, or any other error).
import type mysql from 'mysql2/promise';
import type { QueryRecord, SltRecord } from './slt-file.ts';
import { matchesExpected, renderRows, expectedForm, type WireValue } from './slt-result.ts';

export type Outcome = 'identical' | 'refused' | 'different';

export interface QueryOutcome {
  line: number;
  sql: string;
  outcome: Outcome;
  /** For refused: the gateway's message; for different: what came back instead. */
  detail?: string;
}

export interface FileOutcome {
  queries: QueryOutcome[];
  /** Statements whose success or failure on the source differed from the file's. */
  statementSurprises: { line: number; sql: string; error: string | null }[];
}

export interface SltConnections {
  /** On the file's source database. */
  source: mysql.Connection;
  /** On the same database through the gateway. */
  gateway: mysql.Connection;
  /** The file's database; the gateway switches to it once the store has it. */
  database: string;
}

const QUERY_TIMEOUT_MS = 30_000;
const CATCH_UP_SECONDS = 30;

async function lastGtid(source: mysql.Connection): Promise<string> {
  const [rows] = await source.query('SELECT @@last_gtid AS g');
  return String((rows as { g: unknown }[])[0]?.g ?? '');
}

async function catchUp(gateway: mysql.Connection, gtid: string): Promise<void> {
  if (gtid === '') return;
  const [rows] = await gateway.query(`SELECT MASTER_GTID_WAIT('${gtid}', ${CATCH_UP_SECONDS}) AS w`);
  const waited = (rows as { w: unknown }[])[0]?.w;
  if (String(waited) !== '0') throw new Error(`the store did not reach the source's GTID ${gtid} within ${CATCH_UP_SECONDS} s`);
}

async function runQuery(gateway: mysql.Connection, record: QueryRecord): Promise<QueryOutcome> {
  const base = { line: record.line, sql: record.sql };
  try {
    const [rows] = await gateway.query({ sql: record.sql, rowsAsArray: true, timeout: QUERY_TIMEOUT_MS });
    const values = rows as WireValue[][];
    if (matchesExpected(record, values)) return { ...base, outcome: 'identical' };
    const got = expectedForm(record, renderRows(record, values));
    return { ...base, outcome: 'different', detail: `expected ${record.expected.slice(0, 6).join(' | ')}; got ${got.slice(0, 6).join(' | ')}` };
  } catch (e) {
    const err = e as { errno?: number; message?: string };
    if (err.errno === 1235) return { ...base, outcome: 'refused', detail: err.message };
    return { ...base, outcome: 'different', detail: `error ${err.errno ?? ''}: ${err.message}` };
  }
}

/** Runs `records` in order; statements go to the source, queries to the gateway. */
export async function runSltRecords(records: SltRecord[], conns: SltConnections): Promise<FileOutcome> {
  const outcome: FileOutcome = { queries: [], statementSurprises: [] };
  let pendingWrites = false;
  let inDatabase = false;
  for (const record of records) {
    if (record.kind === 'statement') {
      let error: string | null = null;
      try {
        await conns.source.query(record.sql);
      } catch (e) {
        error = (e as Error).message;
      }
      if ((error !== null) !== record.expectError) outcome.statementSurprises.push({ line: record.line, sql: record.sql, error });
      pendingWrites = true;
      continue;
    }
    if (pendingWrites) {
      await catchUp(conns.gateway, await lastGtid(conns.source));
      pendingWrites = false;
      // The store learns of the database from the binlog, with its first table.
      if (!inDatabase) inDatabase = await conns.gateway.query(`USE \`${conns.database}\``).then(() => true, () => false);
    }
    outcome.queries.push(await runQuery(conns.gateway, record));
  }
  return outcome;
}
