// DECIMAL user variables in a query (`SET @p = 1.50; SELECT @p + 1, CONCAT(@p, '!'), @p IS NULL`).
// MariaDB reads such a variable as a DECIMAL(65,38): arithmetic on it is typed with 38 decimals
// and printed with them (2.50000000000000000000000000000000000000), past what DuckDB's DECIMAL
// holds. Its digits are known when the statement is translated, so a select item that is
// arithmetic over constants only (DECIMAL/integer variables, number literals) is computed here
// exactly, as MariaDB's decimal library computes it, and written in as its printed text under a
// DECIMAL column of MariaDB's decimals. Where only the value counts (IS NULL, CONCAT's arguments)
// the variable is written as its own digits. Anything else stays refused (user-variables.ts).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { typeOf, type ExprType } from './mysql-types.ts';
import { userVariableName } from './user-variable-names.ts';
import type { UserValue } from './user-variables.ts';
import type { Literal } from './parser-input.ts';
import { callName } from './call-name.ts';

type Node = any;
type Lookup = (name: string) => UserValue | undefined;

/** An exact decimal: `units` / 10^scale. */
export interface Exact {
  units: bigint;
  scale: number;
}

/** A constant operand or result: its value (null for NULL) and the decimals MariaDB types it with. */
interface Folded {
  value: Exact | null;
  decimals: number;
  /** It reads a DECIMAL variable (only then is the item folded here). */
  decimalVariable: boolean;
}

/** MariaDB's most decimals, a DECIMAL variable's own, and its decimals increment for `/`. */
const MAX_SCALE = 38;
const DIV_INCREMENT = 4;
/** Integer digits beyond which the 65-digit DECIMAL (27 + 38 decimals) is not trusted here. */
const MAX_INT_DIGITS = 27;

export function parseExact(text: string): Exact | null {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) return null;
  const frac = m[3] ?? '';
  const units = BigInt((m[2] || '0') + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const rescale = (x: Exact, scale: number): bigint => x.units * pow10(scale - x.scale);

/** `x` rounded half away from zero to `scale` decimals (MariaDB's HALF_UP); padded when it has fewer. */
export function roundTo(x: Exact, scale: number): Exact {
  if (x.scale <= scale) return { units: rescale(x, scale), scale };
  const d = pow10(x.scale - scale);
  const neg = x.units < 0n;
  const abs = neg ? -x.units : x.units;
  const q = (abs + d / 2n) / d;
  return { units: neg ? -q : q, scale };
}

/** `x` printed with exactly its scale's decimals, as MariaDB prints a DECIMAL. */
export function printExact(x: Exact): string {
  const neg = x.units < 0n;
  const digits = (neg ? -x.units : x.units).toString().padStart(x.scale + 1, '0');
  const int = digits.slice(0, digits.length - x.scale);
  const frac = digits.slice(digits.length - x.scale);
  return `${neg && x.units !== 0n ? '-' : ''}${int}${x.scale ? '.' + frac : ''}`;
}

/** Digits a fraction of `f` decimals takes in MariaDB's base-10^9 words. */
const wordDigits = (f: number): number => Math.ceil(f / 9) * 9;

/**
 * a / b as MariaDB's do_div_mod: the quotient is cut (not rounded) after a whole number of
 * 9-digit words: the words both operands' fractions fill, plus the 4-digit increment less the
 * padding those words already give. Then the item rounds it to its decimals.
 */
export function divideExact(a: Exact, b: Exact): Exact | null | undefined {
  if (b.units === 0n) return null;
  const f1 = wordDigits(a.scale);
  const f2 = wordDigits(b.scale);
  const increment = Math.max(0, DIV_INCREMENT - (f1 - a.scale) - (f2 - b.scale));
  const scale = wordDigits(f1 + f2 + increment);
  // Past 3 words MariaDB's 9-word buffer may cut the fraction shorter: not followed here.
  if (scale > 27) return undefined;
  // units = a/b * 10^scale, truncated toward zero (BigInt division truncates).
  const units = (a.units * pow10(scale + b.scale)) / (b.units * pow10(a.scale));
  return { units, scale };
}

/** Integer digits of `x`. */
const intDigits = (x: Exact): number => printExact({ units: x.units < 0n ? -x.units : x.units, scale: x.scale }).split('.')[0]!.replace(/^0+/, '').length;

/** A number literal node's exact value; null for anything else. */
function literalExact(node: Node): Exact | null {
  // Past 2^53 the parser keeps the text written.
  if (node?.type === 'bigint') return parseExact(String(node.value));
  if (node?.type !== 'number') return null;
  if (typeof node.value === 'number') return Number.isSafeInteger(node.value) ? { units: BigInt(node.value), scale: 0 } : null;
  // The parser holds `1.50` as parseFloat(text).toFixed(its decimals): its digits are the ones
  // written only up to 15 significant digits (what a double keeps); longer ones are not trusted.
  if (typeof node.value !== 'string' || node.value.replace(/[-.]/g, '').replace(/^0+/, '').length > 15) return null;
  return parseExact(node.value);
}

const isVariable = (n: Node): boolean => n?.type === 'var' && n.prefix === '@' && !n.members?.length;

/** `node` computed as MariaDB does when it is made of constants only; undefined when it is not. */
function fold(node: Node, lookup: Lookup, top: boolean): Folded | undefined {
  if (isVariable(node)) {
    const value = lookup(userVariableName(String(node.name)));
    if (value?.kind === 'decimal') {
      const x = value.inexact ? null : parseExact(value.text);
      return x ? { value: x, decimals: MAX_SCALE, decimalVariable: true } : undefined;
    }
    if (value?.kind === 'null' && value.was === 'decimal') return { value: null, decimals: MAX_SCALE, decimalVariable: true };
    if (value?.kind === 'int') return { value: { units: BigInt(value.text), scale: 0 }, decimals: 0, decimalVariable: false };
    if (value?.kind === 'null' && value.was === 'int') return { value: null, decimals: 0, decimalVariable: false };
    return undefined;
  }
  const literal = literalExact(node);
  if (literal) return { value: literal, decimals: literal.scale, decimalVariable: false };
  if (node?.type === 'unary_expr' && node.operator === '-') {
    const x = fold(node.expr, lookup, false);
    return x && { ...x, value: x.value && { units: -x.value.units, scale: x.value.scale } };
  }
  if (node?.type !== 'binary_expr' || !['+', '-', '*', '/'].includes(node.operator)) return undefined;
  // A quotient's scale is cut by the word rule, then rounded by the item: only a division that
  // is the whole item is done here (what an operation on its rounded value sees is not).
  if (node.operator === '/' && !top) return undefined;
  const l = fold(node.left, lookup, false);
  const r = fold(node.right, lookup, false);
  if (!l || !r) return undefined;
  const decimalVariable = l.decimalVariable || r.decimalVariable;
  const op: string = node.operator;
  const decimals = op === '*' ? Math.min(l.decimals + r.decimals, MAX_SCALE) : op === '/' ? Math.min(l.decimals + DIV_INCREMENT, MAX_SCALE) : Math.max(l.decimals, r.decimals);
  if (!l.value || !r.value) return { value: null, decimals, decimalVariable };
  const a = l.value;
  const b = r.value;
  let value: Exact | null;
  if (op === '+' || op === '-') {
    const scale = Math.max(a.scale, b.scale);
    value = { units: op === '+' ? rescale(a, scale) + rescale(b, scale) : rescale(a, scale) - rescale(b, scale), scale };
  } else if (op === '*') {
    value = { units: a.units * b.units, scale: a.scale + b.scale };
    if (value.scale > MAX_SCALE) return undefined;
  } else {
    // A zero divisor is NULL (MariaDB's warning 1365).
    const quotient = divideExact(a, b);
    if (quotient === undefined) return undefined;
    value = quotient && roundTo(quotient, Math.min(quotient.scale, decimals));
  }
  // Every step within MariaDB's 65 digits (27 whole ones beside 38 decimals).
  if (value && intDigits(value) > MAX_INT_DIGITS) return undefined;
  return { value, decimals, decimalVariable };
}

/** A column so folded: its index and the type MariaDB sends for it. */
export interface FoldedColumn {
  index: number;
  type: ExprType;
}

/**
 * Folds the select items that are arithmetic over DECIMAL variables and constants (replaced in
 * the tree by their printed text as string literals, appended to `literals`), and writes a
 * DECIMAL variable's own digits where only its value counts. Returns the folded columns.
 */
export function foldDecimalVariables(ast: Node, lookup: Lookup, literals: Literal[]): { folded: FoldedColumn[]; touched: boolean } {
  const items: Node[] = Array.isArray(ast?.columns) ? ast.columns : [];
  const folded: FoldedColumn[] = [];
  const touched = { any: false };
  items.forEach((item, index) => {
    const e = item?.expr;
    if (e?.type !== 'binary_expr' && e?.type !== 'unary_expr') return;
    const f = fold(e, lookup, true);
    if (!f?.decimalVariable) return;
    if (f.value && intDigits(f.value) > MAX_INT_DIGITS) return;
    if (f.value) {
      literals.push({ kind: 'string', value: printExact(roundTo(f.value, f.decimals)), binary: false });
      item.expr = { type: 'single_quote_string', value: `__iq_lit_${literals.length - 1}` };
    } else item.expr = { type: 'null', value: null };
    folded.push({ index, type: typeOf(`decimal(38,${f.decimals})`, true) });
  });
  // Read through a lookup that notes the read: the translation then is not cached (translate.ts).
  ownDigits(ast, (name) => {
    const v = lookup(name);
    if (v?.kind === 'decimal' || (v?.kind === 'null' && v.was === 'decimal')) touched.any = true;
    return v;
  }, literals, null);
  return { folded, touched: touched.any || folded.length > 0 };
}

/** Functions whose arguments are read only as text: a DECIMAL variable there is its own digits. */
const TEXT_ARGUMENTS = new Set(['CONCAT', 'CONCAT_WS']);

/** Writes DECIMAL variables under IS [NOT] NULL and in CONCAT's arguments as their value. */
function ownDigits(node: Node, lookup: Lookup, literals: Literal[], context: 'text' | 'null' | null): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) ownDigits(n, lookup, literals, context);
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (!child || typeof child !== 'object') continue;
    const list = Array.isArray(child) ? child : [child];
    const childContext = node.type === 'function' && key === 'args' && TEXT_ARGUMENTS.has(callName(node) ?? '') ? 'text' : node.type === 'binary_expr' && (node.operator === 'IS' || node.operator === 'IS NOT') && node.right?.type === 'null' && key === 'left' ? 'null' : null;
    list.forEach((n: Node, i: number) => {
      const values = n?.type === 'expr_list' && Array.isArray(n.value) ? n.value : null;
      if (values && childContext) {
        values.forEach((x: Node, j: number) => {
          const replaced = digitsNode(x, lookup, literals, childContext);
          if (replaced) values[j] = replaced;
          else ownDigits(x, lookup, literals, null);
        });
        return;
      }
      const replaced = childContext ? digitsNode(n, lookup, literals, childContext) : null;
      if (!replaced) return ownDigits(n, lookup, literals, null);
      if (Array.isArray(child)) child[i] = replaced;
      else node[key] = replaced;
    });
  }
}

/** A DECIMAL variable's value as a node: a string of its digits for text, a number for IS NULL. */
function digitsNode(node: Node, lookup: Lookup, literals: Literal[], context: 'text' | 'null'): Node | null {
  if (!isVariable(node)) return null;
  const value = lookup(userVariableName(String(node.name)));
  if (value?.kind === 'null' && value.was === 'decimal') return { type: 'null', value: null };
  if (value?.kind !== 'decimal' || value.inexact) return null;
  if (context === 'null') return { type: 'number', value: 1 };
  literals.push({ kind: 'string', value: value.text, binary: false });
  return { type: 'single_quote_string', value: `__iq_lit_${literals.length - 1}` };
}

/** The columns foldDecimalVariables folded, described as MariaDB describes them. */
export function foldedColumns<C extends { type: ExprType }>(columns: C[] | null, folded: FoldedColumn[]): C[] | null {
  if (!columns || folded.length === 0) return columns;
  return columns.map((c, i) => {
    const f = folded.find((x) => x.index === i);
    return f ? { ...c, type: f.type } : c;
  });
}
