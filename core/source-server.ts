// What a source server is, as clients see it: its flavor, version and the system variables
// drivers and tools read on connect, each with the value and the result column type the server
// sends for `SELECT @@name`. The source connector reads it, the store keeps it, and the gateway
// presents itself with it, so clients talk to the gateway as they would to the source.

/** One system variable as the source answers `SELECT @@name`: its value and its column definition. */
export interface SourceVariable {
  name: string;
  /** As SHOW VARIABLES prints it (booleans ON/OFF); null when the server reports NULL. */
  value: string | null;
  /** MySQL column type id, flags, decimals and length of the `SELECT @@name` result column. */
  type: number;
  flags: number;
  decimals: number;
  length: number;
}

export interface SourceServer {
  flavor: 'mariadb' | 'mysql';
  /** `@@version`, e.g. `10.11.6-MariaDB-0+deb12u1-log` or `8.0.36`. */
  version: string;
  variables: SourceVariable[];
  /** Every system variable name the server has, lower-case: another is its error 1193. */
  variableNames: string[];
  /**
   * The zone names its time-zone tables hold (mysql.time_zone_name), which CONVERT_TZ and
   * SET time_zone accept by name: [] when none are loaded (a named zone is NULL), null or absent
   * when they could not be read (the gateway then refuses a named zone).
   */
  timeZoneNames?: string[] | null;
  /** What its SHOW ENGINES, SHOW CHARACTER SET and SHOW COLLATION list; null or absent when not read. */
  lists?: SourceServerLists | null;
}

/** One of the server's own SHOW lists: its columns as the server sends them, and its rows as text. */
export interface SourceShowList {
  columns: { name: string; type: number; flags: number; decimals: number; length: number }[];
  rows: (string | null)[][];
}

export interface SourceServerLists {
  engines: SourceShowList;
  charsets: SourceShowList;
  collations: SourceShowList;
}
