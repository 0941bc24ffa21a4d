// Splits a multi-statement COM_QUERY ("SELECT 1; SELECT 2") at the semicolons that end
// statements — not those inside strings, quoted names or comments. Empty statements are dropped.
import { tokenize } from './tokenizer.ts';

export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const t of tokenize(sql)) {
    if (t.kind !== 'other' || t.text !== ';') continue;
    out.push(sql.slice(from, t.start));
    from = t.start + 1;
  }
  out.push(sql.slice(from));
  return out.filter((s) => s.replace(/(\s|\/\*[\s\S]*?\*\/|--[^\n]*(\n|$)|#[^\n]*(\n|$))+/g, '') !== '');
}
