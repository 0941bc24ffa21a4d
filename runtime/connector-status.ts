// A connector's status body as Kafka Connect shapes it (GET /connectors/{name}/status), with
// instaquery's details under `instaquery`.
import type { Entry } from './connector-entry.ts';
import { ignoredKeys } from './ignored-keys.ts';

export interface StatusFacts {
  /** The connector's state (Worker.stateOf). */
  state: string;
  workerId: string;
  isSource: boolean;
  /** Whether the connector runs tasks of its own (a source or a Kafka-mode sink). */
  hasTasks: boolean;
}

export function connectorStatus(e: Entry, { state, workerId: worker_id, isSource, hasTasks }: StatusFacts): Record<string, unknown> {
  const name = e.name;
  const type = isSource ? 'source' : 'sink';
  const ignored = ignoredKeys(e.config);
  const common = { name, type, connector: { state, worker_id, ...(e.failure ? { trace: e.failure } : {}) } };
  if (e.source) {
    const s = e.source.status();
    const taskState = e.target === 'RUNNING' ? s.state : e.target;
    return {
      ...common,
      tasks: [{ id: 0, state: taskState, worker_id, ...(s.trace ? { trace: s.trace } : {}) }],
      instaquery: {
        phase: e.target === 'RUNNING' ? s.phase : e.target.toLowerCase(),
        snapshot: s.snapshot,
        snapshot_estimates: s.snapshotEstimates,
        millis_behind_source: s.millisBehindSource,
        events_applied: s.eventsApplied,
        quarantined: s.quarantined,
        warnings: s.warnings,
        offset: s.offset,
        server: s.server,
        ...(e.publisher ? { kafka: { records_sent: e.publisher.stats.records, bytes_sent: e.publisher.stats.bytes } } : {}),
        ...(ignored.length ? { ignored_keys: ignored } : {}),
      },
    };
  }
  if (e.sink) {
    const s = e.sink.status();
    return {
      ...common,
      tasks: s.tasks.map((t) => ({ id: t.id, state: e.target === 'PAUSED' ? 'PAUSED' : t.state, worker_id, ...(t.trace ? { trace: t.trace } : {}) })),
      instaquery: { millis_behind_source: s.millisBehindSource, events_applied: s.eventsApplied, last_gtid: s.lastGtid, partitions: s.tasks.flatMap((t) => t.partitions), ...(ignored.length ? { ignored_keys: ignored } : {}) },
    };
  }
  return { ...common, tasks: hasTasks ? [] : [{ id: 0, state, worker_id }], ...(ignored.length ? { instaquery: { ignored_keys: ignored } } : {}) };
}
