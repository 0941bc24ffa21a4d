#!/usr/bin/env node
// Checks that every import between top-level folders points down the layers, so the code has one
// picture and no circles (README "Layout"). A folder may import its own files and any folder of a
// lower layer, never one of its own layer or above. Tests and benchmarks sit on top.
//   node scripts/check-layers.mjs        exits 1 and lists each arrow that points the wrong way
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bottom first. Folders on one line share a layer and must not import each other. */
export const LAYERS = [
  ['core'],
  ['partitioning'],
  ['dialect'],
  ['store'],
  ['connectors/mysql-source'],
  ['connectors/columnar-sink'],
  ['connectors/kafka-transport'],
  ['tiering', 'gateway'],
  ['runtime'],
  ['admin-ui'],
  ['workload'],
  ['cli'],
  // Benchmarks start instances with the test suite's helpers.
  ['test'],
  ['bench', 'scripts'],
];

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP = new Set(['node_modules', '.git', '.data', '.scratch', 'test-results']);

/** The layer folder a repository path belongs to, or null for files outside every layer. */
export function folderOf(path) {
  const parts = path.split(sep).join('/').split('/');
  const two = parts.slice(0, 2).join('/');
  for (const group of LAYERS) for (const f of group) if (f === two || f === parts[0]) return f;
  return null;
}

function rankOf(folder) {
  return LAYERS.findIndex((group) => group.includes(folder));
}

function* sources(root, dir = root) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(root, path);
    else if (SOURCE.test(name)) yield relative(root, path);
  }
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** Every import that points to the same layer or a higher one: `from → to (file: specifier)`. */
export function layerViolations(root) {
  const out = [];
  for (const file of sources(root)) {
    const from = folderOf(file);
    if (from === null) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), m[2]));
      const to = folderOf(target);
      if (to === null || to === from) continue;
      if (rankOf(to) < rankOf(from)) continue;
      out.push(`${from} → ${to} (${file}: '${m[2]}')`);
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const wrong = layerViolations(root);
  for (const line of wrong) console.error(line);
  if (wrong.length) {
    console.error(`${wrong.length} import(s) point up or across the layers (scripts/check-layers.mjs lists the order)`);
    process.exit(1);
  }
  console.log('every import points down the layers');
}
