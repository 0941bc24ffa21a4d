// The long-tail corpus, class "temporal": see ./corpus-query.ts. Dates and times as applications,
// ORMs and BI tools use them: parsing (STR_TO_DATE), formatting (DATE_FORMAT, TIME_FORMAT),
// week numbering in every mode, time zones, TIME arithmetic beyond 24 hours and below zero,
// compound INTERVAL units and EXTRACT fields, over month ends, leap days, year boundaries and NULLs.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';

const q = (construct: string, sql: string): LongTailQuery => ({ category: `temporal: ${construct}`, sql });

/** Every day from Dec 24 to Jan 8 around the turn of 2019..2027: where week numbers differ by mode. */
function yearTurnDays(): string {
  const rows: string[] = [];
  let id = 1;
  for (let y = 2018; y <= 2026; y++) {
    for (let t = Date.UTC(y, 11, 24); t <= Date.UTC(y + 1, 0, 8); t += 86_400_000) rows.push(`(${id++}, '${new Date(t).toISOString().slice(0, 10)}')`);
  }
  return `INSERT INTO lt_temporal_days VALUES ${rows.join(', ')}`;
}

const setup = [
  `CREATE TABLE lt_temporal_days (id INT NOT NULL PRIMARY KEY, d DATE NOT NULL)`,
  yearTurnDays(),
  `CREATE TABLE lt_temporal_events (
     id INT NOT NULL PRIMARY KEY,
     label VARCHAR(20),
     at DATETIME(3),
     stamp DATETIME,
     day DATE,
     dur TIME(3),
     span TIME,
     dmy VARCHAR(20),
     mdy_hms VARCHAR(30),
     compact VARCHAR(12),
     spoken VARCHAR(20),
     period INT,
     secs INT,
     days INT
   ) DEFAULT CHARSET=utf8mb4`,
  `INSERT INTO lt_temporal_events VALUES
     (1, 'dst-us-spring', '2024-03-10 02:30:00.125', '2024-03-10 07:30:00', '2024-03-10', '00:00:00.500', '25:30:00', '10/03/2024', '03/10/2024 02:30:00', '20240310', 'Mar 10 2024', 202403, 3600, 739320),
     (2, 'dst-us-fall', '2024-11-03 01:30:00.000', '2024-11-03 06:30:00', '2024-11-03', '-00:00:00.500', '-25:30:00', '03/11/2024', '11/03/2024 01:30:00', '20241103', 'Nov 3 2024', 202411, -3600, 730000),
     (3, 'leap', '2024-02-29 23:59:59.999', '2024-02-29 23:59:59', '2024-02-29', '838:59:59.000', '838:59:59', '29/02/2024', '02/29/2024 23:59:59', '20240229', 'Feb 29 2024', 202402, 86399, 738945),
     (4, 'not-leap', '2023-02-28 00:00:00.001', '2023-02-28 00:00:00', '2023-02-28', '-838:59:59.000', '-838:59:59', '29/02/2023', '02/30/2023 10:00:00', '20230230', 'Feb 30 2023', 202302, 86400, 1),
     (5, 'epoch-edge', '1970-01-01 00:00:00.000', '1970-01-01 00:00:01', '1970-01-01', '23:59:59.999', '24:00:00', '01/01/1970', '01/01/1970 00:00:00', '19700101', 'Jan 1 1970', 197001, 0, 719528),
     (6, 'before-epoch', '1969-12-31 23:59:59.500', '1969-12-31 23:59:59', '1969-12-31', '-12:30:15.250', '-00:00:01', '31/12/1969', '12/31/1969 23:59:59', '19691231', 'Dec 31 1969', 196912, -1, 719527),
     (7, 'y2038', '2038-01-19 03:14:07.999', '2038-01-19 03:14:08', '2038-01-19', '100:00:00.010', '100:00:00', '19/01/2038', '01/19/2038 03:14:07', '20380119', 'Jan 19 2038', 203801, 3020399, 744383),
     (8, 'far', '9999-12-31 23:59:59.999', '9999-12-31 23:59:59', '9999-12-31', '00:00:00.000', '00:00:00', '31/12/9999', '12/31/9999 23:59:59', '99991231', 'Dec 31 9999', 999912, 3020400, 3652424),
     (9, 'ancient', '1000-01-01 00:00:00.000', '1000-01-01 00:00:00', '1000-01-01', '01:02:03.456', '01:02:03', '01/01/1000', '01/01/1000 00:00:00', '10000101', 'Jan 1 1000', 100001, -3020400, 365243),
     (10, 'garbage', NULL, NULL, NULL, NULL, NULL, 'not a date', '13/45/2024 99:99:99', '2024', 'Smarch 1 2024', 2413, NULL, 0),
     (11, 'nulls', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (12, 'month-end', '2024-01-31 12:00:00.000', '2024-01-31 12:00:00', '2024-01-31', '12:00:00.000', '12:00:00', '31/01/2024', '01/31/2024 12:00:00', '20240131', 'Jan 31 2024', 202401, 45296, 739281),
     (13, 'year-end', '2024-12-31 23:59:59.000', '2024-12-31 23:59:59', '2024-12-31', '-00:59:59.999', '-00:59:59', '31/12/2024', '12/31/2024 23:59:59', '20241231', 'Dec 31 2024', 202412, 59, 739616),
     (14, 'noon-pm', '2025-06-15 12:00:00.000', '2025-06-15 00:00:00', '2025-06-15', '12:00:00.000', '13:00:00', '15/06/2025', '06/15/2025 12:00:00', '20250615', 'Jun 15 2025', 202506, 43200, 739782)`,
];

const stampsSetup = [
  `CREATE TABLE lt_temporal_stamps (id INT NOT NULL PRIMARY KEY, logged TIMESTAMP(3) NULL, touched TIMESTAMP NULL, note VARCHAR(10))`,
  // Written in the source's own zone (UTC): the instants are these.
  `INSERT INTO lt_temporal_stamps VALUES (1, '2024-01-01 10:00:00.500', '2024-03-10 06:59:59', 'a'), (2, '2024-11-03 05:30:00.000', '2024-11-03 06:30:00', 'b'), (3, NULL, '1970-01-01 00:00:01', NULL), (4, '2038-01-19 03:14:07.999', '2024-06-30 23:00:00', 'd')`,
];

const DATE_SPECIFIERS = ['%a', '%b', '%c', '%D', '%d', '%e', '%f', '%H', '%h', '%I', '%i', '%j', '%k', '%l', '%M', '%m', '%p', '%r', '%S', '%s', '%T', '%U', '%u', '%V', '%v', '%W', '%w', '%X', '%x', '%Y', '%y', '%%'];

function dateFormat(): LongTailQuery[] {
  const out: LongTailQuery[] = [];
  // Every specifier over a DATETIME(6) (month ends, leap days, NULL) and the year-turn days.
  for (const s of DATE_SPECIFIERS) out.push(q('DATE_FORMAT', `SELECT id, DATE_FORMAT(seen, '${s}') AS f FROM people ORDER BY id`));
  for (const s of ['%U', '%u', '%V', '%v', '%X', '%x', '%j', '%a %W', '%D']) out.push(q('DATE_FORMAT', `SELECT d, DATE_FORMAT(d, '${s}') AS f FROM lt_temporal_days ORDER BY d`));
  out.push(
    q('DATE_FORMAT', `SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') AS f FROM lt_temporal_events ORDER BY id`),
    q('DATE_FORMAT', `SELECT id, DATE_FORMAT(at, '%W, %M %D, %Y %r') AS f FROM lt_temporal_events ORDER BY id`),
    q('DATE_FORMAT', `SELECT id, DATE_FORMAT(day, '%d.%m.%y %H:%i') AS f FROM lt_temporal_events ORDER BY id`),
    q('DATE_FORMAT', `SELECT DATE_FORMAT(placed, '%Y-%m') AS month, COUNT(*) AS n, SUM(total) AS total FROM orders GROUP BY DATE_FORMAT(placed, '%Y-%m') ORDER BY month`),
    q('DATE_FORMAT', `SELECT DATE_FORMAT(born, '%b %Y') AS m FROM people WHERE born IS NOT NULL ORDER BY born`),
    q('DATE_FORMAT', `SELECT DATE_FORMAT('2024-02-29 13:05:09.012345', '%h:%i %p | %l %k %I %f') AS f`),
    q('DATE_FORMAT', `SELECT DATE_FORMAT('2024-13-01', '%Y') AS bad, DATE_FORMAT(NULL, '%Y') AS n, DATE_FORMAT('2024-01-05', '%% %q %Y') AS unknown_spec`),
    q('DATE_FORMAT', `SELECT DATE_FORMAT(stamp, '%x-W%v') AS iso_week, COUNT(*) AS n FROM lt_temporal_events GROUP BY 1 ORDER BY 1`),
  );
  return out;
}

const TIME_SPECIFIERS = ['%H', '%k', '%h', '%I', '%l', '%i', '%s', '%S', '%f', '%p', '%T', '%r', '%H:%i', '%%'];

function timeFormat(): LongTailQuery[] {
  const out = TIME_SPECIFIERS.map((s) => q('TIME_FORMAT', `SELECT id, TIME_FORMAT(at_time, '${s}') AS f FROM people ORDER BY id`));
  out.push(
    q('TIME_FORMAT', `SELECT id, TIME_FORMAT(dur, '%H:%i:%s.%f') AS f, TIME_FORMAT(span, '%k h %i min') AS g FROM lt_temporal_events ORDER BY id`),
    q('TIME_FORMAT', `SELECT TIME_FORMAT('14:05:09', '%h:%i %p') AS a, TIME_FORMAT('100:00:00', '%H %k %h') AS b, TIME_FORMAT('-01:30:00', '%H:%i') AS c`),
    q('TIME_FORMAT', `SELECT id, TIME_FORMAT(seen, '%H:%i:%s') AS f FROM people ORDER BY id`),
  );
  return out;
}

function week(): LongTailQuery[] {
  const out: LongTailQuery[] = [];
  for (let m = 0; m <= 7; m++) {
    out.push(q('WEEK', `SELECT d, WEEK(d, ${m}) AS w FROM lt_temporal_days ORDER BY d`));
    out.push(q('YEARWEEK', `SELECT d, YEARWEEK(d, ${m}) AS yw FROM lt_temporal_days ORDER BY d`));
  }
  for (const m of [0, 1, 3, 5]) out.push(q('WEEK', `SELECT id, WEEK(born, ${m}) AS wb, WEEK(seen, ${m}) AS ws FROM people ORDER BY id`));
  out.push(
    q('WEEK', `SELECT id, WEEK(born) AS w, YEARWEEK(born) AS yw, WEEKOFYEAR(born) AS woy FROM people ORDER BY id`),
    q('YEARWEEK', `SELECT YEARWEEK(placed, 1) AS wk, COUNT(*) AS n FROM orders GROUP BY YEARWEEK(placed, 1) ORDER BY wk`),
    q('YEARWEEK', `SELECT YEARWEEK('2024-12-30', 3) AS a, YEARWEEK('2021-01-03') AS b, WEEK('2021-01-03', 2) AS c, YEARWEEK(NULL) AS d`),
    q('WEEK', `SELECT WEEKOFYEAR(d) AS w, MIN(d) AS first_day FROM lt_temporal_days GROUP BY WEEKOFYEAR(d) ORDER BY w`),
  );
  return out;
}

function strToDate(): LongTailQuery[] {
  const literals: [string, string][] = [
    ['2024-02-29', '%Y-%m-%d'], ['2023-02-29', '%Y-%m-%d'], ['31/01/2024', '%d/%m/%Y'], ['1/2/2024', '%d/%m/%Y'],
    ['01/31/2024 13:45:10', '%m/%d/%Y %H:%i:%s'], ['20240131', '%Y%m%d'], ['Feb 29 2024', '%b %e %Y'], ['February 5 2024', '%M %e %Y'],
    ['Thursday 2024-02-29', '%W %Y-%m-%d'], ['01:30 PM', '%h:%i %p'], ['12:15 AM', '%h:%i %p'], ['2024-01-31 10:11:12.345', '%Y-%m-%d %H:%i:%s.%f'],
    ['10:11:12', '%H:%i:%s'], ['2024-01-31 10:11', '%Y-%m-%d %H:%i'], ['24-01-31', '%y-%m-%d'], ['75-01-31', '%y-%m-%d'],
    ['not a date', '%Y-%m-%d'], ['2024-13-01', '%Y-%m-%d'], ['2024-01-31', '%d/%m/%Y'], ['', '%Y-%m-%d'],
    ['2024-01-31 25:00:00', '%Y-%m-%d %H:%i:%s'], ['31.01.2024', '%d.%m.%Y'], ['2024/1/5', '%Y/%c/%e'], ['5th January 2024', '%D %M %Y'],
    ['2024-01-31T10:11:12', '%Y-%m-%dT%H:%i:%s'], ['2024', '%Y'], ['2024-02', '%Y-%m'], ['10:11:12.5', '%T.%f'], ['1:02:03 PM', '%r'],
    ['2024-x', '%Y-%m'], ['x2024', '%@%Y'], ['2024-01-31 10:', '%Y-%m-%d %H:%i'], ['10:xx', '%H:%i'], ['2024-01-05 PM', '%Y-%m-%d %p'], ['%', '%%'], ['2024q', '%Y%q'], ['abc', 'abc'], ['2024-01-05', '%Y-%m-%d%%'],
    ['  2024-01-05', '%Y-%m-%d'], ['2024 01 05', '%Y%m%d'], ['2024-1-5 9:5:3', '%Y-%c-%e %k:%i:%s'], ['2024-01-05 12:00:00 AM', '%Y-%m-%d %r'], ['monday 2024', '%W %Y'],
    ['Tu 2024-01-01', '%a %Y-%m-%d'], ['T 2024-01-01', '%W %Y-%m-%d'], ['2024-01-05 13', '%Y-%m-%d %l'], ['00001', '%Y'], ['2024-01-05 .5', '%Y-%m-%d %f'],
    ['2024-01-05 10:20:30.1234567', '%Y-%m-%d %T.%f'], ['99-12-31', '%y-%m-%d'],
  ];
  const out = literals.map(([s, f]) => q('STR_TO_DATE', `SELECT STR_TO_DATE('${s}', '${f}') AS v`));
  out.push(
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(dmy, '%d/%m/%Y') AS v FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(mdy_hms, '%m/%d/%Y %H:%i:%s') AS v FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(compact, '%Y%m%d') AS v FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(spoken, '%b %e %Y') AS v FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT id FROM lt_temporal_events WHERE STR_TO_DATE(dmy, '%d/%m/%Y') >= '2024-01-01' ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, DATEDIFF(STR_TO_DATE(compact, '%Y%m%d'), day) AS off FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(DATE_FORMAT(seen, '%d/%m/%Y %H:%i:%s'), '%d/%m/%Y %H:%i:%s') AS back FROM people ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(mdy_hms, '%m/%d/%Y') AS v FROM lt_temporal_events ORDER BY id`),
  );
  return out;
}

function convertTz(): LongTailQuery[] {
  const out: LongTailQuery[] = [];
  for (const [from, to] of [['+00:00', '+05:30'], ['+00:00', '-08:00'], ['-08:00', '+00:00'], ['+05:30', '-03:00'], ['+14:00', '-12:00']]) {
    out.push(q('CONVERT_TZ', `SELECT id, CONVERT_TZ(seen, '${from}', '${to}') AS v FROM people ORDER BY id`));
    out.push(q('CONVERT_TZ', `SELECT id, CONVERT_TZ(at, '${from}', '${to}') AS v, CONVERT_TZ(stamp, '${from}', '${to}') AS w FROM lt_temporal_events ORDER BY id`));
  }
  for (const [from, to] of [['UTC', 'America/New_York'], ['America/New_York', 'UTC'], ['Europe/Berlin', 'Asia/Kolkata'], ['UTC', 'Australia/Lord_Howe'], ['US/Pacific', 'UTC'], ['UTC', 'Mars/Olympus']]) {
    out.push(q('CONVERT_TZ named', `SELECT id, CONVERT_TZ(stamp, '${from}', '${to}') AS v FROM lt_temporal_events ORDER BY id`));
  }
  out.push(
    q('CONVERT_TZ', `SELECT CONVERT_TZ('2024-01-31 23:00:00', '+00:00', '+01:00') AS a, CONVERT_TZ('2024-01-31', '+00:00', '+10:00') AS b, CONVERT_TZ(NULL, '+00:00', '+01:00') AS c`),
    q('CONVERT_TZ', `SELECT CONVERT_TZ('2024-02-29 12:00:00.123456', '+00:00', '-00:30') AS a, CONVERT_TZ('not a date', '+00:00', '+01:00') AS b`),
    q('CONVERT_TZ', `SELECT CONVERT_TZ('2024-01-01 00:00:00', '+15:00', '+00:00') AS a, CONVERT_TZ('2024-01-01 00:00:00', '+00:00', 'junk') AS b`),
    q('CONVERT_TZ', `SELECT id, DATE(CONVERT_TZ(seen, '+00:00', '-05:00')) AS local_day FROM people ORDER BY id`),
    q('CONVERT_TZ named', `SELECT CONVERT_TZ('2024-03-10 02:30:00', 'America/New_York', 'UTC') AS gap, CONVERT_TZ('2024-11-03 01:30:00', 'America/New_York', 'UTC') AS fold, CONVERT_TZ('2024-07-01 12:00:00', 'Europe/London', 'Asia/Tokyo') AS summer`),
    q('CONVERT_TZ named', `SELECT CONVERT_TZ('2024-06-01 12:00:00', 'UTC', '+02:00') AS a, CONVERT_TZ('2024-06-01 12:00:00', '+02:00', 'Europe/Paris') AS b, CONVERT_TZ('1965-06-01 12:00:00', 'UTC', 'Europe/Paris') AS c`),
  );
  return out;
}

function timeValues(): LongTailQuery[] {
  return [
    q('TIMEDIFF', `SELECT id, TIMEDIFF(seen, '2024-01-01 00:00:00') AS d FROM people ORDER BY id`),
    q('TIMEDIFF', `SELECT id, TIMEDIFF(at_time, '01:00:00') AS d FROM people ORDER BY id`),
    q('TIMEDIFF', `SELECT id, TIMEDIFF(dur, span) AS d, TIMEDIFF(span, dur) AS e FROM lt_temporal_events ORDER BY id`),
    q('TIMEDIFF', `SELECT TIMEDIFF('2024-03-01 00:00:00', '2024-02-28 23:00:00.5') AS a, TIMEDIFF('10:00:00', '2024-01-01 00:00:00') AS mixed, TIMEDIFF('2000-01-01 00:00:00', '2024-01-01 00:00:00') AS clamped`),
    q('TIMEDIFF', `SELECT id, TIMEDIFF(at, stamp) AS d FROM lt_temporal_events ORDER BY id`),
    q('TIME', `SELECT id, TIME(seen) AS t, TIME(born) AS tb, TIME(at_time) AS tt FROM people ORDER BY id`),
    q('TIME', `SELECT TIME('2024-01-31 10:11:12.345') AS a, TIME('10:11') AS b, TIME('junk') AS c, TIME('1 02:03:04') AS d`),
    q('TIME', `SELECT id, TIME(at) AS t FROM lt_temporal_events ORDER BY id`),
    q('CAST AS TIME', `SELECT id, CAST(seen AS TIME) AS t, CAST(seen AS TIME(6)) AS t6, CAST(seen AS TIME(2)) AS t2 FROM people ORDER BY id`),
    q('CAST AS TIME', `SELECT id, CAST(at_time AS TIME(1)) AS t FROM people ORDER BY id`),
    q('CAST AS TIME', `SELECT CAST('12:30' AS TIME) AS a, CAST('838:59:59' AS TIME) AS b, CAST('-12:00:00.75' AS TIME(2)) AS c, CAST('900:00:00' AS TIME) AS d, CAST('abc' AS TIME) AS e`),
    q('CAST AS TIME', `SELECT id, CAST(dur AS TIME) AS t, CONVERT(span, TIME(3)) AS u FROM lt_temporal_events ORDER BY id`),
    q('CAST AS TIME', `SELECT id, CAST(at_time AS DATETIME) AS dt FROM people WHERE id IN (1, 4, 5) ORDER BY id`),
    q('TIME column', `SELECT id, HOUR(at_time) AS h, MINUTE(at_time) AS m, SECOND(at_time) AS s, MICROSECOND(at_time) AS us FROM people ORDER BY id`),
    q('TIME column', `SELECT id, at_time FROM people WHERE at_time > '24:00:00' OR at_time < '00:00:00' ORDER BY at_time`),
    q('TIME column', `SELECT id, HOUR(dur) AS h, MINUTE(dur) AS m, SECOND(dur) AS s, MICROSECOND(dur) AS us FROM lt_temporal_events ORDER BY id`),
    q('TIME column', `SELECT MIN(at_time) AS lo, MAX(at_time) AS hi FROM people`),
    q('TIME column', `SELECT id, at_time + 0 AS n, at_time * 1 AS m FROM people ORDER BY id`),
    q('TIME column', `SELECT id, dur FROM lt_temporal_events ORDER BY dur, id`),
    q('MAKEDATE', `SELECT MAKEDATE(2024, 60) AS a, MAKEDATE(2023, 365) AS b, MAKEDATE(2024, 366) AS c, MAKEDATE(2024, 0) AS d, MAKEDATE(2024, 400) AS e, MAKEDATE(69, 1) AS f`),
    q('MAKEDATE', `SELECT id, MAKEDATE(yr, 1) AS jan1 FROM people ORDER BY id`),
    q('MAKEDATE', `SELECT id, MAKEDATE(2024, days % 500) AS d FROM lt_temporal_events ORDER BY id`),
    q('MAKETIME', `SELECT MAKETIME(12, 15, 30) AS a, MAKETIME(838, 59, 59) AS b, MAKETIME(-1, 30, 0) AS c, MAKETIME(10, 60, 0) AS d, MAKETIME(900, 0, 0) AS e, MAKETIME(1, 2, 3.5) AS f`),
    q('MAKETIME', `SELECT id, MAKETIME(tiny, 0, 0) AS t FROM people ORDER BY id`),
    q('FROM_DAYS', `SELECT FROM_DAYS(739281) AS a, FROM_DAYS(730485) AS b, FROM_DAYS(366) AS c, FROM_DAYS(0) AS d, FROM_DAYS(NULL) AS e`),
    q('FROM_DAYS', `SELECT id, FROM_DAYS(days) AS d FROM lt_temporal_events ORDER BY id`),
    q('TO_DAYS', `SELECT id, TO_DAYS(born) AS a, TO_DAYS(seen) AS b FROM people ORDER BY id`),
    q('TO_DAYS', `SELECT id, TO_DAYS(day) AS a, FROM_DAYS(TO_DAYS(day) + 1) AS next FROM lt_temporal_events ORDER BY id`),
    q('TO_DAYS', `SELECT TO_DAYS('2024-02-29') AS a, TO_DAYS('junk') AS b, TO_DAYS(20240229) AS c`),
    q('SEC_TO_TIME', `SELECT id, SEC_TO_TIME(secs) AS t FROM lt_temporal_events ORDER BY id`),
    q('SEC_TO_TIME', `SELECT SEC_TO_TIME(3661) AS a, SEC_TO_TIME(-3661) AS b, SEC_TO_TIME(4000000) AS c, SEC_TO_TIME(90.5) AS d, SEC_TO_TIME(NULL) AS e, SEC_TO_TIME(0) AS f`),
    q('SEC_TO_TIME', `SELECT SEC_TO_TIME(SUM(TIME_TO_SEC(at_time))) AS total FROM people`),
    q('TIME_TO_SEC', `SELECT id, TIME_TO_SEC(at_time) AS s FROM people ORDER BY id`),
    q('TIME_TO_SEC', `SELECT id, TIME_TO_SEC(dur) AS s, TIME_TO_SEC(span) AS t FROM lt_temporal_events ORDER BY id`),
    q('TIME_TO_SEC', `SELECT TIME_TO_SEC('22:23:00') AS a, TIME_TO_SEC('-01:00:00.5') AS b, TIME_TO_SEC('2024-01-01 10:00:00') AS c, TIME_TO_SEC(seen) AS d FROM people WHERE id = 2`),
    q('TIME_TO_SEC', `SELECT AVG(TIME_TO_SEC(at_time)) AS avg_s FROM people WHERE at_time BETWEEN '00:00:00' AND '23:59:59'`),
    q('ADDTIME', `SELECT id, ADDTIME(seen, '01:00:00') AS a, ADDTIME(seen, '1 02:03:04.5') AS b FROM people ORDER BY id`),
    q('ADDTIME', `SELECT id, ADDTIME(at_time, '01:30:00') AS a, SUBTIME(at_time, '01:30:00') AS b FROM people ORDER BY id`),
    q('ADDTIME', `SELECT id, ADDTIME(dur, span) AS a, SUBTIME(at, dur) AS b FROM lt_temporal_events ORDER BY id`),
    q('ADDTIME', `SELECT ADDTIME('2024-02-28 23:00:00', '02:00:00') AS a, ADDTIME('10:00:00', '-11:00:00') AS b, SUBTIME('2024-03-01', '00:00:01') AS c, ADDTIME('800:00:00', '100:00:00') AS d`),
    q('TIMESTAMP', `SELECT id, TIMESTAMP(born) AS a, TIMESTAMP(born, at_time) AS b FROM people ORDER BY id`),
    q('TIMESTAMP', `SELECT TIMESTAMP('2024-02-29') AS a, TIMESTAMP('2024-02-29', '25:00:00') AS b, TIMESTAMP('2024-02-29 10:00:00', '-01:00:00.25') AS c, TIMESTAMP('junk') AS d`),
    q('TIMESTAMP', `SELECT id, TIMESTAMP(day, dur) AS a FROM lt_temporal_events ORDER BY id`),
  ];
}

const COMPOUND: [string, string[]][] = [
  ['YEAR_MONTH', ["'1-1'", "'0-13'", "'-1-6'", "'2'"]],
  ['DAY_HOUR', ["'1 12'", "'-1 1'", "'30'"]],
  ['DAY_MINUTE', ["'1 01:30'", "'0 0:90'"]],
  ['DAY_SECOND', ["'1 02:03:04'", "'-1 00:00:01'", "'2:03:04'"]],
  ['DAY_MICROSECOND', ["'1 02:03:04.5'", "'0 0:0:0.000001'"]],
  ['HOUR_MINUTE', ["'1:30'", "'-0:30'", "'90'"]],
  ['HOUR_SECOND', ["'25:00:01'", "'1:1:1'"]],
  ['HOUR_MICROSECOND', ["'1:00:00.25'"]],
  ['MINUTE_SECOND', ["'1:30'", "'100:00'"]],
  ['MINUTE_MICROSECOND', ["'1:30.5'"]],
  ['SECOND_MICROSECOND', ["'1.5'", "'-0.000001'"]],
];

function intervals(): LongTailQuery[] {
  const out: LongTailQuery[] = [];
  for (const [unit, amounts] of COMPOUND) {
    for (const a of amounts) out.push(q('INTERVAL compound', `SELECT id, DATE_ADD(seen, INTERVAL ${a} ${unit}) AS a, born - INTERVAL ${a} ${unit} AS b FROM people ORDER BY id`));
    out.push(q('INTERVAL compound', `SELECT DATE_SUB('2024-03-31 00:00:00', INTERVAL ${amounts[0]} ${unit}) AS a, '2024-02-29' + INTERVAL ${amounts[0]} ${unit} AS b, DATE_ADD(NULL, INTERVAL ${amounts[0]} ${unit}) AS c`));
  }
  out.push(
    q('INTERVAL compound', `SELECT id, stamp + INTERVAL '1-1' YEAR_MONTH AS a, day + INTERVAL '1 1' DAY_HOUR AS b, at - INTERVAL '0:0:1' HOUR_SECOND AS c FROM lt_temporal_events ORDER BY id`),
    q('INTERVAL compound', `SELECT id FROM orders WHERE placed > '2024-01-31' - INTERVAL '0-1' YEAR_MONTH ORDER BY id`),
    q('INTERVAL compound', `SELECT ADDDATE('2024-01-31', INTERVAL '1-1' YEAR_MONTH) AS a, SUBDATE('2024-03-31 10:00:00', INTERVAL '1 10' DAY_HOUR) AS b, DATE_ADD('2024-01-31', INTERVAL 1.5 DAY_HOUR) AS c`),
    q('INTERVAL', `SELECT id, DATE_ADD(born, INTERVAL 1 MONTH) AS m, DATE_ADD(born, INTERVAL -1 YEAR) AS y, DATE_ADD(seen, INTERVAL 1 QUARTER) AS qt, born + INTERVAL 2 WEEK AS w FROM people ORDER BY id`),
    q('INTERVAL', `SELECT id, DATE_ADD(at_time, INTERVAL 1 HOUR) AS h FROM people ORDER BY id`),
    q('INTERVAL', `SELECT id, DATE_ADD(day, INTERVAL secs SECOND) AS a, DATE_SUB(at, INTERVAL period MICROSECOND) AS b FROM lt_temporal_events ORDER BY id`),
    q('INTERVAL', `SELECT '2024-01-31' + INTERVAL 1 MONTH AS a, '2024-02-29' - INTERVAL 1 YEAR AS b, INTERVAL 1 DAY + '2024-12-31' AS c, '9999-12-31' + INTERVAL 1 DAY AS d`),
  );
  return out;
}

const EXTRACT_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MICROSECOND', 'YEAR_MONTH', 'DAY_HOUR', 'DAY_MINUTE', 'DAY_SECOND', 'DAY_MICROSECOND', 'HOUR_MINUTE', 'HOUR_SECOND', 'HOUR_MICROSECOND', 'MINUTE_SECOND', 'MINUTE_MICROSECOND', 'SECOND_MICROSECOND'];

function extract(): LongTailQuery[] {
  const out = EXTRACT_UNITS.map((u) => q('EXTRACT', `SELECT id, EXTRACT(${u} FROM seen) AS x, EXTRACT(${u} FROM born) AS y FROM people ORDER BY id`));
  for (const u of ['HOUR', 'MINUTE', 'SECOND', 'MICROSECOND', 'DAY', 'DAY_HOUR', 'HOUR_MINUTE', 'HOUR_SECOND', 'DAY_MICROSECOND', 'MINUTE_SECOND']) {
    out.push(q('EXTRACT TIME', `SELECT id, EXTRACT(${u} FROM at_time) AS x FROM people ORDER BY id`));
  }
  out.push(
    q('EXTRACT', `SELECT EXTRACT(YEAR_MONTH FROM placed) AS ym, COUNT(*) AS n FROM orders GROUP BY EXTRACT(YEAR_MONTH FROM placed) ORDER BY ym`),
    q('EXTRACT', `SELECT EXTRACT(DAY_SECOND FROM '2024-02-29 10:11:12') AS a, EXTRACT(HOUR FROM '100:00:00') AS b, EXTRACT(MONTH FROM 'junk') AS c`),
    q('EXTRACT', `SELECT id, EXTRACT(DAY_MICROSECOND FROM at) AS a, EXTRACT(HOUR_MICROSECOND FROM dur) AS b FROM lt_temporal_events ORDER BY id`),
  );
  return out;
}

function calendar(): LongTailQuery[] {
  return [
    q('LAST_DAY', `SELECT id, LAST_DAY(born) AS a, LAST_DAY(seen) AS b FROM people ORDER BY id`),
    q('LAST_DAY', `SELECT LAST_DAY('2024-02-10') AS a, LAST_DAY('2023-02-10 10:00:00') AS b, LAST_DAY('junk') AS c, LAST_DAY('2024-12-31') AS d`),
    q('LAST_DAY', `SELECT id FROM orders WHERE placed = LAST_DAY(placed) ORDER BY id`),
    q('PERIOD_ADD', `SELECT PERIOD_ADD(202401, 1) AS a, PERIOD_ADD(202412, 1) AS b, PERIOD_ADD(2401, 13) AS c, PERIOD_ADD(202401, -2) AS d, PERIOD_ADD(7001, 1) AS e, PERIOD_ADD(6912, 1) AS f`),
    q('PERIOD_ADD', `SELECT id, PERIOD_ADD(period, 11) AS p FROM lt_temporal_events ORDER BY id`),
    q('PERIOD_DIFF', `SELECT PERIOD_DIFF(202403, 202312) AS a, PERIOD_DIFF(2312, 202403) AS b, PERIOD_DIFF(202401, 202401) AS c`),
    q('PERIOD_DIFF', `SELECT id, PERIOD_DIFF(period, 202401) AS p FROM lt_temporal_events ORDER BY id`),
    q('TO_SECONDS', `SELECT id, TO_SECONDS(seen) AS a, TO_SECONDS(born) AS b FROM people ORDER BY id`),
    q('TO_SECONDS', `SELECT TO_SECONDS('2024-02-29 10:00:00') AS a, TO_SECONDS('0001-01-01') AS b, TO_SECONDS('junk') AS c, TO_SECONDS(20240229) AS d`),
    q('DAYNAME', `SELECT id, DAYNAME(born) AS a, MONTHNAME(born) AS b, DAYNAME(seen) AS c FROM people ORDER BY id`),
    q('DAYNAME', `SELECT DAYNAME(d) AS dn, COUNT(*) AS n FROM lt_temporal_days GROUP BY DAYNAME(d) ORDER BY MIN(DAYOFWEEK(d))`),
    q('DAYNAME', `SELECT MONTHNAME(placed) AS m, COUNT(*) AS n FROM orders GROUP BY MONTHNAME(placed), MONTH(placed) ORDER BY MONTH(placed)`),
    q('DAYNAME', `SELECT DAYNAME('2024-02-29') AS a, MONTHNAME('2024-13-01') AS b, DAYNAME(NULL) AS c`),
    q('DAYOFWEEK', `SELECT id, DAYOFWEEK(born) AS a, WEEKDAY(born) AS b, DAYOFYEAR(born) AS c, QUARTER(born) AS d FROM people ORDER BY id`),
    q('UNIX_TIMESTAMP', `SELECT id, UNIX_TIMESTAMP(seen) AS a, UNIX_TIMESTAMP(born) AS b FROM people ORDER BY id`),
    q('UNIX_TIMESTAMP', `SELECT id, UNIX_TIMESTAMP(at) AS a, UNIX_TIMESTAMP(stamp) AS b FROM lt_temporal_events ORDER BY id`),
    q('UNIX_TIMESTAMP', `SELECT UNIX_TIMESTAMP('2024-02-29 12:00:00') AS a, UNIX_TIMESTAMP('1969-12-31 23:59:59') AS b, UNIX_TIMESTAMP('2038-01-19 03:14:08') AS c, UNIX_TIMESTAMP('junk') AS d`),
    q('FROM_UNIXTIME', `SELECT FROM_UNIXTIME(0) AS a, FROM_UNIXTIME(1709208000) AS b, FROM_UNIXTIME(1709208000.5) AS c, FROM_UNIXTIME(-1) AS d, FROM_UNIXTIME(NULL) AS e`),
    q('FROM_UNIXTIME', `SELECT FROM_UNIXTIME(1709208000, '%Y-%m-%d') AS a, FROM_UNIXTIME(1709208000, '%W %D %M %Y %h:%i %p') AS b, FROM_UNIXTIME(1709208000.25, '%s.%f') AS c`),
    q('FROM_UNIXTIME', `SELECT id, FROM_UNIXTIME(secs) AS a, FROM_UNIXTIME(secs, '%H:%i') AS b FROM lt_temporal_events ORDER BY id`),
    q('FROM_UNIXTIME', `SELECT id, FROM_UNIXTIME(UNIX_TIMESTAMP(stamp)) AS back FROM lt_temporal_events ORDER BY id`),
    q('DATEDIFF', `SELECT id, DATEDIFF(day, '2024-01-01') AS a, DATEDIFF(at, stamp) AS b FROM lt_temporal_events ORDER BY id`),
    q('TIMESTAMPDIFF', `SELECT id, TIMESTAMPDIFF(MONTH, born, seen) AS m, TIMESTAMPDIFF(SECOND, born, seen) AS s, TIMESTAMPDIFF(WEEK, born, '2025-01-01') AS w FROM people ORDER BY id`),
    q('TIMESTAMPADD', `SELECT id, TIMESTAMPADD(MONTH, 1, born) AS a, TIMESTAMPADD(MINUTE, 90, seen) AS b FROM people ORDER BY id`),
  ];
}

/** Generated combinations over the events table's columns, as reports and ORMs vary them. */
function combinations(): LongTailQuery[] {
  const out: LongTailQuery[] = [];
  for (let m = 0; m <= 7; m++) out.push(q('YEARWEEK', `SELECT id, YEARWEEK(at, ${m}) AS yw, WEEK(day, ${m}) AS w FROM lt_temporal_events ORDER BY id`));
  for (const f of ['%Y-%m-%d %H:%i:%s.%f', '%a %b %e %l:%i %p', '%j/%U/%u/%V/%v/%X/%x', '%D of %M %Y, %k:%i', '%w %W %c/%e/%y %T']) {
    out.push(q('DATE_FORMAT', `SELECT id, DATE_FORMAT(at, '${f}') AS f, DATE_FORMAT(day, '${f}') AS g FROM lt_temporal_events ORDER BY id`));
  }
  for (const u of ['YEAR_MONTH', 'DAY_MINUTE', 'DAY_MICROSECOND', 'HOUR_SECOND', 'MINUTE_MICROSECOND', 'WEEK', 'QUARTER']) {
    out.push(q('EXTRACT', `SELECT id, EXTRACT(${u} FROM at) AS a, EXTRACT(${u} FROM day) AS b, EXTRACT(${u} FROM stamp) AS c FROM lt_temporal_events ORDER BY id`));
  }
  for (const [a, unit] of [["'2 03:04:05'", 'DAY_SECOND'], ["'-1-2'", 'YEAR_MONTH'], ["'10:30'", 'HOUR_MINUTE'], ["'0:0.999999'", 'MINUTE_MICROSECOND'], ["'1 1:1:1.1'", 'DAY_MICROSECOND'], ["'5 10'", 'DAY_HOUR']]) {
    out.push(q('INTERVAL compound', `SELECT id, at + INTERVAL ${a} ${unit} AS a, DATE_SUB(day, INTERVAL ${a} ${unit}) AS b, stamp - INTERVAL ${a} ${unit} AS c FROM lt_temporal_events ORDER BY id`));
  }
  for (const [a, unit] of [["'1:30'", 'HOUR_MINUTE'], ["'-2 12'", 'DAY_HOUR'], ["'0:0:0.5'", 'HOUR_MICROSECOND'], ['90', 'MINUTE'], ['-1', 'DAY']]) {
    out.push(q('INTERVAL TIME', `SELECT id, span + INTERVAL ${a} ${unit} AS a, DATE_SUB(dur, INTERVAL ${a} ${unit}) AS b FROM lt_temporal_events WHERE id NOT IN (1, 2, 6, 13) ORDER BY id`));
  }
  for (const [from, to] of [['UTC', 'Asia/Tokyo'], ['UTC', 'America/Sao_Paulo'], ['UTC', 'Pacific/Chatham'], ['UTC', 'Asia/Kathmandu'], ['Europe/London', 'UTC'], ['Asia/Kolkata', 'America/Los_Angeles']]) {
    out.push(q('CONVERT_TZ named', `SELECT id, CONVERT_TZ(at, '${from}', '${to}') AS a, CONVERT_TZ(seen, '${from}', '${to}') AS b FROM lt_temporal_events LEFT JOIN people USING (id) ORDER BY id`));
  }
  out.push(
    q('CONVERT_TZ named', `SELECT DATE(CONVERT_TZ(stamp, 'UTC', 'America/New_York')) AS local_day, COUNT(*) AS n FROM lt_temporal_events GROUP BY local_day ORDER BY local_day`),
    q('CONVERT_TZ named', `SELECT id FROM lt_temporal_events WHERE CONVERT_TZ(stamp, 'UTC', 'Europe/Berlin') >= '2024-06-01' ORDER BY id`),
    q('CONVERT_TZ named', `SELECT CONVERT_TZ('2024-10-27 02:30:00', 'Europe/Berlin', 'UTC') AS fold, CONVERT_TZ('2024-10-27 00:30:00', 'UTC', 'Europe/Berlin') AS before_fold, CONVERT_TZ('2024-10-27 01:30:00', 'UTC', 'Europe/Berlin') AS after_fold`),
    q('CONVERT_TZ named', `SELECT CONVERT_TZ('2024-06-01 12:00:00', 'europe/paris', 'ASIA/TOKYO') AS a, CONVERT_TZ('2024-06-01 12:00:00', 'Europe/Paris ', 'UTC') AS b, CONVERT_TZ('2024-06-01 12:00:00', 'Nowhere/Land', 'UTC') AS c`),
    q('CONVERT_TZ', `SELECT id, CONVERT_TZ(day, '+00:00', '+09:00') AS a, CONVERT_TZ(stamp, '+05:45', '-09:30') AS b, CONVERT_TZ(stamp, '+13:00', '-12:59') AS c FROM lt_temporal_events ORDER BY id`),
    q('CONVERT_TZ', `SELECT CONVERT_TZ('2024-01-01 00:00:00', '+13:01', '+00:00') AS a, CONVERT_TZ('2024-01-01 00:00:00', '+00:00', '-13:00') AS b, CONVERT_TZ('2024-01-01 00:00:00', '+0:30', '+1:') AS c, CONVERT_TZ('2024-01-01 00:00:00', '+00:00', '+5') AS d`),
    q('STR_TO_DATE', `SELECT STR_TO_DATE('29-Feb-2024', '%d-%b-%Y') AS a, STR_TO_DATE('February 29, 2024', '%M %d, %Y') AS b, STR_TO_DATE('Thu, 29 Feb 2024 10:11:12', '%a, %d %b %Y %T') AS c, STR_TO_DATE('20240229101112', '%Y%m%d%H%i%s') AS d`),
    q('STR_TO_DATE', `SELECT STR_TO_DATE('9/3/2024', '%e/%c/%Y') AS a, STR_TO_DATE('Sept 3 2024', '%b %e %Y') AS b, STR_TO_DATE('Sep 3 2024', '%b %e %Y') AS c, STR_TO_DATE('ju 3 2024', '%M %e %Y') AS d, STR_TO_DATE('jul 3 2024', '%M %e %Y') AS e`),
    q('STR_TO_DATE', `SELECT STR_TO_DATE('12:00:00 AM', '%r') AS a, STR_TO_DATE('12:30 pm', '%l:%i %p') AS b, STR_TO_DATE('7 pm', '%h %p') AS c, STR_TO_DATE('PM 7', '%p %h') AS d, STR_TO_DATE('23:59:59.999999', '%H:%i:%s.%f') AS e`),
    q('STR_TO_DATE', `SELECT STR_TO_DATE('2024-060', '%Y-%j') AS a, STR_TO_DATE('2024-366', '%Y-%j') AS b, STR_TO_DATE('2023-366', '%Y-%j') AS c, STR_TO_DATE('2024,01,31', '%Y%.%m%.%d') AS d, STR_TO_DATE('abc2024', '%@%Y') AS e`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f'), '%Y-%m-%d %H:%i:%s.%f') AS back, STR_TO_DATE(DATE_FORMAT(at, '%h:%i:%s %p'), '%h:%i:%s %p') AS t FROM lt_temporal_events ORDER BY id`),
    q('STR_TO_DATE', `SELECT label, COUNT(*) AS n FROM lt_temporal_events WHERE STR_TO_DATE(compact, '%Y%m%d') IS NULL GROUP BY label ORDER BY label`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(spoken, '%b %e %Y') = day AS same FROM lt_temporal_events WHERE id NOT IN (4, 10) ORDER BY id`),
    q('TIME column', `SELECT HOUR(at_time) AS h, COUNT(*) AS n FROM people GROUP BY HOUR(at_time) ORDER BY h`),
    q('TIME column', `SELECT id, span FROM lt_temporal_events WHERE span BETWEEN '-01:00:00' AND '30:00:00' ORDER BY span DESC, id`),
    q('TIME column', `SELECT id, dur FROM lt_temporal_events WHERE dur < '00:00:00' OR dur >= '100:00:00' ORDER BY id`),
    q('TIME column', `SELECT MAX(span) AS hi, MIN(dur) AS lo, COUNT(DISTINCT span) AS n FROM lt_temporal_events`),
    q('TIME', `SELECT CAST('1 02:03:04' AS TIME) AS a, TIME('-838:59:59.5') AS b, CAST('101500' AS TIME) AS c, CAST('10:15' AS TIME(2)) AS d, TIME('23:59:59.9999999') AS e`),
    q('TIME_FORMAT', `SELECT id, TIME_FORMAT(SEC_TO_TIME(secs), '%H:%i') AS hm, TIME_FORMAT(span, '%r') AS r, TIME_FORMAT(dur, '%l %p %f') AS l FROM lt_temporal_events ORDER BY id`),
    q('SEC_TO_TIME', `SELECT id, SEC_TO_TIME(secs * 1.5) AS a, SEC_TO_TIME(TIME_TO_SEC(dur)) AS b, SEC_TO_TIME(secs DIV 60) AS c FROM lt_temporal_events ORDER BY id`),
    q('TIMEDIFF', `SELECT id, TIMEDIFF(stamp, at) AS a, TIMEDIFF(day, day) AS b, TIMEDIFF(span, '-1 00:00:00') AS c FROM lt_temporal_events ORDER BY id`),
    q('ADDTIME', `SELECT id, ADDTIME(stamp, span) AS a, SUBTIME(day, span) AS b, ADDTIME(at, '-0:0:0.001') AS c FROM lt_temporal_events ORDER BY id`),
    q('MAKETIME', `SELECT id, MAKETIME(secs DIV 3600, 30, 15) AS a, MAKETIME(id, id * 5, 0) AS b FROM lt_temporal_events ORDER BY id`),
    q('TIMESTAMP', `SELECT id, TIMESTAMP(day, span) AS a, TIMESTAMP(stamp, dur) AS b, TIMESTAMP(at) AS c FROM lt_temporal_events ORDER BY id`),
    q('LAST_DAY', `SELECT id, LAST_DAY(at) AS a, DAYNAME(at) AS b, MONTHNAME(stamp) AS c, DAYOFYEAR(day) AS d FROM lt_temporal_events ORDER BY id`),
    q('PERIOD_ADD', `SELECT id, PERIOD_ADD(EXTRACT(YEAR_MONTH FROM placed), 1) AS next_period, PERIOD_DIFF(EXTRACT(YEAR_MONTH FROM placed), 202401) AS since FROM orders ORDER BY id`),
    q('TO_SECONDS', `SELECT id, TO_SECONDS(at) AS a, TO_SECONDS(day) AS b, FROM_DAYS(TO_DAYS(day)) AS c FROM lt_temporal_events WHERE id <> 8 ORDER BY id`),
    q('MAKEDATE', `SELECT id, MAKEDATE(YEAR(born), DAYOFYEAR(born)) AS same, MAKEDATE(YEAR(born), 366) AS last FROM people ORDER BY id`),
    q('FROM_UNIXTIME', `SELECT id, FROM_UNIXTIME(secs, '%Y %D %M %h:%i:%s %x') AS a, FROM_UNIXTIME(secs + 0.5) AS b FROM lt_temporal_events ORDER BY id`),
    q('UNIX_TIMESTAMP', `SELECT id, UNIX_TIMESTAMP(day) AS a, UNIX_TIMESTAMP(CONVERT_TZ(stamp, '+00:00', '+01:00')) AS b FROM lt_temporal_events ORDER BY id`),
    q('date literal', `SELECT UNIX_TIMESTAMP('20240131') AS a, DAYOFWEEK('2024/01/31') AS b, YEAR('24-01-31') AS c, DATE_FORMAT('20240131101112', '%Y %H:%i') AS d, TO_DAYS('2024.01.31') AS e, WEEK('240131', 3) AS f`),
    q('INTERVAL', `SELECT DATE_ADD('2024-01-01', INTERVAL 1000000000 DAY) AS a, DATE_ADD('2024-01-01', INTERVAL 7900 YEAR) AS b, DATE_ADD('2024-01-01', INTERVAL -2023 YEAR) AS c, DATE_ADD('2024-01-01 00:00:00', INTERVAL 9223372036854775807 MICROSECOND) AS d, DATE_ADD(born, INTERVAL '99999999 0:0:0' DAY_SECOND) AS e FROM people WHERE id = 1`),
    q('date literal', `SELECT DAY('2024-02-30') AS a, DATE_FORMAT('2023-02-29', '%d') AS b, LAST_DAY('2024-04-31') AS c, '2024-06-31' + INTERVAL 1 DAY AS d, TIMESTAMP('2024-02-30 10:00:00') AS e`),
    q('date literal', `SELECT UNIX_TIMESTAMP('2024-01-31T10:00') AS a, UNIX_TIMESTAMP('2024-01-31 10:00:00.') AS b, MONTHNAME('2024-13-01') AS c, LAST_DAY('2024-1-5 1:2:3') AS d, DATEDIFF('2024-03-01', '2024-2-1') AS e`),
    q('date text', `SELECT id, DATE_ADD(compact, INTERVAL 1 DAY) AS a, DATE(compact) AS b, CAST(compact AS DATETIME) AS c, YEAR(CONCAT(compact, '101112')) AS d FROM lt_temporal_events WHERE id IN (3, 11, 12) ORDER BY id`),
    q('date text', `SELECT id, YEAR(label) AS a, CAST(label AS DATETIME) AS b, label + INTERVAL 1 MONTH AS c FROM lt_temporal_events ORDER BY id`),
    q('date text', `SELECT id, DATE(CONCAT(YEAR(day), '-', MONTH(day), '-', DAY(day))) AS a, CAST(CONCAT(day, ' 10:00') AS DATETIME) AS b, DATE_FORMAT(CONCAT(day, ' 1:2:3'), '%T') AS c FROM lt_temporal_events ORDER BY id`),
    q('date text', `SELECT CAST('2024/01/31' AS DATE) AS a, CAST('240131' AS DATETIME) AS b, CAST('2024-02-30' AS DATE) AS c, '20240131' + INTERVAL 1 DAY AS d, DATE_SUB('24-01-31 10:00:00', INTERVAL 1 HOUR) AS e`),
    q('TIMESTAMP column', `SELECT id, logged, touched, UNIX_TIMESTAMP(logged) AS u, DATE_FORMAT(touched, '%Y-%m-%d %H:%i') AS f FROM lt_temporal_stamps ORDER BY id`),
    { ...q('session time_zone', `SELECT id, logged, touched, UNIX_TIMESTAMP(touched) AS u, HOUR(logged) AS h FROM lt_temporal_stamps ORDER BY id`), session: ["SET time_zone = '+05:00'"] },
    { ...q('session time_zone', `SELECT id, touched, DATE(touched) AS d FROM lt_temporal_stamps WHERE touched >= '2024-06-01' ORDER BY touched`), session: ["SET time_zone = 'America/New_York'"] },
    { ...q('session time_zone', `SELECT * FROM lt_temporal_stamps ORDER BY id`), session: ["SET time_zone = '-03:00'"] },
    { ...q('session time_zone', `SELECT * FROM lt_temporal_stamps ORDER BY id`), session: ["SET time_zone = '+00:00'"] },
    // A session time zone moves what UNIX_TIMESTAMP and FROM_UNIXTIME read and print, and SYSTEM.
    { ...q('session time_zone', `SELECT UNIX_TIMESTAMP('2024-02-29 12:00:00') AS a, FROM_UNIXTIME(1709208000) AS b, CONVERT_TZ('2024-02-29 12:00:00', 'SYSTEM', '+00:00') AS c`), session: ["SET time_zone = '+05:00'"] },
    { ...q('session time_zone', `SELECT id, UNIX_TIMESTAMP(stamp) AS a, FROM_UNIXTIME(secs) AS b FROM lt_temporal_events ORDER BY id`), session: ["SET time_zone = 'America/New_York'"] },
    { ...q('session time_zone', `SELECT UNIX_TIMESTAMP('2024-02-29 12:00:00') AS a, FROM_UNIXTIME(0) AS b`), session: ["SET time_zone = '+00:00'"] },
    { ...q('session time_zone', `SELECT TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(), NOW()) AS ahead, DATEDIFF(CURDATE(), UTC_DATE()) BETWEEN 0 AND 1 AS same_or_next_day`), session: ["SET time_zone = '+05:00'"] },
    { ...q('session time_zone', `SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()) AS ahead`), session: ["SET time_zone = 'Asia/Kolkata'"] },
  );
  return out;
}

/** Other columns and arguments of the same constructs, as a held-out corpus would vary them. */
function variations(): LongTailQuery[] {
  return [
    q('TIME_FORMAT', `SELECT id, TIME_FORMAT(born, '%H:%i') AS a, TIME_FORMAT(seen, '%r') AS b, TIME_TO_SEC(born) AS c FROM people ORDER BY id`),
    q('SEC_TO_TIME', `SELECT id, SEC_TO_TIME(amount) AS a, SEC_TO_TIME(tiny * 100) AS b, SEC_TO_TIME(TIME_TO_SEC(at_time) + 3600) AS c FROM people ORDER BY id`),
    q('MAKETIME', `SELECT id, MAKETIME(tiny, tiny, tiny) AS a, MAKETIME(u % 900, 0, 0) AS b FROM people ORDER BY id`),
    q('ADDTIME', `SELECT id, ADDTIME(seen, at_time) AS a, SUBTIME(born, at_time) AS b, ADDTIME(at_time, at_time) AS c FROM people ORDER BY id`),
    q('TIMEDIFF', `SELECT id, TIMEDIFF(seen, seen) AS a, TIMEDIFF(at_time, at_time) AS b, TIME_FORMAT(TIMEDIFF(seen, '2024-01-01 00:00:00'), '%H h') AS c FROM people ORDER BY id`),
    q('WEEK', `SELECT id, WEEK(seen, 7) AS a, YEARWEEK(born, 2) AS b, EXTRACT(WEEK FROM seen) AS c, WEEKOFYEAR(seen) AS d FROM people ORDER BY id`),
    q('INTERVAL', `SELECT id, DATE_ADD(seen, INTERVAL amount DAY) AS a, born + INTERVAL tiny HOUR AS b, DATE_SUB(born, INTERVAL '1' YEAR) AS c FROM people ORDER BY id`),
    q('CONVERT_TZ named', `SELECT id, CONVERT_TZ(seen, '+00:00', 'Europe/Berlin') AS a, CONVERT_TZ(born, 'Asia/Tokyo', '+00:00') AS b FROM people ORDER BY id`),
    q('STR_TO_DATE', `SELECT id, STR_TO_DATE(name, '%Y') AS a, STR_TO_DATE(code, '%d') AS b, STR_TO_DATE(note, '%M') AS c FROM people ORDER BY id`),
    q('FROM_UNIXTIME', `SELECT id, FROM_UNIXTIME(u) AS a, FROM_UNIXTIME(tiny) AS b, UNIX_TIMESTAMP(seen) AS c FROM people ORDER BY id`),
    q('PERIOD_ADD', `SELECT id, PERIOD_ADD(yr, 1) AS a, PERIOD_DIFF(yr * 100 + 1, 202001) AS b, MAKEDATE(yr, tiny) AS c FROM people ORDER BY id`),
    q('TIME column', `SELECT EXTRACT(HOUR FROM at_time) AS h, COUNT(*) AS n FROM people GROUP BY EXTRACT(HOUR FROM at_time) ORDER BY h`),
    q('TIME column', `SELECT id, IF(at_time > '12:00:00', 'pm', 'am') AS half, CASE WHEN at_time < '00:00:00' THEN 'neg' WHEN at_time >= '24:00:00' THEN 'days' ELSE 'day' END AS kind FROM people ORDER BY id`),
    q('TIME column', `SELECT id FROM people WHERE CAST(seen AS TIME) > '12:00:00' ORDER BY id`),
    q('TIME column', `SELECT id, at_time FROM people WHERE at_time IN ('10:15:00', '05:00:00', '838:59:59') ORDER BY id`),
    q('TIME column', `SELECT p.id, e.id AS e FROM people p JOIN lt_temporal_events e ON p.at_time = e.span ORDER BY p.id, e.id`),
    q('EXTRACT', `SELECT id, EXTRACT(DAY_HOUR FROM at_time) AS a, EXTRACT(YEAR_MONTH FROM born) AS b, EXTRACT(HOUR_SECOND FROM seen) AS c FROM people ORDER BY id`),
    q('DATE_FORMAT', `SELECT id, DATE_FORMAT(CONVERT_TZ(seen, '+00:00', '+09:00'), '%Y-%m-%d %H:%i') AS tokyo, DATE_FORMAT(LAST_DAY(born), '%W') AS month_end FROM people ORDER BY id`),
    q('TO_SECONDS', `SELECT id, TO_SECONDS(seen) - TO_SECONDS(born) AS a, FROM_DAYS(TO_DAYS(born) + 30) AS b FROM people ORDER BY id`),
    q('CAST AS TIME', `SELECT id, CAST(seen AS TIME(3)) AS a, CAST(born AS TIME) AS b, CONVERT(at_time, TIME(6)) AS c FROM people ORDER BY id`),
    q('TIMESTAMP', `SELECT id, TIMESTAMP(seen, at_time) AS a, TIMESTAMP(born, '12:00') AS b FROM people ORDER BY id`),
  ];
}

export const temporalClass: LongTailClass = {
  setup: [...setup, ...stampsSetup],
  queries: [...strToDate(), ...convertTz(), ...week(), ...dateFormat(), ...timeFormat(), ...timeValues(), ...intervals(), ...extract(), ...calendar(), ...combinations(), ...variations()],
};
