// One column's Avro type and value conversion, as Debezium's MySQL connector writes them with
// Confluent's AvroConverter (Kafka Connect semantic types in `connect.name`), so a standard Avro
// consumer reads our topics as it reads Debezium's, and our sink reads Debezium's topics.
// Reference: Debezium MySQL connector, "Data type mappings" (time.precision.mode=adaptive_time_microseconds).
//
// Row values inside instaquery are the source's text forms (see RowValue); these functions turn
// them into Debezium's encodings and back into the same text, so a row that travels through Kafka
// lands in the store exactly as it does in embedded mode.
import type { RowValue, SourceColumn } from '../../core/index.ts';
import { mapColumnType } from '../../core/index.ts';
import { declaredMembers } from '../../dialect/index.ts';

export type AvroType = string | Record<string, unknown>;

/** How one column travels: its Avro type (not yet made nullable) and the two conversions. */
export interface ColumnCodec {
  avro: AvroType;
  encode(value: RowValue): unknown;
  decode(value: unknown): RowValue;
}

/** `bigint.unsigned.handling.mode`: Debezium's `long` wraps values ≥ 2^63; `precise` keeps them. */
export type UnsignedMode = 'long' | 'precise';

const connect = (type: string, name: string, parameters?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  type,
  ...extra,
  'connect.version': 1,
  ...(parameters ? { 'connect.parameters': parameters } : {}),
  'connect.name': name,
});

const text = (v: RowValue): string => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));
const asIs: ColumnCodec['decode'] = (v) => (v === undefined ? null : (v as RowValue));

function decimalCodec(precision: number, scale: number): ColumnCodec {
  return {
    avro: connect('bytes', 'org.apache.kafka.connect.data.Decimal', { scale: String(scale), 'connect.decimal.precision': String(precision) }, { scale, precision, logicalType: 'decimal' }),
    encode: (v) => unscaledBytes(text(v), scale),
    decode: (v) => decimalText(v as Buffer, scale),
  };
}

/** Two's-complement big-endian bytes of the unscaled value, as Connect's Decimal holds it. */
export function unscaledBytes(digits: string, scale: number): Buffer {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(digits.trim());
  if (!m) throw new Error(`'${digits}' is not a decimal number`);
  const frac = (m[3] ?? '').padEnd(scale, '0').slice(0, scale);
  let n = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') n = -n;
  let hex = (n < 0n ? (1n << BigInt(byteLength(n) * 8)) + n : n).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const bytes = Buffer.from(hex, 'hex');
  // A positive value whose top bit is set needs a leading zero byte to stay positive.
  return n >= 0n && bytes.length > 0 && bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes.length ? bytes : Buffer.from([0]);
}

function byteLength(n: bigint): number {
  let bytes = 1;
  while (n < -(1n << BigInt(bytes * 8 - 1))) bytes++;
  return bytes;
}

export function decimalText(bytes: Buffer, scale: number): string {
  if (bytes.length === 0) return '0';
  let n = BigInt('0x' + bytes.toString('hex'));
  if (bytes[0]! & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${whole}` : whole;
}

// Days since 1970-01-01 for a proleptic Gregorian date, and back (Howard Hinnant's algorithms):
// plain integer arithmetic, right for years 0000..9999 where Date.UTC maps years < 100 to 19xx.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?Z?$/;

/** Microseconds since the epoch of a wall-clock DATE/DATETIME text; null for MySQL's zero dates. */
function epochMicros(v: RowValue): bigint | null {
  const m = DATE_TIME.exec(text(v));
  if (!m) throw new Error(`'${text(v)}' is not a date and time`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo === 0 || d === 0) return null;
  const seconds = BigInt(daysFromCivil(y, mo, d)) * 86400n + BigInt(Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0));
  return seconds * 1_000_000n + BigInt((m[7] ?? '').padEnd(6, '0'));
}

function dateTimeText(micros: bigint, fsp: number, separator = ' '): string {
  const seconds = micros / 1_000_000n - (micros % 1_000_000n < 0n ? 1n : 0n);
  const frac = micros - seconds * 1_000_000n;
  const days = Number(seconds / 86400n - (seconds % 86400n < 0n ? 1n : 0n));
  const secOfDay = Number(seconds - BigInt(days) * 86400n);
  const [y, m, d] = civilFromDays(days);
  const clock = `${pad(Math.floor(secOfDay / 3600))}:${pad(Math.floor(secOfDay / 60) % 60)}:${pad(secOfDay % 60)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}${separator}${clock}${fsp > 0 ? '.' + pad(frac, 6).slice(0, fsp) : ''}`;
}

function timeMicros(v: RowValue): bigint {
  const m = /^(-?)(\d+):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text(v));
  if (!m) throw new Error(`'${text(v)}' is not a time`);
  const micros = BigInt(Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4])) * 1_000_000n + BigInt((m[5] ?? '').padEnd(6, '0'));
  return m[1] ? -micros : micros;
}

function timeText(micros: bigint, fsp: number): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const seconds = Number(abs / 1_000_000n);
  const frac = abs % 1_000_000n;
  return `${negative ? '-' : ''}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${fsp > 0 ? '.' + pad(frac, 6).slice(0, fsp) : ''}`;
}

const toBigInt = (v: RowValue): bigint => (Buffer.isBuffer(v) ? (v.length ? BigInt('0x' + v.toString('hex')) : 0n) : BigInt(typeof v === 'boolean' ? Number(v) : String(v)));

/** The codec of a source column, from its MySQL COLUMN_TYPE. */
export function columnCodec(column: SourceColumn, unsigned: UnsignedMode = 'precise'): ColumnCodec {
  const t = column.columnType.toLowerCase().trim();
  const base = /^[a-z]+/.exec(t)?.[0] ?? t;
  const isUnsigned = /\bunsigned\b/.test(t);
  const fsp = Number(/\((\d)\)/.exec(t)?.[1] ?? 0);
  const int = (avro: AvroType): ColumnCodec => ({ avro, encode: (v) => Number(toBigInt(v)), decode: asIs });
  const long = (avro: AvroType = 'long'): ColumnCodec => ({ avro, encode: (v) => Number(toBigInt(v)), decode: asIs });
  switch (base) {
    case 'bool':
    case 'boolean':
    case 'tinyint':
      return int({ type: 'int', 'connect.type': 'int16' });
    case 'smallint':
      return isUnsigned ? int('int') : int({ type: 'int', 'connect.type': 'int16' });
    case 'mediumint':
      return int('int');
    case 'int':
    case 'integer':
      return isUnsigned ? long() : int('int');
    case 'bigint':
      if (!isUnsigned) return { avro: 'long', encode: (v) => toBigInt(v), decode: (v) => (typeof v === 'bigint' ? v.toString() : asIs(v)) };
      if (unsigned === 'long') return { avro: 'long', encode: (v) => BigInt.asIntN(64, toBigInt(v)), decode: (v) => BigInt.asUintN(64, BigInt(v as number)).toString() };
      return decimalCodec(20, 0);
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed': {
      const m = /\((\d+)(?:,\s*(\d+))?\)/.exec(t);
      return decimalCodec(m ? Number(m[1]) : 10, m?.[2] ? Number(m[2]) : 0);
    }
    case 'float':
      return { avro: 'float', encode: (v) => Number(v), decode: asIs };
    case 'double':
    case 'real':
      return { avro: 'double', encode: (v) => Number(v), decode: asIs };
    case 'bit': {
      const length = Number(/\((\d+)\)/.exec(t)?.[1] ?? 1);
      if (length === 1) return { avro: 'boolean', encode: (v) => toBigInt(v) !== 0n, decode: (v) => (v ? 1 : 0) };
      // Debezium's Bits are little-endian bytes; the source's are big-endian.
      const bytes = Math.ceil(length / 8);
      return {
        avro: connect('bytes', 'io.debezium.data.Bits', { length: String(length) }),
        encode: (v) => Buffer.from(toBigInt(v).toString(16).padStart(bytes * 2, '0'), 'hex').reverse(),
        decode: (v) => Buffer.from(v as Buffer).reverse(),
      };
    }
    case 'year':
      return { avro: connect('int', 'io.debezium.time.Year'), encode: (v) => Number(v), decode: asIs };
    case 'date':
      return {
        avro: connect('int', 'io.debezium.time.Date'),
        encode: (v) => {
          const micros = epochMicros(v);
          return micros === null ? null : Number(micros / 86_400_000_000n);
        },
        decode: (v) => dateTimeText(BigInt(v as number) * 86_400_000_000n, 0).slice(0, 10),
      };
    case 'datetime':
      return fsp <= 3
        ? {
            avro: connect('long', 'io.debezium.time.Timestamp'),
            encode: (v) => {
              const micros = epochMicros(v);
              return micros === null ? null : Number(micros / 1000n);
            },
            decode: (v) => dateTimeText(BigInt(v as number) * 1000n, fsp),
          }
        : {
            avro: connect('long', 'io.debezium.time.MicroTimestamp'),
            // Microseconds near year 9999 pass 2^53: sent as a 64-bit BigInt.
            encode: (v) => epochMicros(v),
            decode: (v) => dateTimeText(BigInt(v as number), fsp),
          };
    case 'timestamp':
      // Read in UTC by the source, written as ISO-8601 with Z as Debezium's ZonedTimestamp is.
      return {
        avro: connect('string', 'io.debezium.time.ZonedTimestamp'),
        encode: (v) => {
          const micros = epochMicros(v);
          return micros === null ? null : `${dateTimeText(micros, fsp, 'T')}Z`;
        },
        decode: (v) => {
          const micros = epochMicros(v as string);
          return micros === null ? null : dateTimeText(micros, fsp);
        },
      };
    case 'time':
      return { avro: connect('long', 'io.debezium.time.MicroTime'), encode: (v) => Number(timeMicros(v)), decode: (v) => timeText(BigInt(v as number), fsp) };
    case 'json':
      return { avro: connect('string', 'io.debezium.data.Json'), encode: text, decode: asIs };
    case 'enum':
      return { avro: connect('string', 'io.debezium.data.Enum', { allowed: (declaredMembers(column.columnType, 'enum') ?? []).join(',') }), encode: text, decode: asIs };
    case 'set':
      return { avro: connect('string', 'io.debezium.data.EnumSet', { allowed: (declaredMembers(column.columnType, 'set') ?? []).join(',') }), encode: text, decode: asIs };
    default:
      // Binary strings, blobs and geometry are bytes wherever the store keeps them as BLOB.
      if (mapColumnType(column.columnType).duckType === 'BLOB') return { avro: 'bytes', encode: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8')), decode: asIs };
      return { avro: 'string', encode: text, decode: asIs };
  }
}

/**
 * The MySQL column type a Debezium field stands for, when the producer did not propagate the
 * source type (`column.propagate.source.type`): the widest MySQL type of that Connect type.
 */
export function columnTypeOfConnect(avro: Record<string, unknown> | string): string {
  const type = typeof avro === 'string' ? avro : String(avro.type);
  const name = typeof avro === 'string' ? undefined : (avro['connect.name'] as string | undefined);
  const params = (typeof avro === 'string' ? {} : (avro['connect.parameters'] as Record<string, string> | undefined)) ?? {};
  switch (name) {
    case 'org.apache.kafka.connect.data.Decimal':
      return `decimal(${params['connect.decimal.precision'] ?? 65},${params.scale ?? 0})`;
    case 'io.debezium.time.Date':
    case 'org.apache.kafka.connect.data.Date':
      return 'date';
    case 'io.debezium.time.Timestamp':
    case 'org.apache.kafka.connect.data.Timestamp':
      return 'datetime(3)';
    case 'io.debezium.time.MicroTimestamp':
    case 'io.debezium.time.NanoTimestamp':
      return 'datetime(6)';
    case 'io.debezium.time.ZonedTimestamp':
      return 'timestamp(6)';
    case 'io.debezium.time.MicroTime':
    case 'io.debezium.time.NanoTime':
      return 'time(6)';
    case 'io.debezium.time.Time':
    case 'org.apache.kafka.connect.data.Time':
      return 'time(3)';
    case 'io.debezium.time.Year':
      return 'year';
    case 'io.debezium.data.Json':
      return 'json';
    case 'io.debezium.data.Enum':
      return `enum(${(params.allowed ?? '').split(',').map((m) => `'${m.replace(/'/g, "''")}'`).join(',')})`;
    case 'io.debezium.data.EnumSet':
      return `set(${(params.allowed ?? '').split(',').map((m) => `'${m.replace(/'/g, "''")}'`).join(',')})`;
    case 'io.debezium.data.Bits':
      return `bit(${params.length ?? 64})`;
  }
  const connectType = typeof avro === 'string' ? undefined : (avro['connect.type'] as string | undefined);
  if (connectType === 'int16') return 'smallint';
  if (connectType === 'int8') return 'tinyint';
  switch (type) {
    case 'int':
      return 'int';
    case 'long':
      return 'bigint';
    case 'boolean':
      return 'bit(1)';
    case 'float':
      return 'float';
    case 'double':
      return 'double';
    case 'bytes':
      return 'longblob';
    default:
      return 'longtext';
  }
}
