// The Avro key and value schemas of one table's topic, in the shape Debezium's MySQL connector
// gives them through Confluent's AvroConverter: key = the primary-key columns; value = the
// envelope {before, after, source, op, ts_ms, transaction}. Every column schema carries the
// source's own type in `connect.parameters` (Debezium's `column.propagate.source.type` keys, plus
// the whole COLUMN_TYPE under `__instaquery.source.column.type`), so the sink rebuilds the table
// exactly; a topic another Debezium wrote is read from its Connect types instead.
import type { RowValue, SourceColumn, TableSchema } from '../../core/index.ts';
import { columnCodec, columnTypeOfConnect, type ColumnCodec, type UnsignedMode } from './column-codec.ts';

export const SOURCE_TYPE = '__debezium.source.column.type';
export const SOURCE_LENGTH = '__debezium.source.column.length';
export const SOURCE_SCALE = '__debezium.source.column.scale';
export const FULL_TYPE = '__instaquery.source.column.type';
export const ORIGINAL_NAME = '__instaquery.source.column.name';

/** Avro names: letters, digits and `_`, not starting with a digit (Debezium's avro adjustment). */
export function avroName(name: string): string {
  const adjusted = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(adjusted) ? `_${adjusted}` : adjusted;
}

export const topicOf = (prefix: string, db: string, table: string) => `${prefix}.${db}.${table}`;
const namespaceOf = (prefix: string, db: string, table: string) => [prefix, db, table].map(avroName).join('.');

function columnField(column: SourceColumn, codec: ColumnCodec, optional: boolean) {
  const base: Record<string, unknown> = typeof codec.avro === 'string' ? { type: codec.avro } : { ...codec.avro };
  const m = /^([a-z]+)(?:\((\d+)(?:,\s*(\d+))?\))?/i.exec(column.columnType);
  const params: Record<string, string> = {
    ...((base['connect.parameters'] as Record<string, string> | undefined) ?? {}),
    [SOURCE_TYPE]: `${(m?.[1] ?? column.columnType).toUpperCase()}${/\bunsigned\b/i.test(column.columnType) ? ' UNSIGNED' : ''}`,
    ...(m?.[2] && !/^(enum|set)$/i.test(m[1]!) ? { [SOURCE_LENGTH]: m[2] } : {}),
    ...(m?.[3] ? { [SOURCE_SCALE]: m[3] } : {}),
    [FULL_TYPE]: column.columnType,
    ...(avroName(column.name) !== column.name ? { [ORIGINAL_NAME]: column.name } : {}),
  };
  const type = { ...base, 'connect.parameters': params };
  return optional ? { name: avroName(column.name), type: ['null', type], default: null } : { name: avroName(column.name), type };
}

export interface TableCodec {
  schema: TableSchema;
  key: Record<string, unknown> | null;
  value: Record<string, unknown>;
  codecs: Map<string, ColumnCodec>;
}

/**
 * The table's key schema (null for a table without a primary key: Debezium sends null keys) and
 * envelope schema. Row columns are all optional, so MySQL's zero dates travel as null as they
 * land in the store, and added columns stay backward compatible; key columns are required.
 */
export function tableCodec(prefix: string, schema: TableSchema, unsigned: UnsignedMode): TableCodec {
  const ns = namespaceOf(prefix, schema.db, schema.table);
  const codecs = new Map(schema.columns.map((c) => [c.name, columnCodec(c, unsigned)]));
  const keyColumns = schema.primaryKey.map((k) => schema.columns.find((c) => c.name === k)!);
  const key = keyColumns.length ? { type: 'record', name: 'Key', namespace: ns, fields: keyColumns.map((c) => columnField(c, codecs.get(c.name)!, false)), 'connect.name': `${ns}.Key` } : null;
  const row = { type: 'record', name: 'Value', namespace: ns, fields: schema.columns.map((c) => columnField(c, codecs.get(c.name)!, true)), 'connect.name': `${ns}.Value` };
  const value = {
    type: 'record',
    name: 'Envelope',
    namespace: ns,
    fields: [
      { name: 'before', type: ['null', row], default: null },
      { name: 'after', type: ['null', 'Value'], default: null },
      { name: 'source', type: SOURCE_RECORD },
      { name: 'op', type: 'string' },
      { name: 'ts_ms', type: ['null', 'long'], default: null },
      { name: 'transaction', type: ['null', TRANSACTION_BLOCK], default: null },
    ],
    'connect.version': 2,
    'connect.name': `${ns}.Envelope`,
  };
  return { schema, key, value, codecs };
}

const optional = (name: string, type: unknown, defaultValue: unknown = null) => ({ name, type: defaultValue === null ? ['null', type] : type, default: defaultValue });

const SOURCE_RECORD = {
  type: 'record',
  name: 'Source',
  namespace: 'io.debezium.connector.mysql',
  fields: [
    { name: 'version', type: 'string' },
    { name: 'connector', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'ts_ms', type: 'long' },
    optional('snapshot', { type: 'string', 'connect.version': 1, 'connect.parameters': { allowed: 'true,last,false,incremental' }, 'connect.default': 'false', 'connect.name': 'io.debezium.data.Enum' }, 'false'),
    { name: 'db', type: 'string' },
    optional('sequence', 'string'),
    optional('table', 'string'),
    { name: 'server_id', type: 'long' },
    optional('gtid', 'string'),
    { name: 'file', type: 'string' },
    { name: 'pos', type: 'long' },
    { name: 'row', type: 'int' },
    optional('thread', 'long'),
    optional('query', 'string'),
  ],
  'connect.name': 'io.debezium.connector.mysql.Source',
};

const TRANSACTION_BLOCK = {
  type: 'record',
  name: 'block',
  namespace: 'event',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'total_order', type: 'long' },
    { name: 'data_collection_order', type: 'long' },
  ],
  'connect.version': 1,
  'connect.name': 'event.block',
};

type AvroField = { name: string; type: unknown };

/** The row record inside an envelope's `before`/`after` union. */
function rowRecord(envelope: Record<string, unknown>): { fields: AvroField[] } {
  const before = (envelope.fields as AvroField[]).find((f) => f.name === 'before' || f.name === 'after');
  const branch = (before?.type as unknown[]).find((t) => typeof t === 'object' && t !== null) as { fields: AvroField[] } | undefined;
  if (!branch) throw new Error('the value schema is not a Debezium envelope: its before/after field holds no record');
  return branch;
}

/**
 * The source table a topic's schemas describe. With propagated source types that is the table as
 * MySQL declared it; otherwise each Connect type's widest MySQL type (`columnTypeOfConnect`).
 */
export function tableSchemaOf(db: string, table: string, key: Record<string, unknown> | null, value: Record<string, unknown>): { schema: TableSchema; codecs: Map<string, { codec: ColumnCodec; field: string }> } {
  const codecs = new Map<string, { codec: ColumnCodec; field: string }>();
  const columns: SourceColumn[] = rowRecord(value).fields.map((f) => {
    const union = Array.isArray(f.type) ? (f.type as unknown[]) : [f.type];
    const inner = union.find((t) => t !== 'null') as Record<string, unknown> | string;
    const params = (typeof inner === 'object' ? (inner['connect.parameters'] as Record<string, string> | undefined) : undefined) ?? {};
    const name = params[ORIGINAL_NAME] ?? f.name;
    const declared = params[FULL_TYPE] ?? propagatedType(params) ?? columnTypeOfConnect(inner);
    const column = { name, columnType: declared, nullable: union.includes('null') };
    const unsigned = typeof inner === 'object' && inner['connect.name'] === 'org.apache.kafka.connect.data.Decimal' ? 'precise' : 'long';
    const codec = columnCodec(column, unsigned);
    // A producer may carry a type differently (decimal.handling.mode=string/double, say): then
    // the value is taken as it comes.
    const written = typeof inner === 'string' ? inner : String(inner.type);
    const expected = typeof codec.avro === 'string' ? codec.avro : String(codec.avro.type);
    codecs.set(name, { codec: written === expected ? codec : { ...codec, decode: (v) => (typeof v === 'bigint' ? v.toString() : (v as RowValue)) }, field: f.name });
    return column;
  });
  const keyFields = key ? (key.fields as AvroField[]).map((f) => {
    const inner = f.type as Record<string, unknown>;
    return (typeof inner === 'object' ? (inner['connect.parameters'] as Record<string, string> | undefined)?.[ORIGINAL_NAME] : undefined) ?? f.name;
  }) : [];
  return { schema: { db, table, columns, primaryKey: keyFields }, codecs };
}

/** `column.propagate.source.type` parameters as a COLUMN_TYPE, e.g. DECIMAL + 14 + 2 → decimal(14,2). */
function propagatedType(params: Record<string, string>): string | undefined {
  const type = params[SOURCE_TYPE];
  if (!type) return undefined;
  const [name, ...rest] = type.toLowerCase().split(' ');
  if (name === 'enum' || name === 'set') return undefined;
  const length = params[SOURCE_LENGTH];
  const scale = params[SOURCE_SCALE];
  const size = length ? `(${length}${scale ? `,${scale}` : ''})` : '';
  return [`${name}${size}`, ...rest].join(' ');
}
