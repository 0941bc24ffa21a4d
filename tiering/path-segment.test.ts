import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathSegment } from './path-segment.ts';
import { tableDir } from './manifest.ts';

describe('pathSegment', () => {
  it('keeps ordinary names as they are', () => {
    for (const name of ['bill', 'rb_2024', 'Ünïcode näme', 'a.b', 'x$y']) expect(pathSegment(name)).toBe(name);
  });

  it('never lets a source name leave the target directory', () => {
    for (const [db, table] of [['rb', 'a/../b'], ['..', 'x'], ['rb', '..'], ['a\\..\\b', 't'], ['rb', '../../etc']] as const) {
      const dir = tableDir('/cold', db, table);
      expect(dir.startsWith('/cold/'), dir).toBe(true);
      expect(dir.split('/').length, dir).toBe(4);
    }
  });

  it('is one-to-one, so two names never share a directory', () => {
    expect(pathSegment('a/b')).not.toBe(pathSegment('a%2Fb'));
    expect(join('/cold', pathSegment('a/b'))).toBe('/cold/a%2Fb');
  });
});
