// A MySQL SELECT (node-sql-parser's AST) as DuckDB SQL, with the MySQL type of every result
// column. Names follow MySQL: an expression's column is named as it was written; ORDER BY puts
// NULLs first ascending and last descending; `LIMIT o, n` pages; a UNION's trailing ORDER BY and
// LIMIT apply to the whole union.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { mapColumnType } from '../core/index.ts';
import { MYSQL_CATALOG_SCHEMA } from './catalog-views.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { relationName } from './relation-name.ts';
import { asCondition, asValue, quoteIdent, type Emitted } from './emitted.ts';
import { callName } from './call-name.ts';
import { CALLED_AGGREGATES, ExpressionEmitter, type ExpressionContext } from './emit-expression.ts';
import { informationSchemaColumns } from './information-schema-types.ts';
import { aggregate, familyOf, typeOf, type ExprType } from './mysql-types.ts';
import { STRING_PLACEHOLDER, type Literal } from './parser-input.ts';
import { Scope, type Output, type RelationColumn } from './scope.ts';

type Node = any;

export interface CatalogColumn {
  name: string;
  columnType: string;
  nullable: boolean;
  primaryKey: boolean;
}

/** The source tables' columns as the sink recorded them. */
export interface DialectCatalog {
  columns(db: string, table: string): CatalogColumn[] | undefined;
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
 * `column = integer` conjuncts at the top of a WHERE (AND only), by the column's table qualifier
 * ('' when unqualified), names lower-cased: every row the query keeps satisfies each of them.
 */
function integerEqualities(where: Node): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const visit = (n: Node) => {
    if (n?.type !== 'binary_expr') return;
    const op = String(n.operator).toUpperCase();
    if (op === 'AND' || op === '&&') {
      visit(n.left);
      visit(n.right);
      return;
    }
    if (op !== '=') return;
    const [col, lit] = n.left?.type === 'column_ref' ? [n.left, n.right] : [n.right, n.left];
    if (col?.type !== 'column_ref' || (lit?.type !== 'number' && lit?.type !== 'bigint') || !/^-?\d+$/.test(String(lit.value))) return;
    const name = typeof col.column === 'string' ? col.column : col.column?.expr?.value;
    if (typeof name !== 'string') return;
    const table = String(col.table ?? '').toLowerCase();
    if (!out.has(table)) out.set(table, new Map());
    out.get(table)!.set(name.toLowerCase(), BigInt(String(lit.value)).toString());
  };
  visit(where);
  return out;
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
}

export interface EmittedQuery {
  sql: string;
  /** null when some column's type is unknown to the dialect (e.g. `*` over an unknown table). */
  columns: ResultColumnHint[] | null;
}

const JOINS = new Set(['JOIN', 'INNER JOIN', 'CROSS JOIN', 'LEFT JOIN', 'LEFT OUTER JOIN', 'RIGHT JOIN', 'RIGHT OUTER JOIN']);
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

/** The DuckDB type a MySQL value of this type is held in, to cast a computed column to. */
function duckTypeOf(t: ExprType): string | null {
  if (t.columnType === '' || t.columnType === 'null') return null;
  const f = familyOf(t);
  if (f === 'string' || f === 'unknown') return null;
  return mapColumnType(t.columnType).duckType;
}

export class SelectEmitter {
  /** Tables the catalog did not know, as db.table: untyped, so the caller may re-read it. */
  readonly unknownTables = new Set<string>();
  /** Every relation the emitted SQL reads, in the order met. */
  readonly relations: RelationRead[] = [];
  /** The statement asked for SQL_CALC_FOUND_ROWS. */
  calcFoundRows = false;
  /** Set while emitting the statement once more without its LIMIT, to count FOUND_ROWS(). */
  private withoutTopLimit = false;
  /** The current block's WHERE equalities and whether its FROM has one relation (see pointLookup). */
  private lookup: { equalities: Map<string, Map<string, string>>; single: boolean } | null = null;
  /** The statement's own query (not a subquery or derived table). */
  private top: Node | undefined;

  constructor(private readonly ctx: SelectContext) {}

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
    let sql = parts[0]!.sql;
    for (let i = 1; i < blocks.length; i++) {
      const op = SET_OPS[String(blocks[i - 1]!.set_op ?? '').toLowerCase().replace(/\s+/g, ' ')];
      if (!op) throw new DialectUnsupported(`the set operation ${blocks[i - 1]!.set_op}`);
      sql += ` ${op} ${parts[i]!.sql}`;
    }
    const columns = parts.some((p) => !p.columns) ? null : parts[0]!.columns!.map((c, i) => ({ name: c.name, type: { ...aggregate(parts.map((p) => p.columns![i]?.type ?? typeOf('', true))), source: undefined } }));
    const scope = new Scope(outer);
    scope.outputs = (columns ?? parts[0]!.columns ?? []).map((c) => ({ name: c.name, type: c.type }));
    const exprs = new ExpressionEmitter(this.expressionContext(), scope);
    if (last.orderby?.length) sql += ` ORDER BY ${exprs.orderItems(last.orderby, (n) => this.outputRef(n, exprs))}`;
    if (!(this.withoutTopLimit && ast === this.top)) sql += this.limit(last.limit, exprs);
    return { sql, columns };
  }

  private expressionContext(): ExpressionContext {
    return {
      database: this.ctx.database,
      literals: this.ctx.literals,
      systemVariable: (name) => this.ctx.systemVariable(name),
      subquery: (ast, scope) => {
        const q = this.query(ast, scope);
        return { sql: q.sql, columns: q.columns ?? [] };
      },
    };
  }

  /** In a UNION's ORDER BY, a name or position refers to the union's result columns. */
  private outputRef(node: Node, exprs: ExpressionEmitter): Emitted {
    if (node?.type === 'column_ref' && !node.table) return { sql: quoteIdent(String(node.column)), type: typeOf('', true) };
    return exprs.emit(node);
  }

  private block(ast: Node, outer: Scope | undefined, names: (string | null)[], withOrderAndLimit: boolean): EmittedQuery {
    if (ast?.type !== 'select') throw new DialectUnsupported(`a ${ast?.type ?? 'non-SELECT'} statement here`);
    if (ast.into?.position) throw new DialectUnsupported('SELECT ... INTO');
    if (ast.window) throw new DialectUnsupported('the WINDOW clause');
    const options: string[] = (ast.options ?? []).map((o: unknown) => String(o).toUpperCase()).filter((o: string) => {
      // SQL_CALC_FOUND_ROWS belongs to the statement's first SELECT only.
      if (o !== 'SQL_CALC_FOUND_ROWS' || ast !== this.top) return true;
      this.calcFoundRows = true;
      return false;
    });
    if (options.length) throw new DialectUnsupported(options.join(' '));
    const scope = new Scope(outer);
    const exprs = new ExpressionEmitter(this.expressionContext(), scope);
    let sql = '';
    if (ast.with?.length) sql += this.withClause(ast.with, scope);
    const outerLookup = this.lookup;
    const fromItems: Node[] = Array.isArray(ast.from) ? ast.from : [];
    this.lookup = ast.where && this.ctx.catalog.pointLookup ? { equalities: integerEqualities(ast.where), single: fromItems.length === 1 && !fromItems[0]?.join } : null;
    let from: string;
    try {
      from = this.from(ast.from ?? [], scope, exprs);
    } finally {
      this.lookup = outerLookup;
    }
    const where = ast.where ? ` WHERE ${asCondition(exprs.emit(ast.where))}` : '';
    const topLevel = outer === undefined && names.length > 0;
    const groupBy: Node[] = (Array.isArray(ast.groupby) ? ast.groupby : ast.groupby?.columns) ?? [];
    if (ast.groupby?.modifiers?.some((m: unknown) => m)) throw new DialectUnsupported('GROUP BY ... WITH ROLLUP');
    const group = this.groupKeys(groupBy, ast.columns, names, topLevel, scope, exprs);
    if (groupBy.length > 0 || containsAggregate([ast.columns, ast.having, ast.orderby])) exprs.grouping = { keys: group.keys };
    const items = this.selectList(ast.columns, scope, exprs, names, topLevel, group.keyItems);
    scope.outputs = items.outputs;
    sql += `SELECT ${ast.distinct ? 'DISTINCT ' : ''}${items.sql}${from}${where}`;
    if (group.sql.length > 0) sql += ` GROUP BY ${group.sql.join(', ')}`;
    if (ast.having) sql += ` HAVING ${asCondition(exprs.emit(ast.having))}`;
    if (withOrderAndLimit) {
      if (ast.orderby?.length) sql += ` ORDER BY ${exprs.orderItems(ast.orderby, (n) => this.groupOrOrderRef(n, scope, exprs))}`;
      if (!(this.withoutTopLimit && ast === this.top)) sql += this.limit(ast.limit, exprs);
    } else if (ast.orderby?.length || ast.limit?.value?.length) {
      // Only the last block of a union carries ORDER BY / LIMIT, and query() applies them to the whole.
      if (ast._next) throw new DialectUnsupported('ORDER BY or LIMIT inside a UNION member');
    }
    // A union member is parenthesised, so its own clauses stay its own.
    return { sql: withOrderAndLimit ? sql : `(${sql})`, columns: items.columns };
  }

  private withClause(ctes: Node[], scope: Scope): string {
    const parts: string[] = [];
    let recursive = false;
    for (const cte of ctes) {
      const name = String(cte.name?.value ?? cte.name);
      if (cte.columns?.length) throw new DialectUnsupported('CTE column lists');
      if (cte.recursive) recursive = true;
      scope.ctes.set(name.toLowerCase(), null);
      const q = this.query(cte.stmt?.ast ?? cte.stmt, scope);
      scope.ctes.set(name.toLowerCase(), q.columns?.map((c) => ({ name: c.name, type: c.type })) ?? null);
      parts.push(`${quoteIdent(name)} AS (${q.sql})`);
    }
    return `WITH ${recursive ? 'RECURSIVE ' : ''}${parts.join(', ')} `;
  }

  private from(fromNode: Node[] | Node, scope: Scope, exprs: ExpressionEmitter): string {
    // `FROM (a JOIN b) JOIN c` comes back as {expr: [a, b], joins: [c]}; joins nest to the left
    // anyway, so the parentheses change nothing.
    const items: Node[] = Array.isArray(fromNode) ? fromNode : Array.isArray(fromNode?.expr) ? [...fromNode.expr, ...(fromNode.joins ?? [])] : [];
    if (!Array.isArray(fromNode) && items.length === 0) throw new DialectUnsupported('this FROM clause');
    const real = items.filter((it) => !(it.table && !it.db && String(it.table).toLowerCase() === 'dual' && !it.join));
    return real.length === 0 ? '' : ` FROM ${this.joinChain(real, scope, exprs)}`;
  }

  /** Relations joined left to right, each with its ON or USING. */
  private joinChain(items: Node[], scope: Scope, exprs: ExpressionEmitter): string {
    // Every relation joins the scope first: an ON condition may name any of them.
    const first = scope.relations.length;
    const relations = items.map((item) => this.relation(item, scope, exprs));
    let sql = '';
    relations.forEach((rel, i) => {
      const item = items[i]!;
      if (i > 0) {
        const join = item.join ? String(item.join).toUpperCase().replace(/\s+/g, ' ') : null;
        if (join && !JOINS.has(join)) throw new DialectUnsupported(join);
        sql += join ? ` ${join} ` : ', ';
      }
      sql += rel;
      if (item.on) sql += ` ON ${asCondition(exprs.emit(item.on))}`;
      if (item.using?.length) {
        const using = (item.using as Node[]).map((u) => String(u.value ?? u.column ?? u));
        const relation = scope.relations[first + i];
        if (relation) relation.merged = new Set(using.map((u) => u.toLowerCase()));
        sql += ` USING (${using.map(quoteIdent).join(', ')})`;
      }
    });
    return sql;
  }

  /** One FROM item as SQL, added to the scope. */
  private relation(item: Node, scope: Scope, exprs: ExpressionEmitter): string {
    // A parenthesized join, `a LEFT JOIN (b JOIN c ON ..) ON ..`: its relations join the scope.
    if (Array.isArray(item.expr)) return `(${this.joinChain([...item.expr, ...(item.joins ?? [])], scope, exprs)})`;
    if (item.expr?.ast) {
      if (!item.as) throw new DialectUnsupported('a derived table without an alias');
      const q = this.query(item.expr.ast, scope.parent);
      scope.relations.push({ name: item.as, columns: q.columns?.map((c) => ({ name: c.name, type: c.type })) ?? null });
      return `(${q.sql}) AS ${quoteIdent(item.as)}`;
    }
    if (!item.table || typeof item.table !== 'string') throw new DialectUnsupported('this FROM item');
    const table = relationName(item.table);
    const alias: string | null = item.as ?? null;
    const db: string | null = typeof item.db === 'string' ? relationName(item.db) : null;
    let sql: string;
    let columns: RelationColumn[] | null;
    if (db && db.toLowerCase() === 'information_schema') {
      const view = table.toLowerCase();
      const cols = informationSchemaColumns(view);
      if (!cols) throw new DialectUnsupported(`information_schema.${table}`);
      sql = `${MYSQL_CATALOG_SCHEMA}.${view}`;
      this.relations.push({ db: 'information_schema', table: view });
      columns = cols.map((c) => ({ name: c.name, type: { ...typeOf(c.columnType, c.nullable), source: { db: 'information_schema', table: view.toUpperCase(), tableAlias: alias ?? table, column: c.name, primaryKey: false } } }));
    } else {
      const cte = db ? undefined : scope.cte(table);
      const resolvedDb = db ?? this.ctx.database;
      const refusal = cte === undefined && resolvedDb ? this.ctx.catalog.refusal?.(resolvedDb, table) : undefined;
      if (refusal) throw new DialectUnsupported(`the view ${resolvedDb}.${table} (its definition: ${refusal})`);
      if (cte === undefined) this.relations.push({ db: resolvedDb, table });
      const known = cte === undefined && resolvedDb ? this.ctx.catalog.columns(resolvedDb, table) : undefined;
      if (cte === undefined && !known) this.unknownTables.add(`${resolvedDb ?? ''}.${table}`);
      columns =
        cte !== undefined
          ? cte
          : known
            ? known.map((c) => ({ name: c.name, type: { columnType: c.columnType, nullable: c.nullable, source: { db: resolvedDb!, table, tableAlias: alias ?? table, column: c.name, primaryKey: c.primaryKey } } }))
            : null;
      const qualifier = db ?? (this.ctx.qualifyTables && cte === undefined ? resolvedDb : null);
      sql = qualifier ? `${quoteIdent(qualifier)}.${quoteIdent(table)}` : quoteIdent(table);
      // A point lookup on a table with cold files reads the key's bucket only, under the table's name.
      const lookup = this.lookup;
      if (lookup && known && resolvedDb) {
        const equalities = new Map([...(lookup.single ? (lookup.equalities.get('') ?? []) : []), ...(lookup.equalities.get((alias ?? table).toLowerCase()) ?? [])]);
        const smaller = equalities.size > 0 ? this.ctx.catalog.pointLookup!(resolvedDb, table, equalities) : undefined;
        if (smaller) return this.named(scope, alias ?? table, columns, smaller, alias ?? table);
      }
    }
    return this.named(scope, alias ?? table, columns, sql, alias);
  }

  private named(scope: Scope, name: string, columns: RelationColumn[] | null, sql: string, alias: string | null): string {
    scope.relations.push({ name, columns });
    return `${sql}${alias ? ` AS ${quoteIdent(alias)}` : ''}`;
  }

  private selectList(columns: Node[], scope: Scope, exprs: ExpressionEmitter, names: (string | null)[], topLevel: boolean, keyItems: Set<number>): { sql: string; columns: ResultColumnHint[] | null; outputs: Output[] } {
    const sql: string[] = [];
    const hints: ResultColumnHint[] = [];
    const outputs: Output[] = [];
    let known = true;
    columns.forEach((item: Node, i: number) => {
      const expr = item.expr;
      if (expr?.type === 'column_ref' && expr.column === '*') {
        sql.push(expr.table ? `${quoteIdent(expr.table)}.*` : '*');
        const relations = scope.relations.filter((r) => !expr.table || r.name.toLowerCase() === String(expr.table).toLowerCase());
        if (relations.length === 0 || relations.some((r) => !r.columns)) known = false;
        else for (const r of relations) for (const c of r.columns!) if (expr.table || !r.merged?.has(c.name.toLowerCase())) hints.push({ name: c.name, type: c.type });
        outputs.push(...hints.slice(outputs.length));
        return;
      }
      // A select item GROUP BY names (by position or alias) is a key itself: nothing to wrap.
      const grouping = exprs.grouping;
      if (keyItems.has(i)) exprs.grouping = null;
      const e = exprs.emit(expr);
      exprs.grouping = grouping;
      const name = this.itemName(item, names[i] ?? null, topLevel, i);
      const isColumn = expr?.type === 'column_ref' && e.type.source !== undefined;
      const duckType = isColumn ? null : duckTypeOf(e.type);
      const value = duckType ? `CAST(${asValue(e)} AS ${duckType})` : asValue(e);
      sql.push(`${value} AS ${quoteIdent(name)}`);
      hints.push({ name, type: isColumn ? e.type : { ...e.type, source: undefined } });
      outputs.push({ name, type: hints[hints.length - 1]!.type, sql: value });
      if (e.type.columnType === '') known = false;
    });
    return { sql: sql.join(', '), columns: known ? hints : null, outputs };
  }

  private itemName(item: Node, written: string | null, topLevel: boolean, index: number): string {
    if (item.as) {
      const m = STRING_PLACEHOLDER.exec(String(item.as).replace(/^'|'$/g, ''));
      const lit = m ? this.ctx.literals[Number(m[1])] : undefined;
      return lit?.kind === 'string' ? lit.value : String(item.as);
    }
    if (written !== null) return written;
    const expr = item.expr;
    if (expr?.type === 'column_ref') return typeof expr.column === 'string' ? expr.column : String(expr.column?.expr?.value);
    if (expr?.type === 'number') return String(expr.value);
    // Inside a subquery the statement's text for the item is not at hand; its name matters only
    // when an outer query reads a derived table's column by an expression's name.
    if (!topLevel) return `_iq_col_${index + 1}`;
    throw new DialectUnsupported('naming this select item');
  }

  /**
   * GROUP BY and ORDER BY items: a position names a select item; a bare name that is not a
   * column of the FROM tables names a select item's alias.
   */
  private groupOrOrderRef(node: Node, scope: Scope, exprs: ExpressionEmitter): Emitted {
    if (node?.type === 'number') return { sql: String(node.value), type: typeOf('', true) };
    if (node?.type === 'column_ref' && !node.table && typeof node.column === 'string') {
      const output = scope.outputs.find((o) => o.name.toLowerCase() === node.column.toLowerCase());
      if (output && !scope.hasColumn(node.column)) return { sql: quoteIdent(output.name), type: output.type };
    }
    return exprs.emit(node);
  }

  /**
   * GROUP BY items as SQL, the expressions they group on, and the select items they name (by
   * position, or by an alias that is no column of the FROM tables).
   */
  private groupKeys(groupBy: Node[], columns: Node[], names: (string | null)[], topLevel: boolean, scope: Scope, exprs: ExpressionEmitter): { sql: string[]; keys: Set<string>; keyItems: Set<number> } {
    const keys = new Set<string>();
    const keyItems = new Set<number>();
    const itemNames = columns.map((c, i) => (c.expr?.type === 'column_ref' && c.expr.column === '*' ? null : this.itemName(c, names[i] ?? null, topLevel, i).toLowerCase()));
    const sql = groupBy.map((g) => {
      if (g?.type === 'number') {
        keyItems.add(Number(g.value) - 1);
        return String(g.value);
      }
      if (g?.type === 'column_ref' && !g.table && typeof g.column === 'string' && !scope.hasColumn(g.column)) {
        const index = itemNames.indexOf(g.column.toLowerCase());
        if (index >= 0) {
          keyItems.add(index);
          return quoteIdent(this.itemName(columns[index], names[index] ?? null, topLevel, index));
        }
      }
      const key = asValue(exprs.emit(g));
      keys.add(key);
      return key;
    });
    return { sql, keys, keyItems };
  }

  private limit(limit: Node, exprs: ExpressionEmitter): string {
    const values: Node[] = limit?.value ?? [];
    if (values.length === 0) return '';
    const sql = (n: Node) => exprs.emit(n).sql;
    if (values.length === 1) return ` LIMIT ${sql(values[0])}`;
    const [count, offset] = limit.seperator === ',' ? [values[1], values[0]] : [values[0], values[1]];
    return ` LIMIT ${sql(count)} OFFSET ${sql(offset)}`;
  }
}

/** Whether these parts of a query block aggregate (not counting subqueries and window functions). */
function containsAggregate(nodes: unknown[]): boolean {
  const visit = (n: unknown): boolean => {
    if (!n || typeof n !== 'object') return false;
    if (Array.isArray(n)) return n.some(visit);
    const node = n as Node;
    if (node.ast) return false;
    if (node.type === 'aggr_func' && !node.over) return true;
    const called = node.over ? undefined : callName(node);
    if (called && CALLED_AGGREGATES.has(called)) return true;
    return Object.values(node).some(visit);
  };
  return nodes.some(visit);
}
