// The statement MySQL executes, as text: comments are not always comments there.
// MySQL runs the body of `/*! … */` and of `/*!NNNNN … */` when NNNNN is not above its own version
// (https://dev.mysql.com/doc/refman/8.0/en/comments.html); `/*M! … */` is MariaDB's own form, a
// plain comment to the MySQL 8.0 this gateway reports being. Reading such a comment as a comment
// would make the gateway check one statement while the client (or an upstream it forwards to)
// means another: `SELECT 1 /*!, (SELECT api_key FROM secret.t) */` is two columns to MySQL.
// So every later step works on this text: executable comments unwrapped, the others reduced to a
// space, optimizer hints (`/*+ … */`, read by the gateway and harmless upstream) kept as written.

/** The version `/*!NNNNN` comments are compared with: the MySQL 8.0.36 the gateway reports. */
const MYSQL_VERSION_ID = 80036;

/**
 * Whether a `/*!NNNNN` comment runs. MySQL compares NNNNN with its version. MariaDB compares a
 * six-digit one with its own (101119), runs a five-digit one below 50700, and reads 50700-99999
 * as MySQL 5.7+ syntax it does not have: a plain comment there (80000 does not run).
 */
function runsVersioned(digits: string, version: number, mariaDbVersionId: number | undefined): boolean {
  if (mariaDbVersionId === undefined) return version <= MYSQL_VERSION_ID;
  if (digits.length === 5 && version >= 50700) return false;
  return version <= mariaDbVersionId;
}

/**
 * `mariaDbVersionId`: when the gateway presents itself as a MariaDB source (e.g. 101119 for
 * 10.11.19), MariaDB's own `/*M!NNNNNN` comments run as on MariaDB (mariadb-dump sends one
 * around `SET @@MAX_STATEMENT_TIME=0.000000`); without it they are comments.
 */
export function executableText(sql: string, mariaDbVersionId?: number): string {
  // Fast path: nothing that could be a comment.
  if (!/\/\*|#|--/.test(sql)) return sql;
  let out = '';
  let i = 0;
  /** Inside an executable comment's body, whose `*\/` ends it. */
  let inExecutable = false;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = quotedEnd(sql, i);
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (inExecutable && c === '*' && sql[i + 1] === '/') {
      out += ' ';
      i += 2;
      inExecutable = false;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const versioned = /^\/\*(M?)!(\d{5,6})?/.exec(sql.slice(i, i + 10));
      if (versioned && !inExecutable) {
        const mariaDbOnly = versioned[1] === 'M';
        const version = versioned[2] ? Number(versioned[2]) : 0;
        if (mariaDbOnly ? mariaDbVersionId !== undefined && version <= mariaDbVersionId : runsVersioned(versioned[2] ?? '', version, mariaDbVersionId)) {
          out += ' ';
          i += versioned[0].length;
          inExecutable = true;
          continue;
        }
      }
      const close = sql.indexOf('*/', i + 2);
      const end = close < 0 ? sql.length : close + 2;
      // An optimizer hint stays: the gateway reads MAX_EXECUTION_TIME from it.
      out += sql[i + 2] === '+' ? sql.slice(i, end) : ' ';
      i = end;
      continue;
    }
    if (c === '#' || (c === '-' && sql[i + 1] === '-' && (i + 2 >= sql.length || /\s/.test(sql[i + 2]!)))) {
      const newline = sql.indexOf('\n', i);
      // A line comment inside an executable comment ends at the comment's close too.
      const close = inExecutable ? sql.indexOf('*/', i) : -1;
      const end = [newline < 0 ? sql.length : newline, close < 0 ? sql.length : close].reduce((a, b) => Math.min(a, b));
      out += ' ';
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Where the string or quoted identifier opening at `start` ends (past its closing quote). */
function quotedEnd(sql: string, start: number): number {
  const q = sql[start]!;
  let j = start + 1;
  while (j < sql.length) {
    const c = sql[j]!;
    if (c === '\\' && q !== '`') {
      j += 2;
      continue;
    }
    if (c === q) {
      if (sql[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  // Unterminated: the tokenizer reports it; the rest is kept as it is.
  return sql.length;
}
