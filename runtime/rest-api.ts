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
import { uiAsset } from './ui-assets.ts';
import { VERSION } from '../core/index.ts';
import type { StoredDeadLetter } from '../store/index.ts';
import type { Worker } from './worker.ts';
import { ConnectError } from './connect-error.ts';
import { crossSiteRefusal, hostRefusal, mediaTypeRefusal } from './rest-guard.ts';
import { SecretScrubber } from './secret-scrub.ts';
import type { ForwardedShape } from '../gateway/index.ts';
import { notFound, type Reply } from './rest-reply.ts';
import { connectorRoute } from './connector-routes.ts';
import { instaqueryRoute } from './instaquery-routes.ts';

export { VERSION };
export { OPEN_ROUTES, REST_ROUTES } from './rest-routes.ts';

export interface RestAuth {
  token?: string | undefined;
  users?: { user: string; password: string }[] | undefined;
}

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
    const instaquery = { worker: this.worker, forwarded: this.forwarded, tiering: this.tiering, history: this.history, consoleQuery: this.consoleQuery };
    return (await instaqueryRoute(instaquery, method, path, parts, body)) ?? connectorRoute({ worker: this.worker, deadLetters: this.deadLetters }, method, url, path, parts, body);
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
