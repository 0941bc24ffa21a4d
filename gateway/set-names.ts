// SET NAMES and SET CHARACTER SET as MariaDB applies them to the session's variables: NAMES sets
// the client, connection and results charsets and collation_connection (the charset's default
// collation, or the one named by COLLATE); CHARACTER SET sets the client and results charsets and
// gives the connection the database's. A user variable set after takes collation_connection, so
// it must follow (MariaDB compares a variable of utf8mb3 with a utf8mb4 column, not an error).
import { SqlError } from './sql-errors.ts';

/** The charsets MariaDB names here, each with its default collation. */
const DEFAULT_COLLATIONS: Record<string, string> = {
  utf8mb4: 'utf8mb4_general_ci',
  utf8mb3: 'utf8mb3_general_ci',
  latin1: 'latin1_swedish_ci',
  ascii: 'ascii_general_ci',
  binary: 'binary',
};

const unquote = (word: string) => word.replace(/^(['"`])(.*)\1$/s, '$2').toLowerCase();
const charsetName = (word: string) => (unquote(word) === 'utf8' ? 'utf8mb3' : unquote(word));

/**
 * The variables a `NAMES …` or `CHARACTER SET …` part of a SET sets (empty when the statement has
 * none); a charset or collation not known here is refused by name.
 */
export function namesAssignments(parts: string[], vars: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of parts) {
    const names = /^\s*names\s+(\S+)(?:\s+collate\s+(\S+))?\s*$/is.exec(part);
    const charset = /^\s*(?:character\s+set|charset)\s+(\S+)\s*$/is.exec(part);
    if (!names && !charset) continue;
    const given = (names ?? charset)![1]!;
    const cs = unquote(given) === 'default' ? (vars.get('character_set_server') ?? 'utf8mb4') : charsetName(given);
    const defaultCollation = DEFAULT_COLLATIONS[cs];
    if (!defaultCollation) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support the character set '${cs}'`);
    out.set('character_set_client', cs).set('character_set_results', cs);
    if (charset) {
      const dbCharset = vars.get('character_set_database');
      const dbCollation = vars.get('collation_database');
      if (dbCharset && dbCollation) out.set('character_set_connection', dbCharset).set('collation_connection', dbCollation);
      continue;
    }
    const collation = names![2] ? unquote(names![2]).replace(/^utf8_/, 'utf8mb3_') : defaultCollation;
    if (!collation.startsWith(`${cs}_`) && collation !== cs) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support the collation '${collation}' for the character set '${cs}'`);
    out.set('character_set_connection', cs).set('collation_connection', collation);
  }
  return out;
}
