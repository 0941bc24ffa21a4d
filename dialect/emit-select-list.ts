// A query block's select list as DuckDB SQL, each item named as MySQL names its result column
// (an alias, the expression as written, a column's own name) and cast to the DuckDB type its
// MySQL type is held in; `*` expands to the known relations' columns.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { mapColumnType } from '../core/index.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteIdent } from './emitted.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { checkStarTimestamps } from './session-timestamps.ts';
import { familyOf, type ExprType } from './mysql-types.ts';
import { STRING_PLACEHOLDER, type Literal } from './parser-input.ts';
import type { Output, Scope } from './scope.ts';
import type { ResultColumnHint } from './select-context.ts';

type Node = any;

/** The DuckDB type a MySQL value of this type is held in, to cast a computed column to. */
function duckTypeOf(t: ExprType): string | null {
  if (t.columnType === '' || t.columnType === 'null') return null;
  const f = familyOf(t);
  if (f === 'string' || f === 'unknown') return null;
  return mapColumnType(t.columnType).duckType;
}

/** The select list as SQL, its result columns' hints (null when one is unknown) and the scope's outputs. */
export function selectList(columns: Node[], scope: Scope, exprs: ExpressionEmitter, names: (string | null)[], topLevel: boolean, keyItems: Set<number>, literals: Literal[]): { sql: string; columns: ResultColumnHint[] | null; outputs: Output[] } {
  const sql: string[] = [];
  const hints: ResultColumnHint[] = [];
  const outputs: Output[] = [];
  let known = true;
  columns.forEach((item: Node, i: number) => {
    const expr = item.expr;
    if (expr?.type === 'column_ref' && expr.column === '*') {
      sql.push(expr.table ? `${quoteIdent(expr.table)}.*` : '*');
      const relations = scope.relations.filter((r) => !expr.table || r.name.toLowerCase() === String(expr.table).toLowerCase());
      if (relations.length === 0 || relations.some((r) => !r.columns)) known = false;
      else for (const r of relations) for (const c of r.columns!) if (expr.table || !r.merged?.has(c.name.toLowerCase())) hints.push({ name: c.name, type: c.type });
      checkStarTimestamps(relations.map((r) => r.columns?.map((c) => c.type) ?? null), (n) => exprs.ctx.systemVariable(n));
      outputs.push(...hints.slice(outputs.length));
      return;
    }
    // A select item GROUP BY names (by position or alias) is a key itself: nothing to wrap.
    const grouping = exprs.grouping;
    if (keyItems.has(i)) exprs.grouping = null;
    const e = exprs.emit(expr);
    exprs.grouping = grouping;
    const name = itemName(item, names[i] ?? null, topLevel, i, literals);
    const isColumn = expr?.type === 'column_ref' && e.type.source !== undefined;
    const duckType = isColumn ? null : duckTypeOf(e.type);
    // A value DuckDB cannot hold (a date MariaDB gives as '0000-00-00') goes out as MySQL's text.
    const value = topLevel && e.outputText ? e.outputText : duckType ? `CAST(${asValue(e)} AS ${duckType})` : asValue(e);
    sql.push(`${value} AS ${quoteIdent(name)}`);
    hints.push({ name, type: isColumn ? e.type : { ...e.type, source: undefined } });
    outputs.push({ name, type: hints[hints.length - 1]!.type, sql: value });
    if (e.type.columnType === '') known = false;
  });
  return { sql: sql.join(', '), columns: known ? hints : null, outputs };
}

/** A select item's result column name: its alias, MySQL's name for it as written, or its column's. */
export function itemName(item: Node, written: string | null, topLevel: boolean, index: number, literals: Literal[]): string {
  if (item.as) {
    const m = STRING_PLACEHOLDER.exec(String(item.as).replace(/^'|'$/g, ''));
    const lit = m ? literals[Number(m[1])] : undefined;
    return lit?.kind === 'string' ? lit.value : String(item.as);
  }
  if (written !== null) return written;
  const expr = item.expr;
  if (expr?.type === 'column_ref') return typeof expr.column === 'string' ? expr.column : String(expr.column?.expr?.value);
  if (expr?.type === 'number') return String(expr.value);
  // Inside a subquery the statement's text for the item is not at hand; its name matters only
  // when an outer query reads a derived table's column by an expression's name.
  if (!topLevel) return `_iq_col_${index + 1}`;
  throw new DialectUnsupported('naming this select item');
}
