// DuckDB's and the dialect's errors as MySQL's: the number, SQLSTATE and words a MySQL client
// expects for the same mistake (a missing table is 1146, a dialect refusal 1235, …).
import { DialectError, DialectUnsupported, IllegalCollationMix, MysqlRejection, NotUniqueTable, translate, UnknownColumn, type TranslateContext, type Translation } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';

/** DuckDB's error text names its class first ("Catalog Error: ..."); map it to MySQL's. */
export function toSqlError(err: unknown): SqlError {
  const message = (err as Error).message ?? String(err);
  if (/^(Failed to extract statements: )?Parser Error/i.test(message)) return new SqlError('PARSE', `You have an error in your SQL syntax: ${message.replace(/^Failed to extract statements: /, '')}`);
  if (/^Catalog Error: Table with name (\S+) does not exist/i.test(message)) {
    const name = /Table with name (\S+) does not exist/i.exec(message)![1];
    return new SqlError('NO_SUCH_TABLE', `Table '${name}' doesn't exist`);
  }
  if (/^Catalog Error: Schema with name (\S+) does not exist/i.test(message)) {
    return new SqlError('BAD_DB', `Unknown database '${/Schema with name (\S+) does not exist/i.exec(message)![1]}'`);
  }
  const column = /^Binder Error: (?:Referenced column|Column) "?([^"\s]+)"? not found/i.exec(message);
  if (column) return new SqlError('BAD_FIELD', `Unknown column '${column[1]}' in 'field list'`);
  return runtimeError(message, err);
}

/**
 * DuckDB's errors while a statement the dialect emitted runs. Those MySQL also raises get
 * MySQL's number; any other means the emitted SQL cannot give MySQL's answer, so the client
 * gets 1235 and never DuckDB's text (the connection logs it, as the error's cause).
 */
function runtimeError(message: string, err: unknown): SqlError {
  // Integer overflow: DuckDB checks every INT64/UINT64 operation and cast, as MySQL does.
  const overflow = /^(?:Out of Range Error: Overflow in \w+ of (U?INT(?:8|16|32|64))\b|Conversion Error: Type \w+ with value \S+ can't be cast because the value is out of range for the destination type (U?INT(?:8|16|32|64))\b)/.exec(message);
  if (overflow) {
    const unsigned = (overflow[1] ?? overflow[2])!.startsWith('U');
    return new SqlError('DATA_OUT_OF_RANGE', `BIGINT${unsigned ? ' UNSIGNED' : ''} value is out of range`, { cause: err });
  }
  if (/^Out of Range Error: .*(?:DOUBLE|FLOAT|out of range)/i.test(message)) return new SqlError('DATA_OUT_OF_RANGE', 'DOUBLE value is out of range', { cause: err });
  const ambiguous = /^Binder Error: Ambiguous reference to column name "([^"]+)"/.exec(message);
  if (ambiguous) return new SqlError('NON_UNIQ_ERROR', `Column '${ambiguous[1]}' in field list is ambiguous`, { cause: err });
  const alias = /^Binder Error: Duplicate alias "([^"]+)"/.exec(message);
  if (alias) return new SqlError('NONUNIQ_TABLE', `Not unique table/alias: '${alias[1]}'`, { cause: err });
  if (/^Binder Error: Set operations can only apply to expressions with the same number of result columns/.test(message)) {
    return new SqlError('WRONG_NUMBER_OF_COLUMNS_IN_SELECT', 'The used SELECT statements have a different number of columns', { cause: err });
  }
  if (/^Binder Error: LIMIT\/OFFSET cannot be negative/.test(message)) return new SqlError('PARSE', "You have an error in your SQL syntax; check the manual for the right syntax to use near '-' (LIMIT takes no negative number)", { cause: err });
  if (/More than one row returned by a subquery/i.test(message)) return new SqlError('SUBQUERY_NO_1_ROW', 'Subquery returns more than 1 row', { cause: err });
  // The dialect's own runtime refusal (an error() it emitted): its words name the construct.
  const refusal = /^Invalid Input Error: (instaquery cannot [^\n]*)/.exec(message);
  if (refusal) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support this value: ${refusal[1]}`, { cause: err });
  if (/^INTERRUPT Error/i.test(message)) return new SqlError('QUERY_INTERRUPTED', 'Query execution was interrupted', { cause: err });
  return new SqlError('NOT_SUPPORTED_YET', "This version of instaquery doesn't yet support this statement exactly (its translation could not run)", { cause: err });
}

/** The dialect's translation, with its refusals as MySQL errors. */
export function translateOrThrow(sql: string, context: TranslateContext): Translation {
  try {
    return translate(sql, context);
  } catch (err) {
    if (err instanceof UnknownColumn) throw new SqlError('BAD_FIELD', err.message);
    if (err instanceof NotUniqueTable) throw new SqlError('NONUNIQ_TABLE', err.message);
    if (err instanceof MysqlRejection) throw SqlError.relayed(err.code, err.sqlState, err.message);
    if (err instanceof IllegalCollationMix) throw new SqlError('CANT_AGGREGATE_2COLLATIONS', err.message);
    if (err instanceof DialectUnsupported) throw new SqlError('NOT_SUPPORTED_YET', err.message);
    if (err instanceof DialectError) throw new SqlError('PARSE', `You have an error in your SQL syntax: ${err.message}`);
    throw err;
  }
}
