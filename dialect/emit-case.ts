// MySQL's CASE as DuckDB's: a simple CASE compares its subject with each WHEN as MySQL compares
// the two types; without an ELSE the result may be NULL.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { asCondition, asValue, type Emitted } from './emitted.ts';
import { comparable } from './emit-comparison.ts';
import { aggregate } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;

/** CASE [subject] WHEN … THEN … [ELSE …] END, typed as MySQL aggregates its results' types. */
export function caseExpression(exprs: ExpressionEmitter, node: Node): Emitted {
  const subject = node.expr ? exprs.emit(node.expr) : null;
  const whens: string[] = [];
  const results: Emitted[] = [];
  let elseSql = '';
  for (const arm of node.args as Node[]) {
    const result = exprs.emit(arm.result);
    results.push(result);
    if (arm.type === 'else') {
      elseSql = ` ELSE ${v(result)}`;
      continue;
    }
    const cond = subject ? comparable(subject, exprs.emit(arm.cond), exprs.connectionCollation, 'case') : null;
    whens.push(`WHEN ${cond ? `${cond[0]} = ${cond[1]}` : asCondition(exprs.emit(arm.cond))} THEN ${v(result)}`);
  }
  const hasElse = elseSql !== '';
  const type = aggregate(results.map((r) => r.type));
  return { sql: `(CASE ${whens.join(' ')}${elseSql} END)`, type: { ...type, nullable: type.nullable || !hasElse, source: undefined } };
}
