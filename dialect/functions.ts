// MySQL functions as DuckDB SQL with MySQL's result types. A function missing here is refused
// (DialectUnsupported names it) rather than passed to DuckDB, whose function of the same name
// may answer differently.
import { extremeOf } from './extreme-functions.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { DATE_FUNCTIONS } from './date-functions.ts';
import { TIME_FUNCTIONS } from './time-functions.ts';
import { CALENDAR_FUNCTIONS } from './calendar-functions.ts';
import { NUMERIC_FUNCTIONS } from './numeric-functions.ts';
import { decimalText, floatingText } from './double-text.ts';
import { STRING_FUNCTIONS } from './string-functions.ts';
import { JSON_FUNCTIONS } from './json-functions.ts';
import { chosenJson } from './json-text.ts';
import { MATH_FUNCTIONS } from './math-functions.ts';
import { CONV_FUNCTIONS } from './conv.ts';
import { REGEXP_FUNCTIONS } from './regexp.ts';
import { STRING_EDIT_FUNCTIONS } from './string-edit-functions.ts';
import { BYTE_FUNCTIONS } from './byte-functions.ts';
import { LOCATE_FUNCTIONS } from './locate.ts';
import { FORMAT } from './format-number.ts';
import { asMysqlText } from './temporal-values.ts';
import { asCondition, asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { anyNullable, arity, text, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { aggregate, charLength, declaredMembers, decimalType, digitsOf, doubleType, familyOf, NOT_FIXED_DEC, stringType, typeOf, type ExprType } from './mysql-types.ts';

type Fn = FunctionTranslation;

const nullableIfAny = anyNullable;

/**
 * A CONCAT part's text: a DOUBLE or FLOAT as MariaDB writes it (1e308, not DuckDB's 1e+308), a
 * DECIMAL at its declared scale (1/3 is 0.3333), a
 * DATE, DATETIME(n) or TIME as MySQL's text of it (dialect/temporal-values.ts).
 */
const partText = (e: Emitted): string => floatingText(e) ?? decimalText(e) ?? text(asMysqlText(e));
const v = asValue;

const sameString = (name: string, duck: string): Fn => (args) => {
  arity(name, args, 1);
  // MySQL's case mapping is one character to one: 'ß' has no upper case there (DuckDB's is 'ẞ').
  const sql = duck === 'upper' ? `replace(upper(${text(args[0]!)}), 'ẞ', 'ß')` : `${duck}(${text(args[0]!)})`;
  return { sql, type: { columnType: stringType(charLength(args[0]!.type)), nullable: args[0]!.type.nullable } };
};

/** Joined strings grow to 16777216 characters at most, unless a part is already longer (MariaDB's cap). */
function joinedLength(lengths: number[]): number {
  const sum = lengths.reduce((n, l) => n + l, 0);
  return Math.min(sum, Math.max(16777216, ...lengths));
}

export type { FunctionContext };

const intResult = (sql: string, nullable: boolean, columnType = 'int(11)'): Emitted => ({ sql, type: typeOf(columnType, nullable) });

/** The type of a function returning one of its arguments (IF, IFNULL, COALESCE, GREATEST). */
function choose(args: Emitted[], nullable: boolean): ExprType {
  return { ...aggregate(args.map((a) => a.type)), nullable, source: undefined, ...chosenJson(args) };
}

/**
 * The arguments of a function returning one of them, as values of its result type: where that
 * is a string, each is its MySQL text (a DATE '2024-01-31', a YEAR '1990': DuckDB would not
 * mix them with 'unknown').
 */
export function chosenValues(args: Emitted[], type: ExprType): string[] {
  const f = familyOf(type);
  // DuckDB's FLOAT with DECIMAL is FLOAT (MySQL's DOUBLE): each value is made a DOUBLE first.
  if (f === 'double' && args.some((a) => familyOf(a.type) === 'float')) return args.map((a) => `CAST(${v(a)} AS DOUBLE)`);
  if (f !== 'string' && f !== 'binary') return args.map(v);
  // A binary result (COALESCE(@never_set, 7)): the others' text as its bytes; DuckDB mixes no BLOB with VARCHAR.
  if (f === 'binary') return args.map((a) => (familyOf(a.type) === 'null' || familyOf(a.type) === 'binary' ? v(a) : `encode(${partText(a)})`));
  return args.map((a) => (familyOf(a.type) === 'null' ? v(a) : partText(a)));
}

/**
 * The type of a value computed from one of this type (NULLIF, MIN, MAX): MariaDB sends an ENUM
 * or SET so computed as a plain VARCHAR (with 0 decimals), a JSON as LONGTEXT.
 */
function computedType(t: ExprType): ExprType {
  const ct = t.columnType.toLowerCase();
  if (/^(enum|set)\(/.test(ct)) return { ...t, columnType: stringType(charLength(t) * (ct.startsWith('set') ? (declaredMembers(ct, 'set')?.length ?? 1) : 1)), textDecimals: 0 };
  if (familyOf(t) === 'json') return { ...t, columnType: 'longtext', jsonText: true };
  return t;
}

/** MySQL's GREATEST/LEAST are NULL when any argument is; DuckDB's skip NULLs. */
function extreme(duck: string): Fn {
  return (args, _ctx, name) => {
    if (args.length < 2) throw new DialectUnsupported(`${name}() with fewer than 2 arguments`);
    const type = choose(args, nullableIfAny(args));
    const anyNull = args.map((a) => `${v(a)} IS NULL`).join(' OR ');
    return { sql: `CASE WHEN ${anyNull} THEN NULL ELSE ${duck}(${args.map(v).join(', ')}) END`, type };
  };
}

function substring(args: Emitted[], name: string): Emitted {
  arity(name, args, 2, 3);
  const s = text(args[0]!);
  const pos = v(args[1]!);
  const len = args[2] ? v(args[2]) : null;
  // MySQL: position 0 gives ''; negative counts from the end; a negative length gives ''.
  const body = len === null ? `substring(${s}, ${pos})` : `CASE WHEN ${len} < 1 THEN '' ELSE substring(${s}, ${pos}, ${len}) END`;
  // MySQL marks SUBSTRING's result nullable whatever its arguments.
  return { sql: `CASE WHEN ${pos} = 0 OR abs(${pos}) > length(${s}) THEN '' ELSE ${body} END`, type: { columnType: stringType(charLength(args[0]!.type)), nullable: true } };
}

const FUNCTIONS: Record<string, Fn> = {
  UPPER: sameString('UPPER', 'upper'),
  UCASE: sameString('UCASE', 'upper'),
  LOWER: sameString('LOWER', 'lower'),
  LCASE: sameString('LCASE', 'lower'),
  LTRIM: sameString('LTRIM', 'ltrim'),
  RTRIM: sameString('RTRIM', 'rtrim'),
  REVERSE: sameString('REVERSE', 'reverse'),
  CONCAT(args) {
    if (args.length === 0) throw new DialectUnsupported('CONCAT() without arguments');
    // `||` is NULL when any part is, as CONCAT is; DuckDB's concat() would skip NULLs.
    const binary = args.some((a) => familyOf(a.type) === 'binary');
    return { sql: `(${args.map(partText).join(' || ')})`, type: { columnType: stringType(joinedLength(args.map((a) => charLength(a.type))), binary), nullable: nullableIfAny(args) } };
  },
  CONCAT_WS(args) {
    if (args.length < 2) throw new DialectUnsupported('CONCAT_WS() with fewer than 2 arguments');
    const [sep, ...rest] = args;
    const length = joinedLength([...rest.map((a) => charLength(a.type)), charLength(sep!.type) * (rest.length - 1)]);
    return { sql: `CASE WHEN ${v(sep!)} IS NULL THEN NULL ELSE concat_ws(${[sep!, ...rest].map(partText).join(', ')}) END`, type: { columnType: stringType(length), nullable: sep!.type.nullable } };
  },
  SUBSTRING: (args, name) => substring(args, name),
  SUBSTR: (args, name) => substring(args, name),
  MID: (args, name) => substring(args, name),
  LEFT(args, name) {
    arity(name, args, 2);
    return { sql: `CASE WHEN ${v(args[1]!)} < 1 THEN '' ELSE left(${text(args[0]!)}, ${v(args[1]!)}) END`, type: { columnType: stringType(charLength(args[0]!.type)), nullable: nullableIfAny(args) } };
  },
  RIGHT(args, name) {
    arity(name, args, 2);
    return { sql: `CASE WHEN ${v(args[1]!)} < 1 THEN '' ELSE right(${text(args[0]!)}, ${v(args[1]!)}) END`, type: { columnType: stringType(charLength(args[0]!.type)), nullable: nullableIfAny(args) } };
  },
  CHAR_LENGTH(args, name) {
    arity(name, args, 1);
    // A binary string's characters are its bytes.
    return intResult(familyOf(args[0]!.type) === 'binary' ? `octet_length(${v(args[0]!)})` : `length(${text(args[0]!)})`, args[0]!.type.nullable, 'int(10)');
  },
  CHARACTER_LENGTH: (args, name, ctx) => FUNCTIONS.CHAR_LENGTH!(args, name, ctx),
  LENGTH(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    return intResult(familyOf(a.type) === 'binary' ? `octet_length(${v(a)})` : `strlen(${text(a)})`, a.type.nullable, 'int(10)');
  },
  OCTET_LENGTH: (args, name, ctx) => FUNCTIONS.LENGTH!(args, name, ctx),
  REPLACE(args, name) {
    arity(name, args, 3);
    return { sql: `replace(${args.map(text).join(', ')})`, type: { columnType: stringType(charLength(args[0]!.type)), nullable: nullableIfAny(args) } };
  },
  TRIM: sameString('TRIM', 'trim'),
  IF(args, name) {
    arity(name, args, 3);
    const type = choose([args[1]!, args[2]!], args[1]!.type.nullable || args[2]!.type.nullable);
    const [then, otherwise] = familyOf(type) === 'double' ? chosenValues([args[1]!, args[2]!], type) : [v(args[1]!), v(args[2]!)];
    return { sql: `CASE WHEN ${asCondition(args[0]!)} THEN ${then} ELSE ${otherwise} END`, type };
  },
  IFNULL(args, name) {
    arity(name, args, 2);
    const type = choose(args, args[0]!.type.nullable && args[1]!.type.nullable);
    return { sql: `coalesce(${chosenValues(args, type).join(', ')})`, type };
  },
  COALESCE(args, name) {
    if (args.length === 0) throw new DialectUnsupported('COALESCE() without arguments');
    const type = choose(args, args.every((a) => a.type.nullable));
    return { sql: `coalesce(${chosenValues(args, type).join(', ')})`, type };
  },
  NULLIF(args, name) {
    arity(name, args, 2);
    return { sql: `nullif(${args.map(v).join(', ')})`, type: { ...computedType(args[0]!.type), nullable: true, source: undefined } };
  },
  ISNULL(args, name) {
    arity(name, args, 1);
    return { sql: `(${v(args[0]!)} IS NULL)`, type: typeOf('int(1)', false), bool: true };
  },
  GREATEST: extremeOf(extreme('greatest'), '>'),
  LEAST: extremeOf(extreme('least'), '<'),
  ABS(args, name) {
    arity(name, args, 1);
    const x = args[0]!;
    // A string (not ENUM/SET) is read as the number it starts with: MariaDB's ABS is then a DOUBLE
    // of the string's decimals (a column's or variable's not fixed, CAST(… AS CHAR)'s or HEX()'s 0).
    // (Not a binary string: X'2D31' is a number there, 11569.)
    if (familyOf(x.type) === 'string' && !/^(enum|set)\(/i.test(x.type.columnType)) return { sql: `abs(${numberOf(x)})`, type: typeOf(doubleType(Math.min(x.type.textDecimals ?? NOT_FIXED_DEC, NOT_FIXED_DEC)), x.type.nullable) };
    // ABS(-2^63) leaves BIGINT: MariaDB's error 1690, which the cast back from 128 bits raises.
    if (familyOf(x.type) === 'int' && /^bigint/i.test(x.type.columnType) && !/unsigned/i.test(x.type.columnType)) return { sql: `CAST(abs(CAST(${v(x)} AS HUGEINT)) AS BIGINT)`, type: { ...x.type, source: undefined } };
    return { sql: `abs(${v(x)})`, type: { ...x.type, source: undefined } };
  },
  DATABASE(args, name, ctx) {
    arity(name, args, 0);
    return { sql: ctx.database === null ? 'NULL::VARCHAR' : quoteString(ctx.database), type: typeOf('varchar(64)', true) };
  },
  SCHEMA: (args, name, ctx) => FUNCTIONS.DATABASE!(args, name, ctx),
  ...DATE_FUNCTIONS,
  ...TIME_FUNCTIONS,
  ...CALENDAR_FUNCTIONS,
  ...NUMERIC_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...JSON_FUNCTIONS,
  // After the older tables: these replace their HEX, FIELD, POW, EXP and LOG2.
  ...MATH_FUNCTIONS,
  ...CONV_FUNCTIONS,
  ...REGEXP_FUNCTIONS,
  ...STRING_EDIT_FUNCTIONS,
  ...BYTE_FUNCTIONS,
  ...LOCATE_FUNCTIONS,
  FORMAT,
};

export function callFunction(name: string, args: Emitted[], ctx: FunctionContext): Emitted {
  const fn = FUNCTIONS[name.toUpperCase()];
  if (!fn) throw new DialectUnsupported(`the function ${name.toUpperCase()}()`);
  return fn(args, name.toUpperCase(), ctx);
}

/** SUM / AVG / COUNT / MIN / MAX result types as MySQL reports them. */
export function aggregateType(name: string, arg: ExprType | null): ExprType {
  switch (name) {
    case 'COUNT':
      return typeOf('bigint(21)', false);
    case 'MIN':
    case 'MAX':
      if (arg && familyOf(arg) === 'null') return { ...typeOf('varchar(0)', true), textDecimals: 0 };
      // MIN/MAX of a JSON column stays JSON; of a built document (JSON_OBJECT…) it is text to MariaDB.
      return arg ? { ...computedType({ ...arg, jsonText: undefined }), nullable: true, source: undefined } : typeOf('', true);
    case 'SUM': {
      const f = arg ? familyOf(arg) : 'unknown';
      // Of NULL alone MariaDB sums a DOUBLE (and averages one with 4 decimals).
      if (f === 'null') return typeOf(doubleType(0), true);
      if (f === 'int' || f === 'decimal' || f === 'year') {
        const d = digitsOf(arg!);
        // MariaDB's SUM is DECIMAL(p + 22, s); DuckDB holds 38 digits, which any real sum fits.
        return typeOf(decimalType(Math.min(d.int + 22, 38 - d.scale), d.scale), true);
      }
      return typeOf(f === 'unknown' ? '' : 'double', true);
    }
    case 'AVG': {
      const f = arg ? familyOf(arg) : 'unknown';
      if (f === 'null') return typeOf(doubleType(4), true);
      if (f === 'int' || f === 'decimal' || f === 'year') {
        const d = digitsOf(arg!);
        return typeOf(decimalType(d.int, d.scale + 4), true);
      }
      return typeOf(f === 'unknown' ? '' : 'double', true);
    }
  }
  return typeOf('', true);
}
