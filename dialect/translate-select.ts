// MySQL SELECT → DuckDB SQL through a parse: node-sql-parser reads the statement (after
// dialect/parser-input.ts has made it readable), dialect/emit-select.ts writes DuckDB SQL and
// types every result column.
import { SelectEmitter } from './emit-select.ts';
import type { DialectCatalog, EmittedQuery, RelationRead } from './select-context.ts';
import { parserInput } from './parser-input.ts';
import { fixLogicalPrecedence } from './logical-precedence.ts';
import { plainColumnQualifiers } from './qualified-columns.ts';
import { selectItemNames } from './select-list-names.ts';
import { tokenize } from './tokenizer.ts';
import { parseStatement } from './parse-statement.ts';
import { assignedResultTypes, checkAssignable, variableTextColumns, takeAssignments, type SelectAssignments } from './select-assignments.ts';
import { decimalColumns, takeDecimalItems, type UserValue } from './user-variables.ts';
import { foldDecimalVariables, foldedColumns } from './decimal-variable-items.ts';

export interface SelectTranslationContext {
  database: string | null;
  catalog: DialectCatalog;
  qualifyTables?: boolean;
  systemVariable?(name: string): string | undefined;
  userVariable?(name: string): UserValue | undefined;
}

/** Throws DialectUnsupported for what it cannot translate faithfully (or cannot parse). */
export function translateSelect(sql: string, ctx: SelectTranslationContext): EmittedQuery & { usesVariables: boolean; readsUserVariables: boolean; assigns: SelectAssignments | null; unknownTables: string[]; relations: RelationRead[]; foundRowsSql?: string } {
  const tokens = tokenize(sql);
  const input = parserInput(tokens);
  const ast = parseStatement(input, (parsed) => plainColumnQualifiers(fixLogicalPrecedence(parsed)));
  let usesVariables = false;
  let readsUserVariables = false;
  const assigns = takeAssignments(ast);
  // Only a single SELECT naming a variable is walked for DECIMAL ones (no extra pass on the common path).
  const lookup = !(ast as { _next?: unknown })._next && sql.includes('@') ? ctx.userVariable : undefined;
  const decimalItems = lookup ? takeDecimalItems(ast, lookup, input.literals) : [];
  if (decimalItems.length) usesVariables = readsUserVariables = true;
  const decimalFolds = lookup ? foldDecimalVariables(ast, lookup, input.literals) : null;
  if (decimalFolds?.touched) usesVariables = readsUserVariables = true;
  const emitter = new SelectEmitter({
    database: ctx.database,
    catalog: ctx.catalog,
    qualifyTables: ctx.qualifyTables,
    literals: input.literals,
    systemVariable: (name) => {
      // The connection's collation and time zone are part of the cache key (translate.ts): reading them keeps the translation cacheable.
      if (name !== 'collation_connection' && name !== 'time_zone' && name !== 'system_time_zone') usesVariables = true;
      return ctx.systemVariable?.(name);
    },
    userVariable: (name) => {
      usesVariables = readsUserVariables = true;
      return ctx.userVariable?.(name);
    },
  });
  const result = emitter.statement(ast, selectItemNames(tokens, sql));
  if (assigns) checkAssignable(assigns, result.columns?.map((c) => c.type) ?? []);
  if (readsUserVariables) result.columns = variableTextColumns(result.columns, ast, ctx.userVariable);
  if (assigns) result.columns = assignedResultTypes(assigns, result.columns);
  result.columns = decimalColumns(result.columns, decimalItems);
  if (decimalFolds) result.columns = foldedColumns(result.columns, decimalFolds.folded);
  return { ...result, usesVariables: usesVariables || assigns !== null, readsUserVariables, assigns, unknownTables: [...emitter.unknownTables], relations: emitter.relations };
}
