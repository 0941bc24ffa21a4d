// One MySQL statement through node-sql-parser, from the parser input (dialect/parser-input.ts).
// The translation and the relation check of a statement to forward both parse here, so the
// statement whose reads are checked is the one the dialect would have read.
import nodeSqlParser from 'node-sql-parser';
import { DialectUnsupported } from './dialect-error.ts';
import type { ParserInput } from './parser-input.ts';

const parser = new nodeSqlParser.Parser();

/** The statement's AST; DialectUnsupported when the parser cannot read it or it holds several. */
export function parseStatement(input: ParserInput, prepare: (ast: unknown) => unknown = (ast) => ast): unknown {
  let ast: unknown;
  try {
    ast = parser.astify(input.text, { database: 'MySQL' });
  } catch (err) {
    throw new DialectUnsupported(`this statement's syntax (${String((err as Error).message).slice(0, 120)}) in ${input.text.slice(0, 300)}`);
  }
  ast = prepare(ast);
  if (Array.isArray(ast)) {
    if (ast.length !== 1) throw new DialectUnsupported('several statements in one');
    ast = ast[0];
  }
  return ast;
}
