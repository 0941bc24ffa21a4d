// How a refusal names an AST node the dialect cannot translate: its kind (and operator), else the
// start of its JSON, so the message points at the construct without quoting the whole tree.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */

export function describeNode(node: any): string {
  return node?.type ? `of kind ${node.type}${node.operator ? ` ${node.operator}` : ''}` : JSON.stringify(node)?.slice(0, 60) ?? 'undefined';
}
