// String calls whose grammar has keywords: TRIM([BOTH | LEADING | TRAILING] [remstr] FROM str),
// CHAR(n, ... USING charset) and CONVERT(x USING charset). node-sql-parser hands TRIM's keywords
// over as 'origin' arguments; `USING charset)` is rewritten by dialect/parser-input.ts into a last
// argument naming the charset (__iq_using_<charset>), as the grammar reads neither form whole.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { valueText } from './double-text.ts';
import { asMysqlText } from './temporal-values.ts';
import { type Emitted } from './emitted.ts';
import { charOf } from './byte-functions.ts';
import { trimWith } from './string-edit-functions.ts';
import { IMPLICIT } from './collation.ts';
import { charLength, familyOf, stringType, typeOf } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { bytesAsText } from './bytes-as-text.ts';

type Node = any;

/** The marker parser-input.ts writes for `USING charset`. */
export const USING_MARKER = /^__iq_using_([a-z0-9_]+)$/i;

function usingCharset(node: Node): string | undefined {
  if (node?.type !== 'column_ref' || node.table) return undefined;
  const name = typeof node.column === 'string' ? node.column : node.column?.expr?.value;
  return USING_MARKER.exec(String(name ?? ''))?.[1]?.toLowerCase();
}

const DEFAULT_COLLATIONS: Record<string, string> = { utf8mb4: 'utf8mb4_general_ci', utf8: 'utf8mb3_general_ci', utf8mb3: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci' };

/** CONVERT(x USING utf8mb4 | binary): its text under utf8mb4's default collation, or its UTF-8 bytes. */
function convertUsing(x: Emitted, charset: string): Emitted {
  const f = familyOf(x.type);
  const length = charLength(x.type);
  // Bytes read as utf8mb4 text, a '?' for each byte that starts no character (bytes-as-text.ts).
  if (f === 'binary' && charset === 'utf8mb4') return { sql: bytesAsText(x.sql, 'utf8mb4_general_ci'), type: { ...typeOf(stringType(length), x.type.nullable), collation: DEFAULT_COLLATIONS.utf8mb4!, coercibility: IMPLICIT } };
  if (f === 'binary') throw new DialectUnsupported(`CONVERT(<binary string> USING ${charset})`);
  const t = f === 'null' ? 'NULL::VARCHAR' : valueText(asMysqlText(x));
  if (charset === 'binary') return { sql: `encode(${t})`, type: { ...typeOf(stringType(length * 4, true), x.type.nullable), textDecimals: 39 } };
  const collation = DEFAULT_COLLATIONS[charset];
  // Text in another charset compares by that charset's collation, with MariaDB's charset
  // conversion rules against utf8mb4 text (latin1_swedish_ci's weights, superset coercion):
  // not modelled, so only utf8mb4 is served.
  if (collation && charset !== 'utf8mb4') throw new DialectUnsupported(`CONVERT(... USING ${charset}) (text in a charset other than utf8mb4 compares by rules not modelled)`);
  if (!collation) throw new DialectUnsupported(`CONVERT(... USING ${charset}) (only utf8mb4 and binary)`);
  return { sql: t, type: { ...typeOf(stringType(length), x.type.nullable), collation, coercibility: IMPLICIT } };
}

const TRIM_MODES = new Set(['BOTH', 'LEADING', 'TRAILING']);

/** The call if it is one of these forms; undefined otherwise (the caller goes on). */
export function stringKeywordCall(exprs: ExpressionEmitter, name: string, argNodes: Node[]): Emitted | undefined {
  if (name === 'TRIM' && argNodes.some((a) => a?.type === 'origin')) {
    let rest = argNodes;
    const first = String(rest[0]?.type === 'origin' ? rest[0].value : '').toUpperCase();
    const mode = TRIM_MODES.has(first) ? (first as 'BOTH' | 'LEADING' | 'TRAILING') : 'BOTH';
    if (TRIM_MODES.has(first)) rest = rest.slice(1);
    const from = rest.findIndex((a) => a?.type === 'origin' && String(a.value).toUpperCase() === 'FROM');
    if (from < 0 || from > 1 || rest.length !== from + 2 || rest.some((a, i) => i !== from && a?.type === 'origin')) throw new DialectUnsupported('this form of TRIM()');
    return trimWith(mode, from === 1 ? exprs.emit(rest[0]) : undefined, exprs.emit(rest[from + 1]));
  }
  const suffix = /^USING\s+([a-z0-9_]+)$/i.exec(String(argNodes[0]?.suffix ?? ''));
  if (name === 'CONVERT' && argNodes.length === 1 && suffix) return convertUsing(exprs.emit({ ...argNodes[0], suffix: undefined }), suffix[1]!.toLowerCase());
  const charset = usingCharset(argNodes[argNodes.length - 1]);
  if (charset === undefined) return undefined;
  const args = argNodes.slice(0, -1);
  if (name === 'CHAR') return charOf(args.map((a) => exprs.emit(a)), charset);
  if (name === 'CONVERT' && args.length === 1) return convertUsing(exprs.emit(args[0]), charset);
  throw new DialectUnsupported(`${name}(... USING ${charset})`);
}
