// A database or table name as node-sql-parser returns it: a backtick inside a quoted name stays
// doubled there (`a``b` comes back as a``b), and a string in a name's place comes back as the
// string's placeholder. The one name MySQL means, or its syntax error.
import { DialectError } from './dialect-error.ts';
import { STRING_PLACEHOLDER } from './parser-input.ts';

export function relationName(raw: string): string {
  // `FROM 'x'` or `FROM "db".t`: a string, not a name (a syntax error to MySQL, a file to DuckDB).
  if (STRING_PLACEHOLDER.test(raw)) throw new DialectError('a string where a table or database name belongs');
  return raw.replace(/``/g, '`');
}
