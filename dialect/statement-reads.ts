// What a MySQL SELECT reads, from its parse: for a statement the gateway does not run itself but
// forwards to an upstream MySQL as written. The upstream answers with its own account's
// privileges, so the gateway must authorise the statement's relations against the client's grants
// first, and know whether it writes a file (INTO OUTFILE/DUMPFILE) or calls a function that reads
// one. The same tokenizer and parser input as the translation are used, so the statement checked is
// the statement sent (comments are already reduced by executableText).
import nodeSqlParser from 'node-sql-parser';
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import type { RelationRead } from './emit-select.ts';
import { callName } from './call-name.ts';
import { parserInput, STRING_PLACEHOLDER } from './parser-input.ts';
import { tokenize } from './tokenizer.ts';

const parser = new nodeSqlParser.Parser();

export interface StatementReads {
  relations: RelationRead[];
  /** SELECT … INTO OUTFILE / DUMPFILE / @variables somewhere in the statement. */
  into: boolean;
  /** Upper-case names of every function called. */
  functions: Set<string>;
}

type Node = Record<string, unknown>;

/** Throws DialectUnsupported when the text is not one SELECT the parser reads, DialectError when it is no MySQL. */
export function statementReads(sql: string, database: string | null): StatementReads {
  const input = parserInput(tokenize(sql.trim().replace(/;\s*$/, '')));
  let ast: unknown;
  try {
    ast = parser.astify(input.text, { database: 'MySQL' });
  } catch (err) {
    throw new DialectUnsupported(`this statement's syntax (${String((err as Error).message).slice(0, 120)})`);
  }
  if (Array.isArray(ast)) {
    if (ast.length !== 1) throw new DialectUnsupported('several statements in one');
    ast = ast[0];
  }
  if ((ast as Node | null)?.type !== 'select') throw new DialectUnsupported('a statement that is not a SELECT');
  const ctes = new Set<string>();
  const found: StatementReads = { relations: [], into: false, functions: new Set() };
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    for (const cte of (Array.isArray(n.with) ? n.with : []) as Node[]) {
      const name = (cte.name as Node | undefined)?.value ?? cte.name;
      if (typeof name === 'string') ctes.add(name.toLowerCase());
    }
    if ((n.into as Node | undefined)?.position) found.into = true;
    const name = callName(n);
    if (name) found.functions.add(name);
    else if (n.type === 'function' || n.type === 'aggr_func') found.functions.add(String((n as { name?: unknown }).name ?? '').toUpperCase());
    for (const item of (Array.isArray(n.from) ? n.from : []) as Node[]) {
      if (typeof item?.table === 'string' && !item.expr) {
        // `FROM 'x'`: a string, not a table (a syntax error to MySQL).
        if (STRING_PLACEHOLDER.test(item.table)) throw new DialectError('a string where a table name belongs');
        const db = typeof item.db === 'string' ? item.db : null;
        if (db !== null || !(ctes.has(item.table.toLowerCase()) || item.table.toLowerCase() === 'dual')) found.relations.push({ db: db ?? database, table: item.table });
      }
    }
    for (const value of Object.values(n)) visit(value);
  };
  // A block's WITH is read before its FROM, so a CTE is known before anything reads it.
  visit(ast);
  return found;
}
