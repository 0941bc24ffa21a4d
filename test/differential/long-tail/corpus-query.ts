// One query of the long-tail corpus: what an application, ORM or BI tool sends, in a category named
// by the construct it exercises. `session` statements run first on both connections (user variables,
// SET statements a tool sends on connect); the last statement's answer is what is compared.

/** The source database of the corpus; another name (INSTAQUERY_LONG_TAIL_DB) lets two runs share the source. */
export const LONG_TAIL_DB = process.env.INSTAQUERY_LONG_TAIL_DB ?? 'it_long_tail';

export interface LongTailQuery {
  category: string;
  sql: string;
  session?: string[];
  /**
   * The gateway's users may only read (writes are refused): an answer that shows the user's own
   * privileges (information_schema.COLUMNS.PRIVILEGES) is MariaDB's for a user granted SELECT only.
   */
  selectOnlyUser?: boolean;
}

/** One class of the corpus: the tables it needs beside the semantics data, and its queries. */
export interface LongTailClass {
  /** CREATE TABLE / INSERT statements run on the source before the snapshot; table names unique per class. */
  setup: string[];
  queries: LongTailQuery[];
}
