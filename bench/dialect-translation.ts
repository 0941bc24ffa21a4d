// Issue 6's translation cost: how long the dialect takes to turn MySQL into DuckDB SQL, per
// statement, the first time (parse + emit) and from the cache (what every later execution and
// every prepared statement pays). No server needed.
//   npx tsx bench/dialect-translation.ts [--rounds 200]
import { translate, type DialectCatalog } from '../dialect/index.ts';
import { argNumber, percentile, printTable } from './support.ts';
import { readDdl } from '../connectors/mysql-source/ddl-parser.ts';
import { SCHEMA_SQL } from '../workload/rental-billing/generate.ts';
import { rentalBillingCorpus } from '../test/differential/rental-queries.ts';

const rounds = argNumber('rounds', 200);

const BILL = [
  ['id', 'bigint(20) unsigned'],
  ['customer_id', 'int(11)'],
  ['pay_status', "enum('unpaid','paid','void')"],
  ['amount_due', 'decimal(12,2)'],
  ['created_at', 'datetime'],
  ['due_date', 'date'],
  ['remark', 'varchar(200)'],
].map(([name, columnType]) => ({ name: name!, columnType: columnType!, nullable: name !== 'id', primaryKey: name === 'id' }));
const catalog: DialectCatalog = { columns: (db, table) => (db === 'rb' && (table === 'bill' || table === 'customer') ? BILL : undefined) };

const STATEMENTS: Record<string, string> = {
  'point lookup': 'SELECT * FROM bill WHERE id = ?',
  'paged list, 6 optional conditions': `SELECT id, customer_id, pay_status, amount_due, created_at FROM bill WHERE customer_id = 42 AND pay_status IN ('unpaid', 'paid') AND created_at >= '2024-01-01' AND created_at < '2024-07-01' AND amount_due > 100 AND remark LIKE '%rent%' ORDER BY created_at DESC, id LIMIT 40, 20`,
  'grouped report': `SELECT pay_status, DATE_FORMAT(created_at, '%Y-%m') AS month, count(*) AS n, sum(amount_due) AS due, avg(amount_due) FROM bill WHERE created_at >= '2023-01-01' GROUP BY pay_status, month ORDER BY month, pay_status`,
  'two-level LEFT JOIN + subquery': `SELECT b.id, c.remark, (SELECT max(x.amount_due) FROM bill x WHERE x.customer_id = b.customer_id) AS top FROM bill b LEFT JOIN customer c ON c.id = b.customer_id LEFT JOIN bill p ON p.id = b.id - 1 WHERE IFNULL(b.remark, '') <> '' ORDER BY b.id LIMIT 10`,
  'driver metadata (MariaDB C/J getColumns)': `SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, IF(COLUMN_TYPE like 'tinyint(1)%', 'BOOLEAN', UCASE(IF( COLUMN_TYPE LIKE '%(%)%', CONCAT(SUBSTRING( COLUMN_TYPE,1, LOCATE('(',COLUMN_TYPE) - 1 ), SUBSTRING(COLUMN_TYPE ,1+locate(')', COLUMN_TYPE))), COLUMN_TYPE))) TYPE_NAME, CONVERT (CASE DATA_TYPE WHEN 'year' THEN NUMERIC_SCALE WHEN 'tinyint' THEN 0 ELSE NUMERIC_SCALE END, UNSIGNED INTEGER) DECIMAL_DIGITS, IF(IS_NULLABLE = 'yes',1,0) NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA='rb' AND TABLE_NAME='bill' ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION`,
};

function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const rows = Object.entries(STATEMENTS).map(([name, sql]) => {
  const first: number[] = [];
  const cached: number[] = [];
  let refused: string | undefined;
  for (let i = 0; i < rounds; i++) {
    // A fresh catalog object each round: nothing cached, the whole parse + emit runs.
    const ctx = { database: 'rb', catalog: { columns: catalog.columns } };
    const attempt = () => {
      try {
        translate(sql, ctx);
      } catch (err) {
        refused = (err as Error).message;
      }
    };
    first.push(timeMs(attempt));
    cached.push(timeMs(attempt));
  }
  first.sort((a, b) => a - b);
  cached.sort((a, b) => a - b);
  return {
    statement: name,
    'first (parse + emit) p50 ms': percentile(first, 50).toFixed(3),
    'first p99 ms': percentile(first, 99).toFixed(3),
    'cached p50 ms': percentile(cached, 50).toFixed(4),
    path: refused ? `refused (${refused})` : 'parsed',
  };
});

printTable(`Dialect translation cost per statement (${rounds} rounds)`, rows);

// The whole rental-billing differential corpus (test/differential/rental-queries.ts), typed against
// the workload's schema: the median cost per query, first and cached.
const schemas = SCHEMA_SQL.split(/;\s*\n/)
  .map((s) => s.replace(/^--.*$/gm, '').trim())
  .filter(Boolean)
  .flatMap((sql) => {
    const r = readDdl(sql, 'rb', () => undefined, () => []);
    return r.kind === 'changes' ? r.changes.flatMap((c) => (c.kind === 'create' ? [c.after] : [])) : [];
  });
const rbColumns = new Map(schemas.map((t) => [t.table, t.columns.map((c) => ({ name: c.name, columnType: c.columnType, nullable: c.nullable, primaryKey: t.primaryKey.includes(c.name) }))]));
const corpus = rentalBillingCorpus(1500);
const corpusFirst: number[] = [];
const corpusCached: number[] = [];
let refusedInCorpus = 0;
const corpusCtx = { database: 'rb', catalog: { columns: (db: string, table: string) => (db === 'rb' ? rbColumns.get(table) : undefined) } };
for (const q of corpus) {
  const attempt = () => {
    try {
      translate(q.sql, corpusCtx);
    } catch {
      refusedInCorpus++;
    }
  };
  corpusFirst.push(timeMs(attempt));
  corpusCached.push(timeMs(attempt));
}
corpusFirst.sort((a, b) => a - b);
corpusCached.sort((a, b) => a - b);
printTable(`Translation cost over the rental-billing corpus (${corpus.length} queries, ${refusedInCorpus / 2} refused)`, [
  { pass: 'first (parse + emit)', 'p50 ms': percentile(corpusFirst, 50).toFixed(3), 'p90 ms': percentile(corpusFirst, 90).toFixed(3), 'p99 ms': percentile(corpusFirst, 99).toFixed(3) },
  { pass: 'cached', 'p50 ms': percentile(corpusCached, 50).toFixed(4), 'p90 ms': percentile(corpusCached, 90).toFixed(4), 'p99 ms': percentile(corpusCached, 99).toFixed(4) },
]);
