// One instaquery process in embedded mode: sources, sink/store, gateway and REST API together.
// Start order keeps bad input from writing anything: validate config, check every source,
// bind the ports, and only then open the store and start capturing.
import type { Logger } from './logger.ts';
import type { InstanceConfig } from './instance-config.ts';
import { RestApi } from './rest-api.ts';
import { ColumnarStore, isSinkClass, sinkConfigSchema, type SinkConfig } from '../connectors/columnar-sink/index.ts';
import { MySqlSourceConnector } from '../connectors/mysql-source/index.ts';
import { Gateway, createDuckDbHandler, installMysqlCatalog } from '../gateway/index.ts';

export interface RunningInstance {
  gateway: { host: string; port: number };
  restPort: number;
  connectors: Map<string, MySqlSourceConnector>;
  store: ColumnarStore;
  stop(): Promise<void>;
}

export async function startInstance(config: InstanceConfig, log: Logger): Promise<RunningInstance> {
  const connectors = new Map<string, MySqlSourceConnector>();
  let sink: SinkConfig | undefined;
  for (const { name, config: raw } of config.connectors) {
    // A sink connector configures how sources land in the store; without one, defaults apply.
    if (isSinkClass(raw['connector.class'])) sink = sinkConfigSchema.parse(raw);
    else connectors.set(name, new MySqlSourceConnector(name, raw, log.child({ connector: name })));
  }
  for (const c of connectors.values()) await c.check();

  // Sessions that connect before the store is open wait for it.
  let openStore!: (s: ColumnarStore) => void;
  const storeReady = new Promise<ColumnarStore>((resolve) => (openStore = resolve));
  const first = [...connectors.values()][0]?.config;
  const writeTarget = first ? `source database at ${first['database.hostname']}:${first['database.port']}` : 'source database';
  const handler = createDuckDbHandler({
      connect: () => storeReady.then((s) => s.connect()),
      writeTarget,
      upstream: config.gateway.upstream,
      sources: () =>
        [...connectors.values()].map((c) => {
          const s = c.status();
          return { name: c.name, phase: s.phase, gtid: s.appliedGtid ?? s.offset?.gtid ?? null, millisBehindSource: s.millisBehindSource };
        }),
    });
  const gateway = new Gateway(config.gateway, handler, log.child({ part: 'gateway' }));
  const rest = new RestApi(connectors, () => handler.forwarded.list());
  const gatewayAddress = await gateway.listen();
  let restPort: number;
  let store: ColumnarStore;
  try {
    restPort = await rest.listen(config.rest.host, config.rest.port);
    store = await ColumnarStore.open(config.dataDir);
  } catch (err) {
    await Promise.all([gateway.close(), rest.close()]);
    throw err;
  }
  // MySQL's information_schema views, before any session can read them.
  const setup = await store.connect();
  try {
    await installMysqlCatalog(setup);
  } finally {
    setup.closeSync();
  }
  openStore(store);
  log.info({ store: store.path }, 'store open');

  const stop = async () => {
    await Promise.all([...connectors.values()].map((c) => c.stop()));
    await gateway.close();
    await rest.close();
    await store.close();
  };
  try {
    for (const c of connectors.values()) await c.start(store.consumerFor(c.name, sink));
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { gateway: gatewayAddress, restPort, connectors, store, stop };
}
