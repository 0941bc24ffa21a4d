import { describe, expect, it } from 'vitest';
import { Grants, type GrantCatalog } from './grants.ts';

// A pure unit: the catalog is a fixed map standing in for the store's.
const tables = new Set(['rb.bill', 'secret.s', 'rb.v_ok', 'rb.v_leak', 'rb.v_loop']);
const views: Record<string, { db: string; table: string }[] | null> = {
  'rb.v_ok': [{ db: 'rb', table: 'bill' }],
  'rb.v_leak': [{ db: 'secret', table: 's' }],
  'rb.v_loop': [{ db: 'rb', table: 'v_loop' }],
};
const catalog: GrantCatalog = { has: (db, t) => tables.has(`${db}.${t}`), viewReads: (db, t) => views[`${db}.${t}`] };
const limited = new Grants({ user: 'u', host: '127.0.0.1', databases: ['rb'] });
const root = new Grants({ user: 'root', host: '127.0.0.1', databases: null });
const check = (g: Grants, db: string | null, table: string) => () => g.checkRelations([{ db, table }], catalog);

describe('Grants', () => {
  it('refuses a forbidden database with 1142 in MariaDB words, whether or not the table or database exists', () => {
    for (const [db, table] of [['secret', 's'], ['secret', 'nope'], ['nodb', 'nope'], ['_instaquery', 'offsets']] as const) {
      expect(check(limited, db, table)).toThrow(expect.objectContaining({ code: 1142, message: `SELECT command denied to user 'u'@'127.0.0.1' for table \`${db}\`.\`${table}\`` }));
    }
  });

  it('answers 1146 for a missing table where the user may read, and for the store\'s own schemas to root', () => {
    expect(check(limited, 'rb', 'nope')).toThrow(expect.objectContaining({ code: 1146, message: "Table 'rb.nope' doesn't exist" }));
    expect(check(root, '_instaquery', 'offsets')).toThrow(expect.objectContaining({ code: 1146 }));
    expect(check(root, 'main', 'x')).toThrow(expect.objectContaining({ code: 1146 }));
  });

  it('lets granted tables, information_schema and views over granted tables through', () => {
    expect(check(limited, 'rb', 'bill')).not.toThrow();
    expect(check(limited, 'information_schema', 'tables')).not.toThrow();
    expect(check(limited, 'rb', 'v_ok')).not.toThrow();
    expect(check(root, 'secret', 's')).not.toThrow();
  });

  it('checks what a view reads, as for an SQL SECURITY INVOKER view (1356)', () => {
    expect(check(limited, 'rb', 'v_leak')).toThrow(expect.objectContaining({ code: 1356 }));
    expect(check(root, 'rb', 'v_leak')).not.toThrow();
    expect(check(root, 'rb', 'v_loop')).toThrow(expect.objectContaining({ code: 1356 }));
  });

  it('needs a database for an unqualified table (1046) and refuses USE of a forbidden one (1044)', () => {
    expect(check(limited, null, 'bill')).toThrow(expect.objectContaining({ code: 1046 }));
    expect(() => limited.checkDatabase('secret')).toThrow(expect.objectContaining({ code: 1044, message: "Access denied for user 'u'@'%' to database 'secret'" }));
    expect(() => root.checkDatabase('secret')).not.toThrow();
  });
});
