import { describe, expect, it } from 'vitest';
import { isSystemVariable, selectVariables, serverProfile, systemVariables } from './system-variables.ts';
import { SERVER_VERSION } from './server.ts';
import type { SourceServer } from '../core/index.ts';

const vars = systemVariables();

describe('systemVariables', () => {
  it('holds what clients read on connect', () => {
    expect(vars.get('version')).toBe(SERVER_VERSION);
    expect(vars.get('max_allowed_packet')).toBe(String(64 * 1024 * 1024));
    expect(vars.get('autocommit')).toBe('1');
    expect(vars.get('version_comment')).toMatch(/instaquery/);
    for (const name of vars.keys()) expect(name).toBe(name.toLowerCase());
  });
});

describe('selectVariables', () => {
  it.each<[string, string | null, { names: string[]; values: (string | null)[] }]>([
    ['select @@version_comment limit 1', null, { names: ['@@version_comment'], values: [vars.get('version_comment')!] }],
    ['SELECT @@session.autocommit, @@max_allowed_packet AS m', null, { names: ['@@session.autocommit', 'm'], values: ['1', '67108864'] }],
    ['SELECT @@GLOBAL.Version', null, { names: ['@@GLOBAL.Version'], values: [SERVER_VERSION] }],
    ['select @@local.wait_timeout m;', null, { names: ['m'], values: ['28800'] }],
    ['  SELECT  @@autocommit  AS `ac` ; ', null, { names: ['ac'], values: ['1'] }],
    ["select @@tx_isolation as 'iso'", null, { names: ['iso'], values: ['REPEATABLE-READ'] }],
    ['select database()', null, { names: ['database()'], values: [null] }],
    ['select database()', 'shop', { names: ['database()'], values: ['shop'] }],
    ['SELECT DATABASE() AS db, @@version', 'shop', { names: ['db', '@@version'], values: ['shop', SERVER_VERSION] }],
    ['select schema()', 'rb', { names: ['schema()'], values: ['rb'] }],
    ['select\n@@character_set_client,\n@@collation_connection\nLIMIT 1', null, { names: ['@@character_set_client', '@@collation_connection'], values: ['utf8mb4', 'utf8mb4_general_ci'] }],
  ])('%j (db %j)', (sql, db, expected) => {
    expect(selectVariables(sql, vars, db)).toMatchObject(expected);
  });

  it.each(['select @@no_such_variable', 'select @@version, @@no_such_variable'])('refuses %j with error 1193, as the server does', (sql) => {
    expect(() => selectVariables(sql, vars, 'shop')).toThrow(expect.objectContaining({ code: 1193, message: "Unknown system variable 'no_such_variable'" }));
  });

  it.each([
    'select @@version, 1+1',
    'select 1',
    'select @@version from t',
    'select @@version where 1',
    'select @@version limit 1, 2',
    'select now()',
    'show variables',
    'update t set a = @@version',
    'select',
    'select @version',
  ])('returns null for %j', (sql) => {
    expect(selectVariables(sql, vars, 'shop')).toBeNull();
  });
});

describe('SET of system variables', async () => {
  const { assignedSystemVariables } = await import('./session-control.ts');
  const { isSystemVariable } = await import('./system-variables.ts');

  it('lists the system variables a SET assigns, as drivers send them', () => {
    expect(assignedSystemVariables("set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4")).toEqual(['sql_mode']);
    expect(assignedSystemVariables('SET @@session.autocommit = 1, @x := 2, SESSION net_write_timeout = 600')).toEqual(['autocommit', 'net_write_timeout']);
    expect(assignedSystemVariables('SET NAMES utf8mb4')).toEqual([]);
    expect(assignedSystemVariables('SET VARIABLE x = 1')).toBeNull();
  });

  it("knows MySQL's and MariaDB's names and the gateway's own, and no DuckDB setting", () => {
    for (const name of ['sql_mode', 'transaction_isolation', 'tx_isolation', 'max_execution_time', 'max_statement_time', 'net_write_timeout', 'instaquery_wait_for_gtid', 'character_set_results']) expect(isSystemVariable(name), name).toBe(true);
    for (const name of ['enable_external_access', 'allowed_directories', 'lock_configuration', 'threads', 'memory_limit', 'search_path', 'default_collation']) expect(isSystemVariable(name), name).toBe(false);
  });
});

// As MariaDB 10.11 answers (column definitions read with mysql2 from the test server).
const mariadb: SourceServer = {
  flavor: 'mariadb',
  version: '10.11.19-MariaDB-0+deb12u1-log',
  variables: [
    { name: 'version', value: '10.11.19-MariaDB-0+deb12u1-log', type: 253, flags: 0, decimals: 39, length: 120 },
    { name: 'version_comment', value: 'Debian 12', type: 253, flags: 0, decimals: 39, length: 36 },
    { name: 'max_allowed_packet', value: '16777216', type: 8, flags: 160, decimals: 0, length: 21 },
    { name: 'autocommit', value: 'ON', type: 8, flags: 128, decimals: 0, length: 1 },
    { name: 'read_only', value: 'OFF', type: 8, flags: 128, decimals: 0, length: 1 },
    { name: 'tx_isolation', value: 'REPEATABLE-READ', type: 253, flags: 0, decimals: 39, length: 60 },
  ],
  variableNames: ['autocommit', 'character_set_client', 'collation_connection', 'max_allowed_packet', 'read_only', 'sql_mode', 'tx_isolation', 'version', 'version_comment', 'wait_timeout'],
};

describe('a gateway presenting a MariaDB source', () => {
  const profile = serverProfile(mariadb);
  const own = systemVariables('utf8mb4_unicode_ci', profile);

  it("sends MariaDB's handshake version, with the 5.5.5- prefix MariaDB sends", () => {
    expect(profile.handshakeVersion).toBe('5.5.5-10.11.19-MariaDB-0+deb12u1-log');
    expect(own.get('version')).toBe('10.11.19-MariaDB-0+deb12u1-log');
    expect(own.get('version_comment')).toBe('Debian 12');
  });

  it("takes the source's values, except what is the gateway's (read-only, autocommit, the connection's collation)", () => {
    expect(own.get('max_allowed_packet')).toBe('16777216');
    expect(own.get('read_only')).toBe('1');
    expect(own.get('collation_connection')).toBe('utf8mb4_unicode_ci');
    expect(own.has('transaction_isolation')).toBe(false);
  });

  it('types each variable as the source sends it', () => {
    const a = selectVariables('SELECT @@max_allowed_packet, @@autocommit, @@version, DATABASE()', own, null, profile, 224)!;
    expect(a.values).toEqual(['16777216', '1', '10.11.19-MariaDB-0+deb12u1-log', null]);
    expect(a.columns.map((c) => [c.type, c.flags, c.decimals, c.length, c.charset])).toEqual([
      [8, 160, 0, 21, 63],
      [8, 128, 0, 1, 63],
      [253, 0, 39, 120, 224],
      [253, 0, 39, 256, 224],
    ]);
  });

  it("knows only the flavor's names and the gateway's own: @@transaction_isolation is error 1193", () => {
    expect(() => selectVariables('SELECT @@transaction_isolation', own, null, profile)).toThrow(expect.objectContaining({ code: 1193 }));
    expect(isSystemVariable('transaction_isolation', profile)).toBe(false);
    for (const name of ['tx_isolation', 'wait_timeout', 'max_execution_time', 'instaquery_wait_for_gtid']) expect(isSystemVariable(name, profile), name).toBe(true);
  });
  it("looks zone names up in the source's time-zone tables as MariaDB does: case-blind, trailing spaces aside", () => {
    const loaded = serverProfile({ ...mariadb, timeZoneNames: ['America/New_York', 'UTC'] });
    expect(loaded.timeZone('america/NEW_YORK ')).toBe('America/New_York');
    expect(loaded.timeZone('Mars/Olympus')).toBeNull();
    expect(serverProfile({ ...mariadb, timeZoneNames: [] }).timeZone('UTC')).toBeNull();
    // Not read (no grant on mysql.time_zone_name, or an older record): not known.
    expect(profile.timeZone('UTC')).toBeUndefined();
  });
});
