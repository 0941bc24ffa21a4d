// ORDER BY items as DuckDB's, ordered as MySQL orders them: NULLs first ascending and last
// descending, an ENUM by its members' order. The select list's ORDER BY, a window's and
// GROUP_CONCAT's all read them so.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { enumIndex, type Emitted } from './emitted.ts';
import { DEFAULT_COLLATION, textKey } from './collation.ts';
import { orderKey } from './temporal-values.ts';

type Node = any;

/** ORDER BY items with MySQL's NULL placement: first when ascending, last when descending. */
export function orderItems(items: Node[], resolve: (n: Node) => Emitted, connection = DEFAULT_COLLATION): string {
  return items
    .map((item) => {
      const desc = String(item.type ?? '').toUpperCase() === 'DESC';
      return `${sortKey(resolve(item.expr), connection)} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`;
    })
    .join(', ');
}

/**
 * What a value sorts by: text by its collation's key (dialect/collation.ts), an ENUM by member,
 * a SET by its bits and a TIME by its value (dialect/temporal-values.ts: the store holds its text).
 */
export function sortKey(e: Emitted, connection: string): string {
  return orderKey(e) ?? enumIndex(e) ?? textKey(e, connection);
}
