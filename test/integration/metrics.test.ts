// GET /metrics scraped as Prometheus would, after real work: a snapshot, live changes from
// MariaDB, statements through the gateway (served, local, failing), a tiering run. Each metric the
// operations page needs must be there with a sane value; /healthz and /readyz answer probes, and
// /readyz names a failed connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_metrics';
const CONNECTOR = `metrics-${Date.now().toString(36)}`;
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, parsed: one sample per line that is not a comment. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

async function scrape(): Promise<Sample[]> {
  const res = await fetch(`http://127.0.0.1:${instance.restPort}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return parse(await res.text());
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
const present = (samples: Sample[], name: string) => samples.some((s) => s.name === name);

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE bill (id INT PRIMARY KEY, created_at DATE NOT NULL, amount DECIMAL(10,2));
    INSERT INTO bill SELECT seq, CURDATE() - INTERVAL (seq * 5) DAY, seq FROM seq_1_to_300`);
  instance = await startEmbedded(
    [
      sourceConnector(CONNECTOR, DB),
      { name: 'store', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', [`partitioning.${DB}.bill`]: 'HASH(id) PARTITIONS 2 RANGE(created_at) INTERVAL MONTH', [`hot.window.${DB}.bill`]: '3 months' } },
    ],
    { tiering: { schedule: '0 3 1 1 *', 'orphan.grace.ms': 0 } },
  );
  gateway = await connectGateway(instance.gateway.port);
  await waitFor('the snapshot', async () => ((await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.bill`))[0] as { n: string }[])[0]!.n === '300' || undefined, 30_000, 50);
}, 60_000);

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

describe('/metrics, /healthz and /readyz', () => {
  it('counts changes by table and operation, with freshness, lag, batch sizes and snapshot rows', async () => {
    await source.query(`INSERT INTO bill VALUES (1001, CURDATE(), 1), (1002, CURDATE(), 2); UPDATE bill SET amount = amount + 1 WHERE id <= 10; DELETE FROM bill WHERE id = 300`);
    const table = `${DB}.bill`;
    // Three autocommit transactions: wait for the last (the delete) to be counted.
    const s = await waitFor('the changes counted', async () => {
      const now = await scrape();
      return value(now, 'instaquery_events_total', { connector: CONNECTOR, table, op: 'delete' }) >= 1 ? now : undefined;
    }, 10_000, 50);
    expect(value(s, 'instaquery_events_total', { connector: CONNECTOR, table, op: 'create' })).toBe(2);
    expect(value(s, 'instaquery_events_total', { connector: CONNECTOR, table, op: 'update' })).toBe(10);
    expect(value(s, 'instaquery_events_total', { connector: CONNECTOR, table, op: 'delete' })).toBe(1);
    expect(value(s, 'instaquery_snapshot_rows_total', { connector: CONNECTOR, table })).toBe(300);
    expect(value(s, 'instaquery_snapshot_remaining_tables', { connector: CONNECTOR })).toBe(0);
    // Each live transaction is one freshness observation: seconds, not minutes.
    const fresh = value(s, 'instaquery_freshness_seconds_count', { connector: CONNECTOR });
    expect(fresh).toBeGreaterThanOrEqual(1);
    expect(value(s, 'instaquery_freshness_seconds_sum', { connector: CONNECTOR }) / fresh).toBeLessThan(10);
    expect(value(s, 'instaquery_sink_batch_records_sum', { connector: CONNECTOR })).toBeGreaterThanOrEqual(313);
    expect(value(s, 'instaquery_sink_batch_seconds_count', { connector: CONNECTOR })).toBeGreaterThanOrEqual(2);
    const behind = s.find((x) => x.name === 'instaquery_source_behind_seconds' && x.labels.connector === CONNECTOR);
    expect(behind?.value).toBeGreaterThanOrEqual(0);
    expect(behind!.value).toBeLessThan(60);
    expect(value(s, 'instaquery_connector_up', { connector: CONNECTOR, state: 'RUNNING' })).toBe(1);
    expect(value(s, 'instaquery_quarantined_tables', { connector: CONNECTOR })).toBe(0);
    expect(s.find((x) => x.name === 'instaquery_dead_letter_records')?.value).toBe(0);
  });

  it('counts gateway statements by result and error code, with their time, and open connections', async () => {
    await gateway.query(`SELECT SUM(amount) FROM ${DB}.bill`);
    await gateway.query(`SET @x = 1`);
    await expect(gateway.query(`SELECT * FROM ${DB}.no_such_table`)).rejects.toThrow(/doesn't exist/);
    const s = await scrape();
    expect(value(s, 'instaquery_gateway_queries_total', { result: 'served' })).toBeGreaterThanOrEqual(2);
    expect(value(s, 'instaquery_gateway_queries_total', { result: 'local' })).toBeGreaterThanOrEqual(1);
    expect(value(s, 'instaquery_gateway_queries_total', { result: 'error', code: '1146' })).toBe(1);
    expect(value(s, 'instaquery_gateway_query_seconds_count', { result: 'served' })).toBeGreaterThanOrEqual(2);
    expect(value(s, 'instaquery_gateway_connections')).toBeGreaterThanOrEqual(1);
  });

  it('counts tiering runs and bytes', async () => {
    const res = await fetch(`http://127.0.0.1:${instance.restPort}/tiering/run`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    const { runs } = (await res.json()) as { runs: { state: string }[] };
    expect(runs.length).toBeGreaterThan(5);
    const s = await scrape();
    expect(value(s, 'instaquery_tiering_runs_total', { table: `${DB}.bill`, state: 'archived' })).toBe(runs.length);
    expect(value(s, 'instaquery_tiering_bytes_total', { table: `${DB}.bill` })).toBeGreaterThan(0);
  });

  it('names every metric as Prometheus asks: instaquery_ prefix, counters in _total, times in _seconds', async () => {
    const text = await (await fetch(`http://127.0.0.1:${instance.restPort}/metrics`)).text();
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => ({ name: m[1]!, type: m[2]! }));
    expect(types.length).toBeGreaterThan(15);
    for (const { name, type } of types) {
      expect(name).toMatch(/^instaquery_[a-z0-9_]+$/);
      if (type === 'counter') expect(name).toMatch(/_total$/);
    }
    for (const name of ['instaquery_freshness_seconds', 'instaquery_sink_batch_seconds', 'instaquery_gateway_query_seconds']) expect(types).toContainEqual({ name, type: 'histogram' });
    const s = parse(text);
    for (const name of ['instaquery_source_behind_seconds', 'instaquery_gateway_connections', 'instaquery_quarantined_tables', 'instaquery_snapshot_remaining_tables', 'instaquery_dead_letter_records']) expect(present(s, name), name).toBe(true);
  });

  it('answers probes without credentials; /readyz names a failed connector', async () => {
    const base = `http://127.0.0.1:${instance.restPort}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    // A source whose MariaDB is not there: created, then FAILED.
    const down = { ...mariadb(), port: 1 };
    const bad = sourceConnector('unreachable', DB, {}, down);
    const put = await fetch(`${base}/connectors/unreachable/config`, { method: 'PUT', body: JSON.stringify(bad.config), headers: { 'content-type': 'application/json' } });
    expect(put.status).toBeLessThan(500);
    const notReady = await waitFor('readyz to notice', async () => {
      const r = await fetch(`${base}/readyz`);
      return r.status === 503 ? ((await r.json()) as { reasons: string[] }) : undefined;
    }, 30_000, 200);
    expect(notReady.reasons).toContainEqual(expect.stringMatching(/connector unreachable has failed/));
    await fetch(`${base}/connectors/unreachable`, { method: 'DELETE' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 60_000);
});
