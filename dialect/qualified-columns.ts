// node-sql-parser reads `db`.`t`.`c` as a column_ref whose db and table are quoted-name objects
// instead of strings (MariaDB writes view definitions this way). The emitter resolves a column by
// its table's name in the query, so this pass turns both into plain strings, in place.

type Node = Record<string, unknown>;

const nameOf = (v: unknown): unknown => (typeof v === 'object' && v !== null && 'value' in v ? String((v as Node).value) : v);

export function plainColumnQualifiers<T>(ast: T): T {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Node;
    if (node.type === 'column_ref') {
      node.table = nameOf(node.table) ?? null;
      if (node.db !== undefined) node.db = nameOf(node.db);
    }
    for (const key of Object.keys(node)) visit(node[key]);
  };
  visit(ast);
  return ast;
}
