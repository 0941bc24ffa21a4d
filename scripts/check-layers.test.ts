// The layer order holds for the whole repository, and the check would see an arrow pointing up.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script, run by node in CI too; it has no type declarations
import { layerViolations } from './check-layers.mjs';

describe('layers', () => {
  it('every import between top-level folders points down', () => {
    expect(layerViolations(join(fileURLToPath(new URL('.', import.meta.url)), '..'))).toEqual([]);
  });

  it('reports an import that points up, and one across a layer', () => {
    const root = mkdtempSync(join(tmpdir(), 'iq-layers-'));
    for (const dir of ['core', 'store', 'gateway', 'tiering']) mkdirSync(join(root, dir));
    writeFileSync(join(root, 'core', 'a.ts'), "import { x } from '../store/index.ts';\n");
    writeFileSync(join(root, 'gateway', 'b.ts'), "import type { y } from '../tiering/index.ts';\nimport { z } from '../core/index.ts';\n");
    writeFileSync(join(root, 'store', 'index.ts'), 'export const x = 1;\n');
    expect(layerViolations(root)).toEqual(["core → store (core/a.ts: '../store/index.ts')", "gateway → tiering (gateway/b.ts: '../tiering/index.ts')"]);
  });
});
