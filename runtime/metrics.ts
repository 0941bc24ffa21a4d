// Prometheus metrics for `GET /metrics` on the REST port (prom-client). Counters and histograms
// are fed by the store, the gateway and tiering as things happen; gauges that mirror state (how
// far behind each connector is, quarantined tables, snapshot progress, open connections, dead
// letters) are read from their owners at each scrape, so they are never stale.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChangeEvent, TableName } from '../core/index.ts';
import type { StoreObserver } from '../store/index.ts';
import type { StatementObserver } from '../gateway/connection.ts';

/** What the scrape reads from the running parts. */
export interface MetricSources {
  /** Per connector: its status body, as GET /connectors/{name}/status returns it. */
  statuses(): { name: string; status: Record<string, unknown> }[];
  gatewayConnections(): number;
  /** Rows in _instaquery.dead_letter, or null with no store. */
  deadLetters(): Promise<number | null>;
}

const OPS: Record<string, string> = { c: 'create', u: 'update', d: 'delete', r: 'read', t: 'truncate' };

export class Metrics {
  readonly registry = new Registry();
  private readonly freshness: Histogram<string>;
  private readonly events: Counter<string>;
  private readonly snapshotRows: Counter<string>;
  private readonly batchSeconds: Histogram<string>;
  private readonly batchRecords: Histogram<string>;
  private readonly queries: Counter<string>;
  private readonly querySeconds: Histogram<string>;
  readonly tieringRuns: Counter<string>;
  readonly tieringBytes: Counter<string>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'instaquery_' });
    this.freshness = new Histogram({
      name: 'instaquery_freshness_seconds',
      help: 'Source commit to queryable in the store: the time a change was applied minus its binlog timestamp (whole seconds at the source, so up to 1 s early)',
      labelNames: ['connector'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers,
    });
    this.events = new Counter({ name: 'instaquery_events_total', help: 'Change events applied to the store, by connector, table and operation', labelNames: ['connector', 'table', 'op'], registers });
    this.snapshotRows = new Counter({ name: 'instaquery_snapshot_rows_total', help: 'Rows written by initial and ad-hoc snapshots', labelNames: ['connector', 'table'], registers });
    this.batchSeconds = new Histogram({ name: 'instaquery_sink_batch_seconds', help: 'Time to write one store transaction of changes', labelNames: ['connector'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
    this.batchRecords = new Histogram({ name: 'instaquery_sink_batch_records', help: 'Change events in one store transaction', labelNames: ['connector'], buckets: [1, 10, 100, 1000, 5000, 20000, 100000], registers });
    this.queries = new Counter({ name: 'instaquery_gateway_queries_total', help: 'Statements through the gateway by result: served (from the store), forwarded (upstream), local (SET, SHOW, …) or error (with the MySQL error code)', labelNames: ['result', 'code'], registers });
    this.querySeconds = new Histogram({ name: 'instaquery_gateway_query_seconds', help: 'Statement time through the gateway, result sent included', labelNames: ['result'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30], registers });
    this.tieringRuns = new Counter({ name: 'instaquery_tiering_runs_total', help: 'Partitions moved by tiering, by outcome (archived, restored, failed)', labelNames: ['table', 'state'], registers });
    this.tieringBytes = new Counter({ name: 'instaquery_tiering_bytes_total', help: 'Parquet bytes written by tiering', labelNames: ['table'], registers });

    new Gauge({
      name: 'instaquery_source_behind_seconds',
      help: "How far each connector's store is behind its source (Debezium's MilliSecondsBehindSource, in seconds); absent while unknown",
      labelNames: ['connector'],
      registers,
      collect() {
        this.reset();
        for (const { name, status } of sources.statuses()) {
          const ms = (status.instaquery as { millis_behind_source?: number | null } | undefined)?.millis_behind_source;
          if (typeof ms === 'number') this.set({ connector: name }, ms / 1000);
        }
      },
    });
    new Gauge({
      name: 'instaquery_connector_up',
      help: 'Whether each connector runs (1) or not (0: paused, stopped, failed)',
      labelNames: ['connector', 'state'],
      registers,
      collect() {
        this.reset();
        for (const { name, status } of sources.statuses()) {
          const state = String((status.connector as { state?: string } | undefined)?.state ?? 'UNKNOWN');
          this.set({ connector: name, state }, state === 'RUNNING' ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'instaquery_quarantined_tables',
      help: 'Tables a source connector set aside (their changes are skipped until a snapshot)',
      labelNames: ['connector'],
      registers,
      collect() {
        this.reset();
        for (const { name, status } of sources.statuses()) {
          const q = (status.instaquery as { quarantined?: unknown[] } | undefined)?.quarantined;
          if (Array.isArray(q)) this.set({ connector: name }, q.length);
        }
      },
    });
    new Gauge({
      name: 'instaquery_snapshot_remaining_tables',
      help: 'Tables of a running snapshot with fewer rows done than estimated (0 once streaming)',
      labelNames: ['connector'],
      registers,
      collect() {
        this.reset();
        for (const { name, status } of sources.statuses()) {
          const iq = status.instaquery as { phase?: string; snapshot?: Record<string, number>; snapshot_estimates?: Record<string, number> } | undefined;
          if (!iq?.snapshot_estimates) continue;
          const remaining = iq.phase === 'snapshot' ? Object.entries(iq.snapshot_estimates).filter(([t, est]) => (iq.snapshot?.[t] ?? 0) < est || iq.snapshot?.[t] === undefined).length : 0;
          this.set({ connector: name }, remaining);
        }
      },
    });
    new Gauge({ name: 'instaquery_gateway_connections', help: 'Client connections open on the gateway', registers, collect() { this.set(sources.gatewayConnections()); } });
    new Gauge({
      name: 'instaquery_dead_letter_records',
      help: 'Records in _instaquery.dead_letter (behavior.on.exception=LOG)',
      registers,
      async collect() {
        const n = await sources.deadLetters();
        if (n !== null) this.set(n);
      },
    });
  }

  /** The store's observer: events by table and op, batch size and time, freshness. */
  readonly store: StoreObserver = {
    applied: (connector: string, events: ChangeEvent[], seconds: number) => {
      if (events.length === 0) return;
      this.batchSeconds.observe({ connector }, seconds);
      this.batchRecords.observe({ connector }, events.length);
      const now = Date.now();
      let lastTs = -1;
      for (const e of events) {
        this.events.inc({ connector, table: `${e.source.db}.${e.source.table}`, op: OPS[e.op] ?? e.op });
        // One observation per source transaction (its events share the commit timestamp).
        if (e.source.ts_ms !== lastTs && e.source.ts_ms > 0 && e.source.snapshot !== 'true' && e.source.snapshot !== 'last') {
          lastTs = e.source.ts_ms;
          this.freshness.observe({ connector }, Math.max(0, now - e.source.ts_ms) / 1000);
        }
      }
    },
    snapshotRows: (connector: string, table: TableName, rows: number, seconds: number) => {
      this.snapshotRows.inc({ connector, table: `${table.db}.${table.table}` }, rows);
      this.batchSeconds.observe({ connector }, seconds);
      this.batchRecords.observe({ connector }, rows);
    },
  };

  /** The gateway's observer: statements by result, and their time. */
  readonly gateway: StatementObserver = (outcome, seconds, errorCode) => {
    this.queries.inc({ result: outcome, code: errorCode === undefined ? '' : String(errorCode) });
    this.querySeconds.observe({ result: outcome }, seconds);
  };

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
