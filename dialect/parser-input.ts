// node-sql-parser's MySQL grammar has gaps and lossy literals: it keeps `''` inside strings, reads
// `1e3` as a column, loses `_binary`, and rejects `<=>`, index hints, STRAIGHT_JOIN and some
// SELECT modifiers. Before parsing, the statement's own tokens (dialect/tokenizer.ts, which
// reads MySQL literals exactly) are rewritten: every literal becomes a placeholder the emitter
// maps back to its exact value, and constructs the grammar lacks become ones it has.
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import type { Token } from './tokenizer.ts';
import { windowTokens, type WindowFrame } from './window-clauses.ts';
import { caseOperandParens } from './case-operand.ts';
import { quotedVariableName } from './user-variable-names.ts';
import { readJsonTableSpec, type JsonTableSpec } from './json-table-spec.ts';

export type Literal =
  /** `collation`: an introducer's (`_utf8mb4'x'` is its charset's default), else the connection's. */
  | { kind: 'string'; value: string; binary: boolean; collation?: string }
  | { kind: 'hex'; bytes: Buffer }
  | { kind: 'bits'; bytes: Buffer }
  | { kind: 'double'; text: string }
  | { kind: 'decimal'; text: string }
  /** A window frame, set aside before parsing (dialect/window-clauses.ts). */
  | { kind: 'frame'; frame: WindowFrame }
  /** A JSON_TABLE call's row path and columns, set aside before parsing (dialect/json-table.ts). */
  | { kind: 'jsonTable'; table: JsonTableSpec };

/**
 * The separator parser-input gives the GROUP_CONCAT a JSON_ARRAYAGG becomes (the grammar reads
 * ORDER BY and DISTINCT only inside GROUP_CONCAT): recognised by identity, so no literal a client
 * writes can stand for it (dialect/json-aggregate.ts).
 */
export const JSON_ARRAYAGG_SEPARATOR: Literal = { kind: 'string', value: ',', binary: false };

/** A string placeholder: the parser keeps it as a string wherever one is allowed. */
export const STRING_PLACEHOLDER = /^__iq_lit_(\d+)$/;

const MYSQL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a', '\\': '\\', "'": "'", '"': '"', '%': '\\%', _: '\\_' };

/** A MySQL string body (quotes already undoubled by the tokenizer) with its backslash escapes applied. */
export function unescapeMysql(body: string): string {
  return body.replace(/\\(.)/gs, (_, ch: string) => MYSQL_ESCAPES[ch] ?? ch);
}

const SELECT_MODIFIERS_DROPPED = new Set(['HIGH_PRIORITY', 'SQL_NO_CACHE', 'SQL_CACHE', 'SQL_BUFFER_RESULT', 'SQL_SMALL_RESULT', 'SQL_BIG_RESULT', 'STRAIGHT_JOIN']);
const INDEX_HINT = new Set(['USE', 'FORCE', 'IGNORE']);

export interface ParserInput {
  text: string;
  literals: Literal[];
}

const word = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

function bitsToBytes(bits: string): Buffer {
  const padded = bits.padStart(Math.ceil(bits.length / 8) * 8, '0');
  return Buffer.from(padded.match(/.{8}/g)?.map((b) => parseInt(b, 2)) ?? []);
}

export function parserInput(tokens: Token[]): ParserInput {
  const literals: Literal[] = [];
  const out: string[] = [];
  // Tokens that touched in the statement touch in the output (`>=`, `@@x`, `t.a`); others get a space.
  let glued = false;
  const emit = (text: string) => out.push(glued ? text : ' ' + text);
  const literal = (l: Literal) => {
    literals.push(l);
    return `'__iq_lit_${literals.length - 1}'`;
  };
  const solid = windowTokens(
    tokens.filter((t) => t.kind !== 'space'),
    (frame) => literals.push({ kind: 'frame', frame }) - 1,
  );
  extractUnits(solid);
  const casts = convertsToCasts(solid);
  const binaries = binaryOperators(solid);
  const distinct = distinctArguments(solid);
  let previous: Token | undefined;
  let afterSelect = false;
  // The closing parentheses of JSON_ARRAYAGG calls, found when the call is met.
  const arrayAggCloses = new Set<number>();
  /** Token indexes left out: a CASE operand's parentheses (case-operand.ts). */
  const dropped = new Set<number>();
  /** A JSON_TABLE's document comma → the call's closing parenthesis and its spec's literal index. */
  let jsonTableCommas: Map<number, { close: number; index: number }> | undefined;
  for (let i = 0; i < solid.length; i++) {
    const t = solid[i]!;
    const next = solid[i + 1];
    const adjacent = next !== undefined && next.start === t.end;
    for (let k = distinct.closeBefore.get(i) ?? 0; k > 0; k--) out.push('))');
    if (arrayAggCloses.has(i)) out.push(` SEPARATOR ${literal(JSON_ARRAYAGG_SEPARATOR)}`);
    for (let k = binaries.closeBefore.get(i) ?? 0; k > 0; k--) out.push(' AS BINARY)');
    for (let k = distinct.openBefore.get(i) ?? 0; k > 0; k--) out.push(' ((');
    const up = word(t);
    // `--1` is minus minus one to MySQL (a comment needs a space after the dashes), but the
    // parser would take glued dashes for a comment and not read the rest of the line.
    // And `-9223372036854775808` would become a JS number there, its digits lost: a minus before
    // a long integer stays an operator, which the emitter folds exactly.
    glued = previous !== undefined && previous.end === t.start && !(t.text === '-' && previous.text === '-') && !(previous.text === '-' && t.kind === 'number' && /^\d{16,}$/.test(t.text));
    if (jsonTableCommas?.has(i)) {
      // The end of a JSON_TABLE's document: its path and columns were read when the call was met.
      const { close, index } = jsonTableCommas.get(i)!;
      out.push(` AS __iq_json_table_${index})`);
      i = close;
    } else if (up === 'JSON_TABLE' && next?.text === '(') {
      // JSON_TABLE(doc, path COLUMNS (...)) becomes the derived table (SELECT doc AS __iq_json_table_N),
      // which the FROM emitter turns into the relation (dialect/json-table.ts).
      const close = closingParenthesis(solid, i + 1);
      const comma = close === undefined ? undefined : topLevelComma(solid, i + 1, close);
      if (close === undefined || comma === undefined) throw new DialectUnsupported('JSON_TABLE( without its document, path and closing parenthesis');
      literals.push({ kind: 'jsonTable', table: readJsonTableSpec(solid, comma + 1, close) });
      (jsonTableCommas ??= new Map()).set(comma, { close, index: literals.length - 1 });
      out.push(' (SELECT ');
      i++;
    } else if ((t.kind === 'quoted' || t.kind === 'word') && t.text.startsWith('__') && t.text.toLowerCase().startsWith('__iq_json_table_')) {
      throw new DialectUnsupported(`the name ${t.text} (the gateway's own marker for JSON_TABLE)`);
    } else if (t.kind === 'word' && /^_[a-z0-9]+$/i.test(t.text) && next?.kind === 'string') {
      // A charset introducer: _binary 'x' is a binary string, _utf8mb4 'x' a text one.
      const charset = t.text.toLowerCase();
      emit(literal({ kind: 'string', value: unescapeMysql(next.text), binary: charset === '_binary', ...(charset === '_utf8mb4' ? { collation: 'utf8mb4_general_ci' } : {}) }));
      i++;
    } else if ((up === 'X' || up === 'B') && adjacent && next.kind === 'string') {
      const digits = next.text;
      if (up === 'X' && !/^([0-9a-f]{2})*$/i.test(digits)) throw new DialectUnsupported(`the hex literal X'${digits}' (it needs an even number of hex digits)`);
      if (up === 'B' && !/^[01]*$/.test(digits)) throw new DialectUnsupported(`the bit literal b'${digits}'`);
      emit(literal(up === 'X' ? { kind: 'hex', bytes: Buffer.from(digits, 'hex') } : { kind: 'bits', bytes: bitsToBytes(digits) }));
      i++;
    } else if (t.kind === 'number' && t.text === '0' && adjacent && next.kind === 'word' && /^x[0-9a-f]+$/i.test(next.text)) {
      const hex = next.text.slice(1);
      emit(literal({ kind: 'hex', bytes: Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex') }));
      i++;
    } else if (t.kind === 'number' && t.text === '0' && adjacent && next.kind === 'word' && /^b[01]+$/i.test(next.text)) {
      emit(literal({ kind: 'bits', bytes: bitsToBytes(next.text.slice(1)) }));
      i++;
    } else if (t.kind === 'string') {
      // Adjacent string literals are one string to MySQL: 'a' 'b' is 'ab'.
      let value = unescapeMysql(t.text);
      while (solid[i + 1]?.kind === 'string') value += unescapeMysql(solid[++i]!.text);
      emit(literal({ kind: 'string', value, binary: false }));
    } else if (t.kind === 'number' && /[eE]/.test(t.text)) {
      emit(literal({ kind: 'double', text: t.text }));
    } else if (t.kind === 'number' && t.text.length > 16 && /^\d*\.\d*$/.test(t.text) && t.text.replace('.', '').replace(/^0+/, '').length > 15) {
      // The parser holds `1.5` as parseFloat(text).toFixed(decimals): past 15 digits it would
      // change them (0.100000000000000000001 read 0.100000000000000005551). Kept as written.
      emit(literal({ kind: 'decimal', text: t.text }));
    } else if (t.kind === 'other' && t.text === '.' && next?.kind === 'number' && adjacent && !(previous && (previous.kind === 'word' || previous.kind === 'quoted' || previous.text === ')'))) {
      // `.5` is a number; the grammar wants a digit first.
      emit(/[eE]/.test(next.text) ? literal({ kind: 'double', text: '0.' + next.text }) : literal({ kind: 'decimal', text: '0.' + next.text }));
      i++;
    } else if (t.kind === 'other' && t.text === '<' && solid[i + 1]?.text === '=' && solid[i + 2]?.text === '>' && solid[i + 2]!.start === t.start + 2) {
      // `<=>` becomes `!=`, which the emitter reads as null-safe equality (`!=` itself became `<>`).
      emit('!=');
      i += 2;
    } else if (t.kind === 'other' && t.text === '!' && next?.text === '=' && adjacent) {
      emit('<>');
      i++;
    } else if (up === 'ALL' && (afterSelect || (previous?.text === '(' && AGGREGATES.has(word(solid[i - 2]))))) {
      // SELECT ALL and COUNT(ALL x) say the default; the grammar knows neither.
    } else if (afterSelect && SELECT_MODIFIERS_DROPPED.has(up)) {
      // Optimizer and cache modifiers change nothing in the answer.
    } else if ((up === 'INTEGER' || up === 'INT') && (word(previous) === 'SIGNED' || word(previous) === 'UNSIGNED')) {
      // CONVERT(x, UNSIGNED INTEGER) is CONVERT(x, UNSIGNED); the grammar knows only the short form there.
    } else if (up === 'JSON_ARRAYAGG' && next?.text === '(') {
      // JSON_ARRAYAGG(x [ORDER BY …]) is read as GROUP_CONCAT(x [ORDER BY …] SEPARATOR <marker>).
      const close = closingParenthesis(solid, i + 1);
      if (close === undefined) throw new DialectUnsupported('JSON_ARRAYAGG( without its closing parenthesis');
      arrayAggCloses.add(close);
      emit('GROUP_CONCAT');
    } else if ((up === 'STD' || up === 'VARIANCE') && next?.text === '(') {
      // The grammar does not read these two spellings; they are STDDEV_POP and VAR_POP.
      emit(up === 'STD' ? 'STDDEV_POP' : 'VAR_POP');
    } else if (up === 'USING' && next?.kind === 'word' && solid[i + 2]?.text === ')' && /^[a-z0-9_]+$/i.test(next.text) && openedBy(solid, i) === 'CHAR') {
      // CHAR(n USING cs): the charset as a last argument the grammar can read
      // (dialect/emit-string-keywords.ts); CONVERT(x USING cs) it reads, JOIN ... USING has '('.
      emit(`, __iq_using_${next.text.toLowerCase()}`);
      i++;
    } else if (up === 'DISTINCTROW') {
      emit('DISTINCT');
    } else if (up === 'STRAIGHT_JOIN') {
      emit('JOIN');
    } else if (INDEX_HINT.has(up) && (word(next) === 'INDEX' || word(next) === 'KEY')) {
      // Index hints are advice to MySQL's optimizer; skip `USE INDEX [FOR ...] (...)`.
      let j = i + 2;
      if (word(solid[j]) === 'FOR') j += word(solid[j + 1]) === 'JOIN' ? 2 : 3;
      if (solid[j]?.text !== '(') throw new DialectUnsupported(`the index hint near '${t.text} ${next!.text}'`);
      let depth = 0;
      for (; j < solid.length; j++) {
        if (solid[j]!.text === '(') depth++;
        if (solid[j]!.text === ')' && --depth === 0) break;
      }
      i = j;
    } else if (binaries.operators.has(i)) {
      // BINARY x is CAST(x AS BINARY): x compares byte by byte (the grammar knows no BINARY operator).
      out.push(' CAST(');
      glued = true;
    } else if (casts.has(i)) {
      out.push(' ' + casts.get(i)!);
    } else if ((t.kind === 'quoted' || t.kind === 'word') && STRING_PLACEHOLDER.test(t.text)) {
      // The parser would read it as one of the string literals written as placeholders.
      throw new DialectUnsupported(`the name ${t.text} (the gateway's own placeholder for string literals)`);
    } else if (up === 'CASE' && next?.text === '(' && caseOperandParens(solid, i) !== null) {
      // `CASE (x) WHEN`: the grammar fails on `CASE (`; the operand's parentheses go (case-operand.ts).
      for (const p of caseOperandParens(solid, i)!) dropped.add(p);
      out.push(' CASE ');
    } else if (dropped.has(i)) {
      // A parenthesis around a CASE operand.
    } else if (t.text === '@' && adjacent && (next.kind === 'quoted' || next.kind === 'string') && previous?.text !== '@') {
      // A quoted user variable name (@`my var`, @'v'): the grammar reads only plain ones.
      emit('@' + quotedVariableName(next.text));
      i++;
    } else if ((t.kind === 'quoted' || t.kind === 'word') && t.text.toLowerCase().startsWith('__iq_uv_')) {
      // The parser would read it as a quoted user variable's name (user-variable-names.ts).
      throw new DialectUnsupported(`the name ${t.text} (the gateway's own spelling of quoted variable names)`);
    } else if (t.kind === 'quoted') {
      emit('`' + t.text.replace(/`/g, '``') + '`');
    } else {
      emit(t.text);
    }
    if (up === 'SELECT') afterSelect = true;
    else if (!(afterSelect && (SELECT_MODIFIERS_DROPPED.has(up) || up === 'DISTINCT' || up === 'ALL' || up === 'SQL_CALC_FOUND_ROWS' || up === 'DISTINCTROW'))) afterSelect = false;
    previous = solid[i];
  }
  for (let k = binaries.closeBefore.get(solid.length) ?? 0; k > 0; k--) out.push(' AS BINARY)');
  return { text: out.join('').trim(), literals };
}

/** The index of the `)` closing the `(` at `open`. */
function closingParenthesis(solid: Token[], open: number): number | undefined {
  let depth = 0;
  for (let j = open; j < solid.length; j++) {
    if (solid[j]!.text === '(') depth++;
    else if (solid[j]!.text === ')' && --depth === 0) return j;
  }
  return undefined;
}

/** The first `,` directly inside the `(` at `open` (before `close`). */
function topLevelComma(solid: Token[], open: number, close: number): number | undefined {
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const t = solid[j]!.text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    else if (t === ',' && depth === 0) return j;
  }
  return undefined;
}

/** The word before the parenthesis that token i is inside of (scanned back only when USING is met). */
function openedBy(solid: Token[], i: number): string {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const t = solid[j]!.text;
    if (t === ')') depth++;
    else if (t === '(' && depth-- === 0) return word(solid[j - 1]);
  }
  return '';
}

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'JSON_ARRAYAGG', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'STD', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP']);

/**
 * After an aggregate's DISTINCT the grammar takes only some columns or an expression in double
 * parentheses (`SUM(DISTINCT -x)`, `MIN(DISTINCT c)` and even `SUM(DISTINCT (-x))` fail). Each
 * argument there goes in double parentheses: token index →
 * how many `((` open before it / `))` close before it.
 */
function distinctArguments(solid: Token[]): { openBefore: Map<number, number>; closeBefore: Map<number, number> } {
  const openBefore = new Map<number, number>();
  const closeBefore = new Map<number, number>();
  const add = (m: Map<number, number>, at: number) => m.set(at, (m.get(at) ?? 0) + 1);
  for (let i = 2; i < solid.length - 1; i++) {
    if (word(solid[i]) !== 'DISTINCT' || solid[i - 1]!.text !== '(' || !AGGREGATES.has(word(solid[i - 2]))) continue;
    let start = i + 1;
    let depth = 0;
    for (let j = start; j < solid.length; j++) {
      const text = solid[j]!.text;
      const ends = depth === 0 && (text === ',' || text === ')' || word(solid[j]) === 'ORDER' || word(solid[j]) === 'SEPARATOR');
      if (ends) {
        if (j > start) {
          add(openBefore, start);
          add(closeBefore, j);
        }
        if (text !== ',') break;
        start = j + 1;
        continue;
      }
      if (text === '(') depth++;
      else if (text === ')') depth--;
    }
  }
  return { openBefore, closeBefore };
}

/**
 * The BINARY operator (`BINARY name = 'x'`, `name = BINARY 'x'`), not the type BINARY after AS
 * or in CONVERT: each one's token index, and where its operand (a literal, a possibly qualified
 * name, a call or a parenthesised expression) ends.
 */
function binaryOperators(solid: Token[]): { operators: Set<number>; closeBefore: Map<number, number> } {
  const operators = new Set<number>();
  const closeBefore = new Map<number, number>();
  for (let i = 0; i < solid.length - 1; i++) {
    if (word(solid[i]) !== 'BINARY' || word(solid[i - 1]) === 'AS' || solid[i - 1]?.text === ',' && word(solid[i - 3]) === 'CONVERT') continue;
    const first = solid[i + 1]!;
    if (!(first.kind === 'string' || first.kind === 'number' || first.kind === 'quoted' || first.text === '(' || (first.kind === 'word' && !RESERVED_AFTER_BINARY.has(word(first))))) continue;
    let j = i + 1;
    const skipGroup = () => {
      let depth = 0;
      for (; j < solid.length; j++) {
        if (solid[j]!.text === '(') depth++;
        else if (solid[j]!.text === ')' && --depth === 0) return;
      }
    };
    if (first.text === '(') skipGroup();
    else {
      while (solid[j + 1]?.text === '.' && (solid[j + 2]?.kind === 'word' || solid[j + 2]?.kind === 'quoted')) j += 2;
      if (solid[j + 1]?.text === '(' && first.kind === 'word') {
        j++;
        skipGroup();
      }
      while (first.kind === 'string' && solid[j + 1]?.kind === 'string') j++;
    }
    if (j >= solid.length) continue;
    operators.add(i);
    closeBefore.set(j + 1, (closeBefore.get(j + 1) ?? 0) + 1);
  }
  return { operators, closeBefore };
}

/** Words after which BINARY is not the operator (e.g. `CHARACTER SET binary`, `COLLATE binary`). */
const RESERVED_AFTER_BINARY = new Set(['FROM', 'WHERE', 'AND', 'OR', 'AS', 'ON', 'ORDER', 'GROUP', 'LIMIT']);

const CAST_TARGETS = new Set(['SIGNED', 'UNSIGNED', 'CHAR', 'NCHAR', 'VARCHAR', 'DATE', 'DATETIME', 'TIME', 'DECIMAL', 'BINARY', 'JSON', 'DOUBLE', 'FLOAT', 'REAL', 'INTEGER', 'INT']);

/**
 * CONVERT(expr, type) is CAST(expr AS type); the grammar reads CONVERT's first argument only when
 * it is simple, so each such CONVERT and its comma are rewritten (token index → replacement).
 */
function convertsToCasts(solid: Token[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < solid.length - 1; i++) {
    if (word(solid[i]) !== 'CONVERT' || solid[i + 1]!.text !== '(') continue;
    let depth = 0;
    for (let j = i + 1; j < solid.length; j++) {
      const t = solid[j]!;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) break;
      else if (depth === 1 && t.text === ',') {
        if (CAST_TARGETS.has(word(solid[j + 1]))) {
          out.set(i, 'CAST');
          out.set(j, 'AS');
        }
        break;
      }
    }
  }
  return out;
}

/** The unit node-sql-parser reads in EXTRACT's place of MICROSECOND, which it does not read. */
export const EXTRACT_MICROSECOND_UNIT = 'EPOCH';

/**
 * `EXTRACT(MICROSECOND FROM x)`: the grammar lacks the unit, so it travels as EPOCH, a unit the
 * grammar reads and MySQL has not; an EPOCH the client wrote is MySQL's syntax error.
 */
function extractUnits(solid: Token[]): void {
  for (let i = 0; i + 3 < solid.length; i++) {
    if (word(solid[i]!) !== 'EXTRACT' || solid[i + 1]!.text !== '(' || word(solid[i + 3]!) !== 'FROM') continue;
    const unit = word(solid[i + 2]!);
    if (unit === EXTRACT_MICROSECOND_UNIT) throw new DialectError(`near '${solid[i + 2]!.text} FROM': EXTRACT has no unit ${solid[i + 2]!.text}`);
    if (unit === 'MICROSECOND') solid[i + 2] = { ...solid[i + 2]!, text: EXTRACT_MICROSECOND_UNIT };
  }
}
