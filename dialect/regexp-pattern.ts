// A MariaDB regular expression (PCRE2, compiled with UTF and UCP, caseless under a *_ci
// collation) rewritten as an RE2 pattern (DuckDB) that matches exactly the same strings. Read by
// a small recursive-descent parser that knows what both engines agree on; anything else is
// refused by name (DialectUnsupported): backreferences, lookaround, atomic groups, possessive
// quantifiers, \b, \Z, (?x), named groups, \p{..} and the POSIX classes PCRE2 reads otherwise.
// What differs and is rewritten:
// - UCP classes: \d is \p{Nd}, \w [\p{L}\p{N}_], \s [\t\n\v\f\r\p{Z}], [:alpha:] \p{L}, ...
//   (RE2's are ASCII);
// - PCRE2 does not fold case for [:upper:] / [:lower:] (\p{Lu} / \p{Ll}) even when caseless,
//   RE2 does: they are written under (?-i:...);
// - `$` also matches before a final newline in PCRE2: (?:\n?\z) where only a yes/no answer
//   is read, refused where the match itself is (REGEXP_SUBSTR, ...).
import { DialectUnsupported } from './dialect-error.ts';

export interface TranslatedPattern {
  /** The RE2 pattern, flags included ((?i-ms) or (?-ims)). */
  re2: string;
  /** Whether it can match the empty string (REGEXP_REPLACE refuses those: the engines step differently). */
  nullable: boolean;
}

const POSIX: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '\\p{Nd}',
  alnum: '\\p{L}\\p{N}',
  space: '\\t\\n\\v\\f\\r\\p{Z}',
  xdigit: '0-9A-Fa-f',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
};
const CASE_BOUND = new Set(['upper', 'lower']);
const SIMPLE_ESCAPES = new Set(['n', 't', 'r', 'f', 'v', 'a', 'e']);

class Parser {
  private i = 0;
  private caseless: boolean;

  constructor(
    private readonly p: string,
    caseless: boolean,
    private readonly matchRead: boolean,
  ) {
    this.caseless = caseless;
  }

  private refuse(what: string): never {
    throw new DialectUnsupported(`the regular expression '${this.p}' (${what}: PCRE2 and RE2 read it differently)`);
  }

  parse(): TranslatedPattern {
    const r = this.alternation();
    if (this.i < this.p.length) this.refuse(`unbalanced ')'`);
    return r;
  }

  private alternation(): TranslatedPattern {
    const parts = [this.sequence()];
    while (this.p[this.i] === '|') {
      this.i++;
      parts.push(this.sequence());
    }
    return { re2: parts.map((x) => x.re2).join('|'), nullable: parts.some((x) => x.nullable) };
  }

  private sequence(): TranslatedPattern {
    let re2 = '';
    let nullable = true;
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      re2 += q ? `(?:${atom.re2})${q.text}` : atom.re2;
      nullable &&= atom.nullable || (q?.optional ?? false);
    }
    return { re2, nullable };
  }

  private quantifier(): { text: string; optional: boolean } | undefined {
    const c = this.p[this.i];
    let text: string;
    let optional: boolean;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      text = c;
      optional = c !== '+';
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i));
      if (!m) this.refuse(`'{' that is no quantifier`);
      const lo = Number(m[1]);
      const hi = m[3] ? Number(m[3]) : lo;
      if (lo > 1000 || hi > 1000 || (m[2] && m[3] && hi < lo)) this.refuse('a repetition count past 1000');
      this.i += m[0].length;
      text = m[0];
      optional = lo === 0;
    } else return undefined;
    if (this.p[this.i] === '+') this.refuse('a possessive quantifier');
    if (this.p[this.i] === '?') {
      this.i++;
      text += '?';
    }
    if ('*+?{'.includes(this.p[this.i] ?? '') && this.p[this.i] !== undefined) this.refuse('a repeated quantifier');
    return { text, optional };
  }

  private atom(): TranslatedPattern {
    const c = this.p[this.i]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { re2: this.charClass(), nullable: false };
      case '\\':
        return { re2: this.escape(false), nullable: false };
      case '.':
        this.i++;
        return { re2: '.', nullable: false };
      case '^':
        this.i++;
        return { re2: '^', nullable: true };
      case '$':
        this.i++;
        if (!this.matchRead) return { re2: '(?:\\n?\\z)', nullable: true };
        return this.refuse(`'$' (PCRE2 also matches it before a final newline)`);
      case '*':
      case '+':
      case '?':
      case '{':
        return this.refuse(`a quantifier with nothing to repeat`);
    }
    this.i += c.length;
    const cp = this.p.codePointAt(this.i - 1)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // A character outside the BMP: both halves of its UTF-16 pair, as one literal.
      const ch = String.fromCodePoint(this.p.codePointAt(this.i - 1)!);
      this.i += ch.length - 1;
      return { re2: ch, nullable: false };
    }
    return { re2: c, nullable: false };
  }

  private group(): TranslatedPattern {
    this.i++;
    let prefix = '(';
    const saved = this.caseless;
    if (this.p[this.i] === '?') {
      const m = /^\?([is]*)(?:-([is]*))?(:|\))/.exec(this.p.slice(this.i));
      if (this.p[this.i + 1] === ':') {
        prefix = '(?:';
        this.i += 2;
      } else if (m) {
        if (m[1]!.includes('i')) this.caseless = true;
        if (m[2]?.includes('i')) this.caseless = false;
        this.i += m[0].length;
        const flags = `(?${m[1]}${m[2] !== undefined ? '-' + m[2] : ''}`;
        if (m[3] === ')') return { re2: flags + ')', nullable: true }; // (?i): to the end of the enclosing group, as in RE2
        prefix = flags + ':';
      } else {
        const what = /^\?(=|!|<=|<!)/.test(this.p.slice(this.i)) ? 'lookaround' : /^\?(P?<|')/.test(this.p.slice(this.i)) ? 'a named group' : this.p[this.i + 1] === '>' ? 'an atomic group' : `the group '(${this.p.slice(this.i, this.i + 3)}'`;
        this.refuse(what);
      }
    }
    const inner = this.alternation();
    if (this.p[this.i] !== ')') this.refuse(`unbalanced '('`);
    this.i++;
    // A flag set inside a group ends with it (in PCRE2 as in RE2).
    this.caseless = saved;
    return { re2: `${prefix}${inner.re2})`, nullable: inner.nullable };
  }

  /** An escape outside (or, `inClass`, inside) a class. */
  private escape(inClass: boolean): string {
    const c = this.p[this.i + 1];
    if (c === undefined) this.refuse('a trailing backslash');
    this.i += 2;
    if (/[0-9]/.test(c)) this.refuse('a backreference or octal escape');
    if (SIMPLE_ESCAPES.has(c)) return c === 'e' ? '\\x1B' : c === 'a' ? '\\x07' : `\\${c}`;
    if (c === 'x') {
      const m = /^\{([0-9a-fA-F]{1,6})\}|^([0-9a-fA-F]{2})/.exec(this.p.slice(this.i));
      if (!m) this.refuse('a \\x escape');
      this.i += m[0].length;
      return `\\x{${m[1] ?? m[2]}}`;
    }
    const cls: Record<string, string> = { d: '\\p{Nd}', w: '\\p{L}\\p{N}_', s: POSIX.space! };
    if (cls[c]) return inClass ? cls[c] : `[${cls[c]}]`;
    if (cls[c.toLowerCase()] && !inClass) return `[^${cls[c.toLowerCase()]}]`;
    if (/[A-Za-z]/.test(c)) this.refuse(`the escape \\${c}`);
    // An escaped punctuation or other character stands for itself in both.
    const cp = this.p.codePointAt(this.i - 1)!;
    if (cp > 0x7f) {
      const ch = String.fromCodePoint(cp);
      this.i += ch.length - 1;
      return ch;
    }
    return `\\${c}`;
  }

  private charClass(): string {
    this.i++;
    let negated = false;
    if (this.p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    if (this.p[this.i] === ']') this.refuse(`a ']' first in a class`);
    let items = '';
    let caseBound = '';
    while (this.i < this.p.length && this.p[this.i] !== ']') {
      const rest = this.p.slice(this.i);
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (posix) {
        const body = POSIX[posix[2]!];
        if (!body || posix[1]) this.refuse(`the class [:${posix[1]}${posix[2]}:]`);
        this.i += posix[0].length;
        if (CASE_BOUND.has(posix[2]!) && this.caseless) caseBound += body;
        else items += body;
        continue;
      }
      if (/^\[[.=:]/.test(rest)) this.refuse(`'${rest.slice(0, 4)}' in a class (no POSIX class both engines read alike)`);
      if (this.p[this.i] === '\\') {
        items += this.escape(true);
        continue;
      }
      const ch = String.fromCodePoint(this.p.codePointAt(this.i)!);
      this.i += ch.length;
      items += ch === '[' ? '\\[' : ch;
    }
    if (this.p[this.i] !== ']') this.refuse(`an unclosed '['`);
    this.i++;
    if (!caseBound) return `[${negated ? '^' : ''}${items}]`;
    // [:upper:] and [:lower:] keep their case in PCRE2 even when caseless.
    if (negated) this.refuse('a negated class with [:upper:] or [:lower:] under a case-insensitive collation');
    return items ? `(?:(?-i:[${caseBound}])|[${items}])` : `(?-i:[${caseBound}])`;
  }
}

/** `matchRead`: the match itself is read (REGEXP_SUBSTR/INSTR/REPLACE), not only whether there is one. */
export function translatePattern(pattern: string, caseless: boolean, matchRead: boolean): TranslatedPattern {
  if (pattern === '') throw new DialectUnsupported(`an empty regular expression`);
  const r = new Parser(pattern, caseless, matchRead).parse();
  return { re2: `(?${caseless ? 'i' : ''}-${caseless ? '' : 'i'}ms)${r.re2}`, nullable: r.nullable };
}
