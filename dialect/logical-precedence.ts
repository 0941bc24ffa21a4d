// node-sql-parser's MySQL grammar reads a chain of AND, OR and XOR in a condition (WHERE, ON,
// HAVING, CASE WHEN) left to right with equal precedence: `a OR b AND c` comes back as
// `(a OR b) AND c`. MySQL binds AND tighter than XOR, and XOR tighter than OR. This pass
// rebuilds every unparenthesized chain with MySQL's precedence. It relies on the tree keeping
// the operands in source order and marking parenthesized groups (`parentheses: true`), which
// the parser does.

import { DialectUnsupported } from './dialect-error.ts';
import { callName } from './call-name.ts';

type Node = Record<string, unknown>;

const LEVEL: Record<string, number> = { OR: 0, '||': 0, XOR: 1, AND: 2, '&&': 2 };

const isLogical = (n: unknown): n is Node =>
  typeof n === 'object' && n !== null && (n as Node).type === 'binary_expr' && LEVEL[String((n as Node).operator).toUpperCase()] !== undefined;
const isChainLink = (n: unknown): n is Node => isLogical(n) && !n.parentheses;

/** Operands and operators of an unparenthesized chain, in source order. */
function flatten(n: Node, operands: unknown[], operators: string[]): void {
  if (isChainLink(n.left)) flatten(n.left, operands, operators);
  else operands.push(n.left);
  operators.push(String(n.operator));
  if (isChainLink(n.right)) flatten(n.right, operands, operators);
  else operands.push(n.right);
}

/** Builds the chain with the loosest operator at the top, left-associative within a level. */
function rebuild(operands: unknown[], operators: string[]): unknown {
  if (operators.length === 0) return operands[0];
  const loosest = Math.min(...operators.map((o) => LEVEL[o.toUpperCase()]!));
  // Left-associative: the last operator at the loosest level is the root.
  let at = operators.length - 1;
  while (LEVEL[operators[at]!.toUpperCase()] !== loosest) at--;
  return {
    type: 'binary_expr',
    operator: operators[at],
    left: rebuild(operands.slice(0, at + 1), operators.slice(0, at)),
    right: rebuild(operands.slice(at + 1), operators.slice(at + 1)),
  };
}

/** Rewrites, in place and throughout `ast`, each logical chain with MySQL's precedence. */
export function fixLogicalPrecedence<T>(ast: T): T {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i]);
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const node = value as Node;
    for (const key of Object.keys(node)) node[key] = visit(node[key]);
    // The grammar also binds XOR tighter than comparisons (`a = 1 XOR b = 2` comes back as
    // `a = (1 XOR b) = 2`); that cannot be told apart from the written form, so it is refused.
    const operands2 = [node.left, node.right];
    if (node.type === 'binary_expr' && !isLogical(node) && operands2.some((o) => isChainLink(o) && String(o.operator).toUpperCase() === 'XOR')) {
      throw new DialectUnsupported('XOR next to a comparison or arithmetic without parentheses; write (a = 1) XOR (b = 2)');
    }
    if (!isLogical(node)) return (node as Node).type === 'binary_expr' ? hoistNot(node as Node) : node;
    const operands: unknown[] = [];
    const operators: string[] = [];
    flatten(node, operands, operators);
    const rebuilt = rebuild(operands, operators) as Node;
    if (node.parentheses) rebuilt.parentheses = true;
    return rebuilt;
  };
  return visit(ast) as T;
}

/** `NOT (x)` as the grammar reads it: a call of a function NOT (or a NOT this pass moved up). */
function notOperand(n: unknown): Node | undefined {
  if (typeof n !== 'object' || n === null || (n as Node).parentheses) return undefined;
  const node = n as Node;
  if (node.hoistedNot) return node;
  const args = ((node.args as Node | undefined)?.value ?? []) as unknown[];
  return callName(node) === 'NOT' && args.length === 1 ? node : undefined;
}

/**
 * MySQL's NOT binds looser than every comparison and arithmetic operator: `NOT (a) IS NULL` is
 * `NOT ((a) IS NULL)`. The grammar reads `NOT (a)` as a call and applies IS NULL to it; when
 * such a NOT is the left operand of a non-logical operator, NOT moves up over that operator.
 */
function hoistNot(node: Node): Node {
  const not = notOperand(node.left);
  if (!not) return node;
  const inner = not.hoistedNot ? (not.expr as Node) : { ...(((not.args as Node).value as Node[])[0] as Node), parentheses: true };
  return { type: 'unary_expr', operator: 'NOT', expr: { ...node, left: inner }, hoistedNot: true };
}
