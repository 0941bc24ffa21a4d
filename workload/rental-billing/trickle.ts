// A steady stream of live changes against generated data: new bills, payments that mark bills
// paid, and the odd deleted bill, at a target rate. Used by the demo and the freshness benchmark.
import mysql from 'mysql2/promise';
import { billRow, prng, sizes } from './generate.ts';

export interface Trickle {
  stop(): Promise<void>;
  readonly changes: number;
}

export function startTrickle(pool: mysql.Pool, options: { db: string; bills: number; perSecond: number; seed?: number; onCommit?: (info: { id: number; at: number }) => void; onError?: (err: Error) => void }): Trickle {
  const rnd = prng(options.seed ?? 7);
  const n = sizes(options.bills);
  let nextId = 0;
  let changes = 0;
  let running = true;
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((options.perSecond * tickMs) / 1000));
  const loop = (async () => {
    // New bills continue after the highest id, so a reused database never sees a duplicate key.
    const [maxRows] = await pool.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM \`${options.db}\`.bill`);
    nextId = Math.max(Number((maxRows as { next: number }[])[0]!.next), options.bills + 1_000_000);
    while (running) {
      const started = Date.now();
      const roll = rnd();
      if (roll < 0.6) {
        const rows = Array.from({ length: perTick }, () => billRow(nextId++, rnd, n, new Date()));
        await pool.query(`INSERT INTO \`${options.db}\`.bill (id, bill_no, contract_id, house_id, project_id, tenant_id, bill_type_id, account_period, period_start, period_end, due_date, amount_due, amount_paid, late_fee, currency, arrears_status, pay_status, paid_at, meter_reading, remark, attrs, is_deleted, created_at) VALUES ?`, [rows]);
        options.onCommit?.({ id: nextId - 1, at: Date.now() });
      } else if (roll < 0.97) {
        const lo = 1 + Math.floor(rnd() * Math.max(1, options.bills - perTick));
        await pool.query(`UPDATE \`${options.db}\`.bill SET pay_status = 'paid', amount_paid = amount_due, paid_at = NOW(3) WHERE id BETWEEN ? AND ?`, [lo, lo + perTick - 1]);
      } else {
        await pool.query(`DELETE FROM \`${options.db}\`.bill WHERE id = ?`, [1 + Math.floor(rnd() * options.bills)]);
      }
      changes += perTick;
      const wait = tickMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })().catch((err: Error) => {
    failure = err;
    options.onError?.(err);
  });
  let failure: Error | null = null;
  return {
    get changes() {
      return changes;
    },
    /** Stops the load; rejects with the error that stopped it early, if any. */
    async stop() {
      running = false;
      await loop;
      if (failure) throw failure;
    },
  };
}
