// Column definitions as MySQL would send them. DuckDB's result types say "DECIMAL(12,2)" or
// "VARCHAR"; drivers need more: TINYINT(1) (a boolean to Connector/J), TIME, YEAR, ENUM, TEXT vs
// VARCHAR, NOT NULL, PRI, the table and column a value came from. The sink records each table's
// source columns in `_instaquery.source_tables`; a result column that names a column of a table
// in the query's FROM, with the store type that column maps to, is described as that column.
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { bucketView } from '../store/index.ts';
import { mapColumnType } from '../core/index.ts';
import { bucketOf, parseSpec, type PartitionSpec } from '../partitioning/index.ts';

const INTEGER_TYPE = /^(tinyint|smallint|mediumint|int|integer|bigint)\b/i;
import { declaredMembers, tokenize, translate, type DialectCatalog, type RelationRead, type ServerFlavor, type ResultColumnHint, type Translation } from '../dialect/index.ts';
import type { GrantCatalog } from './grants.ts';
import { Charset, ColumnFlag, ColumnType } from './protocol/constants.ts';
import type { ResultColumn } from './result-set.ts';

export interface SourceColumnInfo {
  /** A JSON value sent as MariaDB sends it: LONGTEXT, with the extended metadata format 'json'. */
  jsonAsText?: boolean;
  db: string;
  table: string;
  name: string;
  columnType: string;
  nullable: boolean;
  primaryKey: boolean;
  /** An expression's value, not a table column: MySQL names no table or original column for it. */
  computed?: boolean;
  /** The table's name in the query (an alias), sent as the column's table; org_table stays the real name. */
  tableAlias?: string;
  /** A computed string's decimals where MariaDB sends other than 39 (ExprType.textDecimals). */
  textDecimals?: number;
  /** Sent as BLOB (252) whatever its length, as MariaDB sends GROUP_CONCAT (ExprType.blobText). */
  blobText?: boolean;
}

export type SourceCatalog = Map<string, SourceColumnInfo[]>;

const CATALOG_TTL_MS = 1000;

/** The catalog and the dialect's view of it; both stay the same objects while nothing changes. */
export interface LoadedCatalog {
  catalog: SourceCatalog;
  dialect: DialectCatalog;
  /** What grants are checked against: which relations exist, and what each view reads. */
  grants: GrantCatalog;
}

/**
 * The source tables' columns, read at most once a second (schema changes show up that fast). One
 * cache serves every session; an unchanged catalog keeps its identity, so translations cached
 * against it stay valid.
 */
export class SourceCatalogCache {
  private loaded: { at: number; text: string; value: LoadedCatalog } | null = null;

  /** `fresh` re-reads now, whatever the age of what is loaded. */
  async get(conn: DuckDBConnection, fresh = false): Promise<LoadedCatalog> {
    if (!fresh && this.loaded && Date.now() - this.loaded.at < CATALOG_TTL_MS) return this.loaded.value;
    let rows: unknown[][] = [];
    let flavor: ServerFlavor = null;
    try {
      // Source views are tables to a query; a refused one has no columns and says why.
      // With each table's partition spec and whether it has cold files (its point lookups can
      // read one bucket's view): a change of either is a new catalog, so no cached translation
      // outlives the bucket views it names.
      const reader = await conn.runAndReadAll(`SELECT db, tbl, columns::VARCHAR, primary_key::VARCHAR, NULL AS refused, partitioning,
          EXISTS (SELECT 1 FROM _instaquery.cold_partitions AS c WHERE c.db = s.db AND c.tbl = s.tbl) AS cold, NULL AS definition
        FROM _instaquery.source_tables AS s
        UNION ALL SELECT db, name, coalesce(columns::VARCHAR, '[]'), '[]', refused, NULL, false, definition FROM _instaquery.source_views ORDER BY 1, 2`);
      rows = reader.getRowsJS();
      // The presented server's flavor picks the information_schema column sets (the first
      // recorded source's, as gateway/mysql-catalog.ts reads it): a new flavor is a new catalog.
      const server = await conn.runAndReadAll(`SELECT flavor FROM _instaquery.source_server ORDER BY first_recorded, connector LIMIT 1`);
      flavor = server.getRowsJS()[0]?.[0] === 'mariadb' ? 'mariadb' : server.getRowsJS().length ? 'mysql' : null;
    } catch {
      // A store without the catalog yet (nothing captured): plain DuckDB descriptions.
    }
    const text = JSON.stringify([flavor, rows]);
    if (this.loaded?.text === text) {
      this.loaded.at = Date.now();
      return this.loaded.value;
    }
    const catalog: SourceCatalog = new Map();
    const refusals = new Map<string, string>();
    const bucketed = new Map<string, PartitionSpec>();
    const views = new Map<string, { db: string; definition: string }>();
    for (const [db, table, columns, pk, refused, partitioning, cold, definition] of rows) {
      if (definition !== null) views.set(`${db}.${table}`.toLowerCase(), { db: String(db), definition: String(definition) });
      if (refused !== null) {
        refusals.set(`${db}.${table}`.toLowerCase(), String(refused));
        continue;
      }
      const keys = new Set(JSON.parse(String(pk)) as string[]);
      const list = (JSON.parse(String(columns)) as { name: string; columnType: string; nullable: boolean; collation?: string }[]).map((c) => ({
        db: String(db),
        table: String(table),
        name: c.name,
        columnType: c.columnType,
        nullable: c.nullable,
        primaryKey: keys.has(c.name),
        ...(c.collation ? { collation: c.collation } : {}),
      }));
      catalog.set(`${db}.${table}`.toLowerCase(), list);
      if (cold === true && typeof partitioning === 'string') bucketed.set(`${db}.${table}`.toLowerCase(), parseSpec(partitioning, `partition spec of ${db}.${table}`));
    }
    const dialect: DialectCatalog = {
      columns: (db, table) => catalog.get(`${db}.${table}`.toLowerCase()),
      flavor,
      refusal: (db, table) => refusals.get(`${db}.${table}`.toLowerCase()),
      pointLookup: (db, table, equalities) => {
        const key = `${db}.${table}`.toLowerCase();
        const spec = bucketed.get(key);
        const columns = catalog.get(key);
        if (!spec || !columns) return undefined;
        // Only whole-number keys: their literal's text is the text the sink hashed (a string key
        // compares under a collation, where 'ABC' finds 'abc' in another bucket).
        const values: Record<string, string> = {};
        for (const name of spec.hash.columns) {
          const column = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
          const value = equalities.get(name.toLowerCase());
          if (!column || value === undefined || !INTEGER_TYPE.test(column.columnType)) return undefined;
          values[name] = value;
        }
        return bucketView({ db: columns[0]!.db, table: columns[0]!.table }, bucketOf(spec, values));
      },
    };
    this.loaded = { at: Date.now(), text, value: { catalog, dialect, grants: grantCatalog(catalog, refusals, views, dialect) } };
    return this.loaded.value;
  }
}

/**
 * Relations as the grants see them: every source table and view (a refused view too: refusing
 * it for its grants comes first), and what each view reads, from its definition translated as the
 * store translated it. A definition that no longer translates reads what cannot be known (null).
 */
function grantCatalog(catalog: SourceCatalog, refusals: Map<string, string>, views: Map<string, { db: string; definition: string }>, dialect: DialectCatalog): GrantCatalog {
  const reads = new Map<string, RelationRead[] | null>();
  const readsOf = (key: string): RelationRead[] | null => {
    if (!reads.has(key)) {
      const view = views.get(key)!;
      try {
        reads.set(key, translate(view.definition, { database: view.db, catalog: dialect, qualifyTables: true }).relations ?? null);
      } catch {
        reads.set(key, null);
      }
    }
    return reads.get(key)!;
  };
  return {
    has: (db, table) => {
      const key = `${db}.${table}`.toLowerCase();
      return catalog.has(key) || refusals.has(key);
    },
    viewReads: (db, table) => {
      const key = `${db}.${table}`.toLowerCase();
      return views.has(key) ? readsOf(key) : undefined;
    },
  };
}

/** What the dialect says each result column is, as column infos for describeSourceColumn. */
export function hintedColumns(hints: ResultColumnHint[]): SourceColumnInfo[] {
  return hints.map((h) =>
    h.type.source
      ? { db: h.type.source.db, table: h.type.source.table, tableAlias: h.type.source.tableAlias, name: h.type.source.column, columnType: h.type.columnType, nullable: h.type.nullable, primaryKey: h.type.source.primaryKey }
      : { db: '', table: '', name: h.name, columnType: h.type.columnType, nullable: h.type.nullable, primaryKey: false, computed: true, ...(h.type.textDecimals === undefined ? {} : { textDecimals: h.type.textDecimals }), ...(h.type.blobText ? { blobText: true } : {}), ...(h.type.jsonText ? { jsonAsText: true } : {}) },
  );
}

/** Tables named after FROM and JOIN (`t`, `db.t`, quoted or not), resolved against `database`. */
export function tablesInQuery(sql: string, database: string | null): { db: string; table: string }[] {
  const tokens = tokenize(sql).filter((t) => t.kind !== 'space');
  const found: { db: string; table: string }[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i]!.kind === 'word' ? tokens[i]!.text.toUpperCase() : '';
    if (word !== 'FROM' && word !== 'JOIN') continue;
    const first = tokens[i + 1]!;
    if (first.kind !== 'word' && first.kind !== 'quoted') continue;
    if (tokens[i + 2]?.text === '.' && tokens[i + 3] && (tokens[i + 3]!.kind === 'word' || tokens[i + 3]!.kind === 'quoted')) {
      found.push({ db: first.text, table: tokens[i + 3]!.text });
    } else if (database) {
      found.push({ db: database, table: first.text });
    }
  }
  return found;
}

/** For each result column, the source column it is, when that is certain; else null. */
export function sourceColumnsOf(names: string[], types: DuckDBType[], tables: { db: string; table: string }[], catalog: SourceCatalog): (SourceColumnInfo | null)[] {
  const candidates = tables.flatMap((t) => catalog.get(`${t.db}.${t.table}`.toLowerCase()) ?? []);
  return names.map((name, i) => {
    const matches = candidates.filter((c) => c.name.toLowerCase() === name.toLowerCase());
    if (matches.length !== 1) return null;
    const column = matches[0]!;
    // An expression aliased to a column's name has another type; only the column itself matches.
    const t = types[i]!;
    const resultType = (t.alias ?? t.toString()).toUpperCase();
    return mapColumnType(column.columnType).duckType.toUpperCase() === resultType ? column : null;
  });
}

const INTEGER_TYPES: Record<string, [number, number]> = {
  tinyint: [ColumnType.TINY, 4],
  smallint: [ColumnType.SHORT, 6],
  mediumint: [ColumnType.INT24, 9],
  int: [ColumnType.LONG, 11],
  integer: [ColumnType.LONG, 11],
  bigint: [ColumnType.LONGLONG, 20],
};

/**
 * The column definition MySQL sends for a column of this COLUMN_TYPE. Text is described in
 * `textCharset`, the connection's collation, as servers do (they convert results to it).
 */
export function describeSourceColumn(c: SourceColumnInfo, label: string, textCharset: number = Charset.UTF8MB4_GENERAL_CI): ResultColumn {
  const t = c.columnType.toLowerCase();
  const base = /^[a-z]+/.exec(t)?.[0] ?? t;
  const width = Number(/\((\d+)/.exec(t)?.[1] ?? NaN);
  const scale = Number(/\(\d+,\s*(\d+)\)/.exec(t)?.[1] ?? 0);
  const unsigned = /\bunsigned\b/.test(t);
  // A computed text value carries MariaDB's "not fixed" decimals marker (39), as the server sends it.
  const textDecimals = c.computed ? (c.textDecimals ?? 39) : 0;
  let flags = (c.nullable ? 0 : ColumnFlag.NOT_NULL) | (c.primaryKey ? ColumnFlag.PRI_KEY : 0);
  const def = (type: number, length: number, charset: number, decimals: number, extra = 0): ResultColumn => ({
    schema: c.db,
    table: c.tableAlias ?? c.table,
    orgTable: c.table,
    name: label,
    orgName: c.computed ? '' : c.name,
    charset,
    length,
    type,
    flags: flags | extra,
    decimals,
  });
  if (t === 'null') return def(ColumnType.NULL, 0, Charset.BINARY, 0, ColumnFlag.BINARY);
  const integer = INTEGER_TYPES[base];
  if (integer) {
    const length = Number.isNaN(width) ? integer[1] - (unsigned ? 1 : 0) : width;
    return def(integer[0], length, Charset.BINARY, 0, ColumnFlag.NUM | (unsigned ? ColumnFlag.UNSIGNED : 0));
  }
  switch (base) {
    case 'bool':
    case 'boolean':
      return def(ColumnType.TINY, 1, Charset.BINARY, 0, ColumnFlag.NUM);
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed': {
      const precision = Number.isNaN(width) ? 10 : width;
      if (precision > 38) break; // held as text in the store
      return def(ColumnType.NEWDECIMAL, precision + (scale > 0 ? 1 : 0) + (unsigned ? 0 : 1), Charset.BINARY, scale, ColumnFlag.NUM | (unsigned ? ColumnFlag.UNSIGNED : 0));
    }
    // FLOAT(M,D) / DOUBLE(M,D) (a declared column, or ROUND(x, 2)) carry D decimals; else NOT_FIXED_DEC.
    case 'float':
      return def(ColumnType.FLOAT, 12, Charset.BINARY, /,/.test(t) && scale < 31 ? scale : 31, ColumnFlag.NUM | (unsigned ? ColumnFlag.UNSIGNED : 0));
    case 'double':
    case 'real':
      return def(ColumnType.DOUBLE, 22, Charset.BINARY, /,/.test(t) && scale < 31 ? scale : 31, ColumnFlag.NUM | (unsigned ? ColumnFlag.UNSIGNED : 0));
    case 'bit':
      // The store holds BIT(n) as the unsigned number its bits spell, and says so.
      return def(ColumnType.LONGLONG, 20, Charset.BINARY, 0, ColumnFlag.NUM | ColumnFlag.UNSIGNED);
    case 'year':
      return def(ColumnType.YEAR, 4, Charset.BINARY, 0, ColumnFlag.NUM | ColumnFlag.UNSIGNED | ColumnFlag.ZEROFILL);
    case 'date':
      return def(ColumnType.DATE, 10, Charset.BINARY, 0, ColumnFlag.BINARY);
    case 'datetime':
    case 'timestamp': {
      const fsp = Number.isNaN(width) ? 0 : width;
      // As MySQL and MariaDB flag them, TIMESTAMP columns are UNSIGNED (drivers report "not signed").
      return def(base === 'timestamp' ? ColumnType.TIMESTAMP : ColumnType.DATETIME, 19 + (fsp > 0 ? fsp + 1 : 0), Charset.BINARY, fsp, ColumnFlag.BINARY | (base === 'timestamp' ? ColumnFlag.UNSIGNED : 0));
    }
    case 'time': {
      const fsp = Number.isNaN(width) ? 0 : width;
      return def(ColumnType.TIME, 10 + (fsp > 0 ? fsp + 1 : 0), Charset.BINARY, fsp, ColumnFlag.BINARY);
    }
    case 'json':
      return def(ColumnType.JSON, 0xffffffff, Charset.BINARY, 0, ColumnFlag.BLOB | ColumnFlag.BINARY);
    case 'char':
      return def(ColumnType.STRING, (Number.isNaN(width) ? 1 : width) * 4, textCharset, textDecimals);
    case 'varchar':
      // A short JSON_OBJECT/JSON_ARRAY result: VARCHAR, with MariaDB's format 'json' metadata.
      return { ...def(ColumnType.VAR_STRING, (Number.isNaN(width) ? 255 : width) * 4, textCharset, textDecimals), ...(c.jsonAsText ? { format: 'json' } : {}) };
    case 'binary':
      return def(ColumnType.STRING, Number.isNaN(width) ? 1 : width, Charset.BINARY, 0, ColumnFlag.BINARY);
    case 'varbinary':
      // A computed binary string MariaDB sends with 39 decimals (CHAR(65), QUOTE(NULL)) says so in textDecimals.
      return def(ColumnType.VAR_STRING, Number.isNaN(width) ? 255 : width, Charset.BINARY, c.computed ? (c.textDecimals ?? 0) : 0, ColumnFlag.BINARY);
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext': {
      const json = c.jsonAsText ? { format: 'json' } : {};
      if (!c.computed) return { ...def(ColumnType.BLOB, Math.min(TEXT_LENGTHS[base]! * 4, 0xffffffff), textCharset, 0, ColumnFlag.BLOB), ...json };
      // As MariaDB sends an expression's long text: the blob type its byte length needs.
      const bytes = Math.min((Number.isNaN(width) ? TEXT_LENGTHS[base]! : width) * 4, 0xffffffff);
      const type = c.blobText ? ColumnType.BLOB : bytes <= 255 ? ColumnType.TINY_BLOB : bytes <= 65535 ? ColumnType.BLOB : bytes <= 16777215 ? ColumnType.MEDIUM_BLOB : ColumnType.LONG_BLOB;
      return { ...def(type, bytes, textCharset, textDecimals), ...json };
    }
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
      // A computed one the dialect gave its length and decimals (a NULL user variable): as MariaDB
      // sends an expression's long bytes, the blob type its length needs.
      if (c.computed && c.textDecimals !== undefined && !Number.isNaN(width)) return def(width <= 255 ? ColumnType.TINY_BLOB : width <= 65535 ? ColumnType.BLOB : width <= 16777215 ? ColumnType.MEDIUM_BLOB : ColumnType.LONG_BLOB, width, Charset.BINARY, c.textDecimals, ColumnFlag.BLOB | ColumnFlag.BINARY);
      return def(ColumnType.BLOB, TEXT_LENGTHS[base.replace('blob', 'text')]!, Charset.BINARY, 0, ColumnFlag.BLOB | ColumnFlag.BINARY);
    case 'enum':
      return def(ColumnType.STRING, longestMember(t, 'enum') * 4, textCharset, 0, ColumnFlag.ENUM);
    case 'set':
      return def(ColumnType.STRING, longestMember(t, 'set') * 4, textCharset, 0, ColumnFlag.SET);
    case 'geometry':
    case 'point':
    case 'linestring':
    case 'polygon':
    case 'multipoint':
    case 'multilinestring':
    case 'multipolygon':
    case 'geometrycollection':
      return def(ColumnType.GEOMETRY, 0xffffffff, Charset.BINARY, 0, ColumnFlag.BLOB | ColumnFlag.BINARY);
  }
  flags = 0;
  return def(ColumnType.VAR_STRING, 262140, textCharset, 0);
}

const TEXT_LENGTHS: Record<string, number> = { tinytext: 255, text: 65535, mediumtext: 16777215, longtext: 4294967295 };

/** ENUM: the longest member; SET: all members joined by commas. */
function longestMember(columnType: string, kind: 'enum' | 'set'): number {
  const members = (declaredMembers(columnType, kind) ?? []).map((m) => m.length);
  if (members.length === 0) return 1;
  return kind === 'set' ? members.reduce((a, b) => a + b, 0) + members.length - 1 : Math.max(...members);
}

/**
 * How to describe the result columns: as the dialect typed them when it could (every column),
 * else by matching result column names to the source columns of the tables in the query. (A
 * prepared statement whose table changed shape since gets DuckDB's own descriptions.) The
 * catalog is read here, before the query runs: any query on the connection would end a stream.
 */
export async function resultDescriber(
  cache: SourceCatalogCache,
  conn: DuckDBConnection,
  database: string | null,
  mysqlSql: string,
  t: Pick<Translation, 'columns'>,
  flavor: 'mariadb' | 'mysql' | null = null,
): Promise<(names: string[], types: DuckDBType[]) => ReturnType<typeof sourceColumnsOf>> {
  const presented = flavor === 'mariadb' ? (infos: ReturnType<typeof sourceColumnsOf>) => infos.map(asMariaDb) : (infos: ReturnType<typeof sourceColumnsOf>) => infos;
  if (t.columns) {
    const hinted = presented(hintedColumns(t.columns));
    return (names) => (names.length === hinted.length ? hinted : []);
  }
  const tables = tablesInQuery(mysqlSql, database);
  if (tables.length === 0) return () => [];
  const { catalog } = await cache.get(conn);
  return (names, types) => presented(sourceColumnsOf(names, types, tables, catalog));
}

/** MariaDB's JSON is LONGTEXT: described so (a column as 252, an expression as 251), as MariaDB sends it. */
function asMariaDb<T extends SourceColumnInfo | null>(c: T): T {
  return c && c.columnType.toLowerCase() === 'json' ? { ...c, columnType: 'longtext', jsonAsText: true } : c;
}
