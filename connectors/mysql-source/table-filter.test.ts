import { describe, expect, it } from 'vitest';
import { MYSQL_CONNECTOR_CLASS, parseMySqlSourceConfig } from './config.ts';
import { tableFilter } from './table-filter.ts';

const filter = (lists: Record<string, string> = {}) =>
  tableFilter(
    parseMySqlSourceConfig({
      'connector.class': MYSQL_CONNECTOR_CLASS,
      'database.hostname': 'h',
      'database.user': 'u',
      'database.server.id': 1,
      'topic.prefix': 'p',
      ...lists,
    }),
  );

const SYSTEM = ['mysql', 'sys', 'information_schema', 'performance_schema', 'MySQL', 'INFORMATION_SCHEMA'];

describe('tableFilter without lists', () => {
  const f = filter();
  it.each(['shop', 'rb', 'rb2'])('includes database %s and its tables', (db) => {
    expect(f.includesDatabase(db)).toBe(true);
    expect(f.includesTable(db, 'anything')).toBe(true);
  });
  it.each(SYSTEM)('never includes system database %s', (db) => {
    expect(f.includesDatabase(db)).toBe(false);
    expect(f.includesTable(db, 'user')).toBe(false);
  });
});

describe('database.include.list', () => {
  it.each<[string, string, boolean]>([
    ['rb', 'rb', true],
    ['rb', 'rb2', false],
    ['rb', 'xrb', false],
    ['rb', 'RB', true],
    ['rb,shop', 'shop', true],
    ['rb, shop', 'shop', true],
    ['rb.*', 'rb2', true],
    ['rb[0-9]', 'rb2', true],
    ['rb[0-9]', 'rb', false],
    ['rb|shop', 'shop', true],
    ['rb|shop', 'rbshop', false],
    ['mysql', 'mysql', false],
    ['.*', 'sys', false],
  ])('%s includes %s: %s', (list, db, expected) => {
    const f = filter({ 'database.include.list': list });
    expect(f.includesDatabase(db)).toBe(expected);
    expect(f.includesTable(db, 't')).toBe(expected);
  });
});

describe('database.exclude.list', () => {
  it.each<[string, string, boolean]>([
    ['rb', 'rb', false],
    ['rb', 'rb2', true],
    ['rb.*', 'rb2', false],
    ['rb,tmp_.*', 'tmp_1', false],
    ['rb,tmp_.*', 'shop', true],
    ['other', 'performance_schema', false],
  ])('%s includes %s: %s', (list, db, expected) => {
    expect(filter({ 'database.exclude.list': list }).includesDatabase(db)).toBe(expected);
  });
});

describe('table.include.list', () => {
  const f = filter({ 'table.include.list': 'rb\\.bill.*,shop\\.orders' });
  it.each<[string, string, boolean]>([
    ['rb', 'bill', true],
    ['rb', 'bill_2024', true],
    ['rb', 'billing', true],
    ['rb', 'user', false],
    ['rb2', 'bill', false],
    ['xrb', 'bill', false],
    ['shop', 'orders', true],
    ['shop', 'orders_old', false],
    ['shop', 'old_orders', false],
    ['SHOP', 'Orders', true],
  ])('%s.%s: %s', (db, table, expected) => {
    expect(f.includesTable(db, table)).toBe(expected);
  });

  it('matches the whole db.table name, so an unescaped dot matches any character', () => {
    expect(filter({ 'table.include.list': 'rb.bill' }).includesTable('rb', 'bill')).toBe(true);
    expect(filter({ 'table.include.list': 'rb\\.bill' }).includesTable('rbx', 'bill')).toBe(false);
  });

  it('combines with the database include list', () => {
    const g = filter({ 'database.include.list': 'rb', 'table.include.list': '.*\\.bill' });
    expect(g.includesTable('rb', 'bill')).toBe(true);
    expect(g.includesTable('shop', 'bill')).toBe(false);
  });

  it('still excludes system databases', () => {
    expect(filter({ 'table.include.list': 'mysql\\.user' }).includesTable('mysql', 'user')).toBe(false);
  });
});

describe('table.exclude.list', () => {
  const f = filter({ 'table.exclude.list': 'rb\\.audit_.*,shop\\.tmp' });
  it.each<[string, string, boolean]>([
    ['rb', 'audit_log', false],
    ['rb', 'audit', true],
    ['rb', 'bill', true],
    ['shop', 'tmp', false],
    ['shop', 'tmp2', true],
    ['shop2', 'tmp', true],
  ])('%s.%s: %s', (db, table, expected) => {
    expect(f.includesTable(db, table)).toBe(expected);
  });
});
