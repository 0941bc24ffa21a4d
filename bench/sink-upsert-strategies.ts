// Issue 4's first question, measured before choosing: how should the sink apply a batch of
// changes to a large DuckDB table? Each strategy gets a fresh copy of a bill-shaped table of N
// rows and applies the same batches: updates at random ids across the table, new-row inserts,
// and deletes. Prints rows/s per strategy and operation, side by side, for each N.
//   npx tsx bench/sink-upsert-strategies.ts [--rows 1000000,5000000] [--batch 10000] [--batches 5]
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable } from './support.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('rows', '1000000,5000000').split(',').map(Number);
const batch = Number(arg('batch', '10000'));
const batches = Number(arg('batches', '5'));

const COLUMNS = `id UBIGINT, bill_no VARCHAR, contract_id UBIGINT, bill_type_id UINTEGER, account_period VARCHAR, due_date DATE,
  amount_due DECIMAL(14,2), amount_paid DECIMAL(14,2), pay_status VARCHAR, remark VARCHAR, created_at TIMESTAMP_MS`;
const ROW = (idExpr: string) => `SELECT ${idExpr} AS id, 'B' || lpad(CAST(${idExpr} AS VARCHAR), 10, '0'), ${idExpr} % 40000 + 1, (${idExpr} % 8 + 1)::UINTEGER,
  '2024-' || lpad(CAST(${idExpr} % 12 + 1 AS VARCHAR), 2, '0'), DATE '2024-01-10' + CAST(${idExpr} % 700 AS INTEGER),
  CAST((${idExpr} % 20000) + 0.25 AS DECIMAL(14,2)), CAST(0 AS DECIMAL(14,2)), 'unpaid', NULL, TIMESTAMP_MS '2020-01-01 00:00:00' + INTERVAL (${idExpr} % 100000) MINUTE`;

interface Strategy {
  name: string;
  primaryKey: boolean;
  /** Applies stage `s` (columns of the table plus op 'u'/'d') to table `t`, inside a transaction. */
  apply(conn: DuckDBConnection): Promise<void>;
}

const strategies: Strategy[] = [
  {
    name: 'DELETE USING stage + INSERT (no index)',
    primaryKey: false,
    async apply(c) {
      await c.run('DELETE FROM t USING s WHERE t.id = s.id');
      await c.run("INSERT INTO t SELECT * EXCLUDE (op) FROM s WHERE op = 'u'");
    },
  },
  {
    name: 'UPDATE FROM stage + INSERT new + DELETE (no index)',
    primaryKey: false,
    async apply(c) {
      await c.run("DELETE FROM t USING s WHERE t.id = s.id AND s.op = 'd'");
      await c.run("UPDATE t SET bill_no = s.bill_no, contract_id = s.contract_id, bill_type_id = s.bill_type_id, account_period = s.account_period, due_date = s.due_date, amount_due = s.amount_due, amount_paid = s.amount_paid, pay_status = s.pay_status, remark = s.remark, created_at = s.created_at FROM s WHERE t.id = s.id AND s.op = 'u'");
      await c.run("INSERT INTO t SELECT * EXCLUDE (op) FROM s WHERE op = 'u' AND id NOT IN (SELECT id FROM t)");
    },
  },
  {
    name: 'INSERT OR REPLACE (PRIMARY KEY)',
    primaryKey: true,
    async apply(c) {
      await c.run("DELETE FROM t WHERE id IN (SELECT id FROM s WHERE op = 'd')");
      await c.run("INSERT OR REPLACE INTO t SELECT * EXCLUDE (op) FROM s WHERE op = 'u'");
    },
  },
  {
    name: 'MERGE INTO (PRIMARY KEY)',
    primaryKey: true,
    async apply(c) {
      await c.run(`MERGE INTO t USING s ON t.id = s.id
        WHEN MATCHED AND s.op = 'd' THEN DELETE
        WHEN MATCHED THEN UPDATE SET bill_no = s.bill_no, contract_id = s.contract_id, bill_type_id = s.bill_type_id, account_period = s.account_period, due_date = s.due_date, amount_due = s.amount_due, amount_paid = s.amount_paid, pay_status = s.pay_status, remark = s.remark, created_at = s.created_at
        WHEN NOT MATCHED AND s.op = 'u' THEN INSERT VALUES (s.id, s.bill_no, s.contract_id, s.bill_type_id, s.account_period, s.due_date, s.amount_due, s.amount_paid, s.pay_status, s.remark, s.created_at)`);
    },
  },
];

async function stage(c: DuckDBConnection, kind: 'update' | 'insert' | 'delete', rows: number, n: number, round: number): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP TABLE s AS SELECT * , 'u' AS op FROM t LIMIT 0`);
  if (kind === 'insert') {
    await c.run(`INSERT INTO s SELECT *, 'u' FROM (${ROW(`(${n} + ${round * batch} + i)::UBIGINT`)} FROM range(1, ${batch + 1}) r(i))`);
  } else {
    // Random ids across the whole table: the worst case for locality.
    await c.run(`INSERT INTO s SELECT *, '${kind === 'delete' ? 'd' : 'u'}' FROM (${ROW(`id`)} FROM (SELECT DISTINCT (hash(i * ${round + 7}) % ${rows})::UBIGINT + 1 AS id FROM range(${batch}) r(i)))`);
    if (kind === 'update') await c.run(`UPDATE s SET remark = 'updated ${round}', amount_paid = amount_due`);
  }
}

const results: Record<string, string | number>[] = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'iq-upsert-'));
  for (const strategy of strategies) {
    const instance = await DuckDBInstance.create(join(dir, `${strategy.primaryKey ? 'pk' : 'nopk'}-${results.length}.duckdb`));
    const c = await instance.connect();
    await c.run(`CREATE TABLE t (${COLUMNS}${strategy.primaryKey ? ', PRIMARY KEY (id)' : ''})`);
    const loadStart = Date.now();
    await c.run(`INSERT INTO t ${ROW('i::UBIGINT')} FROM range(1, ${n + 1}) r(i)`);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const rate: Record<string, number> = {};
    for (const kind of ['update', 'insert', 'delete'] as const) {
      let rows = 0;
      let ms = 0;
      for (let round = 0; round < batches; round++) {
        await stage(c, kind, n, n, round);
        const count = Number((await c.runAndReadAll('SELECT count(*) FROM s')).getRowsJS()[0]![0]);
        const t0 = performance.now();
        await c.run('BEGIN');
        await strategy.apply(c);
        await c.run('COMMIT');
        ms += performance.now() - t0;
        rows += count;
      }
      rate[kind] = Math.round(rows / (ms / 1000));
    }
    const check = Number((await c.runAndReadAll('SELECT count(*) - count(DISTINCT id) FROM t')).getRowsJS()[0]![0]);
    if (check !== 0) throw new Error(`${strategy.name} left ${check} duplicate ids`);
    results.push({ rows: n.toLocaleString(), strategy: strategy.name, 'bulk load rows/s': Math.round(n / loadSeconds), 'updates rows/s': rate.update!, 'inserts rows/s': rate.insert!, 'deletes rows/s': rate.delete! });
    c.closeSync();
    instance.closeSync();
  }
}
printTable(`Applying ${batches} batches of ${batch.toLocaleString()} changes per operation to a bill-shaped DuckDB table`, results);
