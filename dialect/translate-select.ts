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

export interface SelectTranslationContext {
  database: string | null;
  catalog: DialectCatalog;
  qualifyTables?: boolean;
  systemVariable?(name: string): string | undefined;
}

/** Throws DialectUnsupported for what it cannot translate faithfully (or cannot parse). */
export function translateSelect(sql: string, ctx: SelectTranslationContext): EmittedQuery & { usesVariables: boolean; unknownTables: string[]; relations: RelationRead[]; foundRowsSql?: string } {
  const tokens = tokenize(sql);
  const input = parserInput(tokens);
  const ast = parseStatement(input, (parsed) => plainColumnQualifiers(fixLogicalPrecedence(parsed)));
  let usesVariables = false;
  const emitter = new SelectEmitter({
    database: ctx.database,
    catalog: ctx.catalog,
    qualifyTables: ctx.qualifyTables,
    literals: input.literals,
    systemVariable: (name) => {
      usesVariables = true;
      return ctx.systemVariable?.(name);
    },
  });
  const result = emitter.statement(ast, selectItemNames(tokens, sql));
  return { ...result, usesVariables, unknownTables: [...emitter.unknownTables], relations: emitter.relations };
}
