// Schema-change topic messages (`include.schema.changes`), shaped as Debezium's MySQL connector
// writes them to `<topic.prefix>`: key {databaseName}, value {source, ts_ms, databaseName,
// schemaName, ddl, tableChanges[]}, each table change naming the table and, for CREATE/ALTER,
// its columns in order with their MySQL types.
import type { SchemaChange, SourceOffset, TableSchema } from '../../core/index.ts';
import { VERSION } from '../../core/index.ts';

const opt = (name: string, type: unknown) => ({ name, type: ['null', type], default: null });

export const schemaChangeKeySchema = {
  type: 'record',
  name: 'SchemaChangeKey',
  namespace: 'io.debezium.connector.mysql',
  fields: [{ name: 'databaseName', type: 'string' }],
  'connect.name': 'io.debezium.connector.mysql.SchemaChangeKey',
};

const column = {
  type: 'record',
  name: 'Column',
  namespace: 'io.debezium.connector.schema',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'typeName', type: 'string' },
    opt('typeExpression', 'string'),
    opt('length', 'int'),
    opt('scale', 'int'),
    { name: 'position', type: 'int' },
    opt('optional', 'boolean'),
  ],
};

export const schemaChangeValueSchema = {
  type: 'record',
  name: 'SchemaChangeValue',
  namespace: 'io.debezium.connector.mysql',
  fields: [
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'Source',
        fields: [
          { name: 'version', type: 'string' },
          { name: 'connector', type: 'string' },
          { name: 'name', type: 'string' },
          { name: 'ts_ms', type: 'long' },
          opt('db', 'string'),
          { name: 'server_id', type: 'long' },
          opt('gtid', 'string'),
          { name: 'file', type: 'string' },
          { name: 'pos', type: 'long' },
        ],
      },
    },
    { name: 'ts_ms', type: 'long' },
    opt('databaseName', 'string'),
    opt('schemaName', 'string'),
    opt('ddl', 'string'),
    {
      name: 'tableChanges',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Change',
          namespace: 'io.debezium.connector.schema',
          fields: [
            { name: 'type', type: 'string' },
            { name: 'id', type: 'string' },
            opt('table', { type: 'record', name: 'Table', fields: [opt('primaryKeyColumnNames', { type: 'array', items: 'string' }), { name: 'columns', type: { type: 'array', items: column } }] }),
          ],
        },
      },
    },
  ],
  'connect.name': 'io.debezium.connector.mysql.SchemaChangeValue',
};

function tableOf(schema: TableSchema) {
  return {
    primaryKeyColumnNames: schema.primaryKey,
    columns: schema.columns.map((c, i) => {
      const m = /^([a-z]+)(?:\((\d+)(?:,\s*(\d+))?\))?/i.exec(c.columnType);
      return { name: c.name, typeName: (m?.[1] ?? c.columnType).toUpperCase(), typeExpression: c.columnType, length: m?.[2] ? Number(m[2]) : null, scale: m?.[3] ? Number(m[3]) : null, position: i + 1, optional: c.nullable };
    }),
  };
}

const id = (db: string, table: string) => `"${db}"."${table}"`;

function tableChanges(change: SchemaChange) {
  switch (change.kind) {
    case 'create':
      return [{ type: 'CREATE', id: id(change.after.db, change.after.table), table: tableOf(change.after) }];
    case 'alter':
      return [{ type: 'ALTER', id: id(change.after.db, change.after.table), table: tableOf(change.after) }];
    case 'rename':
      return [{ type: 'DROP', id: id(change.from.db, change.from.table), table: null }, { type: 'CREATE', id: id(change.to.db, change.to.table), table: tableOf(change.after) }];
    case 'drop':
      return [{ type: 'DROP', id: id(change.db, change.table), table: null }];
    default:
      return [];
  }
}

const dbOf = (change: SchemaChange): string =>
  change.kind === 'create' || change.kind === 'alter' ? change.after.db : change.kind === 'rename' ? change.to.db : change.db;

/** One message per database the statement touched (Debezium keys them by database). */
export function schemaChangeMessage(ddl: string, changes: SchemaChange[], at: SourceOffset, prefix: string, serverId: number): { databaseName: string; value: Record<string, unknown> }[] {
  const byDb = new Map<string, SchemaChange[]>();
  for (const c of changes) byDb.set(dbOf(c), [...(byDb.get(dbOf(c)) ?? []), c]);
  const now = Date.now();
  return [...byDb].map(([databaseName, list]) => ({
    databaseName,
    value: {
      source: { version: VERSION, connector: 'mysql', name: prefix, ts_ms: now, db: databaseName, server_id: serverId, gtid: at.gtid, file: at.file, pos: at.pos },
      ts_ms: now,
      databaseName,
      schemaName: null,
      ddl,
      tableChanges: list.flatMap(tableChanges),
    },
  }));
}
