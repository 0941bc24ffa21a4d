import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenizer.ts';
import { readJsonTableSpec } from './json-table-spec.ts';

/** The spec of `JSON_TABLE(doc, <text>)`, read as parser-input.ts reads it. */
const spec = (text: string) => {
  const tokens = tokenize(text).filter((t) => t.kind !== 'space');
  return readJsonTableSpec(tokens, 0, tokens.length);
};

describe('readJsonTableSpec', () => {
  it('reads the row path and every column kind with its ON EMPTY / ON ERROR', () => {
    expect(spec(`'$[*]' COLUMNS (n FOR ORDINALITY, a INT UNSIGNED PATH '$.a' DEFAULT '7' ON EMPTY ERROR ON ERROR, e VARCHAR(3) EXISTS PATH '$.b', d DECIMAL(5,2) PATH '$' DEFAULT -1.5 ON ERROR)`)).toEqual({
      path: '$[*]',
      columns: [
        { kind: 'ordinality', name: 'n' },
        { kind: 'path', name: 'a', type: 'int unsigned', path: '$.a', onEmpty: { kind: 'default', text: '7' }, onError: { kind: 'error' } },
        { kind: 'exists', name: 'e', type: 'varchar(3)', path: '$.b' },
        { kind: 'path', name: 'd', type: 'decimal(5,2)', path: '$', onEmpty: { kind: 'null' }, onError: { kind: 'default', text: '-1.5' } },
      ],
    });
  });
  it('reads NESTED PATH column lists', () => {
    expect(spec(`'$[*]' COLUMNS (a INT PATH '$.a', NESTED PATH '$.b[*]' COLUMNS (n FOR ORDINALITY, b INT PATH '$'), NESTED PATH '$.c' COLUMNS (c INT PATH '$'))`).columns).toEqual([
      { kind: 'path', name: 'a', type: 'int', path: '$.a', onEmpty: { kind: 'null' }, onError: { kind: 'null' } },
      { kind: 'nested', path: '$.b[*]', columns: [{ kind: 'ordinality', name: 'n' }, { kind: 'path', name: 'b', type: 'int', path: '$', onEmpty: { kind: 'null' }, onError: { kind: 'null' } }] },
      { kind: 'nested', path: '$.c', columns: [{ kind: 'path', name: 'c', type: 'int', path: '$', onEmpty: { kind: 'null' }, onError: { kind: 'null' } }] },
    ]);
  });
  it('refuses by name what it does not serve or MariaDB does not take', () => {
    expect(() => spec(`'$' COLUMNS (b INT PATH '$', NESTED PATH '$.c[*]' COLUMNS (B INT PATH '$'))`)).toThrow(/column name B twice/);
    expect(() => spec(`'$' COLUMNS (NESTED '$.c' COLUMNS (c INT PATH '$'))`)).toThrow(/no PATH/);
    expect(() => spec(`'$' COLUMNS (a INT PATH '$', A INT PATH '$')`)).toThrow(/column name A twice/);
    expect(() => spec(`'$' COLUMNS (a INT PATH '$' NULL ON ERROR NULL ON EMPTY)`)).toThrow(/ON clause out of place/);
    expect(() => spec(`'$' COLUMNS (a INT PATH CONCAT('$', ''))`)).toThrow(/not a string literal/);
  });
});
