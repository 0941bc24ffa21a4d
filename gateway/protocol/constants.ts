// Numbers from the MySQL client/server protocol reference
// (https://dev.mysql.com/doc/dev/mysql-server/latest/PAGE_PROTOCOL.html).

export const Capability = {
  LONG_PASSWORD: 1,
  FOUND_ROWS: 1 << 1,
  LONG_FLAG: 1 << 2,
  CONNECT_WITH_DB: 1 << 3,
  IGNORE_SPACE: 1 << 8,
  PROTOCOL_41: 1 << 9,
  INTERACTIVE: 1 << 10,
  SSL: 1 << 11,
  TRANSACTIONS: 1 << 13,
  SECURE_CONNECTION: 1 << 15,
  MULTI_STATEMENTS: 1 << 16,
  MULTI_RESULTS: 1 << 17,
  PS_MULTI_RESULTS: 1 << 18,
  PLUGIN_AUTH: 1 << 19,
  CONNECT_ATTRS: 1 << 20,
  PLUGIN_AUTH_LENENC_CLIENT_DATA: 1 << 21,
  /** OK (0xfe header) instead of EOF packets at the end of result sets. */
  DEPRECATE_EOF: 1 << 24,
} as const;

/** What this server offers; the session uses the intersection with the client's flags. */
export const SERVER_CAPABILITIES =
  Capability.LONG_PASSWORD | Capability.FOUND_ROWS | Capability.LONG_FLAG | Capability.CONNECT_WITH_DB |
  Capability.IGNORE_SPACE | Capability.PROTOCOL_41 | Capability.INTERACTIVE | Capability.TRANSACTIONS |
  Capability.SECURE_CONNECTION | Capability.MULTI_STATEMENTS | Capability.MULTI_RESULTS | Capability.PS_MULTI_RESULTS |
  Capability.PLUGIN_AUTH | Capability.CONNECT_ATTRS | Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capability.DEPRECATE_EOF;

export const Command = {
  QUIT: 0x01,
  INIT_DB: 0x02,
  QUERY: 0x03,
  FIELD_LIST: 0x04,
  STATISTICS: 0x09,
  PROCESS_KILL: 0x0c,
  PING: 0x0e,
  CHANGE_USER: 0x11,
  STMT_PREPARE: 0x16,
  STMT_EXECUTE: 0x17,
  STMT_SEND_LONG_DATA: 0x18,
  STMT_CLOSE: 0x19,
  STMT_RESET: 0x1a,
  SET_OPTION: 0x1b,
  STMT_FETCH: 0x1c,
  RESET_CONNECTION: 0x1f,
} as const;

export const ServerStatus = {
  AUTOCOMMIT: 0x0002,
  MORE_RESULTS_EXISTS: 0x0008,
} as const;

export const ColumnType = {
  NEWDECIMAL: 0xf6,
  TINY: 0x01,
  SHORT: 0x02,
  LONG: 0x03,
  FLOAT: 0x04,
  DOUBLE: 0x05,
  NULL: 0x06,
  TIMESTAMP: 0x07,
  LONGLONG: 0x08,
  INT24: 0x09,
  DATE: 0x0a,
  TIME: 0x0b,
  DATETIME: 0x0c,
  YEAR: 0x0d,
  VARCHAR: 0x0f,
  BIT: 0x10,
  JSON: 0xf5,
  ENUM: 0xf7,
  SET: 0xf8,
  TINY_BLOB: 0xf9,
  MEDIUM_BLOB: 0xfa,
  LONG_BLOB: 0xfb,
  BLOB: 0xfc,
  VAR_STRING: 0xfd,
  STRING: 0xfe,
  GEOMETRY: 0xff,
} as const;

export const ColumnFlag = {
  NOT_NULL: 1,
  PRI_KEY: 2,
  BLOB: 16,
  UNSIGNED: 32,
  ZEROFILL: 64,
  BINARY: 128,
  ENUM: 256,
  SET: 2048,
  NUM: 32768,
} as const;

export const Charset = {
  UTF8MB4_GENERAL_CI: 45,
  BINARY: 63,
} as const;

/**
 * Results are sent in utf8mb4; their column definitions name the client's collation when it is a
 * utf8mb4 one (45-46, 224-247, 255-323 in MySQL's numbering), as a server converting to it would.
 */
export function utf8mb4Collation(clientCollation: number): number {
  const utf8mb4 = clientCollation === 45 || clientCollation === 46 || (clientCollation >= 224 && clientCollation <= 247) || (clientCollation >= 255 && clientCollation <= 323);
  return utf8mb4 ? clientCollation : Charset.UTF8MB4_GENERAL_CI;
}

/** utf8mb4 collations by id, as MariaDB 10.11 and MySQL 8 number them (SHOW COLLATION). */
const UTF8MB4_COLLATIONS: Record<number, string> = {
  45: 'utf8mb4_general_ci', 46: 'utf8mb4_bin', 224: 'utf8mb4_unicode_ci', 225: 'utf8mb4_icelandic_ci', 226: 'utf8mb4_latvian_ci', 227: 'utf8mb4_romanian_ci',
  228: 'utf8mb4_slovenian_ci', 229: 'utf8mb4_polish_ci', 230: 'utf8mb4_estonian_ci', 231: 'utf8mb4_spanish_ci', 232: 'utf8mb4_swedish_ci', 233: 'utf8mb4_turkish_ci',
  234: 'utf8mb4_czech_ci', 235: 'utf8mb4_danish_ci', 236: 'utf8mb4_lithuanian_ci', 237: 'utf8mb4_slovak_ci', 238: 'utf8mb4_spanish2_ci', 239: 'utf8mb4_roman_ci',
  240: 'utf8mb4_persian_ci', 241: 'utf8mb4_esperanto_ci', 242: 'utf8mb4_hungarian_ci', 243: 'utf8mb4_sinhala_ci', 244: 'utf8mb4_german2_ci', 245: 'utf8mb4_croatian_ci',
  246: 'utf8mb4_unicode_520_ci', 247: 'utf8mb4_vietnamese_ci', 255: 'utf8mb4_0900_ai_ci',
};

/** The name of the utf8mb4 collation a client asked for (utf8mb4_general_ci for one not listed). */
export function collationName(id: number): string {
  return UTF8MB4_COLLATIONS[id] ?? 'utf8mb4_general_ci';
}

export const MAX_PACKET_PAYLOAD = 0xffffff;
