// The walking skeleton end to end on real MariaDB: snapshot, stream, query through the MySQL
// protocol with real clients, refuse writes, and stay fresh.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { diffDatabase, diffTable } from '../support/compare.ts';
import { startEmbedded } from '../support/embedded.ts';
import { createSchema, generate } from '../../workload/rental-billing/generate.ts';

const DB = 'it_e2e';
const TYPES_DB = 'it_e2e_types';
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

beforeAll(async () => {
  await freshDatabase(TYPES_DB);
  source = await connectSource();
  await createSchema(source, DB);
  await generate(source, { bills: 3000, seed: 11 });
  await source.query(`USE \`${TYPES_DB}\``);
  await source.query(readFileSync(new URL('../fixtures/all-types.sql', import.meta.url), 'utf8'));
  await source.query(`USE \`${DB}\``);
  // Two readers on one consistent snapshot: tables in parallel.
  instance = await startEmbedded([sourceConnector('e2e', `${DB},${TYPES_DB}`, { 'snapshot.max.threads': 2 })]);
  gateway = await connectGateway(instance.gateway.port);
});

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

describe('snapshot', () => {
  it('copies every rental-billing table exactly', async () => {
    expect(await diffDatabase(source, gateway, DB)).toEqual([]);
    const [rows] = await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.bill`);
    expect(Number((rows as { n: string }[])[0]!.n)).toBe(3000);
  });

  it('keeps every column type exact: extremes, NULLs, empty strings, emoji, latin1, binary, JSON', async () => {
    expect(await diffTable(source, gateway, TYPES_DB, 'all_types')).toBeNull();
    const [rows] = await gateway.query(`SELECT id, t_dec_wide, t_dt6, t_varbinary, t_varchar FROM ${TYPES_DB}.all_types ORDER BY id`);
    const byId = new Map((rows as Record<string, unknown>[]).map((r) => [String(r.id), r]));
    expect(byId.get('18446744073709551615')!.t_dec_wide).toBe('0.0000000001');
    expect(byId.get('1')!.t_dt6).toBe('2024-02-29 23:59:59.123456');
    expect(byId.get('1')!.t_varbinary).toEqual(Buffer.from([0x00, 0xff, 0x10]));
    expect(byId.get('1')!.t_varchar).toBe('emoji 😀 and 中文');
    expect(byId.get('2')!.t_varchar).toBeNull();
    expect(byId.get('18446744073709551615')!.t_varchar).toBe('');
  });

  it('shows each source database as a schema of the same name', async () => {
    const [dbs] = await gateway.query('SHOW DATABASES');
    expect((dbs as { Database: string }[]).map((r) => r.Database)).toEqual(expect.arrayContaining([DB, TYPES_DB]));
    await gateway.query(`USE ${DB}`);
    const [tables] = await gateway.query('SHOW TABLES');
    expect((tables as Record<string, string>[]).map((r) => Object.values(r)[0])).toEqual(['bill', 'bill_type', 'house', 'lease_contract', 'payment', 'project', 'tenant']);
  });
});

describe('streaming', () => {
  it('shows an INSERT, UPDATE and DELETE committed in the source within one second', async () => {
    const cases: [string, string, (rows: Record<string, unknown>[]) => boolean][] = [
      [`INSERT INTO ${DB}.bill_type VALUES (100, 'NEW', 'New type', 'misc', 0)`, `SELECT name FROM ${DB}.bill_type WHERE id = 100`, (r) => r[0]?.name === 'New type'],
      [`UPDATE ${DB}.bill SET remark = 'fresh' WHERE id = 17`, `SELECT remark FROM ${DB}.bill WHERE id = 17`, (r) => r[0]?.remark === 'fresh'],
      [`DELETE FROM ${DB}.bill WHERE id = 18`, `SELECT id FROM ${DB}.bill WHERE id = 18`, (r) => r.length === 0],
    ];
    for (const [change, probe, seen] of cases) {
      await source.query(change);
      const committed = Date.now();
      await waitFor(`'${change}' to show`, async () => seen((await gateway.query(probe))[0] as Record<string, unknown>[]), 1000, 10);
      expect(Date.now() - committed).toBeLessThan(1000);
    }
  });

  it('applies a multi-table transaction all at once, never half', async () => {
    const [before] = await gateway.query(`SELECT (SELECT COUNT(*) FROM ${DB}.payment) AS p, (SELECT amount_paid FROM ${DB}.bill WHERE id = 40) AS paid`);
    const start = (before as { p: string; paid: string }[])[0]!;
    const watcher = (async () => {
      const seen: string[] = [];
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const [rows] = await gateway.query(`SELECT (SELECT COUNT(*) FROM ${DB}.payment) AS p, (SELECT amount_paid FROM ${DB}.bill WHERE id = 40) AS paid`);
        const r = (rows as { p: string; paid: string }[])[0]!;
        seen.push(`${r.p}/${r.paid}`);
        if (r.p !== start.p && r.paid === '12345.67') break;
      }
      return seen;
    })();
    await source.query('BEGIN');
    for (let i = 0; i < 50; i++) await source.query(`INSERT INTO ${DB}.payment (bill_id, amount, channel, paid_at) VALUES (40, 1.00, 'bank', NOW(3))`);
    await source.query(`UPDATE ${DB}.bill SET amount_paid = 12345.67 WHERE id = 40`);
    await source.query('COMMIT');
    const seen = await watcher;
    const allowed = new Set([`${start.p}/${start.paid}`, `${Number(start.p) + 50}/12345.67`]);
    expect(seen.filter((s) => !allowed.has(s))).toEqual([]);
    expect(seen.at(-1)).toBe(`${Number(start.p) + 50}/12345.67`);
  });

  it('ends equal to the source after a burst of mixed changes', async () => {
    for (let i = 0; i < 20; i++) {
      await source.query(`UPDATE ${DB}.bill SET late_fee = ${i}.50, pay_status = 'unpaid' WHERE id BETWEEN ${i * 100 + 1} AND ${i * 100 + 50}`);
      await source.query(`DELETE FROM ${DB}.bill WHERE id = ${i * 100 + 60}`);
      await source.query(`INSERT INTO ${DB}.bill SELECT id + 1000000, CONCAT(bill_no, 'x'), contract_id, house_id, project_id, tenant_id, bill_type_id, account_period, period_start, period_end, due_date, amount_due, amount_paid, late_fee, currency, arrears_status, pay_status, paid_at, meter_reading, remark, attrs, is_deleted, created_at, updated_at FROM ${DB}.bill WHERE id = ${i * 100 + 70}`);
    }
    await source.query(`UPDATE ${TYPES_DB}.all_types SET t_dt6 = '2001-02-03 04:05:06.000007', t_json = '{"changed": true}', t_varbinary = 0x0102 WHERE id = 3`);
    await waitFor('store to catch up', async () => (await diffDatabase(source, gateway, DB)).length === 0, 5000);
    await waitFor('types table to catch up', async () => (await diffTable(source, gateway, TYPES_DB, 'all_types')) === null, 5000);
  });
});

describe('MySQL protocol', () => {
  it('answers the mariadb command-line client', async () => {
    // Asynchronous on purpose: the gateway runs in this process and must keep answering.
    const { stdout } = await promisify(execFile)('mariadb', ['--no-defaults', '-h127.0.0.1', `-P${instance.gateway.port}`, '-uroot', '--batch', '-e', `select count(*) from ${DB}.bill_type`]);
    // Header as MySQL names it, then the value.
    expect(stdout.trim().split('\n')).toEqual(['count(*)', '9']);
  });

  it('refuses writes with error 1290 and names the source as the place to write', async () => {
    for (const sql of [`INSERT INTO ${DB}.bill_type VALUES (200, 'X', 'x', 'x', 0)`, `UPDATE ${DB}.bill SET remark = 'x'`, `DELETE FROM ${DB}.bill`, `DROP TABLE ${DB}.bill`, `CREATE TABLE ${DB}.t (a int)`]) {
      await expect(gateway.query(sql)).rejects.toMatchObject({ errno: 1290, sqlState: 'HY000', message: expect.stringContaining(`${mariadb().host}:${mariadb().port}`) });
    }
    const [rows] = await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.bill_type WHERE id = 200`);
    expect(Number((rows as { n: string }[])[0]!.n)).toBe(0);
  });

  it('reports MySQL error codes for bad queries', async () => {
    await expect(gateway.query(`SELECT * FROM ${DB}.no_such_table`)).rejects.toMatchObject({ errno: 1146, sqlState: '42S02' });
    await expect(gateway.query(`SELECT no_such_column FROM ${DB}.bill`)).rejects.toMatchObject({ errno: 1054, sqlState: '42S22' });
    await expect(gateway.query('SELEC 1')).rejects.toMatchObject({ errno: 1064, sqlState: '42000' });
    await expect(gateway.query('USE no_such_db')).rejects.toMatchObject({ errno: 1049 });
    // The connection is still usable after errors.
    const [rows] = await gateway.query('SELECT 1 AS one');
    expect((rows as { one: number }[])[0]!.one).toBe(1);
  });

  it('speaks MySQL dialect basics: backticks, double-quoted strings, LIMIT offset,count', async () => {
    const [rows] = await gateway.query(`SELECT \`id\` FROM \`${DB}\`.\`bill\` WHERE pay_status IN ("paid", "unpaid") ORDER BY id LIMIT 2, 3`);
    const [expected] = await source.query(`SELECT \`id\` FROM \`${DB}\`.\`bill\` WHERE pay_status IN ("paid", "unpaid") ORDER BY id LIMIT 2, 3`);
    expect(rows).toEqual(expected);
  });

  it('answers the variables clients read on connect', async () => {
    // As the source answers them: the gateway presents itself as its source server.
    const [rows] = await gateway.query('SELECT @@version_comment LIMIT 1');
    expect(rows).toEqual((await source.query('SELECT @@version_comment LIMIT 1'))[0]);
    await gateway.query('SET NAMES utf8mb4');
    await gateway.query('SET autocommit = 1');
  });

  it('accepts root without password only from loopback when no users are configured', async () => {
    await expect(connectGateway(instance.gateway.port, { user: 'alice' })).rejects.toMatchObject({ errno: 1045 });
    await expect(connectGateway(instance.gateway.port, { user: 'root', password: 'guess' })).rejects.toMatchObject({ errno: 1045 });
  });
});

describe('REST API', () => {
  it('reports the connector RUNNING and streaming, with its snapshot counts', async () => {
    const res = await fetch(`http://127.0.0.1:${instance.restPort}/connectors/e2e/status`);
    const body = (await res.json()) as { connector: { state: string }; tasks: { state: string }[]; instaquery: { phase: string; snapshot: Record<string, number> } };
    expect(body.connector.state).toBe('RUNNING');
    expect(body.tasks[0]!.state).toBe('RUNNING');
    expect(body.instaquery.phase).toBe('streaming');
    expect(body.instaquery.snapshot[`${DB}.bill`]).toBe(3000);
    expect(await (await fetch(`http://127.0.0.1:${instance.restPort}/connectors`)).json()).toEqual(['e2e']);
    expect((await fetch(`http://127.0.0.1:${instance.restPort}/connectors/nope/status`)).status).toBe(404);
  });
});
