// ORDER BY items as DuckDB's, ordered as MySQL orders them: NULLs first ascending and last
// descending, an ENUM by its members' order. The select list's ORDER BY, a window's and
// GROUP_CONCAT's all read them so.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { asValue, enumIndex, type Emitted } from './emitted.ts';

type Node = any;

const v = asValue;

/** ORDER BY items with MySQL's NULL placement: first when ascending, last when descending. */
export function orderItems(items: Node[], resolve: (n: Node) => Emitted): string {
  return items
    .map((item) => {
      const desc = String(item.type ?? '').toUpperCase() === 'DESC';
      return `${enumOrder(resolve(item.expr))} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`;
    })
    .join(', ');
}

/** MySQL sorts an ENUM by its members' order, not alphabetically. */
function enumOrder(e: Emitted): string {
  return enumIndex(e) ?? v(e);
}
