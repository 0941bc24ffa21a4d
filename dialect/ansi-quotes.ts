// sql_mode ANSI_QUOTES: a double-quoted text is an identifier, not a string
// (https://dev.mysql.com/doc/refman/8.0/en/sql-mode.html#sqlmode_ansi_quotes). The dialect reads
// MySQL's default, so a session in that mode has its statements rewritten first: each
// double-quoted identifier becomes the backtick-quoted one MySQL means.
export function ansiQuotesAsBackticks(sql: string): string {
  if (!sql.includes('"')) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '`') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\' && c === "'") j += 2;
        else if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '"') {
      let name = '';
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '"' && sql[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (sql[j] === '"') break;
        else name += sql[j++];
      }
      out += '`' + name.replace(/`/g, '``') + '`';
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
