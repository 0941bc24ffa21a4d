// Bad input gets a clear message naming what is wrong, a non-zero exit, and nothing written:
// the store file is never created when a check fails.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSource, freePort, mariadb, sourceConnector } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig } from '../support/instaquery-process.ts';

const DB = 'it_bad_input';

async function expectRefused(config: Record<string, unknown>, message: RegExp, exitCode = 1): Promise<string> {
  const dir = tempDir('bad');
  const dataDir = join(dir, 'data');
  const path = writeConfig(dir, { dataDir, gateway: { port: 0 }, rest: { port: 0 }, ...config });
  const proc = runInstaquery(['start', '--config', path]);
  const code = await proc.exited();
  expect(proc.output()).toMatch(message);
  expect(code).toBe(exitCode);
  expect(existsSync(join(dataDir, 'instaquery.duckdb'))).toBe(false);
  return proc.output();
}

beforeAll(async () => {
  const conn = await connectSource();
  await conn.query(`CREATE DATABASE IF NOT EXISTS ${DB}`);
  await conn.query(`CREATE TABLE IF NOT EXISTS ${DB}.t (id INT PRIMARY KEY)`);
  await conn.query("CREATE USER IF NOT EXISTS 'iq_noreplica'@'127.0.0.1' IDENTIFIED BY 'pw'");
  await conn.query("GRANT SELECT ON *.* TO 'iq_noreplica'@'127.0.0.1'");
  await conn.end();
});

describe('a source that cannot be used', () => {
  it('names an unreachable host and port', async () => {
    const port = await freePort();
    const out = await expectRefused({ connectors: [sourceConnector('s', DB, { 'database.port': port })] }, new RegExp(`cannot reach the source MySQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(out).toMatch(/fix: check database\.hostname and database\.port/);
  });

  it('names the user refused for a wrong password', async () => {
    await expectRefused({ connectors: [sourceConnector('s', DB, { 'database.password': 'wrong' })] }, /refused user 'iq': access denied .*fix: check database\.user and database\.password/s);
  });

  it('says binary logging is off, and how to turn it on', async () => {
    await expectRefused({ connectors: [sourceConnector('s', DB, {}, mariadb('nobinlog'))] }, /binary logging is off on the source MySQL at 127\.0\.0\.1:\d+ \(log_bin=OFF\).*fix: start the server with log_bin and binlog_format=ROW/s);
  });

  it('says binlog_format is not ROW', async () => {
    await expectRefused({ connectors: [sourceConnector('s', DB, {}, mariadb('statement'))] }, /binlog_format is STATEMENT .* needs ROW.*SET GLOBAL binlog_format='ROW'/s);
  });

  it('names the missing REPLICATION privileges and the GRANT that fixes it', async () => {
    await expectRefused(
      { connectors: [sourceConnector('s', DB, { 'database.user': 'iq_noreplica', 'database.password': 'pw' })] },
      /user 'iq_noreplica' .* lacks the REPLICATION SLAVE and REPLICATION CLIENT privileges.*GRANT .*REPLICATION SLAVE, REPLICATION CLIENT ON \*\.\*/s,
    );
  });
});

describe('a configuration that cannot be used', () => {
  it('names every unknown or misspelled key with a suggestion, and exits 2', async () => {
    const connector = sourceConnector('s', DB, { 'database.hostnme': '127.0.0.1' });
    const out = await expectRefused({ gatway: {}, connectors: [connector] }, /unknown config key 'gatway' — did you mean 'gateway'\?/, 2);
    expect(out).toMatch(/connector 's': unknown config key 'database\.hostnme' — did you mean 'database\.hostname'\?/);
  });

  it('names a missing required key and an unknown connector.class', async () => {
    const { name, config } = sourceConnector('s', DB);
    const { ['database.user']: _dropped, ...withoutUser } = config;
    const out = await expectRefused({ connectors: [{ name, config: withoutUser }, { name: 'k', config: { 'connector.class': 'com.example.Nope' } }] }, /missing required config key 'database\.user'/, 2);
    expect(out).toMatch(/connector 'k': unknown connector\.class 'com\.example\.Nope'/);
  });

  it('says which file is not valid JSON', async () => {
    const dir = tempDir('badjson');
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"dataDir": ');
    const proc = runInstaquery(['start', '--config', path]);
    expect(await proc.exited()).toBe(2);
    expect(proc.output()).toContain(`invalid configuration in ${path}`);
    expect(proc.output()).toMatch(/not valid JSON/);
  });
});

describe('a port already in use', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it('names the gateway port', async () => {
    await expectRefused({ gateway: { port }, connectors: [sourceConnector('s', DB)] }, new RegExp(`the gateway port 127\\.0\\.0\\.1:${port} is already in use.*gateway\\.port`, 's'));
  });

  it('names the REST API port', async () => {
    await expectRefused({ rest: { port }, connectors: [sourceConnector('s', DB)] }, new RegExp(`the REST API port 127\\.0\\.0\\.1:${port} is already in use.*rest\\.port`, 's'));
  });
});
