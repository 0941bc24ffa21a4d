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
