import { describe, expect, it } from 'vitest';
import { translatePattern } from './regexp-pattern.ts';
import { numberLocale } from './format-locales.ts';

describe('translatePattern (PCRE2 with UCP -> RE2)', () => {
  it('writes the UCP classes and keeps [:upper:] case-bound when caseless', () => {
    expect(translatePattern('^[[:alpha:]]+$', true, false).re2).toBe('(?i-ms)^(?:[\\p{L}])+(?:\\n?\\z)');
    expect(translatePattern('[[:upper:]]', true, false).re2).toBe('(?i-ms)(?-i:[\\p{Lu}])');
    expect(translatePattern('\\d', false, true).re2).toBe('(?-ims)[\\p{Nd}]');
  });
  it('refuses what the engines read differently, naming it', () => {
    for (const p of ['(b)\\1', '(?=o)', 'a++', '\\bbob', '[[:<:]]x', '(?<n>b)', '\\Z']) expect(() => translatePattern(p, true, false)).toThrow(/regular expression/);
    expect(() => translatePattern('a$', true, true)).toThrow(/final newline/);
  });
  it('knows which patterns can match the empty string', () => {
    expect(translatePattern('a*', true, true).nullable).toBe(true);
    expect(translatePattern('b+', true, true).nullable).toBe(false);
  });
});

describe('numberLocale', () => {
  it('has MariaDB 10.11 separators, ignoring case, en_US for unknown names', () => {
    expect(numberLocale('de_CH')).toEqual({ point: '.', separator: "'" });
    expect(numberLocale('FR_fr')).toEqual({ point: ',', separator: '' });
    expect(numberLocale('xx_XX')).toEqual({ point: '.', separator: ',' });
    expect(numberLocale('en_IN').indian).toBe(true);
  });
});
