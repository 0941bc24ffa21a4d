// `CASE (x) WHEN …`: node-sql-parser's grammar takes `CASE (` for the start of a call and fails.
// The parentheses around a simple CASE's operand, when they close right before its first WHEN,
// change nothing (the operand is one expression either way), so parser-input drops them.
import type { Token } from './tokenizer.ts';

const word = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

function matching(solid: Token[], open: number): number | null {
  let depth = 0;
  for (let j = open; j < solid.length; j++) {
    const text = solid[j]!.kind === 'other' ? solid[j]!.text : '';
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return j;
  }
  return null;
}

/**
 * For `CASE` at `at` followed by `(`: the indexes of the parentheses around its operand (nested
 * ones too: `CASE ((x)) WHEN`) when WHEN follows them and they hold no subquery; else null (the
 * statement is left as written).
 */
export function caseOperandParens(solid: Token[], at: number): number[] | null {
  let open = at + 1;
  let close = solid[open]?.text === '(' ? matching(solid, open) : null;
  if (close === null || word(solid[close + 1]) !== 'WHEN') return null;
  const parens: number[] = [];
  while (close !== null && solid[open]?.text === '(' && matching(solid, open) === close) {
    if (word(solid[open + 1]) === 'SELECT' || word(solid[open + 1]) === 'WITH') return null;
    parens.push(open, close);
    open++;
    close--;
  }
  return parens.length ? parens : null;
}
