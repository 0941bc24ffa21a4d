// MySQL's week numbers: WEEK(d, mode), YEARWEEK(d, mode) and the year a week belongs to, as
// sql-common's calc_week computes them, for every mode 0-7.

// MySQL's week numbering (sql-common calc_week): the mode's bits say whether weeks start on
// Monday (1), whether a week before week 1 counts in the year before (2, else it is week 0),
// and whether week 1 is the first with the first day of the week in it (4, else the first with
// 4 days or more of the year).
const WEEK_MONDAY_FIRST = 1;
const WEEK_YEAR = 2;
const WEEK_FIRST_WEEKDAY = 4;

/** WEEK()'s mode 0-7 as calc_week's behaviour bits (MySQL's week_mode()). */
export function weekBehaviour(mode: number): number {
  const m = mode & 7;
  return m & WEEK_MONDAY_FIRST ? m : m ^ WEEK_FIRST_WEEKDAY;
}

/** The first day of week 1 of year `y` (SQL), under these behaviour bits. */
function weekOneStart(y: string, behaviour: number): string {
  const jan1 = `make_date(${y}, 1, 1)`;
  const wd = behaviour & WEEK_MONDAY_FIRST ? `(isodow(${jan1}) - 1)` : `dayofweek(${jan1})`;
  const late = behaviour & WEEK_FIRST_WEEKDAY ? `${wd} <> 0` : `${wd} >= 4`;
  return `(${jan1} + CAST(CASE WHEN ${late} THEN 7 - ${wd} ELSE -${wd} END AS INTEGER))`;
}

/**
 * The week (and the year it belongs to) of a DATE under these behaviour bits, as MySQL's
 * calc_week numbers it: days before week 1 are week 0, or the last week of the year before;
 * with WEEK_YEAR, days from the next year's week 1 on are its week 1.
 */
export function calcWeek(date: string, behaviour: number): { week: string; year: string } {
  const bind = (body: string) => `list_transform([${date}], lambda iq_d: ${body})[1]`;
  const y = 'year(iq_d)';
  const start = weekOneStart(y, behaviour);
  const prevStart = weekOneStart(`${y} - 1`, behaviour);
  const nextStart = weekOneStart(`${y} + 1`, behaviour);
  const weeksFrom = (s: string) => `(date_diff('day', ${s}, iq_d) // 7 + 1)`;
  const weekYear = (behaviour & WEEK_YEAR) !== 0;
  const before = weekYear ? weeksFrom(prevStart) : '0';
  const week = `CASE WHEN iq_d < ${start} THEN ${before}${weekYear ? ` WHEN iq_d >= ${nextStart} THEN 1` : ''} ELSE ${weeksFrom(start)} END`;
  const year = `CASE WHEN iq_d < ${start} THEN ${weekYear ? `${y} - 1` : y}${weekYear ? ` WHEN iq_d >= ${nextStart} THEN ${y} + 1` : ''} ELSE ${y} END`;
  return { week: bind(`CAST(${week} AS BIGINT)`), year: bind(`CAST(${year} AS BIGINT)`) };
}

/** WEEK(d, mode) of a DuckDB timestamp. */
export function weekOf(ts: string, mode: number): string {
  return calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(mode)).week;
}

/** YEARWEEK(d, mode): the year the week belongs to, times 100, plus the week (WEEK_YEAR always). */
export function yearWeekOf(ts: string, mode: number): string {
  const { week, year } = calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(mode) | WEEK_YEAR);
  return `(${year} * 100 + ${week})`;
}

