// MySQL's CASE as DuckDB's: a simple CASE compares its subject with each WHEN as MySQL compares
// the two types; without an ELSE the result may be NULL.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { asCondition, type Emitted } from './emitted.ts';
import { chosenValues } from './functions.ts';
import { comparable } from './emit-comparison.ts';
import { aggregate } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { chosenJson } from './json-text.ts';

type Node = any;

/** CASE [subject] WHEN … THEN … [ELSE …] END, typed as MySQL aggregates its results' types. */
export function caseExpression(exprs: ExpressionEmitter, node: Node): Emitted {
  const subject = node.expr ? exprs.emit(node.expr) : null;
  const whens: { cond: string; result: Emitted }[] = [];
  let otherwise: Emitted | null = null;
  for (const arm of node.args as Node[]) {
    const result = exprs.emit(arm.result);
    if (arm.type === 'else') {
      otherwise = result;
      continue;
    }
    const cond = subject ? comparable(subject, exprs.emit(arm.cond), exprs.connectionCollation, 'case') : null;
    whens.push({ cond: cond ? `${cond[0]} = ${cond[1]}` : asCondition(exprs.emit(arm.cond)), result });
  }
  const results = [...whens.map((w) => w.result), ...(otherwise ? [otherwise] : [])];
  const type = aggregate(results.map((r) => r.type));
  // DuckDB makes FLOAT of FLOAT and DECIMAL branches (MySQL: DOUBLE), rounding the DECIMAL ones
  // to a float's digits: then each branch is made the DOUBLE MySQL computes (chosenValues).
  // Text of mixed branches is each branch's MySQL text (DuckDB would cast 'a' to the INTEGER
  // of another branch), as IF and COALESCE choose their values (functions.ts).
  const values = chosenValues(results, type);
  const sql = `(CASE ${whens.map((w, i) => `WHEN ${w.cond} THEN ${values[i]}`).join(' ')}${otherwise ? ` ELSE ${values[whens.length]}` : ''} END)`;
  return { sql, type: { ...type, nullable: type.nullable || !otherwise, source: undefined, ...chosenJson(results) } };
}
