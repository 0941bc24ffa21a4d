// A grouped or DISTINCT query's result columns, as MariaDB describes them. When it computes such a
// query through a temporary table, each computed string that reads the rows' columns only is
// stored in it and comes back as that table's field, with 0 decimals; an item holding an
// aggregate inside, a window or a subquery is computed after, and keeps 39 ("not fixed"); an item
// that is an aggregate is stored too (its result is a field of the table). MariaDB uses
// no temporary table (so every item keeps 39) when it groups by sorting: a GROUP_CONCAT,
// JSON_ARRAYAGG, JSON_OBJECTAGG or an aggregate of DISTINCT values in the select list or HAVING;
// nor when the grouping (or DISTINCT) covers one table's primary key, which it then drops. Over a
// join, whether a key's table is read first (in key order, so again no temporary table) is the
// optimizer's choice: refused.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { storedField } from './emit-from.ts';
import { callName } from './call-name.ts';
import { familyOf } from './mysql-types.ts';
import type { ResultColumnHint } from './select-context.ts';
import type { Scope } from './scope.ts';

type Node = any;

const SORTING_AGGREGATES = new Set(['GROUP_CONCAT', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG']);

/** Whether a node somewhere holds one of `test`'s nodes (subqueries included when `deep`). */
function holds(node: Node, test: (n: Node) => boolean, deep = true): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => holds(n, test, deep));
  if (test(node)) return true;
  if (!deep && node.ast) return false;
  return Object.values(node).some((v) => holds(v, test, deep));
}

const isColumn = (n: Node) => n.type === 'column_ref';
/**
 * An aggregate or a window: computed after the temporary table, not stored in it. A subquery's
 * own aggregates are its own (an uncorrelated one is a constant to the outer query).
 */
const isComputedAfter = (n: Node) => n.type === 'aggr_func' || Boolean(n.over) || (callName(n) !== undefined && SORTING_AGGREGATES.has(callName(n)!));
/** An aggregate MariaDB groups by sorting for (its rows kept apart, or their distinct values). */
const groupsBySorting = (n: Node) => {
  const name = n.type === 'aggr_func' ? String(n.name).toUpperCase() : callName(n);
  return name !== undefined && !n.over && (SORTING_AGGREGATES.has(name) || (n.type === 'aggr_func' && Boolean(n.args?.distinct) && name !== 'MAX' && name !== 'MIN'));
};
const isAggregate = (n: Node) => (n.type === 'aggr_func' && !n.over) || groupsBySorting(n);

/** The column names the nodes are, where each is a plain column (else null). */
function plainColumns(nodes: Node[]): string[] {
  return nodes.filter((n) => n?.type === 'column_ref' && typeof n.column !== 'object').map((n) => String(n.column).toLowerCase());
}

/** The primary key of a relation in scope that `names` hold all of, or undefined. */
function coveredKey(scope: Scope, names: string[]): string[] | undefined {
  for (const r of scope.relations) {
    const key = (r.columns ?? []).filter((c) => c.type.source?.primaryKey).map((c) => c.name.toLowerCase());
    if (key.length > 0 && key.every((k) => names.includes(k))) return key;
  }
  return undefined;
}

/** Whether MariaDB computes the block without a temporary table because of a primary key. */
function keyedWithoutTable(ast: Node, scope: Scope, groupBy: Node[]): boolean {
  if (groupBy.length === 0) return coveredKey(scope, plainColumns(ast.columns.map((i: Node) => i?.expr))) !== undefined;
  if (ast.distinct) return false;
  const names = plainColumns(groupBy);
  const key = coveredKey(scope, names);
  if (!key) return false;
  // Grouped by the key itself, it reads the table in key order; by more columns, it drops the
  // grouping when nothing is aggregated, else groups in a temporary table.
  const exactly = names.length === groupBy.length && names.length === key.length;
  return exactly || !holds([ast.columns, ast.having, ast.orderby], isAggregate, false);
}

/** The stored field a top-level MIN/MAX of an ENUM or SET column is: the column's own type. */
function minMaxField(expr: Node, scope: Scope): ResultColumnHint['type'] | undefined {
  const name = expr?.type === 'aggr_func' ? String(expr.name).toUpperCase() : '';
  const arg = expr?.args?.expr;
  if ((name !== 'MIN' && name !== 'MAX') || arg?.type !== 'column_ref' || typeof arg.column === 'object') return undefined;
  const column = String(arg.column).toLowerCase();
  const found = scope.relations.filter((r) => !arg.table || r.name.toLowerCase() === String(arg.table).toLowerCase()).flatMap((r) => (r.columns ?? []).filter((c) => c.name.toLowerCase() === column));
  return found.length === 1 && /^(enum|set)\(/i.test(found[0]!.type.columnType) ? found[0]!.type : undefined;
}

/** `items` (the select list's AST, one per column unless it has a star) typed as MariaDB sends them. */
export function materialisedColumns(columns: ResultColumnHint[] | null, ast: Node, scope: Scope, groupBy: Node[]): ResultColumnHint[] | null {
  const items = ast.columns;
  if (!columns || !Array.isArray(items) || items.length !== columns.length) return columns;
  const stored: boolean[] = items.map((item: Node, i: number) => familyOf(columns[i]!.type) === 'string' && ((item?.expr && isAggregate(item.expr)) || (holds(item?.expr, isColumn, false) && !holds(item?.expr, isComputedAfter, false))));
  if (!stored.some(Boolean)) return columns;
  const as = (keep: (i: number) => boolean) =>
    columns.map((c, i) => {
      if (!keep(i)) return c;
      const field = minMaxField(items[i]?.expr, scope);
      return { ...c, type: field ? { ...c.type, columnType: field.columnType, textDecimals: 0 } : storedField(c.type) };
    });
  // Grouped by sorting: only such an aggregate's own result is a stored field.
  if (groupBy.length > 0 && !ast.distinct && holds([items, ast.having], groupsBySorting, false)) return as((i) => stored[i]! && groupsBySorting(items[i]?.expr));
  if (keyedWithoutTable(ast, scope, groupBy)) {
    if (scope.relations.length > 1) throw new DialectUnsupported('the decimals MariaDB sends for a computed text in a query over a join grouped by a primary key (they depend on the join order it picks)');
    return columns;
  }
  return as((i) => stored[i]!);
}
