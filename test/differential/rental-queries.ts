// A generated corpus over the rental-billing schema (../shared/fixtures/rental_billing.sql, the
// workload in workload/rental-billing): the bill-detail shapes that motivated the project — a
// five-table LEFT JOIN filtered by any combination of ~70 optional conditions, over multi-year
// ranges, paged — and the totals, groupings and expressions the same screens compute.
// Deterministic for a seed. Every query fixes its row order (a unique key ends each ORDER BY) or
// returns one row, so answers compare row by row.
import { prng } from '../../workload/rental-billing/generate.ts';

export interface CorpusQuery {
  category: string;
  sql: string;
}

type Random = () => number;

const pickFrom = (rnd: Random) => <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const intIn = (rnd: Random, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dateIn(rnd: Random, from = 2019, to = 2026): string {
  return `${intIn(rnd, from, to)}-${pad(intIn(rnd, 1, 12))}-${pad(intIn(rnd, 1, 28))}`;
}

function periodIn(rnd: Random): string {
  return `${intIn(rnd, 2019, 2026)}-${pad(intIn(rnd, 1, 12))}`;
}

/** The optional conditions of the bill-detail screen: each draws its own parameters. */
const CONDITIONS: ((rnd: Random) => string)[] = [
  (r) => `b.pay_status = '${pickFrom(r)(['paid', 'unpaid', 'cancelled', 'refunded'])}'`,
  (r) => `b.pay_status IN ('${pickFrom(r)(['paid', 'unpaid'])}', '${pickFrom(r)(['cancelled', 'refunded', 'PAID'])}')`,
  (r) => `b.arrears_status = '${pickFrom(r)(['none', 'overdue', 'partially_paid', 'written_off'])}'`,
  (r) => `b.arrears_status <> '${pickFrom(r)(['none', 'overdue'])}'`,
  (r) => `b.bill_type_id IN (${[intIn(r, 1, 8), intIn(r, 1, 8), intIn(r, 1, 8)].join(', ')})`,
  (r) => `b.bill_type_id = ${intIn(r, 1, 8)}`,
  (r) => `b.amount_due > ${intIn(r, 10, 19000)}`,
  (r) => `b.amount_due <= ${intIn(r, 100, 20000)}.${pad(intIn(r, 0, 99))}`,
  (r) => {
    const lo = intIn(r, 10, 15000);
    return `b.amount_due BETWEEN ${lo} AND ${lo + intIn(r, 100, 8000)}`;
  },
  () => `b.amount_paid = 0`,
  (r) => `b.amount_due - b.amount_paid > ${intIn(r, 0, 5000)}`,
  () => `b.late_fee IS NULL`,
  () => `b.late_fee IS NOT NULL`,
  (r) => `b.late_fee > ${intIn(r, 0, 400)}`,
  (r) => `IFNULL(b.late_fee, 0) ${pickFrom(r)(['=', '<', '>='])} ${intIn(r, 0, 300)}`,
  () => `b.currency = 'cny'`,
  () => `b.paid_at IS NULL`,
  (r) => `b.paid_at >= '${dateIn(r)}'`,
  (r) => `b.paid_at < '${dateIn(r)} ${pad(intIn(r, 0, 23))}:${pad(intIn(r, 0, 59))}:00'`,
  (r) => `b.meter_reading > ${intIn(r, 0, 9000)}.5`,
  () => `b.meter_reading IS NULL`,
  (r) => `COALESCE(b.meter_reading, 0) < ${intIn(r, 0, 9000)}`,
  (r) => `b.remark LIKE '%${pickFrom(r)(['note 1', 'über', 'NOTE', '😀', '_0'])}%'`,
  () => `b.remark IS NOT NULL`,
  () => `b.is_deleted = 0`,
  (r) => `b.created_at >= '${dateIn(r)}'`,
  (r) => `b.created_at < '${dateIn(r)}'`,
  (r) => {
    const y = intIn(r, 2019, 2025);
    return `b.created_at BETWEEN '${y}-01-01' AND '${y + intIn(r, 0, 2)}-12-31 23:59:59'`;
  },
  (r) => {
    const from = periodIn(r);
    return `b.account_period BETWEEN '${from}' AND '${periodIn(r)}'`;
  },
  (r) => `b.account_period = '${periodIn(r)}'`,
  (r) => `b.account_period IN ('${periodIn(r)}', '${periodIn(r)}', '${periodIn(r)}')`,
  (r) => `b.period_start >= '${dateIn(r)}'`,
  (r) => `b.due_date < '${dateIn(r)}'`,
  (r) => `YEAR(b.created_at) = ${intIn(r, 2019, 2026)}`,
  (r) => `MONTH(b.due_date) IN (${intIn(r, 1, 12)}, ${intIn(r, 1, 12)})`,
  (r) => `b.bill_no LIKE 'B00000${intIn(r, 0, 2)}%'`,
  (r) => {
    const lo = intIn(r, 1, 3000);
    return `b.id BETWEEN ${lo} AND ${lo + intIn(r, 10, 1500)}`;
  },
  (r) => `b.contract_id = ${intIn(r, 1, 125)}`,
  (r) => `b.house_id IN (${intIn(r, 1, 100)}, ${intIn(r, 1, 100)}, ${intIn(r, 1, 100)}, ${intIn(r, 1, 100)})`,
  (r) => `b.project_id = ${intIn(r, 1, 2)}`,
  (r) => `b.tenant_id IN (${intIn(r, 1, 113)}, ${intIn(r, 1, 113)})`,
  (r) => `DATEDIFF(b.due_date, b.period_start) > ${intIn(r, 25, 45)}`,
  () => `b.paid_at > b.due_date`,
  (r) => `DATE(b.paid_at) >= '${dateIn(r)}'`,
  (r) => `JSON_UNQUOTE(JSON_EXTRACT(b.attrs, '$.channel')) = '${pickFrom(r)(['app', 'counter'])}'`,
  (r) => `JSON_UNQUOTE(JSON_EXTRACT(b.attrs, '$.channel')) <> '${pickFrom(r)(['app', 'counter'])}'`,
  (r) => `JSON_EXTRACT(b.attrs, '$.batch') > ${intIn(r, 0, 99)}`,
  () => `b.attrs IS NULL`,
  (r) => `(b.pay_status = 'unpaid' OR b.late_fee > ${intIn(r, 0, 400)})`,
  (r) => `(b.arrears_status IN ('overdue', 'written_off') OR b.amount_due > ${intIn(r, 5000, 19000)})`,
  (r) => `NOT (b.bill_type_id = ${intIn(r, 1, 8)})`,
  (r) => `c.status IN ('${pickFrom(r)(['active', 'ended'])}', '${pickFrom(r)(['terminated', 'draft'])}')`,
  (r) => `c.status = '${pickFrom(r)(['active', 'ended', 'terminated', 'draft', 'ACTIVE'])}'`,
  (r) => `c.contract_no LIKE 'C0000000${intIn(r, 0, 9)}%'`,
  (r) => `c.monthly_rent > ${intIn(r, 1000, 50000)}`,
  () => `c.deposit IS NULL`,
  (r) => {
    const d = dateIn(r);
    return `c.start_date <= '${d}' AND c.end_date >= '${d}'`;
  },
  (r) => `c.prepaid_months >= ${intIn(r, 0, 3)}`,
  () => `c.signed_at IS NULL`,
  (r) => `YEAR(c.start_date) = ${intIn(r, 2019, 2025)}`,
  (r) => `h.classification IN ('${pickFrom(r)(['office', 'retail', 'apartment'])}', '${pickFrom(r)(['warehouse', 'parking'])}')`,
  (r) => `h.classification = '${pickFrom(r)(['office', 'retail', 'apartment', 'warehouse', 'parking'])}'`,
  (r) => `h.building = 'B${intIn(r, 1, 20)}'`,
  (r) => `h.room_no LIKE '${intIn(r, 1, 3)}%'`,
  (r) => `h.area_m2 BETWEEN ${intIn(r, 20, 300)} AND ${intIn(r, 300, 520)}`,
  (r) => `h.floor < ${intIn(r, -2, 10)}`,
  () => `h.floor IS NULL`,
  (r) => `FIND_IN_SET('${pickFrom(r)(['corner', 'sea_view', 'renovated', 'subsidised'])}', h.tags) > 0`,
  () => `h.tags = ''`,
  () => `h.tags IS NULL`,
  (r) => `p.city IN ('${pickFrom(r)(['Shenzhen', 'Shanghai', 'Beijing'])}', '${pickFrom(r)(['Hangzhou', 'Chengdu', 'guangzhou'])}')`,
  () => `p.district IS NULL`,
  () => `p.is_active = 1`,
  (r) => `p.code = 'P0000${intIn(r, 1, 2)}'`,
  (r) => `p.opened_on < '${dateIn(r, 2010, 2019)}'`,
  (r) => `t.kind = '${pickFrom(r)(['company', 'person'])}'`,
  (r) => `t.name LIKE '%${pickFrom(r)(['Ltd', 'co', 'Zhang', '王', '😀'])}%'`,
  () => `t.phone IS NULL`,
  (r) => `t.phone LIKE '1${intIn(r, 1, 9)}%'`,
  (r) => `t.credit_level >= ${intIn(r, 0, 5)}`,
  () => `t.credit_level IS NULL`,
  (r) => `JSON_UNQUOTE(JSON_EXTRACT(t.profile, '$.source')) = '${pickFrom(r)(['web', 'agent', 'walk-in'])}'`,
  (r) => `bt.expense_account IN ('${pickFrom(r)(['rent', 'water', 'electricity'])}', '${pickFrom(r)(['property_fee', 'parking', 'gas', 'deposit'])}')`,
  () => `bt.is_recurring = 1`,
];

/** The bill-detail screen's five-table LEFT JOIN. */
export const DETAIL_JOINS = `FROM bill b
  LEFT JOIN lease_contract c ON c.id = b.contract_id
  LEFT JOIN house h ON h.id = b.house_id
  LEFT JOIN project p ON p.id = b.project_id
  LEFT JOIN tenant t ON t.id = b.tenant_id
  LEFT JOIN bill_type bt ON bt.id = b.bill_type_id`;

const DETAIL_COLUMNS = [
  'b.id', 'b.bill_no', 'b.account_period', 'b.period_start', 'b.due_date', 'b.amount_due', 'b.amount_paid', 'b.late_fee', 'b.currency',
  'b.arrears_status', 'b.pay_status', 'b.paid_at', 'b.meter_reading', 'b.remark', 'b.created_at', 'c.contract_no', 'c.monthly_rent',
  'c.status AS contract_status', 'h.building', 'h.room_no', 'h.classification', 'h.tags', 'h.area_m2', 'p.name AS project_name', 'p.city',
  't.name AS tenant_name', 't.kind', 't.phone', 'bt.name AS bill_type',
];

const DETAIL_EXPRESSIONS = [
  'b.amount_due - b.amount_paid AS outstanding',
  'IFNULL(b.late_fee, 0) AS late_fee_or_zero',
  "CONCAT(h.building, '-', h.room_no) AS room",
  "DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created",
  'DATEDIFF(b.paid_at, b.due_date) AS days_late',
  "CASE WHEN b.paid_at IS NULL THEN 'open' WHEN b.paid_at > b.due_date THEN 'late' ELSE 'on time' END AS payment",
  'ROUND(b.amount_due / 3, 2) AS third',
  "IF(b.late_fee > 100, 'high', 'low') AS fee_band",
  'YEAR(b.period_start) AS year',
  "COALESCE(t.phone, 'n/a') AS phone_or_na",
  "JSON_UNQUOTE(JSON_EXTRACT(b.attrs, '$.channel')) AS channel",
];

const ORDERINGS = ['b.created_at DESC, b.id DESC', 'b.id', 'b.amount_due DESC, b.id', 'b.due_date, b.id DESC', 'p.city, b.id', 't.name DESC, b.id', 'b.late_fee, b.id', 'b.paid_at DESC, b.id'];

function conditions(rnd: Random, min: number, max: number): string[] {
  const n = intIn(rnd, min, max);
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(Math.floor(rnd() * CONDITIONS.length));
  return [...chosen].map((i) => CONDITIONS[i]!(rnd));
}

const where = (conds: string[]) => (conds.length ? `\nWHERE ${conds.join('\n  AND ')}` : '');

function billDetail(rnd: Random): string {
  const pick = pickFrom(rnd);
  const columns = DETAIL_COLUMNS.filter(() => rnd() < 0.5);
  const expressions = DETAIL_EXPRESSIONS.filter(() => rnd() < 0.2);
  const select = ['b.id', ...columns.filter((c) => c !== 'b.id'), ...expressions];
  const page = pick([10, 20, 50]);
  const offset = pick([0, 0, 0, page, page * 2, page * 5]);
  const limit = rnd() < 0.5 ? `LIMIT ${offset}, ${page}` : `LIMIT ${page} OFFSET ${offset}`;
  return `SELECT ${select.join(', ')}\n${DETAIL_JOINS}${where(conditions(rnd, 1, 25))}\nORDER BY ${pick(ORDERINGS)}\n${limit}`;
}

function billDetailTotal(rnd: Random): string {
  const pick = pickFrom(rnd);
  const totals = pick(['COUNT(*)', 'COUNT(*), SUM(b.amount_due), SUM(b.amount_paid)', 'COUNT(DISTINCT b.contract_id), SUM(b.amount_due - b.amount_paid)', 'COUNT(b.late_fee), MAX(b.created_at), MIN(b.due_date)']);
  return `SELECT ${totals}\n${DETAIL_JOINS}${where(conditions(rnd, 1, 25))}`;
}

const GROUPINGS: [string, string][] = [
  ['b.account_period', 'b.account_period'],
  ['p.city', 'p.city'],
  ['bt.expense_account', 'bt.expense_account'],
  ['YEAR(b.created_at)', 'YEAR(b.created_at)'],
  ["DATE_FORMAT(b.created_at, '%Y-%m')", 'month'],
  ['h.classification', 'h.classification'],
  ['b.pay_status, b.arrears_status', 'b.pay_status, b.arrears_status'],
  ['t.kind', 't.kind'],
  ['QUARTER(b.due_date)', 'QUARTER(b.due_date)'],
];

const AGGREGATES = [
  'COUNT(*) AS bills',
  'SUM(b.amount_due) AS due',
  'SUM(b.amount_paid) AS paid',
  'SUM(b.amount_due - b.amount_paid) AS outstanding',
  'AVG(b.amount_due) AS avg_due',
  'MIN(b.created_at) AS first_bill',
  'MAX(b.paid_at) AS last_paid',
  'COUNT(DISTINCT b.tenant_id) AS tenants',
  'SUM(IFNULL(b.late_fee, 0)) AS fees',
  "SUM(CASE WHEN b.pay_status = 'paid' THEN 1 ELSE 0 END) AS paid_bills",
  'MAX(b.meter_reading) AS top_reading',
  'ROUND(AVG(b.late_fee), 2) AS avg_fee',
];

function grouped(rnd: Random): string {
  const pick = pickFrom(rnd);
  const [key, label] = pick(GROUPINGS);
  const keyItems = label === 'month' ? `${key} AS month` : key;
  const aggs = AGGREGATES.filter(() => rnd() < 0.35);
  if (aggs.length === 0) aggs.push('COUNT(*) AS bills');
  const having = rnd() < 0.3 ? `\nHAVING COUNT(*) > ${intIn(rnd, 1, 40)}` : '';
  const order = label === 'month' ? 'month' : key;
  return `SELECT ${keyItems}, ${aggs.join(', ')}\n${DETAIL_JOINS}${where(conditions(rnd, 0, 6))}\nGROUP BY ${label === 'month' ? 'month' : key}${having}\nORDER BY ${order}`;
}

const ROW_EXPRESSIONS = [
  "DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i:%s')", "DATE_FORMAT(b.due_date, '%d/%m/%Y %W %M')", 'DATE_ADD(b.due_date, INTERVAL 1 MONTH)', 'DATE_SUB(b.created_at, INTERVAL 90 MINUTE)',
  'b.due_date + INTERVAL 10 DAY', 'LAST_DAY(b.period_start)', 'DATEDIFF(b.due_date, b.created_at)', 'TIMESTAMPDIFF(DAY, b.created_at, b.paid_at)', 'TIMESTAMPDIFF(MONTH, b.period_start, b.due_date)',
  'YEAR(b.created_at)', 'MONTH(b.created_at)', 'DAYOFWEEK(b.due_date)', 'WEEKDAY(b.due_date)', 'QUARTER(b.created_at)', 'DAYNAME(b.due_date)', 'MONTHNAME(b.period_start)', 'DATE(b.paid_at)',
  "CONCAT(b.bill_no, '/', b.account_period)", "CONCAT_WS('-', b.currency, b.pay_status, b.remark)", 'CHAR_LENGTH(b.remark)', 'LENGTH(b.remark)', 'UPPER(b.pay_status)', 'LOWER(b.bill_no)',
  'SUBSTRING(b.bill_no, 2, 5)', "SUBSTRING_INDEX(b.account_period, '-', 1)", "LOCATE('0', b.bill_no)", "LPAD(b.bill_type_id, 3, '0')", "REPLACE(b.account_period, '-', '/')", 'LEFT(b.remark, 6)',
  'b.amount_due * 1.06', 'b.amount_due / 7', 'b.amount_due DIV 100', 'b.amount_due % 7', 'ROUND(b.amount_due, 1)', 'ROUND(b.amount_due / 3)', 'TRUNCATE(b.amount_due, 0)', 'CEIL(b.amount_due)', 'FLOOR(b.meter_reading)',
  'ABS(b.amount_paid - b.amount_due)', 'GREATEST(b.amount_due, b.amount_paid)', 'LEAST(b.amount_due, 500)', 'IFNULL(b.late_fee, -1)', 'NULLIF(b.amount_paid, 0)', 'COALESCE(b.late_fee, b.meter_reading, 0)',
  "IF(b.pay_status = 'PAID', 1, 0)", "CASE b.arrears_status WHEN 'none' THEN 0 WHEN 'overdue' THEN 1 ELSE 2 END", 'b.arrears_status + 0', "b.arrears_status = 'OVERDUE'",
  'CAST(b.amount_due AS SIGNED)', 'CAST(b.amount_due AS CHAR)', 'CAST(b.created_at AS DATE)', 'CAST(b.account_period AS UNSIGNED)', 'CONVERT(b.bill_type_id, CHAR)',
  "JSON_EXTRACT(b.attrs, '$.batch')", "JSON_LENGTH(b.attrs)", "JSON_UNQUOTE(JSON_EXTRACT(b.attrs, '$.channel'))", 'b.late_fee IS NULL', 'b.paid_at <=> NULL', "b.remark LIKE '%über%'",
  "HEX(b.bill_no)", 'MD5(b.bill_no)', 'b.meter_reading * 2', 'b.meter_reading + b.amount_due',
];

function rowExpressions(rnd: Random): string {
  const exprs = ROW_EXPRESSIONS.filter(() => rnd() < 0.08);
  if (exprs.length === 0) exprs.push(pickFrom(rnd)(ROW_EXPRESSIONS));
  const lo = intIn(rnd, 1, 2950);
  return `SELECT b.id, ${exprs.join(', ')}\nFROM bill b\nWHERE b.id BETWEEN ${lo} AND ${lo + 40}\nORDER BY b.id`;
}

/** Shapes written by hand: nested joins, subqueries, unions, CTEs, windows, views of the screens. */
export const HAND_WRITTEN: CorpusQuery[] = [
  'SELECT COUNT(*) FROM bill',
  'SELECT pay_status, COUNT(*) FROM bill GROUP BY pay_status ORDER BY pay_status',
  'SELECT b.id, (SELECT COUNT(*) FROM bill b2 WHERE b2.contract_id = b.contract_id) AS siblings FROM bill b WHERE b.id <= 30 ORDER BY b.id',
  'SELECT c.id, c.contract_no FROM lease_contract c WHERE EXISTS (SELECT 1 FROM bill b WHERE b.contract_id = c.id AND b.late_fee > 300) ORDER BY c.id',
  'SELECT c.id FROM lease_contract c WHERE c.id NOT IN (SELECT contract_id FROM bill WHERE pay_status = \'unpaid\') ORDER BY c.id',
  'SELECT t.id, t.name, x.total FROM tenant t JOIN (SELECT tenant_id, SUM(amount_due) AS total FROM bill GROUP BY tenant_id) x ON x.tenant_id = t.id ORDER BY x.total DESC, t.id LIMIT 15',
  'SELECT p.name, h.classification, COUNT(DISTINCT h.id) AS houses, COUNT(b.id) AS bills FROM project p LEFT JOIN house h ON h.project_id = p.id LEFT JOIN bill b ON b.house_id = h.id GROUP BY p.name, h.classification ORDER BY p.name, h.classification',
  'SELECT b.id FROM bill b LEFT JOIN (lease_contract c LEFT JOIN tenant t ON t.id = c.tenant_id) ON c.id = b.contract_id WHERE t.kind = \'person\' ORDER BY b.id LIMIT 40',
  'SELECT id FROM bill WHERE late_fee > 450 UNION SELECT id FROM bill WHERE amount_due > 19900 ORDER BY id',
  'SELECT contract_id FROM bill WHERE pay_status = \'cancelled\' UNION ALL SELECT id FROM lease_contract WHERE status = \'draft\' ORDER BY 1',
  'WITH unpaid AS (SELECT contract_id, SUM(amount_due - amount_paid) AS owed FROM bill WHERE pay_status = \'unpaid\' GROUP BY contract_id) SELECT c.contract_no, u.owed FROM unpaid u JOIN lease_contract c ON c.id = u.contract_id ORDER BY u.owed DESC, c.contract_no LIMIT 20',
  'SELECT id, contract_id, amount_due, ROW_NUMBER() OVER (PARTITION BY contract_id ORDER BY created_at DESC, id) AS rn FROM bill WHERE contract_id <= 5 ORDER BY contract_id, rn',
  'SELECT id, contract_id, SUM(amount_due) OVER (PARTITION BY contract_id ORDER BY id) AS running FROM bill WHERE contract_id IN (3, 7) ORDER BY id',
  'SELECT contract_id, GROUP_CONCAT(id ORDER BY id SEPARATOR \',\') AS ids FROM bill WHERE contract_id <= 10 AND bill_type_id = 1 GROUP BY contract_id ORDER BY contract_id',
  'SELECT account_period, COUNT(*) AS n FROM bill GROUP BY account_period HAVING n > 40 ORDER BY n DESC, account_period',
  'SELECT YEAR(created_at) AS y, MONTH(created_at) AS m, SUM(amount_due) FROM bill GROUP BY y, m ORDER BY y, m',
  'SELECT * FROM bill_type ORDER BY id',
  'SELECT * FROM project ORDER BY id',
  'SELECT * FROM house ORDER BY id LIMIT 30',
  'SELECT * FROM tenant ORDER BY id LIMIT 30',
  'SELECT * FROM lease_contract ORDER BY id LIMIT 30',
  'SELECT * FROM bill ORDER BY id LIMIT 30',
  'SELECT DISTINCT city FROM project ORDER BY city',
  'SELECT DISTINCT pay_status, arrears_status FROM bill ORDER BY 1, 2',
  'SELECT classification, COUNT(*) FROM house GROUP BY classification ORDER BY classification',
  'SELECT tags, COUNT(*) FROM house GROUP BY tags ORDER BY tags',
  'SELECT kind, COUNT(*), AVG(credit_level) FROM tenant GROUP BY kind ORDER BY kind',
  'SELECT status, MIN(start_date), MAX(end_date), SUM(monthly_rent) FROM lease_contract GROUP BY status ORDER BY status',
  'SELECT b.id, b.amount_due FROM bill b WHERE b.amount_due > (SELECT AVG(amount_due) * 1.9 FROM bill) ORDER BY b.id',
  "SELECT COUNT(*) FROM bill WHERE created_at >= '2024-01-01' AND created_at < '2025-01-01'",
  "SELECT COUNT(*) FROM bill WHERE due_date BETWEEN '2022-02-01' AND '2022-02-28'",
  "SELECT COUNT(*) FROM bill WHERE account_period >= '2021-07' AND account_period <= '2023-06'",
  'SELECT id, bill_no FROM bill ORDER BY id DESC LIMIT 5, 10',
  'SELECT SQL_CALC_FOUND_ROWS id FROM bill WHERE late_fee > 400 ORDER BY id LIMIT 5',
  'SELECT FOUND_ROWS()',
  'SELECT id FROM bill WHERE late_fee > 490 ORDER BY id',
  'SELECT FOUND_ROWS()',
  'SELECT COUNT(*), SUM(amount_due), AVG(amount_due), MIN(amount_due), MAX(amount_due), STDDEV_POP(amount_due) > 0 FROM bill',
  "SELECT t.id, t.name FROM tenant t WHERE t.name LIKE '%王%' OR t.name LIKE '%😀%' ORDER BY t.id",
  "SELECT id, remark FROM bill WHERE remark LIKE '%Über%' ORDER BY id LIMIT 20",
  'SELECT h.id, h.tags, FIND_IN_SET(\'renovated\', h.tags) FROM house h ORDER BY h.id LIMIT 25',
  "SELECT id, JSON_UNQUOTE(JSON_EXTRACT(profile, '$.source')) AS src, JSON_EXTRACT(profile, '$.vip') FROM tenant WHERE profile IS NOT NULL ORDER BY id LIMIT 25",
  'SELECT b.id FROM bill b STRAIGHT_JOIN lease_contract c ON c.id = b.contract_id WHERE c.prepaid_months = 3 ORDER BY b.id LIMIT 25',
  'SELECT b.id FROM bill b FORCE INDEX (idx_bill_created) WHERE b.created_at > \'2026-06-01\' ORDER BY b.id',
].map((sql) => ({ category: 'hand-written', sql }));

/** `count` generated queries (plus the hand-written ones), spread over the categories. */
export function rentalBillingCorpus(count: number, seed = 7): CorpusQuery[] {
  const rnd = prng(seed);
  const makers: [string, number, (r: Random) => string][] = [
    ['bill-detail page', 0.45, billDetail],
    ['bill-detail total', 0.2, billDetailTotal],
    ['grouped totals', 0.15, grouped],
    ['row expressions', 0.2, rowExpressions],
  ];
  const out: CorpusQuery[] = [];
  for (const [category, share, make] of makers) {
    for (let i = 0; i < Math.round(count * share); i++) out.push({ category, sql: make(rnd) });
  }
  return [...out, ...HAND_WRITTEN];
}
