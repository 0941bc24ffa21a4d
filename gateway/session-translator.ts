// A session's way from MySQL text to SQL DuckDB may run: the dialect's translation against the
// store's catalog as it is now, and the user's grants on every relation the statement reads —
// checked before any other answer, so no error tells what a forbidden relation holds.
import type { DuckDBConnection } from '@duckdb/node-api';
import { statementReads, type StatementReads, type TranslateContext, type Translation, type UserValue } from '../dialect/index.ts';
import { translateOrThrow } from './duckdb-errors.ts';
import type { Grants } from './grants.ts';
import { SqlError } from './sql-errors.ts';
import { tablesInQuery, type LoadedCatalog, type SourceCatalogCache } from './source-columns.ts';

export class SessionTranslator {
  constructor(
    private readonly conn: DuckDBConnection,
    private readonly catalog: SourceCatalogCache,
    private readonly grants: Grants,
    private readonly database: () => string | null,
    /** A system variable, or what a session function (FOUND_ROWS(), CURRENT_USER(), …) answers. */
    private readonly sessionValue: (name: string) => string | undefined,
    /** The session's user variables (@name, lower-cased). */
    private readonly userValue: (name: string) => UserValue | undefined = () => undefined,
  ) {}

  /** The statement in DuckDB's dialect, typed against the store's catalog as it is now. */
  async translate(sql: string): Promise<Translation> {
    // Every table named with its database: the SQL DuckDB runs means exactly the relations the
    // grants checked, whatever its search path holds.
    const context = (loaded: LoadedCatalog): TranslateContext => ({ database: this.database(), catalog: loaded.dialect, qualifyTables: true, systemVariable: this.sessionValue, userVariable: this.userValue });
    // The catalog is re-read at most once a second: a table or column added a moment ago may be
    // missing. Translating without a table's types could change the answer, so it is re-read.
    let t: Translation;
    try {
      t = translateOrThrow(sql, context(await this.catalog.get(this.conn)));
    } catch (err) {
      if (!(err instanceof SqlError && err.code === 1054)) throw err;
      return translateOrThrow(sql, context(await this.catalog.get(this.conn, true)));
    }
    if (!t.unknownTables?.length) return t;
    return translateOrThrow(sql, context(await this.catalog.get(this.conn, true)));
  }

  /** Every relation the translated SELECT reads, against the user's grants (1142, 1146, 1356). */
  async authorize(t: Translation): Promise<void> {
    this.grants.checkRelations(t.relations ?? [], (await this.catalog.get(this.conn)).grants);
  }

  /**
   * A statement the dialect refused, or one to forward: its relations, from the parse alone,
   * against the grants, before any other answer (a refusal naming a forbidden view's definition,
   * or an unknown column, would tell what a forbidden relation holds). What does not parse has
   * no relations to name and its refusal names nothing but the client's own text.
   */
  async authorizeParsed(sql: string): Promise<StatementReads | null> {
    let reads: StatementReads;
    try {
      reads = statementReads(sql, this.database());
    } catch {
      // Unparsed, so refused whatever it names; a forbidden database it names after FROM or JOIN
      // is still refused as MySQL refuses it (1142), so the refusal tells nothing more.
      this.grants.checkMentioned(tablesInQuery(sql, this.database()));
      return null;
    }
    try {
      this.grants.checkRelations(reads.relations, (await this.catalog.get(this.conn)).grants);
    } catch (err) {
      // A table created a moment ago may not be in the catalog read up to a second ago.
      if (!(err instanceof SqlError && err.code === 1146)) throw err;
      this.grants.checkRelations(reads.relations, (await this.catalog.get(this.conn, true)).grants);
    }
    return reads;
  }
}
