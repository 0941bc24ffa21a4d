/** The statement cannot be read; the gateway answers with error 1064. */
export class DialectError extends Error {}

/**
 * The statement is MySQL the dialect cannot (yet) translate faithfully; the gateway answers with
 * error 1235 naming `what`, rather than risk an answer that differs from MySQL's.
 */
export class DialectUnsupported extends Error {
  constructor(readonly what: string) {
    super(`instaquery does not yet support ${what}`);
  }
}

/** A column no table in the query has (MySQL's error 1054), found while typing the query. */
export class UnknownColumn extends DialectError {
  constructor(readonly column: string) {
    super(`Unknown column '${column}' in 'field list'`);
  }
}

/** Two FROM items with one name (MySQL's error 1066). */
export class NotUniqueTable extends DialectError {
  constructor(readonly alias: string) {
    super(`Not unique table/alias: '${alias}'`);
  }
}

/**
 * MySQL itself rejects the statement with this error (e.g. 1221 for ROLLUP with ORDER BY, 4009 for
 * an undefined window): the gateway answers with the same code, state and message.
 */
export class MysqlRejection extends DialectError {
  constructor(
    readonly code: number,
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
  }
}
