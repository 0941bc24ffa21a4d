// The relations a query block reads, as DuckDB SQL added to the block's scope: WITH's CTEs, FROM
// and its joins (ON, USING), derived tables, catalog tables and views, information_schema views.
// Each catalog relation is recorded for the gateway's grant check; a point lookup on a table's key
// reads the smaller relation the catalog names for it.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { catalogSchema } from './catalog-views.ts';
import { DialectUnsupported, NotUniqueTable } from './dialect-error.ts';
import { asCondition, quoteIdent } from './emitted.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { informationSchemaColumns } from './information-schema-types.ts';
import { familyOf, typeOf, type ExprType } from './mysql-types.ts';
import { relationName } from './relation-name.ts';
import { cteColumnNames, cteColumns, guardedMembers, readsRelation } from './cte-columns.ts';
import type { Scope, RelationColumn } from './scope.ts';
import { jsonTableCall, jsonTableRelation } from './json-table.ts';
import type { EmittedQuery, RelationRead, SelectContext } from './select-context.ts';

type Node = any;

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

const JOINS = new Set(['JOIN', 'INNER JOIN', 'CROSS JOIN', 'LEFT JOIN', 'LEFT OUTER JOIN', 'RIGHT JOIN', 'RIGHT OUTER JOIN']);

/** What the statement's emitter collects from every block's relations (see SelectEmitter). */
export interface RelationReads {
  readonly relations: RelationRead[];
  readonly unknownTables: Set<string>;
}

export class FromEmitter {
  /** The current block's WHERE equalities and whether its FROM has one relation (see pointLookup). */
  private lookup: { equalities: Map<string, Map<string, string>>; single: boolean } | null = null;

  /** `query` emits a derived table's or a CTE's query (the select emitter), within `outer`. */
  constructor(
    private readonly ctx: SelectContext,
    private readonly reads: RelationReads,
    private readonly query: (ast: Node, outer: Scope | undefined) => EmittedQuery,
  ) {}

  /** A block's FROM clause (empty for none or DUAL), with the point lookups its WHERE allows. */
  fromClause(ast: Node, scope: Scope, exprs: ExpressionEmitter): string {
    const outerLookup = this.lookup;
    const fromItems: Node[] = Array.isArray(ast.from) ? ast.from : [];
    this.lookup = ast.where && this.ctx.catalog.pointLookup ? { equalities: integerEqualities(ast.where), single: fromItems.length === 1 && !fromItems[0]?.join } : null;
    try {
      return this.from(ast.from ?? [], scope, exprs);
    } finally {
      this.lookup = outerLookup;
    }
  }

  /** WITH [RECURSIVE] name AS (…), …: each CTE is in scope for the ones after it and the block. */
  withClause(ctes: Node[], scope: Scope): string {
    const parts: string[] = [];
    let recursive = false;
    for (const cte of ctes) {
      const name = String(cte.name?.value ?? cte.name);
      const names = cteColumnNames(cte);
      if (cte.recursive) recursive = true;
      const ast = cte.stmt?.ast ?? cte.stmt;
      scope.ctes.set(name.toLowerCase(), null);
      // A recursive CTE's columns have its first (anchor) member's types, as both servers type
      // them: they are known before the members that read the CTE are emitted.
      const anchored = recursive && ast?._next && readsRelation(ast._next, name);
      let sql: string;
      if (anchored) {
        // Its rows are stored in the anchor's types; each recursive member is guarded (cte-columns.ts).
        const anchor = this.query({ ...ast, _next: null }, scope);
        const columns = cteColumns(anchor, names, true);
        if (!columns) throw new DialectUnsupported(`the recursive CTE ${name} over a table of unknown columns`);
        scope.ctes.set(name.toLowerCase(), columns);
        sql = anchor.sql + guardedMembers(name, columns, ast, (block) => this.query(block, scope));
      } else {
        const q = this.query(ast, scope);
        scope.ctes.set(name.toLowerCase(), cteColumns(q, names, !ast?.from));
        sql = q.sql;
      }
      parts.push(`${quoteIdent(name)}${names ? `(${names.map(quoteIdent).join(', ')})` : ''} AS (${sql})`);
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
      const jsonTable = jsonTableCall(item.expr.ast, this.ctx.literals);
      if (jsonTable) {
        // The document may name the relations before it (a lateral join): emitted in this scope.
        if (!item.as) throw new DialectUnsupported('JSON_TABLE without an alias');
        const rel = jsonTableRelation(jsonTable.spec, exprs.emit(jsonTable.document), item.as);
        addRelation(scope, { name: item.as, columns: rel.columns });
        return `${rel.sql} AS ${quoteIdent(item.as)}`;
      }
      if (!item.as) throw new DialectUnsupported('a derived table without an alias');
      const q = this.query(item.expr.ast, scope.parent);
      addRelation(scope, { name: item.as, columns: q.columns?.map((c) => ({ name: c.name, type: storedField(c.type) })) ?? null });
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
      const cols = informationSchemaColumns(view, this.ctx.catalog.flavor);
      if (!cols) throw new DialectUnsupported(`information_schema.${table}`);
      sql = `${catalogSchema(this.ctx.catalog.flavor)}.${view}`;
      this.reads.relations.push({ db: 'information_schema', table: view });
      columns = cols.map((c) => ({ name: c.name, type: { ...typeOf(c.columnType, c.nullable), source: { db: 'information_schema', table: view.toUpperCase(), tableAlias: alias ?? table, column: c.name, primaryKey: false } } }));
    } else {
      const cte = db ? undefined : scope.cte(table);
      const resolvedDb = db ?? this.ctx.database;
      const refusal = cte === undefined && resolvedDb ? this.ctx.catalog.refusal?.(resolvedDb, table) : undefined;
      if (refusal) throw new DialectUnsupported(`the view ${resolvedDb}.${table} (its definition: ${refusal})`);
      if (cte === undefined) this.reads.relations.push({ db: resolvedDb, table });
      const known = cte === undefined && resolvedDb ? this.ctx.catalog.columns(resolvedDb, table) : undefined;
      if (cte === undefined && !known) this.reads.unknownTables.add(`${resolvedDb ?? ''}.${table}`);
      columns =
        cte !== undefined
          ? cte
          : known
            ? known.map((c) => ({ name: c.name, type: { columnType: c.columnType, nullable: c.nullable, ...(c.collation ? { collation: c.collation } : {}), source: { db: resolvedDb!, table, tableAlias: alias ?? table, column: c.name, primaryKey: c.primaryKey } } }))
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
    // Unaliased, `d1.t` and `d2.t` may meet (MySQL tells them apart by database).
    addRelation(scope, { name, columns }, alias !== null);
    return `${sql}${alias ? ` AS ${quoteIdent(alias)}` : ''}`;
  }
}

/**
 * A derived table's or CTE's column is a field of a table MySQL materialises: a computed string
 * there is described with 0 decimals, as a stored column is (39 only for an expression).
 */
export function storedField(t: ExprType): ExprType {
  return familyOf(t) === 'string' && t.textDecimals === undefined ? { ...t, textDecimals: 0 } : t;
}

/** A FROM item into its block's scope; MySQL refuses a second one of the same name. */
function addRelation(scope: Scope, relation: Scope['relations'][number], unique = true): void {
  if (unique && scope.relations.some((r) => r.name.toLowerCase() === relation.name.toLowerCase())) throw new NotUniqueTable(relation.name);
  scope.relations.push(relation);
}
