// The long-tail corpus: every class, in one list. Each class file owns its tables and queries.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';
import { groupingClass } from './grouping.ts';
import { temporalClass } from './temporal.ts';
import { jsonClass } from './json.ts';
import { stringsNumbersClass } from './strings-numbers.ts';
import { syntaxClass } from './syntax.ts';
import { toolSessionsClass } from './tool-sessions.ts';

const CLASSES: LongTailClass[] = [groupingClass, temporalClass, jsonClass, stringsNumbersClass, syntaxClass, toolSessionsClass];

export type { LongTailQuery };

/** Setup statements of every class, run on the source after the semantics data. */
export function longTailSetup(): string[] {
  return CLASSES.flatMap((c) => c.setup);
}

/** Every query; LONG_TAIL_CATEGORIES=a,b keeps the categories starting with one of those prefixes. */
export function longTailCorpus(): LongTailQuery[] {
  const all = CLASSES.flatMap((c) => c.queries);
  const only = process.env.LONG_TAIL_CATEGORIES?.split(',').filter(Boolean);
  return only ? all.filter((q) => only.some((p) => q.category.startsWith(p))) : all;
}
