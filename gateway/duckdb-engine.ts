// The engine behind the protocol: session statements answered here, reads translated by the
// dialect and run on the session's own DuckDB connection, writes refused (the store is a replica).
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResult } from '@duckdb/node-api';
import { ansiQuotesAsBackticks, classify, DialectError, DialectUnsupported, executableText, statementReads, tokenize, translate, UnknownColumn, type TranslateContext, type Translation } from '../dialect/index.ts';
import { describeResult, textColumn } from './mysql-types.ts';
import { SqlError } from './sql-errors.ts';
import { answerShow, readsDiagnostics, type ShowContext } from './show-statements.ts';
import { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from './mysql-catalog.ts';
import { Grants } from './grants.ts';
import { forwardingRefusal } from './forwarding-policy.ts';
import { answerExplain, parseExplain, type Explain } from './explain.ts';
import { ForwardedShapes, UpstreamSession, type UpstreamConfig } from './forwarding.ts';
import { PARTS_SCHEMA } from '../store/index.ts';
import { freshnessStatus, parseGtidWait, waitForGtid, type SourceFreshness } from './freshness.ts';
import { SessionRegistry, assignedSystemVariables, hintedTimeout, parseKill, parseSessionAssignments, type SessionActivity } from './session-control.ts';
import { isSystemVariable, selectVariables, systemVariables } from './system-variables.ts';
import type { ParamValue, PreparedStatementInfo, QueryHandler, QueryResult, QuerySession, ResultColumn, SessionState, StatementOutcome, TextValue } from './result-set.ts';
import { bindParams, substituteParams } from './statement-params.ts';
import { hintedColumns, SourceCatalogCache, sourceColumnsOf, tablesInQuery, type LoadedCatalog } from './source-columns.ts';
import type { DuckDBType } from '@duckdb/node-api';

/** MySQL statements that are valid there but not served here (error 1235, not a syntax error). */
const MYSQL_STATEMENTS_NOT_SERVED = new Set(['DO', 'HELP', 'CHECK', 'CHECKSUM', 'REPAIR', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'CACHE', 'BINLOG', 'SIGNAL', 'RESIGNAL', 'GET', 'XA', 'SHUTDOWN', 'RESTART', 'CLONE']);

/** Schemas of the store that are not source databases. */
const HIDDEN_SCHEMAS = new Set(['_instaquery', PARTS_SCHEMA, MYSQL_CATALOG_SCHEMA, 'information_schema', 'pg_catalog', 'main', 'temp']);

export interface EngineOptions {
  connect(): Promise<DuckDBConnection>;
  /** Where to forward a SELECT the dialect refuses (gateway.upstream); none: refuse with 1235. */
  upstream?: UpstreamConfig;
  /** Where each source stands, for SHOW STATUS and read-your-writes waits. */
  sources?: () => SourceFreshness[];
  /** Named in the read-only error so users know where writes go, e.g. "source MySQL 10.0.0.5:3306". */
  writeTarget: string;
}

export function createDuckDbHandler(options: EngineOptions): QueryHandler & { forwarded: ForwardedShapes } {
  const registry = new SessionRegistry();
  const catalog = new SourceCatalogCache();
  const forwarded = new ForwardedShapes();
  return {
    forwarded,
    async openSession(state) {
      const conn = await options.connect();
      // MySQL's default collations (utf8mb4_general_ci, utf8mb4_0900_ai_ci) compare, group, sort
      // and deduplicate text ignoring case and accents; so does this session. SESSION: a plain SET
      // is instance-wide, and the sink must keep comparing keys exactly.
      await conn.run(`SET SESSION default_collation = 'nocase.noaccent'`);
      return new DuckDbSession(conn, state, options.writeTarget, registry, options.sources ?? (() => []), catalog, { forwarded, upstream: options.upstream ? new UpstreamSession(options.upstream) : null });
    },
  };
}

/** DuckDB's error text names its class first ("Catalog Error: ..."); map it to MySQL's. */
export function toSqlError(err: unknown): SqlError {
  const message = (err as Error).message ?? String(err);
  if (/^(Failed to extract statements: )?Parser Error/i.test(message)) return new SqlError('PARSE', `You have an error in your SQL syntax: ${message.replace(/^Failed to extract statements: /, '')}`);
  if (/^Catalog Error: Table with name (\S+) does not exist/i.test(message)) {
    const name = /Table with name (\S+) does not exist/i.exec(message)![1];
    return new SqlError('NO_SUCH_TABLE', `Table '${name}' doesn't exist`);
  }
  if (/^Catalog Error: Schema with name (\S+) does not exist/i.test(message)) {
    return new SqlError('BAD_DB', `Unknown database '${/Schema with name (\S+) does not exist/i.exec(message)![1]}'`);
  }
  const column = /^Binder Error: (?:Referenced column|Column) "?([^"\s]+)"? not found/i.exec(message);
  if (column) return new SqlError('BAD_FIELD', `Unknown column '${column[1]}' in 'field list'`);
  return new SqlError('UNKNOWN', message);
}

/**
 * A prepared statement: run by DuckDB with bound parameters, or (statements the gateway answers
 * itself: SET, SHOW, USE, @@variables) kept as text and run with the values written in.
 */
type Prepared = { kind: 'duckdb'; statement: DuckDBPreparedStatement; params: number; translation: Translation } | { kind: 'emulated'; sql: string; params: number };

class DuckDbSession implements QuerySession {
  private vars = systemVariables();
  /**
   * What SHOW WARNINGS shows for the last statement: where a SELECT's answer came from (served
   * from the store, or forwarded and why), or the error it ended with.
   */
  private diagnostics: [string, number, string][] = [];
  /** What FOUND_ROWS() answers: rows the last SELECT sent, or its SQL_CALC_FOUND_ROWS count. */
  private foundRows = 0;
  private readonly statements = new Map<number, Prepared & { mysqlSql: string }>();
  private catalogLimited = false;
  private nextStatementId = 1;

  private readonly activity: SessionActivity;
  private readonly grants: Grants;
  /** Set when max_execution_time ended the running statement, to tell a timeout from a KILL. */
  private timedOut = false;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly state: SessionState,
    private readonly writeTarget: string,
    private readonly registry: SessionRegistry,
    private readonly sources: () => SourceFreshness[],
    private readonly catalog: SourceCatalogCache,
    private readonly forwarding: { forwarded: ForwardedShapes; upstream: UpstreamSession | null },
  ) {
    const session = this;
    this.grants = new Grants({ user: state.user, host: this.hostOnly, databases: state.allowedDatabases ?? null });
    this.activity = {
      connectionId: state.connectionId,
      user: state.user,
      host: state.host,
      get database() {
        return session.state.database;
      },
      running: null,
      idleSince: Date.now(),
      // DuckDB forgets an interrupt that comes before its query starts, so a KILL repeats it
      // until the statement is over.
      interrupt: () => this.interruptUntilIdle(),
      disconnect: () => state.disconnect?.(),
    };
    registry.add(this.activity);
  }

  async useDatabase(name: string): Promise<void> {
    this.grants.checkDatabase(name);
    if (!(await this.databases()).includes(name)) throw new SqlError('BAD_DB', `Unknown database '${name}'`);
    await this.conn.run(`USE "${name.replace(/"/g, '""')}"`);
    this.state.database = name;
  }

  private async databases(): Promise<string[]> {
    const r = await this.conn.runAndReadAll("SELECT DISTINCT schema_name FROM duckdb_schemas() WHERE NOT internal AND database_name = current_database() ORDER BY 1");
    return r.getRowsJS().map((row) => String(row[0])).filter((s) => !HIDDEN_SCHEMAS.has(s) && this.grants.mayUse(s));
  }

  /**
   * For a user limited to some databases, information_schema shows only those: the MySQL views
   * are read through per-session filtered copies (temp views), made on first use.
   */
  private async limitCatalog(duckSql: string): Promise<string> {
    const allowed = this.state.allowedDatabases;
    if (!allowed || !duckSql.includes(`${MYSQL_CATALOG_SCHEMA}.`)) return duckSql;
    if (!this.catalogLimited) {
      const list = allowed.map((d) => `'${d.replace(/'/g, "''")}'`).join(', ') || 'NULL';
      for (const view of MYSQL_CATALOG_VIEWS) {
        const column = view === 'schemata' ? 'SCHEMA_NAME' : 'TABLE_SCHEMA';
        await this.conn.run(`CREATE OR REPLACE TEMP VIEW "iq_is_${view}" AS SELECT * FROM ${MYSQL_CATALOG_SCHEMA}.${view} WHERE ${column} IN (${list}, 'information_schema')`);
      }
      this.catalogLimited = true;
    }
    return duckSql.replace(new RegExp(`${MYSQL_CATALOG_SCHEMA}\\.(${MYSQL_CATALOG_VIEWS.join('|')})\\b`, 'g'), 'temp.main."iq_is_$1"');
  }

  private get hostOnly(): string {
    return this.state.host.replace(/:\d+$/, '');
  }

  /** Every relation the translated SELECT reads, against the user's grants (1142, 1146, 1356). */
  private async authorize(t: Translation): Promise<void> {
    this.grants.checkRelations(t.relations ?? [], (await this.catalog.get(this.conn)).grants);
  }

  /**
   * A statement the dialect refused, or one to forward: its relations, from the parse alone,
   * against the grants, before any other answer (a refusal naming a forbidden view's definition,
   * or an unknown column, would tell what a forbidden relation holds). What does not parse has
   * no relations to name and its refusal names nothing but the client's own text.
   */
  private async authorizeParsed(sql: string): Promise<ReturnType<typeof statementReads> | null> {
    let reads: ReturnType<typeof statementReads>;
    try {
      reads = statementReads(sql, this.state.database);
    } catch {
      // Unparsed, so refused whatever it names; a forbidden database it names after FROM or JOIN
      // is still refused as MySQL refuses it (1142), so the refusal tells nothing more.
      this.grants.checkMentioned(tablesInQuery(sql, this.state.database));
      return null;
    }
    this.grants.checkRelations(reads.relations, (await this.catalog.get(this.conn, true)).grants);
    return reads;
  }

  outcome: StatementOutcome = 'local';
  lastTranslation: string | null = null;

  /**
   * The statement MySQL would execute, in the dialect's reading: versioned comments are code there
   * (executable-comments.ts), and under ANSI_QUOTES double quotes name identifiers.
   */
  private asMysqlReadsIt(text: string): string {
    const sql = executableText(text);
    return /\b(ANSI_QUOTES|ANSI)\b/i.test(this.vars.get('sql_mode') ?? '') ? ansiQuotesAsBackticks(sql) : sql;
  }

  async query(text: string): Promise<QueryResult> {
    const sql = this.asMysqlReadsIt(text);
    this.registry.questions++;
    this.outcome = 'local';
    this.lastTranslation = null;
    const kill = parseKill(sql);
    if (kill) {
      this.registry.kill(this.state, kill.id, kill.queryOnly);
      return { kind: 'ok' };
    }
    const wait = parseGtidWait(sql);
    if (wait) {
      // MariaDB's MASTER_GTID_WAIT answers 0 or -1 (timeout); MySQL's WAIT_FOR_EXECUTED_GTID_SET 0 or 1.
      const reached = await waitForGtid(this.sources, wait.gtid, Math.min(wait.timeoutSeconds ?? 3600, 3600) * 1000);
      const value = reached ? '0' : wait.fn === 'MASTER_GTID_WAIT' ? '-1' : '1';
      return { kind: 'rows', columns: [textColumn(wait.alias)], rows: [[value]] };
    }
    if (!readsDiagnostics(sql)) this.diagnostics = [];
    const explain = parseExplain(sql);
    if (explain?.kind === 'select') return this.explain(sql, explain);
    if (explain?.kind === 'table') return this.show(explain.describe);
    let t: Translation;
    try {
      t = await this.translate(sql);
      if (t.kind === 'select') await this.authorize(t);
    } catch (err) {
      if (classify(sql) === 'select') await this.authorizeParsed(sql);
      if (err instanceof SqlError) this.diagnostics = [['Error', err.code, err.message]];
      if (this.forwardable(err, sql)) return this.forward(sql, (err as SqlError).message);
      throw err;
    }
    if (t.kind === 'select') await this.waitForSessionGtid();
    if (t.kind === 'show') return this.show(sql);
    switch (t.kind) {
      case 'write':
        throw new SqlError(
          'OPTION_PREVENTS_STATEMENT',
          `The MySQL server is running with the --read-only option so it cannot execute this statement (instaquery is a read-only copy: write to the ${this.writeTarget})`,
        );
      case 'transaction':
      case 'set': {
        // Session variables are kept per session (SELECT @@x and SHOW VARIABLES read them);
        // SET NAMES / TRANSACTION need nothing from a read-only replica.
        if (/^\s*set\s+password\b/i.test(sql)) throw new SqlError('NOT_SUPPORTED_YET', "This version of instaquery doesn't yet support 'SET PASSWORD': gateway passwords are set in the config (gateway.users)");
        // Global variables are the server's: a user without every grant may not set them, as
        // MySQL requires SYSTEM_VARIABLES_ADMIN; for others they change nothing here.
        if (!this.grants.unrestricted && /(^|[\s,])(global\s|@@global\.)/i.test(sql)) {
          throw new SqlError('SPECIFIC_ACCESS_DENIED', 'Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for this operation');
        }
        // DuckDB's settings are not MySQL's variables: SET never reaches DuckDB, and a name
        // MySQL does not know is its error 1193, whatever DuckDB calls it.
        const assigned = assignedSystemVariables(sql);
        if (!assigned) throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${sql.trim().slice(0, 80)}' at line 1`);
        const unknown = assigned.find((name) => !isSystemVariable(name));
        if (unknown) throw new SqlError('UNKNOWN_SYSTEM_VARIABLE', `Unknown system variable '${unknown}'`);
        const assignments = parseSessionAssignments(sql);
        for (const [name, value] of assignments ?? []) this.vars.set(name, value);
        return { kind: 'ok' };
      }
      case 'use': {
        const name = /^\s*use\s+[`"]?([^`"\s;]+)[`"]?/i.exec(sql)?.[1];
        if (!name) throw new SqlError('PARSE', 'You have an error in your SQL syntax: USE needs a database name');
        await this.useDatabase(name);
        return { kind: 'ok' };
      }
      case 'other': {
        // Only reads reach DuckDB: its own statements (COPY, ATTACH, PRAGMA, …) are not MySQL's
        // and would act on the store or the machine. MySQL calls them syntax errors; MySQL
        // statements the gateway does not implement get 1235.
        const word = /^[\s(]*([A-Za-z]+)/.exec(sql.replace(/^(\s|\/\*[\s\S]*?\*\/)*/, ''))?.[1]?.toUpperCase() ?? '';
        if (MYSQL_STATEMENTS_NOT_SERVED.has(word)) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${sql.trim().slice(0, 60)}'`);
        throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${sql.trim().slice(0, 80)}' at line 1`);
      }
      case 'select': {
        const variables = selectVariables(sql, this.vars, this.state.database);
        if (variables) return { kind: 'rows', columns: variables.names.map(textColumn), rows: [variables.values] };
        const duckSql = await this.limitCatalog(t.sql);
        this.diagnostics = [['Note', 1003, 'served by instaquery from the store']];
        this.forwarding.forwarded.served++;
        this.outcome = 'served';
        this.lastTranslation = duckSql;
        return this.timed(sql, () => this.run(duckSql, sql, t));
      }
      default:
        throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${sql.trim().slice(0, 60)}'`);
    }
  }

  private async show(sql: string): Promise<QueryResult> {
    const shown = await answerShow(sql, this.showContext());
    // Not answered here; what it names is still checked first, so the refusal tells nothing.
    if (!shown) this.grants.checkShowTargets(sql, (await this.catalog.get(this.conn, true)).grants);
    if (!shown) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${sql.trim().slice(0, 60)}'`);
    return shown;
  }

  /** EXPLAIN of a SELECT: translated and authorised as the SELECT itself, then explained by DuckDB. */
  private async explain(sql: string, e: Extract<Explain, { kind: 'select' }>): Promise<QueryResult> {
    let t: Translation;
    try {
      t = await this.translate(e.select);
      if (t.kind !== 'select') throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support EXPLAIN of '${e.select.slice(0, 60)}'`);
      await this.authorize(t);
    } catch (err) {
      await this.authorizeParsed(e.select);
      throw err;
    }
    const duckSql = await this.limitCatalog(t.sql);
    // As MySQL leaves the query it actually ran in Note 1003.
    this.diagnostics = [['Note', 1003, duckSql]];
    return this.timed(sql, async () => {
      try {
        return await answerExplain(this.conn, e, duckSql, t.relations ?? []);
      } catch (err) {
        throw toSqlError(err);
      }
    });
  }

  /** The statement in DuckDB's dialect, typed against the store's catalog as it is now. */
  private async translate(sql: string): Promise<Translation> {
    // Every table named with its database: the SQL DuckDB runs means exactly the relations the
    // grants checked, whatever its search path holds.
    const context = (loaded: LoadedCatalog): TranslateContext => ({ database: this.state.database, catalog: loaded.dialect, qualifyTables: true, systemVariable: (name) => this.sessionValue(name) });
    // The catalog is re-read at most once a second: a table or column added a moment ago may be
    // missing. Translating without a table's types could change the answer, so it is re-read.
    let t: Translation;
    try {
      t = translateOrThrow(sql, context(await this.catalog.get(this.conn)));
    } catch (err) {
      if (!(err instanceof SqlError && err.code === 1054)) throw err;
      return translateOrThrow(sql, context(await this.catalog.get(this.conn, true)));
    }
    if (!t.unknownTables?.length) return t;
    return translateOrThrow(sql, context(await this.catalog.get(this.conn, true)));
  }

  /** A statement prepared as text: the values are written in at each execution and it runs as a query. */
  private emulated(sql: string): PreparedStatementInfo {
    const id = this.nextStatementId++;
    const params = tokenize(sql).filter((tok) => tok.kind === 'other' && tok.text === '?').length;
    this.statements.set(id, { kind: 'emulated', sql, params, mysqlSql: sql });
    return { id, params, columns: [] };
  }

  /** A SELECT the dialect refused (1235), with an upstream to forward it to. */
  private forwardable(err: unknown, sql: string): boolean {
    return err instanceof SqlError && err.code === 1235 && this.forwarding.upstream !== null && classify(sql) === 'select';
  }

  /** Runs a SELECT the dialect refused on the upstream MySQL, and says so in SHOW WARNINGS. */
  private async forward(sql: string, reason: string): Promise<QueryResult> {
    const upstream = this.forwarding.upstream!;
    // The upstream answers with its own account's privileges: only a statement whose parse says
    // what it reads, checked against this user's grants, is sent, and none that touches files there.
    const reads = await this.authorizeParsed(sql);
    if (!reads) throw new SqlError('NOT_SUPPORTED_YET', `${reason} (not forwarded to ${upstream.endpoint}: the statement could not be parsed to check it against your grants)`);
    const refusal = forwardingRefusal(reads, upstream.endpoint);
    if (refusal) throw refusal;
    let result: QueryResult;
    try {
      result = await this.timed(sql, () => upstream.query(sql, this.state.database));
    } catch (err) {
      const e = err as { errno?: number; sqlState?: string; message: string };
      const relayed = e.errno ? SqlError.relayed(e.errno, e.sqlState ?? 'HY000', e.message) : new SqlError('UNKNOWN', `forwarding to ${upstream.endpoint} failed: ${e.message}`);
      this.diagnostics = [['Error', relayed.code, relayed.message]];
      throw relayed;
    }
    this.forwarding.forwarded.record(sql, reason.replace(/^instaquery does not yet support /, ''));
    this.diagnostics = [['Note', 1235, `forwarded to ${upstream.endpoint}: ${reason}`]];
    this.outcome = 'forwarded';
    return result;
  }

  /** A system variable, or what a session function (FOUND_ROWS(), CURRENT_USER(), …) answers. */
  private sessionValue(name: string): string | undefined {
    switch (name) {
      case 'found_rows()':
        return String(this.foundRows);
      case 'current_user()':
        // The account: users are configured without a host pattern, so '%'.
        return `${this.state.user}@%`;
      case 'user()':
        return `${this.state.user}@${this.hostOnly}`;
      case 'connection_id()':
        return String(this.state.connectionId);
      default:
        return this.vars.get(name);
    }
  }

  private async run(duckSql: string, mysqlSql: string, t: Translation): Promise<QueryResult> {
    // The catalog is read first: any query on this connection would end a streaming result.
    const sourcesOf = await this.describer(mysqlSql, t);
    let result: DuckDBResult;
    let counted: number | null = null;
    try {
      if (t.foundRowsSql) counted = Number((await this.conn.runAndReadAll(t.foundRowsSql)).getRows()[0]?.[0] ?? 0);
      result = await this.conn.stream(duckSql);
    } catch (err) {
      throw toSqlError(err);
    }
    return streamed(result, sourcesOf(result.columnNames(), result.columnTypes()), this.state.textCharset, (sent) => {
      this.foundRows = counted ?? sent;
    });
  }

  /**
   * How to describe the result columns: as the dialect typed them when it could (every column),
   * else by matching result column names to the source columns of the tables in the query. (A
   * prepared statement whose table changed shape since gets DuckDB's own descriptions.)
   */
  private async describer(mysqlSql: string, t: Translation): Promise<(names: string[], types: DuckDBType[]) => ReturnType<typeof sourceColumnsOf>> {
    if (!t.columns) return this.sourceResolver(mysqlSql);
    const hinted = hintedColumns(t.columns);
    return (names) => (names.length === hinted.length ? hinted : []);
  }

  /** Says which result columns are source columns, for MySQL-exact column definitions. */
  private async sourceResolver(mysqlSql: string): Promise<(names: string[], types: DuckDBType[]) => ReturnType<typeof sourceColumnsOf>> {
    const tables = tablesInQuery(mysqlSql, this.state.database);
    if (tables.length === 0) return () => [];
    const { catalog } = await this.catalog.get(this.conn);
    return (names, types) => sourceColumnsOf(names, types, tables, catalog);
  }

  async prepare(text: string): Promise<PreparedStatementInfo> {
    const sql = this.asMysqlReadsIt(text);
    // EXPLAIN is answered at execution, through query().
    if (parseExplain(sql)) return this.emulated(sql);
    let t: Translation;
    try {
      t = await this.translate(sql);
      if (t.kind === 'select') await this.authorize(t);
    } catch (err) {
      if (classify(sql) === 'select') await this.authorizeParsed(sql);
      // Refused here but forwardable: kept as text, forwarded with its values at each execution.
      if (!this.forwardable(err, sql)) throw err;
      return this.emulated(sql);
    }
    if (t.kind !== 'select' || selectVariables(sql, this.vars, this.state.database)) return this.emulated(sql);
    const id = this.nextStatementId++;
    let statement: DuckDBPreparedStatement;
    try {
      statement = await this.conn.prepare(await this.limitCatalog(t.sql));
    } catch (err) {
      throw toSqlError(err);
    }
    this.statements.set(id, { kind: 'duckdb', statement, params: statement.parameterCount, mysqlSql: sql, translation: t });
    const names = Array.from({ length: statement.columnCount }, (_, i) => statement.columnName(i));
    const types = Array.from({ length: statement.columnCount }, (_, i) => statement.columnType(i));
    return { id, params: statement.parameterCount, columns: describeResult(names, types, (await this.describer(sql, t))(names, types), this.state.textCharset).columns };
  }

  /**
   * Runs `work` as the session's current statement, shown in the process list, cancelled by
   * KILL QUERY, and by max_execution_time (the session's, or a MAX_EXECUTION_TIME(ms) hint).
   * A streamed result stays "running" until its last row is read.
   */
  private async timed(sql: string, work: () => Promise<QueryResult>): Promise<QueryResult> {
    const limit = hintedTimeout(sql) ?? Number(this.vars.get('max_execution_time') ?? 0);
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
    const session = this;
    async function* tracked() {
      try {
        yield* rows;
      } catch (err) {
        throw session.interrupted(err);
      } finally {
        done();
      }
    }
    return { ...result, rows: tracked() };
  }

  private interruptUntilIdle(): void {
    const statement = this.activity.running;
    if (!statement) return;
    this.conn.interrupt();
    const again = setInterval(() => {
      if (this.activity.running !== statement) clearInterval(again);
      else this.conn.interrupt();
    }, 25);
  }

  /** With @@session.instaquery_wait_for_gtid set, a read waits until the store holds that transaction. */
  private async waitForSessionGtid(): Promise<void> {
    const wanted = this.vars.get('instaquery_wait_for_gtid') ?? '';
    if (wanted === '') return;
    const seconds = Number(this.vars.get('instaquery_wait_timeout') ?? 10);
    if (await waitForGtid(this.sources, wanted, seconds * 1000)) return;
    const lag = this.sources().map((s) => `${s.name} at ${s.gtid ?? 'no GTID yet'}, ${s.millisBehindSource ?? '?'} ms behind`).join('; ');
    throw new SqlError('QUERY_TIMEOUT', `Query execution was interrupted: the store has not reached GTID ${wanted} within instaquery_wait_timeout (${seconds} s); sources: ${lag || 'none'}`);
  }

  /** DuckDB's "Interrupted" as MySQL's: a timeout (3024) or a KILL QUERY (1317). */
  private interrupted(err: unknown): unknown {
    const message = (err as Error).message ?? '';
    if (!/interrupt/i.test(message)) return err;
    return this.timedOut
      ? new SqlError('QUERY_TIMEOUT', 'Query execution was interrupted, maximum statement execution time exceeded')
      : new SqlError('QUERY_INTERRUPTED', 'Query execution was interrupted');
  }

  async execute(statementId: number, params: ParamValue[]): Promise<QueryResult> {
    this.registry.questions++;
    const prepared = this.statements.get(statementId);
    this.outcome = prepared?.kind === 'duckdb' ? 'served' : 'local';
    if (prepared?.kind === 'duckdb') return this.timed(prepared.mysqlSql, () => this.executePrepared(statementId, params));
    return this.executePrepared(statementId, params);
  }

  private async executePrepared(statementId: number, params: ParamValue[]): Promise<QueryResult> {
    const prepared = this.statements.get(statementId);
    if (!prepared) throw new SqlError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${statementId}) given to mysqld_stmt_execute`);
    if (params.length !== prepared.params) throw new SqlError('WRONG_ARGUMENTS', `Incorrect arguments to mysqld_stmt_execute: ${prepared.params} parameter(s) expected, ${params.length} sent`);
    if (prepared.kind === 'emulated') return this.query(substituteParams(prepared.sql, params));
    const sourcesOf = await this.describer(prepared.mysqlSql, prepared.translation);
    let result: DuckDBResult;
    try {
      prepared.statement.clearBindings();
      bindParams(prepared.statement, params);
      result = await prepared.statement.stream();
    } catch (err) {
      throw toSqlError(err);
    }
    return streamed(result, sourcesOf(result.columnNames(), result.columnTypes()), this.state.textCharset);
  }

  closeStatement(statementId: number): void {
    const prepared = this.statements.get(statementId);
    this.statements.delete(statementId);
    if (prepared?.kind === 'duckdb') prepared.statement.destroySync();
  }

  async listFields(table: string): Promise<ResultColumn[]> {
    if (!this.state.database) throw new SqlError('NO_DB', 'No database selected');
    this.grants.checkTable(this.state.database, table, (await this.catalog.get(this.conn, true)).grants);
    const ident = (n: string) => '"' + n.replace(/"/g, '""') + '"';
    try {
      const reader = await this.conn.runAndReadAll(`SELECT * FROM ${ident(this.state.database)}.${ident(table)} LIMIT 0`);
      const sources = (await this.sourceResolver(`SELECT * FROM \`${table.replace(/`/g, "``")}\``))(reader.columnNames(), reader.columnTypes());
      return describeResult(reader.columnNames(), reader.columnTypes(), sources, this.state.textCharset).columns.map((c) => ({ ...c, schema: this.state.database!, table, orgTable: table }));
    } catch (err) {
      throw toSqlError(err);
    }
  }

  interrupt(): void {
    this.conn.interrupt();
  }

  async reset(): Promise<void> {
    for (const id of [...this.statements.keys()]) this.closeStatement(id);
    this.vars = systemVariables();
  }

  private showContext(): ShowContext {
    return {
      conn: this.conn,
      database: this.state.database,
      databases: () => this.databases(),
      grants: this.grants,
      grantCatalog: async () => (await this.catalog.get(this.conn, true)).grants,
      variables: this.vars,
      status: () =>
        new Map([
          ['Uptime', String(Math.floor((Date.now() - this.registry.startedAt) / 1000))],
          ['Threads_connected', String(this.registry.size)],
          ['Questions', String(this.registry.questions)],
          ['Ssl_cipher', this.state.tls?.cipher ?? ''],
          ['Ssl_version', this.state.tls?.version ?? ''],
          ...freshnessStatus(this.sources()),
          ['Instaquery_served_statements', String(this.forwarding.forwarded.served)],
          ['Instaquery_forwarded_statements', String(this.forwarding.forwarded.total)],
        ]),
      // Without the PROCESS privilege (a user limited to some databases) MySQL lists only your own threads.
      processList: (full) => this.registry.processList(full).filter((row) => this.grants.unrestricted || row[1] === this.state.user),
      diagnostics: () => this.diagnostics.map(([level, code, message]) => [level, String(code), message]),
    };
  }

  async close(): Promise<void> {
    this.registry.remove(this.state.connectionId);
    await this.forwarding.upstream?.close();
    for (const id of [...this.statements.keys()]) this.closeStatement(id);
    this.conn.closeSync();
  }
}

function translateOrThrow(sql: string, context: TranslateContext): Translation {
  try {
    return translate(sql, context);
  } catch (err) {
    if (err instanceof UnknownColumn) throw new SqlError('BAD_FIELD', err.message);
    if (err instanceof DialectUnsupported) throw new SqlError('NOT_SUPPORTED_YET', err.message);
    if (err instanceof DialectError) throw new SqlError('PARSE', `You have an error in your SQL syntax: ${err.message}`);
    throw err;
  }
}

/** A DuckDB result as batches of MySQL text rows, read chunk by chunk as the client takes them. */
function streamed(result: DuckDBResult, sources: Parameters<typeof describeResult>[2], textCharset: number, done: (rowsSent: number) => void = () => undefined): QueryResult {
  const shape = describeResult(result.columnNames(), result.columnTypes(), sources, textCharset);
  let sent = 0;
  async function* batches(): AsyncGenerator<TextValue[][]> {
    for (;;) {
      let chunk;
      try {
        chunk = await result.fetchChunk();
      } catch (err) {
        throw toSqlError(err);
      }
      if (!chunk || chunk.rowCount === 0) {
        done(sent);
        return;
      }
      sent += chunk.rowCount;
      yield chunk.getRows().map((r) => shape.renderRow(r));
    }
  }
  return { kind: 'rows', columns: shape.columns, rows: batches() };
}
