// information_schema's own tables: the gateway's catalog views list the source tables it serves,
// not the rows MariaDB/MySQL list for information_schema itself (SYSTEM VIEWs, with their
// engine, sizes and times of the moment). A query that asks for those rows by name (DBeaver's
// `… WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'CHECK_CONSTRAINTS'` probe) would
// get none where the server gives some: refused, naming what it asks for.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { STRING_PLACEHOLDER, type Literal } from './parser-input.ts';

type Node = any;

const SCHEMA_COLUMNS = new Set(['table_schema', 'constraint_schema', 'index_schema', 'schema_name']);

function conjuncts(n: Node): Node[] {
  return n?.type === 'binary_expr' && String(n.operator).toUpperCase() === 'AND' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n];
}

const isSchemaColumn = (n: Node) => n?.type === 'column_ref' && typeof n.column === 'string' && SCHEMA_COLUMNS.has(n.column.toLowerCase());
/** A string literal (a placeholder for the statement's literal) reading information_schema, as general_ci compares. */
function isOwnName(n: Node, literals: Literal[]): boolean {
  const index = STRING_PLACEHOLDER.exec(String(n?.value ?? ''))?.[1];
  const literal = index === undefined ? undefined : literals[Number(index)];
  return literal?.kind === 'string' && literal.value.replace(/ +$/, '').toLowerCase() === 'information_schema';
}

/** Refuses a block over information_schema whose WHERE keeps only (or also) information_schema's own rows. */
export function refuseOwnCatalogRows(ast: Node, literals: Literal[]): void {
  if (!ast.where || !(ast.from ?? []).some((f: Node) => typeof f?.db === 'string' && f.db.toLowerCase() === 'information_schema')) return;
  for (const c of conjuncts(ast.where)) {
    const op = String(c?.operator ?? '').toUpperCase();
    const named =
      (op === '=' && ((isSchemaColumn(c.left) && isOwnName(c.right, literals)) || (isSchemaColumn(c.right) && isOwnName(c.left, literals)))) ||
      (op === 'IN' && isSchemaColumn(c.left) && (c.right?.value ?? []).some((v: Node) => isOwnName(v, literals)));
    if (named) throw new DialectUnsupported("information_schema's own tables as rows of the catalog views (the gateway lists the tables it serves)");
  }
}
