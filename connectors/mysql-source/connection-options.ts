// mysql2 options shared by the snapshot reader and the binlog reader, so both deliver the same
// exact values: integers beyond 2^53 and DECIMAL as strings, temporal values as the server's text
// (microseconds kept), JSON as text, GEOMETRY as bytes, TIMESTAMP in UTC.
import type { ConnectionOptions } from 'mysql2';
import type { MySqlSourceConfig } from './config.ts';

export function connectionOptions(config: MySqlSourceConfig): ConnectionOptions {
  return {
    host: config['database.hostname'],
    port: config['database.port'],
    user: config['database.user'],
    password: config['database.password'],
    connectTimeout: 5000,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    timezone: 'Z',
    charset: 'utf8mb4',
    // GEOMETRY as the server's bytes (SRID + WKB), not mysql2's parsed {x, y}, which drops the SRID.
    typeCast: (field, next) => (field.type === 'GEOMETRY' ? field.buffer() : next()),
  };
}
