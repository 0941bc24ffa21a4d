// Every MySQL error the gateway sends, with its number and SQLSTATE, from this one table
// (numbers and states from the MySQL server error reference).
export const ER = {
  ACCESS_DENIED: { code: 1045, state: '28000' },
  BAD_DB: { code: 1049, state: '42000' },
  UNKNOWN_COM: { code: 1047, state: '08S01' },
  NET_PACKET_TOO_LARGE: { code: 1153, state: '08S01' },
  PARSE: { code: 1064, state: '42000' },
  NO_SUCH_TABLE: { code: 1146, state: '42S02' },
  BAD_FIELD: { code: 1054, state: '42S22' },
  NOT_SUPPORTED_YET: { code: 1235, state: '42000' },
  OPTION_PREVENTS_STATEMENT: { code: 1290, state: 'HY000' },
  NO_DB: { code: 1046, state: '3D000' },
  UNKNOWN: { code: 1105, state: 'HY000' },
  HANDSHAKE: { code: 1043, state: '08S01' },
  UNKNOWN_STMT_HANDLER: { code: 1243, state: 'HY000' },
  WRONG_ARGUMENTS: { code: 1210, state: 'HY000' },
  MALFORMED_PACKET: { code: 1835, state: 'HY000' },
  EMPTY_QUERY: { code: 1065, state: '42000' },
  NO_SUCH_THREAD: { code: 1094, state: 'HY000' },
  DBACCESS_DENIED: { code: 1044, state: '42000' },
  SPECIFIC_ACCESS_DENIED: { code: 1227, state: '42000' },
  TABLEACCESS_DENIED: { code: 1142, state: '42000' },
  VIEW_INVALID: { code: 1356, state: 'HY000' },
  UNKNOWN_SYSTEM_VARIABLE: { code: 1193, state: 'HY000' },
  KILL_DENIED: { code: 1095, state: 'HY000' },
  QUERY_INTERRUPTED: { code: 1317, state: '70100' },
  QUERY_TIMEOUT: { code: 3024, state: 'HY000' },
  DATA_OUT_OF_RANGE: { code: 1690, state: '22003' },
  CANT_AGGREGATE_2COLLATIONS: { code: 1267, state: 'HY000' },
  TABLE_DEF_CHANGED: { code: 1412, state: 'HY000' },
  NON_UNIQ_ERROR: { code: 1052, state: '23000' },
  NONUNIQ_TABLE: { code: 1066, state: '42000' },
  WRONG_NUMBER_OF_COLUMNS_IN_SELECT: { code: 1222, state: '21000' },
  SUBQUERY_NO_1_ROW: { code: 1242, state: '21000' },
  TOO_MANY_ROWS: { code: 1172, state: '42000' },
} as const;

export type ErrorKind = keyof typeof ER;

export class SqlError extends Error {
  readonly code: number;
  readonly sqlState: string;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = ER[kind].code;
    this.sqlState = ER[kind].state;
  }

  /** An error another MySQL server sent (a forwarded statement's), passed on as it came. */
  static relayed(code: number, sqlState: string, message: string): SqlError {
    const err = new SqlError('UNKNOWN', message);
    Object.assign(err, { code, sqlState });
    return err;
  }
}
