// The tables a query block reads (FROM, JOIN, derived tables, CTEs), for typing column references.
// An inner block sees its outer blocks (correlated subqueries).
import { UnknownColumn } from './dialect-error.ts';
import { UNKNOWN, type ExprType } from './mysql-types.ts';

export interface RelationColumn {
  name: string;
  type: ExprType;
}

export interface Relation {
  /** The name a column reference qualifies with: the alias, else the table name. */
  name: string;
  /** null when the dialect does not know the relation's columns (they type as unknown). */
  columns: RelationColumn[] | null;
  /** Columns a JOIN ... USING merged into an earlier relation's: `*` shows them once. */
  merged?: Set<string>;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A result column of a SELECT block; `sql` is the expression, where it has one of its own. */
export interface Output {
  name: string;
  type: ExprType;
  sql?: string;
}

export class Scope {
  readonly relations: Relation[] = [];
  /** Names of the select list, which ORDER BY (and GROUP BY/HAVING, after columns) may use. */
  outputs: Output[] = [];
  /**
   * Set while a HAVING without GROUP BY is emitted: there MySQL reads a name that is both a
   * select-list alias and a column as the alias (Connector/J's getTables relies on it).
   */
  aliasesFirst = false;
  /** Whether the block has HAVING, which may evaluate a select item again (RAND(seed): seeded-rand.ts). */
  hasHaving = false;
  /** CTEs visible here by name. */
  readonly ctes = new Map<string, RelationColumn[] | null>();

  constructor(readonly parent?: Scope) {}

  cte(name: string): RelationColumn[] | null | undefined {
    const key = name.toLowerCase();
    if (this.ctes.has(key)) return this.ctes.get(key);
    return this.parent?.cte(name);
  }

  /**
   * The column's type; UNKNOWN when some relation in reach has columns the dialect does not know.
   * A name no known relation has is MySQL's error 1054.
   */
  /**
   * A select-list alias named where MySQL allows it (HAVING): the aliased expression, when no
   * table in this scope has a column of that name.
   */
  aliased(column: string): Output | undefined {
    if (!this.aliasesFirst && this.find(null, column)) return undefined;
    return this.outputs.find((o) => o.sql !== undefined && same(o.name, column));
  }

  resolve(table: string | null, column: string): ExprType {
    const found = this.lookup(table, column);
    if (found) return found;
    if (this.allKnown()) throw new UnknownColumn(table ? `${table}.${column}` : column);
    return UNKNOWN;
  }

  private lookup(table: string | null, column: string): ExprType | undefined {
    const found = this.find(table, column);
    if (found) return found;
    if (!table) {
      const output = this.outputs.find((o) => same(o.name, column));
      if (output) return output.type;
    }
    return this.parent?.lookup(table, column);
  }

  private allKnown(): boolean {
    return this.relations.every((r) => r.columns !== null) && (this.parent?.allKnown() ?? true);
  }

  private find(table: string | null, column: string): ExprType | undefined {
    for (const r of this.relations) {
      if (table && !same(r.name, table)) continue;
      if (!r.columns) return UNKNOWN;
      const c = r.columns.find((col) => same(col.name, column));
      if (c) return c.type;
    }
    return undefined;
  }

  /** Whether a name is a column of a relation here (not only a select-list name). */
  hasColumn(column: string): boolean {
    return this.relations.some((r) => r.columns === null || r.columns.some((c) => same(c.name, column)));
  }
}
