// A MySQL function call as DuckDB SQL. Most go to the function table (dialect/functions.ts); the
// ones the grammar reads oddly are taken here first: window functions, aggregates it reads as
// plain calls, the session's own functions (USER(), VERSION()…), NOT (x), EXISTS, CONVERT,
// DATE_ADD and its kin, TIMESTAMPDIFF/TIMESTAMPADD with their unit keyword, and EXTRACT.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { aggregateCall } from './emit-aggregate.ts';
import { unaryExpression } from './emit-operator.ts';
import { windowFunction } from './emit-window.ts';
import { jsonObjectAgg } from './json-aggregate.ts';
import { callFunction } from './functions.ts';
import { asTimestamp, timestampDiff } from './date-functions.ts';
import { extractField } from './interval-units.ts';
import { EXTRACT_MICROSECOND_UNIT } from './parser-input.ts';
import { convertTz, sessionZoneLookup } from './convert-tz.ts';
import { weekOf } from './week-numbers.ts';
import { stringKeywordCall } from './emit-string-keywords.ts';
import { stringType, typeOf } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { seededRand } from './seeded-rand.ts';

type Node = any;

/** Functions whose value is the session's, looked up as if a variable (the gateway answers them). */
const SESSION_FUNCTIONS: Record<string, { variable: string; type: 'text' | 'int' }> = {
  CURRENT_USER: { variable: 'current_user()', type: 'text' },
  USER: { variable: 'user()', type: 'text' },
  SESSION_USER: { variable: 'user()', type: 'text' },
  SYSTEM_USER: { variable: 'user()', type: 'text' },
  CONNECTION_ID: { variable: 'connection_id()', type: 'int' },
  VERSION: { variable: 'version', type: 'text' },
};

/** Aggregates the grammar reads as plain function calls. */
export const CALLED_AGGREGATES: ReadonlySet<string> = new Set(['STD', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'JSON_OBJECTAGG']);

/** A function call: window functions, aggregates read as calls, the session's functions, then the function table. */
export function functionCall(exprs: ExpressionEmitter, node: Node): Emitted {
  const parts = (node.name?.name ?? []) as { value: string }[];
  const name = String(parts[parts.length - 1]?.value ?? '').toUpperCase();
  const argNodes: Node[] = node.args?.value ?? [];
  // Aggregates the grammar does not know as such come back as plain calls (with OVER, window aggregates).
  if (CALLED_AGGREGATES.has(name) && argNodes.length === 1) {
    const call = { type: 'aggr_func', name, args: { expr: argNodes[0] }, over: node.over };
    return node.over ? aggregateCall(exprs, call) : exprs.insideAggregate(() => aggregateCall(exprs, call));
  }
  if (node.over) return windowFunction(exprs, name, argNodes, node.over);
  if (name === 'JSON_OBJECTAGG') return exprs.insideAggregate(() => jsonObjectAgg(exprs, argNodes));
  const session = SESSION_FUNCTIONS[name];
  if (session && argNodes.length === 0) {
    // Answered by the session (who is connected, which server): a literal in the statement.
    const value = exprs.ctx.systemVariable(session.variable);
    if (value === undefined) throw new DialectUnsupported(`the function ${name}()`);
    return session.type === 'text' ? { sql: quoteString(value), type: typeOf(stringType([...value].length), false) } : { sql: `CAST(${Number(value)} AS BIGINT)`, type: typeOf('bigint(21) unsigned', false) };
  }
  if (name === 'FOUND_ROWS' && argNodes.length === 0) {
    // The session's count from its last SELECT (rows sent, or SQL_CALC_FOUND_ROWS's count).
    return { sql: `CAST(${Number(exprs.ctx.systemVariable('found_rows()') ?? 0)} AS BIGINT)`, type: typeOf('bigint(21)', false) };
  }
  // NOT (x) reads as a call of a function NOT.
  if (name === 'NOT' && argNodes.length === 1) return unaryExpression(exprs, { operator: 'NOT', expr: argNodes[0] });
  if (name === 'EXISTS') {
    const sub = exprs.ctx.subquery(argNodes[0]?.ast, exprs.scope);
    return { sql: `(EXISTS (${sub.sql}))`, type: typeOf('int(1)', false), bool: true };
  }
  // RAND(seed) is a constant only where no scope up the tree reads a table, nor has its select
  // list yet (ORDER BY over a UNION's rows evaluates it per row): seeded-rand.ts.
  if (name === 'RAND' && argNodes.length === 1) {
    let rowless = true;
    for (let s: typeof exprs.scope | undefined = exprs.scope; s; s = s.parent) if (s.relations.length > 0 || s.outputs.length > 0) rowless = false;
    return seededRand(exprs.emit(argNodes[0]), rowless, exprs.scope.hasHaving);
  }
  const keyworded = stringKeywordCall(exprs, name, argNodes);
  if (keyworded) return keyworded;
  if (name === 'CONVERT') {
    if (argNodes.length === 2 && argNodes[1]?.type === 'datatype') return exprs.cast(exprs.emit(argNodes[0]), argNodes[1]);
    throw new DialectUnsupported('CONVERT ... USING');
  }
  if (name === 'DATE_ADD' || name === 'DATE_SUB' || name === 'ADDDATE' || name === 'SUBDATE') {
    const sign = name === 'DATE_SUB' || name === 'SUBDATE' ? -1 : 1;
    const interval = argNodes[1]?.type === 'interval' ? argNodes[1] : { expr: argNodes[1], unit: 'DAY' };
    return exprs.dateArithmetic(exprs.emit(argNodes[0]), interval, sign);
  }
  if ((name === 'TIMESTAMPDIFF' || name === 'TIMESTAMPADD') && argNodes[0]?.type === 'origin' && argNodes.length === 3) {
    const unit = String(argNodes[0].value);
    if (name === 'TIMESTAMPDIFF') return timestampDiff(unit, exprs.emit(argNodes[1]), exprs.emit(argNodes[2]));
    return exprs.dateArithmetic(exprs.emit(argNodes[2]), { expr: argNodes[1], unit }, 1);
  }
  // CONVERT_TZ reads the source's time-zone names, which the session answers.
  if (name === 'CONVERT_TZ') return convertTz(argNodes.map((a) => exprs.emit(a)), name, sessionZoneLookup((n) => exprs.ctx.systemVariable(n)));
  if (argNodes.some((a) => a?.type === 'origin' && a.value !== '?')) throw new DialectUnsupported(`${name}() with keyword arguments`);
  return callFunction(name, argNodes.map((a) => exprs.emit(a)), { database: exprs.ctx.database, collation: exprs.connectionCollation, systemVariable: (n) => exprs.ctx.systemVariable(n) });
}

/** EXTRACT(field FROM x): every unit, simple and compound (dialect/interval-units.ts). */
export function extractCall(exprs: ExpressionEmitter, node: Node): Emitted {
  const written = String(node.args?.field ?? '').toUpperCase();
  const field = written === EXTRACT_MICROSECOND_UNIT ? 'MICROSECOND' : written;
  return extractField(field, exprs.emit(node.args.source), asTimestamp, weekOf);
}
