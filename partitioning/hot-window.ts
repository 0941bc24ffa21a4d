// A table's hot window ("90 days", "3 months", "1 year") and which of its range partitions lie
// wholly before it: those are the units tiering archives. A partition is cold only when its
// upper bound is at or before the cutoff, so no row inside the window is ever archived.
import type { PartitionSpec } from './partition-spec.ts';

export type WindowUnit = 'day' | 'month' | 'year';

export interface HotWindow {
  amount: number;
  unit: WindowUnit;
}

export class HotWindowError extends Error {}

const WINDOW = /^\s*(\d+)\s*(day|days|month|months|year|years)\s*$/i;

export function parseHotWindow(text: string, where: string): HotWindow {
  const m = WINDOW.exec(text);
  if (!m || Number(m[1]) < 1) throw new HotWindowError(`${where}: expected a hot window such as "90 days", "3 months" or "1 year", got '${text}'`);
  return { amount: Number(m[1]), unit: m[2]!.toLowerCase().replace(/s$/, '') as WindowUnit };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function shift(date: Date, amount: number, unit: WindowUnit): Date {
  const d = new Date(date.getTime());
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + amount);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + amount);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + amount);
  return d;
}

/** The first day still hot (UTC): rows dated before it are outside the window. */
export function coldCutoff(window: HotWindow, now: Date): string {
  return iso(shift(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), -window.amount, window.unit));
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** The exclusive upper bound of range partition `p` as a date, or null when it has none (the last, 'null', or non-date bounds). */
export function partitionUpperBound(spec: PartitionSpec, p: string): string | null {
  const range = spec.range;
  if (!range || p === 'null') return null;
  if ('interval' in range) {
    if (!DATE.test(p)) return null;
    const start = new Date(`${p.slice(0, 10)}T00:00:00Z`);
    return iso(shift(start, 1, range.interval));
  }
  const i = p === '-inf' ? -1 : range.bounds.indexOf(p);
  const next = range.bounds[i + 1];
  return next !== undefined && DATE.test(next) ? next.slice(0, 10) : null;
}

/** Whether every row of partition `p` is older than the window. */
export function isOutsideWindow(spec: PartitionSpec, p: string, window: HotWindow, now: Date): boolean {
  const upper = partitionUpperBound(spec, p);
  return upper !== null && upper <= coldCutoff(window, now);
}
