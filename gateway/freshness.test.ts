import { describe, expect, it } from 'vitest';
import { gtidReached, parseGtidWait } from './freshness.ts';

describe('gtidReached', () => {
  it.each([
    ['0-1-42', '0-1-42', true],
    ['0-1-43', '0-1-42', true],
    ['0-1-41', '0-1-42', false],
    ['0-2-50', '0-1-42', true],
    ['1-1-99', '0-1-42', false],
    ['0-1-50,1-1-7', '0-1-42,1-1-7', true],
    ['0-1-50,1-1-6', '0-1-42,1-1-7', false],
    ['3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77', '3e11fa47-71ca-11e1-9e33-c80aa9429562:77', true],
    ['3e11fa47-71ca-11e1-9e33-c80aa9429562:1-76', '3e11fa47-71ca-11e1-9e33-c80aa9429562:77', false],
    [null, '0-1-1', false],
    ['0-1-5', 'not a gtid', false],
  ])('store at %s holds %s: %s', (applied, wanted, reached) => {
    expect(gtidReached(applied, wanted)).toBe(reached);
  });
});

describe('parseGtidWait', () => {
  it('reads MariaDB and MySQL wait functions with and without timeout and alias', () => {
    expect(parseGtidWait("SELECT MASTER_GTID_WAIT('0-1-5', 2.5) AS w")).toEqual({ fn: 'MASTER_GTID_WAIT', gtid: '0-1-5', timeoutSeconds: 2.5, alias: 'w' });
    expect(parseGtidWait("select wait_for_executed_gtid_set('u:1-3')")).toEqual({ fn: 'WAIT_FOR_EXECUTED_GTID_SET', gtid: 'u:1-3', timeoutSeconds: null, alias: "wait_for_executed_gtid_set('u:1-3')" });
    expect(parseGtidWait('SELECT 1')).toBeNull();
  });
});
