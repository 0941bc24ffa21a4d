// Reads the DDL statements that change what a table looks like — CREATE TABLE [LIKE],
// ALTER TABLE (ADD/DROP/MODIFY/CHANGE/RENAME COLUMN, primary keys, RENAME TO), DROP TABLE,
// RENAME TABLE, TRUNCATE, DROP DATABASE — and applies them to the schema history's tables; and
// CREATE/ALTER/DROP VIEW, whose definitions the store keeps.
// Statements that change no column (indexes, defaults, table options, users…) are
// recognised and change nothing. Anything else that names a table is an error for that table,
// so it can be quarantined rather than misread. Grammar: MySQL 8.0 manual, 15.1 "Data Definition
// Statements"; MariaDB "ALTER TABLE".
import { tokenize, type Token } from '../../dialect/index.ts';
import { Cursor, DdlError } from './ddl-cursor.ts';
import { columnDefinition, implicitDefault, keyColumns, NON_COLUMN_DEFINITIONS, peekDefault, skipConstraintName, type ColumnDefinition } from './ddl-column-definition.ts';
import type { SchemaChange, SourceColumn, TableName, TableOptions, TableSchema } from '../../core/index.ts';
import { ddlDefault, implicitColumnDefault } from './column-default.ts';
import { inheritCollation, keyColumn, withDefault, withDisplayWidths } from './ddl-column-rules.ts';
import { readTableOptions } from './ddl-table-options.ts';
import { followPartitioning } from './ddl-partitioning.ts';

export type { SchemaChange, TableName };

export type DdlResult =
  | { kind: 'changes'; changes: SchemaChange[] }
  | { kind: 'none' }
  | { kind: 'unreadable'; tables: TableName[]; reason: string };

export type SchemaLookup = (db: string, table: string) => TableSchema | undefined;
/** `column.include.list` / `column.exclude.list`: excluded columns do not exist downstream. */
export type ColumnInclusion = (db: string, table: string, column: string) => boolean;
const allColumns: ColumnInclusion = () => true;

function tableName(c: Cursor, defaultDb: string): TableName {
  const first = c.identifier();
  if (c.acceptSymbol('.')) return { db: first, table: c.identifier() };
  if (!defaultDb) throw new DdlError(`table '${first}' has no database and the statement ran with none selected`);
  return { db: defaultDb, table: first };
}

function createTable(c: Cursor, defaultDb: string, lookup: SchemaLookup, included: ColumnInclusion): SchemaChange[] {
  c.accept('IF', 'NOT', 'EXISTS');
  const name = tableName(c, defaultDb);
  if (c.accept('LIKE') || (c.isSymbol('(') && c.word(1) === 'LIKE' && c.acceptSymbol('(') && c.accept('LIKE'))) {
    const source = tableName(c, defaultDb);
    const like = lookup(source.db, source.table);
    if (!like) throw new DdlError(`CREATE TABLE ... LIKE ${source.db}.${source.table}: that table is not in the schema history`);
    return [{ kind: 'create', after: { ...like, db: name.db, table: name.table } }];
  }
  if (!c.isSymbol('(')) throw new DdlError('CREATE TABLE ... SELECT without column definitions is not read yet');
  const columns: SourceColumn[] = [];
  let primaryKey: string[] = [];
  for (const item of c.parenthesised()) {
    const ic = new Cursor(item);
    skipConstraintName(ic);
    if (ic.accept('PRIMARY', 'KEY')) {
      while (!ic.isSymbol('(')) ic.next();
      primaryKey = keyColumns(ic);
      continue;
    }
    if (NON_COLUMN_DEFINITIONS.includes(ic.word()) || (ic.word() === 'PERIOD' && ic.word(1) === 'FOR')) continue;
    const { column, primaryKey: inline } = columnDefinition(ic);
    columns.push(column);
    if (inline) primaryKey = [column.name];
  }
  const options: TableOptions = {};
  while (readTableOptions(c, options) && c.acceptSymbol(','));
  const keySet = new Set(primaryKey);
  const kept = columns.filter((col) => keySet.has(col.name) || included(name.db, name.table, col.name)).map((col) => inheritCollation(col, options.collation));
  return [{ kind: 'create', after: { db: name.db, table: name.table, columns: kept.map((col) => (keySet.has(col.name) ? keyColumn(col) : col)), primaryKey, ...(Object.keys(options).length > 0 ? { options } : {}) } }];
}

function alterTable(c: Cursor, defaultDb: string, lookup: SchemaLookup, eventTime: string, included: ColumnInclusion): SchemaChange[] {
  c.accept('ONLINE') || c.accept('IGNORE');
  c.expect('TABLE');
  c.accept('IF', 'EXISTS');
  const name = tableName(c, defaultDb);
  const before = lookup(name.db, name.table);
  if (!before) return []; // a table this connector does not follow
  let columns = [...before.columns];
  let primaryKey = [...before.primaryKey];
  const renamedColumns: [string, string][] = [];
  const addedValues: Record<string, string | null> = {};
  const excluded = (col: string) => !included(name.db, name.table, col);
  const added = (d: ColumnDefinition) => {
    const v = d.defaultValue;
    addedValues[d.column.name] = v === undefined ? (d.column.nullable ? null : implicitDefault(d.column.columnType)) : v === null ? null : typeof v === 'object' ? eventTime.slice(0, /^date\b/.test(d.column.columnType) ? 10 : 19) : v;
  };
  const options: TableOptions = { ...before.options };
  let renameTo: TableName | null = null;
  const indexOf = (col: string) => columns.findIndex((x) => x.name.toLowerCase() === col.toLowerCase());
  const place = (col: SourceColumn, cc: Cursor, at: number) => {
    if (cc.accept('FIRST')) columns.splice(0, 0, col);
    else if (cc.accept('AFTER')) {
      const after = indexOf(cc.identifier());
      columns.splice(after + 1, 0, col);
    } else if (at >= 0) columns.splice(at, 0, col);
    else columns.push(col);
  };
  while (!c.done) {
    if (c.accept('ADD')) {
      skipConstraintName(c);
      if (c.accept('PRIMARY', 'KEY')) {
        while (!c.isSymbol('(')) c.next();
        primaryKey = keyColumns(c);
      } else if (NON_COLUMN_DEFINITIONS.includes(c.word()) || c.word() === 'PARTITION') {
        c.skipClause();
      } else {
        c.accept('COLUMN');
        c.accept('IF', 'NOT', 'EXISTS');
        if (c.isSymbol('(')) {
          for (const item of c.parenthesised()) {
            const d = columnDefinition(new Cursor(item));
            if (excluded(d.column.name)) continue;
            columns.push(inheritCollation(d.column, before.options?.collation));
            added(d);
          }
        } else {
          const d = columnDefinition(c);
          if (indexOf(d.column.name) < 0 && !excluded(d.column.name)) {
            place(inheritCollation(d.column, before.options?.collation), c, -1);
            added(d);
          }
          if (d.primaryKey) primaryKey = [d.column.name];
        }
      }
    } else if (c.accept('DROP')) {
      if (c.accept('PRIMARY', 'KEY')) primaryKey = [];
      else if (['INDEX', 'KEY', 'FOREIGN', 'CONSTRAINT', 'CHECK', 'PARTITION'].includes(c.word())) c.skipClause();
      else {
        c.accept('COLUMN');
        c.accept('IF', 'EXISTS');
        const col = c.identifier();
        columns = columns.filter((x) => x.name.toLowerCase() !== col.toLowerCase());
        primaryKey = primaryKey.filter((k) => k.toLowerCase() !== col.toLowerCase());
        c.skipClause();
      }
    } else if (c.word() === 'MODIFY' || c.word() === 'CHANGE') {
      const isChange = c.next().text.toUpperCase() === 'CHANGE';
      c.accept('COLUMN');
      c.accept('IF', 'EXISTS');
      const old = isChange ? c.identifier() : null;
      const { column, primaryKey: inline } = columnDefinition(c);
      const at = indexOf(old ?? column.name);
      if (at < 0) {
        // An excluded column does not exist downstream; anything else missing means the history is off.
        if (!excluded(old ?? column.name)) throw new DdlError(`column '${old ?? column.name}' is not in ${name.db}.${name.table}`);
        c.skipClause();
      } else {
        const previous = columns[at]!;
        columns.splice(at, 1);
        place(inheritCollation(column, before.options?.collation), c, at);
        if (old && old !== column.name) {
          renamedColumns.push([previous.name, column.name]);
          primaryKey = primaryKey.map((k) => (k === previous.name ? column.name : k));
        }
        if (inline) primaryKey = [column.name];
      }
    } else if (c.accept('RENAME', 'COLUMN')) {
      const from = c.identifier();
      c.expect('TO');
      const to = c.identifier();
      const at = indexOf(from);
      if (at < 0) {
        if (!excluded(from)) throw new DdlError(`column '${from}' is not in ${name.db}.${name.table}`);
      } else {
        renamedColumns.push([columns[at]!.name, to]);
        primaryKey = primaryKey.map((k) => (k === columns[at]!.name ? to : k));
        columns[at] = { ...columns[at]!, name: to };
      }
    } else if (c.accept('RENAME', 'INDEX') || c.accept('RENAME', 'KEY')) {
      c.skipClause();
    } else if (c.accept('RENAME')) {
      c.accept('TO') || c.accept('AS');
      renameTo = tableName(c, name.db);
    } else if (c.word() === 'ALTER' && (c.word(1) !== 'INDEX' || c.word(2) === 'SET' || c.word(2) === 'DROP')) {
      c.next();
      c.accept('COLUMN');
      c.accept('IF', 'EXISTS');
      const at = indexOf(c.identifier());
      const col = columns[at];
      if (col && c.accept('SET', 'DEFAULT')) {
        const shown = ddlDefault(col.columnType, col.nullable, peekDefault(c));
        columns[at] = withDefault(col, shown === 'NULL' && !col.nullable ? undefined : shown);
      } else if (col && c.accept('DROP', 'DEFAULT')) {
        columns[at] = withDefault(col, implicitColumnDefault(col.columnType, col.nullable, col.extra === 'auto_increment'));
      }
      c.skipClause();
    } else if (readTableOptions(c, options)) {
      c.skipClause();
    } else {
      // ALGORITHM/LOCK, CONVERT TO CHARACTER SET, ENABLE/DISABLE KEYS, FORCE, ORDER BY,
      // partition maintenance: no column changes.
      c.skipClause();
    }
    if (!c.acceptSymbol(',')) break;
  }
  const changes: SchemaChange[] = [];
  // MySQL makes primary-key columns NOT NULL, whatever their definition says.
  const keySet = new Set(primaryKey);
  columns = columns.map((col) => (keySet.has(col.name) && col.nullable ? keyColumn(col) : col));
  const after: TableSchema = { ...before, columns, primaryKey, ...(options.engine || options.collation || options.createOptions || options.comment || before.options ? { options } : {}) };
  if (JSON.stringify(after) !== JSON.stringify(before) || renamedColumns.length > 0) changes.push({ kind: 'alter', before, after, renamedColumns, addedValues });
  if (renameTo) changes.push({ kind: 'rename', from: name, to: renameTo, after: { ...after, db: renameTo.db, table: renameTo.table } });
  return changes;
}

/** Tables a statement names, best effort: used to say what an unreadable statement touches. */
function namedTables(sql: string, defaultDb: string): TableName[] {
  const name = '(`[^`]+`|"[^"]+"|[^`".\\s(]+)';
  const m = new RegExp(`^\\s*(?:CREATE|ALTER|DROP|RENAME|TRUNCATE)\\s+(?:ONLINE\\s+|IGNORE\\s+|TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?${name}(?:\\.${name})?`, 'i').exec(stripLeadingComments(sql));
  if (!m) return [];
  const unquote = (n: string) => n.replace(/^[`"]|[`"]$/g, '');
  return m[2] ? [{ db: unquote(m[1]!), table: unquote(m[2]) }] : defaultDb ? [{ db: defaultDb, table: unquote(m[1]!) }] : [];
}

function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s|\/\*[\s\S]*?\*\/|--[^\n]*(\n|$)|#[^\n]*(\n|$))*/, '');
}

/**
 * CREATE [OR REPLACE] [ALGORITHM = a] [DEFINER = u] [SQL SECURITY s] VIEW name [(columns)] AS
 * select [WITH [CASCADED | LOCAL] CHECK OPTION], or ALTER with the same clauses; null (cursor
 * untouched) for any other statement. The SELECT is kept as written, for the store to translate.
 */
function viewDefinition(c: Cursor, sql: string, defaultDb: string): SchemaChange | null {
  let at = 0;
  const word = (k: number) => c.word(k);
  if (word(at) !== 'CREATE' && word(at) !== 'ALTER') return null;
  at++;
  if (word(at) === 'OR' && word(at + 1) === 'REPLACE') at += 2;
  for (;;) {
    if (word(at) === 'ALGORITHM' || word(at) === 'DEFINER') {
      at += 2; // the word and '='
      at++; // the value: a word, or user@host as one token or three
      if (c.peek(at)?.text === '@') at += 2;
      else if (c.peek(at)?.kind === 'word' && c.peek(at)!.text.startsWith('@')) at++;
    } else if (word(at) === 'SQL' && word(at + 1) === 'SECURITY') at += 3;
    else break;
  }
  if (word(at) !== 'VIEW') return null;
  for (let k = 0; k <= at; k++) c.next();
  const name = tableName(c, defaultDb);
  let columnNames: string[] | null = null;
  if (c.isSymbol('(')) columnNames = c.parenthesised().map((item) => item.map((t) => t.text).join(''));
  c.expect('AS');
  const start = c.peek()?.start;
  if (start === undefined) throw new DdlError(`view ${name.table} has no SELECT`);
  const definition = sql
    .slice(start)
    .replace(/;\s*$/, '')
    .replace(/\s+WITH\s+(CASCADED\s+|LOCAL\s+)?CHECK\s+OPTION\s*$/i, '')
    .trim();
  return { kind: 'view', db: name.db, view: name.table, definition, columnNames };
}

const SCHEMA_WORDS = /^\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/i;

/**
 * Applies one binlog query event. `defaultDb` is the database the statement ran in (the query
 * event's schema). `lookup` gives the table as the history has it right before this statement.
 * `eventTime` (UTC text) is what CURRENT_TIMESTAMP defaults fill existing rows with.
 */
export function readDdl(sql: string, defaultDb: string, lookup: SchemaLookup, databaseTables: (db: string) => TableName[], eventTime = '1970-01-01 00:00:00', included: ColumnInclusion = allColumns, flavor: 'mariadb' | 'mysql' = 'mysql'): DdlResult {
  const result = readStatement(sql, defaultDb, lookup, databaseTables, eventTime, included);
  return flavor === 'mariadb' && result.kind === 'changes' ? { kind: 'changes', changes: result.changes.map(withDisplayWidths) } : result;
}

function readStatement(sql: string, defaultDb: string, lookup: SchemaLookup, databaseTables: (db: string) => TableName[], eventTime: string, included: ColumnInclusion): DdlResult {
  if (!SCHEMA_WORDS.test(stripLeadingComments(sql))) return { kind: 'none' };
  let tokens: Token[];
  try {
    tokens = tokenize(sql).filter((t) => t.kind !== 'space');
  } catch (err) {
    return { kind: 'unreadable', tables: namedTables(sql, defaultDb), reason: (err as Error).message };
  }
  const c = new Cursor(tokens);
  try {
    const view = viewDefinition(c, sql, defaultDb);
    if (view) return { kind: 'changes', changes: [view] };
    if (c.accept('CREATE')) {
      c.accept('OR', 'REPLACE');
      if (c.accept('TEMPORARY')) return { kind: 'none' }; // not replicated in ROW format
      if (c.accept('TABLE')) return { kind: 'changes', changes: followPartitioning(sql, tokens, createTable(c, defaultDb, lookup, included), defaultDb, lookup) };
      return { kind: 'none' }; // DATABASE, INDEX, VIEW, USER, TRIGGER, PROCEDURE, …
    }
    if (c.accept('ALTER')) {
      if (c.word() === 'TABLE' || c.word(1) === 'TABLE') return { kind: 'changes', changes: followPartitioning(sql, tokens, alterTable(c, defaultDb, lookup, eventTime, included), defaultDb, lookup) };
      return { kind: 'none' };
    }
    if (c.accept('DROP')) {
      if (c.accept('TEMPORARY')) return { kind: 'none' };
      if (c.accept('DATABASE') || c.accept('SCHEMA')) {
        c.accept('IF', 'EXISTS');
        const db = c.identifier();
        return { kind: 'changes', changes: [...databaseTables(db).map((t): SchemaChange => ({ kind: 'drop', ...t })), { kind: 'drop-database', db }] };
      }
      if (c.accept('VIEW')) {
        c.accept('IF', 'EXISTS');
        const changes: SchemaChange[] = [];
        do {
          const t = tableName(c, defaultDb);
          changes.push({ kind: 'drop-view', db: t.db, view: t.table });
        } while (c.acceptSymbol(','));
        return { kind: 'changes', changes };
      }
      if (!c.accept('TABLE')) return { kind: 'none' };
      c.accept('IF', 'EXISTS');
      const changes: SchemaChange[] = [];
      do {
        const t = tableName(c, defaultDb);
        changes.push({ kind: 'drop', ...t });
      } while (c.acceptSymbol(','));
      return { kind: 'changes', changes };
    }
    if (c.accept('RENAME')) {
      if (!c.accept('TABLE')) return { kind: 'none' };
      const changes: SchemaChange[] = [];
      // Renames apply left to right (a swap goes through a temporary name), so later pairs see
      // the tables as the earlier pairs left them.
      const moved = new Map<string, TableSchema | null>();
      const current = (t: TableName) => (moved.has(`${t.db}.${t.table}`) ? moved.get(`${t.db}.${t.table}`) ?? undefined : lookup(t.db, t.table));
      do {
        const from = tableName(c, defaultDb);
        c.expect('TO');
        const to = tableName(c, defaultDb);
        const known = current(from);
        moved.set(`${from.db}.${from.table}`, null);
        if (known) {
          const after = { ...known, db: to.db, table: to.table };
          moved.set(`${to.db}.${to.table}`, after);
          changes.push({ kind: 'rename', from, to, after });
        }
      } while (c.acceptSymbol(','));
      return { kind: 'changes', changes };
    }
    if (c.accept('TRUNCATE')) {
      c.accept('TABLE');
      return { kind: 'changes', changes: [{ kind: 'truncate', ...tableName(c, defaultDb) }] };
    }
    return { kind: 'none' };
  } catch (err) {
    return { kind: 'unreadable', tables: namedTables(sql, defaultDb), reason: (err as Error).message };
  }
}
