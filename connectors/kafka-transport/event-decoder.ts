// Kafka message → ChangeEvent: the Avro envelope read with its writer's schema from the
// registry, the source table rebuilt from that schema (ours or any Debezium producer's), and
// each value turned back into the source's text form.
import type { ChangeEvent, ChangeOp, Row, TableSchema } from '../../core/index.ts';
import type { ColumnCodec } from './column-codec.ts';
import { tableSchemaOf } from './envelope-schema.ts';
import type { AvroRegistry } from './schema-registry.ts';

interface DecodedTable {
  schema: TableSchema;
  codecs: Map<string, { codec: ColumnCodec; field: string }>;
}

const OPS = new Set(['c', 'u', 'd', 'r', 't']);

export class EventDecoder {
  private readonly tables = new Map<string, DecodedTable>();

  constructor(private readonly registry: AvroRegistry) {}

  /**
   * The change in a message; for a schema-change message, the tables it creates (so a table
   * with no rows yet exists in the store too); null for a tombstone.
   */
  async decode(topic: string, key: Buffer | null, value: Buffer | null): Promise<ChangeEvent | { creates: TableSchema[] } | null> {
    if (value === null || value.length === 0) return null;
    const v = await this.registry.decode(value);
    const k = key && key.length > 0 && key[0] === 0 ? await this.registry.decode(key) : null;
    const envelope = v.value;
    if ('ddl' in envelope && 'tableChanges' in envelope) return { creates: createdTables(envelope.tableChanges) };
    const source = envelope.source as Record<string, unknown> | undefined;
    const op = String(envelope.op);
    if (!source || !OPS.has(op)) throw new Error(`the message in ${topic} is not a Debezium change event (op ${JSON.stringify(envelope.op)})`);
    const [db, table] = this.tableOf(topic, source);
    const cacheKey = `${db}.${table}:${k?.schemaId ?? '-'}:${v.schemaId}`;
    let t = this.tables.get(cacheKey);
    if (!t) this.tables.set(cacheKey, (t = tableSchemaOf(db, table, k?.schema ?? null, v.schema)));
    const row = (datum: unknown): Row | null => {
      if (datum === null || datum === undefined) return null;
      const out: Row = {};
      for (const column of t!.schema.columns) {
        const { codec, field } = t!.codecs.get(column.name)!;
        const raw = (datum as Record<string, unknown>)[field];
        out[column.name] = raw === null || raw === undefined ? null : codec.decode(raw);
      }
      return out;
    };
    const ts = Number(source.ts_ms ?? 0);
    return {
      op: op as ChangeOp,
      before: row(envelope.before),
      after: row(envelope.after),
      source: {
        name: String(source.name ?? ''),
        db,
        table,
        file: String(source.file ?? ''),
        pos: Number(source.pos ?? 0),
        gtid: source.gtid === null || source.gtid === undefined ? null : String(source.gtid),
        ts_ms: ts,
        snapshot: (String(source.snapshot ?? 'false') as ChangeEvent['source']['snapshot']),
      },
      ts_ms: envelope.ts_ms === null || envelope.ts_ms === undefined ? ts : Number(envelope.ts_ms),
      schema: t.schema,
    };
  }

  /** Debezium names the table in `source`; otherwise the topic's last two parts. */
  private tableOf(topic: string, source: Record<string, unknown>): [string, string] {
    if (typeof source.db === 'string' && typeof source.table === 'string' && source.table) return [source.db, source.table];
    const parts = topic.split('.');
    if (parts.length < 3) throw new Error(`cannot tell the table of topic ${topic}: its events name none and the topic is not <prefix>.<db>.<table>`);
    return [parts[parts.length - 2]!, parts[parts.length - 1]!];
  }
}

interface TableChange {
  type: string;
  id: string;
  table: { primaryKeyColumnNames: string[] | null; columns: { name: string; typeName: string; typeExpression: string | null; optional: boolean | null }[] } | null;
}

/** The tables a schema-change message creates, as the source declared them. */
function createdTables(changes: unknown): TableSchema[] {
  const out: TableSchema[] = [];
  for (const c of (changes as TableChange[]) ?? []) {
    const id = /^"((?:[^"]|"")*)"\."((?:[^"]|"")*)"$/.exec(c.id);
    if (c.type !== 'CREATE' || !c.table || !id) continue;
    out.push({
      db: id[1]!.replace(/""/g, '"'),
      table: id[2]!.replace(/""/g, '"'),
      columns: c.table.columns.map((col) => ({ name: col.name, columnType: col.typeExpression ?? col.typeName.toLowerCase(), nullable: col.optional !== false })),
      primaryKey: c.table.primaryKeyColumnNames ?? [],
    });
  }
  return out;
}
