// MySQL's operators as DuckDB SQL with MySQL's semantics: comparisons are 1/0/NULL integers,
// `<=>` is null-safe, LIKE and REGEXP ignore case for text, IN with a subquery compares as MySQL
// compares the two types, bit operators work in 64 unsigned bits.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { describeNode } from './describe-node.ts';
import { asCondition, asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { arithmetic } from './emit-arithmetic.ts';
import { asUnsigned64 } from './emit-cast.ts';
import { comparable, likeOperands } from './emit-comparison.ts';
import { familyOf, integerPrecision, integerType, isUnsignedInt, NUMERIC_FAMILIES as NUMERIC, typeOf, type ExprType } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { numericValue } from './temporal-values.ts';
import { negatedVariable } from './user-variables.ts';
import { regexpMatch } from './regexp.ts';
import { checkSubqueryLimit, isQuantified, quantifiedComparison, rowComparison, rowIn, rowMembers } from './emit-row-comparison.ts';
import { isPackedTemporal } from './packed-datetime.ts';

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
      if (isQuantified(node.right)) return quantifiedComparison(exprs, node, op);
      if (rowMembers(node.left) || rowMembers(node.right)) return rowComparison(exprs, node, op);
      const [l, r] = comparable(exprs.comparand(node.left), exprs.comparand(node.right), exprs.connectionCollation, op === '!=' ? '<=>' : op);
      // `!=` stands for MySQL's `<=>` here (dialect/parser-input.ts).
      if (op === '!=') return { sql: `(${l} IS NOT DISTINCT FROM ${r})`, type: typeOf('int(1)', false), bool: true };
      return { sql: `(${l} ${op} ${r})`, type: BOOL, bool: true };
    }
    case 'LIKE':
    case 'NOT LIKE': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
      const escape = node.right?.escape ? exprs.literalText(node.right.escape.value) : '\\';
      // Both sides as keys of their collation: case and accents match as `=` matches them.
      const [a, b, keyEscape] = likeOperands(l, r, escape, exprs.connectionCollation);
      return { sql: `(${a} ${op === 'NOT LIKE' ? 'NOT ' : ''}LIKE ${b} ESCAPE ${quoteString(keyEscape)})`, type: BOOL, bool: true };
    }
    case 'REGEXP':
    case 'RLIKE':
    case 'NOT REGEXP':
    case 'NOT RLIKE': {
      // The pattern rewritten for RE2, under the operands' collation (dialect/regexp.ts).
      return regexpMatch(exprs.emit(node.left), exprs.emit(node.right), op.startsWith('NOT'), exprs.connectionCollation);
    }
    case 'IN':
    case 'NOT IN': {
      if (rowMembers(node.left)) return rowIn(exprs, node, op === 'NOT IN');
      const l = exprs.comparand(node.left);
      if (node.right?.type === 'expr_list' && !node.right.value?.[0]?.ast) {
        const items = (node.right.value as Node[]).map((n) => exprs.comparand(n));
        const pairs = items.map((item) => comparable(l, item, exprs.connectionCollation, 'in'));
        // Each item compares with the left side as their two types do; when they all read the
        // left side alike (a NULL item reads it as is), one IN list, else one = per item.
        const lefts = new Set(pairs.filter((_, i) => items[i]!.type.columnType !== 'null').map((p) => p[0]));
        if (lefts.size <= 1) {
          const left = lefts.size === 1 ? [...lefts][0]! : pairs[0]![0];
          return { sql: `(${left} ${op} (${pairs.map((p) => p[1]).join(', ')}))`, type: BOOL, bool: true };
        }
        const any = `(${pairs.map(([a, b]) => `${a} = ${b}`).join(' OR ')})`;
        return { sql: op === 'IN' ? any : `(NOT ${any})`, type: BOOL, bool: true };
      }
      const subNode = node.right?.type === 'expr_list' ? node.right.value[0] : node.right;
      if (!subNode?.ast) throw new DialectUnsupported(`${op} with ${describeNode(subNode)}`);
      checkSubqueryLimit(subNode.ast);
      // Each value the subquery gives is compared as MySQL compares the two types (a string
      // with a number compares as numbers).
      const sub = exprs.ctx.subquery(subNode.ast, exprs.scope);
      if (sub.columns.length > 1) throw new DialectError('Operand should contain 1 column(s)');
      if (sub.columns.length === 0) return { sql: `(${v(l)} ${op} (${sub.sql}))`, type: BOOL, bool: true };
      const item = { sql: '"__iq_in"."v"', type: { ...sub.columns[0]!.type, source: undefined } };
      const [a, b] = comparable(l, item, exprs.connectionCollation, 'in');
      const values = b === item.sql ? `(${sub.sql})` : `(SELECT ${b} FROM (${sub.sql}) AS "__iq_in"("v"))`;
      return { sql: `(${a} ${op} ${values})`, type: BOOL, bool: true };
    }
    case 'BETWEEN':
    case 'NOT BETWEEN': {
      const l = exprs.comparand(node.left);
      const [lo, hi] = (node.right.value as Node[]).map((n) => exprs.comparand(n));
      const [a, b] = comparable(l, lo!, exprs.connectionCollation, 'between');
      const [a2, c] = comparable(l, hi!, exprs.connectionCollation, 'between');
      // A date compared packed with one bound and as a TIMESTAMP with the other (packed-datetime.ts): two comparisons.
      if (a2 !== a && (isPackedTemporal(a) || isPackedTemporal(a2))) return { sql: `(${op === 'BETWEEN' ? '' : 'NOT '}(${a} >= ${b} AND ${a2} <= ${c}))`, type: BOOL, bool: true };
      return { sql: `(${a} ${op} ${b} AND ${c})`, type: BOOL, bool: true };
    }
    case 'IS':
    case 'IS NOT': {
      const l = exprs.comparand(node.left);
      const not = op === 'IS NOT' ? 'NOT ' : '';
      // A value DuckDB cannot hold (STR_TO_DATE's '2024-00-00') is not NULL: its text says so.
      if (node.right?.type === 'null') return { sql: `(${l.outputText ?? v(l)} IS ${not}NULL)`, type: typeOf('int(1)', false), bool: true };
      if (node.right?.type === 'bool') return { sql: `(${asCondition(l)} IS ${not}${node.right.value ? 'TRUE' : 'FALSE'})`, type: typeOf('int(1)', false), bool: true };
      break;
    }
    case '+':
    case '-':
      if (node.right?.type === 'interval' || node.left?.type === 'interval') {
        const [date, interval] = node.right?.type === 'interval' ? [node.left, node.right] : [node.right, node.left];
        return exprs.dateArithmetic(exprs.emit(date), interval, op === '-' ? -1 : 1);
      }
      return arithmetic(op, operand(exprs.emit(node.left)), operand(exprs.emit(node.right)));
    case '*':
    case '/':
    case 'DIV':
    case '%':
    case 'MOD':
      return arithmetic(op, operand(exprs.emit(node.left)), operand(exprs.emit(node.right)));
    case '->':
    case '->>':
      // MariaDB 10.11 has no JSON path operators: it rejects them as a syntax error (1064).
      throw new DialectError(`You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${op}'`);
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>': {
      const l = exprs.emit(node.left);
      const r = exprs.emit(node.right);
      return { sql: bitOperation(op, asUnsigned64(l), asUnsigned64(r)), type: typeOf('bigint(21) unsigned', l.type.nullable || r.type.nullable) };
    }
  }
  throw new DialectUnsupported(`the operator ${node.operator}`);
}

/**
 * A bit operation on two 64-bit patterns, as MySQL's: a shift by 64 or more is 0, and a left
 * shift drops the bits it pushes past 64 (DuckDB's would raise an overflow).
 */
function bitOperation(op: string, a: string, b: string): string {
  switch (op) {
    case '^':
      return `xor(${a}, ${b})`;
    case '<<':
      return `list_transform([{'a': ${a}, 'b': ${b}}], lambda s: CASE WHEN s.b >= 64 THEN 0::UBIGINT WHEN s.b = 0 THEN s.a ELSE (s.a & ((1::UBIGINT << (64 - s.b)) - 1)) << s.b END)[1]`;
    case '>>':
      return `list_transform([{'a': ${a}, 'b': ${b}}], lambda s: CASE WHEN s.b >= 64 THEN 0::UBIGINT ELSE s.a >> s.b END)[1]`;
    default:
      return `(${a} ${op} ${b})`;
  }
}

/**
 * -x of an integer (Item_func_neg): one character longer, signed, an error (1690) past BIGINT;
 * a BIGINT UNSIGNED literal negates to a DECIMAL, as MariaDB makes it.
 */
function negatedInteger(e: Emitted): Emitted {
  const unsigned = isUnsignedInt(e.type);
  const length = e.type.precision ?? integerPrecision(e.type) + (unsigned ? 0 : 1);
  if (e.type.precision !== undefined && unsigned) return { sql: `(-CAST(${v(e)} AS DECIMAL(20,0)))`, type: typeOf(`decimal(${length},0)`, e.type.nullable) };
  const type = typeOf(integerType(length + 1, false), e.type.nullable);
  if (!unsigned && length <= 18) return { sql: `(-CAST(${v(e)} AS BIGINT))`, type };
  return { sql: `CAST(-CAST(${v(e)} AS HUGEINT) AS BIGINT)`, type };
}

/**
 * An arithmetic operand as MySQL reads it: a DATE, DATETIME or TIME as the number its digits
 * spell (20240131), an ENUM as its member number, a SET as its bits (dialect/temporal-values.ts).
 */
function operand(e: Emitted): Emitted {
  return numericValue(e) ?? e;
}

/** A unary operator: + (dropped, as MySQL's grammar drops it), -, NOT and ~. */
export function unaryExpression(exprs: ExpressionEmitter, node: Node): Emitted {
  if (String(node.operator) === '-') {
    const literal = negatedIntegerLiteral(node.expr);
    if (literal) return literal;
  }
  if (String(node.operator) === '-') {
    const variable = negatedVariable(node.expr, (name) => exprs.ctx.userVariable?.(name));
    if (variable) return variable;
  }
  const emitted = exprs.emit(node.expr);
  const e = String(node.operator) === '-' ? operand(emitted) : emitted;
  switch (String(node.operator).toUpperCase()) {
    case '+':
      // MySQL's grammar drops a unary plus: the operand, its type and its origin are unchanged.
      return e;
    case '-': {
      const f = familyOf(e.type);
      if (f === 'int' || f === 'year') return negatedInteger(e);
      // `-(x)`, never `--x`: DuckDB reads `--` as a comment.
      return { sql: `(-(${NUMERIC.has(f) || f === 'unknown' ? v(e) : numberOf(e)}))`, type: NUMERIC.has(f) || f === 'unknown' ? { ...e.type, source: undefined, precision: undefined } : typeOf('double', e.type.nullable) };
    }
    case 'NOT':
    case '!':
      return { sql: `(NOT ${asCondition(e)})`, type: { ...BOOL, nullable: e.type.nullable }, bool: true };
    case '~':
      return { sql: `(~${asUnsigned64(e)})`, type: typeOf('bigint(21) unsigned', e.type.nullable) };
  }
  throw new DialectUnsupported(`the operator ${node.operator}`);
}

/**
 * `-` before an integer literal, folded exactly as MySQL reads a negative literal:
 * `-9223372036854775808` is the least BIGINT (not a negated BIGINT UNSIGNED), beyond it a DECIMAL.
 */
function negatedIntegerLiteral(expr: Node): Emitted | undefined {
  const text = expr?.type === 'bigint' || expr?.type === 'number' ? String(expr.value) : '';
  if (!/^\d{16,}$/.test(text)) return undefined;
  const value = -BigInt(text);
  const digits = text.replace(/^0+(?=\d)/, '').length;
  if (value >= -(2n ** 63n)) return { sql: `CAST('${value}' AS BIGINT)`, type: typeOf(`bigint(${digits + 1})`, false) };
  if (digits > 38) return undefined;
  return { sql: `CAST('${value}' AS DECIMAL(${digits},0))`, type: typeOf(`decimal(${digits},0)`, false) };
}
