// The long-tail corpus, class "tool-sessions" (see ./corpus-query.ts): the SQL five tools send when
// they connect to a MySQL/MariaDB database and sync or inspect it, copied as they generate it (with
// this class's tables), in the order they send it. Where state matters (SET, the session's
// time zone, character_set_results) a query carries the tool's earlier statements as `session`,
// and each tool's last query puts the shared connections back as they were.
//
// Left out: the statements whose answer lists every database on the server (SQLAlchemy's
// `SHOW schemas`, Grafana's `SELECT DISTINCT TABLE_SCHEMA …`, DBeaver's `show databases`): the
// gateway lists the databases it serves, the test source holds others too.
//
// Where the statements come from (SQL text only, no code):
// - mariadb-dump 10.19 (MariaDB 10.11.19, client/mysqldump.c): captured from the source's general
//   log while dumping one table (default options), a database with --single-transaction, and
//   --no-data --databases. MySQL's mysqldump 8 adds `SHOW VARIABLES LIKE 'gtid\_mode'` and
//   `SHOW VARIABLES LIKE 'ndbinfo\_version'`, `show table status like`, `show fields from`.
// - Metabase (github metabase/metabase src/metabase/driver/mysql.clj, 2026 master): can-connect
//   `SELECT 1`, `SHOW VARIABLES LIKE 'partial_revokes';`, db-default-timezone, describe-fields-sql
//   and describe-fks-sql (honeysql output, parameters inlined), current-user-table-privileges
//   (`SELECT DATABASE()`, `SHOW TABLES`), set-timezone-sql; MBQL queries as its query processor writes them.
// - Grafana (github grafana/grafana pkg/tsdb/mysql/macros.go, public/app/plugins/datasource/mysql/
//   mySqlMetaQuery.ts, main): the go driver's DSN `time_zone='+00:00'` on connect, health check
//   `SELECT 1`, the query editor's metadata queries, and panels with $__timeGroupAlias,
//   $__timeFilter, $__unixEpochFilter, $__timeFrom/$__timeTo expanded for a fixed time range.
// - Superset via SQLAlchemy 2.1 (github sqlalchemy/sqlalchemy lib/sqlalchemy/dialects/mysql/base.py
//   f35da7e, 2026-08): initialize (SELECT VERSION(), SELECT DATABASE(), SELECT @@tx_isolation,
//   SELECT @@sql_mode, SELECT @@lower_case_table_names), reflection (SHOW schemas, SHOW FULL TABLES
//   FROM, DESCRIBE, SHOW CREATE TABLE, the SEQUENCE lookup); SQLAlchemy 1.3's SHOW VARIABLES LIKE /
//   SHOW COLLATION / `SELECT CAST('test collated returns' …)` probes; Superset's select_star and
//   explore queries (superset/db_engine_specs/mysql.py time grains).
// - DBeaver 24.2 (github dbeaver/dbeaver plugins/org.jkiss.dbeaver.ext.mysql MySQLDataSource.java,
//   MySQLCatalog.java, 2428359): SHOW ENGINES, SHOW CHARSET, SHOW COLLATION, SELECT @@GLOBAL.
//   character_set_server,@@GLOBAL.collation_server, SHOW VARIABLES LIKE 'lower_case_table_names',
//   show databases, the CHECK_CONSTRAINTS probe, SHOW FULL TABLES FROM, SHOW TABLE STATUS FROM,
//   information_schema.COLUMNS / STATISTICS / KEY_COLUMN_USAGE / SCHEMATA, opening a table's data;
//   with what MySQL Connector/J 8 sends on connect (its variables query, SET NAMES, autocommit).
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';
import { LONG_TAIL_DB } from './corpus-query.ts';

const setup = [
  `CREATE TABLE lt_tools_metrics (
     id INT UNSIGNED NOT NULL AUTO_INCREMENT,
     ts DATETIME NOT NULL,
     host VARCHAR(40) COLLATE utf8mb4_general_ci NOT NULL,
     metric VARCHAR(20) COLLATE utf8mb4_bin DEFAULT NULL,
     value DOUBLE DEFAULT NULL,
     amount DECIMAL(12,2) DEFAULT NULL,
     epoch BIGINT DEFAULT NULL,
     flag TINYINT(1) NOT NULL DEFAULT 0,
     note TEXT DEFAULT NULL,
     PRIMARY KEY (id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `INSERT INTO lt_tools_metrics (id, ts, host, metric, value, amount, epoch, flag, note) VALUES
     (1, '2024-01-31 23:59:59', 'web-1', 'cpu', 0.5, 10.00, 1706745599, 1, NULL),
     (2, '2024-02-01 00:00:00', 'Web-1', 'cpu', 99.75, -0.01, 1706745600, 0, 'month start'),
     (3, '2024-02-29 12:30:00', 'web-1 ', 'mem', 1e300, 9999999999.99, 1709209800, 1, 'leap day'),
     (4, '2024-02-29 12:34:56', 'wéb-2', 'Mem', -1e-300, NULL, 1709210096, 0, ''),
     (5, '2024-03-01 00:00:01', 'web-2', NULL, NULL, 0.00, NULL, 1, 'Ärger'),
     (6, '2024-12-31 23:59:59', 'db-1', 'cpu', 42, 123.45, 1735689599, 0, 'year end'),
     (7, '2025-01-01 00:00:00', 'DB-1', 'disk', 0, -99999.99, 1735689600, 1, NULL),
     (8, '2024-02-29 12:31:00', 'web-1', 'cpu', 12.5, 1.50, 1709209860, 0, 'x')`,
  `CREATE TABLE lt_tools_hosts (
     code CHAR(8) NOT NULL,
     name VARCHAR(60) NOT NULL,
     region ENUM('eu','us','ap') DEFAULT NULL,
     tags SET('prod','db','web') DEFAULT NULL,
     capacity SMALLINT UNSIGNED DEFAULT NULL,
     born DATE DEFAULT NULL,
     PRIMARY KEY (code)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `INSERT INTO lt_tools_hosts VALUES
     ('web-1', 'Web one', 'eu', 'prod,web', 65535, '2020-02-29'),
     ('web-2', 'web two ', 'us', 'web', 0, NULL),
     ('db-1', 'DB one', NULL, 'prod,db', NULL, '1999-12-31'),
     ('ap-1', 'Ärger', 'ap', '', 1, '2024-01-31')`,
  // Every kind of column DEFAULT, ON UPDATE, AUTO_INCREMENT, comments, a column in another
  // character set and a table collation and COMMENT of its own: what SHOW CREATE TABLE, DESCRIBE
  // and information_schema.COLUMNS show of a table. The top row is deleted after the counter
  // passed it: a replica seeded from the source keeps the source's AUTO_INCREMENT (6), not max+1.
  `CREATE TABLE lt_tools_events (
     id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'event id',
     kind VARCHAR(16) NOT NULL DEFAULT 'click',
     label VARCHAR(40) CHARACTER SET latin1 DEFAULT 'n/a',
     quote VARCHAR(20) COLLATE utf8mb4_bin DEFAULT 'it''s \\\\ 50%',
     weight DECIMAL(8,3) NOT NULL DEFAULT 1.5,
     ratio DOUBLE DEFAULT -0.25,
     hits INT NOT NULL DEFAULT 0,
     active TINYINT(1) NOT NULL DEFAULT 1,
     day DATE DEFAULT '2024-02-29',
     created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
     updated TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
     at DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
     state ENUM('new','done') NOT NULL DEFAULT 'new' COMMENT 'life ''cycle''',
     flags SET('a','b') DEFAULT '',
     body TEXT DEFAULT 'none',
     owner INT UNSIGNED,
     PRIMARY KEY (id)
   ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='tool events'`,
  `INSERT INTO lt_tools_events (id, kind, created, updated, at) VALUES
     (1, 'view', '2024-01-31 23:59:59', NULL, '2024-02-29 12:00:00.125'),
     (2, 'Click', '2024-02-29 00:00:00', '2024-03-01 00:00:00', NULL),
     (3, 'click ', '2025-01-01 00:00:00', NULL, '2025-01-01 00:00:00.000')`,
  `INSERT INTO lt_tools_events (kind, label, quote, weight, ratio, hits, active, day, created, at, state, flags, body, owner)
     VALUES ('buy', NULL, '', -99999.999, 1e300, -2147483648, 0, '1000-01-01', '2038-01-19 03:14:07', '9999-12-31 23:59:59.999', 'done', 'a,b', '', 4294967295),
            ('gone', 'x', 'y', 0, 0, 0, 0, NULL, '2024-01-01 00:00:00', NULL, 'new', 'b', NULL, 0)`,
  `DELETE FROM lt_tools_events WHERE id = 5`,
  // A table with a trigger: its effect reaches the store as rows; information_schema.TRIGGERS
  // lists it only to a user with the TRIGGER privilege, which no gateway user has.
  `CREATE TABLE lt_tools_audit (id INT NOT NULL PRIMARY KEY, note VARCHAR(40) DEFAULT NULL)`,
  `CREATE TRIGGER lt_tools_audit_stamp BEFORE INSERT ON lt_tools_audit FOR EACH ROW SET NEW.note = CONCAT('seen ', NEW.id)`,
  `INSERT INTO lt_tools_audit (id) VALUES (1), (2)`,
];

/** The corpus's source database: the tools name it as they would name yours. */
const DB = LONG_TAIL_DB;
/** The tables the tools walk, with their columns in order. */
const TABLES: Record<string, string[]> = {
  lt_tools_metrics: ['id', 'ts', 'host', 'metric', 'value', 'amount', 'epoch', 'flag', 'note'],
  lt_tools_hosts: ['code', 'name', 'region', 'tags', 'capacity', 'born'],
  people: ['id', 'name', 'name_bin', 'name_uni', 'code', 'note', 'status', 'tags', 'born', 'seen', 'at_time', 'yr', 'score', 'ratio'],
  orders: ['id', 'person_id', 'customer', 'total', 'placed'],
};
const TABLE_NAMES = Object.keys(TABLES);

/**
 * A tool's session as one list of statements: query i runs statements 0..i-1 first (as `session`)
 * then statement i. Where a tool sends a statement many times the query is still one step.
 */
function sessionSteps(tool: string, steps: [step: string, sql: string][], before: string[] = []): LongTailQuery[] {
  return steps.map(([step, sql], i) => ({
    category: `tools: ${tool} ${step}`,
    sql,
    session: [...before, ...steps.slice(0, i).map(([, s]) => s).filter(changesState)],
  }));
}

/** The statements whose effect outlives them (SET, transactions, savepoints); reads are not replayed. */
function changesState(sql: string): boolean {
  return /^\s*(\/\*[!M]\d*\s*)?(set|start|savepoint|rollback|release|commit|unlock)\b/i.test(sql);
}

// ---------------------------------------------------------------------------------------------
// mariadb-dump: connect, tablespaces, then per table: lookup, lock, engine, DDL, columns, rows,
// triggers, unlock. The SETs it sends are steps too (each must be answered with OK).
const DUMP_CONNECT: [string, string][] = [
  ['connect', `/*!40100 SET @@SQL_MODE='' */`],
  ['connect', `/*!40103 SET TIME_ZONE='+00:00' */`],
  ['connect', `/*M!100100 SET @@MAX_STATEMENT_TIME=0.000000 */`],
  ['connect', `/*M!100100 SET WAIT_TIMEOUT=DEFAULT */`],
];
const tablespaces = (where: string): [string, string][] => [
  ['tablespaces', `set optimizer_switch='semijoin=off'`],
  ['tablespaces', `SELECT LOGFILE_GROUP_NAME, FILE_NAME, TOTAL_EXTENTS, INITIAL_SIZE, ENGINE, EXTRA FROM INFORMATION_SCHEMA.FILES WHERE FILE_TYPE = 'UNDO LOG' AND FILE_NAME IS NOT NULL AND LOGFILE_GROUP_NAME IS NOT NULL AND LOGFILE_GROUP_NAME IN (SELECT DISTINCT LOGFILE_GROUP_NAME FROM INFORMATION_SCHEMA.FILES WHERE FILE_TYPE = 'DATAFILE' AND TABLESPACE_NAME IN (SELECT DISTINCT TABLESPACE_NAME FROM INFORMATION_SCHEMA.PARTITIONS WHERE ${where})) GROUP BY LOGFILE_GROUP_NAME, FILE_NAME, ENGINE, TOTAL_EXTENTS, INITIAL_SIZE ORDER BY LOGFILE_GROUP_NAME`],
  ['tablespaces', `SELECT DISTINCT TABLESPACE_NAME, FILE_NAME, LOGFILE_GROUP_NAME, EXTENT_SIZE, INITIAL_SIZE, ENGINE FROM INFORMATION_SCHEMA.FILES WHERE FILE_TYPE = 'DATAFILE' AND TABLESPACE_NAME IN (SELECT DISTINCT TABLESPACE_NAME FROM INFORMATION_SCHEMA.PARTITIONS WHERE ${where}) ORDER BY TABLESPACE_NAME, LOGFILE_GROUP_NAME`],
  ['tablespaces', `set optimizer_switch=default`],
];
const dumpTable = (t: string, withData: boolean): [string, string][] => [
  ['table', `SELECT engine, table_type FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = DATABASE() AND table_name = '${t}'`],
  ['table', `SET SQL_QUOTE_SHOW_CREATE=1`],
  ['table', `SET SESSION character_set_results = 'binary'`],
  ['show create table', `show create table \`${t}\``],
  ['table', `SET SESSION character_set_results = 'utf8mb4'`],
  ['columns', `select column_name, extra, generation_expression, data_type from information_schema.columns where table_schema=database() and table_name='${t}' order by ordinal_position`],
  ...(withData ? ([['rows', `SELECT /*!40001 SQL_NO_CACHE */ ${TABLES[t]!.map((c) => `\`${c}\``).join(', ')} FROM \`${t}\``]] as [string, string][]) : []),
  ['triggers', `SET SESSION character_set_results = 'binary'`],
  ['triggers', `select @@collation_database`],
  ['triggers', `SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = '${t}'`],
  ['triggers', `SET SESSION character_set_results = 'utf8mb4'`],
];
const RESTORE = [`UNLOCK TABLES`, `SET SESSION sql_mode = DEFAULT`, `SET SESSION time_zone = DEFAULT`, `SET SESSION character_set_results = 'utf8mb4'`];
const restore = (tool: string): LongTailQuery => ({ category: `tools: ${tool} restore`, session: RESTORE, sql: 'SELECT @@session.sql_mode = @@global.sql_mode AS same_mode, @@session.time_zone AS tz' });

const mysqldump: LongTailQuery[] = [];
for (const t of ['lt_tools_metrics', 'lt_tools_hosts', 'orders']) {
  // One table, default options (--lock-tables).
  mysqldump.push(
    ...sessionSteps('mysqldump', [
      ...DUMP_CONNECT,
      ...tablespaces(`TABLE_SCHEMA='${DB}' AND TABLE_NAME IN ('${t}')`),
      ['lookup', `SHOW VARIABLES LIKE 'lower_case_table_names'`],
      ['lookup', `SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = DATABASE() AND table_name = '${t}'`],
      ...dumpTable(t, true),
      ['unlock', `UNLOCK TABLES`],
    ]),
  );
  mysqldump.push({ category: 'tools: mysqldump lock', sql: `LOCK TABLES \`${t}\` READ /*!32311 LOCAL */` });
  mysqldump.push(restore('mysqldump'));
}
// The whole database with --single-transaction.
mysqldump.push(
  ...sessionSteps('mysqldump', [
    ...DUMP_CONNECT,
    ['transaction', `SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ`],
    ['transaction', `START TRANSACTION /*!40100 WITH CONSISTENT SNAPSHOT */`],
    ['transaction', `UNLOCK TABLES`],
    ...tablespaces(`TABLE_SCHEMA IN ('${DB}')`),
    ['savepoint', `SAVEPOINT sp`],
    ['tables', `SHOW FULL TABLES`],
    ...dumpTable('lt_tools_hosts', true),
    ['savepoint', `ROLLBACK TO SAVEPOINT sp`],
    ...dumpTable('lt_tools_metrics', true),
    ['savepoint', `ROLLBACK TO SAVEPOINT sp`],
    ['savepoint', `RELEASE SAVEPOINT sp`],
    ['transaction', `COMMIT`],
  ]),
  restore('mysqldump'),
);
// --no-data --databases: the database's DDL.
mysqldump.push(
  ...sessionSteps('mysqldump', [
    ...DUMP_CONNECT,
    ['database', `SHOW CREATE DATABASE IF NOT EXISTS \`${DB}\``],
    ['tables', `SHOW FULL TABLES`],
    ...dumpTable('people', false),
  ]),
  { category: 'tools: mysqldump lock', sql: `LOCK TABLES \`lt_tools_hosts\` READ /*!32311 LOCAL */,\`lt_tools_metrics\` READ /*!32311 LOCAL */` },
  { category: 'tools: mysqldump lock', sql: `FLUSH /*!40101 LOCAL */ TABLES` },
  { category: 'tools: mysqldump lock', sql: `FLUSH TABLES WITH READ LOCK` },
  { category: 'tools: mysqldump unlock', sql: `UNLOCK TABLES` },
  restore('mysqldump'),
);
// MySQL 8's mysqldump asks these too.
mysqldump.push(
  { category: 'tools: mysqldump variables', sql: `SHOW VARIABLES LIKE 'gtid\\_mode'` },
  { category: 'tools: mysqldump variables', sql: `SHOW VARIABLES LIKE 'ndbinfo\\_version'` },
  { category: 'tools: mysqldump variables', sql: `SELECT @@GLOBAL.GTID_EXECUTED` },
  ...TABLE_NAMES.map((t) => ({ category: 'tools: mysqldump fields', sql: `show fields from \`${t}\`` })),
);

// ---------------------------------------------------------------------------------------------
// Metabase: connection test, sync (describe-database, describe-fields, describe-fks), field values
// and fingerprints, then MBQL questions.
const q = (t: string, c: string) => `\`${DB}\`.\`${t}\`.\`${c}\``;
const metabase: LongTailQuery[] = [
  { category: 'tools: metabase connect', sql: 'SELECT 1' },
  { category: 'tools: metabase connect', sql: `SHOW VARIABLES LIKE 'partial_revokes';` },
  { category: 'tools: metabase timezone', sql: `SELECT @@GLOBAL.time_zone AS global_tz, @@system_time_zone AS system_tz, time_format(   timediff(      now(), convert_tz(now(), @@GLOBAL.time_zone, '+00:00')   ),   '%H:%i' ) AS 'offset';` },
  { category: 'tools: metabase privileges', sql: 'SELECT DATABASE()' },
  { category: 'tools: metabase privileges', sql: 'SHOW TABLES' },
];
const describeFields = (tables: string[]) =>
  `SELECT \`c\`.\`column_name\` AS \`name\`, \`c\`.\`ordinal_position\` - 1 AS \`database-position\`, NULL AS \`table-schema\`, \`c\`.\`table_name\` AS \`table-name\`, IF(\`column_type\` = 'tinyint(1)', 'BIT', UPPER(\`c\`.\`data_type\`)) AS \`database-type\`, \`c\`.\`extra\` = 'auto_increment' AS \`database-is-auto-increment\`, ((\`column_default\` IS NULL) OR (LOWER(\`column_default\`) = 'null')) AND (\`is_nullable\` = 'NO') AND NOT (\`c\`.\`extra\` = 'auto_increment') AS \`database-required\`, \`c\`.\`column_key\` = 'PRI' AS \`pk?\`, \`is_nullable\` = 'YES' AS \`database-is-nullable\`, IF(LOWER(\`column_default\`) = 'null', NULL, \`column_default\`) AS \`database-default\`, (\`generation_expression\` IS NOT NULL) AND (\`generation_expression\` <> '') AS \`database-is-generated\`, NULLIF(\`c\`.\`column_comment\`, '') AS \`field-comment\` FROM \`information_schema\`.\`columns\` AS \`c\` WHERE (c.table_schema not in ('information_schema','performance_schema','sys','mysql')) AND (c.table_name not in ('innodb_table_stats', 'innodb_index_stats')) AND (\`c\`.\`table_schema\` = '${DB}')${tables.length ? ` AND (LOWER(\`c\`.\`table_name\`) IN (${tables.map((t) => `'${t}'`).join(', ')}))` : ''} ORDER BY \`c\`.\`table_name\` ASC, \`c\`.\`ordinal_position\` ASC`;
metabase.push({ category: 'tools: metabase describe-fields', sql: describeFields(TABLE_NAMES) });
for (const t of TABLE_NAMES) metabase.push({ category: 'tools: metabase describe-fields', sql: describeFields([t]) });
metabase.push({
  category: 'tools: metabase describe-fks',
  sql: `SELECT NULL AS \`pk-table-schema\`, \`a\`.\`referenced_table_name\` AS \`pk-table-name\`, \`a\`.\`referenced_column_name\` AS \`pk-column-name\`, NULL AS \`fk-table-schema\`, \`a\`.\`table_name\` AS \`fk-table-name\`, \`a\`.\`column_name\` AS \`fk-column-name\` FROM \`information_schema\`.\`key_column_usage\` AS \`a\` INNER JOIN \`information_schema\`.\`table_constraints\` AS \`b\` USING (\`constraint_schema\`, \`constraint_name\`, \`table_name\`) WHERE (\`b\`.\`constraint_type\` = 'FOREIGN KEY') AND (\`a\`.\`referenced_table_schema\` IS NOT NULL) ORDER BY \`a\`.\`table_name\` ASC`,
});
for (const [t, cols] of Object.entries(TABLES)) {
  // Fingerprinting and the table's first rows, as the query processor writes them.
  metabase.push({ category: 'tools: metabase table rows', sql: `SELECT ${cols.map((c) => `${q(t, c)} AS \`${c}\``).join(', ')} FROM \`${DB}\`.\`${t}\` LIMIT 10000` });
  metabase.push({ category: 'tools: metabase table rows', sql: `SELECT ${cols.map((c) => `${q(t, c)} AS \`${c}\``).join(', ')} FROM \`${DB}\`.\`${t}\` ORDER BY ${q(t, cols[0]!)} ASC LIMIT 2000` });
  metabase.push({ category: 'tools: metabase count', sql: `SELECT COUNT(*) AS \`count\` FROM \`${DB}\`.\`${t}\`` });
}
// Field values: each category-like column's distinct values.
for (const [t, c] of [['lt_tools_metrics', 'host'], ['lt_tools_metrics', 'metric'], ['lt_tools_metrics', 'flag'], ['lt_tools_hosts', 'region'], ['lt_tools_hosts', 'tags'], ['lt_tools_hosts', 'name'], ['people', 'status'], ['people', 'name_bin'], ['orders', 'customer']] as const) {
  metabase.push({ category: 'tools: metabase field values', sql: `SELECT ${q(t, c)} AS \`${c}\` FROM \`${DB}\`.\`${t}\` GROUP BY ${q(t, c)} ORDER BY ${q(t, c)} ASC LIMIT 1000` });
  metabase.push({ category: 'tools: metabase field values', sql: `SELECT COUNT(DISTINCT ${q(t, c)}) AS \`distinct-count\`, SUM(CASE WHEN ${q(t, c)} IS NULL THEN 1 ELSE 0 END) AS \`nil-count\` FROM \`${DB}\`.\`${t}\`` });
}
// MBQL questions: count by a breakout, sums and averages with filters.
const mbql: [string, string][] = [
  ['count by', `SELECT ${q('lt_tools_metrics', 'host')} AS \`host\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY ${q('lt_tools_metrics', 'host')} ORDER BY ${q('lt_tools_metrics', 'host')} ASC`],
  ['count by', `SELECT ${q('lt_tools_metrics', 'metric')} AS \`metric\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY ${q('lt_tools_metrics', 'metric')} ORDER BY \`count\` DESC, ${q('lt_tools_metrics', 'metric')} ASC`],
  ['count by', `SELECT ${q('people', 'status')} AS \`status\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`people\` GROUP BY ${q('people', 'status')} ORDER BY ${q('people', 'status')} ASC`],
  ['sum by', `SELECT ${q('orders', 'customer')} AS \`customer\`, SUM(${q('orders', 'total')}) AS \`sum\` FROM \`${DB}\`.\`orders\` GROUP BY ${q('orders', 'customer')} ORDER BY ${q('orders', 'customer')} ASC`],
  ['avg', `SELECT AVG(${q('lt_tools_metrics', 'amount')}) AS \`avg\` FROM \`${DB}\`.\`lt_tools_metrics\``],
  ['avg', `SELECT AVG(${q('lt_tools_metrics', 'value')}) AS \`avg\`, MIN(${q('lt_tools_metrics', 'value')}) AS \`min\`, MAX(${q('lt_tools_metrics', 'value')}) AS \`max\` FROM \`${DB}\`.\`lt_tools_metrics\` WHERE ${q('lt_tools_metrics', 'value')} IS NOT NULL`],
  ['filter', `SELECT ${TABLES.lt_tools_metrics!.map((c) => `${q('lt_tools_metrics', c)} AS \`${c}\``).join(', ')} FROM \`${DB}\`.\`lt_tools_metrics\` WHERE ${q('lt_tools_metrics', 'host')} = 'web-1' LIMIT 2000`],
  ['filter', `SELECT ${TABLES.lt_tools_metrics!.map((c) => `${q('lt_tools_metrics', c)} AS \`${c}\``).join(', ')} FROM \`${DB}\`.\`lt_tools_metrics\` WHERE (${q('lt_tools_metrics', 'ts')} >= '2024-02-01 00:00:00') AND (${q('lt_tools_metrics', 'ts')} < '2024-03-01 00:00:00') ORDER BY ${q('lt_tools_metrics', 'id')} ASC LIMIT 2000`],
  ['filter', `SELECT COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` WHERE (${q('lt_tools_metrics', 'metric')} LIKE '%cpu%') AND (${q('lt_tools_metrics', 'flag')} = TRUE)`],
  ['filter', `SELECT COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` WHERE (LOWER(${q('lt_tools_metrics', 'host')}) LIKE 'web%') OR (${q('lt_tools_metrics', 'note')} IS NULL)`],
  ['date', `SELECT DATE(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY DATE(${q('lt_tools_metrics', 'ts')}) ORDER BY DATE(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT YEAR(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, SUM(${q('lt_tools_metrics', 'amount')}) AS \`sum\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY YEAR(${q('lt_tools_metrics', 'ts')}) ORDER BY YEAR(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT MONTH(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY MONTH(${q('lt_tools_metrics', 'ts')}) ORDER BY MONTH(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT HOUR(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY HOUR(${q('lt_tools_metrics', 'ts')}) ORDER BY HOUR(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT DAYOFWEEK(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY DAYOFWEEK(${q('lt_tools_metrics', 'ts')}) ORDER BY DAYOFWEEK(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT QUARTER(${q('lt_tools_metrics', 'ts')}) AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY QUARTER(${q('lt_tools_metrics', 'ts')}) ORDER BY QUARTER(${q('lt_tools_metrics', 'ts')}) ASC`],
  ['date', `SELECT str_to_date(date_format(${q('lt_tools_metrics', 'ts')}, '%Y-%m-%d %H'), '%Y-%m-%d %H') AS \`ts\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` GROUP BY str_to_date(date_format(${q('lt_tools_metrics', 'ts')}, '%Y-%m-%d %H'), '%Y-%m-%d %H') ORDER BY 1 ASC`],
  ['join', `SELECT ${q('lt_tools_metrics', 'host')} AS \`host\`, \`Hosts\`.\`name\` AS \`Hosts__name\`, COUNT(*) AS \`count\` FROM \`${DB}\`.\`lt_tools_metrics\` LEFT JOIN \`${DB}\`.\`lt_tools_hosts\` AS \`Hosts\` ON ${q('lt_tools_metrics', 'host')} = \`Hosts\`.\`code\` GROUP BY ${q('lt_tools_metrics', 'host')}, \`Hosts\`.\`name\` ORDER BY ${q('lt_tools_metrics', 'host')} ASC, \`Hosts\`.\`name\` ASC`],
  ['join', `SELECT \`People\`.\`name_bin\` AS \`People__name_bin\`, SUM(${q('orders', 'total')}) AS \`sum\` FROM \`${DB}\`.\`orders\` LEFT JOIN \`${DB}\`.\`people\` AS \`People\` ON ${q('orders', 'person_id')} = \`People\`.\`id\` GROUP BY \`People\`.\`name_bin\` ORDER BY \`People\`.\`name_bin\` ASC`],
];
metabase.push(...mbql.map(([step, sql]) => ({ category: `tools: metabase question ${step}`, sql })));
metabase.push(
  ...sessionSteps('metabase', [
    ['report timezone', `SET @@session.time_zone = '+00:00';`],
    ['report timezone', `SELECT ${q('lt_tools_metrics', 'ts')} AS \`ts\`, ${q('lt_tools_metrics', 'epoch')} AS \`epoch\`, from_unixtime(${q('lt_tools_metrics', 'epoch')}) AS \`epoch_ts\` FROM \`${DB}\`.\`lt_tools_metrics\` ORDER BY ${q('lt_tools_metrics', 'id')} ASC LIMIT 2000`],
  ]),
  restore('metabase'),
);

// ---------------------------------------------------------------------------------------------
// Grafana: the go driver sets the session time zone on connect; the query editor lists tables and
// columns; panels expand the macros for the dashboard's time range.
const GRAFANA_CONNECT = [`SET time_zone='+00:00'`];
const grafana: LongTailQuery[] = [
  { category: 'tools: grafana connect', sql: `SET time_zone='+00:00'` },
  { category: 'tools: grafana health', sql: 'SELECT 1', session: GRAFANA_CONNECT },
  { category: 'tools: grafana editor', sql: `SELECT table_name FROM information_schema.tables WHERE table_schema = database() ORDER BY table_name`, session: GRAFANA_CONNECT },
  { category: 'tools: grafana editor', sql: `SELECT table_name FROM information_schema.tables WHERE table_schema = '${DB}' ORDER BY table_name`, session: GRAFANA_CONNECT },
];
const COLUMN_KIND: Record<string, string> = {
  time: ` AND data_type IN ('timestamp','datetime','bigint','int','double','float')`,
  metric: ` AND data_type IN ('text','tinytext','mediumtext','longtext','varchar','char')`,
  value: ` AND data_type IN ('bigint','int','smallint','mediumint','tinyint','double','decimal','float') AND column_name <> 'ts'`,
  group: ` AND data_type IN ('text','tinytext','mediumtext','longtext','varchar','char')`,
  all: '',
};
for (const t of TABLE_NAMES) {
  for (const filter of Object.values(COLUMN_KIND)) {
    for (const scope of [`table_schema = database() AND table_name = '${t}'`, `table_schema = '${DB}' AND table_name = '${t}'`]) {
      grafana.push({ category: 'tools: grafana editor columns', sql: `SELECT column_name, data_type FROM information_schema.columns WHERE ${scope}${filter} ORDER BY column_name`, session: GRAFANA_CONNECT });
    }
  }
}
// Dashboard time ranges: February 2024 (leap day inside), and the year end.
const RANGES: [number, number][] = [
  [1706745600, 1709251199],
  [1735603200, 1735776000],
  [1706745599, 1709300000],
];
const INTERVALS = [60, 300, 3600, 86400];
for (const [from, to] of RANGES) {
  const filter = (col: string) => `${col} BETWEEN FROM_UNIXTIME(${from}) AND FROM_UNIXTIME(${to})`;
  for (const s of INTERVALS) {
    grafana.push({
      category: 'tools: grafana panel timeGroup',
      session: GRAFANA_CONNECT,
      sql: `SELECT\n  UNIX_TIMESTAMP(ts) DIV ${s} * ${s} AS "time",\n  host AS metric,\n  avg(value) AS "value"\nFROM lt_tools_metrics\nWHERE\n  ${filter('ts')}\nGROUP BY 1,2\nORDER BY 1,2`,
    });
    grafana.push({
      category: 'tools: grafana panel timeGroup',
      session: GRAFANA_CONNECT,
      sql: `SELECT\n  UNIX_TIMESTAMP(ts) DIV ${s} * ${s} AS "time",\n  count(*) AS "count",\n  sum(amount) AS "amount"\nFROM lt_tools_metrics\nWHERE\n  ${filter('ts')}\nGROUP BY 1\nORDER BY 1`,
    });
  }
  grafana.push(
    { category: 'tools: grafana panel timeFilter', session: GRAFANA_CONNECT, sql: `SELECT\n  ts AS "time",\n  value\nFROM lt_tools_metrics\nWHERE\n  ${filter('ts')}\nORDER BY ts` },
    { category: 'tools: grafana panel timeFilter', session: GRAFANA_CONNECT, sql: `SELECT\n  UNIX_TIMESTAMP(ts) as time_sec,\n  amount as value,\n  metric as metric\nFROM lt_tools_metrics\nWHERE ${filter('ts')}\nORDER BY ts ASC` },
    { category: 'tools: grafana panel unixEpochFilter', session: GRAFANA_CONNECT, sql: `SELECT\n  epoch DIV 3600 * 3600 AS "time",\n  count(*) AS "n"\nFROM lt_tools_metrics\nWHERE\n  epoch >= ${from} AND epoch <= ${to}\nGROUP BY 1\nORDER BY 1` },
    { category: 'tools: grafana panel timeFrom', session: GRAFANA_CONNECT, sql: `SELECT FROM_UNIXTIME(${from}) AS "from", FROM_UNIXTIME(${to}) AS "to", count(*) AS n FROM lt_tools_metrics WHERE ts >= FROM_UNIXTIME(${from}) AND ts < FROM_UNIXTIME(${to})` },
    { category: 'tools: grafana panel table', session: GRAFANA_CONNECT, sql: `SELECT host, metric, count(*) AS samples, max(ts) AS last_seen FROM lt_tools_metrics WHERE ${filter('ts')} GROUP BY host, metric ORDER BY host, metric` },
  );
}
grafana.push(
  { category: 'tools: grafana variable', session: GRAFANA_CONNECT, sql: `SELECT DISTINCT host FROM lt_tools_metrics ORDER BY host` },
  { category: 'tools: grafana variable', session: GRAFANA_CONNECT, sql: `SELECT code AS __value, name AS __text FROM lt_tools_hosts ORDER BY name` },
  restore('grafana'),
);

// ---------------------------------------------------------------------------------------------
// Superset (SQLAlchemy's mysql dialect over PyMySQL): initialize, reflection of each table, the
// explore view's queries.
const superset: LongTailQuery[] = [
  ...sessionSteps('superset initialize', [
    ['', 'SELECT VERSION()'],
    ['', 'SELECT DATABASE()'],
    ['', 'SELECT @@tx_isolation'],
    ['', 'SELECT @@sql_mode'],
    ['', 'SELECT @@lower_case_table_names'],
  ]).map((x) => ({ ...x, category: x.category.trim() })),
  // SQLAlchemy 1.3's probes, still what older Superset images send.
  { category: 'tools: superset initialize 1.3', sql: `SHOW VARIABLES LIKE 'sql_mode'` },
  { category: 'tools: superset initialize 1.3', sql: `SHOW VARIABLES LIKE 'lower_case_table_names'` },
  { category: 'tools: superset initialize 1.3', sql: `SHOW VARIABLES LIKE 'character_set_client'` },
  { category: 'tools: superset initialize 1.3', sql: `SHOW COLLATION` },
  { category: 'tools: superset initialize 1.3', sql: `SELECT CAST('test plain returns' AS CHAR(60)) AS anon_1` },
  { category: 'tools: superset initialize 1.3', sql: `SELECT CAST('test unicode returns' AS CHAR(60)) AS anon_1` },
  { category: 'tools: superset initialize 1.3', sql: `SELECT CAST('test collated returns' AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin AS anon_1` },
  { category: 'tools: superset test connection', sql: 'SELECT 1' },
  { category: 'tools: superset reflect', sql: `SHOW FULL TABLES FROM \`${DB}\`` },
  { category: 'tools: superset reflect', sql: `SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE='SEQUENCE' and TABLE_SCHEMA='${DB}'` },
];
for (const [t, cols] of Object.entries(TABLES)) {
  superset.push(
    { category: 'tools: superset reflect has_table', sql: `DESCRIBE \`${DB}\`.\`${t}\`` },
    { category: 'tools: superset reflect columns', sql: `SHOW CREATE TABLE \`${DB}\`.\`${t}\`` },
    { category: 'tools: superset reflect sequence', sql: `SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE='SEQUENCE' and TABLE_NAME='${t}' AND TABLE_SCHEMA='${DB}'` },
    { category: 'tools: superset select_star', sql: `SELECT ${cols.map((c) => `\`${c}\``).join(',\n       ')}\nFROM \`${DB}\`.\`${t}\`\nLIMIT 100` },
    { category: 'tools: superset samples', sql: `SELECT *\nFROM \`${DB}\`.\`${t}\`\nLIMIT 10000\nOFFSET 0` },
  );
}
superset.push(
  { category: 'tools: superset has_table', sql: `DESCRIBE \`${DB}\`.\`lt_tools_missing\`` },
  { category: 'tools: superset has_table', sql: `DESCRIBE \`lt_tools_nodb\`.\`lt_tools_metrics\`` },
);
// Explore: time grains from superset/db_engine_specs/mysql.py over the metrics table.
const GRAINS: [string, string][] = [
  ['PT1S', 'DATE_ADD(DATE(`ts`), INTERVAL (HOUR(`ts`)*60*60 + MINUTE(`ts`)*60 + SECOND(`ts`)) SECOND)'],
  ['PT1M', 'DATE_ADD(DATE(`ts`), INTERVAL (HOUR(`ts`)*60 + MINUTE(`ts`)) MINUTE)'],
  ['PT1H', 'DATE_ADD(DATE(`ts`), INTERVAL HOUR(`ts`) HOUR)'],
  ['P1D', 'DATE(`ts`)'],
  ['P1W', 'DATE(DATE_SUB(`ts`, INTERVAL DAYOFWEEK(`ts`) - 1 DAY))'],
  ['P1M', 'DATE(DATE_SUB(`ts`, INTERVAL DAYOFMONTH(`ts`) - 1 DAY))'],
  ['P3M', 'MAKEDATE(YEAR(`ts`), 1) + INTERVAL QUARTER(`ts`) QUARTER - INTERVAL 1 QUARTER'],
  ['P1Y', 'DATE(DATE_SUB(`ts`, INTERVAL DAYOFYEAR(`ts`) - 1 DAY))'],
  ['1969-12-29T00:00:00Z/P1W', 'DATE(DATE_SUB(`ts`, INTERVAL DAYOFWEEK(DATE_SUB(`ts`, INTERVAL 1 DAY)) - 1 DAY))'],
];
for (const [, expr] of GRAINS) {
  superset.push({
    category: 'tools: superset explore time grain',
    sql: `SELECT ${expr} AS \`__timestamp\`,\n       count(*) AS \`count\`\nFROM \`${DB}\`.\`lt_tools_metrics\`\nWHERE \`ts\` >= STR_TO_DATE('2024-01-01 00:00:00.000000', '%Y-%m-%d %H:%i:%s.%f')\n  AND \`ts\` < STR_TO_DATE('2025-06-01 00:00:00.000000', '%Y-%m-%d %H:%i:%s.%f')\nGROUP BY ${expr}\nORDER BY \`count\` DESC, \`__timestamp\`\nLIMIT 10000`,
  });
}
superset.push(
  { category: 'tools: superset explore', sql: `SELECT \`host\` AS \`host\`,\n       SUM(\`amount\`) AS \`SUM(amount)\`\nFROM \`${DB}\`.\`lt_tools_metrics\`\nGROUP BY \`host\`\nORDER BY \`SUM(amount)\` DESC\nLIMIT 10000` },
  { category: 'tools: superset explore', sql: `SELECT \`metric\` AS \`metric\`,\n       AVG(\`value\`) AS \`AVG(value)\`,\n       COUNT(DISTINCT \`host\`) AS \`COUNT_DISTINCT(host)\`\nFROM \`${DB}\`.\`lt_tools_metrics\`\nWHERE \`flag\` IN (1)\nGROUP BY \`metric\`\nORDER BY \`AVG(value)\` DESC\nLIMIT 50` },
  { category: 'tools: superset explore', sql: `SELECT \`region\` AS \`region\`,\n       count(*) AS \`count\`\nFROM \`${DB}\`.\`lt_tools_hosts\`\nGROUP BY \`region\`\nORDER BY \`count\` DESC, \`region\`\nLIMIT 100` },
  { category: 'tools: superset explore', sql: `SELECT count(*) AS \`count\`\nFROM \`${DB}\`.\`lt_tools_metrics\`\nWHERE \`host\` IN ('web-1', 'db-1')\nLIMIT 50000` },
  { category: 'tools: superset filter values', sql: `SELECT DISTINCT \`host\` AS \`host\`\nFROM \`${DB}\`.\`lt_tools_metrics\`\nORDER BY \`host\`\nLIMIT 10000` },
);

// ---------------------------------------------------------------------------------------------
// DBeaver (its MySQL/MariaDB driver pages, over Connector/J): what the driver sends on connect,
// what DBeaver reads on connect, the navigator's catalog pages, opening a table.
const connectorJ: LongTailQuery[] = [
  {
    category: 'tools: dbeaver connector-j connect',
    sql: '/* mysql-connector-j-8.4.0 (Revision: 1c3f5c149e0bfe31c7fbeb24e2d260cd890972c4) */SELECT  @@session.auto_increment_increment AS auto_increment_increment, @@character_set_client AS character_set_client, @@character_set_connection AS character_set_connection, @@character_set_results AS character_set_results, @@character_set_server AS character_set_server, @@collation_server AS collation_server, @@collation_connection AS collation_connection, @@init_connect AS init_connect, @@interactive_timeout AS interactive_timeout, @@license AS license, @@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet AS max_allowed_packet, @@net_write_timeout AS net_write_timeout, @@performance_schema AS performance_schema, @@sql_mode AS sql_mode, @@system_time_zone AS system_time_zone, @@time_zone AS time_zone, @@tx_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout',
  },
  { category: 'tools: dbeaver connector-j connect', sql: 'SET NAMES utf8mb4' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SET character_set_results = NULL' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SET autocommit=1' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SELECT @@session.tx_read_only' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SELECT @@session.tx_isolation' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SET SESSION TRANSACTION READ ONLY' },
  { category: 'tools: dbeaver connector-j connect', sql: 'SET SESSION TRANSACTION READ WRITE' },
];
const dbeaver: LongTailQuery[] = [
  ...connectorJ,
  { category: 'tools: dbeaver restore', sql: 'SELECT @@character_set_results', session: [`SET SESSION character_set_results = 'utf8mb4'`] },
  { category: 'tools: dbeaver connect', sql: 'SELECT DATABASE()' },
  { category: 'tools: dbeaver connect', sql: 'SHOW ENGINES' },
  { category: 'tools: dbeaver connect', sql: 'SHOW CHARSET' },
  { category: 'tools: dbeaver connect', sql: 'SHOW COLLATION' },
  { category: 'tools: dbeaver connect', sql: 'SELECT @@GLOBAL.character_set_server,@@GLOBAL.collation_server' },
  { category: 'tools: dbeaver connect', sql: `SHOW VARIABLES LIKE 'lower_case_table_names'` },
  { category: 'tools: dbeaver connect', sql: `show databases LIKE '${DB}'` },
  { category: 'tools: dbeaver connect', sql: `SELECT * FROM information_schema.TABLES t\nWHERE\n\tt.TABLE_SCHEMA = 'information_schema'\n\tAND t.TABLE_NAME = 'CHECK_CONSTRAINTS'` },
  { category: 'tools: dbeaver connect', sql: `SHOW VARIABLES LIKE '%char%'` },
  { category: 'tools: dbeaver catalog', sql: `SELECT * FROM information_schema.SCHEMATA WHERE SCHEMA_NAME='${DB}'` },
  { category: 'tools: dbeaver catalog', sql: `SHOW CREATE DATABASE \`${DB}\`` },
  { category: 'tools: dbeaver catalog', sql: `SHOW FULL TABLES FROM \`${DB}\`` },
  { category: 'tools: dbeaver catalog', sql: `SHOW FULL TABLES FROM \`${DB}\` WHERE Table_type <> 'SEQUENCE'` },
  { category: 'tools: dbeaver catalog', sql: `SHOW TABLE STATUS FROM \`${DB}\`` },
  { category: 'tools: dbeaver catalog', sql: `SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA='${DB}' AND TABLE_TYPE = 'SEQUENCE'` },
  // DBeaver sends `ORDER BY ORDINAL_POSITION` and sorts the columns into their tables itself;
  // MariaDB does not order the tables' ties, so TABLE_NAME is added to make the order one.
  { category: 'tools: dbeaver catalog', sql: `SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='${DB}' ORDER BY ORDINAL_POSITION, TABLE_NAME`, selectOnlyUser: true },
  { category: 'tools: dbeaver catalog', sql: `SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA='${DB}' ORDER BY TABLE_NAME,INDEX_NAME,SEQ_IN_INDEX` },
  // TRIGGERS as the gateway's users see it: a SELECT-only user's (MariaDB lists triggers only with the TRIGGER privilege).
  { category: 'tools: dbeaver catalog', sql: `SELECT * FROM INFORMATION_SCHEMA.TRIGGERS\nWHERE TRIGGER_SCHEMA = '${DB}'`, selectOnlyUser: true },
  { category: 'tools: dbeaver table triggers', sql: `SELECT * FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_SCHEMA='${DB}' AND EVENT_OBJECT_TABLE='lt_tools_audit' ORDER BY TRIGGER_NAME`, selectOnlyUser: true },
  { category: 'tools: mysqldump triggers', sql: `SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'lt_tools_audit'`, selectOnlyUser: true },
  { category: 'tools: admin triggers', sql: `SELECT EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() GROUP BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION`, selectOnlyUser: true },
  { category: 'tools: admin triggers', sql: `SELECT COUNT(*) AS triggers, MAX(CREATED) AS newest FROM information_schema.TRIGGERS`, selectOnlyUser: true },
  { category: 'tools: dbeaver table data', sql: `SELECT * FROM ${DB}.lt_tools_audit\nLIMIT 0, 200` },
];
for (const [t, cols] of Object.entries(TABLES)) {
  dbeaver.push(
    { category: 'tools: dbeaver table columns', sql: `SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='${DB}' AND TABLE_NAME='${t}' ORDER BY ORDINAL_POSITION`, selectOnlyUser: true },
    { category: 'tools: dbeaver table indexes', sql: `SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA='${DB}' AND TABLE_NAME='${t}' ORDER BY TABLE_NAME,INDEX_NAME,SEQ_IN_INDEX` },
    { category: 'tools: dbeaver table keys', sql: `SELECT kc.CONSTRAINT_NAME,kc.TABLE_NAME,kc.COLUMN_NAME,kc.ORDINAL_POSITION\nFROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE kc WHERE kc.TABLE_SCHEMA='${DB}' AND kc.REFERENCED_TABLE_NAME IS NULL AND kc.TABLE_NAME='${t}'\nORDER BY kc.CONSTRAINT_NAME,kc.ORDINAL_POSITION` },
    { category: 'tools: dbeaver table ddl', sql: `SHOW CREATE TABLE \`${DB}\`.\`${t}\`` },
    { category: 'tools: dbeaver table status', sql: `SHOW TABLE STATUS FROM \`${DB}\` LIKE '${t}'` },
    { category: 'tools: dbeaver table data', sql: `SELECT * FROM ${DB}.${t}\nLIMIT 0, 200` },
    { category: 'tools: dbeaver table data', sql: `SELECT COUNT(*) FROM ${DB}.${t}` },
    { category: 'tools: dbeaver table data', sql: `SELECT t.* FROM ${DB}.${t} t\nORDER BY ${cols[0]} DESC\nLIMIT 0, 200` },
  );
}

// The events table's definitions, read the ways the tools read them (its rows too).
const EVENTS = 'lt_tools_events';
const EVENT_COLUMNS = ['id', 'kind', 'label', 'quote', 'weight', 'ratio', 'hits', 'active', 'day', 'created', 'updated', 'at', 'state', 'flags', 'body', 'owner'];
const definitions: LongTailQuery[] = [
  { category: 'tools: mysqldump show create table', sql: `show create table \`${EVENTS}\``, session: ['/*!40100 SET @@SQL_MODE=\'\' */', 'SET SQL_QUOTE_SHOW_CREATE=1', "SET SESSION character_set_results = 'binary'"] },
  { category: 'tools: mysqldump show create table', sql: `SHOW CREATE TABLE \`${DB}\`.\`${EVENTS}\``, session: RESTORE },
  { category: 'tools: mysqldump fields', sql: `show fields from \`${EVENTS}\`` },
  // Privileges: the gateway serves reads only, so its user's are a SELECT-only user's.
  { category: 'tools: mysqldump fields', sql: `SHOW FULL COLUMNS FROM \`${EVENTS}\` FROM \`${DB}\``, selectOnlyUser: true },
  { category: 'tools: mysqldump fields', sql: `SHOW COLUMNS FROM ${EVENTS} LIKE '%at%'` },
  { category: 'tools: superset reflect has_table', sql: `DESCRIBE \`${DB}\`.\`${EVENTS}\`` },
  { category: 'tools: superset reflect has_table', sql: `DESC ${EVENTS} kind` },
  { category: 'tools: dbeaver table columns', sql: `SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='${DB}' AND TABLE_NAME='${EVENTS}' ORDER BY ORDINAL_POSITION`, selectOnlyUser: true },
  { category: 'tools: dbeaver table ddl', sql: `SHOW CREATE TABLE \`${DB}\`.\`${EVENTS}\`` },
  { category: 'tools: dbeaver table data', sql: `SELECT * FROM ${DB}.${EVENTS}\nLIMIT 0, 200` },
  { category: 'tools: dbeaver catalog', sql: `SELECT TABLE_NAME, ENGINE, ROW_FORMAT, TABLE_COLLATION, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA='${DB}' ORDER BY TABLE_NAME` },
  {
    category: 'tools: metabase describe-fields',
    sql: `SELECT column_name, column_default, extra, column_comment, is_nullable, ((column_default IS NULL) OR (LOWER(column_default) = 'null')) AND (is_nullable = 'NO') AND NOT (extra = 'auto_increment') AS required, IF(LOWER(column_default) = 'null', NULL, column_default) AS database_default FROM information_schema.columns WHERE table_schema = '${DB}' AND table_name = '${EVENTS}' ORDER BY ordinal_position`,
  },
  ...EVENT_COLUMNS.map((c): LongTailQuery => ({ category: 'tools: superset reflect columns', sql: `SELECT COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, COLUMN_TYPE, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = '${EVENTS}' AND COLUMN_NAME = '${c}'` })),
  ...TABLE_NAMES.map((t): LongTailQuery => ({ category: 'tools: superset reflect columns', sql: `SELECT COLUMN_NAME, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${t}' AND (COLUMN_DEFAULT IS NOT NULL OR EXTRA <> '') ORDER BY ORDINAL_POSITION` })),
];

// Partition and tablespace metadata as admin tools read it (DBeaver's and HeidiSQL's partition
// tabs, size reports). On MariaDB FILES is always empty and a table not partitioned is one
// PARTITIONS row of NULLs; its row counts and lengths are InnoDB's statistics (refused by name).
const PARTITION_COLUMNS = 'PARTITION_NAME, SUBPARTITION_NAME, PARTITION_ORDINAL_POSITION, PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION, SUBPARTITION_EXPRESSION, PARTITION_DESCRIPTION';
const partitions: LongTailQuery[] = [
  { category: 'tools: dbeaver table partitions', sql: `SELECT * FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA='${DB}' AND TABLE_NAME='lt_tools_metrics' ORDER BY PARTITION_ORDINAL_POSITION,SUBPARTITION_ORDINAL_POSITION` },
  { category: 'tools: admin partitions', sql: `SELECT TABLE_NAME, SUM(TABLE_ROWS) AS row_estimate FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '${DB}' GROUP BY TABLE_NAME ORDER BY TABLE_NAME` },
  { category: 'tools: admin partitions', sql: `SELECT TABLE_NAME, COUNT(*) AS parts, COUNT(PARTITION_NAME) AS named FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME ORDER BY TABLE_NAME`, selectOnlyUser: true },
  { category: 'tools: admin partitions', sql: `SELECT TABLE_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '${DB}' AND PARTITION_NAME IS NOT NULL ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION` },
  { category: 'tools: admin partitions', sql: `SELECT DISTINCT TABLE_CATALOG, TABLESPACE_NAME, NODEGROUP, CONCAT('[', PARTITION_COMMENT, ']') AS note, MAX_DATA_LENGTH, CHECK_TIME, CHECKSUM FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '${DB}'` },
  { category: 'tools: admin partitions', sql: `SELECT t.TABLE_NAME, t.ENGINE, p.PARTITION_METHOD, p.PARTITION_EXPRESSION FROM information_schema.TABLES t JOIN information_schema.PARTITIONS p ON p.TABLE_SCHEMA = t.TABLE_SCHEMA AND p.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_SCHEMA = '${DB}' AND t.TABLE_NAME LIKE 'lt\\_tools\\_%' ORDER BY t.TABLE_NAME` },
  { category: 'tools: admin partitions', sql: `SELECT COUNT(*) FROM information_schema.PARTITIONS p WHERE p.TABLE_SCHEMA = '${DB}' AND p.TABLE_NAME NOT IN (SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${DB}')` },
  { category: 'tools: admin files', sql: `SELECT * FROM information_schema.FILES` },
  { category: 'tools: admin files', sql: `SELECT COUNT(*) AS files, SUM(TOTAL_EXTENTS * EXTENT_SIZE) AS bytes FROM information_schema.FILES WHERE TABLE_SCHEMA = '${DB}'` },
  { category: 'tools: admin files', sql: `SELECT FILE_NAME, FILE_TYPE, TABLESPACE_NAME, ENGINE, STATUS FROM information_schema.FILES WHERE ENGINE = 'InnoDB' ORDER BY FILE_NAME` },
];
for (const t of TABLE_NAMES) {
  partitions.push(
    { category: 'tools: heidisql table partitions', sql: `SELECT ${PARTITION_COLUMNS} FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA='${DB}' AND TABLE_NAME='${t}' ORDER BY PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION` },
    { category: 'tools: admin partitions', sql: `SELECT TABLE_SCHEMA, TABLE_NAME, PARTITION_NAME IS NULL AS whole, TABLESPACE_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${t}'` },
  );
}

export const toolSessionsClass: LongTailClass = {
  setup,
  queries: [...mysqldump, ...metabase, ...grafana, ...superset, ...dbeaver, ...definitions, ...partitions],
};
