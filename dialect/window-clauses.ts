// Named windows and window frames, read from the statement's tokens: node-sql-parser reads neither
// the WINDOW clause's references (`OVER (w ORDER BY x)`, `w2 AS (w)`) nor RANGE frames, and it
// glues a frame's offset to its keyword ("2PRECEDING"). Before parsing, each reference to a named
// window becomes the window's own specification (as MariaDB composes them, with its errors), the
// WINDOW clause goes, and each frame is kept aside as a WindowFrame (in the statement's literal
// list) and written as `ROWS <its index> PRECEDING`, which the grammar does read; emit-window.ts
// puts it back. Only statements with an OVER are looked at.
import { DialectError, MysqlRejection } from './dialect-error.ts';
import type { Token } from './tokenizer.ts';

export interface FrameBound {
  kind: 'unbounded preceding' | 'unbounded following' | 'current row' | 'preceding' | 'following';
  /** The offset as written (an unsigned integer or decimal literal), for `n PRECEDING|FOLLOWING`. */
  offset?: string;
}

export interface WindowFrame {
  unit: 'ROWS' | 'RANGE';
  start: FrameBound;
  end: FrameBound;
}

const upper = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');
const SPEC_WORDS = new Set(['PARTITION', 'ORDER', 'ROWS', 'RANGE']);

let synthetic = -2;
/** A token the rewrite adds: positions no other token touches, so it is never glued to one. */
function made(kind: Token['kind'], text: string): Token {
  synthetic -= 2;
  return { kind, text, start: synthetic, end: synthetic - 1 };
}

/** Index of the `)` that closes the `(` at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j]!.text === '(' && tokens[j]!.kind === 'other') depth++;
    else if (tokens[j]!.text === ')' && tokens[j]!.kind === 'other' && --depth === 0) return j;
  }
  throw new DialectError('unbalanced parentheses in a window specification');
}

/** The tokens with named windows expanded and frames set aside; `frames` receives each frame. */
export function windowTokens(solid: Token[], keepFrame: (frame: WindowFrame) => number): Token[] {
  if (!solid.some((t) => upper(t) === 'OVER')) return solid;
  const { tokens, definitions } = withoutWindowClauses(solid);
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push(t);
    if (upper(t) !== 'OVER') continue;
    const next = tokens[i + 1];
    let body: Token[];
    const bare = next?.kind === 'word' || next?.kind === 'quoted';
    if (next?.text === '(' && next.kind === 'other') {
      const end = closing(tokens, i + 1);
      body = tokens.slice(i + 2, end);
      i = end;
    } else if (next && (next.kind === 'word' || next.kind === 'quoted')) {
      body = [next];
      i += 1;
    } else continue;
    out.push(made('other', '('), ...withFrameAside(specTokens(body, definitions, bare), keepFrame), made('other', ')'));
  }
  return out;
}

/** The statement without its WINDOW clauses, and each named window's own tokens. */
function withoutWindowClauses(solid: Token[]): { tokens: Token[]; definitions: Map<string, Token[]> } {
  const definitions = new Map<string, Token[]>();
  const tokens: Token[] = [];
  for (let i = 0; i < solid.length; i++) {
    const t = solid[i]!;
    const named = (k: number) => (solid[k]?.kind === 'word' || solid[k]?.kind === 'quoted') && upper(solid[k + 1]) === 'AS' && solid[k + 2]?.text === '(';
    if (upper(t) !== 'WINDOW' || !named(i + 1)) {
      tokens.push(t);
      continue;
    }
    let k = i + 1;
    for (;;) {
      const name = solid[k]!.text.toLowerCase();
      const end = closing(solid, k + 2);
      // One statement may hold several query blocks; names are the block's own in MySQL, so a
      // name defined twice could bind to either here.
      if (definitions.has(name)) throw new MysqlRejection(4010, 'HY000', `Multiple window specifications with the same name '${solid[k]!.text}'`);
      definitions.set(name, solid.slice(k + 3, end));
      k = end + 1;
      if (solid[k]?.text === ',' && named(k + 1)) k += 1;
      else break;
    }
    i = k - 1;
  }
  return { tokens, definitions };
}

/**
 * A window specification's tokens with a leading window name replaced by that window's
 * specification, as MariaDB refines one: ORDER BY only where the named one has none, a frame only
 * where it has none, never PARTITION BY.
 */
function specTokens(body: Token[], definitions: Map<string, Token[]>, bare = false, seen: Set<string> = new Set()): Token[] {
  const first = body[0];
  if (!first || !(first.kind === 'quoted' || (first.kind === 'word' && !SPEC_WORDS.has(upper(first))))) return body;
  const name = first.text.toLowerCase();
  const base = definitions.get(name);
  if (!base) throw new MysqlRejection(4009, 'HY000', `Window specification with name '${first.text}' is not defined`);
  if (seen.has(name)) throw new MysqlRejection(4016, 'HY000', `Referenced window specification '${first.text}' is circular`);
  const resolved = specTokens(base, definitions, false, new Set([...seen, name]));
  const rest = body.slice(1);
  const has = (tokens: Token[], ...words: string[]) => tokens.some((t) => words.includes(upper(t)));
  if (has(rest, 'PARTITION')) throw new MysqlRejection(4011, 'HY000', `Window specification referencing another one '${first.text}' cannot contain partition list`);
  if (has(rest, 'ORDER') && has(resolved, 'ORDER')) throw new MysqlRejection(4012, 'HY000', `Referenced window specification '${first.text}' already contains order list`);
  // Only `OVER w` may name a window with a frame; `OVER (w …)` and `w2 AS (w …)` may not.
  if (!bare && has(resolved, 'ROWS', 'RANGE')) throw new MysqlRejection(4013, 'HY000', `Referenced window specification '${first.text}' cannot contain window frame`);
  return [...resolved, ...rest];
}

/** The spec with its frame (from ROWS or RANGE at its own level to its end) set aside. */
function withFrameAside(spec: Token[], keepFrame: (frame: WindowFrame) => number): Token[] {
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const t = spec[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    const unit = upper(t);
    if (depth !== 0 || (unit !== 'ROWS' && unit !== 'RANGE')) continue;
    const frame = readFrame(unit, spec.slice(i + 1));
    return [...spec.slice(0, i), made('word', 'ROWS'), made('number', String(keepFrame(frame))), made('word', 'PRECEDING')];
  }
  return spec;
}

/** `BETWEEN bound AND bound` or one bound (the end is then CURRENT ROW), with MariaDB's errors. */
function readFrame(unit: 'ROWS' | 'RANGE', tokens: Token[]): WindowFrame {
  let i = 0;
  const near = () => tokens.slice(i).map((t) => t.text).join(' ');
  const bound = (): FrameBound => {
    const w = upper(tokens[i]);
    const w2 = upper(tokens[i + 1]);
    if (w === 'UNBOUNDED' && (w2 === 'PRECEDING' || w2 === 'FOLLOWING')) {
      i += 2;
      return { kind: w2 === 'PRECEDING' ? 'unbounded preceding' : 'unbounded following' };
    }
    if (w === 'CURRENT' && w2 === 'ROW') {
      i += 2;
      return { kind: 'current row' };
    }
    const n = tokens[i];
    if (n?.kind === 'number' && /^(\d+|\d+\.\d*|\.\d+)$/.test(n.text) && (w2 === 'PRECEDING' || w2 === 'FOLLOWING')) {
      i += 2;
      return { kind: w2 === 'PRECEDING' ? 'preceding' : 'following', offset: n.text };
    }
    throw new DialectError(`the window frame bound near '${near()}'`);
  };
  let frame: WindowFrame;
  if (upper(tokens[0]) === 'BETWEEN') {
    i = 1;
    const start = bound();
    if (upper(tokens[i]) !== 'AND') throw new DialectError(`the window frame near '${near()}'`);
    i++;
    frame = { unit, start, end: bound() };
  } else {
    frame = { unit, start: bound(), end: { kind: 'current row' } };
  }
  if (upper(tokens[i]) === 'EXCLUDE') throw new MysqlRejection(4022, 'HY000', 'Frame exclusion is not supported yet');
  if (i < tokens.length) throw new DialectError(`the window frame near '${near()}'`);
  // MariaDB's error 4014 (Window_frame::check_frame_bounds): a frame that starts at UNBOUNDED
  // FOLLOWING or ends at UNBOUNDED PRECEDING, or runs from CURRENT ROW back, or from ahead to CURRENT ROW.
  const { start, end } = frame;
  const after = (start.kind === 'current row' && end.kind === 'preceding') || (end.kind === 'current row' && start.kind === 'following');
  if (start.kind === 'unbounded following' || end.kind === 'unbounded preceding' || after) {
    throw new MysqlRejection(4014, 'HY000', 'Unacceptable combination of window frame bound specifications');
  }
  return frame;
}
