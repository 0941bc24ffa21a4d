// MySQL SELECT → DuckDB SQL through a parse: node-sql-parser reads the statement (after
// dialect/parser-input.ts has made it readable), dialect/emit-select.ts writes DuckDB SQL and
// types every result column.
import nodeSqlParser from 'node-sql-parser';
import { DialectUnsupported } from './dialect-error.ts';
import { SelectEmitter } from './emit-select.ts';
import type { DialectCatalog, EmittedQuery, RelationRead } from './select-context.ts';
import { parserInput } from './parser-input.ts';
import { fixLogicalPrecedence } from './logical-precedence.ts';
import { plainColumnQualifiers } from './qualified-columns.ts';
import { selectItemNames } from './select-list-names.ts';
import { tokenize } from './tokenizer.ts';

const parser = new nodeSqlParser.Parser();

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
  let ast: unknown;
  try {
    ast = parser.astify(input.text, { database: 'MySQL' });
  } catch (err) {
    throw new DialectUnsupported(`this statement's syntax (${String((err as Error).message).slice(0, 120)}) in ${input.text.slice(0, 300)}`);
  }
  ast = plainColumnQualifiers(fixLogicalPrecedence(ast));
  if (Array.isArray(ast)) {
    if (ast.length !== 1) throw new DialectUnsupported('several statements in one');
    ast = ast[0];
  }
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
