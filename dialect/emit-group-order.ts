// A query block's GROUP BY, ORDER BY and LIMIT as MySQL reads them: a position or a select-list
// alias names a select item, a UNION's ORDER BY names the union's result columns, and a block is
// grouped when it has GROUP BY or aggregates (containsAggregate).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { callName } from './call-name.ts';
import { asValue, quoteIdent, type Emitted } from './emitted.ts';
import { CALLED_AGGREGATES } from './emit-call.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { itemName } from './emit-select-list.ts';
import { typeOf } from './mysql-types.ts';
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
  const sql = groupBy.map((g) => {
    if (g?.type === 'number') {
      keyItems.add(Number(g.value) - 1);
      return String(g.value);
    }
    if (g?.type === 'column_ref' && !g.table && typeof g.column === 'string' && !scope.hasColumn(g.column)) {
      const index = itemNames.indexOf(g.column.toLowerCase());
      if (index >= 0) {
        keyItems.add(index);
        return quoteIdent(itemName(columns[index], names[index] ?? null, topLevel, index, literals));
      }
    }
    const key = asValue(exprs.emit(g));
    keys.add(key);
    return key;
  });
  return { sql, keys, keyItems };
}

/**
 * GROUP BY and ORDER BY items: a position names a select item; a bare name that is not a
 * column of the FROM tables names a select item's alias.
 */
export function groupOrOrderRef(node: Node, scope: Scope, exprs: ExpressionEmitter): Emitted {
  if (node?.type === 'number') return { sql: String(node.value), type: typeOf('', true) };
  if (node?.type === 'column_ref' && !node.table && typeof node.column === 'string') {
    const output = scope.outputs.find((o) => o.name.toLowerCase() === node.column.toLowerCase());
    if (output && !scope.hasColumn(node.column)) return { sql: quoteIdent(output.name), type: output.type };
  }
  return exprs.emit(node);
}

/** In a UNION's ORDER BY, a name or position refers to the union's result columns. */
export function outputRef(node: Node, exprs: ExpressionEmitter): Emitted {
  if (node?.type === 'column_ref' && !node.table) return { sql: quoteIdent(String(node.column)), type: typeOf('', true) };
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
