// GROUP BY ... WITH ROLLUP as MariaDB answers it. DuckDB's GROUP BY ROLLUP (k1, …, kn) makes the
// same grouping sets, but MariaDB's answer also fixes what the super-aggregate rows show and
// where they come: each key's column is NULL in the rows that rolled it up (an expression over it
// is computed over that NULL), and the rows come in the GROUP BY's own sort order (the keys
// ascending, NULLs first, text by its collation), each super-aggregate row after its group, the
// grand total last. MariaDB forbids ORDER BY beside ROLLUP (error 1221), so that order is always
// the answer's. A column outside the keys would show the last group's value there: refused.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported, MysqlRejection } from './dialect-error.ts';
import { textKey } from './collation.ts';
import { sortKey } from './emit-order-by.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { containsAggregate } from './emit-group-order.ts';
import { familyOf } from './mysql-types.ts';
import type { Scope } from './scope.ts';
import { itemName } from './emit-select-list.ts';
import type { Literal } from './parser-input.ts';

type Node = any;

export interface RollupGrouping {
  /** The keys as emitted (a text key by its collation's key): what a bare key column matches. */
  keys: Set<string>;
  /** Select items that are a key themselves: emitted as written, so DuckDB nulls them with the key. */
  keyItems: Set<number>;
  /** A text key column → its key: shown as one row's value, NULL where the key is rolled up. */
  rolledUp: Map<string, string>;
  /** ` GROUP BY ROLLUP (…)`. */
  groupBy: string;
  /** The super-aggregate row of no rows at all is not MariaDB's: DuckDB's grand total of an empty input. */
  having: string;
  /** ` ORDER BY …`: MariaDB's GROUP BY order, each rolled-up row after its group. */
  orderBy: string;
}

/** Whether GROUP BY carries WITH ROLLUP. */
export function hasRollup(ast: Node): boolean {
  return Boolean(ast.groupby?.modifiers?.some((m: Node) => String(m?.value ?? m).toLowerCase().replace(/\s+/g, '') === 'withrollup'));
}

export function rollupGrouping(ast: Node, names: (string | null)[], topLevel: boolean, scope: Scope, exprs: ExpressionEmitter, literals: Literal[], alone: boolean): RollupGrouping {
  if (ast.orderby?.length) throw new MysqlRejection(1221, 'HY000', 'Incorrect usage of CUBE/ROLLUP and ORDER BY');
  if (!alone) throw new DialectUnsupported('GROUP BY ... WITH ROLLUP in a UNION member');
  if (ast.distinct) throw new DialectUnsupported('SELECT DISTINCT with GROUP BY ... WITH ROLLUP');
  const columns: Node[] = ast.columns;
  const groupBy: Node[] = ast.groupby.columns ?? [];
  const itemNames = columns.map((c, i) => (c.expr?.type === 'column_ref' && c.expr.column === '*' ? null : itemName(c, names[i] ?? null, topLevel, i, literals).toLowerCase()));
  const keys = new Set<string>();
  const rolledUp = new Map<string, string>();
  const order: string[] = [];
  const keySql: string[] = [];
  for (const g of groupBy) {
    const node = keyNode(g, columns, itemNames, scope);
    if (containsAggregate([node]) || hasSubquery(node)) throw new DialectUnsupported('a GROUP BY ... WITH ROLLUP key that is an aggregate or a subquery');
    const e = exprs.emit(node);
    const key = textKey(e, exprs.connectionCollation);
    // ROLLUP (a, a) rolls the second one up first, and MariaDB then shows a as NULL already.
    if (keys.has(key)) throw new DialectUnsupported('a key repeated in GROUP BY ... WITH ROLLUP');
    keys.add(key);
    keySql.push(key);
    if (familyOf(e.type) === 'string') {
      if (node?.type === 'column_ref') rolledUp.set(e.sql, key);
    }
    // An ENUM sorts by its member number, read from one row of the group (its text is grouped on).
    const sort = sortKey(e, exprs.connectionCollation);
    const grouped = sort === key || familyOf(e.type) !== 'string' ? sort : sortKey({ ...e, sql: `any_value(${e.sql})` }, exprs.connectionCollation);
    order.push(`GROUPING(${key}) ASC`, `${grouped} ASC NULLS FIRST`);
  }
  // A select item that is a (non-text) key as written is one DuckDB nulls with the key.
  const keyItems = new Set<number>();
  columns.forEach((c, i) => {
    const expr = c.expr;
    if (!expr || expr.type === 'column_ref' || containsAggregate([expr]) || hasSubquery(expr)) return;
    const e = exprs.emit(expr);
    if (familyOf(e.type) !== 'string' && keys.has(textKey(e, exprs.connectionCollation))) keyItems.add(i);
  });
  return { keys, keyItems, rolledUp, groupBy: ` GROUP BY ROLLUP (${keySql.join(', ')})`, having: 'count(*) > 0', orderBy: ` ORDER BY ${order.join(', ')}` };
}

/** A GROUP BY item as the expression it groups on: `GROUP BY 2` and `GROUP BY alias` name a select item. */
function keyNode(g: Node, columns: Node[], itemNames: (string | null)[], scope: Scope): Node {
  if (g?.type === 'number') {
    const item = columns[Number(g.value) - 1];
    if (!item || itemNames[Number(g.value) - 1] === null) throw new MysqlRejection(1054, '42S22', `Unknown column '${g.value}' in 'group statement'`);
    return item.expr;
  }
  if (g?.type === 'column_ref' && !g.table && typeof g.column === 'string' && !scope.hasColumn(g.column)) {
    const index = itemNames.indexOf(g.column.toLowerCase());
    if (index >= 0) return columns[index].expr;
  }
  return g;
}

function hasSubquery(n: unknown): boolean {
  if (!n || typeof n !== 'object') return false;
  if (Array.isArray(n)) return n.some(hasSubquery);
  if ((n as Node).ast) return true;
  return Object.values(n as Node).some(hasSubquery);
}
