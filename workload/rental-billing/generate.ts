// Generates rental-billing data into a MySQL database: deterministic for a seed, sized by the
// number of bills, loaded with multi-row INSERTs. The other tables scale with the bill count.
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';

export interface GenerateOptions {
  bills: number;
  seed?: number;
  /** Rows per INSERT statement. */
  chunk?: number;
  onProgress?: (table: string, rows: number) => void;
}

export const SCHEMA_SQL = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

/** mulberry32: a small seeded PRNG, so the same seed gives the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createSchema(conn: mysql.Connection, db: string): Promise<void> {
  await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.query(`CREATE DATABASE \`${db}\` DEFAULT CHARACTER SET utf8mb4`);
  await conn.query(`USE \`${db}\``);
  for (const statement of SCHEMA_SQL.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
    await conn.query(statement);
  }
}

const BILL_TYPES: [number, string, string, string, number][] = [
  [1, 'RENT', 'Rent', 'rent', 1],
  [2, 'WATER', 'Water', 'water', 1],
  [3, 'ELEC', 'Electricity', 'electricity', 1],
  [4, 'PROP', 'Property fee', 'property_fee', 1],
  [5, 'PARK', 'Parking', 'parking', 1],
  [6, 'GAS', 'Gas', 'gas', 1],
  [7, 'DEPOSIT', 'Deposit', 'deposit', 0],
  [8, 'PENALTY', 'Penalty', 'penalty', 0],
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const stamp = (d: Date) => `${day(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;

export function sizes(bills: number) {
  const contracts = Math.max(10, Math.ceil(bills / 24));
  return {
    projects: Math.max(2, Math.ceil(bills / 50_000)),
    houses: Math.max(5, Math.ceil(contracts * 0.8)),
    tenants: Math.max(5, Math.ceil(contracts * 0.9)),
    contracts,
    bills,
  };
}

async function insertChunks(conn: mysql.Connection, table: string, columns: string[], total: number, chunk: number, row: (i: number) => unknown[], onProgress?: GenerateOptions['onProgress']) {
  for (let start = 1; start <= total; start += chunk) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(total + 1, start + chunk); i++) rows.push(row(i));
    await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [rows]);
    onProgress?.(table, Math.min(total, start + chunk - 1));
  }
}

/** Fills an empty rental-billing schema in the connection's current database. */
export async function generate(conn: mysql.Connection, options: GenerateOptions): Promise<void> {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const chunk = options.chunk ?? 2000;
  const n = sizes(options.bills);
  const cities = ['Shenzhen', 'Shanghai', 'Beijing', 'Hangzhou', 'Chengdu', 'Guangzhou'];
  const base = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2026, 10, 1) - base;

  await insertChunks(conn, 'project', ['id', 'code', 'name', 'city', 'district', 'opened_on', 'is_active'], n.projects, chunk,
    (i) => [i, `P${pad(i, 5)}`, `Project ${i}`, pick(cities), rnd() < 0.2 ? null : `D${1 + Math.floor(rnd() * 9)}`, day(new Date(base - rnd() * 3e11)), rnd() < 0.9 ? 1 : 0], options.onProgress);
  await insertChunks(conn, 'house', ['id', 'project_id', 'building', 'room_no', 'classification', 'area_m2', 'floor', 'tags'], n.houses, chunk,
    (i) => [i, 1 + (i % n.projects), `B${1 + Math.floor(rnd() * 20)}`, `${100 + Math.floor(rnd() * 3000)}`, pick(['office', 'retail', 'apartment', 'warehouse', 'parking']), (20 + rnd() * 500).toFixed(2), rnd() < 0.1 ? null : Math.floor(rnd() * 40) - 2, pick([null, '', 'corner', 'sea_view,renovated', 'subsidised'])], options.onProgress);
  await insertChunks(conn, 'tenant', ['id', 'name', 'kind', 'phone', 'credit_level', 'profile'], n.tenants, chunk,
    (i) => [i, `Tenant ${i} ${pick(['Ltd', 'Co', 'Zhang', 'Li', 'Wang', '王', '😀'])}`, rnd() < 0.6 ? 'company' : 'person', rnd() < 0.3 ? null : `1${Math.floor(1e9 + rnd() * 9e9)}`, rnd() < 0.2 ? null : Math.floor(rnd() * 6), rnd() < 0.5 ? null : JSON.stringify({ vip: rnd() < 0.1, source: pick(['web', 'agent', 'walk-in']) })], options.onProgress);
  await insertChunks(conn, 'lease_contract', ['id', 'contract_no', 'house_id', 'tenant_id', 'start_date', 'end_date', 'monthly_rent', 'deposit', 'prepaid_months', 'status', 'signed_at'], n.contracts, chunk,
    (i) => {
      const start = new Date(base + rnd() * span * 0.8);
      const end = new Date(start.getTime() + (180 + rnd() * 1000) * 86_400_000);
      return [i, `C${pad(i, 9)}`, 1 + (i % n.houses), 1 + (i % n.tenants), day(start), day(end), (1000 + rnd() * 50000).toFixed(2), rnd() < 0.2 ? null : (2000 + rnd() * 90000).toFixed(2), Math.floor(rnd() * 4), pick(['active', 'ended', 'terminated', 'draft']), rnd() < 0.1 ? null : stamp(start).slice(0, 19)];
    }, options.onProgress);
  await conn.query('INSERT INTO bill_type (id, code, name, expense_account, is_recurring) VALUES ?', [BILL_TYPES]);
  await insertChunks(conn, 'bill', ['id', 'bill_no', 'contract_id', 'house_id', 'project_id', 'tenant_id', 'bill_type_id', 'account_period', 'period_start', 'period_end', 'due_date', 'amount_due', 'amount_paid', 'late_fee', 'currency', 'arrears_status', 'pay_status', 'paid_at', 'meter_reading', 'remark', 'attrs', 'is_deleted', 'created_at'], n.bills, chunk,
    (i) => billRow(i, rnd, n), options.onProgress);
}

/** One bill; also used by the live-change trickle. */
export function billRow(i: number, rnd: () => number, n: ReturnType<typeof sizes>, createdAt?: Date): unknown[] {
  const base = Date.UTC(2019, 0, 1);
  const created = createdAt ?? new Date(base + ((i * 7919) % n.bills) / n.bills * (Date.UTC(2026, 10, 1) - base) + Math.floor(rnd() * 86_400_000));
  const periodStart = new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), 1));
  const periodEnd = new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth() + 1, 0));
  const due = new Date(periodEnd.getTime() + 10 * 86_400_000);
  const contract = 1 + (i % n.contracts);
  const amount = 10 + rnd() * 20000;
  const paid = rnd() < 0.7;
  const partial = !paid && rnd() < 0.2;
  const types = [1, 2, 3, 4, 5, 6, 7, 8];
  return [
    i, `B${pad(i, 10)}`, contract, 1 + (contract % n.houses), 1 + ((contract % n.houses) % n.projects), 1 + (contract % n.tenants), types[Math.floor(rnd() * types.length)],
    `${created.getUTCFullYear()}-${pad(created.getUTCMonth() + 1)}`, day(periodStart), day(periodEnd), day(due),
    amount.toFixed(2), paid ? amount.toFixed(2) : partial ? (amount / 2).toFixed(2) : '0.00', rnd() < 0.85 ? null : (rnd() * 500).toFixed(2), 'CNY',
    paid ? 'none' : partial ? 'partially_paid' : rnd() < 0.1 ? 'written_off' : 'overdue', paid ? 'paid' : rnd() < 0.05 ? 'cancelled' : 'unpaid',
    paid ? stamp(new Date(created.getTime() + rnd() * 2e9)) : null, rnd() < 0.6 ? null : Math.round(rnd() * 1e6) / 100, rnd() < 0.8 ? null : `note ${i} ${rnd() < 0.5 ? '' : 'über 😀'}`,
    rnd() < 0.7 ? null : JSON.stringify({ channel: rnd() < 0.5 ? 'app' : 'counter', batch: Math.floor(rnd() * 100) }), rnd() < 0.02 ? 1 : 0, stamp(created),
  ];
}
