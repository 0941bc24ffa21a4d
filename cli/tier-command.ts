// `instaquery tier run|restore|status`: asks the running instance (its REST API, with the
// config's token or first basic-auth user) to run tiering now, restore a partition, or report.
// The store belongs to that process (DuckDB allows one writer), so the CLI never opens it.
import { UserFacingError } from '../core/index.ts';
import type { InstanceConfig } from '../runtime/instance-config.ts';

export async function runTier(config: InstanceConfig, args: string[], print: (line: string) => void): Promise<void> {
  const [action, table, partition] = args;
  const host = config.rest.host === '0.0.0.0' || config.rest.host === '::' ? '127.0.0.1' : config.rest.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${config.rest.port}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (config.rest.token) headers.authorization = `Bearer ${config.rest.token}`;
  else if (config.rest.users?.[0]) headers.authorization = `Basic ${Buffer.from(`${config.rest.users[0].user}:${config.rest.users[0].password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new UserFacingError(`cannot reach the instaquery REST API at ${base}: ${(err as Error).message}`, 'start instaquery with this config first (instaquery start --config FILE); tiering runs inside it');
    }
    const json = (await res.json()) as { message?: string };
    if (!res.ok) throw new UserFacingError(`tier ${action}: ${json.message ?? `HTTP ${res.status}`}`);
    return json;
  };
  switch (action) {
    case 'run': {
      const { runs } = (await call('POST', '/tiering/run', table ? { table } : {})) as { runs: { table: string; partition: string; state: string; rows: number | null; files: number | null; bytes: number | null }[] };
      for (const r of runs) print(`${r.table} ${r.partition}: ${r.state}, ${r.rows ?? 0} rows in ${r.files ?? 0} files (${r.bytes ?? 0} bytes)`);
      print(`tier run: ${runs.length} partition(s) moved`);
      return;
    }
    case 'restore': {
      if (!table || !partition) throw new UserFacingError('tier restore needs a table and a partition', 'e.g. instaquery tier restore rb.bill 2024-01-01 --config FILE', 2);
      const run = (await call('POST', '/tiering/restore', { table, partition })) as { rows: number };
      print(`tier restore: ${table} ${partition} is hot again (${run.rows} rows)`);
      return;
    }
    case 'status':
    case undefined:
      print(JSON.stringify(await call('GET', '/tiering'), null, 2));
      return;
    default:
      throw new UserFacingError(`unknown tier action '${action}'`, 'use: instaquery tier run [db.table] | tier restore db.table PARTITION | tier status', 2);
  }
}
