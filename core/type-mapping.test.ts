import { describe, expect, it } from 'vitest';
import { mapColumnType } from './type-mapping.ts';

describe('mapColumnType: DuckDB types', () => {
  const cases: [string, string][] = [
    ['tinyint', 'TINYINT'],
    ['tinyint(1)', 'TINYINT'],
    ['tinyint(3) unsigned', 'UTINYINT'],
    ['smallint', 'SMALLINT'],
    ['smallint unsigned', 'USMALLINT'],
    ['mediumint', 'INTEGER'],
    ['mediumint(8) unsigned', 'UINTEGER'],
    ['int', 'INTEGER'],
    ['int(11)', 'INTEGER'],
    ['int(10) unsigned', 'UINTEGER'],
    ['INT UNSIGNED', 'UINTEGER'],
    ['integer', 'INTEGER'],
    ['bigint(20)', 'BIGINT'],
    ['bigint(20) unsigned', 'UBIGINT'],
    ['bigint unsigned zerofill', 'UBIGINT'],
    ['decimal(14,2)', 'DECIMAL(14,2)'],
    ['decimal(14, 2) unsigned', 'DECIMAL(14,2)'],
    ['decimal(10)', 'DECIMAL(10,0)'],
    ['decimal', 'DECIMAL(10,0)'],
    ['numeric(38,10)', 'DECIMAL(38,10)'],
    ['decimal(39,0)', 'VARCHAR'],
    ['decimal(65,30)', 'VARCHAR'],
    ['float', 'FLOAT'],
    ['float unsigned', 'FLOAT'],
    ['double', 'DOUBLE'],
    ['double precision', 'DOUBLE'],
    ['real', 'DOUBLE'],
    ['bit(1)', 'UBIGINT'],
    ['bit(8)', 'UBIGINT'],
    ['date', 'DATE'],
    ['datetime', 'TIMESTAMP_S'],
    ['datetime(1)', 'TIMESTAMP_MS'],
    ['datetime(3)', 'TIMESTAMP_MS'],
    ['datetime(4)', 'TIMESTAMP'],
    ['datetime(6)', 'TIMESTAMP'],
    ['timestamp', 'TIMESTAMP_S'],
    ['timestamp(3)', 'TIMESTAMP_MS'],
    ['timestamp(6)', 'TIMESTAMP'],
    ['time', 'VARCHAR'],
    ['time(6)', 'VARCHAR'],
    ['year', 'SMALLINT'],
    ['year(4)', 'SMALLINT'],
    ['json', 'JSON'],
    ['binary(16)', 'BLOB'],
    ['varbinary(255)', 'BLOB'],
    ['tinyblob', 'BLOB'],
    ['blob', 'BLOB'],
    ['mediumblob', 'BLOB'],
    ['longblob', 'BLOB'],
    ['geometry', 'BLOB'],
    ['point', 'BLOB'],
    ['polygon', 'BLOB'],
    ["enum('a','b')", 'VARCHAR'],
    ["set('x','y')", 'VARCHAR'],
    ['char(3)', 'VARCHAR'],
    ['varchar(255)', 'VARCHAR'],
    ['tinytext', 'VARCHAR'],
    ['text', 'VARCHAR'],
    ['mediumtext', 'VARCHAR'],
    ['longtext', 'VARCHAR'],
  ];
  it.each(cases)('%s -> %s', (mysql, duck) => {
    expect(mapColumnType(mysql).duckType).toBe(duck);
  });
});

describe('mapColumnType: decodeSql', () => {
  it.each([
    ['int', 'CAST(s."a" AS INTEGER)'],
    ['decimal(14,2)', 'CAST(s."a" AS DECIMAL(14,2))'],
    ['datetime(6)', 'CAST(s."a" AS TIMESTAMP)'],
    ['varchar(10)', 'CAST(s."a" AS VARCHAR)'],
    ['varbinary(10)', 'from_hex(s."a")'],
    ['geometry', 'from_hex(s."a")'],
  ])('%s decodes with %s', (mysql, sql) => {
    expect(mapColumnType(mysql).decodeSql('s."a"')).toBe(sql);
  });
});

describe('mapColumnType: encode', () => {
  it.each([
    ['int', 42, '42'],
    ['int', -7, '-7'],
    ['bigint unsigned', 18446744073709551615n, '18446744073709551615'],
    ['bigint unsigned', '18446744073709551615', '18446744073709551615'],
    ['decimal(65,30)', '12345678901234567890123456789012345.123456789012345678901234567890', '12345678901234567890123456789012345.123456789012345678901234567890'],
    ['tinyint(1)', true, 'true'],
    ['double', 1.5, '1.5'],
    ['varchar(10)', 'héllo', 'héllo'],
    ['varchar(10)', Buffer.from('héllo', 'utf8'), 'héllo'],
    ['json', '{"a":1}', '{"a":1}'],
    ['time', '-838:59:59', '-838:59:59'],
    ['year', 2024, '2024'],
  ])('%s encodes %o as %j', (mysql, value, text) => {
    expect(mapColumnType(mysql).encode(value)).toBe(text);
  });

  it.each([
    [[0x01, 0x02], '258'],
    [[0x00], '0'],
    [[], '0'],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], '18446744073709551615'],
  ])('bit encodes big-endian bytes %j as %s', (bytes, text) => {
    expect(mapColumnType('bit(64)').encode(Buffer.from(bytes))).toBe(text);
  });

  it('bit passes a number through', () => {
    expect(mapColumnType('bit(8)').encode(5)).toBe('5');
  });

  it.each([
    [Buffer.from([0x00, 0xab, 0xff]), '00abff'],
    ['AB', '4142'],
    [Buffer.alloc(0), ''],
  ])('blob encodes %o as hex %j', (value, hex) => {
    expect(mapColumnType('varbinary(10)').encode(value)).toBe(hex);
  });

  it.each([
    ['date', '2024-02-29', '2024-02-29'],
    ['date', '1000-01-01', '1000-01-01'],
    ['datetime', '2024-01-10 12:00:00', '2024-01-10 12:00:00'],
    ['datetime(6)', '2024-01-10 12:00:00.000001', '2024-01-10 12:00:00.000001'],
    ['timestamp', '1970-01-01 00:00:01', '1970-01-01 00:00:01'],
    ['date', '0000-00-00', null],
    ['date', '2024-00-10', null],
    ['date', '2024-01-00', null],
    ['datetime', '0000-00-00 00:00:00', null],
    ['datetime(3)', '2024-00-00 10:00:00.000', null],
  ])('%s encodes %j as %j', (mysql, value, text) => {
    expect(mapColumnType(mysql).encode(value)).toBe(text);
  });

  it.each(['int', 'decimal(5,2)', 'bit(1)', 'blob', 'date', 'datetime(6)', 'varchar(3)', 'json'])('%s encodes null as null', (mysql) => {
    expect(mapColumnType(mysql).encode(null)).toBeNull();
  });
});
