// The REST API's guards against a real `instaquery start` process (its own child process, bound
// to 127.0.0.1) following the real MariaDB: every route but the probes and /ui/ needs the
// configured credentials; a cross-site state change, a body not sent as JSON and a Host that is
// not this machine are refused before any handler runs; bad connector names are refused wherever
// a name comes in and write nothing; no password, token or basic-auth secret comes back in any
// answer, log line or the admin UI's bundle. Each check asserts what the guard is for (the
// connector was not created, the file was not written), not only the status code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type mysql from 'mysql2/promise';
import { connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { OPEN_ROUTES, REST_ROUTES } from '../../runtime/rest-api.ts';

const DB = 'it_security_rest';
const TOKEN = 'sec-token-canary-0123456789abcdef';
const BASIC = { user: 'sec-basic-user', password: 'sec-basic-canary-4711' };
const WRONG_PASSWORD = 'wrong-password-canary-5150';
const m = mariadb('main');
const SECRETS = [m.password, TOKEN, BASIC.password, WRONG_PASSWORD];
const SINK = { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector' };

let proc: InstaqueryProcess;
let port: number;
let root: string;
let dataDir: string;
let source: mysql.Connection;

type Auth = 'token' | 'basic' | 'none';
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP request with full control of its headers (Host, Origin, Sec-Fetch-Site, Content-Type). */
function call(method: string, path: string, options: { auth?: Auth; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = options.auth ?? 'token';
  if (auth === 'token') headers.authorization = `Bearer ${TOKEN}`;
  if (auth === 'basic') headers.authorization = `Basic ${Buffer.from(`${BASIC.user}:${BASIC.password}`).toString('base64')}`;
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  Object.assign(headers, options.headers ?? {});
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, timeout: 20_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON (metrics, UI assets) */
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Every file under `dir`, as paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

const names = async () => (await call('GET', '/connectors')).json as string[];
const savedConfigs = () => readFileSync(join(dataDir, 'connectors.json'), 'utf8');

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query('CREATE TABLE bill (id INT PRIMARY KEY, amount DECIMAL(10,2)); INSERT INTO bill VALUES (1, 1.5), (2, 2.5)');
  root = tempDir('security-rest');
  dataDir = join(root, 'data');
  const config = writeConfig(root, {
    dataDir,
    gateway: { port: 0 },
    rest: { port: 0, token: TOKEN, users: [BASIC] },
    log: { level: 'debug' },
    connectors: [sourceConnector('sec-source', DB)],
  });
  proc = runInstaquery(['start', '--config', config]);
  await proc.ready(60_000);
  port = Number(/REST API on http:\/\/127\.0\.0\.1:(\d+)/.exec(proc.output())![1]);
  await waitFor('the snapshot', async () => (await call('GET', '/connectors/sec-source/status')).json?.instaquery?.phase === 'streaming', 30_000, 100);
}, 90_000);

afterAll(async () => {
  if (proc && proc.child.exitCode === null) {
    proc.child.kill('SIGTERM');
    await proc.exited();
  }
  await source?.end();
});

describe('auth on every route', () => {
  const concrete = (route: string, name: string) => {
    const [method, template] = route.split(' ') as [string, string];
    return [method, template.replace('{name}', name).replace('{id}', '0').replace('{type}', 'MySqlConnector')] as const;
  };

  it('answers 401 without credentials on every route but the probes and /ui/, which answer without', async () => {
    for (const route of REST_ROUTES) {
      const [method, path] = concrete(route, 'sec-source');
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const res = await call(method, path, { auth: 'none', body });
      if (OPEN_ROUTES.includes(route)) {
        expect([200, 503], route).toContain(res.status);
      } else {
        expect(res.status, route).toBe(401);
        expect(res.json, route).toMatchObject({ error_code: 401, message: expect.stringContaining('rest.token') });
        expect(res.headers['www-authenticate'], route).toBe('Basic realm="instaquery"');
      }
    }
    // A wrong token or password is no better than none.
    expect((await call('GET', '/connectors', { auth: 'none', headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await call('GET', '/metrics', { auth: 'none', headers: { authorization: `Basic ${Buffer.from(`${BASIC.user}:nope`).toString('base64')}` } })).status).toBe(401);
    // Nothing changed: the connector still runs.
    expect((await call('GET', '/connectors/sec-source/status')).json.connector.state).toBe('RUNNING');
  });

  it('protects paths no route answers too (auth comes before routing), and other methods on open paths', async () => {
    for (const [method, path] of [['GET', '/nope'], ['GET', '/connectors/sec-source/nope'], ['POST', '/metrics'], ['HEAD', '/connectors'], ['OPTIONS', '/connectors'], ['POST', '/healthz'], ['DELETE', '/readyz'], ['GET', '/uix'], ['GET', '/instaquery'], ['GET', '/tiering/x']] as const) {
      expect((await call(method, path, { auth: 'none' })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('lists only routes that exist: each answers with credentials (an unknown connector is a 404 that names it)', async () => {
    for (const route of REST_ROUTES) {
      if (OPEN_ROUTES.includes(route)) continue;
      const [method, path] = concrete(route, 'no-such-connector');
      const res = await call(method, path, { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(res.status, route).not.toBe(405);
      expect(res.status, route).not.toBe(401);
      expect(res.text, route).not.toContain('No such resource');
    }
  });

  it('answers the probes without credentials, and with nothing beyond up or not', async () => {
    const health = await call('GET', '/healthz', { auth: 'none' });
    expect(health).toMatchObject({ status: 200, json: { status: 'ok' } });
    const ready = await call('GET', '/readyz', { auth: 'none' });
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ready' });
  });
});

describe('CSRF', () => {
  const evil = 'http://evil.example';

  it('refuses a cross-origin POST /connectors even with valid credentials, naming the Origin; nothing is created', async () => {
    for (const auth of ['basic', 'token', 'none'] as const) {
      const res = await call('POST', '/connectors', { auth, body: { name: 'csrf-made', config: SINK }, headers: { origin: evil } });
      expect(res.status, auth).toBe(403);
      expect(res.json).toEqual({ error_code: 403, message: expect.stringContaining(`Origin "${evil}"`) });
      expect(res.json.message).toMatch(/same origin: use the admin UI at http:\/\/127\.0\.0\.1:\d+\/ui\/, or call the API from curl/);
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }, { origin: `http://localhost:${port}` }, { origin: `http://127.0.0.1:${port + 1}` }, { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const res = await call('POST', '/connectors', { auth: 'basic', body: { name: 'csrf-made', config: SINK }, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await names()).not.toContain('csrf-made');
    expect(savedConfigs()).not.toContain('csrf-made');
  });

  it('refuses cross-origin DELETE, PUT pause and PUT config: the connector stays as it was', async () => {
    expect((await call('DELETE', '/connectors/sec-source', { auth: 'basic', headers: { origin: evil } })).status).toBe(403);
    expect((await call('PUT', '/connectors/sec-source/pause', { auth: 'basic', headers: { origin: evil } })).status).toBe(403);
    expect((await call('PUT', '/connectors/sec-source/config', { auth: 'basic', body: { ...sourceConnector('x', 'other_db').config }, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await call('POST', '/instaquery/query', { auth: 'basic', body: { sql: 'SELECT 1' }, headers: { origin: evil } })).status).toBe(403);
    expect((await call('POST', '/tiering/run', { auth: 'basic', body: {}, headers: { origin: evil } })).status).toBe(403);
    const status = (await call('GET', '/connectors/sec-source/status')).json;
    expect(status.connector.state).toBe('RUNNING');
    expect((await call('GET', '/connectors/sec-source/config')).json['database.include.list']).toBe(DB);
  });

  it('lets reads through from anywhere (CORS keeps them unreadable), and state changes from the same origin or without an Origin', async () => {
    expect((await call('GET', '/connectors', { headers: { origin: evil, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await call('GET', '/connectors', { headers: { origin: evil } })).headers['access-control-allow-origin']).toBeUndefined();
    const same = await call('POST', '/connectors', { auth: 'basic', body: { name: 'same-origin-sink', config: SINK }, headers: { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(201);
    expect((await call('DELETE', '/connectors/same-origin-sink', { headers: { origin: `http://127.0.0.1:${port}` } })).status).toBe(204);
    const curlLike = await call('POST', '/connectors', { body: { name: 'curl-sink', config: SINK } });
    expect(curlLike.status).toBe(201);
    expect((await call('DELETE', '/connectors/curl-sink')).status).toBe(204);
    expect(await names()).toEqual(['sec-source']);
  });
});

describe('JSON bodies', () => {
  it('answers 415 as Kafka Connect does to a body not declared JSON, and creates nothing', async () => {
    const body = JSON.stringify({ name: 'form-made', config: SINK });
    for (const type of [undefined, 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await call('POST', '/connectors', { raw: body, headers: type ? { 'content-type': type } : {} });
      expect(res.status, type).toBe(415);
      expect(res.json).toEqual({ error_code: 415, message: expect.stringMatching(/^HTTP 415 Unsupported Media Type: .*Content-Type: application\/json/) });
    }
    expect(await names()).not.toContain('form-made');
  });

  it('accepts application/json with a charset, and a body-less PUT …/pause with no Content-Type', async () => {
    const created = await call('POST', '/connectors', { raw: JSON.stringify({ name: 'charset-sink', config: SINK }), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(created.status).toBe(201);
    expect((await call('PUT', '/connectors/charset-sink/pause')).status).toBe(202);
    expect((await call('GET', '/connectors/charset-sink/status')).json.connector.state).toBe('PAUSED');
    expect((await call('PUT', '/connectors/charset-sink/resume')).status).toBe(202);
    expect((await call('DELETE', '/connectors/charset-sink')).status).toBe(204);
  });
});

describe('Host check (DNS rebinding)', () => {
  it('refuses a Host that is not loopback, on every path (probes and UI too); loopback names are fine', async () => {
    for (const path of ['/healthz', '/readyz', '/ui/', '/connectors', '/connectors/sec-source/config']) {
      const res = await call('GET', path, { headers: { host: `evil.example:${port}` } });
      expect(res.status, path).toBe(403);
      expect(res.json.message).toMatch(/Host "evil\.example:\d+" is not this server's address.*DNS rebinding/);
    }
    expect((await call('POST', '/connectors', { body: { name: 'rebound', config: SINK }, headers: { host: 'rebind.example' } })).status).toBe(403);
    expect(await names()).not.toContain('rebound');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `127.3.2.1:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await call('GET', '/connectors', { headers: { host } })).status, host).toBe(200);
    }
  });
});

describe('connector names', () => {
  const badNames = ['../../iq-evil-up', '..', '.', 'a..b', 'x'.repeat(250), 'a b', 'with\\backslash', ''];
  const encoded = ['..%2F..%2Fiq-evil-enc', '%2E%2Ex', 'a%2Fb', '%2Fetc%2Fiq-evil-abs', 'a%00b'];

  it('refuses bad names with a 400 naming the name and the allowed characters, and writes no file', async () => {
    const before = new Set([...filesUnder(root), ...filesUnder(dirname(root)).filter((f) => f.includes('iq-evil'))]);
    for (const name of badNames) {
      const res = await call('POST', '/connectors', { body: { name, config: SINK } });
      expect(res.status, name).toBe(400);
      expect(res.json.message, name).toContain(`connector name ${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)}`);
      expect(res.json.message).toMatch(/letters, digits, "\.", "_" or "-"/);
    }
    // ("." and ".." as a whole segment are resolved away by URL parsing, as by any client: /connectors/../config is /config.)
    for (const name of [...encoded, ...badNames.filter((n) => n && n !== '.' && n !== '..').map(encodeURIComponent)]) {
      const res = await call('PUT', `/connectors/${name}/config`, { body: SINK });
      expect(res.status, name).toBe(400);
      expect(res.json.message, name).toMatch(/^connector name .* is not allowed: a connector name holds 1 to 249 letters, digits/);
    }
    // The limit is Kafka's: 249 is fine.
    const longest = 'y'.repeat(249);
    expect((await call('PUT', `/connectors/${longest}/config`, { body: SINK })).status).toBe(201);
    expect((await call('DELETE', `/connectors/${longest}`)).status).toBe(204);
    expect((await names()).filter((n) => !/^(sec-source|csrf-made|rebound|form-made)$/.test(n))).toEqual([]);
    expect(savedConfigs()).not.toMatch(/iq-evil|a\.\.b|\.\.\//);
    // No file appeared anywhere near the data dir, nor above it where "../.." would lead.
    const after = [...filesUnder(root), ...filesUnder(dirname(root)).filter((f) => f.includes('iq-evil'))].filter((f) => !before.has(f));
    expect(after.filter((f) => !/\.duckdb(\.wal)?$|connectors\.json(\.tmp)?$/.test(f))).toEqual([]);
    expect(existsSync('/etc/iq-evil-abs')).toBe(false);
  });

  it('checks names wherever a connector is addressed, and bad URL encoding is a 400', async () => {
    for (const path of ['/connectors/a..b', '/connectors/a..b/status', '/connectors/..%2Fx/offsets', '/instaquery/history/a..b', `/connectors/${'z'.repeat(250)}/config`]) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.json.message, path).toMatch(/is not allowed: a connector name holds/);
    }
    expect((await call('DELETE', '/connectors/a..b')).status).toBe(400);
    expect((await call('GET', '/connectors/%zz')).json).toMatchObject({ error_code: 400, message: expect.stringMatching(/not valid URL encoding/) });
  });

  it('config/validate shows a bad name by the name field', async () => {
    const res = await call('PUT', '/connector-plugins/ColumnarSinkConnector/config/validate', { body: { name: 'bad/name' } });
    expect(res.status).toBe(200);
    expect(res.json.error_count).toBe(1);
    expect(res.json.configs.find((c: { value: { name: string } }) => c.value.name === 'name').value.errors).toEqual([expect.stringContaining('"bad/name" is not allowed')]);
  });

  it('refuses a config-file connector with a bad name before writing anything (exit 2)', async () => {
    const dir = tempDir('security-name');
    const badData = join(dir, 'data');
    const config = writeConfig(dir, { dataDir: badData, gateway: { port: 0 }, rest: { port: 0 }, connectors: [{ name: 'a..b', config: SINK }] });
    const bad = runInstaquery(['start', '--config', config]);
    expect(await bad.exited()).toBe(2);
    expect(bad.output()).toMatch(/connector name "a\.\.b" is not allowed: a connector name holds 1 to 249 letters/);
    expect(existsSync(badData)).toBe(false);
  }, 30_000);
});

describe('secrets', () => {
  const answers: { what: string; text: string }[] = [];
  const collect = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, { body, auth: 'basic' });
    answers.push({ what: `${method} ${path} → ${res.status}`, text: res.text });
    return res;
  };

  it('a failing connector, its trace and every GET answer hold no password, token or basic secret', async () => {
    const failing = sourceConnector('sec-failing', DB, { 'database.password': WRONG_PASSWORD, 'connect.max.attempts': 1 });
    expect((await call('PUT', '/connectors/sec-failing/config', { body: failing.config })).status).toBeLessThan(300);
    const status = await waitFor('the failure', async () => {
      const s = (await call('GET', '/connectors/sec-failing/status')).json;
      return s.connector.state === 'FAILED' || s.tasks.some((t: { state: string }) => t.state === 'FAILED') ? s : undefined;
    }, 30_000, 200);
    expect(JSON.stringify(status)).toMatch(/access denied|Access denied/);
    for (const name of ['sec-source', 'sec-failing']) {
      for (const sub of ['', '/config', '/status', '/tasks', '/tasks/0/status', '/offsets', '/topics']) await collect('GET', `/connectors/${name}${sub}`);
      await collect('GET', `/instaquery/history/${name}`);
      for (const hidden of [(await collect('GET', `/connectors/${name}/config`)).json, (await collect('GET', `/connectors/${name}`)).json.config, (await collect('GET', `/connectors/${name}/tasks`)).json[0].config]) {
        expect(hidden['database.password']).toBe('[hidden]');
      }
    }
    const expanded = (await collect('GET', '/connectors?expand=info&expand=status')).json;
    expect(expanded['sec-failing'].info.config['database.password']).toBe('[hidden]');
    for (const path of ['/connectors', '/', '/connector-plugins', '/tiering', '/gateway/forwarded', '/metrics', '/readyz', '/healthz']) await collect('GET', path);
    const validated = (await collect('PUT', '/connector-plugins/MySqlConnector/config/validate', { ...failing.config, 'database.port': 'abc' })).json;
    expect(validated.configs.find((c: { value: { name: string } }) => c.value.name === 'database.password').value.value).toBe('[hidden]');
    // A live connection test with the wrong password: the error says why, without the password.
    const catalog = await collect('POST', '/instaquery/source-catalog', failing.config);
    expect(catalog.status).toBe(400);
    expect(catalog.json.message).toMatch(/access denied/i);
    // An error that quotes a running connector's password is scrubbed before it is sent.
    const echoed = await collect('POST', '/instaquery/query', { sql: `SELECT * FROM ${DB}.\`${m.password}\`` });
    expect(echoed.status).toBe(400);
    expect(echoed.json.message).toContain('[hidden]');
    for (const { what, text } of answers) for (const secret of SECRETS) expect(text.includes(secret), `${what} holds ${secret}`).toBe(false);
    expect(answers.length).toBeGreaterThan(30);
  }, 45_000);

  it('the admin UI loads without credentials, and its page, code and style hold no secret or config value', async () => {
    for (const path of ['/ui/', '/ui/index.html', '/ui/app.js', '/ui/app.css']) {
      const res = await call('GET', path, { auth: 'none' });
      expect(res.status, path).toBe(200);
      expect(res.text.length).toBeGreaterThan(path.endsWith('.js') ? 10_000 : 100);
      for (const value of [...SECRETS, BASIC.user, dataDir, root, DB]) expect(res.text.includes(value), `${path} holds ${value}`).toBe(false);
    }
  });

  it('logs no secret', () => {
    const log = proc.output();
    expect(log).toMatch(/sec-failing/);
    for (const secret of SECRETS) expect(log.includes(secret), `the log holds ${secret}`).toBe(false);
  });
});

describe('response headers', () => {
  it('every answer says nosniff and DENY for frames; the UI also forbids framing by CSP', async () => {
    const samples = [
      await call('GET', '/healthz', { auth: 'none' }),
      await call('GET', '/connectors', { auth: 'none' }),
      await call('GET', '/connectors'),
      await call('GET', '/metrics'),
      await call('GET', '/connectors/nope'),
      await call('POST', '/connectors', { body: {}, headers: { origin: 'http://evil.example' } }),
      await call('GET', '/healthz', { headers: { host: 'evil.example' } }),
    ];
    for (const path of ['/ui/', '/ui/app.js', '/ui/app.css']) {
      const ui = await call('GET', path, { auth: 'none' });
      expect(ui.headers['content-security-policy'], path).toBe("frame-ancestors 'none'");
      samples.push(ui);
    }
    for (const res of samples) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});
