// Whether the source partitions a table. The store keeps one table whatever the source does, but
// information_schema.PARTITIONS lists a partitioned table's partitions, which the store does not
// know: the gateway refuses those rows (gateway/mariadb-only-views.ts), so it must know which
// tables they are. At snapshot CREATE_OPTIONS says `partitioned` (catalog.ts); in the binlog,
// CREATE TABLE … PARTITION BY and ALTER TABLE … PARTITION BY partition, ALTER TABLE … REMOVE
// PARTITIONING does not. A word pair is enough: PARTITION BY can appear nowhere else in these
// statements but in a SELECT of CREATE TABLE … SELECT, where a false "partitioned" only refuses more.
import type { SchemaChange, TableName, TableOptions, TableSchema } from '../../core/index.ts';
import { tokenize, type Token } from '../../dialect/index.ts';
import { Cursor } from './ddl-cursor.ts';
import type { SchemaLookup } from './ddl-parser.ts';

/** Word pairs of the statement, those inside executable comments included (a restored dump writes PARTITION BY in a /*!50100 … comment). */
function wordPairs(sql: string): string[] {
  const pairs: string[] = [];
  const words = tokenize(sql).filter((t) => t.kind !== 'space' || sql.startsWith('/*', t.start));
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t.kind === 'space') {
      const body = /^\/\*M?!\d*([\s\S]*?)\*\//.exec(sql.slice(t.start))?.[1];
      if (body) pairs.push(...wordPairs(body));
      continue;
    }
    const next = words[i + 1];
    if (t.kind === 'word' && next?.kind === 'word') pairs.push(`${t.text.toUpperCase()} ${next.text.toUpperCase()}`);
  }
  return pairs;
}

/** true: the statement partitions the table; false: it removes partitioning; null: neither. */
function partitioningOf(sql: string): boolean | null {
  const pairs = wordPairs(sql);
  // PARTITION BY first: a false "partitioned" only refuses more.
  return pairs.includes('PARTITION BY') ? true : pairs.includes('REMOVE PARTITIONING') ? false : null;
}

/** The table an ALTER TABLE statement names, or null for any other statement. */
function alteredTable(tokens: Token[], defaultDb: string): TableName | null {
  const c = new Cursor(tokens);
  if (!c.accept('ALTER')) return null;
  c.accept('ONLINE') || c.accept('IGNORE');
  if (!c.accept('TABLE')) return null;
  c.accept('IF', 'EXISTS');
  const first = c.identifier();
  if (c.acceptSymbol('.')) return { db: first, table: c.identifier() };
  return defaultDb ? { db: defaultDb, table: first } : null;
}

function withFlag(schema: TableSchema, partitioned: boolean): TableSchema {
  const { sourcePartitioned: _, ...rest } = schema.options ?? {};
  const options: TableOptions = partitioned ? { ...rest, sourcePartitioned: true } : rest;
  const { options: __, ...table } = schema;
  return Object.keys(options).length > 0 ? { ...table, options } : table;
}

/**
 * The changes a CREATE or ALTER TABLE made, with the table's `sourcePartitioned` as the statement
 * leaves it. An ALTER that changed nothing else (ALTER TABLE t PARTITION BY …) gains an alter.
 */
export function followPartitioning(sql: string, tokens: Token[], changes: SchemaChange[], defaultDb: string, lookup: SchemaLookup): SchemaChange[] {
  const partitioned = partitioningOf(sql);
  if (partitioned === null) return changes;
  const alteredName = alteredTable(tokens.filter((t) => t.kind !== 'space'), defaultDb);
  const out = changes.map((ch): SchemaChange => (ch.kind === 'create' || ch.kind === 'alter' || ch.kind === 'rename' ? { ...ch, after: withFlag(ch.after, partitioned) } : ch));
  if (alteredName && !out.some((ch) => ch.kind === 'alter')) {
    const before = lookup(alteredName.db, alteredName.table);
    if (before && Boolean(before.options?.sourcePartitioned) !== partitioned) {
      const after = withFlag(before, partitioned);
      // A RENAME in the same statement already carries the flag; the alter comes first, as alterTable orders them.
      out.unshift({ kind: 'alter', before, after, renamedColumns: [], addedValues: {} });
    }
  }
  return out;
}
