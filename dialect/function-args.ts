// What every MySQL function translation needs from its arguments: a count check that names the
// function, text (MySQL converts numbers to their decimal text), case-folded text for searches
// under the default collations, and the value of a string-literal argument.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { familyOf } from './mysql-types.ts';

export interface FunctionContext {
  database: string | null;
  /** The connection's collation (collation_connection), which a literal compares under. */
  collation?: string;
  /** The session's variables (time_zone for NOW(), UNIX_TIMESTAMP, FROM_UNIXTIME). */
  systemVariable?(name: string): string | undefined;
}

/** One MySQL function: its arguments, its name as called, the session it runs in. */
export type FunctionTranslation = (args: Emitted[], name: string, ctx: FunctionContext) => Emitted;

export function arity(name: string, args: Emitted[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new DialectUnsupported(`${name}() with ${args.length} argument(s)`);
}

export const text = (e: Emitted): string => (familyOf(e.type) === 'string' || familyOf(e.type) === 'binary' ? asValue(e) : `CAST(${asValue(e)} AS VARCHAR)`);

/** Text as MySQL's default collations compare it (binary strings as they are). */
export const folded = (e: Emitted): string => (familyOf(e.type) === 'binary' ? asValue(e) : `lower(${text(e)})`);

export const anyNullable = (args: Emitted[]): boolean => args.some((a) => a.type.nullable);

/** The value of an argument written as a string literal, or undefined for anything else. */
export function stringLiteralValue(e: Emitted): string | undefined {
  const m = /^'((?:[^']|'')*)'$/.exec(e.sql);
  return m ? m[1]!.replace(/''/g, "'") : undefined;
}
