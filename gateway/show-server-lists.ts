// SHOW ENGINES, SHOW CHARACTER SET (CHARSET) and SHOW COLLATION: the source server's own lists,
// as its connector recorded them (core/source-server.ts), since the gateway presents itself as
// that server. Tables reach the store from the source with the source's engines and character
// sets, and the gateway writes none (every write is refused with its own error), so the source's
// lists are the honest ones. `LIKE` filters on the first column as MySQL does; `WHERE` is refused.
import type { SourceServerLists, SourceShowList } from '../core/index.ts';
import { Charset, ColumnType } from './protocol/constants.ts';
import type { QueryResult, ResultColumn } from './result-set.ts';
import { SqlError } from './sql-errors.ts';

const TEXT_TYPES = new Set<number>([ColumnType.VAR_STRING, ColumnType.VARCHAR, ColumnType.STRING]);

function listed(list: SourceShowList, like: ((value: string) => boolean) | null, textCharset: number): QueryResult {
  const columns: ResultColumn[] = list.columns.map((c) => ({
    schema: '', table: '', orgTable: '', name: c.name, orgName: c.name,
    charset: TEXT_TYPES.has(c.type) ? textCharset : Charset.BINARY,
    length: c.length, type: c.type, flags: c.flags, decimals: c.decimals,
  }));
  return { kind: 'rows', columns, rows: like ? list.rows.filter((r) => r[0] !== null && like(r[0]!)) : list.rows };
}

/**
 * The answer to one of these SHOWs from the recorded lists; null when the statement is none of
 * them or no lists were recorded (show-statements.ts then answers as before).
 */
export function answerServerList(
  text: string,
  lists: SourceServerLists | null | undefined,
  likeMatcher: (pattern: string | undefined) => (value: string) => boolean,
  textCharset: number = Charset.UTF8MB4_GENERAL_CI,
): QueryResult | null {
  const m = /^show\s+(?:(?:storage\s+)?engines|character\s+set|charset|collation)\b/i.exec(text);
  if (!m || !lists) return null;
  const word = m[0].toLowerCase();
  const list = /engines$/.test(word) ? lists.engines : /collation$/.test(word) ? lists.collations : lists.charsets;
  const rest = text.slice(m[0].length).replace(/\s*;?\s*$/, '');
  if (rest === '') return listed(list, null, textCharset);
  const like = /^\s+like\s+'((?:[^'\\]|''|\\.)*)'$/i.exec(rest);
  if (like && !/engines$/.test(word)) return listed(list, likeMatcher(like[1]!.replace(/''/g, "'")), textCharset);
  if (/^\s+where\b/i.test(rest)) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${text.slice(0, 60)}' (SHOW … WHERE)`);
  throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${rest.trim().slice(0, 80)}' at line 1`);
}
