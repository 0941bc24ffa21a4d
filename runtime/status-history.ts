// The last hour of each connector's lag and applied-event count, sampled every few seconds in the
// process, so the admin UI's charts show the hour before the page was opened, not only what it
// saw since.
import type { Worker } from './worker.ts';

export interface HistorySample {
  /** Unix ms. */
  t: number;
  lag_ms: number | null;
  events: number;
}

const HOUR_MS = 3_600_000;

export class StatusHistory {
  private readonly samples = new Map<string, HistorySample[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly everyMs = 5000,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private sample(): void {
    const now = Date.now();
    const names = new Set(this.worker.names());
    for (const name of this.samples.keys()) if (!names.has(name)) this.samples.delete(name);
    for (const name of names) {
      const iq = (this.worker.status(name).instaquery ?? {}) as { millis_behind_source?: number | null; events_applied?: number };
      const list = this.samples.get(name) ?? [];
      list.push({ t: now, lag_ms: iq.millis_behind_source ?? null, events: iq.events_applied ?? 0 });
      while (list.length && list[0]!.t < now - HOUR_MS) list.shift();
      this.samples.set(name, list);
    }
  }

  of(name: string): HistorySample[] {
    return [...(this.samples.get(name) ?? [])];
  }
}
