// instaquery's own routes beside Kafka Connect's: the gateway's forwarded statements, tiering,
// and the admin UI's source catalog, status history and query console.
import { UserFacingError } from '../core/index.ts';
import type { Tiering } from '../tiering/index.ts';
import type { ForwardedShape } from '../gateway/index.ts';
import type { ConsoleAnswer } from './query-console.ts';
import type { StatusHistory } from './status-history.ts';
import { readSourceCatalog } from './source-catalog.ts';
import { ConnectError } from './connect-error.ts';
import type { Worker } from './worker.ts';
import { checkName, configBody, notFound, type Reply } from './rest-reply.ts';

export interface InstaqueryRouteParts {
  worker: Worker;
  /** Statement shapes the gateway forwarded upstream, with counts and reasons. */
  forwarded: () => ForwardedShape[];
  /** The store's tiering job; null where there is no store (a Kafka-mode source worker). */
  tiering: Tiering | null;
  /** The last hour of each connector's lag and events, for the admin UI's charts. */
  history: StatusHistory | null;
  /** The admin UI's query console; null where no gateway serves (a Kafka-mode source worker). */
  consoleQuery: ((sql: string, database: string | null) => Promise<ConsoleAnswer>) | null;
}

/** The answer to one of these routes; null when `path` is none of them. */
export async function instaqueryRoute(api: InstaqueryRouteParts, method: string, path: string, parts: string[], body: unknown): Promise<Reply | null> {
  if (path === '/gateway/forwarded' && method === 'GET') return [200, api.forwarded()];
  if (parts[0] === 'tiering') return tieringRoute(api.tiering, method, parts.slice(1), body);
  if (path === '/instaquery/source-catalog' && method === 'POST') {
    try {
      return [200, await readSourceCatalog(configBody(body))];
    } catch (err) {
      if (err instanceof ConnectError) throw err;
      throw new ConnectError(400, `cannot read the source's catalog: ${err instanceof UserFacingError ? err.describe() : (err as Error).message}`);
    }
  }
  if (parts[0] === 'instaquery' && parts[1] === 'history' && parts[2] && method === 'GET') {
    checkName(parts[2]);
    api.worker.configOf(parts[2]); // 404 for an unknown connector
    return [200, { connector: parts[2], samples: api.history?.of(parts[2]) ?? [] }];
  }
  if (path === '/instaquery/query' && method === 'POST') {
    if (!api.consoleQuery) throw new ConnectError(404, 'this process serves no queries (a Kafka-mode source worker): use the query node');
    const { sql, database } = (body ?? {}) as { sql?: unknown; database?: unknown };
    if (typeof sql !== 'string' || !sql.trim()) throw new ConnectError(400, 'the body needs "sql", the statement to run');
    try {
      return [200, await api.consoleQuery(sql, typeof database === 'string' && database ? database : null)];
    } catch (err) {
      const code = (err as { mysqlCode?: number }).mysqlCode;
      if (code !== undefined) return [400, { error_code: 400, mysql_error: code, message: (err as Error).message }];
      throw err;
    }
  }
  return null;
}

/** `GET /tiering`, `POST /tiering/run` ({"table"?}), `POST /tiering/restore` ({"table", "partition"}). */
async function tieringRoute(tiering: Tiering | null, method: string, parts: string[], body: unknown): Promise<Reply> {
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
