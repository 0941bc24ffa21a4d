// The aggregates that build JSON: JSON_ARRAYAGG([DISTINCT] x [ORDER BY …]) and
// JSON_OBJECTAGG(k, v), as MariaDB writes them: elements joined by ',' with no space
// (`[1,2,null]`), pairs by ', ' with no space after the colon (`{"x":1, "y":2}`), each value as
// json-text.ts writes it; NULL elements kept, NULL keys skipped; an empty group NULL. MariaDB
// builds them on GROUP_CONCAT, whose group_concat_max_len (1024 bytes) would cut a longer one.
//
// Their order is the order MariaDB read the rows in, which the store cannot know: JSON_ARRAYAGG
// is served with its own ORDER BY, JSON_OBJECTAGG where a group holds one pair.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { collationOf, collationRules } from './collation.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { jsonStringSql, jsonValueSql } from './json-text.ts';
import { familyOf, type ExprType } from './mysql-types.ts';
import { JSON_ARRAYAGG_SEPARATOR, STRING_PLACEHOLDER } from './parser-input.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

/** As MariaDB sends them: a BLOB (252) with 0 decimals, of JSON type. */
const AGGREGATE_TYPE: ExprType = { columnType: 'text', nullable: true, textDecimals: 0, blobText: true, jsonText: true };

/** The default group_concat_max_len: a longer result MariaDB would have cut. */
const MAX_LENGTH = 1024;

/** Whether a GROUP_CONCAT node is a JSON_ARRAYAGG that parser-input rewrote. */
export function isJsonArrayAgg(exprs: ExpressionEmitter, node: Node): boolean {
  const sep = node.args?.separator;
  const m = STRING_PLACEHOLDER.exec(String((sep?.value ?? sep)?.value ?? ''));
  return m !== null && exprs.ctx.literals[Number(m[1])] === JSON_ARRAYAGG_SEPARATOR;
}

/** The text, failing where MariaDB's group_concat_max_len would have cut it. */
function uncut(fn: string, content: string, wrap: (c: string) => string): string {
  return `list_transform([${content}], lambda ja_c: CASE WHEN ja_c IS NULL THEN NULL WHEN strlen(ja_c) > ${MAX_LENGTH} THEN error('instaquery cannot answer ${fn}() of ' || strlen(ja_c) || ' bytes: MariaDB cuts it at group_concat_max_len') ELSE ${wrap('ja_c')} END)[1]`;
}

export function jsonArrayAgg(exprs: ExpressionEmitter, node: Node): Emitted {
  const fn = 'JSON_ARRAYAGG';
  if (node.over) throw new DialectUnsupported(`${fn}() as a window function`);
  const exprNode = node.args?.expr;
  if (exprNode?.type === 'expr_list' && exprNode.value.length !== 1) throw new DialectUnsupported(`${fn}() of several expressions`);
  const argNode = exprNode?.type === 'expr_list' ? exprNode.value[0] : exprNode;
  const arg = exprs.emit(argNode);
  const orderBy: Node[] = node.args?.orderby ?? [];
  if (orderBy.length === 0) throw new DialectUnsupported(`${fn}() without ORDER BY (MariaDB's order is the order it read the rows in)`);
  const order = exprs.orderItems(orderBy);
  const element = jsonValueSql(arg, fn);
  if (!node.args?.distinct) return { sql: uncut(fn, `string_agg(${element}, ',' ORDER BY ${order})`, (c) => `'[' || ${c} || ']'`), type: AGGREGATE_TYPE };
  // DISTINCT: each value once, under its collation; with the order of the value itself (of any
  // other expression MariaDB keeps one row of each value, which one is not known).
  if (familyOf(arg.type) === 'string' && collationRules(collationOf(arg.type, exprs.connectionCollation).name).weights !== 'codepoint') {
    throw new DialectUnsupported(`${fn}(DISTINCT ...) of text under a case-insensitive collation`);
  }
  const same = orderBy.length === 1 && exprs.emit(orderBy[0].expr).sql === arg.sql;
  if (!same) throw new DialectUnsupported(`${fn}(DISTINCT x ORDER BY ...) ordered by other than x`);
  const values = `list(${asValue(arg)} ORDER BY ${order})`;
  const distinct = `list_transform([${values}], lambda ja_l: list_filter(ja_l, lambda ja_v, ja_i: list_position(ja_l, ja_v) = ja_i))[1]`;
  const text = `array_to_string(list_transform(${distinct}, lambda ja_x: ${jsonValueSql({ ...arg, sql: 'ja_x', bool: false }, fn)}), ',')`;
  return { sql: uncut(fn, `CASE WHEN count(*) = 0 THEN NULL ELSE ${text} END`, (c) => `'[' || ${c} || ']'`), type: AGGREGATE_TYPE };
}

export function jsonObjectAgg(exprs: ExpressionEmitter, argNodes: Node[]): Emitted {
  const fn = 'JSON_OBJECTAGG';
  if (argNodes.length !== 2) throw new DialectUnsupported(`${fn}() with ${argNodes.length} argument(s)`);
  const [key, value] = argNodes.map((n) => exprs.emit(n)) as [Emitted, Emitted];
  const kf = familyOf(key.type);
  const numeric = kf === 'int' || kf === 'year' || kf === 'decimal' || kf === 'double' || kf === 'float';
  if (kf !== 'string' && !numeric) throw new DialectUnsupported(`${fn}() with a key of type ${key.type.columnType || 'unknown'}`);
  // A key is its text, as a JSON string (a number key's digits too).
  const keyText = kf === 'string' ? asValue(key) : jsonValueSql({ ...key, bool: false }, fn);
  const pair = `${jsonStringSql(keyText)} || ':' || ${jsonValueSql(value, fn)}`;
  const k = asValue(key);
  const sql = `CASE WHEN count(${k}) = 0 THEN NULL WHEN count(${k}) > 1 THEN error('instaquery cannot order the ' || count(${k}) || ' pairs of ${fn}() as MariaDB read them') ELSE ${uncut(fn, `string_agg(${pair}, ', ') FILTER (WHERE ${k} IS NOT NULL)`, (c) => `'{' || ${c} || '}'`)} END`;
  return { sql, type: AGGREGATE_TYPE };
}

