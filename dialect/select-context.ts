// What the select emitter is given (the session's database, the catalog of source tables, the
// statement's literals) and what it gives back (DuckDB SQL, each result column's name and MySQL
// type, every relation read).
import type { ServerFlavor } from './catalog-views.ts';
import type { ExprType } from './mysql-types.ts';
import type { Literal } from './parser-input.ts';
import type { UserValue } from './user-variables.ts';

export interface CatalogColumn {
  name: string;
  columnType: string;
  nullable: boolean;
  primaryKey: boolean;
  /** A text column's collation at the source (information_schema.COLUMNS.COLLATION_NAME). */
  collation?: string;
}

/** The source tables' columns as the sink recorded them. */
export interface DialectCatalog {
  columns(db: string, table: string): CatalogColumn[] | undefined;
  /** The server whose information_schema column sets are presented (dialect/catalog-views.ts). */
  flavor?: ServerFlavor;
  /** Why a source view cannot be served (its definition was refused), if it cannot. */
  refusal?(db: string, table: string): string | undefined;
  /**
   * A smaller relation holding every row whose columns equal `equalities` (column → integer
   * literal, lower-case names): the store's per-bucket view of a table with cold files, for a
   * point lookup. Undefined to read the table itself.
   */
  pointLookup?(db: string, table: string, equalities: ReadonlyMap<string, string>): string | undefined;
}

/**
 * A relation the emitted SQL reads, as the statement named it: a catalog table or view (`db` as
 * resolved against the session's database; null when none is selected) or an
 * information_schema view. CTEs and derived tables are not relations: their bodies' are listed.
 * The gateway authorises every one of these before the SQL runs.
 */
export interface RelationRead {
  db: string | null;
  table: string;
}

export interface ResultColumnHint {
  name: string;
  type: ExprType;
}

export interface SelectContext {
  database: string | null;
  catalog: DialectCatalog;
  /** Name every table with its database (a stored view must not depend on a session's). */
  qualifyTables?: boolean;
  literals: Literal[];
  systemVariable(name: string): string | undefined;
  /** A user variable's value (dialect/user-variables.ts); undefined when never set. */
  userVariable?(name: string): UserValue | undefined;
}

export interface EmittedQuery {
  sql: string;
  /** null when some column's type is unknown to the dialect (e.g. `*` over an unknown table). */
  columns: ResultColumnHint[] | null;
}
