// Each MySQL type's Debezium encoding and back: the text that reaches the store through Kafka
// must be the text embedded mode stores.
import { describe, expect, it } from 'vitest';
import { columnCodec, columnTypeOfConnect, decimalText, unscaledBytes } from './column-codec.ts';

const roundTrip = (columnType: string, value: string | number | Buffer) => {
  const codec = columnCodec({ name: 'c', columnType, nullable: true });
  return codec.decode(codec.encode(value));
};

describe('column codec', () => {
  it.each([
    ['decimal(14,2)', '-12345.67'],
    ['decimal(14,2)', '0.05'],
    ['decimal(65,30)', '12345678901234567890123456789012345.123456789012345678901234567890'],
    ['datetime', '2024-02-29 23:59:59'],
    ['datetime(3)', '0001-01-01 00:00:00.123'],
    ['datetime(6)', '9999-12-31 23:59:59.999999'],
    ['timestamp(6)', '2038-01-19 03:14:07.500000'],
    ['date', '1969-07-20'],
    ['time(6)', '-838:59:59.000000'],
    ['time', '12:34:56'],
    ['bigint(20) unsigned', '18446744073709551615'],
    ['enum(\'a\',\'b\')', 'b'],
  ])('%s keeps %s', (type, value) => {
    expect(String(roundTrip(type, value))).toBe(value);
  });

  it('writes Debezium encodings: days, epoch millis, microseconds, little-endian bits', () => {
    expect(columnCodec({ name: 'd', columnType: 'date', nullable: true }).encode('1970-01-02')).toBe(1);
    expect(columnCodec({ name: 't', columnType: 'datetime(3)', nullable: true }).encode('1970-01-01 00:00:01.5')).toBe(1500);
    expect(columnCodec({ name: 't', columnType: 'time(6)', nullable: true }).encode('00:00:01.000002')).toBe(1_000_002);
    expect(columnCodec({ name: 'z', columnType: 'timestamp', nullable: true }).encode('2024-01-02 03:04:05')).toBe('2024-01-02T03:04:05Z');
    expect((columnCodec({ name: 'b', columnType: 'bit(16)', nullable: true }).encode(Buffer.from([0x01, 0x02])) as Buffer).toString('hex')).toBe('0201');
  });

  it('turns MySQL zero dates into null, as the store holds them', () => {
    expect(columnCodec({ name: 'd', columnType: 'date', nullable: true }).encode('0000-00-00')).toBeNull();
    expect(columnCodec({ name: 'd', columnType: 'datetime', nullable: true }).encode('2024-00-10 00:00:00')).toBeNull();
  });

  it('encodes Connect decimals as two\'s-complement bytes', () => {
    expect(unscaledBytes('-1.00', 2).toString('hex')).toBe('9c');
    expect(unscaledBytes('-1.29', 2).toString('hex')).toBe('ff7f');
    expect(unscaledBytes('1.28', 2).toString('hex')).toBe('0080');
    expect(decimalText(Buffer.from('9c', 'hex'), 2)).toBe('-1.00');
    expect(decimalText(Buffer.from('0080', 'hex'), 2)).toBe('1.28');
  });

  it('reads a Debezium producer\'s Connect types as MySQL types', () => {
    expect(columnTypeOfConnect({ type: 'bytes', 'connect.name': 'org.apache.kafka.connect.data.Decimal', 'connect.parameters': { scale: '2', 'connect.decimal.precision': '14' } })).toBe('decimal(14,2)');
    expect(columnTypeOfConnect({ type: 'long', 'connect.name': 'io.debezium.time.MicroTimestamp' })).toBe('datetime(6)');
    expect(columnTypeOfConnect({ type: 'int', 'connect.type': 'int16' })).toBe('smallint');
    expect(columnTypeOfConnect({ type: 'string', 'connect.name': 'io.debezium.data.Enum', 'connect.parameters': { allowed: 'a,b' } })).toBe("enum('a','b')");
  });
});
