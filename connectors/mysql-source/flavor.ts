// MySQL and MariaDB differ in how a consistent snapshot learns its binlog position and in how
// GTIDs look; those differences live here and nowhere else.
import type { Connection } from 'mysql2/promise';

export interface SnapshotPosition {
  file: string;
  pos: number;
  gtid: string | null;
}

export interface Flavor {
  name: 'mariadb' | 'mysql';
  /** Opens a consistent-snapshot transaction on `conn` and returns the binlog position it sees. */
  beginConsistentSnapshot(conn: Connection): Promise<SnapshotPosition>;
}

type Rows = Record<string, unknown>[];

const mariadb: Flavor = {
  name: 'mariadb',
  // MariaDB reports the snapshot's own binlog position without any lock
  // (MariaDB KB: "Enhancements for START TRANSACTION WITH CONSISTENT SNAPSHOT").
  async beginConsistentSnapshot(conn) {
    await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const [rows] = await conn.query("SHOW STATUS LIKE 'binlog_snapshot_%'");
    const status = new Map((rows as Rows).map((r) => [String(r.Variable_name), String(r.Value)]));
    const file = status.get('Binlog_snapshot_file') ?? '';
    const pos = Number(status.get('Binlog_snapshot_position') ?? 0);
    if (!file) throw new Error('MariaDB reported no Binlog_snapshot_file: is log_bin on?');
    const [gtidRows] = await conn.query('SELECT BINLOG_GTID_POS(?, ?) AS gtid', [file, pos]);
    const gtid = (gtidRows as Rows)[0]?.gtid;
    return { file, pos, gtid: gtid ? String(gtid) : null };
  },
};

const mysql: Flavor = {
  name: 'mysql',
  // MySQL has no snapshot position status: hold a global read lock just long enough to open the
  // snapshot and read the position, as Debezium's default snapshot locking does.
  async beginConsistentSnapshot(conn) {
    await conn.query('FLUSH TABLES WITH READ LOCK');
    try {
      await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      let rows: Rows;
      try {
        [rows] = (await conn.query('SHOW BINARY LOG STATUS')) as unknown as [Rows];
      } catch {
        [rows] = (await conn.query('SHOW MASTER STATUS')) as unknown as [Rows];
      }
      const row = rows[0];
      if (!row) throw new Error('MySQL reported no binary log status: is log_bin on?');
      const gtid = String(row.Executed_Gtid_Set ?? '').replace(/\s+/g, '');
      return { file: String(row.File), pos: Number(row.Position), gtid: gtid || null };
    } finally {
      await conn.query('UNLOCK TABLES');
    }
  },
};

export function flavorOf(version: string): Flavor {
  return /mariadb/i.test(version) ? mariadb : mysql;
}
