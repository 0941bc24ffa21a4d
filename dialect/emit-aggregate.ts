// MySQL aggregates as DuckDB's, with MySQL's result types and semantics: AVG of exact numbers is
// exact (to 4 more decimals, rounded half away from zero), BIT_AND/OR/XOR of no rows are their
// identities, GROUP_CONCAT skips a row with a NULL part; with OVER each is a window aggregate.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { collationOf, collationRules, textKey, COERCIBLE } from './collation.ts';
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { sortKey } from './emit-order-by.ts';
import { asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { windowSpec } from './emit-window.ts';
import { isJsonArrayAgg, jsonArrayAgg } from './json-aggregate.ts';
import { valueText } from './double-text.ts';
import { asUnsigned64 } from './emit-cast.ts';
import { asMysqlText } from './temporal-values.ts';
import { aggregateType } from './functions.ts';
import { orderKey } from './temporal-values.ts';
import { callName } from './call-name.ts';
import { digitsOf, doubleType, familyOf, NOT_FIXED_DEC, NUMERIC_FAMILIES as NUMERIC, typeOf } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;

/** An aggregate call (with OVER, as a window aggregate), typed as MySQL types its result. */
export function aggregateCall(exprs: ExpressionEmitter, node: Node): Emitted {
  node = distinctAsModifier(node);
  const name = String(node.name).toUpperCase();
  const argNode = node.args?.expr;
  const distinct = node.args?.distinct ? 'DISTINCT ' : '';
  // MariaDB itself answers 1235 for COUNT(DISTINCT) and the like over a window.
  if (distinct && node.over) throw new DialectUnsupported(`${name}(DISTINCT) aggregate as window function`);
  const over = node.over ? ` OVER ${windowSpec(exprs, node.over, name)}` : '';
  if (name === 'COUNT' && argNode?.type === 'star') return { sql: `count(*)${over}`, type: aggregateType('COUNT', null) };
  if (name === 'GROUP_CONCAT') return groupConcat(exprs, node);
  if (name === 'COUNT' && distinct && argNode?.type === 'expr_list' && argNode.value.length > 1) return countDistinctTuples(exprs, argNode.value);
  const arg = argNode?.type === 'expr_list' && argNode.value.length > 1 ? null : exprs.emit(argNode?.type === 'expr_list' ? argNode.value[0] : argNode);
  if (!arg) throw new DialectUnsupported(`${name}() over several expressions`);
  if (STATISTICS[name]) return statistic(name, arg, Boolean(distinct), over);
  switch (name) {
    case 'COUNT':
      // COUNT(DISTINCT text) counts what the collation tells apart ('bob' and 'BOB ' are one).
      return { sql: `count(${distinct}${distinct ? textKey(arg, exprs.connectionCollation) : v(arg)})${over}`, type: aggregateType('COUNT', arg.type) };
    case 'AVG': {
      const f = familyOf(arg.type);
      if (f === 'int' || f === 'decimal' || f === 'year') {
        // MySQL averages exact numbers exactly, to 4 more decimals, rounding half away from
        // zero; DuckDB's avg goes through DOUBLE (and ROUND(AVG(x), 2) then differs).
        const scale = digitsOf(arg.type).scale;
        const sum = `sum(${distinct}CAST(${v(arg)} * ${10 ** scale} AS HUGEINT))${over}`;
        const n = `count(${distinct}${v(arg)})${over}`;
        const scaled = `(${sum} * 10000)`;
        const q = `CASE WHEN ${scaled} >= 0 THEN (${scaled} * 2 + ${n}) // (2 * ${n}) ELSE -((-${scaled} * 2 + ${n}) // (2 * ${n})) END`;
        const resultScale = scale + 4;
        return { sql: `(CAST(${q} AS DECIMAL(38,0)) * CAST('${(1 / 10 ** resultScale).toFixed(resultScale)}' AS DECIMAL(${resultScale + 1},${resultScale})))`, type: aggregateType(name, arg.type) };
      }
      const value = NUMERIC.has(f) || f === 'unknown' ? v(arg) : numberOf(arg);
      return { sql: `avg(${distinct}${value})${over}`, type: aggregateType(name, arg.type) };
    }
    case 'SUM': {
      const f = familyOf(arg.type);
      const value = NUMERIC.has(f) || f === 'unknown' ? v(arg) : numberOf(arg);
      return { sql: `${name.toLowerCase()}(${distinct}${value})${over}`, type: aggregateType(name, arg.type) };
    }
    case 'MIN':
    case 'MAX':
      // A TIME's least and greatest by its value (the store holds its text, '-01:00:00').
      if (familyOf(arg.type) === 'time') return { sql: `arg_${name.toLowerCase()}(${v(arg)}, ${orderKey(arg)})${over}`, type: aggregateType(name, arg.type) };
      // Text's least and greatest by its collation; the value itself as stored.
      if (familyOf(arg.type) === 'string') return { sql: `arg_${name.toLowerCase()}(${v(arg)}, ${textKey(arg, exprs.connectionCollation)})${over}`, type: aggregateType(name, arg.type) };
      return { sql: `${name.toLowerCase()}(${distinct}${v(arg)})${over}`, type: aggregateType(name, arg.type) };
    case 'BIT_AND':
    case 'BIT_OR':
    case 'BIT_XOR':
      return { sql: `coalesce(${name.toLowerCase()}(${asUnsigned64(arg)}), ${name === 'BIT_AND' ? '18446744073709551615' : '0'}::UBIGINT)${over}`, type: typeOf('bigint(21) unsigned', false) };
  }
  throw new DialectUnsupported(`the aggregate ${name}()`);
}

/** The STD and VARIANCE family: DuckDB's function of each (the same Welford recurrence as MariaDB's). */
const STATISTICS: Record<string, string> = {
  STD: 'stddev_pop',
  STDDEV: 'stddev_pop',
  STDDEV_POP: 'stddev_pop',
  STDDEV_SAMP: 'stddev_samp',
  VARIANCE: 'var_pop',
  VAR_POP: 'var_pop',
  VAR_SAMP: 'var_samp',
};

/**
 * STD(x), VAR_SAMP(x)…: a DOUBLE that MariaDB prints with the argument's decimals + 4 when the
 * argument is exact (STD(int) is 5.7663), else with its shortest digits. A DOUBLE argument past
 * 1e150 would overflow the sum of squares: DuckDB stops with an error where MariaDB prints a
 * value, so such a value is refused when met.
 */
function statistic(name: string, arg: Emitted, distinct: boolean, over: string): Emitted {
  if (distinct) throw new DialectError(`near 'DISTINCT': ${name}() takes no DISTINCT`);
  // Over a window, DuckDB merges partial states (a segment tree) where MariaDB runs the recurrence
  // row by row: the last digits differ (VARIANCE(decimal) OVER (PARTITION BY …) did).
  if (over) throw new DialectUnsupported(`${name}() as a window function (MariaDB's rounding follows its own row order)`);
  const f = familyOf(arg.type);
  let value: string;
  let decimals: number;
  if (f === 'int' || f === 'decimal' || f === 'year') {
    value = `CAST(${v(arg)} AS DOUBLE)`;
    decimals = Math.min(digitsOf(arg.type).scale + 4, NOT_FIXED_DEC);
  } else if (f === 'double' || f === 'float') {
    value = `CASE WHEN abs(${v(arg)}) > 1e150 THEN error('instaquery cannot compute ${name}() of a value beyond 1e150 as MariaDB does') ELSE CAST(${v(arg)} AS DOUBLE) END`;
    decimals = NOT_FIXED_DEC;
  } else if (f === 'null') {
    value = 'CAST(NULL AS DOUBLE)';
    decimals = 4;
  } else {
    throw new DialectUnsupported(`${name}() of a ${arg.type.columnType || 'value of unknown type'}`);
  }
  return { sql: `${STATISTICS[name]}(${value})${over}`, type: typeOf(doubleType(decimals), true) };
}

/**
 * COUNT(DISTINCT a, b, …): the tuples where no part is NULL, told apart as MySQL compares each
 * part (text by its collation's key).
 */
function countDistinctTuples(exprs: ExpressionEmitter, nodes: Node[]): Emitted {
  const parts = nodes.map((n) => exprs.emit(n));
  const anyNull = parts.map((p) => `${v(p)} IS NULL`).join(' OR ');
  const tuple = `row(${parts.map((p) => sortKey(p, exprs.connectionCollation)).join(', ')})`;
  return { sql: `count(DISTINCT CASE WHEN ${anyNull} THEN NULL ELSE ${tuple} END)`, type: aggregateType('COUNT', null) };
}

const NON_TEXT_PARTS = new Set(['int', 'decimal', 'float', 'double', 'date', 'datetime', 'time', 'year']);

/** GROUP_CONCAT([DISTINCT] parts [ORDER BY …] [SEPARATOR s]) as string_agg of the parts' text. */
function groupConcat(exprs: ExpressionEmitter, node: Node): Emitted {
  if (isJsonArrayAgg(exprs, node)) return jsonArrayAgg(exprs, node);
  if (node.over) throw new DialectUnsupported('GROUP_CONCAT() as a window function');
  const exprNode = node.args?.expr;
  const parts: Emitted[] = exprNode?.type === 'expr_list' ? (exprNode.value as Node[]).map((n) => exprs.emit(n)) : [exprs.emit(exprNode)];
  const separator = node.args?.separator ? exprs.literalText(node.args.separator.value ?? node.args.separator) : ',';
  // CONCAT of the parts: a row where any part is NULL is skipped, as MySQL skips it.
  // Each part's text as MariaDB writes it: a DOUBLE's shortest digits, a DATETIME(6)'s six decimals.
  const value = parts.map((p) => valueText(asMysqlText(p))).join(' || ');
  const order = node.args?.orderby?.length ? ` ORDER BY ${exprs.orderItems(node.args.orderby)}` : '';
  const distinct = node.args?.distinct ? 'DISTINCT ' : '';
  // DISTINCT would compare the parts' bytes, not under their collations.
  if (distinct && parts.some((p) => familyOf(p.type) === 'string' && collationRules(collationOf(p.type, exprs.connectionCollation).name).weights !== 'codepoint')) {
    throw new DialectUnsupported('GROUP_CONCAT(DISTINCT ...) of text under a case-insensitive collation');
  }
  // Of numbers and dates only, its text is in the connection's collation (MariaDB's too): said, so
  // `@x := GROUP_CONCAT(…)` can keep it (select-assignments.ts); a text part's collation is not kept here.
  const connection = parts.every((p) => NON_TEXT_PARTS.has(familyOf(p.type))) ? { collation: exprs.connectionCollation, coercibility: COERCIBLE } : {};
  return { sql: `string_agg(${distinct}${value}, ${quoteString(separator)}${order})`, type: { ...typeOf('text', true), textDecimals: 0, blobText: true, ...connection } };
}

/**
 * `SUM(DISTINCT ((x)))`, as parser-input writes a DISTINCT argument that is not a plain column,
 * comes back as a call of a function DISTINCT; this puts it back as the aggregate's modifier.
 */
function distinctAsModifier(node: Node): Node {
  const arg = node.args?.expr;
  if (callName(arg) !== 'DISTINCT') return node;
  const values: Node[] = arg.args?.value ?? [];
  return { ...node, args: { ...node.args, distinct: 'DISTINCT', expr: values.length === 1 ? values[0] : { type: 'expr_list', value: values } } };
}
