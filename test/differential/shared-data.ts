// Third-party test data (the sqllogictest corpus) is read where CI keeps it, next to the
// repository in ../shared, and is never copied into the repository.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder: $INSTAQUERY_SHARED_DIR, else ../shared beside the repository. */
export function sharedDir(): string {
  const candidates = [process.env.INSTAQUERY_SHARED_DIR, join(repoRoot, '../shared'), '/work/shared'].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(join(d, 'sqllogictest', 'MANIFEST.tsv')));
  if (!found) throw new Error(`the shared test data (sqllogictest/MANIFEST.tsv) is in none of ${candidates.join(', ')}; set INSTAQUERY_SHARED_DIR to the folder that holds it`);
  return found;
}
