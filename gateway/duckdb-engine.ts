// The engine behind the protocol: session statements answered here, reads translated by the
// dialect and run on the session's own DuckDB connection, writes refused (the store is a replica).
import type { DuckDBConnection } from '@duckdb/node-api';
import { ansiQuotesAsBackticks, CATALOG_SCHEMAS, classify, executableText, type StatementReads, type Translation, type UserValue } from '../dialect/index.ts';
import { describeResult, textColumn } from './mysql-types.ts';
import { SqlError } from './sql-errors.ts';
import { toSqlError } from './duckdb-errors.ts';
import { streamResult } from './streamed-result.ts';
import { StatementClock } from './statement-clock.ts';
import { CatalogFilter } from './catalog-filter.ts';
import { SessionTranslator } from './session-translator.ts';
import { StatementForwarder, type Diagnostic } from './statement-forwarder.ts';
import { PreparedStatements } from './prepared-statements.ts';
import { applySet, refusedStatement } from './local-statements.ts';
import { answerShow, readsDiagnostics, type ShowContext } from './show-statements.ts';
import { Grants } from './grants.ts';
import { answerExplain, parseExplain, type Explain } from './explain.ts';
import { answerLockStatement, applySetTransaction } from './lock-statements.ts';
import { ForwardedShapes, UpstreamSession, type UpstreamConfig } from './forwarding.ts';
import { PARTS_SCHEMA, readSourceServers } from '../store/index.ts';
import { freshnessStatus, parseGtidWait, waitForGtid, waitForSessionGtid, type SourceFreshness } from './freshness.ts';
import { SessionRegistry, hintedTimeout, parseKill, type SessionActivity } from './session-control.ts';
import { isSystemVariable, selectVariables, ServerProfiles, systemVariables, type ServerProfile } from './system-variables.ts';
import { mariaDbVersionId } from './server-version-id.ts';
import { applyDefaults, sessionSqlMode } from './set-default.ts';
import { inResultsCharset } from './results-charset.ts';
import { collationName } from './protocol/constants.ts';
import { awaitLoadedTables } from './table-readiness.ts';
import { sessionValue } from './session-values.ts';
import type { ParamValue, PreparedStatementInfo, QueryHandler, QueryResult, QuerySession, ResultColumn, SessionState, StatementOutcome } from './result-set.ts';
import { bindParams, substituteParams } from './statement-params.ts';
import { resultDescriber, SourceCatalogCache } from './source-columns.ts';
import { answerAssigning, setUserVariables, userVariableParts, type VariableSession } from './user-variables.ts';

/** Schemas of the store that are not source databases. */
const HIDDEN_SCHEMAS = new Set<string>(['_instaquery', PARTS_SCHEMA, ...CATALOG_SCHEMAS, 'information_schema', 'pg_catalog', 'main', 'temp']);

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
  // The gateway presents itself as the first source's server, as the store recorded it.
  const profiles = new ServerProfiles(
    async () => {
      const conn = await options.connect();
      try {
        return await readSourceServers(conn);
      } finally {
        conn.closeSync();
      }
    },
    () => (options.sources?.() ?? []).map((s) => s.name),
  );
  return {
    forwarded,
    async handshakeVersion() {
      return (await profiles.current()).handshakeVersion;
    },
    async openSession(state) {
      const profile = await profiles.current();
      const conn = await options.connect();
      // No default collation: the dialect compares, groups, sorts and dedupes text by each
      // value's own collation key (dialect/collation.ts); DuckDB compares what it is given exactly.
      return new DuckDbSession(conn, state, options.writeTarget, registry, options.sources ?? (() => []), catalog, { forwarded, upstream: options.upstream ? new UpstreamSession(options.upstream) : null }, profile);
    },
  };
}

class DuckDbSession implements QuerySession {
  private vars: Map<string, string>;
  /** User variables (@name, lower-cased), as values (gateway/user-variables.ts). */
  private readonly userVars = new Map<string, UserValue>();
  /** The session set instaquery_wait_timeout: a read of a table still loading waits for it. */
  private waitsForLoads = false;
  /**
   * What SHOW WARNINGS shows for the last statement: where a SELECT's answer came from (served
   * from the store, or forwarded and why), or the error it ended with.
   */
  private diagnostics: Diagnostic[] = [];
  /** What FOUND_ROWS() answers: rows the last SELECT sent, or its SQL_CALC_FOUND_ROWS count. */
  private foundRows = 0;
  private readonly statements = new PreparedStatements();
  private readonly catalogFilter: CatalogFilter;

  private readonly activity: SessionActivity;
  private readonly grants: Grants;
  private readonly clock: StatementClock;
  private readonly translator: SessionTranslator;
  private readonly forwarder: StatementForwarder;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly state: SessionState,
    private readonly writeTarget: string,
    private readonly registry: SessionRegistry,
    private readonly sources: () => SourceFreshness[],
    private readonly catalog: SourceCatalogCache,
    private readonly forwarding: { forwarded: ForwardedShapes; upstream: UpstreamSession | null },
    private readonly profile: ServerProfile,
  ) {
    const session = this;
    this.vars = this.initialVariables();
    this.grants = new Grants({ user: state.user, host: this.hostOnly, databases: state.allowedDatabases ?? null });
    this.catalogFilter = new CatalogFilter(conn, state.allowedDatabases ?? null);
    this.translator = new SessionTranslator(conn, catalog, this.grants, () => this.state.database, (name) => this.sessionValue(name), (name) => this.userVars.get(name));
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
      interrupt: () => this.clock.interruptUntilIdle(),
      disconnect: () => state.disconnect?.(),
    };
    // max_execution_time: the session's, or a MAX_EXECUTION_TIME(ms) hint in the statement.
    this.clock = new StatementClock(this.activity, conn, (sql) => hintedTimeout(sql) ?? Number(this.vars.get('max_execution_time') ?? 0));
    this.forwarder = new StatementForwarder(forwarding, this.clock, () => this.state.database, (diagnostics) => (this.diagnostics = diagnostics));
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

  private get hostOnly(): string {
    return this.state.host.replace(/:\d+$/, '');
  }

  outcome: StatementOutcome = 'local';
  lastTranslation: string | null = null;

  /**
   * The statement MySQL would execute, in the dialect's reading: versioned comments are code there
   * (executable-comments.ts), and under ANSI_QUOTES double quotes name identifiers.
   */
  private asMysqlReadsIt(text: string): string {
    const sql = executableText(text, mariaDbVersionId(this.profile));
    return /\b(ANSI_QUOTES|ANSI)\b/i.test(this.vars.get('sql_mode') ?? '') ? ansiQuotesAsBackticks(sql) : sql;
  }

  async query(text: string): Promise<QueryResult> {
    return inResultsCharset(await this.answer(text), this.vars.get('character_set_results'));
  }

  private async answer(text: string): Promise<QueryResult> {
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
      t = await this.translator.translate(sql);
      if (t.kind === 'select') await this.translator.authorize(t);
    } catch (err) {
      const reads = classify(sql) === 'select' ? await this.translator.authorizeParsed(sql) : null;
      if (err instanceof SqlError) this.diagnostics = [['Error', err.code, err.message]];
      if (this.forwarder.forwardable(err, sql)) return this.forward(sql, (err as SqlError).message, reads);
      throw err;
    }
    if (t.kind === 'select') await waitForSessionGtid(this.vars, this.sources);
    if (t.kind === 'select') await this.awaitLoaded(t);
    if (t.kind === 'show') return this.show(sql);
    switch (t.kind) {
      case 'write': {
        const local = answerLockStatement(sql);
        if (local) return local;
        throw new SqlError(
          'OPTION_PREVENTS_STATEMENT',
          `The MySQL server is running with the --read-only option so it cannot execute this statement (instaquery is a read-only copy: write to the ${this.writeTarget})`,
        );
      }
      case 'transaction':
      case 'set':
        await this.set(sql, t.kind === 'set');
        return { kind: 'ok' };
      case 'use': {
        const name = /^\s*use\s+[`"]?([^`"\s;]+)[`"]?/i.exec(sql)?.[1];
        if (!name) throw new SqlError('PARSE', 'You have an error in your SQL syntax: USE needs a database name');
        await this.useDatabase(name);
        return { kind: 'ok' };
      }
      case 'other':
        throw refusedStatement(sql);
      case 'select': {
        if (t.assigns) {
          this.diagnostics = [['Note', 1003, 'served by instaquery from the store']];
          this.outcome = 'served';
          return answerAssigning(sql, { ...t, assigns: t.assigns }, this.userVars, this.variableSession);
        }
        const variables = selectVariables(sql, this.vars, this.state.database, this.profile, this.state.textCharset);
        if (variables) return { kind: 'rows', columns: variables.columns, rows: [variables.values] };
        const duckSql = await this.catalogFilter.rewrite(t.sql);
        this.diagnostics = [['Note', 1003, 'served by instaquery from the store']];
        this.forwarding.forwarded.served++;
        this.outcome = 'served';
        this.lastTranslation = duckSql;
        return this.clock.timed(sql, () => this.run(duckSql, sql, t));
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
      t = await this.translator.translate(e.select);
      if (t.kind !== 'select') throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support EXPLAIN of '${e.select.slice(0, 60)}'`);
      await this.translator.authorize(t);
    } catch (err) {
      await this.translator.authorizeParsed(e.select);
      throw err;
    }
    const duckSql = await this.catalogFilter.rewrite(t.sql);
    // As MySQL leaves the query it actually ran in Note 1003.
    this.diagnostics = [['Note', 1003, duckSql]];
    return this.clock.timed(sql, async () => {
      try {
        return await answerExplain(this.conn, e, duckSql, t.relations ?? []);
      } catch (err) {
        throw toSqlError(err);
      }
    });
  }

  /** A statement prepared as text: the values are written in at each execution and it runs as a query. */
  private emulated(sql: string): PreparedStatementInfo {
    return { ...this.statements.addEmulated(sql), columns: [] };
  }

  /** A SELECT the dialect refused, answered by the upstream MySQL (statement-forwarder.ts). */
  private async forward(sql: string, reason: string, reads: StatementReads | null): Promise<QueryResult> {
    const result = await this.forwarder.forward(sql, reason, reads);
    this.outcome = 'forwarded';
    return result;
  }

  /** How user variables are evaluated: as SELECTs, translated, authorised and read to the end here. */
  private readonly variableSession: VariableSession = {
    connectionCollation: () => this.vars.get('collation_connection') ?? collationName(this.state.textCharset),
    translate: async (sql) => {
      const t = await this.translator.translate(sql);
      if (t.kind === 'select') await this.translator.authorize(t);
      return t;
    },
    readAll: async (t, mysqlSql) => {
      await this.awaitLoaded(t);
      const duckSql = await this.catalogFilter.rewrite(t.sql);
      const sourcesOf = await this.describer(mysqlSql, t);
      const reader = await this.conn.runAndReadAll(duckSql).catch((err: unknown) => {
        throw toSqlError(err);
      });
      const shape = describeResult(reader.columnNames(), reader.columnTypes(), sourcesOf(reader.columnNames(), reader.columnTypes()), this.state.textCharset);
      return { columns: shape.columns, rows: reader.getRows().map((raw) => ({ text: shape.renderRow(raw), raw })) };
    },
  };

  /** A system variable, or what a session function answers (gateway/session-values.ts). */
  private sessionValue(name: string): string | undefined {
    const { user, connectionId, textCharset } = this.state;
    return sessionValue(name, { foundRows: this.foundRows, user, host: this.hostOnly, connectionId, vars: this.vars, profile: this.profile, textCharset });
  }

  /** SET of user variables (evaluated as SELECTs), system variables and transaction characteristics. */
  private async set(sql: string, isSet: boolean): Promise<void> {
    const userParts = isSet ? userVariableParts(sql) : null;
    if (userParts) await setUserVariables(userParts, this.userVars, this.variableSession);
    if (userParts && !userParts.system) return;
    if (!userParts && applySetTransaction(sql, this.vars, this.grants.unrestricted)) return;
    applySet(userParts?.system ?? sql, this.vars, this.grants.unrestricted, (name) => isSystemVariable(name, this.profile));
    applyDefaults(userParts?.system ?? sql, this.vars, () => systemVariables(collationName(this.state.textCharset), this.profile));
    if (/\binstaquery_wait_timeout\b/i.test(sql)) this.waitsForLoads = true;
  }

  /** No answer from a table whose snapshot is not finished (gateway/table-readiness.ts). */
  private awaitLoaded(t: Translation): Promise<void> {
    return awaitLoadedTables(this.conn, t.relations ?? [], this.waitsForLoads ? Number(this.vars.get('instaquery_wait_timeout') ?? 10) : 0);
  }

  private async run(duckSql: string, mysqlSql: string, t: Translation): Promise<QueryResult> {
    // The catalog is read first: any query on this connection would end a streaming result.
    const sourcesOf = await this.describer(mysqlSql, t);
    let counted: number | null = null;
    const start = async () => {
      if (t.foundRowsSql) counted = Number((await this.conn.runAndReadAll(t.foundRowsSql)).getRows()[0]?.[0] ?? 0);
      return this.conn.stream(duckSql);
    };
    return streamResult(start, sourcesOf, this.state.textCharset, (sent) => {
      this.foundRows = counted ?? sent;
    });
  }

  /** How to describe a result's columns, MySQL-exact where the dialect or the catalog can say. */
  private describer(mysqlSql: string, t: Translation) {
    return resultDescriber(this.catalog, this.conn, this.state.database, mysqlSql, t, this.profile.flavor);
  }

  private sourceResolver(mysqlSql: string) {
    return resultDescriber(this.catalog, this.conn, this.state.database, mysqlSql, {}, this.profile.flavor);
  }

  async prepare(text: string): Promise<PreparedStatementInfo> {
    const sql = this.asMysqlReadsIt(text);
    // EXPLAIN is answered at execution, through query().
    if (parseExplain(sql)) return this.emulated(sql);
    let t: Translation;
    try {
      t = await this.translator.translate(sql);
      if (t.kind === 'select') await this.translator.authorize(t);
    } catch (err) {
      if (classify(sql) === 'select') await this.translator.authorizeParsed(sql);
      // Refused here but forwardable: kept as text, forwarded with its values at each execution.
      if (!this.forwarder.forwardable(err, sql)) throw err;
      return this.emulated(sql);
    }
    // A statement reading or setting user variables is translated anew at each execution.
    if (t.kind !== 'select' || t.readsUserVariables || t.assigns || selectVariables(sql, this.vars, this.state.database, this.profile)) return this.emulated(sql);
    const { id, statement } = await this.statements.addDuckDb(
      async () => {
        try {
          return await this.conn.prepare(await this.catalogFilter.rewrite(t.sql));
        } catch (err) {
          throw toSqlError(err);
        }
      },
      t,
      sql,
    );
    const names = Array.from({ length: statement.columnCount }, (_, i) => statement.columnName(i));
    const types = Array.from({ length: statement.columnCount }, (_, i) => statement.columnType(i));
    return { id, params: statement.parameterCount, columns: describeResult(names, types, (await this.describer(sql, t))(names, types), this.state.textCharset).columns };
  }

  async execute(statementId: number, params: ParamValue[]): Promise<QueryResult> {
    this.registry.questions++;
    const prepared = this.statements.peek(statementId);
    this.outcome = prepared?.kind === 'duckdb' ? 'served' : 'local';
    if (prepared?.kind === 'duckdb') return this.clock.timed(prepared.mysqlSql, () => this.executePrepared(statementId, params));
    return this.executePrepared(statementId, params);
  }

  private async executePrepared(statementId: number, params: ParamValue[]): Promise<QueryResult> {
    const prepared = this.statements.forExecution(statementId, params);
    if (prepared.kind === 'emulated') return this.query(substituteParams(prepared.sql, params));
    await this.awaitLoaded(prepared.translation);
    const sourcesOf = await this.describer(prepared.mysqlSql, prepared.translation);
    const start = async () => {
      prepared.statement.clearBindings();
      bindParams(prepared.statement, params);
      return prepared.statement.stream();
    };
    return streamResult(start, sourcesOf, this.state.textCharset);
  }

  closeStatement(statementId: number): void {
    this.statements.close(statementId);
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
    this.statements.closeAll();
    this.userVars.clear();
    this.vars = this.initialVariables();
    this.waitsForLoads = false;
  }

  /** The variables a session starts with: the presented server's, with the client's IGNORE_SPACE. */
  private initialVariables(): Map<string, string> {
    const vars = systemVariables(collationName(this.state.textCharset), this.profile);
    const mode = vars.get('sql_mode');
    if (mode !== undefined) vars.set('sql_mode', sessionSqlMode(mode, this.state.ignoreSpace === true));
    return vars;
  }

  private showContext(): ShowContext {
    return {
      textDecimals: this.profile.textDecimals,
      serverLists: this.profile.lists,
      sourceVariableNames: this.profile.variableNames,
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
    this.statements.closeAll();
    this.conn.closeSync();
  }
}
