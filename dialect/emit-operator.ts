// MySQL's operators as DuckDB SQL with MySQL's semantics: comparisons are 1/0/NULL integers,
// `<=>` is null-safe, LIKE and REGEXP ignore case for text, IN with a subquery compares as MySQL
// compares the two types, bit operators work in 64 unsigned bits.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { describeNode } from './describe-node.ts';
import { asCondition, asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { arithmetic } from './emit-arithmetic.ts';
import { asText, comparable } from './emit-comparison.ts';
import { familyOf, NUMERIC_FAMILIES as NUMERIC, typeOf, type ExprType } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;
const BOOL: ExprType = typeOf('int(1)', true);

/** A binary operator: logic, comparison, pattern match, IN, BETWEEN, IS, arithmetic, JSON paths, bits. */
export function binaryExpression(exprs: ExpressionEmitter, node: Node): Emitted {
  const op = String(node.operator).toUpperCase().replace(/\s+/g, ' ');
  switch (op) {
    case 'AND':
    case '&&':
    case 'OR':
    case '||':
    case 'XOR': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
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
      const [l, r] = comparable(exprs.emit(node.left), exprs.emit(node.right));
      // `!=` stands for MySQL's `<=>` here (dialect/parser-input.ts).
      if (op === '!=') return { sql: `(${l} IS NOT DISTINCT FROM ${r})`, type: typeOf('int(1)', false), bool: true };
      return { sql: `(${l} ${op} ${r})`, type: BOOL, bool: true };
    }
    case 'LIKE':
    case 'NOT LIKE': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
      const escape = node.right?.escape ? exprs.literalText(node.right.escape.value) : '\\';
      const binary = familyOf(l.type) === 'binary' || familyOf(r.type) === 'binary';
      const like = `${binary ? 'LIKE' : 'ILIKE'}`;
      return { sql: `(${asText(l)} ${op === 'NOT LIKE' ? 'NOT ' : ''}${like} ${asText(r)} ESCAPE ${quoteString(escape)})`, type: BOOL, bool: true };
    }
    case 'REGEXP':
    case 'RLIKE':
    case 'NOT REGEXP':
    case 'NOT RLIKE': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
      const binary = familyOf(l.type) === 'binary' || familyOf(r.type) === 'binary';
      const sql = `regexp_matches(${asText(l)}, ${asText(r)}${binary ? '' : ", 'i'"})`;
      return { sql: op.startsWith('NOT') ? `(NOT ${sql})` : sql, type: BOOL, bool: true };
    }
    case 'IN':
    case 'NOT IN': {
      const l = exprs.emit(node.left);
      if (node.right?.type === 'expr_list' && !node.right.value?.[0]?.ast) {
        const items = (node.right.value as Node[]).map((n) => exprs.emit(n));
        const pairs = items.map((item) => comparable(l, item));
        return { sql: `(${pairs[0]![0]} ${op} (${pairs.map((p) => p[1]).join(', ')}))`, type: BOOL, bool: true };
      }
      const subNode = node.right?.type === 'expr_list' ? node.right.value[0] : node.right;
      if (!subNode?.ast) throw new DialectUnsupported(`${op} with ${describeNode(subNode)}`);
      // Each value the subquery gives is compared as MySQL compares the two types (a string
      // with a number compares as numbers).
      const sub = exprs.ctx.subquery(subNode.ast, exprs.scope);
      if (sub.columns.length > 1) throw new DialectError('Operand should contain 1 column(s)');
      if (sub.columns.length === 0) return { sql: `(${v(l)} ${op} (${sub.sql}))`, type: BOOL, bool: true };
      const item = { sql: '"__iq_in"."v"', type: { ...sub.columns[0]!.type, source: undefined } };
      const [a, b] = comparable(l, item);
      const values = b === item.sql ? `(${sub.sql})` : `(SELECT ${b} FROM (${sub.sql}) AS "__iq_in"("v"))`;
      return { sql: `(${a} ${op} ${values})`, type: BOOL, bool: true };
    }
    case 'BETWEEN':
    case 'NOT BETWEEN': {
      const l = exprs.emit(node.left);
      const [lo, hi] = (node.right.value as Node[]).map((n) => exprs.emit(n));
      const [a, b] = comparable(l, lo!);
      const [, c] = comparable(l, hi!);
      return { sql: `(${a} ${op} ${b} AND ${c})`, type: BOOL, bool: true };
    }
    case 'IS':
    case 'IS NOT': {
      const l = exprs.emit(node.left);
      const not = op === 'IS NOT' ? 'NOT ' : '';
      if (node.right?.type === 'null') return { sql: `(${v(l)} IS ${not}NULL)`, type: typeOf('int(1)', false), bool: true };
      if (node.right?.type === 'bool') return { sql: `(${asCondition(l)} IS ${not}${node.right.value ? 'TRUE' : 'FALSE'})`, type: typeOf('int(1)', false), bool: true };
      break;
    }
    case '+':
    case '-':
      if (node.right?.type === 'interval' || node.left?.type === 'interval') {
        const [date, interval] = node.right?.type === 'interval' ? [node.left, node.right] : [node.right, node.left];
        return exprs.dateArithmetic(exprs.emit(date), interval, op === '-' ? -1 : 1);
      }
      return arithmetic(op, exprs.emit(node.left), exprs.emit(node.right));
    case '*':
    case '/':
    case 'DIV':
    case '%':
    case 'MOD':
      return arithmetic(op, exprs.emit(node.left), exprs.emit(node.right));
    case '->':
    case '->>': {
      const l = exprs.emit(node.left);
      const path = quoteString(exprs.literalText(node.right));
      return op === '->'
        ? { sql: `json_extract(${v(l)}, ${path})`, type: typeOf('json', true) }
        : { sql: `json_extract_string(${v(l)}, ${path})`, type: typeOf('longtext', true) };
    }
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
      const duck = op === '^' ? 'xor' : null;
      const a = `CAST(${v(l)} AS UBIGINT)`;
      const b = `CAST(${v(r)} AS UBIGINT)`;
      return { sql: duck ? `xor(${a}, ${b})` : `(${a} ${op} ${b})`, type: typeOf('bigint(21) unsigned', l.type.nullable || r.type.nullable) };
    }
  }
  throw new DialectUnsupported(`the operator ${node.operator}`);
}

/** A unary operator: + (dropped, as MySQL's grammar drops it), -, NOT and ~. */
export function unaryExpression(exprs: ExpressionEmitter, node: Node): Emitted {
  const e = exprs.emit(node.expr);
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
