import { describe, expect, it } from 'vitest';
import { selectVariables, systemVariables } from './system-variables.ts';
import { SERVER_VERSION } from './server.ts';

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
    expect(selectVariables(sql, vars, db)).toEqual(expected);
  });

  it.each([
    'select @@no_such_variable',
    'select @@version, @@no_such_variable',
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
