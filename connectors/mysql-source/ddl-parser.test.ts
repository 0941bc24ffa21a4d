import { describe, expect, it } from 'vitest';
import type { SourceColumn, TableSchema } from '../../core/index.ts';
import { readDdl, type DdlResult, type SchemaChange, type TableName } from './ddl-parser.ts';

const col = (name: string, columnType: string, nullable = true): SourceColumn => ({ name, columnType, nullable });

const ORDERS: TableSchema = { db: 'shop', table: 'orders', columns: [col('id', 'bigint unsigned', false), col('customer', 'varchar(64)'), col('total', 'decimal(14,2)')], primaryKey: ['id'] };
const LINES: TableSchema = { db: 'shop', table: 'lines', columns: [col('order_id', 'bigint', false), col('line', 'int', false), col('sku', 'varchar(32)')], primaryKey: ['order_id', 'line'] };
const SPACED: TableSchema = { db: 'shop', table: 'order lines', columns: [col('line id', 'int', false)], primaryKey: ['line id'] };
const KNOWN = [ORDERS, LINES, SPACED];
const KNOWN_COPY = structuredClone(KNOWN);

const lookup = (db: string, table: string) => KNOWN.find((t) => t.db === db && t.table === table);
const databaseTables = (db: string): TableName[] => (db === 'd' ? [{ db: 'd', table: 'x' }, { db: 'd', table: 'y' }] : []);
const run = (sql: string, defaultDb = 'shop'): DdlResult => readDdl(sql, defaultDb, lookup, databaseTables);

function changes(sql: string, defaultDb = 'shop'): SchemaChange[] {
  const r = run(sql, defaultDb);
  if (r.kind !== 'changes') throw new Error(`expected changes, got ${JSON.stringify(r)}`);
  return r.changes;
}

/** The schema without what SHOW CREATE TABLE alone needs (defaults, EXTRA, comments, table options): ddl-metadata.test.ts checks those. */
function plain(t: TableSchema): TableSchema {
  const { options: _options, ...rest } = t;
  return { ...rest, columns: t.columns.map(({ columnDefault: _d, extra: _e, comment: _c, ...c }) => c) };
}

function created(sql: string, defaultDb = 'shop'): TableSchema {
  const all = changes(sql, defaultDb);
  const [c] = all;
  expect(all).toHaveLength(1);
  if (c?.kind !== 'create') throw new Error(`expected a create, got ${JSON.stringify(all)}`);
  return plain(c.after);
}

function altered(sql: string, before: TableSchema = ORDERS): { after: TableSchema; renamedColumns: [string, string][] } {
  const all = changes(sql);
  const [c] = all;
  expect(all).toHaveLength(1);
  if (c?.kind !== 'alter') throw new Error(`expected an alter, got ${JSON.stringify(all)}`);
  expect(c.before).toEqual(before);
  return { ...c, after: plain(c.after) };
}

const names = (t: TableSchema) => t.columns.map((c) => c.name);
const column = (t: TableSchema, name: string) => t.columns.find((c) => c.name === name);

describe('CREATE TABLE', () => {
  const TYPES: [string, string][] = [
    ['BIGINT UNSIGNED', 'bigint unsigned'], ['bigint unsigned', 'bigint unsigned'], ['INT', 'int'], ['INTEGER', 'int'],
    ['DECIMAL(14, 2)', 'decimal(14,2)'], ['NUMERIC(10,0)', 'decimal(10,0)'], ['VARCHAR(64)', 'varchar(64)'], ['CHAR(3)', 'char(3)'], ['DATE', 'date'],
    ['DATETIME(3)', 'datetime(3)'], ['TIMESTAMP(6)', 'timestamp(6)'], ["ENUM('a', 'b')", "enum('a','b')"], ['ENUM("a","b")', "enum('a','b')"],
    ["ENUM('it''s')", "enum('it''s')"], ["SET('x','y')", "set('x','y')"], ['JSON', 'json'], ['BOOL', 'tinyint(1)'], ['BOOLEAN', 'tinyint(1)'],
    ['TINYINT(1)', 'tinyint(1)'], ['REAL', 'double'], ['DOUBLE PRECISION', 'double'], ['DOUBLE', 'double'], ['VARBINARY(16)', 'varbinary(16)'],
    ['TEXT', 'text'], ['BLOB', 'blob'], ['BIT(8)', 'bit(8)'], ['YEAR', 'year'], ['TIME(3)', 'time(3)'],
  ];
  it.each(TYPES)('spells %s as %s', (type, expected) => {
    expect(created(`CREATE TABLE t (c ${type})`).columns).toEqual([col('c', expected)]);
  });

  it('reads nullability: NOT NULL, NULL, DEFAULT NULL and the nullable default', () => {
    const t = created('CREATE TABLE t (a INT NOT NULL, b INT NULL, c INT, d INT DEFAULT NULL, e INT NOT NULL DEFAULT 0)');
    expect(t).toEqual({ db: 'shop', table: 't', columns: [col('a', 'int', false), col('b', 'int'), col('c', 'int'), col('d', 'int'), col('e', 'int', false)], primaryKey: [] });
  });

  it('reads an inline PRIMARY KEY and makes it not nullable', () => {
    const t = created('CREATE TABLE t (name VARCHAR(10), id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY)');
    expect(t.primaryKey).toEqual(['id']);
    expect(t.columns).toEqual([col('name', 'varchar(10)'), col('id', 'bigint unsigned', false)]);
  });

  it.each([
    ['PRIMARY KEY (b, a)'],
    ['CONSTRAINT pk PRIMARY KEY (b, a)'],
    ['CONSTRAINT `pk` PRIMARY KEY USING BTREE (`b`, `a` DESC)'],
    ['CONSTRAINT PRIMARY KEY (b,a)'],
  ])('reads a table-level %s in key order, its columns not nullable', (pk) => {
    const t = created(`CREATE TABLE t (a INT, b INT NULL, c INT, ${pk})`);
    expect(t.primaryKey).toEqual(['b', 'a']);
    expect(t.columns).toEqual([col('a', 'int', false), col('b', 'int', false), col('c', 'int')]);
  });

  it('ignores indexes, foreign keys and checks, and does not take UNIQUE for a primary key', () => {
    const t = created(`CREATE TABLE t (id INT NOT NULL, email VARCHAR(64) NOT NULL UNIQUE, parent INT, code CHAR(3) UNIQUE KEY,
      UNIQUE KEY uk (email), UNIQUE INDEX (code), KEY k (parent), INDEX (code), FULLTEXT KEY ft (email),
      CONSTRAINT fk FOREIGN KEY (parent) REFERENCES t (id) ON DELETE CASCADE, FOREIGN KEY (parent) REFERENCES other(id),
      CHECK (id > 0), CONSTRAINT ck CHECK (parent <> id)
    )`);
    expect(t.columns).toEqual([col('id', 'int', false), col('email', 'varchar(64)', false), col('parent', 'int'), col('code', 'char(3)')]);
    expect(t.primaryKey).toEqual([]);
  });

  it('keeps the collation a text column declares', () => {
    const t = created("CREATE TABLE c (a VARCHAR(5) COLLATE utf8mb4_bin, b TEXT CHARACTER SET utf8mb4, c CHAR(2) BINARY, d VARCHAR(5), e INT)");
    expect(t.columns.map((c) => c.collation)).toEqual(['utf8mb4_bin', 'utf8mb4_general_ci', 'utf8mb4_bin', undefined, undefined]);
  });

  it('is not thrown off by column attributes, options, quoted names and IF NOT EXISTS', () => {
    const t = created(`CREATE TABLE IF NOT EXISTS \`other\`.\`my events\` (
      \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      \`kind\` VARCHAR(20) NOT NULL DEFAULT 'x' COMMENT 'a, b',
      \`created_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      \`label\` VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL,
      a INT,
      b INT GENERATED ALWAYS AS (a + 1) STORED,
      \`order date\` DATE,
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='x, y (z)'`);
    expect(t).toEqual({ db: 'other', table: 'my events', primaryKey: ['id'], columns: [col('id', 'bigint unsigned', false), { ...col('kind', 'varchar(20)', false), collation: 'utf8mb4_general_ci' },
      col('created_at', 'datetime(3)', false), { ...col('label', 'varchar(10)'), collation: 'latin1_swedish_ci' }, col('a', 'int'), col('b', 'int'), col('order date', 'date')] });
  });

  it('uses the default database for an unqualified name and the given one for db.t', () => {
    expect(created('CREATE TABLE t (a INT)', 'mydb')).toMatchObject({ db: 'mydb', table: 't' });
    expect(created('CREATE TABLE other.t (a INT)', 'mydb')).toMatchObject({ db: 'other', table: 't' });
  });

  it.each([
    ['CREATE TABLE orders_copy LIKE orders', 'shop', 'orders_copy'],
    ['CREATE TABLE IF NOT EXISTS archive.orders LIKE shop.orders', 'archive', 'orders'],
    ['CREATE TABLE o3 (LIKE orders)', 'shop', 'o3'],
  ])('%s copies the source table', (sql, db, table) => {
    expect(created(sql)).toEqual({ ...ORDERS, db, table });
  });

  it('CREATE TEMPORARY TABLE changes nothing', () => {
    expect(run('CREATE TEMPORARY TABLE tmp (a INT)')).toEqual({ kind: 'none' });
  });

  it('CREATE TABLE ... LIKE a table the history lacks is unreadable', () => {
    const r = run('CREATE TABLE x LIKE missing');
    expect(r).toMatchObject({ kind: 'unreadable', tables: [{ db: 'shop', table: 'x' }] });
    expect(r.kind === 'unreadable' && r.reason).toMatch(/missing/);
  });
});

describe('ALTER TABLE', () => {
  it.each([
    ['ADD COLUMN note TEXT', ['id', 'customer', 'total', 'note']], ['ADD note TEXT FIRST', ['note', 'id', 'customer', 'total']],
    ['ADD COLUMN note TEXT NOT NULL AFTER id', ['id', 'note', 'customer', 'total']], ['ADD COLUMN (a INT, b INT)', ['id', 'customer', 'total', 'a', 'b']],
    ['DROP COLUMN customer', ['id', 'total']], ['DROP customer', ['id', 'total']], ['DROP COLUMN IF EXISTS CUSTOMER', ['id', 'total']],
    ['MODIFY COLUMN customer VARCHAR(128) AFTER total', ['id', 'total', 'customer']],
    ['MODIFY total DECIMAL(16,4) FIRST', ['total', 'id', 'customer']],
  ])('%s gives columns %j', (action, expected) => {
    expect(names(altered(`ALTER TABLE orders ${action}`).after)).toEqual(expected);
  });

  it('ADD COLUMN reads the new column', () => {
    const { after } = altered("ALTER TABLE orders ADD COLUMN status ENUM('new','paid') NOT NULL DEFAULT 'new' AFTER id");
    expect(after.columns[1]).toEqual(col('status', "enum('new','paid')", false));
    expect(after.primaryKey).toEqual(['id']);
  });

  it('DROP COLUMN removes it from the primary key', () => {
    expect(altered('ALTER TABLE lines DROP COLUMN line', LINES).after).toEqual({ ...LINES, columns: [LINES.columns[0], LINES.columns[2]], primaryKey: ['order_id'] });
  });

  it('MODIFY keeps the position and changes the type', () => {
    const { after, renamedColumns } = altered('ALTER TABLE orders MODIFY total DECIMAL(16,4) NOT NULL');
    expect(after.columns).toEqual([ORDERS.columns[0], ORDERS.columns[1], col('total', 'decimal(16,4)', false)]);
    expect(renamedColumns).toEqual([]);
  });

  it('CHANGE renames the column, in the primary key too', () => {
    const { after, renamedColumns } = altered('ALTER TABLE orders CHANGE COLUMN id order_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT');
    expect(after.columns).toEqual([col('order_id', 'bigint unsigned', false), ORDERS.columns[1], ORDERS.columns[2]]);
    expect(after.primaryKey).toEqual(['order_id']);
    expect(renamedColumns).toEqual([['id', 'order_id']]);
  });

  it('CHANGE to the same name only changes the type', () => {
    const { after, renamedColumns } = altered('ALTER TABLE orders CHANGE customer customer VARCHAR(100)');
    expect(after.columns[1]).toEqual(col('customer', 'varchar(100)'));
    expect(renamedColumns).toEqual([]);
  });

  it('RENAME COLUMN renames, keeping the type and the key', () => {
    const { after, renamedColumns } = altered('ALTER TABLE lines RENAME COLUMN line TO line_no', LINES);
    expect(after.columns).toEqual([LINES.columns[0], col('line_no', 'int', false), LINES.columns[2]]);
    expect(after.primaryKey).toEqual(['order_id', 'line_no']);
    expect(renamedColumns).toEqual([['line', 'line_no']]);
  });

  it('works on backtick-quoted names with spaces', () => {
    const { after, renamedColumns } = altered('ALTER TABLE `order lines` ADD COLUMN `unit price` DECIMAL(10,2) FIRST, RENAME COLUMN `line id` TO `line no`', SPACED);
    expect(after).toEqual({ ...SPACED, columns: [col('unit price', 'decimal(10,2)'), col('line no', 'int', false)], primaryKey: ['line no'] });
    expect(renamedColumns).toEqual([['line id', 'line no']]);
  });

  it('DROP PRIMARY KEY and ADD PRIMARY KEY (a, b) replace the key in order', () => {
    expect(altered('ALTER TABLE lines DROP PRIMARY KEY', LINES).after).toEqual({ ...LINES, primaryKey: [] });
    expect(altered('ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (customer, id)').after.primaryKey).toEqual(['customer', 'id']);
  });

  it('ADD PRIMARY KEY makes its columns NOT NULL, as MySQL does', () => {
    expect(column(altered('ALTER TABLE orders DROP PRIMARY KEY, ADD CONSTRAINT pk PRIMARY KEY (customer, id)').after, 'customer')).toEqual(col('customer', 'varchar(64)', false));
  });

  it('MODIFY of a primary-key column keeps it NOT NULL, as MySQL does', () => {
    // Same type, still NOT NULL; what changes is what SHOW CREATE TABLE shows (AUTO_INCREMENT, no default).
    expect(altered('ALTER TABLE orders MODIFY id BIGINT UNSIGNED AUTO_INCREMENT').after).toEqual(ORDERS);
    expect(altered('ALTER TABLE orders MODIFY id INT AUTO_INCREMENT').after.columns[0]).toEqual(col('id', 'int', false));
  });

  it('applies several actions in order', () => {
    const { after, renamedColumns } = altered('ALTER TABLE orders ADD COLUMN a INT AFTER id, DROP COLUMN customer, CHANGE a a2 INT NOT NULL, MODIFY total DOUBLE FIRST');
    expect(after.columns).toEqual([col('total', 'double'), col('id', 'bigint unsigned', false), col('a2', 'int', false)]);
    expect(renamedColumns).toEqual([['a', 'a2']]);
  });

  it.each([
    'ALTER TABLE orders ADD INDEX idx_customer (customer)', 'ALTER TABLE orders ADD UNIQUE KEY uk_c (customer)',
    'ALTER TABLE orders ADD CONSTRAINT fk_c FOREIGN KEY (customer) REFERENCES customers (name)', 'ALTER TABLE orders DROP INDEX idx_customer',
    'ALTER TABLE orders DROP FOREIGN KEY fk_c', 'ALTER TABLE orders RENAME INDEX a TO b',
    'ALTER TABLE orders ALGORITHM=INPLACE, LOCK=NONE',
    'ALTER TABLE orders ADD INDEX i (customer), ALGORITHM=INPLACE, LOCK=NONE',
    'ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'ALTER TABLE orders ADD COLUMN IF NOT EXISTS customer VARCHAR(64)', 'ALTER TABLE nope ADD COLUMN x INT',
  ])('%s changes nothing', (sql) => {
    expect(run(sql)).toEqual({ kind: 'changes', changes: [] });
  });

  it.each([
    ['ALTER TABLE orders RENAME TO orders_old', { db: 'shop', table: 'orders_old' }],
    ['ALTER TABLE shop.orders RENAME AS archive.orders', { db: 'archive', table: 'orders' }],
  ])('%s is a rename', (sql, to) => {
    expect(changes(sql)).toEqual([{ kind: 'rename', from: { db: 'shop', table: 'orders' }, to, after: { ...ORDERS, ...to } }]);
  });

  it('an alter and a rename in one statement give both changes, the rename carrying the altered schema', () => {
    const [alter, rename, ...rest] = changes('ALTER TABLE orders ADD COLUMN x INT, RENAME TO o2');
    expect(rest).toEqual([]);
    expect(alter?.kind).toBe('alter');
    expect(rename).toEqual({ kind: 'rename', from: { db: 'shop', table: 'orders' }, to: { db: 'shop', table: 'o2' }, after: { ...ORDERS, table: 'o2', columns: [...ORDERS.columns, { ...col('x', 'int'), columnDefault: 'NULL' }] } });
  });

  it('MODIFY of an unknown column is unreadable for that table', () => {
    const r = run('ALTER TABLE orders MODIFY nope INT');
    expect(r).toMatchObject({ kind: 'unreadable', tables: [{ db: 'shop', table: 'orders' }] });
    expect(r.kind === 'unreadable' && r.reason).toMatch(/nope/);
  });

  it('never changes the schema the lookup returned', () => {
    run('ALTER TABLE orders ADD COLUMN a INT FIRST, DROP COLUMN customer, CHANGE id id2 INT, DROP PRIMARY KEY');
    run('ALTER TABLE lines RENAME COLUMN line TO l, MODIFY sku TEXT');
    expect(KNOWN).toEqual(KNOWN_COPY);
  });
});

describe('DROP, RENAME, TRUNCATE', () => {
  it.each<[string, SchemaChange[]]>([
    ['DROP TABLE IF EXISTS a, db2.b', [{ kind: 'drop', db: 'shop', table: 'a' }, { kind: 'drop', db: 'db2', table: 'b' }]],
    ['DROP TABLE `a`,`b` /* generated by server */', [{ kind: 'drop', db: 'shop', table: 'a' }, { kind: 'drop', db: 'shop', table: 'b' }]],
    ['DROP DATABASE d', [{ kind: 'drop', db: 'd', table: 'x' }, { kind: 'drop', db: 'd', table: 'y' }, { kind: 'drop-database', db: 'd' }]],
    ['DROP SCHEMA IF EXISTS `d`', [{ kind: 'drop', db: 'd', table: 'x' }, { kind: 'drop', db: 'd', table: 'y' }, { kind: 'drop-database', db: 'd' }]],
    ['DROP DATABASE empty', [{ kind: 'drop-database', db: 'empty' }]],
    ['RENAME TABLE orders TO o2, lines TO other.l', [{ kind: 'rename', from: { db: 'shop', table: 'orders' }, to: { db: 'shop', table: 'o2' }, after: { ...ORDERS, table: 'o2' } },
      { kind: 'rename', from: { db: 'shop', table: 'lines' }, to: { db: 'other', table: 'l' }, after: { ...LINES, db: 'other', table: 'l' } }]],
    ['RENAME TABLE orders TO tmp, lines TO orders, tmp TO lines', [
      { kind: 'rename', from: { db: 'shop', table: 'orders' }, to: { db: 'shop', table: 'tmp' }, after: { ...ORDERS, table: 'tmp' } },
      { kind: 'rename', from: { db: 'shop', table: 'lines' }, to: { db: 'shop', table: 'orders' }, after: { ...LINES, table: 'orders' } },
      { kind: 'rename', from: { db: 'shop', table: 'tmp' }, to: { db: 'shop', table: 'lines' }, after: { ...ORDERS, table: 'lines' } },
    ]],
    ['RENAME TABLE not_followed TO x', []],
    ['TRUNCATE t', [{ kind: 'truncate', db: 'shop', table: 't' }]],
    ['TRUNCATE TABLE other.t', [{ kind: 'truncate', db: 'other', table: 't' }]],
  ])('%s', (sql, expected) => {
    expect(run(sql)).toEqual({ kind: 'changes', changes: expected });
  });
});

describe('statements that are not table schema changes', () => {
  it.each([
    "INSERT INTO t VALUES (1, 'CREATE TABLE x (a INT)')", 'BEGIN', 'CREATE DATABASE x', 'CREATE INDEX i ON t (a)',
    'CREATE UNIQUE INDEX i ON t (a)', "CREATE USER 'u'@'%' IDENTIFIED BY 'p'", "GRANT SELECT ON shop.* TO 'u'@'%'",
    "ALTER USER 'u'@'%' IDENTIFIED BY 'q'", 'ALTER DATABASE shop CHARACTER SET utf8mb4', 'DROP INDEX i ON t', 'DROP TEMPORARY TABLE IF EXISTS tmp',
  ])('%s', (sql) => {
    expect(run(sql)).toEqual({ kind: 'none' });
  });
});

describe('comments and semicolons', () => {
  it.each([
    'ALTER TABLE orders /* why */ ADD COLUMN note TEXT -- trailing\n AFTER id;',
    '/* leading */ ALTER TABLE orders ADD COLUMN note TEXT AFTER id',
    '-- leading\nALTER TABLE orders ADD COLUMN note TEXT AFTER id',
  ])('%j is read', (sql) => {
    expect(names(altered(sql).after)).toEqual(['id', 'note', 'customer', 'total']);
  });

  it('reads comments between column definitions and a trailing ;', () => {
    expect(created('CREATE TABLE t (a INT, -- first\n b INT /* second, third */, c INT # fourth\n);').columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(run('DROP TABLE a;')).toEqual({ kind: 'changes', changes: [{ kind: 'drop', db: 'shop', table: 'a' }] });
  });
});

describe('unreadable statements', () => {
  it.each<[string, TableName[]]>([
    ['ALTER TABLE orders ADD COLUMN', [{ db: 'shop', table: 'orders' }]],
    ['ALTER TABLE orders ADD COLUMN c INT AFTER', [{ db: 'shop', table: 'orders' }]],
    ['ALTER TABLE orders ADD PRIMARY KEY', [{ db: 'shop', table: 'orders' }]],
    ['ALTER TABLE orders RENAME COLUMN id', [{ db: 'shop', table: 'orders' }]],
    ['ALTER TABLE `order lines` MODIFY nope INT', [{ db: 'shop', table: 'order lines' }]],
    ['CREATE TABLE t (a', [{ db: 'shop', table: 't' }]],
    ['CREATE TABLE other.t (a INT,,)', [{ db: 'other', table: 't' }]],
    ["CREATE TABLE `t` (a ENUM('x", [{ db: 'shop', table: 't' }]],
    ['CREATE TABLE t AS SELECT 1', [{ db: 'shop', table: 't' }]],
    ['RENAME TABLE a b', [{ db: 'shop', table: 'a' }]],
    ['RENAME TABLE a TO', [{ db: 'shop', table: 'a' }]],
    ['CREATE TABLE t (PRIMARY KEY', [{ db: 'shop', table: 't' }]],
    ['ALTER TABLE orders CHANGE', [{ db: 'shop', table: 'orders' }]],
  ])('%j names %j', (sql, tables) => {
    const r = run(sql);
    expect(r).toMatchObject({ kind: 'unreadable', tables });
    expect(r.kind === 'unreadable' && r.reason.length > 0).toBe(true);
  });

  it.each<[string, string]>([['CREATE TABLE', 'shop'], ['ALTER TABLE', 'shop'], ['DROP TABLE', 'shop'], ['TRUNCATE', 'shop'], ["DROP TABLE 'x", 'shop'], ['CREATE TABLE t (a INT)', '']])(
    '%j with default database %j is unreadable, not thrown',
    (sql, defaultDb) => {
      const r = run(sql, defaultDb);
      expect(r.kind).toBe('unreadable');
      expect(r.kind === 'unreadable' && r.reason.length > 0).toBe(true);
    },
  );
});

describe('views', () => {
  it('CREATE VIEW as MariaDB logs it keeps the SELECT as written and the database it ran in', () => {
    expect(changes('CREATE ALGORITHM=UNDEFINED DEFINER=`iq`@`%` SQL SECURITY DEFINER VIEW `v1` AS SELECT pk, x FROM t1 WHERE x > 15')).toEqual([
      { kind: 'view', db: 'shop', view: 'v1', definition: 'SELECT pk, x FROM t1 WHERE x > 15', columnNames: null },
    ]);
  });

  it('reads OR REPLACE, ALTER, a qualified name, a column list and drops WITH CHECK OPTION', () => {
    expect(changes("CREATE OR REPLACE DEFINER='a'@'localhost' VIEW other.v (a, `b c`) AS SELECT 1, 2 WITH LOCAL CHECK OPTION")).toEqual([
      { kind: 'view', db: 'other', view: 'v', definition: 'SELECT 1, 2', columnNames: ['a', 'b c'] },
    ]);
    expect(changes('ALTER VIEW v AS SELECT id FROM orders')).toEqual([{ kind: 'view', db: 'shop', view: 'v', definition: 'SELECT id FROM orders', columnNames: null }]);
  });

  it('DROP VIEW [IF EXISTS] drops each view named', () => {
    expect(changes('DROP VIEW IF EXISTS v1, other.v2 CASCADE')).toEqual([
      { kind: 'drop-view', db: 'shop', view: 'v1' },
      { kind: 'drop-view', db: 'other', view: 'v2' },
    ]);
  });
});
