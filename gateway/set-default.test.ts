import { describe, expect, it } from 'vitest';
import { applyDefaults, namesSetToDefault, sessionSqlMode } from './set-default.ts';

describe('SET name = DEFAULT', () => {
  it('finds the names set to the keyword, not to the string', () => {
    expect(namesSetToDefault('SET SESSION time_zone = DEFAULT')).toEqual(['time_zone']);
    expect(namesSetToDefault(' SET WAIT_TIMEOUT=DEFAULT ')).toEqual(['wait_timeout']);
    expect(namesSetToDefault("SET @@session.sql_mode = DEFAULT, time_zone = '+00:00', net_read_timeout=default;")).toEqual(['sql_mode', 'net_read_timeout']);
    expect(namesSetToDefault("SET time_zone = 'DEFAULT'")).toEqual([]);
    expect(namesSetToDefault('SET default_storage_engine = InnoDB')).toEqual([]);
  });

  it('puts those back to the initial values', () => {
    const vars = new Map([['time_zone', '+00:00'], ['sql_mode', '']]);
    applyDefaults('SET SESSION time_zone = DEFAULT', vars, () => new Map([['time_zone', 'SYSTEM'], ['sql_mode', 'STRICT_TRANS_TABLES']]));
    expect([...vars]).toEqual([['time_zone', 'SYSTEM'], ['sql_mode', '']]);
  });
});

describe('a session’s first sql_mode', () => {
  it('adds IGNORE_SPACE in the server’s flag order when the client asked for it', () => {
    expect(sessionSqlMode('STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', true)).toBe('IGNORE_SPACE,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION');
    expect(sessionSqlMode('PIPES_AS_CONCAT,ANSI_QUOTES,STRICT_TRANS_TABLES', true)).toBe('PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,STRICT_TRANS_TABLES');
    expect(sessionSqlMode('', true)).toBe('IGNORE_SPACE');
    expect(sessionSqlMode('STRICT_TRANS_TABLES', false)).toBe('STRICT_TRANS_TABLES');
  });
});
