// A MySQL SELECT (node-sql-parser's AST) as DuckDB SQL, with the MySQL type of every result
// column. Names follow MySQL: an expression's column is named as it was written; ORDER BY puts
// NULLs first ascending and last descending; `LIMIT o, n` pages; a UNION's trailing ORDER BY and
// LIMIT apply to the whole union. This file puts a statement's blocks and set operations
// together; each clause is its own file's: WITH and FROM (emit-from.ts), the select list
// (emit-select-list.ts), GROUP BY, ORDER BY and LIMIT (emit-group-order.ts), expressions
// (emit-expression.ts).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { refuseOwnCatalogRows } from './catalog-own-rows.ts';
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { asCondition, quoteIdent } from './emitted.ts';
import { ExpressionEmitter, type ExpressionContext } from './emit-expression.ts';
import { FromEmitter, storedField } from './emit-from.ts';
import { containsAggregate, groupKeys, groupOrOrderRef, limitClause, outputRef } from './emit-group-order.ts';
import { selectList } from './emit-select-list.ts';
import { hasRollup, rollupGrouping } from './emit-rollup.ts';
import { materialisedColumns } from './materialised-result.ts';
import { aggregate, familyOf, typeOf, type ExprType } from './mysql-types.ts';
import { derivedCollation, textKey } from './collation.ts';
import { chosenJson } from './json-text.ts';
import { Scope } from './scope.ts';
import type { EmittedQuery, RelationRead, ResultColumnHint, SelectContext } from './select-context.ts';

type Node = any;

// INTERSECT binds tighter than UNION and EXCEPT in MySQL, MariaDB and DuckDB alike (the SQL
// standard), so a chain is written out as it came.
const SET_OPS: Record<string, string> = {
  union: 'UNION',
  'union distinct': 'UNION',
  'union all': 'UNION ALL',
  except: 'EXCEPT',
  'except distinct': 'EXCEPT',
  'except all': 'EXCEPT ALL',
  intersect: 'INTERSECT',
  'intersect distinct': 'INTERSECT',
  'intersect all': 'INTERSECT ALL',
};

export class SelectEmitter {
  /** Tables the catalog did not know, as db.table: untyped, so the caller may re-read it. */
  readonly unknownTables = new Set<string>();
  /** Every relation the emitted SQL reads, in the order met. */
  readonly relations: RelationRead[] = [];
  /** The statement asked for SQL_CALC_FOUND_ROWS. */
  calcFoundRows = false;
  /** Set while emitting the statement once more without its LIMIT, to count FOUND_ROWS(). */
  private withoutTopLimit = false;
  /** Every block's WITH and FROM, recording into `relations` and `unknownTables`. */
  private readonly fromEmitter: FromEmitter;
  /** The statement's own query (not a subquery or derived table). */
  private top: Node | undefined;

  constructor(private readonly ctx: SelectContext) {
    this.fromEmitter = new FromEmitter(ctx, this, (ast, outer) => this.query(ast, outer));
  }

  /** `names[i]`: MySQL's name for top-level select item i when it is an unaliased expression. */
  /**
   * The statement, and for SQL_CALC_FOUND_ROWS the count of the rows it would give without its
   * LIMIT (what FOUND_ROWS() then answers).
   */
  statement(ast: Node, names: (string | null)[]): EmittedQuery & { foundRowsSql?: string } {
    this.top = ast;
    const main = this.query(ast, undefined, names);
    if (!this.calcFoundRows) return main;
    this.withoutTopLimit = true;
    try {
      return { ...main, foundRowsSql: `SELECT count(*) FROM (${this.query(ast, undefined, names).sql}) AS "__iq_found_rows"` };
    } finally {
      this.withoutTopLimit = false;
    }
  }

  query(ast: Node, outer: Scope | undefined, names: (string | null)[] = []): EmittedQuery {
    const blocks: Node[] = [];
    for (let b = ast; b; b = b._next) blocks.push(b);
    if (blocks.length === 1) return this.block(ast, outer, names, true);
    const last = blocks[blocks.length - 1]!;
    const parts: EmittedQuery[] = blocks.map((b, i) => this.block(b, outer, i === 0 ? names : [], false));
    const ops = blocks.slice(0, -1).map((b) => {
      const op = SET_OPS[String(b.set_op ?? '').toLowerCase().replace(/\s+/g, ' ')];
      if (!op) throw new DialectUnsupported(`the set operation ${b.set_op}`);
      return op;
    });
    let sql = parts[0]!.sql;
    for (let i = 1; i < blocks.length; i++) sql += ` ${ops[i - 1]} ${parts[i]!.sql}`;
    const columns = parts.some((p) => !p.columns)
      ? null
      : parts[0]!.columns!.map((c, i) => {
          const types = parts.map((p) => p.columns![i]?.type ?? typeOf('', true));
          // A UNION's result is a temporary table's field: stored-column metadata, like a derived table's.
          return { name: c.name, type: storedField({ ...aggregate(types), ...derivedCollation(types), source: undefined, ...chosenJson(types) }) };
        });
    const scope = new Scope(outer);
    scope.outputs = (columns ?? parts[0]!.columns ?? []).map((c) => ({ name: c.name, type: c.type }));
    const exprs = new ExpressionEmitter(this.expressionContext(), scope);
    const distinctUnion = ops.every((op) => op === 'UNION') && columns ? collatedUnion(parts.map((p) => p.sql), columns, exprs.connectionCollation) : null;
    if (distinctUnion) sql = distinctUnion;
    // DuckDB orders a set operation by its columns only; MySQL's ORDER BY may sort by an
    // expression of them (a text column by its collation key): it orders the union from outside.
    else if (last.orderby?.length) sql = `SELECT * FROM (${sql}) AS "__iq_set"`;
    if (last.orderby?.length) sql += ` ORDER BY ${exprs.orderItems(last.orderby, (n) => outputRef(n, exprs))}${distinctUnion ? ', "__iq_member"' : ''}`;
    else if (distinctUnion) sql += ' ORDER BY "__iq_member"';
    if (!(this.withoutTopLimit && ast === this.top)) sql += limitClause(last.limit, exprs);
    return { sql, columns };
  }

  private expressionContext(): ExpressionContext {
    return {
      database: this.ctx.database,
      literals: this.ctx.literals,
      systemVariable: (name) => this.ctx.systemVariable(name),
      userVariable: (name) => this.ctx.userVariable?.(name),
      subquery: (ast, scope) => {
        const q = this.query(ast, scope);
        return { sql: q.sql, columns: q.columns ?? [] };
      },
    };
  }

  private block(ast: Node, outer: Scope | undefined, names: (string | null)[], withOrderAndLimit: boolean): EmittedQuery {
    if (ast?.type !== 'select') throw new DialectUnsupported(`a ${ast?.type ?? 'non-SELECT'} statement here`);
    if (ast.into?.position) throw new DialectUnsupported('SELECT ... INTO');
    if (ast.window) throw new DialectUnsupported('the WINDOW clause');
    // node-sql-parser takes a COLLATE after the last clause (`WHERE x IN (…) COLLATE c`) as the
    // statement's; MySQL's grammar has no such place.
    if (ast.collate) throw new DialectError(`near 'COLLATE ${String(ast.collate.collate?.name ?? '')}': COLLATE applies to an expression, not a statement`);
    const options: string[] = (ast.options ?? []).map((o: unknown) => String(o).toUpperCase()).filter((o: string) => {
      // SQL_CALC_FOUND_ROWS belongs to the statement's first SELECT only.
      if (o !== 'SQL_CALC_FOUND_ROWS' || ast !== this.top) return true;
      this.calcFoundRows = true;
      return false;
    });
    if (options.length) throw new DialectUnsupported(options.join(' '));
    const scope = new Scope(outer);
    scope.hasHaving = Boolean(ast.having);
    const exprs = new ExpressionEmitter(this.expressionContext(), scope);
    let sql = '';
    if (ast.with?.length) sql += this.fromEmitter.withClause(ast.with, scope);
    const from = this.fromEmitter.fromClause(ast, scope, exprs);
    refuseOwnCatalogRows(ast, this.ctx.literals);
    let where = ast.where ? ` WHERE ${asCondition(exprs.emit(ast.where))}` : '';
    const topLevel = outer === undefined && names.length > 0;
    const groupBy: Node[] = (Array.isArray(ast.groupby) ? ast.groupby : ast.groupby?.columns) ?? [];
    const rollup = hasRollup(ast) ? rollupGrouping(ast, names, topLevel, scope, exprs, this.ctx.literals, withOrderAndLimit && !ast._next) : null;
    if (!rollup && ast.groupby?.modifiers?.some((m: unknown) => m)) throw new DialectUnsupported('this GROUP BY modifier');
    const group = rollup ? { sql: [], keys: rollup.keys, keyItems: rollup.keyItems } : groupKeys(groupBy, ast.columns, names, topLevel, scope, exprs, this.ctx.literals);
    if (rollup) exprs.grouping = { keys: rollup.keys, rolledUp: rollup.rolledUp };
    else if (groupBy.length > 0 || containsAggregate([ast.columns, ast.having, ast.orderby])) exprs.grouping = { keys: group.keys };
    const items = selectList(ast.columns, scope, exprs, names, topLevel, group.keyItems, this.ctx.literals);
    scope.outputs = items.outputs;
    if (ast.having && !exprs.grouping) {
      // HAVING in a block that does not group filters its rows (MySQL's extension): with its
      // aliases read as the select items they name, it is one more WHERE condition.
      scope.aliasesFirst = true;
      const condition = asCondition(exprs.emit(ast.having));
      scope.aliasesFirst = false;
      where = where ? `${where} AND ${condition}` : ` WHERE ${condition}`;
    }
    sql += `SELECT ${ast.distinct ? distinctClause(items.outputs, exprs.connectionCollation) : ''}${items.sql}${from}${where}`;
    if (rollup) sql += `${rollup.groupBy} HAVING ${rollup.having}${ast.having ? ` AND (${asCondition(exprs.emit(ast.having))})` : ''}`;
    else if (group.sql.length > 0) sql += ` GROUP BY ${group.sql.join(', ')}`;
    if (ast.having && exprs.grouping && !rollup) sql += ` HAVING ${asCondition(exprs.emit(ast.having))}`;
    if (withOrderAndLimit) {
      if (rollup) sql += rollup.orderBy;
      else if (ast.orderby?.length) sql += ` ORDER BY ${exprs.orderItems(ast.orderby, (n) => groupOrOrderRef(n, scope, exprs))}`;
      if (!(this.withoutTopLimit && ast === this.top)) sql += limitClause(ast.limit, exprs);
    } else if (ast.orderby?.length || ast.limit?.value?.length) {
      // Only the last block of a union carries ORDER BY / LIMIT, and query() applies them to the whole.
      if (ast._next) throw new DialectUnsupported('ORDER BY or LIMIT inside a UNION member');
    }
    // A union member is parenthesised, so its own clauses stay its own.
    // WITH ROLLUP sends its items as they are (a computed text with 39 decimals), not from a temporary table.
    const columns = !rollup && (groupBy.length > 0 || ast.distinct) ? materialisedColumns(items.columns, ast, scope, groupBy) : items.columns;
    return { sql: withOrderAndLimit ? sql : `(${sql})`, columns };
  }
}

/**
 * DISTINCT as MySQL dedupes: text by its collation's key, keeping one row's value of each set of
 * equal rows (DISTINCT ON). Plain DISTINCT when no item is text of a known type.
 */
function distinctClause(outputs: { type: ExprType; sql?: string }[], connection: string): string {
  if (!outputs.some((o) => familyOf(o.type) === 'string') || outputs.some((o) => !o.sql)) return 'DISTINCT ';
  return `DISTINCT ON (${outputs.map((o) => textKey({ sql: o.sql!, type: o.type }, connection)).join(', ')}) `;
}

/**
 * A UNION (DISTINCT) of text columns, deduplicated as MySQL does: rows equal under each column's
 * collation are one; the earliest member's is kept, and members come in their order. Null when no column is
 * text or names repeat (a plain UNION is exact then).
 */
function collatedUnion(members: string[], columns: ResultColumnHint[], connection: string): string | null {
  const names = columns.map((c) => c.name.toLowerCase());
  if (!columns.some((c) => familyOf(c.type) === 'string') || new Set(names).size !== names.length) return null;
  const keys = columns.map((c) => textKey({ sql: quoteIdent(c.name), type: c.type }, connection)).join(', ');
  // Each row tagged with its member's number: of equal rows the earliest member's is kept (a
  // row number over the whole union would cost a single-threaded pass).
  const all = members.map((m, i) => `SELECT *, ${i} AS "__iq_member" FROM ${m} AS "__iq_m${i}"`).join(' UNION ALL ');
  const firsts = `SELECT DISTINCT ON (${keys}) * FROM (${all}) AS "__iq_rows" ORDER BY ${keys}, "__iq_member"`;
  return `SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')} FROM (${firsts}) AS "__iq_union"`;
}
