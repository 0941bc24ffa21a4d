// Keyset pagination over a primary key: "rows after this key", spelled so MySQL can use the
// key's index (`a > ? OR (a = ? AND b > ?)`) and compares integers exactly (bound as BigInt,
// never through a double). Works on MySQL and, through the gateway, on the store.
import type { TableSchema } from '../../core/index.ts';

const ident = (name: string) => '`' + name.replace(/`/g, '``') + '`';

function bindValue(columnType: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (/^(tinyint|smallint|mediumint|int|integer|bigint)\b/i.test(columnType) && /^-?\d+$/.test(String(value))) return BigInt(String(value));
  return value;
}

/** `[sql, params]` for "key > after" in key order. */
export function keyAfter(schema: Pick<TableSchema, 'columns' | 'primaryKey'>, after: unknown[]): [string, unknown[]] {
  const types = schema.primaryKey.map((k) => schema.columns.find((c) => c.name === k)?.columnType ?? '');
  const ors: string[] = [];
  const params: unknown[] = [];
  schema.primaryKey.forEach((col, i) => {
    const eqs = schema.primaryKey.slice(0, i).map((c) => `${ident(c)} = ?`);
    ors.push(`(${[...eqs, `${ident(col)} > ?`].join(' AND ')})`);
    for (let j = 0; j <= i; j++) params.push(bindValue(types[j]!, after[j]));
  });
  return [`(${ors.join(' OR ')})`, params];
}

export function keyOrder(schema: Pick<TableSchema, 'primaryKey'>): string {
  return schema.primaryKey.map(ident).join(', ');
}
