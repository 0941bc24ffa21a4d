// A stored DATE or DATETIME column compared with a value read at translation time, written so that
// DuckDB still sees "column op constant": a cast on the column would hide it from the store's
// partition pruning and zone maps (a month's query would read every month, hot and cold).
import { mapColumnType } from '../core/index.ts';
import { asValue as v, type Emitted } from './emitted.ts';
import { familyOf } from './mysql-types.ts';

/** Fraction digits each DuckDB timestamp type holds. */
const HELD_DIGITS: Record<string, number> = { TIMESTAMP_S: 0, TIMESTAMP_MS: 3, TIMESTAMP: 6 };

/**
 * The column's side of `column op TIMESTAMP 'literal'`, and the literal's, when both can stay
 * uncast without changing the answer: a DATE column against a midnight (as a DATE), a DATETIME
 * column against a literal its store type holds exactly. Undefined: compare as TIMESTAMPs.
 */
export function uncastSides(column: Emitted, literal: string): [string, string] | undefined {
  if (!column.type.source) return undefined;
  const m = /^TIMESTAMP '(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?'$/.exec(literal);
  if (!m) return undefined;
  const [, date, time, fraction = ''] = m;
  const f = familyOf(column.type);
  if (f === 'date') return time === '00:00:00' && /^0*$/.test(fraction) ? [v(column), `DATE '${date}'`] : undefined;
  if (f !== 'datetime') return undefined;
  const duck = mapColumnType(column.type.columnType).duckType;
  const held = HELD_DIGITS[duck];
  if (held === undefined || fraction.replace(/0+$/, '').length > held) return undefined;
  return [v(column), `CAST(${literal} AS ${duck})`];
}
