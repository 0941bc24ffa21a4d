// The engine behind the protocol: session statements answered here, reads translated by the
// dialect and run on the session's own DuckDB connection, writes refused (the store is a replica).
import type { DuckDBConnection } from '@duckdb/node-api';
import { DialectError, translate, type Translation } from '../dialect/index.ts';
import { describeResult, textColumn } from './mysql-types.ts';
import { SqlError } from './sql-errors.ts';
import { showCreateTable } from './show-create-table.ts';
import { selectVariables, systemVariables } from './system-variables.ts';
import type { QueryHandler, QueryResult, QuerySession, SessionState } from './result-set.ts';

/** Schemas of the store that are not source databases. */
const HIDDEN_SCHEMAS = new Set(['_instaquery', '_instaquery_parts', 'information_schema', 'pg_catalog', 'main', 'temp']);

export interface EngineOptions {
  connect(): Promise<DuckDBConnection>;
  /** Named in the read-only error so users know where writes go, e.g. "source MySQL 10.0.0.5:3306". */
  writeTarget: string;
}

export function createDuckDbHandler(options: EngineOptions): QueryHandler {
  return {
    async openSession(state) {
      return new DuckDbSession(await options.connect(), state, options.writeTarget);
    },
  };
}

/** DuckDB's error text names its class first ("Catalog Error: ..."); map it to MySQL's. */
export function toSqlError(err: unknown): SqlError {
  const message = (err as Error).message ?? String(err);
  if (/^Parser Error/i.test(message)) return new SqlError('PARSE', `You have an error in your SQL syntax: ${message}`);
  if (/^Catalog Error: Table with name (\S+) does not exist/i.test(message)) {
    const name = /Table with name (\S+) does not exist/i.exec(message)![1];
    return new SqlError('NO_SUCH_TABLE', `Table '${name}' doesn't exist`);
  }
  if (/^Catalog Error: Schema with name (\S+) does not exist/i.test(message)) {
    return new SqlError('BAD_DB', `Unknown database '${/Schema with name (\S+) does not exist/i.exec(message)![1]}'`);
  }
  if (/^Binder Error: Referenced column "?([^"\s]+)"? not found/i.test(message)) {
    return new SqlError('BAD_FIELD', `Unknown column '${/Referenced column "?([^"\s]+)"?/i.exec(message)![1]}' in 'field list'`);
  }
  return new SqlError('UNKNOWN', message);
}

class DuckDbSession implements QuerySession {
  private readonly vars = systemVariables();

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly state: SessionState,
    private readonly writeTarget: string,
  ) {}

  async useDatabase(name: string): Promise<void> {
    if (!(await this.databases()).includes(name)) throw new SqlError('BAD_DB', `Unknown database '${name}'`);
    await this.conn.run(`USE "${name.replace(/"/g, '""')}"`);
    this.state.database = name;
  }

  private async databases(): Promise<string[]> {
    const r = await this.conn.runAndReadAll("SELECT DISTINCT schema_name FROM duckdb_schemas() WHERE NOT internal AND database_name = current_database() ORDER BY 1");
    return r.getRowsJS().map((row) => String(row[0])).filter((s) => !HIDDEN_SCHEMAS.has(s));
  }

  async query(sql: string): Promise<QueryResult> {
    let t: Translation;
    try {
      t = translate(sql);
    } catch (err) {
      if (err instanceof DialectError) throw new SqlError('PARSE', `You have an error in your SQL syntax: ${err.message}`);
      throw err;
    }
    switch (t.kind) {
      case 'write':
        throw new SqlError(
          'OPTION_PREVENTS_STATEMENT',
          `The MySQL server is running with the --read-only option so it cannot execute this statement (instaquery is a read-only copy: write to the ${this.writeTarget})`,
        );
      case 'transaction':
      case 'set':
        // Reads need no transaction; SET NAMES / autocommit / session variables are accepted
        // (issue 5 keeps their values per session).
        return { kind: 'ok' };
      case 'use': {
        const name = /^\s*use\s+[`"]?([^`"\s;]+)[`"]?/i.exec(sql)?.[1];
        if (!name) throw new SqlError('PARSE', 'You have an error in your SQL syntax: USE needs a database name');
        await this.useDatabase(name);
        return { kind: 'ok' };
      }
      case 'show':
        return this.show(sql);
      default: {
        const variables = selectVariables(sql, this.vars, this.state.database);
        if (variables) return { kind: 'rows', columns: variables.names.map(textColumn), rows: [variables.values] };
        return this.run(t.sql);
      }
    }
  }

  private async run(duckSql: string): Promise<QueryResult> {
    try {
      const reader = await this.conn.runAndReadAll(duckSql);
      const shape = describeResult(reader.columnNames(), reader.columnTypes());
      return { kind: 'rows', columns: shape.columns, rows: reader.getRows().map((r) => shape.renderRow(r)) };
    } catch (err) {
      throw toSqlError(err);
    }
  }

  private async show(sql: string): Promise<QueryResult> {
    if (/^\s*show\s+(databases|schemas)\s*;?\s*$/i.test(sql)) {
      return { kind: 'rows', columns: [textColumn('Database')], rows: (await this.databases()).map((d) => [d]) };
    }
    const tables = /^\s*show\s+tables(?:\s+(?:from|in)\s+[`"]?([^`"\s;]+)[`"]?)?\s*;?\s*$/i.exec(sql);
    if (tables) {
      const db = tables[1] ?? this.state.database;
      if (!db) throw new SqlError('NO_DB', 'No database selected');
      if (!(await this.databases()).includes(db)) throw new SqlError('BAD_DB', `Unknown database '${db}'`);
      // A range-partitioned table is a view over its partitions.
      const r = await this.conn.runAndReadAll(
        `SELECT table_name FROM duckdb_tables() WHERE schema_name = $1 AND database_name = current_database()
         UNION SELECT view_name FROM duckdb_views() WHERE schema_name = $1 AND database_name = current_database() AND NOT internal ORDER BY 1`,
        [db],
      );
      return { kind: 'rows', columns: [textColumn(`Tables_in_${db}`)], rows: r.getRowsJS().map((row) => [String(row[0])]) };
    }
    const create = /^\s*show\s+create\s+table\s+(?:[`"]?([^`"\s.;]+)[`"]?\.)?[`"]?([^`"\s;]+)[`"]?\s*;?\s*$/i.exec(sql);
    if (create) {
      const db = create[1] ?? this.state.database;
      if (!db) throw new SqlError('NO_DB', 'No database selected');
      const table = create[2]!;
      return { kind: 'rows', columns: [textColumn('Table'), textColumn('Create Table')], rows: [[table, await showCreateTable(this.conn, db, table)]] };
    }
    throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${sql.trim().slice(0, 60)}'`);
  }

  async close(): Promise<void> {
    this.conn.closeSync();
  }
}
