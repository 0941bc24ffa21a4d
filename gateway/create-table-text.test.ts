// SHOW CREATE TABLE's text and DESCRIBE's Default, against MariaDB 10.11's for the same table.
import { describe, expect, it } from 'vitest';
import { createTableText, describeDefault } from './create-table-text.ts';

describe('createTableText', () => {
  it('writes what MariaDB writes', () => {
    const text = createTableText({
      table: 'm',
      columns: [
        { name: 'id', columnType: 'int(10) unsigned', nullable: false, columnDefault: null, extra: 'auto_increment', comment: "the id's" },
        { name: 'metric', columnType: 'varchar(20)', nullable: true, collation: 'utf8mb4_bin', columnDefault: 'NULL' },
        { name: 'host', columnType: 'varchar(40)', nullable: false, collation: 'utf8mb4_general_ci', columnDefault: null },
        { name: 'ts', columnType: 'timestamp', nullable: false, columnDefault: 'current_timestamp()', extra: 'on update current_timestamp()' },
        { name: 'ts2', columnType: 'timestamp', nullable: true, columnDefault: 'NULL' },
        { name: 'doc', columnType: 'json', nullable: true, columnDefault: 'NULL' },
        { name: 'old', columnType: 'int(11)', nullable: true },
      ],
      primaryKey: ['id'],
      options: { engine: 'InnoDB', collation: 'utf8mb4_general_ci', comment: 'c' },
      autoIncrement: 9n,
      mariadb: true,
    });
    expect(text).toBe(
      'CREATE TABLE `m` (\n' +
        "  `id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'the id''s',\n" +
        '  `metric` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,\n' +
        '  `host` varchar(40) NOT NULL,\n' +
        '  `ts` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),\n' +
        '  `ts2` timestamp NULL DEFAULT NULL,\n' +
        '  `doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`doc`)),\n' +
        '  `old` int(11) DEFAULT NULL,\n' +
        '  PRIMARY KEY (`id`)\n' +
        ") ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='c'",
    );
  });

  it('shows no AUTO_INCREMENT=1, and the store defaults when the options are not known', () => {
    expect(createTableText({ table: 't', columns: [{ name: 'a', columnType: 'int(11)', nullable: false }], primaryKey: [], options: undefined, autoIncrement: 1n, mariadb: true })).toBe(
      'CREATE TABLE `t` (\n  `a` int(11) NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci',
    );
  });

  it('writes CREATE_OPTIONS as options', () => {
    expect(createTableText({ table: 't', columns: [], primaryKey: [], options: { engine: 'MyISAM', createOptions: 'row_format=FIXED', comment: 'hi' }, autoIncrement: null, mariadb: true })).toMatch(
      /\) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=FIXED COMMENT='hi'$/,
    );
  });
});

describe('describeDefault', () => {
  it.each([
    ["'ab''c'", 'varchar(20)', "ab'c"],
    ["''", 'char(3)', ''],
    ['NULL', 'int(11)', null],
    [null, 'int(11)', null],
    ['-5', 'int(11)', '-5'],
    ['current_timestamp()', 'timestamp', 'current_timestamp()'],
    ["'hello'", 'text', "'hello'"],
    ["b'101'", 'bit(3)', "b'101'"],
    ["'a\\\\b\\nc'", 'varchar(9)', 'a\\b\nc'],
  ])('%s of %s → %s', (columnDefault, columnType, expected) => {
    expect(describeDefault(columnDefault, columnType)).toBe(expected);
  });
});
