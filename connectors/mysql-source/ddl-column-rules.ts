// How MariaDB adjusts a column the DDL reader read, beyond what the statement says: a key column
// is NOT NULL (and loses its implicit DEFAULT NULL), a text column without a collation has the
// table's, and integer types carry their display width (`int(11)`).
import type { SchemaChange, SourceColumn } from '../../core/index.ts';
import { implicitColumnDefault } from './column-default.ts';
import { mariadbColumnType } from './ddl-column-definition.ts';

/** A key column is NOT NULL whatever it declared: an implicit DEFAULT NULL goes with its nullability. */
export function keyColumn(col: SourceColumn): SourceColumn {
  return withDefault({ ...col, nullable: false }, col.columnDefault === 'NULL' ? implicitColumnDefault(col.columnType, false, col.extra === 'auto_increment') : col.columnDefault);
}

/** A text column that names no collation has the table's, where the table's is known. */
export function inheritCollation(col: SourceColumn, tableCollation: string | undefined): SourceColumn {
  if (col.collation || !tableCollation || !/^(var)?char\b|^(tiny|medium|long)?text\b|^enum\b|^set\b/.test(col.columnType)) return col;
  return { ...col, collation: tableCollation };
}

export function withDefault(col: SourceColumn, columnDefault: string | null | undefined): SourceColumn {
  const { columnDefault: _old, ...rest } = col;
  return columnDefault === undefined ? rest : { ...rest, columnDefault };
}

/** MariaDB writes integer types with their display width (`int(11)`), as its catalog does; MySQL 8 without. */
export function withDisplayWidths(change: SchemaChange): SchemaChange {
  if (change.kind !== 'create' && change.kind !== 'alter' && change.kind !== 'rename') return change;
  return { ...change, after: { ...change.after, columns: change.after.columns.map((c) => ({ ...c, columnType: mariadbColumnType(c.columnType) })) } };
}
