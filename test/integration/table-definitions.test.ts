// What SHOW CREATE TABLE, DESCRIBE and information_schema show of a table's definition (column
// DEFAULTs, ON UPDATE, AUTO_INCREMENT, comments, character sets, table options) is MariaDB's,
// for a table the snapshot read from the catalog and for one created and altered later, which
// the store knows only from the DDL in the binlog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';
import { waitFor } from '../support/services.ts';

const DB = 'it_table_definitions';
const DEFINITION = `(
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'event id',
    kind VARCHAR(16) NOT NULL DEFAULT 'click',
    label VARCHAR(40) CHARACTER SET latin1 DEFAULT 'n/a',
    q VARCHAR(20) COLLATE utf8mb4_bin DEFAULT 'it''s \\\\ 50%',
    w DECIMAL(8,3) NOT NULL DEFAULT 1.5,
    r DOUBLE DEFAULT -0.25,
    h INT NOT NULL DEFAULT '0',
    a TINYINT(1) NOT NULL DEFAULT TRUE,
    d DATE DEFAULT '2024-02-29',
    c TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    u TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
    at DATETIME(3) DEFAULT NOW(3),
    st ENUM('new','done') NOT NULL DEFAULT 'new' COMMENT 'life',
    fl SET('a','b') DEFAULT '',
    body TEXT DEFAULT 'none',
    o INT UNSIGNED,
    y YEAR,
    PRIMARY KEY (id)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='tool events'`;
// One added column per statement: a statement that adds two and places one (AFTER) fails in the
// store when the table has rows (a DuckDB transaction conflict, found here, not yet fixed).
const ALTERS = [
  `ALTER TABLE %t ALTER COLUMN kind SET DEFAULT 'view', ALTER label DROP DEFAULT, MODIFY o INT UNSIGNED NOT NULL DEFAULT 9 COMMENT 'owner', COMMENT 'changed'`,
  'ALTER TABLE %t ADD COLUMN n INT NOT NULL DEFAULT 3 AFTER kind',
  'ALTER TABLE %t ADD note VARCHAR(5)',
];

let env: FollowedDatabase;

beforeAll(async () => {
  env = await followFreshDatabase(DB, 'definitions', [`CREATE TABLE snap ${DEFINITION}`, `INSERT INTO snap (id, kind, o) VALUES (1, 'x', 1), (9, 'y', 2)`, 'DELETE FROM snap WHERE id = 9']);
  await env.gateway.query(`USE ${DB}`);
  await env.source.query(`CREATE TABLE live ${DEFINITION}`);
  await env.source.query(`INSERT INTO live (id, kind, o) VALUES (7, 'x', 1)`);
  for (const t of ['snap', 'live']) for (const alter of ALTERS) await env.source.query(alter.replace('%t', t));
  await waitFor('the altered tables', async () => {
    const [rows] = await env.gateway.query(`SELECT count(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${DB}' AND COLUMN_NAME = 'note'`);
    return Number((rows as { n: number }[])[0]!.n) === 2;
  }, 30_000, 100);
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe.each(['snap', 'live'])('the table %s', (table) => {
  it.each([
    `SHOW CREATE TABLE ${DB}.%t`,
    'DESCRIBE %t',
    `SELECT COLUMN_NAME, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, COLUMN_TYPE, IS_NULLABLE, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = '%t' ORDER BY ORDINAL_POSITION`,
    `SELECT ENGINE, TABLE_COLLATION, TABLE_COMMENT, ROW_FORMAT FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = '%t'`,
  ])('%s is what MariaDB answers', async (template) => {
    const sql = template.replace('%t', table);
    await env.source.query(`USE ${DB}`);
    const [expected] = await env.source.query(sql);
    const [actual] = await env.gateway.query(sql);
    expect(actual).toEqual(expected);
  });
});
