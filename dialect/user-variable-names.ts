// User variable names as the parser can read them and the dialect can name them. MySQL takes
// `@name`, `@`any name``, `@'any name'` and `@"any name"`, case-insensitively; node-sql-parser
// reads only the first, so a quoted name is written as a plain one that spells its bytes in hex.
const QUOTED_PREFIX = '__iq_uv_';

/** The plain name parser-input writes for a quoted one. */
export function quotedVariableName(name: string): string {
  return QUOTED_PREFIX + Buffer.from(name, 'utf8').toString('hex');
}

/** A variable's name as MySQL knows it (lower-cased: names are case-insensitive), from the parsed node's. */
export function userVariableName(parsed: string): string {
  const name = parsed.startsWith(QUOTED_PREFIX) ? Buffer.from(parsed.slice(QUOTED_PREFIX.length), 'hex').toString('utf8') : parsed;
  return name.toLowerCase();
}
