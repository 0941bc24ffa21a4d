// MySQL window functions as DuckDB's: the OVER clause (a named window, PARTITION BY, ORDER BY
// with MySQL's NULL placement) and the ranking and value functions with MySQL's result types.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteIdent, type Emitted } from './emitted.ts';
import { typeOf, UNKNOWN, doubleType } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;

/** An OVER clause: a named window, or PARTITION BY and ORDER BY (frames are refused). */
export function windowSpec(exprs: ExpressionEmitter, over: Node): string {
  const spec = over?.as_window_specification;
  if (typeof spec === 'string') return quoteIdent(spec);
  const w = spec?.window_specification;
  if (!w) throw new DialectUnsupported('this OVER clause');
  if (w.window_frame_clause) throw new DialectUnsupported('window frames');
  const parts: string[] = [];
  if (w.name) parts.push(quoteIdent(w.name));
  if (w.partitionby?.length) parts.push(`PARTITION BY ${(w.partitionby as Node[]).map((p) => v(exprs.emit(p.expr))).join(', ')}`);
  if (w.orderby?.length) parts.push(`ORDER BY ${exprs.orderItems(w.orderby)}`);
  return `(${parts.join(' ')})`;
}

/** A ranking or value window function (an aggregate with OVER is emit-aggregate.ts's). */
export function windowFunction(exprs: ExpressionEmitter, name: string, argNodes: Node[], over: Node): Emitted {
  const args = argNodes.map((a) => exprs.emit(a));
  const spec = windowSpec(exprs, over);
  switch (name) {
    case 'ROW_NUMBER':
    case 'RANK':
    case 'DENSE_RANK':
      // MariaDB's ranking functions are signed BIGINT(21).
      return { sql: `${name.toLowerCase()}() OVER ${spec}`, type: typeOf('bigint(21)', false) };
    case 'NTILE':
      return { sql: `ntile(${args.map(v).join(', ')}) OVER ${spec}`, type: typeOf('bigint(21)', true) };
    case 'PERCENT_RANK':
    case 'CUME_DIST':
      // DOUBLE(17,10): printed with 10 decimals (0.0526315789).
      return { sql: `${name.toLowerCase()}() OVER ${spec}`, type: typeOf(doubleType(10), false) };
    case 'LAG':
    case 'LEAD':
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
    case 'NTH_VALUE':
      return { sql: `${name.toLowerCase()}(${args.map(v).join(', ')}) OVER ${spec}`, type: { ...(args[0]?.type ?? UNKNOWN), nullable: true, source: undefined } };
  }
  throw new DialectUnsupported(`the window function ${name}()`);
}
