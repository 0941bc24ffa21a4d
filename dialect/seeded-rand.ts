// RAND(seed) as MariaDB computes it (sql/item_func.cc Item_func_rand::seed_random, mysys/my_rnd.c):
// the seed's val_int() cut to 32 bits is `t`; the generator starts at seed1 = (uint32)(t*0x10001 +
// 55555555) % 0x3FFFFFFF, seed2 = (uint32)(t*0x10000001) % 0x3FFFFFFF, and each call steps
// seed1 = (seed1*3 + seed2) % max, seed2 = (seed1 + seed2 + 33) % max and returns seed1 / max.
// Each RAND(seed) item has its own generator, stepped once per evaluation: in a SELECT that reads
// no table it is evaluated once, so its value is the first one, a constant known here. Over rows
// the n-th evaluation gets the n-th value, in the order MariaDB happens to evaluate them: refused.
import { DialectUnsupported } from './dialect-error.ts';
import type { Emitted } from './emitted.ts';
import { familyOf, typeOf } from './mysql-types.ts';

const MAX = 0x3fffffffn;

/** The first value of MariaDB's generator seeded by the (64-bit) integer `seed`. */
export function firstRandValue(seed: bigint): number {
  const t = BigInt.asUintN(32, seed);
  const seed1 = BigInt.asUintN(32, t * 0x10001n + 55555555n) % MAX;
  const seed2 = BigInt.asUintN(32, t * 0x10000001n) % MAX;
  return Number((seed1 * 3n + seed2) % MAX) / Number(MAX);
}

/** A literal seed's val_int(): an integer as it is, a DECIMAL rounded half away from zero, NULL 0. */
function literalSeed(e: Emitted): bigint | undefined {
  const f = familyOf(e.type);
  if (f === 'null') return 0n;
  if (f !== 'int' && f !== 'decimal') return undefined;
  const m = /^\(?(-?)(\d+)(?:\.(\d*))?\)?(?:::(?:U?BIGINT|HUGEINT|INTEGER|DECIMAL\(\d+,\d+\)))?$/.exec(e.sql.trim());
  if (!m) return undefined;
  const whole = BigInt(m[2]!) + (m[3] !== undefined && m[3] !== '' && Number(m[3][0]) >= 5 ? 1n : 0n);
  // Past 64 bits val_int() clamps (with a warning): not modelled.
  return whole >= 1n << 63n ? undefined : m[1] === '-' ? -whole : whole;
}

/**
 * RAND(seed): a constant where the statement reads no table (`rowless`), the block has no
 * HAVING and the seed is a literal; refused otherwise, naming why.
 */
export function seededRand(seed: Emitted, rowless: boolean, having: boolean): Emitted {
  // MariaDB's HAVING may step the generator again: SELECT RAND(5) AS r HAVING r > 0.41 gives its second value.
  if (having) throw new DialectUnsupported('RAND() with a seed in a SELECT with HAVING (MariaDB may evaluate it again there)');
  if (!rowless) throw new DialectUnsupported("RAND() with a seed over a table's rows (MariaDB gives the n-th row the generator's n-th value, in the order it evaluates the rows)");
  const n = literalSeed(seed);
  if (n === undefined) throw new DialectUnsupported('RAND() with a seed that is not a number literal');
  // JavaScript's shortest round-trip digits name the same double when DuckDB reads them as text
  // (as a numeric literal they are a DECIMAL first, whose cast to DOUBLE may round otherwise).
  return { sql: `CAST('${String(firstRandValue(n))}' AS DOUBLE)`, type: typeOf('double', false) };
}
