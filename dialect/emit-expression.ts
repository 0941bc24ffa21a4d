// One MySQL expression (node-sql-parser's AST) as DuckDB SQL with MySQL's type and semantics.
// This file dispatches on the node's kind and resolves column references; each kind's rules live
// in its own file: literals and @@variables (emit-literal.ts), operators (emit-operator.ts),
// function calls (emit-call.ts), aggregates (emit-aggregate.ts), window functions
// (emit-window.ts), CASE (emit-case.ts), CAST (emit-cast.ts), date arithmetic
// (emit-arithmetic.ts), ORDER BY items (emit-order-by.ts).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { sessionTimestamp } from './session-timestamps.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { describeNode } from './describe-node.ts';
import { quoteIdent, type Emitted } from './emitted.ts';
import { aggregateCall } from './emit-aggregate.ts';
import { dateArithmetic } from './emit-arithmetic.ts';
import { extractCall, functionCall } from './emit-call.ts';
import { caseExpression } from './emit-case.ts';
import { castTo } from './emit-cast.ts';
import { literalText, numberLiteral, placeholderLiteral, systemVariableValue, temporalLiteral } from './emit-literal.ts';
import { binaryExpression, unaryExpression } from './emit-operator.ts';
import { orderItems } from './emit-order-by.ts';
import { familyOf, NULL_TYPE, TEXT_FAMILIES, typeOf, UNKNOWN, type ExprType } from './mysql-types.ts';
import { DEFAULT_COLLATION, derivedCollation, EXPLICIT } from './collation.ts';
import { castOperand, castResult } from './temporal-values.ts';
import type { Literal } from './parser-input.ts';
import type { Scope } from './scope.ts';
import { decimalComparand, userVariableValue, type UserValue } from './user-variables.ts';

type Node = any;

export interface ExpressionContext {
  database: string | null;
  literals: Literal[];
  /** A session or global system variable's value as text, for @@name in a query. */
  systemVariable(name: string): string | undefined;
  /** A user variable's value (@name, lower-cased); undefined when never set. */
  userVariable?(name: string): UserValue | undefined;
  /** Emits a subquery (the select emitter), with `scope` as its outer scope. */
  subquery(ast: Node, scope: Scope): { sql: string; columns: { type: ExprType }[] };
}

export class ExpressionEmitter {
  /**
   * Set while emitting the select list, HAVING and ORDER BY of a grouped query. MySQL lets a
   * column outside GROUP BY appear there (any one row's value of the group); DuckDB wants it
   * wrapped in any_value(). `keys` are the GROUP BY expressions as emitted.
   */
  grouping: { keys: Set<string>; rolledUp?: Map<string, string> } | null = null;
  private aggregateDepth = 0;
  /** The types of the operands emitted for the node being emitted (see emit). */
  private operandTypes: ExprType[] | null = null;

  /** `ctx` and `scope` are read by the files that emit each kind of node. */
  constructor(
    readonly ctx: ExpressionContext,
    readonly scope: Scope,
  ) {}

  /**
   * One node. A text result that names no collation of its own takes its operands' strongest
   * (MySQL's collation derivation: `UPPER(name_bin)` compares as utf8mb4_bin); an explicit
   * COLLATE sets it.
   */
  emit(node: Node): Emitted {
    const parent = this.operandTypes;
    const operands: ExprType[] = [];
    this.operandTypes = operands;
    let e: Emitted;
    try {
      e = this.emitNode(node);
    } finally {
      this.operandTypes = parent;
    }
    const collate = node?.collate?.collate?.name ?? node?.suffix?.collate?.collate?.name;
    // `x COLLATE c` is an expression: a column under it is described as computed.
    // x COLLATE c is a computed string: the server's own decimals (MariaDB 39), not x's.
    if (collate) e = { ...e, type: { ...e.type, ...explicitCollation(String(collate), e.type), columnType: e.type.columnType.replace(/^char\b/i, 'varchar'), source: undefined, textDecimals: undefined } };
    else if (!e.type.collation && familyOf(e.type) === 'string' && node?.type !== 'column_ref' && !node?.ast) e = { ...e, type: { ...e.type, ...derivedCollation(operands) } };
    parent?.push(e.type);
    return e;
  }

  /** The collation a string literal compares under: the connection's (collation_connection). */
  get connectionCollation(): string {
    return this.ctx.systemVariable('collation_connection') ?? DEFAULT_COLLATION;
  }

  private emitNode(node: Node): Emitted {
    switch (node?.type) {
      case 'column_ref':
        return this.column(node);
      case 'single_quote_string':
      case 'double_quote_string':
      case 'natural_string':
      case 'string':
        return placeholderLiteral(node, this.ctx.literals);
      case 'number':
      case 'bigint':
        return numberLiteral(node);
      case 'null':
        return { sql: 'NULL', type: NULL_TYPE };
      case 'bool':
        // TRUE and FALSE are MariaDB's booleans: 1 and 0, but true/false inside a JSON document.
        return { sql: node.value ? 'true' : 'false', type: typeOf('int(1)', false), bool: true };
      case 'binary_expr':
        return binaryExpression(this, node);
      case 'unary_expr':
        return unaryExpression(this, node);
      case 'function':
        return functionCall(this, node);
      case 'aggr_func':
        if (node.over) return aggregateCall(this, node);
        return this.insideAggregate(() => aggregateCall(this, node));
      case 'case':
        return caseExpression(this, node);
      case 'cast':
        return this.cast(this.emit(node.expr), node.target?.[0]);
      case 'origin':
        if (node.value === '?') return { sql: '?', type: UNKNOWN };
        break;
      case 'date':
      case 'datetime':
      case 'timestamp':
        return temporalLiteral(node, this.ctx.literals);
      case 'var':
        if (node.prefix === '@') return userVariableValue(node, (name) => this.ctx.userVariable?.(name), this.connectionCollation);
        return systemVariableValue(node, this.ctx);
      case 'extract':
        return extractCall(this, node);
      case 'assign':
        // Served as a whole select item only (select-assignments.ts).
        throw new DialectUnsupported("an assignment (@x := …) inside an expression (MariaDB's evaluation order decides the value)");
      case 'expr_list':
        if (node.value?.length === 1) return this.emit(node.value[0]);
        break;
    }
    if (node?.ast) {
      const sub = this.ctx.subquery(node.ast, this.scope);
      return { sql: `(${sub.sql})`, type: { ...(sub.columns[0]?.type ?? UNKNOWN), nullable: true, source: undefined } };
    }
    throw new DialectUnsupported(`the expression ${describeNode(node)}`);
  }

  /** An operand of a comparison: a DECIMAL user variable compares by its exact value (user-variables.ts). */
  comparand(node: Node): Emitted {
    return decimalComparand(node, (name) => this.ctx.userVariable?.(name)) ?? this.emit(node);
  }

  /** Emits an aggregate's argument: a column there is no any_value() of the group (see grouping). */
  insideAggregate(emit: () => Emitted): Emitted {
    this.aggregateDepth++;
    try {
      return emit();
    } finally {
      this.aggregateDepth--;
    }
  }

  private column(node: Node): Emitted {
    const name: string = typeof node.column === 'string' ? node.column : node.column?.expr?.value;
    const table: string | null = node.table ?? null;
    const alias = table ? undefined : this.scope.aliased(name);
    if (alias) return { sql: `(${alias.sql})`, type: alias.type };
    const type = this.scope.resolve(table, name);
    // A TIMESTAMP column shows its instant in the session's time zone (dialect/session-timestamps.ts).
    const sql = sessionTimestamp(table ? `${quoteIdent(table)}.${quoteIdent(name)}` : quoteIdent(name), type, (n) => this.ctx.systemVariable(n));
    if (this.grouping && this.aggregateDepth === 0 && !this.grouping.keys.has(sql)) {
      // WITH ROLLUP (emit-rollup.ts): a text key's column is NULL where its key is rolled up; a
      // column outside the keys would show the last group's value there on MariaDB.
      const rolledUp = this.grouping.rolledUp;
      if (!rolledUp) return { sql: `any_value(${sql})`, type };
      const key = rolledUp.get(sql);
      if (key === undefined) throw new DialectUnsupported(`the column ${name} outside the keys of GROUP BY ... WITH ROLLUP`);
      return { sql: `CASE WHEN GROUPING(${key}) = 1 THEN NULL ELSE any_value(${sql}) END`, type: { ...type, nullable: true } };
    }
    return { sql, type };
  }

  /** The literal string a node is, for places MySQL wants one (ESCAPE, SEPARATOR, a JSON path). */
  literalText(node: Node): string {
    return literalText(node, this.ctx.literals);
  }

  /** ORDER BY items with MySQL's NULL placement: first when ascending, last when descending. */
  orderItems(items: Node[], resolve: (n: Node) => Emitted = (n) => this.emit(n)): string {
    return orderItems(items, resolve, this.connectionCollation);
  }

  /** CAST(x AS type) and CONVERT(x, type) with MySQL's targets. */
  cast(e: Emitted, target: Node): Emitted {
    return castResult(castTo(castOperand(e, target), target, this.connectionCollation), target, e);
  }

  /** date ± INTERVAL n unit (`sign` -1 subtracts). */
  dateArithmetic(date: Emitted, interval: Node, sign: number): Emitted {
    return dateArithmetic(this, date, interval, sign);
  }
}

/** `x COLLATE name`: a utf8mb4 collation (or binary) on a text value, which then wins every comparison. */
function explicitCollation(name: string, t: ExprType): Pick<ExprType, 'collation' | 'coercibility'> {
  const n = name.toLowerCase();
  if (!TEXT_FAMILIES.has(familyOf(t)) && familyOf(t) !== 'unknown') throw new DialectUnsupported(`COLLATE ${name} on a value that is not a string`);
  if (n !== 'binary' && !/^utf8mb4_[a-z0-9_]+$/.test(n)) throw new DialectUnsupported(`COLLATE ${name} (only utf8mb4 collations)`);
  return { collation: n, coercibility: EXPLICIT };
}
