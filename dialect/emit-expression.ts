// One MySQL expression (node-sql-parser's AST) as DuckDB SQL with MySQL's type and semantics:
// comparisons are 1/0/NULL integers, `<=>` is null-safe, LIKE and REGEXP ignore case for text,
// division is NULL on zero, date arithmetic with INTERVAL keeps DATE when MySQL does.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { asCondition, asValue, enumIndex, numberOf, quoteIdent, quoteString, type Emitted } from './emitted.ts';
import { aggregateType, callFunction } from './functions.ts';
import { timestampDiff } from './date-functions.ts';
import { callName } from './call-name.ts';
import { stringLiteralValue } from './function-args.ts';
import { aggregate, charLength, decimalType, digitsOf, familyOf, isUnsigned, NULL_TYPE, stringType, typeOf, UNKNOWN, type ExprType } from './mysql-types.ts';
import { STRING_PLACEHOLDER, type Literal } from './parser-input.ts';
import type { Scope } from './scope.ts';

type Node = any;

export interface ExpressionContext {
  database: string | null;
  literals: Literal[];
  /** A session or global system variable's value as text, for @@name in a query. */
  systemVariable(name: string): string | undefined;
  /** Emits a subquery (the select emitter), with `scope` as its outer scope. */
  subquery(ast: Node, scope: Scope): { sql: string; columns: { type: ExprType }[] };
}

const v = asValue;
const BOOL: ExprType = typeOf('int(1)', true);
const NUMERIC = new Set(['int', 'decimal', 'float', 'double', 'year']);
const TEXTUAL = new Set(['string', 'binary']);

function integerLiteral(text: string): Emitted {
  const digits = text.replace(/^-/, '').length;
  if (digits <= 9) return { sql: text, type: typeOf(`int(${text.length})`, false) };
  if (digits <= 18 || (digits === 19 && BigInt(text) <= 9223372036854775807n && BigInt(text) >= -9223372036854775808n)) return { sql: `${text}::BIGINT`, type: typeOf(`bigint(${text.length})`, false) };
  if (!text.startsWith('-') && BigInt(text) <= 18446744073709551615n) return { sql: `${text}::UBIGINT`, type: typeOf(`bigint(${text.length}) unsigned`, false) };
  return { sql: `${text}::DECIMAL(38,0)`, type: typeOf(decimalType(digits, 0), false) };
}

function decimalLiteral(text: string): Emitted {
  const [int = '', frac = ''] = text.replace(/^-/, '').split('.');
  const intDigits = Math.max(int.replace(/^0+/, '').length, 1);
  if (intDigits + frac.length > 38) return { sql: `${text}::DOUBLE`, type: typeOf('double', false) };
  return { sql: `${text}::DECIMAL(${intDigits + frac.length},${frac.length})`, type: typeOf(decimalType(intDigits, frac.length), false) };
}

const EXTRACT_FIELDS: Record<string, string> = { YEAR: 'YEAR', QUARTER: 'QUARTER', MONTH: 'MONTH', DAY: 'DAY', HOUR: 'HOUR', MINUTE: 'MINUTE', SECOND: 'SECOND', MICROSECOND: 'MICROSECOND' };

const INTERVAL_UNITS: Record<string, { duck: string; dateKeeps: boolean }> = {
  MICROSECOND: { duck: 'MICROSECOND', dateKeeps: false },
  SECOND: { duck: 'SECOND', dateKeeps: false },
  MINUTE: { duck: 'MINUTE', dateKeeps: false },
  HOUR: { duck: 'HOUR', dateKeeps: false },
  DAY: { duck: 'DAY', dateKeeps: true },
  WEEK: { duck: 'WEEK', dateKeeps: true },
  MONTH: { duck: 'MONTH', dateKeeps: true },
  QUARTER: { duck: 'QUARTER', dateKeeps: true },
  YEAR: { duck: 'YEAR', dateKeeps: true },
};

export class ExpressionEmitter {
  /**
   * Set while emitting the select list, HAVING and ORDER BY of a grouped query. MySQL lets a
   * column outside GROUP BY appear there (any one row's value of the group); DuckDB wants it
   * wrapped in any_value(). `keys` are the GROUP BY expressions as emitted.
   */
  grouping: { keys: Set<string> } | null = null;
  private aggregateDepth = 0;

  constructor(
    private readonly ctx: ExpressionContext,
    private readonly scope: Scope,
  ) {}

  emit(node: Node): Emitted {
    switch (node?.type) {
      case 'column_ref':
        return this.column(node);
      case 'single_quote_string':
      case 'double_quote_string':
      case 'natural_string':
      case 'string':
        return this.literal(node);
      case 'number':
      case 'bigint': {
        const text = String(node.value);
        if (/^-?\d+$/.test(text)) return integerLiteral(text);
        if (/^-?\d*\.\d+$|^-?\d+\.\d*$/.test(text)) return decimalLiteral(text);
        throw new DialectUnsupported(`the number ${text}`);
      }
      case 'null':
        return { sql: 'NULL', type: NULL_TYPE };
      case 'bool':
        return { sql: node.value ? '1' : '0', type: typeOf('int(1)', false) };
      case 'binary_expr':
        return this.binary(node);
      case 'unary_expr':
        return this.unary(node);
      case 'function':
        return this.func(node);
      case 'aggr_func':
        if (node.over) return this.aggregateCall(node);
        this.aggregateDepth++;
        try {
          return this.aggregateCall(node);
        } finally {
          this.aggregateDepth--;
        }
      case 'case':
        return this.caseExpr(node);
      case 'cast':
        return this.cast(this.emit(node.expr), node.target?.[0]);
      case 'origin':
        if (node.value === '?') return { sql: '?', type: UNKNOWN };
        break;
      case 'date':
      case 'datetime':
      case 'timestamp': {
        const text = this.literalText(node);
        if (node.type === 'date') return { sql: `DATE ${quoteString(text)}`, type: typeOf('date', false) };
        const fsp = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
        return { sql: `TIMESTAMP ${quoteString(text)}`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', false) };
      }
      case 'var':
        return this.variable(node);
      case 'extract': {
        const field = String(node.args?.field ?? '').toUpperCase();
        const fn = EXTRACT_FIELDS[field];
        if (!fn) throw new DialectUnsupported(`EXTRACT(${field} FROM ...)`);
        return callFunction(fn, [this.emit(node.args.source)], { database: this.ctx.database });
      }
      case 'expr_list':
        if (node.value?.length === 1) return this.emit(node.value[0]);
        break;
    }
    if (node?.ast) {
      const sub = this.ctx.subquery(node.ast, this.scope);
      return { sql: `(${sub.sql})`, type: { ...(sub.columns[0]?.type ?? UNKNOWN), nullable: true, source: undefined } };
    }
    throw new DialectUnsupported(`the expression ${describe(node)}`);
  }

  private column(node: Node): Emitted {
    const name: string = typeof node.column === 'string' ? node.column : node.column?.expr?.value;
    if (node.collate) throw new DialectUnsupported(`COLLATE on ${name}`);
    const table: string | null = node.table ?? null;
    const alias = table ? undefined : this.scope.aliased(name);
    if (alias) return { sql: `(${alias.sql})`, type: alias.type };
    const type = this.scope.resolve(table, name);
    const sql = table ? `${quoteIdent(table)}.${quoteIdent(name)}` : quoteIdent(name);
    if (this.grouping && this.aggregateDepth === 0 && !this.grouping.keys.has(sql)) return { sql: `any_value(${sql})`, type };
    return { sql, type };
  }

  private literal(node: Node): Emitted {
    const m = STRING_PLACEHOLDER.exec(String(node.value));
    const lit = m ? this.ctx.literals[Number(m[1])] : undefined;
    if (!lit) throw new DialectUnsupported(`the literal ${String(node.value).slice(0, 40)}`);
    switch (lit.kind) {
      case 'string':
        if (lit.binary) return { sql: `from_hex('${Buffer.from(lit.value, 'utf8').toString('hex')}')`, type: typeOf(stringType(Buffer.byteLength(lit.value), true), false) };
        return { sql: quoteString(lit.value), type: typeOf(stringType([...lit.value].length), false) };
      case 'hex':
      case 'bits':
        return { sql: `from_hex('${lit.bytes.toString('hex')}')`, type: typeOf(stringType(lit.bytes.length, true), false) };
      case 'double':
        return { sql: `${lit.text}::DOUBLE`, type: typeOf('double', false) };
      case 'decimal':
        return decimalLiteral(lit.text);
    }
  }

  /** The literal string a node is, for places MySQL wants one (ESCAPE, SEPARATOR, a JSON path). */
  literalText(node: Node): string {
    const m = STRING_PLACEHOLDER.exec(String(node?.value));
    const lit = m ? this.ctx.literals[Number(m[1])] : undefined;
    if (lit?.kind !== 'string') throw new DialectUnsupported(`a non-literal ${describe(node)} where MySQL wants a string literal`);
    return lit.value;
  }

  private variable(node: Node): Emitted {
    if (node.prefix !== '@@') throw new DialectUnsupported(`user variables (@${node.name}) in a query`);
    const name = (node.members?.length ? node.members[node.members.length - 1] : node.name) as string;
    const value = this.ctx.systemVariable(String(name).toLowerCase());
    if (value === undefined) throw new DialectUnsupported(`the system variable @@${name}`);
    return /^-?\d+$/.test(value) ? integerLiteral(value) : { sql: quoteString(value), type: typeOf(stringType(value.length), false) };
  }

  private binary(node: Node): Emitted {
    const op = String(node.operator).toUpperCase().replace(/\s+/g, ' ');
    switch (op) {
      case 'AND':
      case '&&':
      case 'OR':
      case '||':
      case 'XOR': {
        const l = this.emit(node.left);
        const r = this.emit(node.right);
        const duck = op === 'AND' || op === '&&' ? 'AND' : op === 'XOR' ? '<>' : 'OR';
        return { sql: `(${asCondition(l)} ${duck} ${asCondition(r)})`, type: { ...BOOL, nullable: l.type.nullable || r.type.nullable }, bool: true };
      }
      case '=':
      case '<>':
      case '<':
      case '>':
      case '<=':
      case '>=':
      case '!=': {
        const [l, r] = this.comparable(this.emit(node.left), this.emit(node.right));
        // `!=` stands for MySQL's `<=>` here (dialect/parser-input.ts).
        if (op === '!=') return { sql: `(${l} IS NOT DISTINCT FROM ${r})`, type: typeOf('int(1)', false), bool: true };
        return { sql: `(${l} ${op} ${r})`, type: BOOL, bool: true };
      }
      case 'LIKE':
      case 'NOT LIKE': {
        const l = this.emit(node.left);
        const r = this.emit(node.right);
        const escape = node.right?.escape ? this.literalText(node.right.escape.value) : '\\';
        const binary = familyOf(l.type) === 'binary' || familyOf(r.type) === 'binary';
        const like = `${binary ? 'LIKE' : 'ILIKE'}`;
        return { sql: `(${this.asText(l)} ${op === 'NOT LIKE' ? 'NOT ' : ''}${like} ${this.asText(r)} ESCAPE ${quoteString(escape)})`, type: BOOL, bool: true };
      }
      case 'REGEXP':
      case 'RLIKE':
      case 'NOT REGEXP':
      case 'NOT RLIKE': {
        const l = this.emit(node.left);
        const r = this.emit(node.right);
        const binary = familyOf(l.type) === 'binary' || familyOf(r.type) === 'binary';
        const sql = `regexp_matches(${this.asText(l)}, ${this.asText(r)}${binary ? '' : ", 'i'"})`;
        return { sql: op.startsWith('NOT') ? `(NOT ${sql})` : sql, type: BOOL, bool: true };
      }
      case 'IN':
      case 'NOT IN': {
        const l = this.emit(node.left);
        if (node.right?.type === 'expr_list' && !node.right.value?.[0]?.ast) {
          const items = (node.right.value as Node[]).map((n) => this.emit(n));
          const pairs = items.map((item) => this.comparable(l, item));
          return { sql: `(${pairs[0]![0]} ${op} (${pairs.map((p) => p[1]).join(', ')}))`, type: BOOL, bool: true };
        }
        const subNode = node.right?.type === 'expr_list' ? node.right.value[0] : node.right;
        if (!subNode?.ast) throw new DialectUnsupported(`${op} with ${describe(subNode)}`);
        // Each value the subquery gives is compared as MySQL compares the two types (a string
        // with a number compares as numbers).
        const sub = this.ctx.subquery(subNode.ast, this.scope);
        if (sub.columns.length > 1) throw new DialectError('Operand should contain 1 column(s)');
        if (sub.columns.length === 0) return { sql: `(${v(l)} ${op} (${sub.sql}))`, type: BOOL, bool: true };
        const item = { sql: '"__iq_in"."v"', type: { ...sub.columns[0]!.type, source: undefined } };
        const [a, b] = this.comparable(l, item);
        const values = b === item.sql ? `(${sub.sql})` : `(SELECT ${b} FROM (${sub.sql}) AS "__iq_in"("v"))`;
        return { sql: `(${a} ${op} ${values})`, type: BOOL, bool: true };
      }
      case 'BETWEEN':
      case 'NOT BETWEEN': {
        const l = this.emit(node.left);
        const [lo, hi] = (node.right.value as Node[]).map((n) => this.emit(n));
        const [a, b] = this.comparable(l, lo!);
        const [, c] = this.comparable(l, hi!);
        return { sql: `(${a} ${op} ${b} AND ${c})`, type: BOOL, bool: true };
      }
      case 'IS':
      case 'IS NOT': {
        const l = this.emit(node.left);
        const not = op === 'IS NOT' ? 'NOT ' : '';
        if (node.right?.type === 'null') return { sql: `(${v(l)} IS ${not}NULL)`, type: typeOf('int(1)', false), bool: true };
        if (node.right?.type === 'bool') return { sql: `(${asCondition(l)} IS ${not}${node.right.value ? 'TRUE' : 'FALSE'})`, type: typeOf('int(1)', false), bool: true };
        break;
      }
      case '+':
      case '-':
        if (node.right?.type === 'interval' || node.left?.type === 'interval') {
          const [date, interval] = node.right?.type === 'interval' ? [node.left, node.right] : [node.right, node.left];
          return this.dateArithmetic(this.emit(date), interval, op === '-' ? -1 : 1);
        }
        return this.arithmetic(op, this.emit(node.left), this.emit(node.right));
      case '*':
      case '/':
      case 'DIV':
      case '%':
      case 'MOD':
        return this.arithmetic(op, this.emit(node.left), this.emit(node.right));
      case '->':
      case '->>': {
        const l = this.emit(node.left);
        const path = quoteString(this.literalText(node.right));
        return op === '->'
          ? { sql: `json_extract(${v(l)}, ${path})`, type: typeOf('json', true) }
          : { sql: `json_extract_string(${v(l)}, ${path})`, type: typeOf('longtext', true) };
      }
      case '&':
      case '|':
      case '^':
      case '<<':
      case '>>': {
        const l = this.emit(node.left);
        const r = this.emit(node.right);
        const duck = op === '^' ? 'xor' : null;
        const a = `CAST(${v(l)} AS UBIGINT)`;
        const b = `CAST(${v(r)} AS UBIGINT)`;
        return { sql: duck ? `xor(${a}, ${b})` : `(${a} ${op} ${b})`, type: typeOf('bigint(21) unsigned', l.type.nullable || r.type.nullable) };
      }
    }
    throw new DialectUnsupported(`the operator ${node.operator}`);
  }

  /** Text for LIKE/REGEXP: MySQL matches a number by its decimal text. */
  private asText(e: Emitted): string {
    return TEXTUAL.has(familyOf(e.type)) || e.type.columnType === 'null' ? v(e) : `CAST(${v(e)} AS VARCHAR)`;
  }

  /**
   * Both sides ready to compare. MySQL compares a number with a string as numbers (DuckDB would
   * cast the string to the number's type and fail on 'abc'); dates with strings as dates.
   */
  private comparable(l: Emitted, r: Emitted): [string, string] {
    const fl = familyOf(l.type);
    const fr = familyOf(r.type);
    const asNumber = (e: Emitted) => numberOf(e);
    const stringy = (f: string) => f === 'string' || f === 'binary';
    // A JSON value against a number compares as MySQL orders JSON: numbers by value, JSON null
    // below every number, strings, booleans, arrays and objects above.
    const jsonNumber = (e: Emitted) =>
      `CASE WHEN ${v(e)} IS NULL THEN NULL WHEN json_type(CAST(${v(e)} AS JSON)) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(CAST(${v(e)} AS VARCHAR) AS DOUBLE) WHEN json_type(CAST(${v(e)} AS JSON)) = 'NULL' THEN '-Infinity'::DOUBLE ELSE 'Infinity'::DOUBLE END`;
    if (fl === 'json' && NUMERIC.has(fr)) return [jsonNumber(l), v(r)];
    if (NUMERIC.has(fl) && fr === 'json') return [v(l), jsonNumber(r)];
    if (NUMERIC.has(fl) && stringy(fr)) return [v(l), asNumber(r)];
    if (stringy(fl) && NUMERIC.has(fr)) return [asNumber(l), v(r)];
    if (fl === 'string' && fr === 'string') return [padSpace(l), padSpace(r)];
    return [v(l), v(r)];
  }

  private arithmetic(op: string, l: Emitted, r: Emitted): Emitted {
    const nullable = l.type.nullable || r.type.nullable || op === '/' || op === 'DIV' || op === '%' || op === 'MOD';
    const fl = familyOf(l.type);
    const fr = familyOf(r.type);
    if (fl === 'null' || fr === 'null') return { sql: 'NULL', type: NULL_TYPE };
    if (fl === 'unknown' || fr === 'unknown') {
      const a = v(l);
      const b = v(r);
      const sql = op === '/' ? `(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0))` : op === 'DIV' ? `CAST(trunc(${a} / nullif(${b}, 0)) AS BIGINT)` : op === '%' || op === 'MOD' ? `(${a} % nullif(${b}, 0))` : `(${a} ${op} ${b})`;
      return { sql, type: UNKNOWN };
    }
    const numeric = (e: Emitted, f: string) => (NUMERIC.has(f) ? v(e) : numberOf(e));
    const a = numeric(l, fl);
    const b = numeric(r, fr);
    const exact = (f: string) => f === 'int' || f === 'decimal' || f === 'year';
    const bothInt = (fl === 'int' || fl === 'year') && (fr === 'int' || fr === 'year');
    const bothExact = exact(fl) && exact(fr);
    const dl = digitsOf(l.type);
    const dr = digitsOf(r.type);
    const unsigned = isUnsigned(l.type) || isUnsigned(r.type);
    switch (op) {
      case '+':
      case '-':
      case '*': {
        if (bothInt) {
          // BIGINT UNSIGNED values pass 2^63: work in HUGEINT, as MySQL works in 64 unsigned bits.
          const wide = unsigned ? 'HUGEINT' : 'BIGINT';
          return { sql: `(CAST(${a} AS ${wide}) ${op} CAST(${b} AS ${wide}))`, type: typeOf(unsigned && op !== '-' ? 'bigint unsigned' : 'bigint', nullable) };
        }
        if (bothExact) {
          const type = op === '*' ? decimalType(dl.int + dr.int, dl.scale + dr.scale) : decimalType(Math.max(dl.int, dr.int) + 1, Math.max(dl.scale, dr.scale));
          return { sql: `(${a} ${op} ${b})`, type: typeOf(type, nullable) };
        }
        return { sql: `(CAST(${a} AS DOUBLE) ${op} CAST(${b} AS DOUBLE))`, type: typeOf('double', nullable) };
      }
      case '/': {
        const sql = `(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0))`;
        // MySQL divides exact numbers exactly, to div_precision_increment (4) more digits.
        if (bothExact) return { sql, type: typeOf(decimalType(dl.int + dr.scale, dl.scale + 4), nullable) };
        return { sql, type: typeOf('double', nullable) };
      }
      case 'DIV':
        return { sql: `CAST(trunc(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0)) AS BIGINT)`, type: typeOf(unsigned ? 'bigint unsigned' : 'bigint', nullable) };
      default: {
        // % and MOD: the sign of the dividend, NULL for a zero divisor.
        if (bothInt) return { sql: `(CAST(${a} AS BIGINT) % nullif(CAST(${b} AS BIGINT), 0))`, type: typeOf(unsigned ? 'bigint unsigned' : 'bigint', nullable) };
        if (bothExact) return { sql: `(${a} % nullif(${b}, 0))`, type: typeOf(decimalType(Math.max(dl.int, dr.int), Math.max(dl.scale, dr.scale)), nullable) };
        return { sql: `fmod(CAST(${a} AS DOUBLE), nullif(CAST(${b} AS DOUBLE), 0))`, type: typeOf('double', nullable) };
      }
    }
  }

  dateArithmetic(date: Emitted, interval: Node, sign: number): Emitted {
    const unit = INTERVAL_UNITS[String(interval.unit).toUpperCase()];
    if (!unit) throw new DialectUnsupported(`INTERVAL ... ${String(interval.unit).toUpperCase()}`);
    const amount = this.emit(interval.expr);
    const f = familyOf(date.type);
    const step = `(${sign} * CAST(${v(amount)} AS BIGINT)) * INTERVAL 1 ${unit.duck}`;
    if (f === 'string' || f === 'unknown') {
      // A string in, a string out: a date stays a date ('2024-01-31' + 1 MONTH = '2024-02-29')
      // when the step is whole days or more; anything else prints as a DATETIME.
      const s = `CAST(${v(date)} AS VARCHAR)`;
      const asDatetime = `strftime(TRY_CAST(${s} AS TIMESTAMP) + ${step}, '%Y-%m-%d %H:%M:%S')`;
      const sql = unit.dateKeeps ? `(CASE WHEN length(trim(${s})) <= 10 THEN CAST(CAST(TRY_CAST(${s} AS DATE) + ${step} AS DATE) AS VARCHAR) ELSE ${asDatetime} END)` : asDatetime;
      return { sql, type: typeOf('varchar(29)', true) };
    }
    const base = f === 'date' || f === 'datetime' ? v(date) : `CAST(${v(date)} AS TIMESTAMP)`;
    if (f === 'date' && unit.dateKeeps) return { sql: `CAST(${base} + ${step} AS DATE)`, type: typeOf('date', true) };
    return { sql: `(${base} + ${step})`, type: typeOf(f === 'datetime' ? date.type.columnType : 'datetime', true) };
  }

  private unary(node: Node): Emitted {
    const e = this.emit(node.expr);
    switch (String(node.operator).toUpperCase()) {
      case '+':
        // MySQL's grammar drops a unary plus: the operand, its type and its origin are unchanged.
        return e;
      case '-': {
        const f = familyOf(e.type);
        if (f === 'int') return { sql: `(-CAST(${v(e)} AS BIGINT))`, type: typeOf('bigint', e.type.nullable) };
        return { sql: `(-${NUMERIC.has(f) || f === 'unknown' ? v(e) : numberOf(e)})`, type: NUMERIC.has(f) || f === 'unknown' ? { ...e.type, source: undefined } : typeOf('double', e.type.nullable) };
      }
      case 'NOT':
      case '!':
        return { sql: `(NOT ${asCondition(e)})`, type: { ...BOOL, nullable: e.type.nullable }, bool: true };
      case '~':
        return { sql: `(~CAST(${v(e)} AS UBIGINT))`, type: typeOf('bigint(21) unsigned', e.type.nullable) };
    }
    throw new DialectUnsupported(`the operator ${node.operator}`);
  }

  private func(node: Node): Emitted {
    const parts = (node.name?.name ?? []) as { value: string }[];
    const name = String(parts[parts.length - 1]?.value ?? '').toUpperCase();
    const argNodes: Node[] = node.args?.value ?? [];
    if (node.over) return this.windowFunction(name, argNodes, node.over);
    // Aggregates the grammar does not know as such come back as plain calls.
    if (CALLED_AGGREGATES.has(name) && argNodes.length === 1 && !node.over) {
      this.aggregateDepth++;
      try {
        return this.aggregateCall({ type: 'aggr_func', name, args: { expr: argNodes[0] } });
      } finally {
        this.aggregateDepth--;
      }
    }
    const session = SESSION_FUNCTIONS[name];
    if (session && argNodes.length === 0) {
      // Answered by the session (who is connected, which server): a literal in the statement.
      const value = this.ctx.systemVariable(session.variable);
      if (value === undefined) throw new DialectUnsupported(`the function ${name}()`);
      return session.type === 'text' ? { sql: quoteString(value), type: typeOf(stringType([...value].length), false) } : { sql: `CAST(${Number(value)} AS BIGINT)`, type: typeOf('bigint(21) unsigned', false) };
    }
    if (name === 'FOUND_ROWS' && argNodes.length === 0) {
      // The session's count from its last SELECT (rows sent, or SQL_CALC_FOUND_ROWS's count).
      return { sql: `CAST(${Number(this.ctx.systemVariable('found_rows()') ?? 0)} AS BIGINT)`, type: typeOf('bigint(21)', false) };
    }
    // NOT (x) reads as a call of a function NOT.
    if (name === 'NOT' && argNodes.length === 1) return this.unary({ operator: 'NOT', expr: argNodes[0] });
    if (name === 'EXISTS') {
      const sub = this.ctx.subquery(argNodes[0]?.ast, this.scope);
      return { sql: `(EXISTS (${sub.sql}))`, type: typeOf('int(1)', false), bool: true };
    }
    if (name === 'CONVERT') {
      if (argNodes.length === 2 && argNodes[1]?.type === 'datatype') return this.cast(this.emit(argNodes[0]), argNodes[1]);
      throw new DialectUnsupported('CONVERT ... USING');
    }
    if (name === 'DATE_ADD' || name === 'DATE_SUB' || name === 'ADDDATE' || name === 'SUBDATE') {
      const sign = name === 'DATE_SUB' || name === 'SUBDATE' ? -1 : 1;
      const interval = argNodes[1]?.type === 'interval' ? argNodes[1] : { expr: argNodes[1], unit: 'DAY' };
      return this.dateArithmetic(this.emit(argNodes[0]), interval, sign);
    }
    if ((name === 'TIMESTAMPDIFF' || name === 'TIMESTAMPADD') && argNodes[0]?.type === 'origin' && argNodes.length === 3) {
      const unit = String(argNodes[0].value);
      if (name === 'TIMESTAMPDIFF') return timestampDiff(unit, this.emit(argNodes[1]), this.emit(argNodes[2]));
      return this.dateArithmetic(this.emit(argNodes[2]), { expr: argNodes[1], unit }, 1);
    }
    if (argNodes.some((a) => a?.type === 'origin' && a.value !== '?')) throw new DialectUnsupported(`${name}() with keyword arguments`);
    return callFunction(name, argNodes.map((a) => this.emit(a)), { database: this.ctx.database });
  }

  private windowSpec(over: Node): string {
    const spec = over?.as_window_specification;
    if (typeof spec === 'string') return quoteIdent(spec);
    const w = spec?.window_specification;
    if (!w) throw new DialectUnsupported('this OVER clause');
    if (w.window_frame_clause) throw new DialectUnsupported('window frames');
    const parts: string[] = [];
    if (w.name) parts.push(quoteIdent(w.name));
    if (w.partitionby?.length) parts.push(`PARTITION BY ${(w.partitionby as Node[]).map((p) => v(this.emit(p.expr))).join(', ')}`);
    if (w.orderby?.length) parts.push(`ORDER BY ${this.orderItems(w.orderby)}`);
    return `(${parts.join(' ')})`;
  }

  /** ORDER BY items with MySQL's NULL placement: first when ascending, last when descending. */
  orderItems(items: Node[], resolve: (n: Node) => Emitted = (n) => this.emit(n)): string {
    return items
      .map((item) => {
        const desc = String(item.type ?? '').toUpperCase() === 'DESC';
        return `${enumOrder(resolve(item.expr))} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`;
      })
      .join(', ');
  }

  private windowFunction(name: string, argNodes: Node[], over: Node): Emitted {
    const args = argNodes.map((a) => this.emit(a));
    const spec = this.windowSpec(over);
    switch (name) {
      case 'ROW_NUMBER':
      case 'RANK':
      case 'DENSE_RANK':
        return { sql: `${name.toLowerCase()}() OVER ${spec}`, type: typeOf('bigint(21) unsigned', false) };
      case 'NTILE':
        return { sql: `ntile(${args.map(v).join(', ')}) OVER ${spec}`, type: typeOf('bigint(21) unsigned', true) };
      case 'PERCENT_RANK':
      case 'CUME_DIST':
        return { sql: `${name.toLowerCase()}() OVER ${spec}`, type: typeOf('double', false) };
      case 'LAG':
      case 'LEAD':
      case 'FIRST_VALUE':
      case 'LAST_VALUE':
      case 'NTH_VALUE':
        return { sql: `${name.toLowerCase()}(${args.map(v).join(', ')}) OVER ${spec}`, type: { ...(args[0]?.type ?? UNKNOWN), nullable: true, source: undefined } };
    }
    throw new DialectUnsupported(`the window function ${name}()`);
  }

  private aggregateCall(node: Node): Emitted {
    node = distinctAsModifier(node);
    const name = String(node.name).toUpperCase();
    const argNode = node.args?.expr;
    const distinct = node.args?.distinct ? 'DISTINCT ' : '';
    const over = node.over ? ` OVER ${this.windowSpec(node.over)}` : '';
    if (name === 'COUNT' && argNode?.type === 'star') return { sql: `count(*)${over}`, type: aggregateType('COUNT', null) };
    if (name === 'GROUP_CONCAT') return this.groupConcat(node);
    const arg = argNode?.type === 'expr_list' && argNode.value.length > 1 ? null : this.emit(argNode?.type === 'expr_list' ? argNode.value[0] : argNode);
    if (!arg) throw new DialectUnsupported(`${name}() over several expressions`);
    switch (name) {
      case 'COUNT':
        return { sql: `count(${distinct}${v(arg)})${over}`, type: aggregateType('COUNT', arg.type) };
      case 'AVG': {
        const f = familyOf(arg.type);
        if (f === 'int' || f === 'decimal' || f === 'year') {
          // MySQL averages exact numbers exactly, to 4 more decimals, rounding half away from
          // zero; DuckDB's avg goes through DOUBLE (and ROUND(AVG(x), 2) then differs).
          const scale = digitsOf(arg.type).scale;
          const sum = `sum(${distinct}CAST(${v(arg)} * ${10 ** scale} AS HUGEINT))${over}`;
          const n = `count(${distinct}${v(arg)})${over}`;
          const scaled = `(${sum} * 10000)`;
          const q = `CASE WHEN ${scaled} >= 0 THEN (${scaled} * 2 + ${n}) // (2 * ${n}) ELSE -((-${scaled} * 2 + ${n}) // (2 * ${n})) END`;
          const resultScale = scale + 4;
          return { sql: `(CAST(${q} AS DECIMAL(38,0)) * CAST('${(1 / 10 ** resultScale).toFixed(resultScale)}' AS DECIMAL(${resultScale + 1},${resultScale})))`, type: aggregateType(name, arg.type) };
        }
        const value = NUMERIC.has(f) || f === 'unknown' ? v(arg) : numberOf(arg);
        return { sql: `avg(${distinct}${value})${over}`, type: aggregateType(name, arg.type) };
      }
      case 'SUM': {
        const f = familyOf(arg.type);
        const value = NUMERIC.has(f) || f === 'unknown' ? v(arg) : numberOf(arg);
        return { sql: `${name.toLowerCase()}(${distinct}${value})${over}`, type: aggregateType(name, arg.type) };
      }
      case 'MIN':
      case 'MAX':
        return { sql: `${name.toLowerCase()}(${distinct}${v(arg)})${over}`, type: aggregateType(name, arg.type) };
      case 'BIT_AND':
      case 'BIT_OR':
      case 'BIT_XOR':
        return { sql: `coalesce(${name.toLowerCase()}(CAST(${v(arg)} AS UBIGINT)), ${name === 'BIT_AND' ? '18446744073709551615' : '0'}::UBIGINT)${over}`, type: typeOf('bigint(21) unsigned', false) };
      case 'STD':
      case 'STDDEV':
      case 'STDDEV_POP':
        return { sql: `stddev_pop(${v(arg)})${over}`, type: typeOf('double', true) };
      case 'STDDEV_SAMP':
        return { sql: `stddev_samp(${v(arg)})${over}`, type: typeOf('double', true) };
      case 'VARIANCE':
      case 'VAR_POP':
        return { sql: `var_pop(${v(arg)})${over}`, type: typeOf('double', true) };
      case 'VAR_SAMP':
        return { sql: `var_samp(${v(arg)})${over}`, type: typeOf('double', true) };
    }
    throw new DialectUnsupported(`the aggregate ${name}()`);
  }

  private groupConcat(node: Node): Emitted {
    if (node.over) throw new DialectUnsupported('GROUP_CONCAT() as a window function');
    const exprNode = node.args?.expr;
    const parts: Emitted[] = exprNode?.type === 'expr_list' ? (exprNode.value as Node[]).map((n) => this.emit(n)) : [this.emit(exprNode)];
    const separator = node.args?.separator ? this.literalText(node.args.separator.value ?? node.args.separator) : ',';
    // CONCAT of the parts: a row where any part is NULL is skipped, as MySQL skips it.
    const value = parts.map((p) => (TEXTUAL.has(familyOf(p.type)) ? v(p) : `CAST(${v(p)} AS VARCHAR)`)).join(' || ');
    const order = node.args?.orderby?.length ? ` ORDER BY ${this.orderItems(node.args.orderby)}` : '';
    const distinct = node.args?.distinct ? 'DISTINCT ' : '';
    return { sql: `string_agg(${distinct}${value}, ${quoteString(separator)}${order})`, type: typeOf('text', true) };
  }

  private caseExpr(node: Node): Emitted {
    const subject = node.expr ? this.emit(node.expr) : null;
    const whens: string[] = [];
    const results: Emitted[] = [];
    let elseSql = '';
    for (const arm of node.args as Node[]) {
      const result = this.emit(arm.result);
      results.push(result);
      if (arm.type === 'else') {
        elseSql = ` ELSE ${v(result)}`;
        continue;
      }
      const cond = subject ? this.comparable(subject, this.emit(arm.cond)) : null;
      whens.push(`WHEN ${cond ? `${cond[0]} = ${cond[1]}` : asCondition(this.emit(arm.cond))} THEN ${v(result)}`);
    }
    const hasElse = elseSql !== '';
    const type = aggregate(results.map((r) => r.type));
    return { sql: `(CASE ${whens.join(' ')}${elseSql} END)`, type: { ...type, nullable: type.nullable || !hasElse, source: undefined } };
  }

  /** CAST(x AS type) and CONVERT(x, type) with MySQL's targets. */
  cast(e: Emitted, target: Node): Emitted {
    const dataType = String(target?.dataType ?? '').toUpperCase().replace(/\s+/g, '');
    const length = target?.length as number | undefined;
    const nullable = e.type.nullable;
    const f = familyOf(e.type);
    const fromText = f === 'string' || f === 'binary';
    switch (dataType) {
      case 'SIGNED':
      case 'SIGNEDINTEGER':
      case 'INTEGER':
      case 'INT':
        // MySQL reads a string's leading number; a fraction rounds.
        return { sql: `CAST(round(${fromText ? numberOf(e) : v(e)}) AS BIGINT)`, type: typeOf('bigint', nullable) };
      case 'UNSIGNED':
      case 'UNSIGNEDINTEGER':
        // A negative value wraps around 2^64, as MySQL's unsigned cast does.
        return { sql: `CAST(((CAST(round(${fromText ? numberOf(e) : v(e)}) AS HUGEINT) % 18446744073709551616) + 18446744073709551616) % 18446744073709551616 AS UBIGINT)`, type: typeOf('bigint unsigned', nullable) };
      case 'CHAR':
      case 'NCHAR':
      case 'VARCHAR': {
        const chars = length ?? charLength(e.type);
        const sql = length !== undefined ? `left(CAST(${v(e)} AS VARCHAR), ${length})` : `CAST(${v(e)} AS VARCHAR)`;
        return { sql, type: typeOf(stringType(chars), nullable) };
      }
      case 'BINARY':
        return { sql: `CAST(${v(e)} AS BLOB)`, type: typeOf(stringType(length ?? charLength(e.type), true), nullable) };
      case 'DECIMAL': {
        const p = length ?? 10;
        const s = (target?.scale as number | undefined) ?? 0;
        if (p > 38) throw new DialectUnsupported(`CAST AS DECIMAL(${p},${s}) (wider than 38 digits)`);
        return { sql: `CAST(${fromText ? numberOf(e) : v(e)} AS DECIMAL(${p},${s}))`, type: typeOf(decimalType(p - s, s), nullable) };
      }
      case 'DOUBLE':
      case 'REAL':
      case 'FLOAT':
        return { sql: fromText ? numberOf(e) : `CAST(${v(e)} AS DOUBLE)`, type: typeOf('double', nullable) };
      case 'DATE':
        return { sql: `TRY_CAST(${v(e)} AS DATE)`, type: typeOf('date', true) };
      case 'DATETIME': {
        const fsp = length ?? 0;
        return { sql: `TRY_CAST(${v(e)} AS ${fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP'})`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
      }
      case 'JSON':
        return { sql: `CAST(${v(e)} AS JSON)`, type: typeOf('json', nullable) };
    }
    throw new DialectUnsupported(`CAST AS ${dataType || 'this type'}`);
  }
}

/**
 * Under MySQL's PAD SPACE collations trailing spaces do not count in a comparison; a string
 * literal's are dropped here. (A stored value's trailing spaces still count: DuckDB has no such
 * collation.)
 */
function padSpace(e: Emitted): string {
  const value = stringLiteralValue(e);
  return value?.endsWith(' ') ? quoteString(value.replace(/ +$/, '')) : v(e);
}

/** Functions whose value is the session's, looked up as if a variable (the gateway answers them). */
const SESSION_FUNCTIONS: Record<string, { variable: string; type: 'text' | 'int' }> = {
  CURRENT_USER: { variable: 'current_user()', type: 'text' },
  USER: { variable: 'user()', type: 'text' },
  SESSION_USER: { variable: 'user()', type: 'text' },
  SYSTEM_USER: { variable: 'user()', type: 'text' },
  CONNECTION_ID: { variable: 'connection_id()', type: 'int' },
  VERSION: { variable: 'version', type: 'text' },
};

/** Aggregates the grammar reads as plain function calls. */
export const CALLED_AGGREGATES: ReadonlySet<string> = new Set(['STD', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'BIT_AND', 'BIT_OR', 'BIT_XOR']);

/** MySQL sorts an ENUM by its members' order, not alphabetically. */
function enumOrder(e: Emitted): string {
  return enumIndex(e) ?? v(e);
}

function describe(node: Node): string {
  return node?.type ? `of kind ${node.type}${node.operator ? ` ${node.operator}` : ''}` : JSON.stringify(node)?.slice(0, 60) ?? 'undefined';
}

/**
 * `SUM(DISTINCT ((x)))`, as parser-input writes a DISTINCT argument that is not a plain column,
 * comes back as a call of a function DISTINCT; this puts it back as the aggregate's modifier.
 */
function distinctAsModifier(node: Node): Node {
  const arg = node.args?.expr;
  if (callName(arg) !== 'DISTINCT') return node;
  const values: Node[] = arg.args?.value ?? [];
  return { ...node, args: { ...node.args, distinct: 'DISTINCT', expr: values.length === 1 ? values[0] : { type: 'expr_list', value: values } } };
}
