// A CTE's columns: named by its column list (`WITH c(a, b) AS …`) or by its query's, typed as
// the fields of the table MySQL materialises it into (storedField); whether a CTE reads itself.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { quoteString } from './emitted.ts';
import { storedField } from './emit-from.ts';
import { charLength, digitsOf, familyOf, type ExprType } from './mysql-types.ts';
import type { RelationColumn } from './scope.ts';
import type { EmittedQuery } from './select-context.ts';

type Node = any;

/** `WITH c(a, b) AS …`: the names; null without a column list. */
export function cteColumnNames(cte: Node): string[] | null {
  const list: Node[] = cte.columns ?? [];
  if (list.length === 0) return null;
  return list.map((c) => String(typeof c.column === 'string' ? c.column : (c.column?.expr?.value ?? c.value ?? c)));
}

/**
 * The CTE's columns from its query's, renamed by the column list. `materialised` (a recursive
 * CTE, or one without FROM, which MariaDB computes into a table rather than merging it into the
 * query): an integer column is then a table's field, whose digits are its type's (`i * 10` over
 * `SELECT 1 AS i` is BIGINT), not the literal's.
 */
export function cteColumns(q: EmittedQuery, names: string[] | null, materialised: boolean): RelationColumn[] | null {
  if (names && q.columns && names.length !== q.columns.length) throw new DialectError('WITH column list and SELECT field list have different column counts');
  return q.columns?.map((c, i) => ({ name: names?.[i] ?? c.name, type: materialised ? materialisedField(c.type) : storedField(c.type) })) ?? null;
}

function materialisedField(t: ExprType): ExprType {
  if (familyOf(t) !== 'int' || /^(bit|bool)/.test(t.columnType)) return storedField(t);
  const { precision: _digits, ...rest } = t;
  return { ...rest, columnType: t.columnType.replace(/\(\d+\)/, '') };
}

/** Whether `node` (a query or part of one) reads the relation `name` unqualified: a recursive CTE's own name. */
export function readsRelation(node: Node, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => readsRelation(n, name));
  if (typeof node.table === 'string' && !node.db && node.table.toLowerCase() === name.toLowerCase() && node.type !== 'column_ref') return true;
  return Object.values(node).some((v) => readsRelation(v, name));
}

/**
 * A recursive CTE's rows are stored in its anchor's column types: where a recursive value does
 * not fit, MariaDB fails (1406 for a text too long, 1264 for a number out of range) and DuckDB
 * would go on or fail otherwise. Each recursive member is read through a guard that refuses
 * such a value at run time (error 1235, naming the column); what may not fit in a way the guard
 * cannot tell (a number written into a text column, a DOUBLE into a DECIMAL) is refused at once.
 * Returns the members' SQL, each with the set operation before it.
 */
export function guardedMembers(name: string, anchor: RelationColumn[], first: Node, member: (block: Node) => EmittedQuery): string {
  let sql = '';
  for (let b = first; b?._next; b = b._next) {
    const op = String(b.set_op ?? '').toUpperCase().replace(/\s+/g, ' ');
    if (op !== 'UNION ALL' && op !== 'UNION' && op !== 'UNION DISTINCT') throw new DialectUnsupported(`${op || 'a set operation'} in the recursive CTE ${name}`);
    // DuckDB's UNION would dedupe text byte by byte, MariaDB's under its collation.
    if (op !== 'UNION ALL' && anchor.some((a) => familyOf(a.type) === 'string')) throw new DialectUnsupported(`UNION DISTINCT of text in the recursive CTE ${name}`);
    if (b._next.orderby?.length || b._next.limit?.value?.length) throw new DialectUnsupported(`ORDER BY or LIMIT in the recursive CTE ${name}`);
    const q = member({ ...b._next, _next: null });
    const columns = anchor.map((_, i) => `"__iq_c${i}"`);
    const guards = anchor.map((a, i) => fitGuard(name, a, q.columns?.[i]?.type, `"__iq_rec".${columns[i]}`));
    sql += ` ${op === 'UNION' ? 'UNION' : op} SELECT ${guards.join(', ')} FROM (${q.sql}) AS "__iq_rec"(${columns.join(', ')})`;
  }
  return sql;
}

function fitGuard(cte: string, a: RelationColumn, m: ExprType | undefined, v: string): string {
  const f = familyOf(a.type);
  const mf = m ? familyOf(m) : 'unknown';
  if ((f !== 'string' && f !== 'decimal') || mf === 'null') return v;
  const refused = `the recursive CTE ${cte}, whose column ${a.name} (${a.type.columnType}) its recursive part may outgrow (MariaDB then fails with 1406 or 1264)`;
  const fail = (what: string) => `error(${quoteString(`instaquery cannot store ${what} in the column ${a.name} of the recursive CTE ${cte} (MariaDB fails there)`)})`;
  if (f === 'string') {
    if (mf === 'string' && charLength(m!) <= charLength(a.type)) return v;
    if (mf !== 'string') throw new DialectUnsupported(refused);
    const n = charLength(a.type);
    return `CASE WHEN length(${v}) > ${n} THEN ${fail(`a text longer than ${n} characters`)} ELSE ${v} END`;
  }
  if (mf !== 'int' && mf !== 'decimal') throw new DialectUnsupported(refused);
  const room = digitsOf(a.type);
  if (digitsOf(m!).int <= room.int) return v;
  return `CASE WHEN abs(${v}) >= 1e${room.int} THEN ${fail(`a number of more than ${room.int} integer digits`)} ELSE ${v} END`;
}
