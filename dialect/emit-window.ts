// MySQL window functions as DuckDB's: the OVER clause (PARTITION BY under the collation, ORDER BY
// with MySQL's NULL placement, the frame with MariaDB's rules; named windows were expanded before
// parsing, dialect/window-clauses.ts) and the ranking and value functions with MySQL's result types.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported, MysqlRejection } from './dialect-error.ts';
import { textKey } from './collation.ts';
import type { FrameBound, WindowFrame } from './window-clauses.ts';
import { asValue, type Emitted } from './emitted.ts';
import { digitsOf, typeOf, UNKNOWN, doubleType, familyOf } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;

/** Window functions MariaDB refuses a frame for (error 4017). */
const FRAMELESS = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'NTILE', 'PERCENT_RANK', 'CUME_DIST']);

/**
 * An OVER clause: PARTITION BY (text by its collation's key: 'bob' and 'BOB ' are one partition
 * under general_ci), ORDER BY, and the frame parser-input set aside (dialect/window-clauses.ts).
 * `fn` is the function's name, for MariaDB's frame rules.
 */
export function windowSpec(exprs: ExpressionEmitter, over: Node, fn = ''): string {
  const spec = over?.as_window_specification;
  if (typeof spec === 'string') throw new DialectUnsupported(`the window name ${spec}`);
  const w = spec?.window_specification;
  if (!w) throw new DialectUnsupported('this OVER clause');
  if (w.name) throw new DialectUnsupported(`the window name ${w.name}`);
  const parts: string[] = [];
  if (w.partitionby?.length) parts.push(`PARTITION BY ${(w.partitionby as Node[]).map((p) => textKey(exprs.emit(p.expr), exprs.connectionCollation)).join(', ')}`);
  const frame = w.window_frame_clause ? frameOf(exprs, w.window_frame_clause) : null;
  if (frame && FRAMELESS.has(fn)) throw new MysqlRejection(4017, 'HY000', `Window frame is not allowed with '${fn.toLowerCase()}'`);
  // LAG and LEAD read rows by position: MariaDB ignores a frame there.
  const framed = frame && fn !== 'LAG' && fn !== 'LEAD' ? frame : null;
  const rangeOrder = framed ? rangeOffsetOrder(exprs, framed, w.orderby ?? []) : null;
  if (rangeOrder) parts.push(rangeOrder);
  else if (w.orderby?.length) parts.push(`ORDER BY ${exprs.orderItems(w.orderby)}`);
  if (framed) parts.push(frameClause(framed, w.orderby ?? []));
  return `(${parts.join(' ')})`;
}

/** The frame parser-input kept aside, from its `ROWS <index> PRECEDING` stand-in. */
function frameOf(exprs: ExpressionEmitter, clause: Node): WindowFrame {
  const m = clause?.type === 'rows' ? /^(\d+)PRECEDING$/i.exec(String(clause.expr?.value ?? '').replace(/\s+/g, '')) : null;
  const lit = m ? exprs.ctx.literals[Number(m[1])] : undefined;
  if (lit?.kind !== 'frame') throw new DialectUnsupported('this window frame');
  return lit.frame;
}

const NUMERIC_ORDER = new Set(['int', 'decimal', 'double', 'float', 'year']);

/**
 * A RANGE frame with offsets orders by one number (MariaDB's errors 4019, 4021 otherwise); the
 * value is widened so that value ± offset cannot overflow its type (TINYINT 127 + 10).
 */
function rangeOffsetOrder(exprs: ExpressionEmitter, frame: WindowFrame, orderBy: Node[]): string | null {
  if (frame.unit !== 'RANGE' || (frame.start.offset === undefined && frame.end.offset === undefined)) return null;
  if (orderBy.length !== 1) throw new MysqlRejection(4019, 'HY000', 'RANGE-type frame requires ORDER BY clause with single sort key');
  const e = exprs.emit(orderBy[0].expr);
  const f = familyOf(e.type);
  if (!NUMERIC_ORDER.has(f)) {
    if (f === 'unknown') throw new DialectUnsupported('a RANGE frame over a value of unknown type');
    throw new MysqlRejection(4021, 'HY000', 'Numeric datatype is required for RANGE-type frame');
  }
  const wide = f === 'int' || f === 'year' ? `CAST(${v(e)} AS HUGEINT)` : f === 'decimal' ? `CAST(${v(e)} AS DECIMAL(38,${digitsOf(e.type).scale}))` : `CAST(${v(e)} AS DOUBLE)`;
  const desc = String(orderBy[0].type ?? '').toUpperCase() === 'DESC';
  return `ORDER BY ${wide} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`;
}

/** A frame as DuckDB writes it. */
function frameClause(frame: WindowFrame, orderBy: Node[]): string {
  // Rows in no order: which ones a ROWS frame holds is the engine's choice.
  if (frame.unit === 'ROWS' && orderBy.length === 0 && !(frame.start.kind === 'unbounded preceding' && frame.end.kind === 'unbounded following')) {
    throw new DialectUnsupported('a ROWS frame over a window without ORDER BY');
  }
  // Always empty on MariaDB (SUM is NULL); DuckDB does not take such a frame.
  if (frame.start.kind === 'following' && frame.end.kind === 'preceding') throw new DialectUnsupported('a window frame from FOLLOWING back to PRECEDING (always empty)');
  const bound = (b: FrameBound) => (b.offset !== undefined ? `${b.offset} ${b.kind.toUpperCase()}` : b.kind.toUpperCase());
  return `${frame.unit} BETWEEN ${bound(frame.start)} AND ${bound(frame.end)}`;
}

/** A ranking or value window function (an aggregate with OVER is emit-aggregate.ts's). */
export function windowFunction(exprs: ExpressionEmitter, name: string, argNodes: Node[], over: Node): Emitted {
  const args = argNodes.map((a) => exprs.emit(a));
  const spec = windowSpec(exprs, over, name);
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
