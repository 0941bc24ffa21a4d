// A gateway user's grants, checked against what a parsed statement reads. MariaDB's rules and
// texts: a table in a database the user has no grant on is refused with 1142 whether or not it
// exists, so a refusal never tells a forbidden database from a missing one; a missing table where
// the user may read is 1146; USE of a forbidden database is 1044. Views are checked with what they
// read, as an SQL SECURITY INVOKER view is (1356 when that is refused). The store's own schemas
// (_instaquery, partitions, the MySQL catalog's copies, DuckDB's) are no source database: to the
// user they do not exist.
import type { RelationRead } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';

/** What the grants need to know of the store: its source tables and views. */
export interface GrantCatalog {
  /** A source table or view with this name exists (names compared as the catalog does). */
  has(db: string, table: string): boolean;
  /** What a source view reads; undefined for a table; null when that is not known. */
  viewReads(db: string, table: string): RelationRead[] | null | undefined;
}

export interface Grantee {
  user: string;
  /** The client's address, as MySQL names it in 1142 texts. */
  host: string;
  /** The only databases the user may read; null: every source database. */
  databases: readonly string[] | null;
}

const quoted = (name: string) => '`' + name.replace(/`/g, '``') + '`';

export class Grants {
  constructor(private readonly who: Grantee) {}

  /** Every database granted: what MySQL's PROCESS and global privileges stand for here. */
  get unrestricted(): boolean {
    return this.who.databases === null;
  }

  mayUse(database: string): boolean {
    return this.who.databases === null || this.who.databases.includes(database);
  }

  /** USE, SHOW TABLES FROM, SHOW CREATE DATABASE: 1044 for a database without a grant. */
  checkDatabase(database: string): void {
    // The account's host: users are configured without a host pattern, so '%', as MariaDB prints it.
    if (!this.mayUse(database)) throw new SqlError('DBACCESS_DENIED', `Access denied for user '${this.who.user}'@'%' to database '${database}'`);
  }

  /** SHOW COLUMNS / INDEX / CREATE TABLE, DESCRIBE of one table. */
  checkTable(db: string, table: string, catalog: GrantCatalog, command: 'SELECT' | 'SHOW' = 'SELECT'): void {
    this.checkRelation({ db, table }, catalog, command, new Set());
  }

  /** Every relation a statement reads; the first refused one ends it. */
  checkRelations(relations: readonly RelationRead[], catalog: GrantCatalog): void {
    for (const r of relations) this.checkRelation(r, catalog, 'SELECT', new Set());
  }

  /**
   * Tables named in a statement that could not be parsed (so it is refused anyway): one in a
   * forbidden database gets MySQL's 1142 rather than the refusal, which would confirm nothing
   * but must not differ by whether the database exists.
   */
  checkMentioned(tables: readonly { db: string; table: string }[]): void {
    for (const t of tables) if (t.db.toLowerCase() !== 'information_schema' && !this.mayUse(t.db)) throw this.denied('SELECT', t.db, t.table);
  }

  /** A SHOW statement the gateway does not answer: its `FROM db` / `db.table` are checked first. */
  checkShowTargets(sql: string, catalog: GrantCatalog): void {
    const name = '(`(?:[^`]|``)+`|[\\w$]+)';
    const unquote = (n: string) => (n.startsWith('`') ? n.slice(1, -1).replace(/``/g, '`') : n);
    const qualified = new RegExp(`${name}\\s*\\.\\s*${name}`).exec(sql);
    // MariaDB names SHOW CREATE TABLE's privilege SHOW, and SELECT for the rest (SHOW CREATE VIEW too).
    if (qualified) return this.checkTable(unquote(qualified[1]!), unquote(qualified[2]!), catalog, /^\s*show\s+create\s+table\b/i.test(sql) ? 'SHOW' : 'SELECT');
    // SHOW COLUMNS|INDEX FROM t FROM db names a table, then its database.
    const perTable = new RegExp(`^\\s*show\\s+(?:full\\s+)?(?:columns|fields|index|indexes|keys)\\s+(?:from|in)\\s+${name}\\s+(?:from|in)\\s+${name}`, 'i').exec(sql);
    if (perTable) return this.checkTable(unquote(perTable[2]!), unquote(perTable[1]!), catalog, 'SELECT');
    for (const m of sql.matchAll(new RegExp(`\\b(?:from|in)\\s+${name}`, 'gi'))) this.checkDatabase(unquote(m[1]!));
  }

  private checkRelation(r: RelationRead, catalog: GrantCatalog, command: 'SELECT' | 'SHOW', visiting: Set<string>): void {
    if (r.db === null) throw new SqlError('NO_DB', 'No database selected');
    // The MySQL catalog views: every user reads them, filtered to what they may see.
    if (r.db.toLowerCase() === 'information_schema') return;
    if (!this.mayUse(r.db)) throw this.denied(command, r.db, r.table);
    if (!catalog.has(r.db, r.table)) throw new SqlError('NO_SUCH_TABLE', `Table '${r.db}.${r.table}' doesn't exist`);
    const reads = catalog.viewReads(r.db, r.table);
    if (reads === undefined) return;
    const key = `${r.db}.${r.table}`.toLowerCase();
    if (reads === null || visiting.has(key)) throw this.viewRefused(r.db, r.table);
    visiting.add(key);
    try {
      for (const inner of reads) this.checkRelation(inner, catalog, 'SELECT', visiting);
    } catch (err) {
      if (err instanceof SqlError && (err.code === 1142 || err.code === 1146)) throw this.viewRefused(r.db, r.table);
      throw err;
    } finally {
      visiting.delete(key);
    }
  }

  private denied(command: string, db: string, table: string): SqlError {
    return new SqlError('TABLEACCESS_DENIED', `${command} command denied to user '${this.who.user}'@'${this.who.host}' for table ${quoted(db)}.${quoted(table)}`);
  }

  private viewRefused(db: string, view: string): SqlError {
    return new SqlError('VIEW_INVALID', `View '${db}.${view}' references invalid table(s) or column(s) or function(s) or definer/invoker of view lack rights to use them`);
  }
}
