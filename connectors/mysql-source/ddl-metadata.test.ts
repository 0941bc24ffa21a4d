// What the DDL reader keeps for SHOW CREATE TABLE / DESCRIBE / information_schema: each
// column's DEFAULT as MariaDB writes it, EXTRA, COMMENT, and the table's options. Expected texts
// are MariaDB 10.11's (information_schema.COLUMNS.COLUMN_DEFAULT for the same DDL).
import { describe, expect, it } from 'vitest';
import type { SchemaChange, TableSchema } from '../../core/index.ts';
import { catalogDefault, literalDefault } from './column-default.ts';
import { readDdl } from './ddl-parser.ts';

const T: TableSchema = { db: 'd', table: 't', columns: [{ name: 'id', columnType: 'int', nullable: false, columnDefault: null }, { name: 'v', columnType: 'varchar(5)', nullable: true, columnDefault: "'x'" }], primaryKey: ['id'] };

function run(sql: string): SchemaChange[] {
  const r = readDdl(sql, 'd', (db, table) => (db === 'd' && table === 't' ? T : undefined), () => []);
  if (r.kind !== 'changes') throw new Error(JSON.stringify(r));
  return r.changes;
}
const createdColumn = (definition: string) => {
  const [c] = run(`CREATE TABLE n (${definition})`);
  if (c?.kind !== 'create') throw new Error('not a create');
  return c.after.columns[0]!;
};
const after = (sql: string) => {
  const c = run(sql).find((x) => x.kind === 'alter');
  if (c?.kind !== 'alter') throw new Error('not an alter');
  return c.after;
};

describe('a column DEFAULT as MariaDB writes it', () => {
  it.each([
    ["s varchar(20) NOT NULL DEFAULT 'ab''c'", "'ab''c'"],
    ["s varchar(20) DEFAULT 'a\\\\b\\nc'", "'a\\\\b\\nc'"],
    ["s char(3) DEFAULT 'a  '", "'a'"],
    ['n int DEFAULT -5', '-5'],
    ["n int DEFAULT '7'", '7'],
    ['n int unsigned DEFAULT -1', undefined],
    ['d decimal(6,2) DEFAULT 1.5', '1.50'],
    ['d decimal(6,2) DEFAULT 1.555', undefined],
    ['f double DEFAULT 1e3', '1000'],
    ['b tinyint(1) DEFAULT TRUE', '1'],
    ["dt datetime DEFAULT '2024-01-01'", "'2024-01-01 00:00:00'"],
    ["dt datetime(3) DEFAULT '2024-01-01 10:00:00.5'", "'2024-01-01 10:00:00.500'"],
    ['ts timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP', 'current_timestamp()'],
    ['ts datetime(3) DEFAULT NOW(3)', 'current_timestamp(3)'],
    ["e enum('a','b') NOT NULL DEFAULT 'b'", "'b'"],
    ["e enum('a','b') NOT NULL DEFAULT 'B'", undefined],
    ['x int DEFAULT (1+2)', undefined],
    ["bt bit(3) DEFAULT b'001'", "b'1'"],
    ['h int DEFAULT 0x1F', undefined],
    ["tx text DEFAULT 'hello'", "'hello'"],
    ['n int', 'NULL'],
    ['n int NOT NULL', null],
    ['n int NULL DEFAULT NULL', 'NULL'],
    ['id int NOT NULL AUTO_INCREMENT', null],
    ['ts timestamp NOT NULL', undefined],
  ])('%s → %s', (definition, expected) => {
    expect(createdColumn(definition).columnDefault).toBe(expected);
  });

  it('reads AUTO_INCREMENT, ON UPDATE and COMMENT', () => {
    expect(createdColumn("id bigint unsigned NOT NULL AUTO_INCREMENT COMMENT 'the id''s'")).toEqual({ name: 'id', columnType: 'bigint unsigned', nullable: false, columnDefault: null, extra: 'auto_increment', comment: "the id's" });
    expect(createdColumn('ts timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()').extra).toBe('on update current_timestamp()');
    expect(createdColumn('g int AS (n*2) PERSISTENT').extra).toBe('STORED GENERATED');
  });
});

describe('table options', () => {
  it('CREATE TABLE keeps ENGINE, the collation, CREATE_OPTIONS, COMMENT and AUTO_INCREMENT', () => {
    const [c] = run("CREATE TABLE n (id int) ENGINE=myisam AUTO_INCREMENT=42 DEFAULT CHARSET=latin1 ROW_FORMAT=fixed COMMENT='tab''le'");
    expect(c?.kind === 'create' && c.after.options).toEqual({ engine: 'MyISAM', autoIncrement: '42', collation: 'latin1_swedish_ci', createOptions: 'row_format=FIXED', comment: "tab'le" });
  });

  it('a table without options has none', () => {
    const [c] = run('CREATE TABLE n (id int)');
    expect(c?.kind === 'create' && c.after.options).toBeUndefined();
  });

  it('ALTER TABLE changes them', () => {
    expect(after("ALTER TABLE t ENGINE=InnoDB COMMENT 'c', COLLATE utf8mb4_bin").options).toEqual({ engine: 'InnoDB', comment: 'c', collation: 'utf8mb4_bin' });
  });
});

describe('ALTER COLUMN', () => {
  it('SET DEFAULT and DROP DEFAULT change the default as MariaDB shows it', () => {
    expect(after("ALTER TABLE t ALTER COLUMN v SET DEFAULT 'y'").columns[1]!.columnDefault).toBe("'y'");
    expect(after('ALTER TABLE t ALTER v DROP DEFAULT').columns[1]!.columnDefault).toBe('NULL');
    expect(after('ALTER TABLE t ALTER COLUMN id SET DEFAULT 3').columns[0]!.columnDefault).toBe('3');
  });

  it('ADD COLUMN keeps the DEFAULT of each column it adds', () => {
    const columns = after("ALTER TABLE t ADD COLUMN a INT NOT NULL DEFAULT 0, ADD b VARCHAR(3) DEFAULT 'z', ADD c SERIAL").columns;
    expect(columns.slice(2).map((c) => [c.columnDefault, c.extra])).toEqual([['0', undefined], ["'z'", undefined], [null, 'auto_increment']]);
  });

  it('MODIFY takes the new definition whole', () => {
    expect(after("ALTER TABLE t MODIFY v varchar(5) NOT NULL COMMENT 'n'").columns[1]).toEqual({ name: 'v', columnType: 'varchar(5)', nullable: false, columnDefault: null, comment: 'n' });
  });
});

describe('a MySQL catalog default', () => {
  it('is written as MariaDB writes it', () => {
    expect(catalogDefault(false, 'varchar(5)', true, 'abc', '')).toEqual({ columnDefault: "'abc'", extra: '' });
    expect(catalogDefault(false, 'int', true, null, '')).toEqual({ columnDefault: 'NULL', extra: '' });
    expect(catalogDefault(false, 'timestamp', false, 'CURRENT_TIMESTAMP', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP')).toEqual({ columnDefault: 'current_timestamp()', extra: 'on update current_timestamp()' });
    expect(catalogDefault(true, 'int', true, 'NULL', '')).toEqual({ columnDefault: 'NULL', extra: '' });
  });

  it('decimal defaults are padded to the scale, never rounded', () => {
    expect(literalDefault('decimal(10,3)', '-0.5', false)).toBe('-0.500');
    expect(literalDefault('decimal(10,0)', '12.0', false)).toBe('12');
  });
});

describe('a MariaDB source', () => {
  it('spells integer types with their display width, as its catalog does', () => {
    const r = readDdl('CREATE TABLE n (a INT, b BIGINT UNSIGNED, c TINYINT(1), d YEAR, e SMALLINT UNSIGNED, f DECIMAL(5,2))', 'd', () => undefined, () => [], undefined, undefined, 'mariadb');
    const types = r.kind === 'changes' && r.changes[0]?.kind === 'create' ? r.changes[0].after.columns.map((c) => c.columnType) : [];
    expect(types).toEqual(['int(11)', 'bigint(20) unsigned', 'tinyint(1)', 'year(4)', 'smallint(5) unsigned', 'decimal(5,2)']);
  });
});
