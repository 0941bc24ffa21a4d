// The first slice of Kafka Connect's REST API (issue 7 completes it): enough for curl and the
// on-call engineer to see what runs and how far behind it is.
import { createServer, type Server } from 'node:http';
import { UserFacingError } from './errors.ts';
import type { MySqlSourceConnector } from '../connectors/mysql-source/index.ts';
import type { ForwardedShape } from '../gateway/index.ts';

export const VERSION = '0.1.0';

export class RestApi {
  private server: Server | null = null;

  constructor(
    private readonly connectors: Map<string, MySqlSourceConnector>,
    /** Statement shapes the gateway forwarded upstream, with counts and reasons. */
    private readonly forwarded: () => ForwardedShape[] = () => [],
  ) {}

  private status(c: MySqlSourceConnector) {
    const s = c.status();
    const worker_id = 'embedded';
    return {
      name: c.name,
      connector: { state: s.state, worker_id },
      tasks: [{ id: 0, state: s.state, worker_id, ...(s.trace ? { trace: s.trace } : {}) }],
      type: 'source',
      instaquery: { phase: s.phase, snapshot: s.snapshot, snapshot_estimates: s.snapshotEstimates, millis_behind_source: s.millisBehindSource, events_applied: s.eventsApplied, quarantined: s.quarantined, warnings: s.warnings, offset: s.offset, server: s.server },
    };
  }

  private route(method: string, path: string, body: unknown): [number, unknown] {
    const snapshot = /^\/connectors\/([^/]+)\/snapshot$/.exec(path);
    if (snapshot && method === 'POST') return this.requestSnapshot(decodeURIComponent(snapshot[1]!), body);
    if (method !== 'GET') return [405, { error_code: 405, message: `HTTP method ${method} is not supported on ${path} yet` }];
    if (path === '/') return [200, { version: VERSION, commit: '', kafka_cluster_id: null }];
    if (path === '/connectors') return [200, [...this.connectors.keys()]];
    if (path === '/gateway/forwarded') return [200, this.forwarded()];
    const m = /^\/connectors\/([^/]+)(\/status)?$/.exec(path);
    const connector = m ? this.connectors.get(decodeURIComponent(m[1]!)) : undefined;
    if (m && !connector) return [404, { error_code: 404, message: `Connector ${decodeURIComponent(m[1]!)} not found` }];
    if (m && m[2]) return [200, this.status(connector!)];
    if (m) return [200, { name: connector!.name, type: 'source', tasks: [{ connector: connector!.name, task: 0 }] }];
    return [404, { error_code: 404, message: `No such resource: ${path}` }];
  }

  /** POST /connectors/{name}/snapshot {"data-collections": ["db.table", …]}: an ad-hoc snapshot. */
  private requestSnapshot(name: string, body: unknown): [number, unknown] {
    const connector = this.connectors.get(name);
    if (!connector) return [404, { error_code: 404, message: `Connector ${name} not found` }];
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
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.length > 1_000_000) req.destroy();
      });
      req.on('end', () => {
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error_code: 400, message: 'the request body is not valid JSON' }));
          return;
        }
        const [status, out] = this.route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/', body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out));
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
