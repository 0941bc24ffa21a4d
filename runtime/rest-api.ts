// Kafka Connect's REST API (https://kafka.apache.org/documentation/#connect_rest), in embedded
// and Kafka mode alike, so the curl commands written for Debezium + Kafka Connect drive
// instaquery unchanged. Bodies and errors ({error_code, message}) are shaped as Kafka Connect's;
// passwords come back as "[hidden]". Protected by a bearer token or basic auth when configured;
// the config refuses a non-loopback address without either. Only the probes (/healthz, /readyz)
// and the admin UI's static page and code (/ui/, which hold no data) answer without credentials.
// Before any handler runs, rest-guard.ts refuses what a web page could make a browser send
// (another Host on a loopback bind, a cross-site state change, a body not declared JSON), names
// are checked by connector-name.ts, and secret-scrub.ts keeps secrets out of error text.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { UserFacingError } from '../core/index.ts';
import type { Tiering } from '../tiering/index.ts';
import type { Metrics } from './metrics.ts';
import type { ConsoleAnswer } from './query-console.ts';
import type { StatusHistory } from './status-history.ts';
import { readSourceCatalog } from './source-catalog.ts';
import { uiAsset } from './ui-assets.ts';
import { VERSION } from '../core/index.ts';
import type { StoredDeadLetter } from '../store/index.ts';
import { ConnectError, type Worker } from './worker.ts';
import { ignoredKeys } from './ignored-keys.ts';
import { connectorNameProblem } from './connector-name.ts';
import { crossSiteRefusal, hostRefusal, mediaTypeRefusal } from './rest-guard.ts';
import { HIDDEN, SECRET_KEY, SecretScrubber } from './secret-scrub.ts';
import { MYSQL_CONNECTOR_CLASS } from '../connectors/mysql-source/index.ts';
import { KUDU_SINK_CONNECTOR_CLASS, SINK_CONNECTOR_CLASS } from '../connectors/columnar-sink/index.ts';
import type { ForwardedShape } from '../gateway/index.ts';

export { VERSION };

type Reply = [number, unknown];

const PLUGINS = [
  { class: MYSQL_CONNECTOR_CLASS, type: 'source', version: VERSION },
  { class: SINK_CONNECTOR_CLASS, type: 'sink', version: VERSION },
  { class: KUDU_SINK_CONNECTOR_CLASS, type: 'sink', version: VERSION },
];

export interface RestAuth {
  token?: string | undefined;
  users?: { user: string; password: string }[] | undefined;
}

/**
 * Every route the API answers, as `METHOD /path` with `{name}`, `{id}` and `{type}` for the
 * variable parts. Kept in step with route() by hand: test/security/rest-api.test.ts checks that
 * each exists and that each but the probes and /ui/ needs credentials.
 */
export const REST_ROUTES = [
  'GET /',
  'GET /connectors',
  'POST /connectors',
  'GET /connectors/{name}',
  'DELETE /connectors/{name}',
  'GET /connectors/{name}/config',
  'PUT /connectors/{name}/config',
  'PATCH /connectors/{name}/config',
  'GET /connectors/{name}/status',
  'GET /connectors/{name}/tasks',
  'GET /connectors/{name}/tasks/{id}/status',
  'POST /connectors/{name}/tasks/{id}/restart',
  'PUT /connectors/{name}/pause',
  'PUT /connectors/{name}/resume',
  'PUT /connectors/{name}/stop',
  'POST /connectors/{name}/restart',
  'GET /connectors/{name}/offsets',
  'PATCH /connectors/{name}/offsets',
  'DELETE /connectors/{name}/offsets',
  'GET /connectors/{name}/topics',
  'POST /connectors/{name}/snapshot',
  'GET /connectors/{name}/dead-letters',
  'GET /connector-plugins',
  'PUT /connector-plugins/{type}/config/validate',
  'GET /gateway/forwarded',
  'GET /tiering',
  'POST /tiering/run',
  'POST /tiering/restore',
  'POST /instaquery/source-catalog',
  'POST /instaquery/query',
  'GET /instaquery/history/{name}',
  'GET /metrics',
  'GET /healthz',
  'GET /readyz',
  'GET /ui/',
] as const;

/** The routes that answer without credentials: probes, and the UI's page and code (no data in them). */
export const OPEN_ROUTES: readonly string[] = ['GET /healthz', 'GET /readyz', 'GET /ui/'];

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class RestApi {
  private server: Server | null = null;
  /** The address listen() bound: a loopback one turns on the Host check (DNS rebinding). */
  private boundHost = '127.0.0.1';
  private readonly scrubber = new SecretScrubber();
  /** The store's tiering job; null where there is no store (a Kafka-mode source worker). */
  tiering: Tiering | null = null;
  metrics: Metrics | null = null;
  /** The last hour of each connector's lag and events, for the admin UI's charts. */
  history: StatusHistory | null = null;
  /** The admin UI's query console; null where no gateway serves (a Kafka-mode source worker). */
  consoleQuery: ((sql: string, database: string | null) => Promise<ConsoleAnswer>) | null = null;
  /** A connector's dead letters, from the store; null where there is no store (a Kafka-mode source worker). */
  deadLetters: ((connector: string, limit: number) => Promise<StoredDeadLetter[]>) | null = null;
  /** For GET /readyz: what keeps this process from answering as it should, if anything. */
  notReady: () => Promise<string[]> = async () => [];

  constructor(
    private readonly worker: Worker,
    /** Statement shapes the gateway forwarded upstream, with counts and reasons. */
    private readonly forwarded: () => ForwardedShape[] = () => [],
    private readonly auth: RestAuth = {},
  ) {
    // The API's own credentials are never echoed either.
    this.scrubber.remember(auth.token);
    for (const u of auth.users ?? []) this.scrubber.remember(u.password);
  }

  /** `GET /tiering`, `POST /tiering/run` ({"table"?}), `POST /tiering/restore` ({"table", "partition"}). */
  private async tieringRoute(method: string, parts: string[], body: unknown): Promise<Reply> {
    const tiering = this.tiering;
    if (!tiering) throw new ConnectError(404, 'this process has no store to tier (a Kafka-mode source worker): ask the query node');
    const args = (body ?? {}) as Record<string, unknown>;
    const text = (key: string, required: boolean): string | null => {
      const v = args[key];
      if (v === undefined || v === null) {
        if (required) throw new ConnectError(400, `the body needs "${key}"`);
        return null;
      }
      if (typeof v !== 'string' || v === '') throw new ConnectError(400, `"${key}" must be a non-empty string`);
      return v;
    };
    try {
      if (parts.length === 0 && method === 'GET') return [200, await tiering.status()];
      if (parts[0] === 'run' && parts.length === 1 && method === 'POST') return [200, { runs: await tiering.run(text('table', false), 'manual') }];
      if (parts[0] === 'restore' && parts.length === 1 && method === 'POST') return [200, await tiering.restore(text('table', true)!, text('partition', true)!)];
    } catch (err) {
      if (err instanceof UserFacingError) throw new ConnectError(400, err.describe());
      throw err;
    }
    return notFound(`/tiering/${parts.join('/')}`);
  }

  private authorized(req: IncomingMessage): boolean {
    const { token, users } = this.auth;
    if (!token && !users?.length) return true;
    const header = req.headers.authorization ?? '';
    if (token && header.startsWith('Bearer ') && same(header.slice(7), token)) return true;
    if (users?.length && header.startsWith('Basic ')) {
      const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      const password = rest.join(':');
      return users.some((u) => same(u.user, user ?? '') && same(u.password, password));
    }
    return false;
  }

  private async route(method: string, url: URL, body: unknown): Promise<Reply> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    let parts: string[];
    try {
      parts = path.split('/').slice(1).map(decodeURIComponent);
    } catch {
      throw new ConnectError(400, `the path ${path.slice(0, 200)} is not valid URL encoding`);
    }
    const w = this.worker;
    if (path === '/' && method === 'GET') return [200, { version: VERSION, commit: '', kafka_cluster_id: null }];
    if (path === '/gateway/forwarded' && method === 'GET') return [200, this.forwarded()];
    if (path === '/connector-plugins' && method === 'GET') return [200, PLUGINS];
    if (parts[0] === 'connector-plugins' && parts[2] === 'config' && parts[3] === 'validate' && method === 'PUT') return this.validate(parts[1]!, body);
    if (parts[0] === 'tiering') return this.tieringRoute(method, parts.slice(1), body);
    if (path === '/instaquery/source-catalog' && method === 'POST') {
      try {
        return [200, await readSourceCatalog(this.configBody(body))];
      } catch (err) {
        if (err instanceof ConnectError) throw err;
        throw new ConnectError(400, `cannot read the source's catalog: ${err instanceof UserFacingError ? err.describe() : (err as Error).message}`);
      }
    }
    if (parts[0] === 'instaquery' && parts[1] === 'history' && parts[2] && method === 'GET') {
      checkName(parts[2]);
      this.worker.configOf(parts[2]); // 404 for an unknown connector
      return [200, { connector: parts[2], samples: this.history?.of(parts[2]) ?? [] }];
    }
    if (path === '/instaquery/query' && method === 'POST') {
      if (!this.consoleQuery) throw new ConnectError(404, 'this process serves no queries (a Kafka-mode source worker): use the query node');
      const { sql, database } = (body ?? {}) as { sql?: unknown; database?: unknown };
      if (typeof sql !== 'string' || !sql.trim()) throw new ConnectError(400, 'the body needs "sql", the statement to run');
      try {
        return [200, await this.consoleQuery(sql, typeof database === 'string' && database ? database : null)];
      } catch (err) {
        const code = (err as { mysqlCode?: number }).mysqlCode;
        if (code !== undefined) return [400, { error_code: 400, mysql_error: code, message: (err as Error).message }];
        throw err;
      }
    }
    if (path === '/connectors' && method === 'GET') return [200, this.list(url.searchParams.getAll('expand'))];
    if (path === '/connectors' && method === 'POST') return this.create(body);
    if (parts[0] !== 'connectors' || !parts[1]) return notFound(path);
    const name = parts[1];
    // Every address by name is checked, not only creation: a bad name is a 400 that says why.
    checkName(name);
    const rest = parts.slice(2).join('/');
    switch (`${method} ${rest}`) {
      case 'GET ':
        return [200, this.info(name)];
      case 'DELETE ':
        await w.delete(name);
        return [204, null];
      case 'GET config':
        return [200, w.configOf(name)];
      case 'PUT config': {
        const config = this.configBody(body);
        const { created } = await w.put(name, config);
        return [created ? 201 : 200, this.info(name)];
      }
      case 'PATCH config': {
        const patch = this.configBody(body);
        const merged: Record<string, unknown> = { ...w.configOf(name) };
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        await w.put(name, merged);
        return [200, this.info(name)];
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
        this.worker.configOf(name); // 404 for an unknown connector
        if (!this.deadLetters) throw new ConnectError(404, 'this process has no store (a Kafka-mode source worker): ask the query node');
        const limit = Number(url.searchParams.get('limit') ?? 100);
        if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ConnectError(400, `limit must be a whole number from 1 to 10000, not ${url.searchParams.get('limit')}`);
        return [200, { connector: name, records: await this.deadLetters(name, limit) }];
      }
      case 'GET topics':
        return [200, { [name]: { topics: w.topics(name) } }];
      case 'POST snapshot':
        return this.requestSnapshot(name, body);
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

  private list(expand: string[]): unknown {
    const names = this.worker.names();
    if (expand.length === 0) return names;
    return Object.fromEntries(
      names.map((n) => [n, { ...(expand.includes('status') ? { status: this.worker.status(n) } : {}), ...(expand.includes('info') ? { info: this.info(n) } : {}) }]),
    );
  }

  private info(name: string) {
    const config = this.worker.configOf(name);
    const type = this.worker.isSource({ config }) ? 'source' : 'sink';
    return { name, config, tasks: this.worker.tasks(name).map((t) => t.id), type };
  }

  private configBody(body: unknown): Record<string, unknown> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ConnectError(400, 'the body must be the connector config as a JSON object of "key": "value"');
    return body as Record<string, unknown>;
  }

  private async create(body: unknown): Promise<Reply> {
    const b = body as { name?: unknown; config?: unknown } | null;
    if (!b || typeof b !== 'object' || typeof b.name !== 'string') return [400, { error_code: 400, message: 'the body must be {"name": "<letters, digits, . _ ->", "config": {...}}' }];
    checkName(b.name);
    if (!b.config || typeof b.config !== 'object') return [400, { error_code: 400, message: `Connector config for ${b.name} is missing: send {"name": "${b.name}", "config": {...}}` }];
    if (this.worker.names().includes(b.name)) return [409, { error_code: 409, message: `Connector ${b.name} already exists` }];
    await this.worker.put(b.name, b.config as Record<string, unknown>);
    return [201, this.info(b.name)];
  }

  /** PUT /connector-plugins/{type}/config/validate, answered as Kafka Connect answers it. */
  private validate(type: string, body: unknown): Reply {
    const config = this.configBody(body);
    const cls = PLUGINS.find((p) => p.class === type || p.class.endsWith(`.${type}`))?.class;
    if (!cls) return [404, { error_code: 404, message: `Failed to find any class that implements Connector and which name matches ${type}, available connectors are: ${PLUGINS.map((p) => p.class).join(', ')}` }];
    const full: Record<string, unknown> = { 'connector.class': cls, ...config };
    const problems = this.worker.problems(String(config.name ?? '__validate__'), full).map((p) => p.replace(/^connector '[^']*': /, ''));
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
  private requestSnapshot(name: string, body: unknown): Reply {
    const connector = this.worker.sources().get(name);
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

  async listen(host: string, port: number): Promise<number> {
    this.boundHost = host;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.length > 1_000_000) req.destroy();
      });
      req.on('end', () => {
        // Cheap and standard: no MIME sniffing of any answer, and no page of ours in a frame (clickjacking).
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('x-frame-options', 'DENY');
        const send = ([status, out]: Reply) => {
          res.writeHead(status, status === 204 || out === null ? {} : { 'content-type': 'application/json' });
          res.end(status === 204 || out === null ? undefined : JSON.stringify(this.scrubber.scrub(out)));
        };
        const refuse = (refusal: { status: number; message: string } | null) => refusal !== null && (send([refusal.status, { error_code: refusal.status, message: refusal.message }]), true);
        // DNS rebinding, before anything answers (the probes and the UI too).
        if (refuse(hostRefusal(req, this.boundHost))) return;
        // Probes carry no credentials: liveness and readiness say nothing beyond up or not (and why not).
        const probe = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && probe === '/healthz') return send([200, { status: 'ok' }]);
        // The UI's page and code hold no data: they load without credentials and ask for them.
        if (req.method === 'GET' && (probe === '/ui' || probe?.startsWith('/ui/'))) {
          uiAsset(probe).then(
            (asset) => {
              if (!asset) return send(notFound(probe));
              res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache', 'content-security-policy': "frame-ancestors 'none'" });
              res.end(asset.body);
            },
            (err: Error) => send([500, { error_code: 500, message: `cannot build the admin UI: ${err.message}` }]),
          );
          return;
        }
        if (req.method === 'GET' && probe === '/readyz') {
          this.notReady().then(
            (reasons) => send(reasons.length ? [503, { status: 'not ready', reasons }] : [200, { status: 'ready' }]),
            (err: Error) => send([503, { status: 'not ready', reasons: [err.message] }]),
          );
          return;
        }
        // CSRF before auth: a cross-site request is refused whatever credentials the browser
        // attached, and never gets a Basic challenge that would make the browser ask for them.
        if (refuse(crossSiteRefusal(req))) return;
        if (!this.authorized(req)) {
          // Basic only when basic users exist: a browser answers a Basic challenge with its own
          // login dialog, which a token cannot be typed into (the admin UI asks for the token).
          res.setHeader('www-authenticate', this.auth.users?.length ? 'Basic realm="instaquery"' : 'Bearer realm="instaquery"');
          return send([401, { error_code: 401, message: 'the REST API needs credentials: send Authorization: Bearer <rest.token> or basic auth of one of rest.users' }]);
        }
        if (refuse(mediaTypeRefusal(req, text.length > 0))) return;
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          return send([400, { error_code: 400, message: 'the request body is not valid JSON' }]);
        }
        // What this request and the running connectors hold as secrets must not come back in error text.
        this.scrubber.rememberSecretsOf(body);
        for (const source of this.worker.sources().values()) this.scrubber.rememberSecretsOf(source.config);
        if (req.method === 'GET' && probe === '/metrics' && this.metrics) {
          const metrics = this.metrics;
          metrics.text().then(
            (out) => {
              res.writeHead(200, { 'content-type': metrics.contentType });
              res.end(out);
            },
            (err: Error) => send([500, { error_code: 500, message: `cannot collect metrics: ${err.message}` }]),
          );
          return;
        }
        this.route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), body).then(send, (err: Error) => {
          if (err instanceof ConnectError) return send([err.status, { error_code: err.status, message: err.message }]);
          const message = err instanceof UserFacingError ? err.describe() : err.message;
          send([500, { error_code: 500, message }]);
        });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new UserFacingError(`the REST API port ${host}:${port} is already in use`, 'stop whatever listens there, or set rest.port in the config to a free port')
            : new UserFacingError(`the REST API cannot listen on ${host}:${port}: ${err.message}`),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive clients would otherwise hold close() open until they time out.
    server.closeAllConnections();
    await closed;
  }
}

function checkName(name: string): void {
  const problem = connectorNameProblem(name);
  if (problem) throw new ConnectError(400, problem);
}

const notFound = (path: string): Reply => [404, { error_code: 404, message: `No such resource: ${path}` }];
