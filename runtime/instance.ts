// One instaquery process: its connectors (a Worker), the store and gateway when it serves
// queries, and the REST API. Start order keeps bad input from writing anything: validate config,
// check every source, bind the ports, and only then open the store and start capturing.
// Embedded mode runs everything here; in Kafka mode a source worker has no store or gateway, and
// a query node consumes the topics into its own store and serves it.
import type { Logger } from '../core/index.ts';
import type { InstanceConfig } from './instance-config.ts';
import { RestApi } from './rest-api.ts';
import { Metrics } from './metrics.ts';
import { runConsoleQuery } from './query-console.ts';
import { StatusHistory } from './status-history.ts';
import { Worker } from './worker.ts';
import { ColumnarStore } from '../store/index.ts';
import type { MySqlSourceConnector } from '../connectors/mysql-source/index.ts';
import { Gateway, createDuckDbHandler, installMysqlCatalog } from '../gateway/index.ts';
import { join, resolve } from 'node:path';
import { Tiering, type StepHook } from '../tiering/index.ts';
import { resolveUpstream } from './upstream-config.ts';

export interface RunningInstance {
  /** null for a Kafka-mode source worker, which serves no queries. */
  gateway: { host: string; port: number };
  restPort: number;
  /** Live source connectors by name. */
  readonly connectors: Map<string, MySqlSourceConnector>;
  worker: Worker;
  store: ColumnarStore | null;
  tiering: Tiering | null;
  stop(): Promise<void>;
}

/**
 * Why GET /readyz answers 503: no store yet (a query node), a connector failed, or a source is
 * still taking its initial snapshot (queries would see part of the tables).
 */
async function notReadyReasons(worker: Worker, serves: boolean, store: ColumnarStore | null): Promise<string[]> {
  const reasons: string[] = [];
  if (serves && !store) reasons.push('the store is not open yet');
  for (const name of worker.names()) {
    const status = worker.status(name) as { connector: { state: string }; tasks: { state: string }[]; instaquery?: { phase?: string } };
    if (status.connector.state === 'FAILED' || status.tasks.some((t) => t.state === 'FAILED')) reasons.push(`connector ${name} has failed (GET /connectors/${name}/status says why)`);
    else if (status.instaquery?.phase === 'snapshot' || status.instaquery?.phase === 'starting') reasons.push(`connector ${name} is taking its initial snapshot`);
  }
  return reasons;
}

/**
 * Each tiering step is logged before it runs; INSTAQUERY_TIERING_STEP_PAUSE_MS holds it that long
 * first, so the crash tests can kill -9 the process inside a chosen step.
 */
function stepHook(log: Logger): StepHook {
  const pause = Number(process.env.INSTAQUERY_TIERING_STEP_PAUSE_MS ?? 0);
  return async (step, table, partition) => {
    log.info({ step, table, partition }, 'tiering step');
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  };
}

export async function startInstance(config: InstanceConfig, log: Logger): Promise<RunningInstance> {
  const worker = new Worker(config, log);
  worker.load();
  await worker.check();
  const serves = worker.needsStore();

  // Sessions that connect before the store is open wait for it.
  let openStore!: (s: ColumnarStore) => void;
  const storeReady = new Promise<ColumnarStore>((resolve) => (openStore = resolve));
  const firstSource = config.connectors.find((c) => worker.isSource(c))?.config;
  const writeTarget = firstSource ? `source database at ${firstSource['database.hostname']}:${firstSource['database.port'] ?? 3306}` : 'source database';
  const handler = createDuckDbHandler({
    connect: () => storeReady.then((s) => s.connect()),
    writeTarget,
    upstream: resolveUpstream(config.gateway.upstream, config.connectors),
    sources: () => [
      ...[...worker.sources().values()].map((c) => {
        const s = c.status();
        return { name: c.name, phase: s.phase, gtid: s.appliedGtid ?? s.offset?.gtid ?? null, millisBehindSource: s.millisBehindSource };
      }),
      ...[...worker.sinks()].map(([name, sink]) => {
        const s = sink.status();
        return { name, phase: 'streaming', gtid: s.lastGtid, millisBehindSource: s.millisBehindSource };
      }),
    ],
  });
  let gateway: Gateway | null = null;
  let store: ColumnarStore | null = null;
  const metrics = new Metrics({
    statuses: () => worker.names().map((name) => ({ name, status: worker.status(name) })),
    gatewayConnections: () => gateway?.connectionCount ?? 0,
    deadLetters: async () => {
      if (!store) return null;
      const conn = await store.connect();
      try {
        return Number((await conn.runAndReadAll('SELECT COUNT(*) FROM _instaquery.dead_letter')).getRowsJS()[0]![0]);
      } finally {
        conn.closeSync();
      }
    },
  });
  gateway = serves ? new Gateway({ ...config.gateway, observe: metrics.gateway }, handler, log.child({ part: 'gateway' })) : null;
  const rest = new RestApi(worker, () => handler.forwarded.list(), config.rest);
  rest.metrics = metrics;
  const history = new StatusHistory(worker);
  rest.history = history;
  if (serves) rest.consoleQuery = (sql, database) => runConsoleQuery(handler, sql, database);
  if (serves) rest.deadLetters = async (connector, limit) => (await storeReady).deadLetters(connector, limit);
  rest.notReady = async () => notReadyReasons(worker, serves, store);
  const gatewayAddress = gateway ? await gateway.listen() : { host: config.gateway.host, port: 0 };
  // Where tiering writes: the only directories the store's DuckDB may touch.
  const coldTarget = resolve(config.tiering['target.dir'] ?? join(config.dataDir, 'cold'));
  const tableTargets: Record<string, string> = Object.fromEntries(
    Object.entries(config.tiering.tables ?? {}).flatMap(([table, t]) => (t['target.dir'] ? [[table, resolve(t['target.dir'])]] : [])),
  );
  let restPort: number;
  try {
    restPort = await rest.listen(config.rest.host, config.rest.port);
    if (serves) store = await ColumnarStore.open(config.dataDir, [coldTarget, ...Object.values(tableTargets)]);
  } catch (err) {
    await Promise.all([gateway?.close(), rest.close()]);
    throw err;
  }
  if (store) {
    // MySQL's information_schema views, before any session can read them.
    const setup = await store.connect();
    try {
      await installMysqlCatalog(setup);
    } finally {
      setup.closeSync();
    }
    openStore(store);
    store.observer = metrics.store;
    log.info({ store: store.path }, 'store open');
  }

  const tiering = store
    ? new Tiering(
        store,
        {
          schedule: config.tiering.schedule,
          targetDir: coldTarget,
          fileSizeBytes: config.tiering['target.file.size'],
          rowGroupSize: config.tiering['row.group.size'],
          orphanGraceMs: config.tiering['orphan.grace.ms'],
          tables: Object.fromEntries(
            Object.entries(config.tiering.tables ?? {}).map(([table, t]) => [
              table,
              {
                ...(t.schedule ? { schedule: t.schedule } : {}),
                ...(tableTargets[table] ? { targetDir: tableTargets[table] } : {}),
                ...(t['target.file.size'] ? { fileSizeBytes: t['target.file.size'] } : {}),
                ...(t['row.group.size'] ? { rowGroupSize: t['row.group.size'] } : {}),
              },
            ]),
          ),
        },
        (db, table) => worker.hotWindowOf(db, table),
        log.child({ part: 'tiering' }),
        stepHook(log.child({ part: 'tiering' })),
      )
    : null;
  rest.tiering = tiering;
  if (tiering) {
    tiering.observe = (table, state, bytes) => {
      metrics.tieringRuns.inc({ table, state });
      if (bytes > 0) metrics.tieringBytes.inc({ table }, bytes);
    };
  }
  const stop = async () => {
    // A tiering step in flight finishes first; then connectors, each committing its batch.
    history.stop();
    await tiering?.stop();
    await worker.close();
    await gateway?.close();
    await rest.close();
    await store?.close();
  };
  try {
    await worker.open(store);
    history.start();
    // Finishes a run a crash interrupted, then follows the schedule.
    await tiering?.start();
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return {
    gateway: gatewayAddress,
    restPort,
    get connectors() {
      return worker.sources();
    },
    worker,
    store,
    tiering,
    stop,
  };
}
