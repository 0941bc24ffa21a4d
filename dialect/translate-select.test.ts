// The parsed, typed SELECT path: MySQL text in, DuckDB SQL out, run on a real (in-memory) DuckDB
// to check the values MySQL would give, and the MySQL types the gateway will describe.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialectUnsupported } from './dialect-error.ts';
import { translate, type DialectCatalog } from './index.ts';

const catalog: DialectCatalog = {
  columns: (db, table) =>
    db === 'shop' && table === 'bill'
      ? [
          { name: 'id', columnType: 'bigint(20) unsigned', nullable: false, primaryKey: true },
          { name: 'amount', columnType: 'decimal(14,2)', nullable: false, primaryKey: false },
          { name: 'note', columnType: 'varchar(20)', nullable: true, primaryKey: false },
          { name: 'qty', columnType: 'int(11)', nullable: true, primaryKey: false },
        ]
      : undefined,
};
const context = { database: 'shop', catalog, systemVariable: (name: string) => (name === 'max_allowed_packet' ? '67108864' : undefined) };

let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
  await conn.run('CREATE SCHEMA shop; USE shop');
  await conn.run('CREATE TABLE bill (id UBIGINT PRIMARY KEY, amount DECIMAL(14,2) NOT NULL, note VARCHAR, qty INTEGER)');
  await conn.run(`INSERT INTO bill VALUES (1, 10.50, 'Paid in FULL', 3), (2, 0.25, NULL, NULL), (3, 99.99, 'a_b%c', -7)`);
});

afterAll(() => {
  conn?.closeSync();
});

/** The first row of the translated statement, as text, with the column names DuckDB reports. */
async function run(sql: string): Promise<{ names: string[]; row: (string | null)[]; rows: (string | null)[][] }> {
  const t = translate(sql, context);
  const reader = await conn.runAndReadAll(t.sql);
  const rows = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
  return { names: reader.columnNames(), row: rows[0] ?? [], rows };
}

describe('literals read exactly', () => {
  it('keeps escapes, hex, bits, exponents and leading-dot decimals', async () => {
    const r = await run(`SELECT 'it''s\\n', "dq", X'4142', b'1000001', 1e3, .5, _binary'x' = 'x'`);
    expect(r.row).toEqual(["it's\n", 'dq', 'AB', 'A', '1000', '0.5', '1']);
    expect(r.names.slice(0, 2)).toEqual(["it's\n", 'dq']);
  });

  it('names expression columns as MySQL does', async () => {
    const r = await run(`SELECT id+1, NULL, 'abc', amount AS total FROM bill`);
    expect(r.names).toEqual(['id+1', 'NULL', 'abc', 'total']);
    expect((await run('SELECT count(*), MAX(qty) FROM bill')).names).toEqual(['count(*)', 'MAX(qty)']);
  });
});

describe('MySQL semantics', () => {
  it.each([
    [`SELECT NULL <=> NULL, 1 <=> NULL, 1 <> 2, 1 != 1`, ['1', '0', '1', '0']],
    [`SELECT LOCATE('full', 'Paid in FULL'), INSTR('abc', 'C'), LOCATE('b', 'abcb', 3)`, ['9', '3', '4']],
    [`SELECT SUBSTRING('abc', 0), SUBSTRING('abcdef', -3, 2), SUBSTRING('abc', 2)`, ['', 'de', 'bc']],
    [`SELECT GREATEST(1, NULL, 3), LEAST(2, 5), IFNULL(NULL, 'x'), IF(0, 'a', 'b')`, [null, '2', 'x', 'b']],
    [`SELECT 7 DIV 2, -7 DIV 2, 7 % 0, 7 / 0, 7 MOD -3`, ['3', '-3', null, null, '1']],
    [`SELECT 7 / 2, 1 / 3`, ['3.5000', '0.3333']],
    [`SELECT CONCAT('a', NULL), CONCAT('a', 1, 'b'), CONCAT_WS('-', 'a', NULL, 'b')`, [null, 'a1b', 'a-b']],
    [`SELECT 'ABC' = 'abc', 'abc' LIKE 'A%', 'x' IN ('X', 'y'), 'b' BETWEEN 'A' AND 'C'`, ['1', '1', '1', '1']],
    [`SELECT 'a_b%c' LIKE 'a\\_b\\%c', 'axb%c' LIKE 'a\\_b%', 'a_b' LIKE 'a|_b' ESCAPE '|'`, ['1', '0', '1']],
    [`SELECT '10' = 10, 'abc' = 0, 2 > '10'`, ['1', '1', '0']],
    [`SELECT CAST('12abc' AS SIGNED), CAST(2.5 AS SIGNED), CONVERT(-1, UNSIGNED INTEGER), CAST(123 AS CHAR(2))`, ['12', '3', '18446744073709551615', '12']],
    [`SELECT DATE_ADD('2024-01-31', INTERVAL 1 MONTH), DATE '2024-02-28' + INTERVAL 2 DAY, DATE_SUB('2024-03-01 10:00:00', INTERVAL 90 MINUTE)`, ['2024-02-29', '2024-03-01', '2024-03-01 08:30:00']],
    [`SELECT @@max_allowed_packet`, ['67108864']],
    [`SELECT CURRENT_DATE = CURDATE(), CURRENT_TIMESTAMP >= CURRENT_DATE, YEAR(NOW()) > 2000`, ['1', '1', '1']],
  ])('%s', async (sql, expected) => {
    expect((await run(sql)).row).toEqual(expected);
  });

  it('puts NULLs first ascending and last descending, and pages with LIMIT offset, count', async () => {
    expect((await run('SELECT qty FROM bill ORDER BY qty')).rows.map((r) => r[0])).toEqual([null, '-7', '3']);
    expect((await run('SELECT qty FROM bill ORDER BY qty DESC')).rows.map((r) => r[0])).toEqual(['3', '-7', null]);
    expect((await run('SELECT id FROM bill ORDER BY id LIMIT 1, 1')).rows).toEqual([['2']]);
  });

  it('ignores index hints and optimizer modifiers, and reads STRAIGHT_JOIN as a join', async () => {
    const r = await run('SELECT SQL_NO_CACHE STRAIGHT_JOIN b.id FROM bill b USE INDEX (PRIMARY) STRAIGHT_JOIN bill c FORCE INDEX FOR JOIN (PRIMARY) ON b.id = c.id ORDER BY 1 DESC LIMIT 1');
    expect(r.rows).toEqual([['3']]);
  });

  it("groups loosely, as MySQL without ONLY_FULL_GROUP_BY: a column outside GROUP BY takes a row's value", async () => {
    expect((await run('SELECT id, note, count(*) AS n FROM bill GROUP BY id ORDER BY id')).rows).toEqual([
      ['1', 'Paid in FULL', '1'],
      ['2', null, '1'],
      ['3', 'a_b%c', '1'],
    ]);
    expect((await run('SELECT id, count(*) FROM bill WHERE id = 2')).rows).toEqual([['2', '1']]);
    expect((await run('SELECT qty > 0 AS positive, note, sum(amount) FROM bill WHERE qty IS NOT NULL GROUP BY positive ORDER BY positive')).rows).toEqual([
      ['0', 'a_b%c', '99.99'],
      ['1', 'Paid in FULL', '10.50'],
    ]);
  });

  it('orders a union as a whole', async () => {
    expect((await run('SELECT id FROM bill WHERE id < 2 UNION ALL SELECT qty FROM bill WHERE qty IS NOT NULL ORDER BY 1 LIMIT 2')).rows).toEqual([['-7'], ['1']]);
  });
});

describe('result column types', () => {
  const types = (sql: string) => translate(sql, context).columns?.map((c) => `${c.name}: ${c.type.columnType}${c.type.nullable ? '' : ' NOT NULL'}${c.type.source ? ` <- ${c.type.source.table}.${c.type.source.column}` : ''}`);

  it('types table columns, aggregates and expressions as MySQL reports them', () => {
    expect(types('SELECT count(*), sum(amount), avg(qty), max(note) FROM bill b')).toEqual(['count(*): bigint(21) NOT NULL', 'sum(amount): decimal(36,2)', 'avg(qty): decimal(14,4)', 'max(note): varchar(20)']);
    expect(types('SELECT id, amount * 2 AS a2, qty + 1 AS q FROM bill b')).toEqual(['id: bigint(20) unsigned NOT NULL <- bill.id', 'a2: decimal(15,2) NOT NULL', 'q: bigint(12)']);
  });

  it('aggregates CASE / IF branches: signed and unsigned BIGINT meet as DECIMAL; strings widen', () => {
    expect(types("SELECT IF(qty > 0, id, qty) AS a, CASE WHEN qty THEN 'x' ELSE note END AS b, NULL AS c, LEAST(id, 2147483647) AS d FROM bill")).toEqual([
      'a: decimal(20,0)',
      'b: varchar(20)',
      'c: null',
      'd: decimal(20,0) NOT NULL',
    ]);
  });

  it('types information_schema columns as the server declares them', () => {
    expect(types("SELECT TABLE_SCHEMA, ORDINAL_POSITION, NULL AS TABLE_SCHEM FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'bill'")).toEqual([
      'TABLE_SCHEMA: varchar(64) NOT NULL <- COLUMNS.TABLE_SCHEMA',
      'ORDINAL_POSITION: bigint(21) unsigned NOT NULL <- COLUMNS.ORDINAL_POSITION',
      'TABLE_SCHEM: null',
    ]);
  });

  it('knows no types for a table outside the catalog', () => {
    expect(translate('SELECT * FROM elsewhere', context).columns).toBeNull();
  });
});

describe('what the dialect does not translate', () => {
  it('is refused naming the construct, never answered some other way', () => {
    expect(() => translate('SELECT SOUNDEX(note) FROM bill', context)).toThrow(DialectUnsupported);
    expect(() => translate('SELECT SOUNDEX(note) FROM bill', context)).toThrow(/the function SOUNDEX\(\)/);
  });
});

describe('logical operators bind as in MySQL', () => {
  it('AND before XOR before OR, whatever the parser groups', async () => {
    // a OR b AND c is a OR (b AND c): with a true and c false the answer is true.
    expect((await run('SELECT 1 OR 1 AND 0, (1 OR 1) AND 0, 1 XOR 1 OR 1, 0 AND 1 OR 1')).row).toEqual(['1', '0', '1', '1']);
    expect((await run('SELECT count(*) FROM bill WHERE id = 1 OR (id = 2) AND id = 3')).row).toEqual(['1']);
  });
});

describe('constructs node-sql-parser reads differently from MySQL', () => {
  it('NOT (x) IS NULL is NOT ((x) IS NULL)', async () => {
    expect((await run('SELECT count(*) FROM bill WHERE NOT (qty) IS NULL')).row).toEqual(['2']);
  });

  it('reads SELECT ALL, COUNT(ALL x) and a signed argument after DISTINCT', async () => {
    expect((await run('SELECT ALL COUNT(ALL qty), SUM(DISTINCT - qty), MIN(DISTINCT amount) FROM bill')).row).toEqual(['2', '4', '0.25']);
  });

  it('reads FROM (a JOIN b) and a parenthesized join on the right', async () => {
    expect((await run('SELECT count(*) FROM (bill a CROSS JOIN bill b)')).row).toEqual(['9']);
    expect((await run('SELECT count(c.id) FROM bill a LEFT JOIN (bill b JOIN bill c ON c.id = b.id) ON b.id = a.id AND a.qty > 0')).row).toEqual(['1']);
  });
});

describe('MySQL semantics the store does not have by itself', () => {
  it('averages exact numbers exactly, so ROUND(AVG(x), 2) rounds as MySQL does', async () => {
    // (10.50 + 0.25 + 99.99) / 3 = 36.913333…; AVG(DECIMAL(14,2)) has 6 decimals.
    expect((await run('SELECT AVG(amount), ROUND(AVG(amount), 2), AVG(qty) FROM bill')).row).toEqual(['36.913333', '36.91', '-2.0000']);
  });

  it('lets HAVING name a select alias', async () => {
    expect((await run('SELECT qty, count(*) AS n FROM bill GROUP BY qty HAVING n > 0 AND qty IS NOT NULL ORDER BY qty')).rows).toEqual([['-7', '1'], ['3', '1']]);
  });

  it('answers EXCEPT and INTERSECT as sets', async () => {
    expect((await run('SELECT id FROM bill EXCEPT SELECT id FROM bill WHERE qty > 0 ORDER BY 1')).rows).toEqual([['2'], ['3']]);
    expect((await run('SELECT id FROM bill INTERSECT SELECT id FROM bill WHERE qty > 0')).rows).toEqual([['1']]);
  });

  it('SUBSTRING_INDEX, TRUNCATE and JSON_EXTRACT / JSON_UNQUOTE as MySQL gives them', async () => {
    expect((await run("SELECT SUBSTRING_INDEX('a.b.c', '.', 2), SUBSTRING_INDEX('a.b.c', '.', -1), TRUNCATE(amount, 1), TRUNCATE(-2.79, 1) FROM bill WHERE id = 3")).row).toEqual(['a.b', 'c', '99.9', '-2.7']);
    expect((await run(`SELECT JSON_EXTRACT('{"a": {"b": 5}, "s": "x"}', '$.a.b'), JSON_EXTRACT('{"s": "x"}', '$.s'), JSON_UNQUOTE(JSON_EXTRACT('{"s": "x"}', '$.s')), JSON_EXTRACT('{"a": 7}', '$.a') > 6, JSON_LENGTH('[1, 2, 3]'), JSON_TYPE('57'), JSON_TYPE('"x"')`)).row).toEqual(['5', '"x"', 'x', '1', '3', 'INTEGER', 'STRING']);
  });

  it('SQL_CALC_FOUND_ROWS counts the rows without the LIMIT', () => {
    const t = translate('SELECT SQL_CALC_FOUND_ROWS id FROM bill ORDER BY id LIMIT 1', context);
    expect(t.foundRowsSql).toMatch(/^SELECT count\(\*\) FROM \(/);
    expect(t.foundRowsSql).not.toMatch(/LIMIT/);
  });
});
