// A session's prepared statements (COM_STMT_PREPARE): each run by DuckDB with bound parameters,
// or — statements the gateway answers itself (SET, SHOW, USE, @@variables, EXPLAIN) and those
// forwarded upstream — kept as text and run as a query with the values written in.
import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { tokenize, type Translation } from '../dialect/index.ts';
import type { ParamValue } from './result-set.ts';
import { SqlError } from './sql-errors.ts';

export type Prepared = ({ kind: 'duckdb'; statement: DuckDBPreparedStatement; translation: Translation } | { kind: 'emulated'; sql: string }) & {
  params: number;
  /** The statement as the client wrote it (after executable comments), for the process list. */
  mysqlSql: string;
};

export class PreparedStatements {
  private readonly statements = new Map<number, Prepared>();
  private nextId = 1;

  /**
   * A statement run by DuckDB, prepared by `prepare`; the caller has translated and authorised it.
   * Its id is taken first: a statement DuckDB fails to prepare still uses one up.
   */
  async addDuckDb(prepare: () => Promise<DuckDBPreparedStatement>, translation: Translation, mysqlSql: string): Promise<{ id: number; statement: DuckDBPreparedStatement }> {
    const id = this.nextId++;
    const statement = await prepare();
    this.statements.set(id, { kind: 'duckdb', statement, translation, params: statement.parameterCount, mysqlSql });
    return { id, statement };
  }

  /** A statement kept as text: the values are written in at each execution. */
  addEmulated(sql: string): { id: number; params: number } {
    const id = this.nextId++;
    const params = tokenize(sql).filter((tok) => tok.kind === 'other' && tok.text === '?').length;
    this.statements.set(id, { kind: 'emulated', sql, params, mysqlSql: sql });
    return { id, params };
  }

  peek(id: number): Prepared | undefined {
    return this.statements.get(id);
  }

  /** The statement to execute with `params`, as MySQL checks them (1243, 1210). */
  forExecution(id: number, params: ParamValue[]): Prepared {
    const prepared = this.statements.get(id);
    if (!prepared) throw new SqlError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${id}) given to mysqld_stmt_execute`);
    if (params.length !== prepared.params) throw new SqlError('WRONG_ARGUMENTS', `Incorrect arguments to mysqld_stmt_execute: ${prepared.params} parameter(s) expected, ${params.length} sent`);
    return prepared;
  }

  close(id: number): void {
    const prepared = this.statements.get(id);
    this.statements.delete(id);
    if (prepared?.kind === 'duckdb') prepared.statement.destroySync();
  }

  closeAll(): void {
    for (const id of [...this.statements.keys()]) this.close(id);
  }
}
