// Turns config mistakes into messages that name the key and say what to do.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** One problem per key that the schema does not know, with the nearest known key as a hint. */
export function unknownKeyProblems(config: Record<string, unknown>, known: string[], where = ''): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue;
    const guess = known.length > 0 ? closest(key, known) : undefined;
    const hint = guess !== undefined && distance(key, guess) <= Math.max(2, Math.floor(key.length / 4)) ? ` — did you mean '${where}${guess}'?` : '';
    problems.push(`unknown config key '${where}${key}'${hint} (known keys: ${known.join(', ')})`);
  }
  return problems;
}

export function formatZodProblems(error: z.ZodError, raw: unknown, where = ''): string[] {
  return error.issues
    .filter((issue) => issue.code !== 'unrecognized_keys')
    .map((issue) => {
      const name = `${where}${issue.path.map(String).join('.')}`;
      // zod 4 does not keep the input on issues, so "missing" is decided from the raw config.
      if (issue.path.length > 0 && valueAt(raw, issue.path) === undefined) return `missing required config key '${name}'`;
      return `config key '${name}': ${issue.message}`;
    });
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
