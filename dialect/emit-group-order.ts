// A query block's GROUP BY, ORDER BY and LIMIT as MySQL reads them: a position or a select-list
// alias names a select item, a UNION's ORDER BY names the union's result columns, and a block is
// grouped when it has GROUP BY or aggregates (containsAggregate).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { callName } from './call-name.ts';
import { quoteIdent, type Emitted } from './emitted.ts';
import { EXPLICIT, textKey } from './collation.ts';
import { CALLED_AGGREGATES } from './emit-call.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { itemName } from './emit-select-list.ts';
import { familyOf, typeOf } from './mysql-types.ts';
import type { Literal } from './parser-input.ts';
import type { Scope } from './scope.ts';

type Node = any;

/**
 * GROUP BY items as SQL, the expressions they group on, and the select items they name (by
 * position, or by an alias that is no column of the FROM tables).
 */
export function groupKeys(groupBy: Node[], columns: Node[], names: (string | null)[], topLevel: boolean, scope: Scope, exprs: ExpressionEmitter, literals: Literal[]): { sql: string[]; keys: Set<string>; keyItems: Set<number> } {
  const keys = new Set<string>();
  const keyItems = new Set<number>();
  const itemNames = columns.map((c, i) => (c.expr?.type === 'column_ref' && c.expr.column === '*' ? null : itemName(c, names[i] ?? null, topLevel, i, literals).toLowerCase()));
  // A select item named by position or alias groups as itself; a text one by its collation's
  // key instead, like any other text key below.
  const byItem = (index: number, ref: string) => {
    const item = columns[index]?.expr;
    if (item && !containsAggregate([item]) && familyOf(exprs.emit(item).type) === 'string') return keyOf(item);
    keyItems.add(index);
    return ref;
  };
  const keyOf = (g: Node) => {
    const key = textKey(exprs.emit(g), exprs.connectionCollation);
    keys.add(key);
    return key;
  };
  const sql = groupBy.map((g) => {
    if (g?.type === 'number') return byItem(Number(g.value) - 1, String(g.value));
    if (g?.type === 'column_ref' && !g.table && typeof g.column === 'string' && !scope.hasColumn(g.column)) {
      const index = itemNames.indexOf(g.column.toLowerCase());
      if (index >= 0) return byItem(index, quoteIdent(itemName(columns[index], names[index] ?? null, topLevel, index, literals)));
    }
    // Text groups by its collation's key ('bob', 'Bob' and 'bob ' are one group under
    // general_ci); a select item naming the column then shows one row's value, as on MySQL.
    return keyOf(g);
  });
  return { sql, keys, keyItems };
}

/**
 * ORDER BY items: a position names a select item; a bare name a select item's alias first (a
 * column of the FROM tables when no item has that name).
 */
export function groupOrOrderRef(node: Node, scope: Scope, exprs: ExpressionEmitter): Emitted {
  if (node?.type === 'number') return positionRef(Number(node.value), scope);
  if (node?.type === 'column_ref' && !node.table && typeof node.column === 'string') {
    const output = scope.outputs.find((o) => o.name.toLowerCase() === node.column.toLowerCase());
    // MySQL reads an ORDER BY name as a select-list alias first, then as a FROM column.
    const unique = output && scope.outputs.filter((o) => o.name.toLowerCase() === output.name.toLowerCase()).length === 1;
    // The item's own expression where its name would bind elsewhere: in a grouped block
    // (`any_value(x)`), or when a FROM column has the name too (inside the sort key DuckDB would
    // read the column). Else its name (DuckDB refuses a literal as an ORDER BY item).
    // `ORDER BY name COLLATE x`: the item's value, sorted under x.
    if (output && node.collate?.collate?.name) return withExplicitCollation(node, exprs);
    if (output && (unique || !scope.hasColumn(node.column))) {
      const byExpression = exprs.grouping !== null || scope.hasColumn(node.column);
      if (!byExpression) return { sql: quoteIdent(output.name), type: output.type };
      if (output.sql) return { sql: output.sql, type: output.type };
    }
  }
  return exprs.emit(node);
}

/**
 * `ORDER BY n`: the n-th result column. A text one is named, so that it sorts by its collation's
 * key (`ORDER BY key("name")`); others stay a position.
 */
function positionRef(n: number, scope: Scope): Emitted {
  const output = scope.outputs[n - 1];
  const unique = output && scope.outputs.filter((o) => o.name.toLowerCase() === output.name.toLowerCase()).length === 1;
  if (output && unique && familyOf(output.type) === 'string') {
    // Inside the sort key DuckDB reads a name as a FROM column first (`host AS metric` over a
    // table with a column `metric`): there the item's own expression is sorted instead.
    if (output.sql !== undefined && scope.hasColumn(output.name)) return { sql: output.sql, type: output.type };
    return { sql: quoteIdent(output.name), type: output.type };
  }
  return { sql: String(n), type: typeOf('', true) };
}

/** In a UNION's ORDER BY, a name or position refers to the union's result columns. */
export function outputRef(node: Node, exprs: ExpressionEmitter): Emitted {
  if (node?.type === 'number') return positionRef(Number(node.value), exprs.scope);
  if (node?.type === 'column_ref' && !node.table) {
    const output = exprs.scope.outputs.find((o) => o.name.toLowerCase() === String(node.column).toLowerCase());
    const type = output?.type ?? typeOf('', true);
    // `ORDER BY v COLLATE utf8mb4_bin` sorts the union's column under that collation.
    const collate = node.collate?.collate?.name;
    return { sql: quoteIdent(String(node.column)), type: collate ? { ...type, collation: String(collate).toLowerCase(), coercibility: EXPLICIT } : type };
  }
  return exprs.emit(node);
}

/** ` LIMIT n [OFFSET o]`, from MySQL's `LIMIT n`, `LIMIT o, n` or `LIMIT n OFFSET o`; empty for none. */
export function limitClause(limit: Node, exprs: ExpressionEmitter): string {
  const values: Node[] = limit?.value ?? [];
  if (values.length === 0) return '';
  const sql = (n: Node) => exprs.emit(n).sql;
  if (values.length === 1) return ` LIMIT ${sql(values[0])}`;
  const [count, offset] = limit.seperator === ',' ? [values[1], values[0]] : [values[0], values[1]];
  return ` LIMIT ${sql(count)} OFFSET ${sql(offset)}`;
}

/** Whether these parts of a query block aggregate (not counting subqueries and window functions). */
export function containsAggregate(nodes: unknown[]): boolean {
  const visit = (n: unknown): boolean => {
    if (!n || typeof n !== 'object') return false;
    if (Array.isArray(n)) return n.some(visit);
    const node = n as Node;
    if (node.ast) return false;
    if (node.type === 'aggr_func' && !node.over) return true;
    const called = node.over ? undefined : callName(node);
    if (called && CALLED_AGGREGATES.has(called)) return true;
    return Object.values(node).some(visit);
  };
  return nodes.some(visit);
}

/** `ORDER BY alias COLLATE x`: the select item the name refers to, sorted under collation x. */
function withExplicitCollation(node: Node, exprs: ExpressionEmitter): Emitted {
  const plain = groupOrOrderRef({ ...node, collate: null }, exprs.scope, exprs);
  const name = String(node.collate.collate.name).toLowerCase();
  if (familyOf(plain.type) !== 'string') throw new DialectUnsupported(`COLLATE ${name} on a value that is not a string`);
  if (name !== 'binary' && !/^utf8mb4_[a-z0-9_]+$/.test(name)) throw new DialectUnsupported(`COLLATE ${name} (only utf8mb4 collations)`);
  return { ...plain, type: { ...plain.type, collation: name, coercibility: EXPLICIT } };
}
