// Kafka Connect's own routes: the root, the connector plugins and their config validation, and
// /connectors/… (create, configure, status, tasks, pause/resume/stop/restart, KIP-875 offsets,
// topics), plus instaquery's per-connector additions there (ad-hoc snapshots, dead letters).
import { VERSION } from '../core/index.ts';
import type { StoredDeadLetter } from '../store/index.ts';
import { MYSQL_CONNECTOR_CLASS } from '../connectors/mysql-source/index.ts';
import { KUDU_SINK_CONNECTOR_CLASS, SINK_CONNECTOR_CLASS } from '../connectors/columnar-sink/index.ts';
import { ConnectError } from './connect-error.ts';
import type { Worker } from './worker.ts';
import { ignoredKeys } from './ignored-keys.ts';
import { connectorNameProblem } from './connector-name.ts';
import { HIDDEN, SECRET_KEY } from './secret-scrub.ts';
import { checkName, configBody, notFound, type Reply } from './rest-reply.ts';

const PLUGINS = [
  { class: MYSQL_CONNECTOR_CLASS, type: 'source', version: VERSION },
  { class: SINK_CONNECTOR_CLASS, type: 'sink', version: VERSION },
  { class: KUDU_SINK_CONNECTOR_CLASS, type: 'sink', version: VERSION },
];

export interface ConnectorRouteParts {
  worker: Worker;
  /** A connector's dead letters, from the store; null where there is no store (a Kafka-mode source worker). */
  deadLetters: ((connector: string, limit: number) => Promise<StoredDeadLetter[]>) | null;
}

/** `path` is the URL's path without trailing slashes, `parts` its decoded segments. */
export async function connectorRoute({ worker: w, deadLetters }: ConnectorRouteParts, method: string, url: URL, path: string, parts: string[], body: unknown): Promise<Reply> {
  if (path === '/' && method === 'GET') return [200, { version: VERSION, commit: '', kafka_cluster_id: null }];
  if (path === '/connector-plugins' && method === 'GET') return [200, PLUGINS];
  if (parts[0] === 'connector-plugins' && parts[2] === 'config' && parts[3] === 'validate' && method === 'PUT') return validate(w, parts[1]!, body);
  if (path === '/connectors' && method === 'GET') return [200, list(w, url.searchParams.getAll('expand'))];
  if (path === '/connectors' && method === 'POST') return create(w, body);
  if (parts[0] !== 'connectors' || !parts[1]) return notFound(path);
  const name = parts[1];
  // Every address by name is checked, not only creation: a bad name is a 400 that says why.
  checkName(name);
  const rest = parts.slice(2).join('/');
  switch (`${method} ${rest}`) {
    case 'GET ':
      return [200, info(w, name)];
    case 'DELETE ':
      await w.delete(name);
      return [204, null];
    case 'GET config':
      return [200, w.configOf(name)];
    case 'PUT config': {
      const config = configBody(body);
      const { created } = await w.put(name, config);
      return [created ? 201 : 200, info(w, name)];
    }
    case 'PATCH config': {
      const patch = configBody(body);
      const merged: Record<string, unknown> = { ...w.configOf(name) };
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      await w.put(name, merged);
      return [200, info(w, name)];
    }
    case 'GET status':
      return [200, w.status(name)];
    case 'GET tasks':
      return [200, w.tasks(name)];
    case 'PUT pause':
      await w.pause(name);
      return [202, null];
    case 'PUT resume':
      await w.resume(name);
      return [202, null];
    case 'PUT stop':
      await w.stop(name);
      return [204, null];
    case 'POST restart': {
      const includeTasks = url.searchParams.get('includeTasks') === 'true';
      const onlyFailed = url.searchParams.get('onlyFailed') === 'true';
      await w.restart(name, onlyFailed);
      return includeTasks ? [202, w.status(name)] : [204, null];
    }
    case 'GET offsets':
      return [200, await w.offsets(name)];
    case 'DELETE offsets':
      await w.resetOffsets(name);
      return [200, { message: 'The offsets for this connector have been reset successfully' }];
    case 'PATCH offsets':
      await w.alterOffsets(name, body);
      return [200, { message: 'The offsets for this connector have been altered successfully' }];
    case 'GET dead-letters': {
      // Records the sink could not store (behavior.on.exception = LOG), oldest first.
      w.configOf(name); // 404 for an unknown connector
      if (!deadLetters) throw new ConnectError(404, 'this process has no store (a Kafka-mode source worker): ask the query node');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ConnectError(400, `limit must be a whole number from 1 to 10000, not ${url.searchParams.get('limit')}`);
      return [200, { connector: name, records: await deadLetters(name, limit) }];
    }
    case 'GET topics':
      return [200, { [name]: { topics: w.topics(name) } }];
    case 'POST snapshot':
      return requestSnapshot(w, name, body);
  }
  const task = /^tasks\/(\d+)\/(status|restart)$/.exec(rest);
  if (task) {
    const id = Number(task[1]);
    const status = w.status(name) as { tasks: { id: number }[] };
    const found = status.tasks.find((t) => t.id === id);
    if (!found) return [404, { error_code: 404, message: `Task ${name}-${id} not found` }];
    if (task[2] === 'status' && method === 'GET') return [200, found];
    if (task[2] === 'restart' && method === 'POST') {
      await w.restart(name);
      return [204, null];
    }
  }
  return [405, { error_code: 405, message: `HTTP ${method} is not supported on ${path}` }];
}

function list(worker: Worker, expand: string[]): unknown {
  const names = worker.names();
  if (expand.length === 0) return names;
  return Object.fromEntries(
    names.map((n) => [n, { ...(expand.includes('status') ? { status: worker.status(n) } : {}), ...(expand.includes('info') ? { info: info(worker, n) } : {}) }]),
  );
}

function info(worker: Worker, name: string) {
  const config = worker.configOf(name);
  const type = worker.isSource({ config }) ? 'source' : 'sink';
  return { name, config, tasks: worker.tasks(name).map((t) => t.id), type };
}

async function create(worker: Worker, body: unknown): Promise<Reply> {
  const b = body as { name?: unknown; config?: unknown } | null;
  if (!b || typeof b !== 'object' || typeof b.name !== 'string') return [400, { error_code: 400, message: 'the body must be {"name": "<letters, digits, . _ ->", "config": {...}}' }];
  checkName(b.name);
  if (!b.config || typeof b.config !== 'object') return [400, { error_code: 400, message: `Connector config for ${b.name} is missing: send {"name": "${b.name}", "config": {...}}` }];
  if (worker.names().includes(b.name)) return [409, { error_code: 409, message: `Connector ${b.name} already exists` }];
  await worker.put(b.name, b.config as Record<string, unknown>);
  return [201, info(worker, b.name)];
}

/** PUT /connector-plugins/{type}/config/validate, answered as Kafka Connect answers it. */
function validate(worker: Worker, type: string, body: unknown): Reply {
  const config = configBody(body);
  const cls = PLUGINS.find((p) => p.class === type || p.class.endsWith(`.${type}`))?.class;
  if (!cls) return [404, { error_code: 404, message: `Failed to find any class that implements Connector and which name matches ${type}, available connectors are: ${PLUGINS.map((p) => p.class).join(', ')}` }];
  const full: Record<string, unknown> = { 'connector.class': cls, ...config };
  const problems = worker.problems(String(config.name ?? '__validate__'), full).map((p) => p.replace(/^connector '[^']*': /, ''));
  const ignored = ignoredKeys(full);
  // Each problem names its key first, in quotes; one naming none is shown on connector.class.
  const placed = problems.map((message) => ({ message, key: /'([^']+)'/.exec(message)?.[1] ?? 'connector.class' }));
  const nameProblem = config.name === undefined ? null : connectorNameProblem(config.name);
  if (nameProblem) {
    problems.push(nameProblem);
    placed.push({ message: nameProblem, key: 'name' });
  }
  const keys = [...new Set([...Object.keys(full), ...placed.map((p) => p.key)])];
  const errorsOf = (key: string) => placed.filter((p) => p.key === key).map((p) => p.message);
  const configs = keys.map((key, order) => ({
    definition: { name: key, type: 'STRING', required: false, default_value: null, importance: 'MEDIUM', documentation: ignored.find((i) => i.key === key)?.reason ?? '', group: 'Common', width: 'NONE', display_name: key, dependents: [], order },
    value: { name: key, value: SECRET_KEY.test(key) ? HIDDEN : full[key] === undefined ? null : String(full[key]), recommended_values: [], errors: errorsOf(key), visible: true },
  }));
  return [200, { name: cls, error_count: problems.length, groups: ['Common'], configs }];
}

/** POST /connectors/{name}/snapshot {"data-collections": ["db.table", …]}: an ad-hoc snapshot. */
function requestSnapshot(worker: Worker, name: string, body: unknown): Reply {
  const connector = worker.sources().get(name);
  if (!connector) return [404, { error_code: 404, message: `Connector ${name} not found or not running` }];
  const tables = (body as { 'data-collections'?: unknown } | null)?.['data-collections'];
  if (!Array.isArray(tables) || tables.length === 0 || !tables.every((t) => typeof t === 'string')) {
    return [400, { error_code: 400, message: 'the body must be {"data-collections": ["db.table", ...]}' }];
  }
  try {
    connector.requestSnapshot(tables as string[]);
  } catch (err) {
    return [409, { error_code: 409, message: (err as Error).message }];
  }
  return [202, { connector: name, 'data-collections': tables }];
}
