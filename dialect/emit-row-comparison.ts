// Comparisons MySQL makes over several values at once: `x op ALL|ANY|SOME (subquery)`, row
// constructors (`(a, b) = (1, 2)`, `ROW(a, b) < ROW(1, 2)`, `(a, b) IN ((1, 2), (3, 4))`,
// `(a, b) IN (SELECT x, y …)`). Each pair of values compares as MySQL compares their two types
// (emit-comparison.ts), and the pairs combine with MySQL's three-valued logic:
// - `x op ANY (S)` is TRUE when some pair is TRUE, else NULL when some pair is NULL, else FALSE
//   (FALSE for an empty S); `x op ALL (S)` is FALSE when some pair is FALSE, else NULL when some
//   pair is NULL, else TRUE (TRUE for an empty S);
// - rows are equal when every pair is (AND), differ when some pair does (OR), and order
//   lexicographically: `(a1, a2) < (b1, b2)` is `a1 < b1 OR (a1 = b1 AND a2 < b2)`, which gives
//   NULL exactly where MySQL's compare_row stops at a NULL pair.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported, MysqlRejection } from './dialect-error.ts';
import { callName } from './call-name.ts';
import { containsAggregate } from './emit-group-order.ts';
import type { Emitted } from './emitted.ts';
import { comparable } from './emit-comparison.ts';
import { collationOf, comparisonCollation } from './collation.ts';
import { familyOf, typeOf, type ExprType } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const BOOL: ExprType = typeOf('int(1)', true);
const QUANTIFIERS = new Set(['ALL', 'ANY', 'SOME']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

/** `ALL (subquery)`, `ANY (…)`, `SOME (…)` as the parser reads them: a call of that name. */
export function isQuantified(node: Node): boolean {
  const name = callName(node);
  return name !== undefined && QUANTIFIERS.has(name) && node.args?.value?.length === 1 && Boolean(node.args.value[0]?.ast);
}

/** `(a, b)` or `ROW(a, b)`: the row's members; null for a single value. */
export function rowMembers(node: Node): Node[] | null {
  if (node?.type === 'expr_list' && node.value?.length > 1 && !node.value.some((n: Node) => n?.ast)) return node.value;
  if (callName(node) === 'ROW' && node.args?.value?.length > 1) return node.args.value;
  return null;
}

/** The condition `l op r` for two emitted values, compared as MySQL compares their types. */
function pair(exprs: ExpressionEmitter, l: Emitted, r: Emitted, op: string): string {
  const [a, b] = comparable(l, r, exprs.connectionCollation, op === '!=' ? '<=>' : op);
  return op === '!=' ? `(${a} IS NOT DISTINCT FROM ${b})` : `(${a} ${op} ${b})`;
}

/** Two rows of emitted values under `op` (`!=` is MySQL's `<=>`, as parser-input writes it). */
function rowCondition(exprs: ExpressionEmitter, left: Emitted[], right: Emitted[], op: string): string {
  if (left.length !== right.length) throw new DialectError(`Operand should contain ${left.length} column(s)`);
  if (op === '=' || op === '!=') return `(${left.map((l, i) => pair(exprs, l, right[i]!, op)).join(' AND ')})`;
  if (op === '<>') return `(${left.map((l, i) => pair(exprs, l, right[i]!, op)).join(' OR ')})`;
  if (!ORDERING.has(op)) throw new DialectUnsupported(`the row comparison ${op}`);
  // Lexicographic, from the last pair outwards: the last pair takes op itself, earlier ones its strict form.
  const strict = op.slice(0, 1);
  let sql = pair(exprs, left[left.length - 1]!, right[right.length - 1]!, op);
  for (let i = left.length - 2; i >= 0; i--) sql = `(${pair(exprs, left[i]!, right[i]!, strict)} OR (${pair(exprs, left[i]!, right[i]!, '=')} AND ${sql}))`;
  return sql;
}

function emitRow(exprs: ExpressionEmitter, members: Node[]): Emitted[] {
  return members.map((m) => {
    if (rowMembers(m)) throw new DialectUnsupported('a row inside a row');
    return exprs.comparand(m);
  });
}

/**
 * Whether some (ANY) or every (ALL) row of `subquery` meets `condition` (SQL reading the
 * subquery's columns as "__iq_q"."__iq_v<i>"), in MySQL's three-valued logic.
 */
function quantified(subquery: string, width: number, condition: string, all: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `"__iq_v${i}"`).join(', ');
  const decided = all ? `bool_or(NOT ${condition}) THEN false` : `bool_or(${condition}) THEN true`;
  return `(SELECT CASE WHEN ${decided} WHEN bool_or(${condition} IS NULL) THEN NULL ELSE ${all} END FROM (${subquery}) AS "__iq_q"(${columns}))`;
}

/** A row compared inside a subquery's scope: an aggregate there would be the subquery's, so it is refused. */
function checkPlainRow(row: Node): void {
  if (containsAggregate([row]) || JSON.stringify(row).includes('"over":{')) throw new DialectUnsupported('a row holding an aggregate or window compared with a subquery');
}

/** MariaDB refuses LIMIT directly in an IN/ALL/ANY/SOME subquery (1235, its own words). */
export function checkSubqueryLimit(ast: Node): void {
  for (let b = ast; b; b = b._next) {
    if (b.limit?.value?.length) throw new MysqlRejection(1235, '42000', "This version of MariaDB doesn't yet support 'LIMIT & IN/ALL/ANY/SOME subquery'");
  }
}

/** The subquery's columns as values to compare with. */
function subqueryColumns(exprs: ExpressionEmitter, ast: Node, width: number): { sql: string; items: Emitted[] } {
  checkSubqueryLimit(ast);
  const sub = exprs.ctx.subquery(ast, exprs.scope);
  if (sub.columns.length !== width) throw new DialectError(`Operand should contain ${width} column(s)`);
  return { sql: sub.sql, items: sub.columns.map((c, i) => ({ sql: `"__iq_q"."__iq_v${i}"`, type: { ...c.type, source: undefined } })) };
}

/**
 * MariaDB answers `x < ANY (S)`, `x > ALL (S)` and the like by comparing x with S's MIN or MAX,
 * taken under S's own type and collation: the same answer only when x compares with S's values
 * as they compare among themselves. A text S read as numbers or dates, or under another
 * collation, is refused.
 */
function checkExtremeComparable(exprs: ExpressionEmitter, left: Emitted[], items: Emitted[]): void {
  items.forEach((item, i) => {
    const f = familyOf(item.type);
    if (f !== 'string' && f !== 'binary') return;
    const l = left[i]!;
    const same = familyOf(l.type) === f && (l.type.collation ?? exprs.connectionCollation) === (item.type.collation ?? exprs.connectionCollation);
    // MariaDB takes the MIN/MAX under the subquery text's own collation, then compares under the
    // two sides' one: when that is the subquery's own, it is the plain ALL/ANY done here.
    const compared = f === 'string' && familyOf(l.type) === 'string' && comparisonCollation(l, item, exprs.connectionCollation, 'comparison').toLowerCase() === collationOf(item.type, exprs.connectionCollation).name.toLowerCase();
    if (!same && !compared) throw new DialectUnsupported("an ordering comparison with ALL, ANY or SOME over text of another type or collation than the left side's (MariaDB compares with the text's MIN or MAX)");
  });
}

/** `x op ALL|ANY|SOME (subquery)`, and `(a, b) op ANY (SELECT x, y …)`. */
export function quantifiedComparison(exprs: ExpressionEmitter, node: Node, op: string): Emitted {
  if (op === '!=') throw new DialectUnsupported('<=> with ALL, ANY or SOME');
  const members = rowMembers(node.left);
  const left = members ? emitRow(exprs, members) : [exprs.comparand(node.left)];
  const sub = subqueryColumns(exprs, node.right.args.value[0].ast, left.length);
  if (ORDERING.has(op)) checkExtremeComparable(exprs, left, sub.items);
  const all = callName(node.right) === 'ALL';
  if (!members) {
    // DuckDB's ALL/ANY have MySQL's three-valued logic; the left side stays outside the
    // subquery, so an aggregate there (HAVING count(*) >= ALL …) is the outer query's.
    const [a, b] = comparable(left[0]!, sub.items[0]!, exprs.connectionCollation, op);
    return { sql: `(${a} ${op} ${all ? 'ALL' : 'ANY'} (SELECT ${b} FROM (${sub.sql}) AS "__iq_q"("__iq_v0")))`, type: BOOL, bool: true };
  }
  checkPlainRow(node.left);
  return { sql: quantified(sub.sql, left.length, rowCondition(exprs, left, sub.items, op), all), type: BOOL, bool: true };
}

/** `(a, b) op (c, d)`, `ROW(…) op ROW(…)`. */
export function rowComparison(exprs: ExpressionEmitter, node: Node, op: string): Emitted {
  const l = rowMembers(node.left);
  const r = rowMembers(node.right);
  const subNode = node.right?.ast ? node.right : node.right?.type === 'expr_list' && node.right.value?.length === 1 ? node.right.value[0] : null;
  if (l && subNode?.ast) {
    // `(a, b) = (SELECT x, y …)`: the subquery's one row (none: NULL; more: error 1242, as a scalar subquery).
    const left = emitRow(exprs, l);
    const sub = subqueryColumns(exprs, subNode.ast, left.length);
    const columns = sub.items.map((_, i) => `"__iq_v${i}"`).join(', ');
    return { sql: `(SELECT ${rowCondition(exprs, left, sub.items, op)} FROM (${sub.sql}) AS "__iq_q"(${columns}))`, type: BOOL, bool: true };
  }
  if (!l || !r) throw new DialectUnsupported('comparing a row with a single value');
  return { sql: rowCondition(exprs, emitRow(exprs, l), emitRow(exprs, r), op), type: BOOL, bool: true };
}

/** `(a, b) [NOT] IN ((1, 2), (3, 4))` and `(a, b) [NOT] IN (SELECT x, y …)`. */
export function rowIn(exprs: ExpressionEmitter, node: Node, not: boolean): Emitted {
  const left = emitRow(exprs, rowMembers(node.left)!);
  const list: Node[] = node.right?.type === 'expr_list' ? node.right.value : [node.right];
  let sql: string;
  if (list.length === 1 && list[0]?.ast) {
    checkPlainRow(node.left);
    const sub = subqueryColumns(exprs, list[0].ast, left.length);
    sql = quantified(sub.sql, left.length, rowCondition(exprs, left, sub.items, '='), false);
  } else {
    const rows = list.map((n) => {
      const members = rowMembers(n);
      if (!members) throw new DialectError(`Operand should contain ${left.length} column(s)`);
      return rowCondition(exprs, left, emitRow(exprs, members), '=');
    });
    sql = `(${rows.join(' OR ')})`;
  }
  return { sql: not ? `(NOT ${sql})` : sql, type: BOOL, bool: true };
}
