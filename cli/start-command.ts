// `instaquery start --config FILE`: runs everything in one process until SIGTERM/SIGINT, then
// finishes the in-flight batch, commits, and exits 0.
import type { InstanceConfig } from '../runtime/instance-config.ts';
import { createLogger } from '../core/index.ts';
import { startInstance, type RunningInstance } from '../runtime/instance.ts';

export async function runStart(config: InstanceConfig, say: (line: string) => void): Promise<RunningInstance> {
  const log = createLogger(config.log.level);
  if (config.gateway.users.length === 0) {
    say(`no gateway users configured: accepting user root without a password, from loopback addresses only`);
    log.warn('no gateway users configured: accepting root without password on loopback only');
  }
  if (config.connectors.length === 0) say('no connectors configured: the gateway serves the store as it is');
  // A signal during start-up (a long snapshot) stops at once: every chunk written is committed
  // with its progress, so the next start resumes after it.
  const early = (signal: string) => {
    log.info({ signal }, 'stopping during start-up; a snapshot resumes from its last chunk on the next start');
    process.exit(0);
  };
  process.once('SIGTERM', early);
  process.once('SIGINT', early);
  const instance = await startInstance(config, log);
  process.off('SIGTERM', early);
  process.off('SIGINT', early);
  const { host, port } = instance.gateway;
  log.info({ gateway: `${host}:${port}`, rest: instance.restPort }, 'instaquery ready');
  const login = config.gateway.users[0] ? `-u${config.gateway.users[0].user} -p` : '-uroot';
  if (instance.store) say(`instaquery ready: connect with  mariadb -h${host} -P${port} ${login}   (REST API on http://${config.rest.host}:${instance.restPort})`);
  else say(`instaquery ready: source worker publishing to Kafka at ${config.kafka?.['bootstrap.servers']}, no gateway   (REST API on http://${config.rest.host}:${instance.restPort})`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    instance.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: (err as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return instance;
}
