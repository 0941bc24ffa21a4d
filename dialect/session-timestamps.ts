// TIMESTAMP columns in the session's time zone. The store holds a TIMESTAMP as its UTC instant (the
// source reads it in UTC); MariaDB shows it in the session's @@time_zone, so after
// SET time_zone = '+05:00' a column read as 10:00 is 15:00. In a UTC session (SYSTEM on a UTC
// source, '+00:00') the column is read as it is, so the common case pays nothing.
import { DialectUnsupported } from './dialect-error.ts';
import { fromUtc, sessionZone } from './convert-tz.ts';
import { familyOf, type ExprType } from './mysql-types.ts';
import { fspOf } from './temporal-values.ts';

type Variables = (name: string) => string | undefined;

const isTimestamp = (t: ExprType) => /^timestamp\b/i.test(t.columnType);

/** Whether the session's zone shows instants as UTC does. */
function utcSession(systemVariable: Variables): boolean {
  const zone = sessionZone(systemVariable);
  return 'offset' in zone && zone.offset === 0;
}

/** A column's SQL, a TIMESTAMP one as the session's wall clock, held in its own DuckDB unit. */
export function sessionTimestamp(sql: string, type: ExprType, systemVariable: Variables): string {
  if (!isTimestamp(type) || familyOf(type) !== 'datetime' || utcSession(systemVariable)) return sql;
  const fsp = fspOf(type);
  const unit = fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP';
  return `CAST(make_timestamp(${fromUtc(`epoch_us(${sql})`, sessionZone(systemVariable))}) AS ${unit})`;
}

/**
 * `SELECT *` passes columns through unconverted: refused over a TIMESTAMP column (or a relation
 * whose columns are not known) outside a UTC session. Each relation: its column types, or null.
 */
export function checkStarTimestamps(relations: (ExprType[] | null)[], systemVariable: Variables): void {
  if (!relations.some((types) => types === null || types.some(isTimestamp))) return;
  if (!utcSession(systemVariable)) throw new DialectUnsupported('SELECT * over a TIMESTAMP column in a session whose time zone is not UTC');
}
