// The name lists generated from the server's own catalog (scripts/mysql-builtin-functions.sh),
// read once: one name a line, '#' lines are comments.
import { readFileSync } from 'node:fs';

export function readNameList(file: URL): ReadonlySet<string> {
  return new Set(readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
}
