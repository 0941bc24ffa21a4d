// Column filters applied to rows (Debezium: column.exclude.list, column.mask.with.N.chars):
// excluded columns never leave the source, masked string columns leave as N '*'.
import type { Row, RowValue, TableSchema } from '../../core/index.ts';
import type { TableFilter } from './table-filter.ts';

/** Shapes one table's rows: only the schema's columns, value fixes and masks applied. */
export function rowShaper(schema: TableSchema, filter: TableFilter, fixOf: (columnType: string) => ((v: RowValue) => RowValue) | undefined = () => undefined): (row: Row) => Row {
  const masks = schema.columns.map((c) => filter.maskOf(schema.db, schema.table, c.name));
  const fixes = schema.columns.map((c) => fixOf(c.columnType));
  const names = schema.columns.map((c) => c.name);
  return (row) => {
    const out: Row = {};
    for (let i = 0; i < names.length; i++) {
      // undefined (a column the decoder gave no value) reaches the fixes; NULL does not.
      const raw = row[names[i]!];
      const v = (fixes[i] && raw !== null ? fixes[i]!(raw as RowValue) : raw) ?? null;
      const mask = masks[i];
      out[names[i]!] = mask !== undefined && v !== null && (typeof v === 'string' || Buffer.isBuffer(v)) ? '*'.repeat(mask) : v;
    }
    return out;
  };
}

/** Whether a binlog row's columns (less excluded ones) are exactly the schema's. */
export function rowMatchesSchema(rowColumns: string[], schema: TableSchema, filter: TableFilter): boolean {
  const keys = new Set(schema.primaryKey);
  const visible = rowColumns.filter((c) => keys.has(c) || filter.includesColumn(schema.db, schema.table, c));
  return visible.length === schema.columns.length && schema.columns.every((c) => visible.includes(c.name));
}

/**
 * Debezium's decimal.handling.mode applied to a schema: `precise` keeps DECIMAL(p,s), `string`
 * carries the exact digits as text, `double` as a DOUBLE (lossy, as Debezium warns).
 */
export function applyDecimalMode(schema: TableSchema, mode: 'precise' | 'string' | 'double'): TableSchema {
  if (mode === 'precise') return schema;
  const isDecimal = (t: string) => /^(decimal|numeric|dec|fixed)\b/i.test(t);
  if (!schema.columns.some((c) => isDecimal(c.columnType))) return schema;
  return {
    ...schema,
    columns: schema.columns.map((c) => (isDecimal(c.columnType) ? { ...c, columnType: mode === 'double' ? 'double' : 'varchar(68)' } : c)),
  };
}
