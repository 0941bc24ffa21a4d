// The data of the MySQL-semantics corpus: the values real tables hold and toy data lacks — names
// that differ only in case, accents or trailing spaces; per-column collations (general_ci, bin,
// unicode_ci); doubles at the ends of the range; unsigned and signed integer edges; DECIMAL with
// its scale; month-end and year-end dates; ENUM, SET, JSON; NULL in every column.

/** The source database; another name (INSTAQUERY_SEMANTICS_DB) lets two runs share the source. */
export const SEMANTICS_DB = process.env.INSTAQUERY_SEMANTICS_DB ?? 'it_semantics';

export const SEMANTICS_SETUP = [
  `CREATE TABLE people (
     id INT NOT NULL PRIMARY KEY,
     name VARCHAR(40),
     name_bin VARCHAR(40) COLLATE utf8mb4_bin,
     name_uni VARCHAR(40) COLLATE utf8mb4_unicode_ci,
     code CHAR(6),
     note TEXT,
     status ENUM('open','closed','void'),
     tags SET('a','b','vip'),
     born DATE,
     seen DATETIME(6),
     at_time TIME,
     yr YEAR,
     score DOUBLE,
     ratio FLOAT,
     amount DECIMAL(12,2),
     big BIGINT,
     ubig BIGINT UNSIGNED,
     u INT UNSIGNED,
     tiny TINYINT,
     flag TINYINT(1),
     doc JSON
   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `CREATE TABLE orders (
     id INT NOT NULL PRIMARY KEY,
     person_id INT,
     customer VARCHAR(40),
     total DECIMAL(10,2),
     placed DATE
   ) DEFAULT CHARSET=utf8mb4`,
  `INSERT INTO people VALUES
     (1, 'bob', 'bob', 'bob', 'ab', 'first', 'open', 'a', '1990-02-28', '2024-01-31 23:59:59.000000', '10:15:00', 1990, 1e308, 0.5, 120.50, 9223372036854775807, 18446744073709551615, 4294967295, 127, 1, '{"vip": true, "n": 1}'),
     (2, 'Bob', 'Bob', 'Bob', 'AB', 'a_b%c', 'closed', 'b', '2024-02-29', '2024-02-29 08:30:45.123456', '-01:00:00', 2024, -15000000000, 1.25, 99.99, -9223372036854775808, 0, 0, -128, 0, '{"vip": false, "n": 2.5}'),
     (3, 'bob ', 'bob ', 'bob ', 'ab ', 'Alice', 'void', 'a,b', '2023-12-31', '2023-12-31 23:59:59.999999', '838:59:59', 2023, 1e16, 3.14159, 0.00, 0, 1, 1, 0, NULL, '{"vip": null, "tags": ["x", "y"]}'),
     (4, 'BOB', 'BOB', 'BOB', 'Ab', 'alice', 'open', 'vip', '2024-12-31', '2024-12-31 00:00:00.000000', '00:00:00', 2000, 1e-10, 1e-5, -0.01, 1, 2, 2, 1, 1, '[1, 2, 3]'),
     (5, 'Zoë', 'Zoë', 'Zoë', 'zoe', 'Zoë', 'closed', 'a,vip', '2025-12-29', '2025-12-29 12:00:00.500000', '23:59:59', 2025, 0.1, 0.1, 1000000000.99, 4294967296, 9223372036854775808, 3000000000, -1, 0, '"text"'),
     (6, 'zoe', 'zoe', 'zoe', 'ZOE', 'zoe', NULL, '', '2000-01-01', '2000-01-01 00:00:00.000001', '12:00:00.5', 1970, 2.5, 2.5, 5.05, -1, 4294967295, 65536, 100, 1, '{"vip": true, "n": 10}'),
     (7, 'Zoe ', 'Zoe ', 'Zoe ', 'zoé', 'Zoe ', 'void', 'b,vip', '2024-01-31', '2024-03-01 00:00:00.000000', '-838:59:59', 1999, -0.5, -2.5, 7.50, 2147483647, 12345678901234567890, 123, 5, 0, '{"a": {"b": [1, {"c": 2}]}}'),
     (8, 'Émile', 'Émile', 'Émile', 'E', 'Émile', 'open', 'a,b,vip', '2023-02-28', '2023-02-28 13:14:15.000000', '01:02:03', 2155, 123456789.123, 1234567.89, 12345.67, -2147483648, 100, 7, 64, 1, '{"vip": "yes"}'),
     (9, 'emile', 'emile', 'emile', 'e', 'emile', 'closed', 'a', '2024-03-31', '2024-02-01 00:00:00.000000', '00:00:01', 1901, 1.5e-300, 3.4e38, -999999999.99, 9007199254740993, 9007199254740993, 4000000000, -100, 0, '{}'),
     (10, 'straße', 'straße', 'straße', 'ß', 'straße', 'void', 'a', '2024-04-30', '2024-04-30 23:00:00.000000', '100:00:00', 2010, 100, 100, 100.00, 100, 100, 100, 10, 1, '{"n": -1}'),
     (11, 'strasse', 'strasse', 'strasse', 'ss', 'strasse', 'open', 'b', '2024-05-31', '2024-05-31 10:00:00.000000', '05:00:00', 2011, -1e-7, -1e-3, 0.01, 10, 10, 10, 11, 0, '{"vip": 1}'),
     (12, 'Strasse', 'Strasse', 'Strasse', 'SS', 'Strasse', 'closed', NULL, '2024-06-30', '2024-06-30 10:00:00.000000', '06:00:00', 2012, 3.0, 3, 3.00, 3, 3, 3, 3, 1, 'null'),
     (13, 'Alice', 'Alice', 'Alice', 'Al', 'bob', 'open', 'a', '2024-07-31', '2024-07-31 10:00:00.000000', '07:00:00', 2013, 1234.5678, 12.34, 12.34, 12, 12, 12, 12, 0, '{"vip": true}'),
     (14, 'alice', 'alice', 'alice', 'al', 'BOB', 'void', 'b', '2024-08-31', '2024-08-31 10:00:00.000000', '08:00:00', 2014, 0, 0, 0.00, 0, 0, 0, 0, 0, '{"vip": false}'),
     (15, 'a_b%c', 'a_b%c', 'a_b%c', 'a_', 'a%', 'open', 'vip', '2024-09-30', '2024-09-30 10:00:00.000000', '09:00:00', 2015, 1e15, 1e15, 999999999.99, 1000000000000000000, 1000000000000000000, 1000000000, 99, 1, '{"vip": true, "n": 1e3}'),
     (16, '', '', '', '', '', 'closed', 'a', '2024-10-31', '2024-10-31 10:00:00.000000', '10:00:00', 2016, -1.5, -1.5, -1.50, -5, 5, 5, -5, 0, '{"vip": false}'),
     (17, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (18, ' lead', ' lead', ' lead', ' x', ' lead', 'open', 'a', '2024-11-30', '2024-11-30 10:00:00.000000', '11:00:00', 2017, 12345678912345678, 0.333333, 0.33, 99, 99, 99, 9, 1, '{"vip": true, "name": "Zoë"}'),
     (19, 'Ångström', 'Ångström', 'Ångström', 'Å', 'Ångström', 'void', 'b', '2020-02-29', '2020-02-29 10:00:00.000000', '12:30:00', 2020, -1e308, -3.4e38, -12.34, -99, 99, 99, -9, 0, '{"vip": false}'),
     (20, 'ángel', 'ángel', 'ángel', 'á', 'ángel', 'open', 'a,b', '2021-01-31', '2021-01-31 10:00:00.000000', '13:30:00', 2021, 5e-324, 1.175494e-38, 0.05, 5, 5, 5, 5, 1, '{"vip": true, "n": 0}')`,
  `INSERT INTO orders VALUES
     (1, 1, 'Acme', 10.00, '2024-01-31'), (2, 2, 'acme', 20.50, '2024-02-29'), (3, 2, 'ACME ', 30.25, '2024-03-31'),
     (4, 5, 'Zoë', 40.00, '2024-12-31'), (5, 6, 'zoe', 50.00, NULL), (6, NULL, NULL, NULL, '2023-02-28'),
     (7, 99, 'Émile', 0.01, '2024-02-29'), (8, 8, 'emile', -5.00, '2024-02-28'), (9, 10, 'straße', 1.00, '2024-04-30'),
     (10, 11, 'strasse', 2.00, '2024-05-31'), (11, 13, 'Alice', 3.00, '2024-07-31'), (12, 14, 'alice ', 4.00, '2024-08-31')`,
];
