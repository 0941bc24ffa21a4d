// Authentication and TLS against real clients: caching_sha2_password (full authentication over
// RSA or TLS the first time, the fast path after), mysql_native_password, STARTTLS with a
// generated certificate, wrong passwords, and users limited to some databases.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mysqlCore from 'mysql2';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { JdbcClient } from '../support/jdbc.ts';

const DB = 'it_auth';
const OTHER = 'it_auth_other';
let instance: Awaited<ReturnType<typeof startEmbedded>>;
// mysql2's own caching_sha2_password plugin, with a hook that counts public-key fetches.
const sha2Plugin = (mysqlCore as unknown as { authPlugins: { caching_sha2_password: (o: object) => unknown } }).authPlugins.caching_sha2_password;

const users = [
  { user: 'app', password: 'app-secret', plugin: 'caching_sha2_password', databases: [DB] },
  { user: 'tls_app', password: 'tls-secret', plugin: 'caching_sha2_password' },
  { user: 'jdbc_app', password: 'jdbc-secret', plugin: 'caching_sha2_password' },
  { user: 'native', password: 'native-secret' },
];

beforeAll(async () => {
  for (const db of [DB, OTHER]) {
    await freshDatabase(db);
    const c = await connectSource(db);
    await c.query('CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))');
    await c.query("INSERT INTO t VALUES (1, 'x')");
    await c.end();
  }
  instance = await startEmbedded([sourceConnector('auth', `${DB},${OTHER}`)], { gateway: { port: 0, users } });
  await waitFor('streaming', async () => instance.connectors.get('auth')!.status().phase === 'streaming', 30_000);
}, 60_000);

afterAll(async () => {
  await instance?.stop();
});

const connect = (user: string, password: string, extra: mysql.ConnectionOptions = {}) => mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user, password, ...extra });

describe('caching_sha2_password', () => {
  it('authenticates fully with the RSA public key the first time, then on the fast path', async () => {
    let keysFetched = 0;
    const authPlugins = { caching_sha2_password: sha2Plugin({ onServerPublicKey: () => keysFetched++ }) };
    for (let i = 0; i < 2; i++) {
      const c = await connect('app', 'app-secret', { authPlugins } as mysql.ConnectionOptions);
      expect((await c.query('SELECT CURRENT_USER() AS u, 1 AS ok'))[0]).toMatchObject([{ u: 'app@%', ok: 1 }]);
      await c.end();
    }
    expect(keysFetched).toBe(1);
  });

  it('takes the password in the clear only over TLS', async () => {
    let keysFetched = 0;
    const authPlugins = { caching_sha2_password: sha2Plugin({ onServerPublicKey: () => keysFetched++ }) };
    const c = await connect('tls_app', 'tls-secret', { ssl: { rejectUnauthorized: false }, authPlugins } as mysql.ConnectionOptions);
    const stream = (c as unknown as { connection: { stream: TLSSocket } }).connection.stream;
    expect(stream.encrypted).toBe(true);
    expect((await c.query('SELECT 2 AS ok'))[0]).toEqual([{ ok: 2 }]);
    await c.end();
    expect(keysFetched).toBe(0);
  });

  it('refuses a wrong password with error 1045 on both paths', async () => {
    await expect(connect('app', 'nope')).rejects.toMatchObject({ errno: 1045 });
    await expect(connect('ghost', 'app-secret')).rejects.toMatchObject({ errno: 1045 });
    await expect(connect('native', 'wrong')).rejects.toMatchObject({ errno: 1045 });
  });

  it('lets MySQL Connector/J in over RSA and over TLS', async () => {
    for (const params of ['sslMode=DISABLED&allowPublicKeyRetrieval=true', 'sslMode=REQUIRED']) {
      const client = JdbcClient.open(`jdbc:mysql://127.0.0.1:${instance.gateway.port}/${DB}?${params}`, 'jdbc_app', 'jdbc-secret');
      try {
        expect(await client.request('Q SELECT v FROM t')).toMatchObject({ rows: [['String:x']] });
      } finally {
        await client.close();
      }
    }
  });
});

describe('mysql_native_password and TLS with the mariadb CLI', () => {
  const cli = (args: string[]) => promisify(execFile)('mariadb', ['--no-defaults', '-h127.0.0.1', `-P${instance.gateway.port}`, '--batch', ...args]);

  it('connects with a native-password user, plain and over TLS', async () => {
    const plain = await cli(['-unative', '-pnative-secret', '-e', `SELECT v FROM ${DB}.t`]);
    expect(plain.stdout.trim().split('\n')).toEqual(['v', 'x']);
    const secure = await cli(['-unative', '-pnative-secret', '--ssl', '--ssl-verify-server-cert=0', '-e', "SHOW STATUS LIKE 'Ssl_version'"]);
    expect(secure.stdout.trim().split('\n')[1]).toMatch(/^Ssl_version\tTLSv1\.[23]$/);
    const insecure = await cli(['-unative', '-pnative-secret', '--skip-ssl', '-e', "SHOW STATUS LIKE 'Ssl_version'"]);
    expect(insecure.stdout.split('\n')[1]).toBe('Ssl_version\t');
  });
});

describe('users limited to some databases', () => {
  it('see and read only theirs: other databases get MySQL errors 1044 and 1142', async () => {
    const c = await connect('app', 'app-secret');
    try {
      const [dbs] = await c.query('SHOW DATABASES');
      expect((dbs as { Database: string }[]).map((d) => d.Database)).toEqual([DB]);
      expect((await c.query(`SELECT v FROM ${DB}.t`))[0]).toEqual([{ v: 'x' }]);
      await expect(c.query(`SELECT v FROM ${OTHER}.t`)).rejects.toMatchObject({ errno: 1142 });
      await expect(c.query(`SELECT * FROM ${DB}.t JOIN ${OTHER}.t o USING (id)`)).rejects.toMatchObject({ errno: 1142 });
      await expect(c.query(`USE ${OTHER}`)).rejects.toMatchObject({ errno: 1044 });
    } finally {
      await c.end();
    }
    await expect(connect('app', 'app-secret', { database: OTHER })).rejects.toMatchObject({ errno: 1044 });
  });
});

describe('COM_CHANGE_USER', () => {
  it('turns the connection into another user\'s with a fresh session, and refuses a wrong password', async () => {
    const c = await connect('native', 'native-secret');
    try {
      await c.query('SET SESSION max_execution_time = 77');
      expect((await c.query('SHOW DATABASES'))[0]).toContainEqual({ Database: OTHER });
      await c.changeUser({ user: 'app', password: 'app-secret', database: DB });
      // app sees only its database, and the session starts over.
      expect((await c.query('SHOW DATABASES'))[0]).toEqual([{ Database: DB }]);
      // max_execution_time is a BIGINT UNSIGNED, as MySQL sends it (the gateway's own on a MariaDB source).
      expect((await c.query('SELECT @@max_execution_time AS t, DATABASE() AS db'))[0]).toEqual([{ t: 0, db: DB }]);
      await c.changeUser({ user: 'native', password: 'native-secret' });
      expect((await c.query('SHOW DATABASES'))[0]).toContainEqual({ Database: OTHER });
      await expect(c.changeUser({ user: 'native', password: 'wrong' })).rejects.toMatchObject({ errno: 1045 });
    } finally {
      c.destroy();
    }
  });
});

describe('information_schema for a user limited to some databases', () => {
  it('lists only their databases and tables', async () => {
    const c = await connect('app', 'app-secret');
    try {
      const [schemas] = await c.query('SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA ORDER BY 1');
      expect((schemas as { s: string }[]).map((r) => r.s)).toEqual(['information_schema', DB]);
      const [tables] = await c.query('SELECT DISTINCT TABLE_SCHEMA AS s FROM information_schema.TABLES t');
      expect((tables as { s: string }[]).map((r) => r.s)).toEqual([DB]);
      const [columns] = await c.query(`SELECT count(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${OTHER}'`);
      expect(columns).toEqual([{ n: 0 }]);
      const [partitions] = await c.query('SELECT DISTINCT TABLE_SCHEMA AS s FROM information_schema.PARTITIONS');
      expect((partitions as { s: string }[]).map((r) => r.s)).toEqual([DB]);
    } finally {
      await c.end();
    }
    const root = await connect('native', 'native-secret');
    const [all] = await root.query(`SELECT count(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ('${DB}', '${OTHER}')`);
    expect(all).toEqual([{ n: 2 }]);
    await root.end();
  });
});
