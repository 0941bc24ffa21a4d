// Which column type changes the sink applies in place. Widening keeps every stored value
// (INTEGER → BIGINT, DECIMAL(10,2) → DECIMAL(14,4), FLOAT → DOUBLE, TIMESTAMP_S → TIMESTAMP,
// anything → VARCHAR); anything else could lose or change values, so the task stops instead of
// guessing (issue 4).

const INTEGER_ORDER = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT'];
const UNSIGNED_ORDER = ['UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT'];
const TIMESTAMP_ORDER = ['TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP'];

function decimal(t: string): [number, number] | null {
  const m = /^DECIMAL\((\d+),(\d+)\)$/.exec(t);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function isWidening(from: string, to: string): boolean {
  if (from === to || to === 'VARCHAR') return true;
  const si = INTEGER_ORDER.indexOf(from);
  const ui = UNSIGNED_ORDER.indexOf(from);
  if (si >= 0) {
    const sj = INTEGER_ORDER.indexOf(to);
    if (sj >= si) return true;
    const d = decimal(to);
    return d !== null && d[0] - d[1] >= [3, 5, 10, 19, 39][si]!;
  }
  if (ui >= 0) {
    // An unsigned type fits the next larger signed one, or a larger unsigned one.
    return UNSIGNED_ORDER.indexOf(to) >= ui || INTEGER_ORDER.indexOf(to) > ui;
  }
  const df = decimal(from);
  const dt = decimal(to);
  if (df && dt) return dt[1] >= df[1] && dt[0] - dt[1] >= df[0] - df[1];
  if (from === 'FLOAT') return to === 'DOUBLE';
  if (TIMESTAMP_ORDER.includes(from)) return TIMESTAMP_ORDER.indexOf(to) >= TIMESTAMP_ORDER.indexOf(from);
  if (from === 'DATE') return TIMESTAMP_ORDER.includes(to);
  return false;
}
