// What the emitter produces for an expression: DuckDB SQL, the MySQL type of its value, and
// whether the SQL is a DuckDB boolean (MySQL has none: comparisons are integers 1/0/NULL).
import { declaredMembers, type ExprType } from './mysql-types.ts';

export interface Emitted {
  sql: string;
  type: ExprType;
  bool?: boolean;
  /**
   * For JSON_EXTRACT: the extracted JSON value itself, before it is printed as MariaDB prints it
   * (which may refuse a number DuckDB re-writes): what comparisons read (json-functions.ts).
   */
  json?: string;
  /**
   * MySQL's text of the value where DuckDB cannot hold it (STR_TO_DATE's '2023-02-30', FROM_DAYS'
   * '0000-00-00'): what a top-level select item sends; `sql` refuses such a value when met.
   */
  outputText?: string;
}

/** The expression as a value: a boolean becomes MySQL's 1/0. */
export function asValue(e: Emitted): string {
  return e.bool ? `CAST(${e.sql} AS INTEGER)` : e.sql;
}

/** The expression as a condition: MySQL takes any non-zero number as true. */
export function asCondition(e: Emitted): string {
  if (e.bool) return e.sql;
  if (e.type.columnType === 'null') return 'NULL::BOOLEAN';
  // Strings count by their leading number ('1abc' is true), as MySQL reads them.
  return `(${textAsNumber(e.sql)} <> 0)`;
}

/**
 * A string read as a number the way MySQL reads it: its leading number ('12abc' is 12, 'abc'
 * is 0, ' 1e2x' is 100); NULL stays NULL.
 */
export function textAsNumber(sql: string): string {
  return `CASE WHEN ${sql} IS NULL THEN NULL ELSE coalesce(TRY_CAST(regexp_extract(CAST(${sql} AS VARCHAR), '^\\s*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?', 0) AS DOUBLE), 0) END`;
}

/** An ENUM value as its member number (1-based; '' is 0), which is what MySQL uses in numeric contexts and to sort. */
export function enumIndex(e: Emitted): string | undefined {
  const members = declaredMembers(e.type.columnType, 'enum');
  return members && `list_position([${members.map(quoteString).join(', ')}], ${asValue(e)})`;
}

/** A value of a string type read as a number the way MySQL does: an ENUM by its member number, text by its leading number. */
export function numberOf(e: Emitted): string {
  return enumIndex(e) ?? textAsNumber(asValue(e));
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function quoteString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}
