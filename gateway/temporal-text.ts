// MySQL's text form of temporal values, from DuckDB's epoch-based ones.

const pad = (n: number | bigint, w: number) => String(n).padStart(w, '0');

/** `YYYY-MM-DD hh:mm:ss[.ffffff]` with exactly `fsp` fractional digits, from epoch microseconds. */
export function formatDatetime(micros: bigint, fsp: number): string {
  const MICROS_PER_DAY = 86_400_000_000n;
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const date = new Date(Number(days) * 86_400_000);
  const year = date.getUTCFullYear();
  const secondsOfDay = rest / 1_000_000n;
  const fraction = rest % 1_000_000n;
  const hh = secondsOfDay / 3600n;
  const mm = (secondsOfDay % 3600n) / 60n;
  const ss = secondsOfDay % 60n;
  const head = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} ${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}`;
  return fsp > 0 ? `${head}.${pad(fraction, 6).slice(0, fsp)}` : head;
}
