// A cursor over a DDL statement's tokens (whitespace removed), for the DDL reader.
import type { Token } from '../../dialect/index.ts';

export class DdlError extends Error {}

/** Tokens without whitespace, with a cursor. */
export class Cursor {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.i + ahead];
  }

  word(ahead = 0): string {
    const t = this.peek(ahead);
    return t?.kind === 'word' ? t.text.toUpperCase() : '';
  }

  isSymbol(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === 'other' && t.text === text;
  }

  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new DdlError('statement ends too early');
    return t;
  }

  accept(...words: string[]): boolean {
    if (words.every((w, k) => this.word(k) === w)) {
      this.i += words.length;
      return true;
    }
    return false;
  }

  expect(...words: string[]): void {
    if (!this.accept(...words)) throw new DdlError(`expected ${words.join(' ')} near '${this.peek()?.text ?? 'end'}'`);
  }

  acceptSymbol(text: string): boolean {
    if (this.isSymbol(text)) {
      this.i++;
      return true;
    }
    return false;
  }

  identifier(): string {
    const t = this.next();
    if (t.kind === 'word' || t.kind === 'quoted') return t.text;
    throw new DdlError(`expected a name near '${t.text}'`);
  }

  get done(): boolean {
    return this.i >= this.tokens.length || this.isSymbol(';');
  }

  /** Skips to the next top-level comma or closing parenthesis of the current level. */
  skipClause(): void {
    let depth = 0;
    while (!this.done) {
      if (depth === 0 && (this.isSymbol(',') || this.isSymbol(')'))) return;
      const t = this.next();
      if (t.kind === 'other' && t.text === '(') depth++;
      if (t.kind === 'other' && t.text === ')') depth--;
    }
  }

  /** The raw text of a parenthesised list, returned as its top-level items' tokens. */
  parenthesised(): Token[][] {
    if (!this.acceptSymbol('(')) throw new DdlError(`expected '(' near '${this.peek()?.text ?? 'end'}'`);
    const items: Token[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t.kind === 'other' && t.text === '(') depth++;
      if (t.kind === 'other' && t.text === ')') {
        if (depth === 0) return items;
        depth--;
      }
      if (depth === 0 && t.kind === 'other' && t.text === ',') items.push([]);
      else items[items.length - 1]!.push(t);
    }
  }
}

