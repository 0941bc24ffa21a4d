// MySQL literals and system variables as DuckDB SQL with the types MySQL gives them. An integer
// is INT up to 9 digits, then BIGINT, BIGINT UNSIGNED, DECIMAL; a number with a point is an exact
// DECIMAL; a string literal comes back from parser-input's placeholder (the parser never sees its
// text); @@name is the session's value, written into the statement.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { describeNode } from './describe-node.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { decimalType, stringType, typeOf } from './mysql-types.ts';
import { STRING_PLACEHOLDER, type Literal } from './parser-input.ts';
import { COERCIBLE } from './collation.ts';

type Node = any;

function integerLiteral(text: string): Emitted {
  const digits = text.replace(/^-/, '').length;
  // MariaDB counts a literal's digits, not its sign, as its precision (Item_int).
  const precision = digits;
  if (digits <= 9) return { sql: text, type: { ...typeOf(`int(${text.length})`, false), precision } };
  if (digits <= 18 || (digits === 19 && BigInt(text) <= 9223372036854775807n && BigInt(text) >= -9223372036854775808n)) return { sql: `${text}::BIGINT`, type: { ...typeOf(`bigint(${text.length})`, false), precision } };
  if (!text.startsWith('-') && BigInt(text) <= 18446744073709551615n) return { sql: `${text}::UBIGINT`, type: { ...typeOf(`bigint(${text.length}) unsigned`, false), precision } };
  return { sql: `${text}::DECIMAL(38,0)`, type: typeOf(decimalType(digits, 0), false) };
}

function decimalLiteral(text: string): Emitted {
  const [int = '', frac = ''] = text.replace(/^-/, '').split('.');
  const intDigits = Math.max(int.replace(/^0+/, '').length, 1);
  // MariaDB keeps up to 38 decimals; DuckDB's DECIMAL arithmetic here holds 30.
  if (frac.length > 30 && intDigits + frac.length <= 38) throw new DialectUnsupported(`the literal ${text} (more than 30 decimals)`);
  if (intDigits + frac.length > 38) return { sql: `${text}::DOUBLE`, type: typeOf('double', false) };
  return { sql: `${text}::DECIMAL(${intDigits + frac.length},${frac.length})`, type: typeOf(decimalType(intDigits, frac.length), false) };
}

/** A number node as written: an integer, or digits with a point. */
export function numberLiteral(node: Node): Emitted {
  const text = String(node.value);
  // The parser folds a sign into a number it then holds as a JS double: past 2^53 its digits are gone.
  if (typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) throw new DialectUnsupported(`the signed integer literal ${text} (past 2^53 its digits are lost)`);
  if (/^-?\d+$/.test(text)) return integerLiteral(text);
  if (/^-?\d*\.\d+$|^-?\d+\.\d*$/.test(text)) return decimalLiteral(text);
  throw new DialectUnsupported(`the number ${text}`);
}

/** A string, hex, bit, DOUBLE or DECIMAL literal that parser-input left as a placeholder. */
export function placeholderLiteral(node: Node, literals: Literal[]): Emitted {
  const m = STRING_PLACEHOLDER.exec(String(node.value));
  const lit = m ? literals[Number(m[1])] : undefined;
  if (!lit) throw new DialectUnsupported(`the literal ${String(node.value).slice(0, 40)}`);
  switch (lit.kind) {
    case 'string':
      if (lit.binary) return { sql: `from_hex('${Buffer.from(lit.value, 'utf8').toString('hex')}')`, type: typeOf(stringType(Buffer.byteLength(lit.value), true), false) };
      return { sql: quoteString(lit.value), type: { ...typeOf(stringType([...lit.value].length), false), ...(lit.collation ? { collation: lit.collation, coercibility: COERCIBLE } : {}) } };
    case 'hex':
    case 'bits':
      return { sql: `from_hex('${lit.bytes.toString('hex')}')`, type: typeOf(stringType(lit.bytes.length, true), false) };
    case 'double':
      return { sql: `${lit.text}::DOUBLE`, type: typeOf('double', false) };
    case 'decimal':
      return decimalLiteral(lit.text);
    case 'frame':
      throw new DialectUnsupported('a window frame here');
    case 'jsonTable':
      throw new DialectUnsupported('a JSON_TABLE here');
  }
}

/** The literal string a node is, for places MySQL wants one (ESCAPE, SEPARATOR, a JSON path). */
export function literalText(node: Node, literals: Literal[]): string {
  const m = STRING_PLACEHOLDER.exec(String(node?.value));
  const lit = m ? literals[Number(m[1])] : undefined;
  if (lit?.kind !== 'string') throw new DialectUnsupported(`a non-literal ${describeNode(node)} where MySQL wants a string literal`);
  return lit.value;
}

/** DATE '…', DATETIME '…' and TIMESTAMP '…': a DATETIME keeps the fraction digits written. */
export function temporalLiteral(node: Node, literals: Literal[]): Emitted {
  const text = literalText(node, literals);
  if (node.type === 'date') return { sql: `DATE ${quoteString(text)}`, type: typeOf('date', false) };
  const fsp = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  return { sql: `TIMESTAMP ${quoteString(text)}`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', false) };
}

/** @@name as the literal of its value in this session; a user variable (@name) is refused. */
export function systemVariableValue(node: Node, session: { systemVariable(name: string): string | undefined }): Emitted {
  if (node.prefix !== '@@') throw new DialectUnsupported(`user variables (@${node.name}) in a query`);
  const name = (node.members?.length ? node.members[node.members.length - 1] : node.name) as string;
  // @@GLOBAL.x is the server's value, not this session's (a SET SESSION does not change it).
  const global = node.members?.length && String(node.name).toLowerCase() === 'global';
  const value = session.systemVariable(`${global ? 'global.' : ''}${String(name).toLowerCase()}`);
  if (value === undefined) throw new DialectUnsupported(`the system variable @@${name}`);
  return /^-?\d+$/.test(value) ? integerLiteral(value) : { sql: quoteString(value), type: typeOf(stringType(value.length), false) };
}
