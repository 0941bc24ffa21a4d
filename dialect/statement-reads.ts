// What a MySQL SELECT reads, from its parse: for a statement the gateway does not run itself but
// forwards to an upstream MySQL as written. The upstream answers with its own account's
// privileges, so the gateway must authorise the statement's relations against the client's grants
// first, and know whether it writes a file (INTO OUTFILE/DUMPFILE) or calls a function that reads
// one. The same tokenizer and parser input as the translation are used, so the statement checked is
// the statement sent (comments are already reduced by executableText).
import { DialectUnsupported } from './dialect-error.ts';
import type { RelationRead } from './select-context.ts';
import { parserInput } from './parser-input.ts';
import { relationName } from './relation-name.ts';
import { tokenize } from './tokenizer.ts';
import { parseStatement } from './parse-statement.ts';

export interface StatementReads {
  relations: RelationRead[];
  /** SELECT … INTO OUTFILE / DUMPFILE / @variables somewhere in the statement. */
  into: boolean;
  /** Upper-case names of every function called; a stored function's with its database (`DB.FN`). */
  functions: Set<string>;
  /** Names of the variables read (`@@x`, `@x`): the upstream's, not the gateway's. */
  variables: Set<string>;
}

type Node = Record<string, unknown>;

/** Throws DialectUnsupported when the text is not one SELECT the parser reads, DialectError when it is no MySQL. */
export function statementReads(sql: string, database: string | null): StatementReads {
  const ast = parseStatement(parserInput(tokenize(sql.trim().replace(/;\s*$/, ''))));
  if ((ast as Node | null)?.type !== 'select') throw new DialectUnsupported('a statement that is not a SELECT');
  const ctes = new Set<string>();
  const found: StatementReads = { relations: [], into: false, functions: new Set(), variables: new Set() };
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
    if (n.type === 'var') found.variables.add(`${String(n.prefix ?? '')}${String(n.name)}`.toLowerCase());
    if (n.type === 'function' || n.type === 'aggr_func') found.functions.add(functionName(n));
    // A table wherever the parse puts one (FROM lists, parenthesised joins, nested join
    // groups): a node naming a table with its database slot, not a column reference.
    if (typeof n.table === 'string' && 'db' in n && n.type !== 'column_ref') {
      const table = relationName(n.table);
      const db = typeof n.db === 'string' ? relationName(n.db) : null;
      if (db !== null || !(ctes.has(table.toLowerCase()) || table.toLowerCase() === 'dual')) found.relations.push({ db: db ?? database, table });
    }
    for (const value of Object.values(n)) visit(value);
  };
  // A block's WITH is read before its FROM, so a CTE is known before anything reads it.
  visit(ast);
  return found;
}

/** A function call's name as `NAME`, or `DB.NAME` for a stored function named with its database. */
function functionName(n: Node): string {
  const name = n.name as { name?: { value: unknown }[]; schema?: { value: unknown } } | string | undefined;
  if (typeof name === 'string') return name.toUpperCase();
  const parts = (name?.name ?? []).map((p) => String(p.value));
  if (name?.schema) parts.unshift(String(name.schema.value));
  return parts.join('.').toUpperCase();
}
