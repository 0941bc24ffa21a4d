import { describe, expect, it } from 'vitest';
import { mysqlDoubleText, mysqlFixedText, mysqlFloatText } from './double-text.ts';

describe('DOUBLE and FLOAT text as MariaDB prints them', () => {
  it('writes the shortest digits, plain or exponential as my_gcvt chooses', () => {
    const cases: [number, string][] = [
      [1e308, '1e308'], [-1e308, '-1e308'], [-15000000000, '-15000000000'], [1e16, '1e16'], [1e15, '1e15'], [1e14, '100000000000000'],
      [1e-10, '0.0000000001'], [1e-5, '0.00001'], [0.1, '0.1'], [1 / 3, '0.3333333333333333'], [12345678912345678, '1.2345678912345678e16'],
      [1, '1'], [-0, '0'], [100, '100'], [1.5e-300, '1.5e-300'], [5e-324, '5e-324'], [1e-15, '0.000000000000001'], [1.5e-16, '1.5e-16'],
      [999999999999999.9, '999999999999999.9'], [1.5e15, '1.5e15'], [-1.2345678901234566e-7, '-0.00000012345678901234566'], [0.1 + 0.2, '0.30000000000000004'],
    ];
    for (const [x, text] of cases) expect(mysqlDoubleText(x)).toBe(text);
  });
  it('gives a FLOAT 6 significant digits', () => {
    const cases: [number, string][] = [[Math.fround(1234567.89), '1234570'], [Math.fround(3.4e38), '3.4e38'], [Math.fround(1 / 3), '0.333333'], [Math.fround(1e15), '1e15'], [Math.fround(1.175494e-38), '1.17549e-38'], [Math.fround(3.14159), '3.14159'], [Math.fround(123456789), '123457000'], [Math.fround(1e-5), '0.00001']];
    for (const [x, text] of cases) expect(mysqlFloatText(x)).toBe(text);
  });
  it('prints fixed decimals exactly', () => {
    expect(mysqlFixedText(2.5, 2)).toBe('2.50');
    expect(mysqlFixedText(Math.PI, 6)).toBe('3.141593');
    expect(mysqlFixedText(1e308, 2)).toBe(`1${'0'.repeat(308)}.00`);
    expect(mysqlFixedText(-0.4, 0)).toBe('0');
  });
});

describe('a DOUBLE with fixed decimals as MariaDB writes it', () => {
  it('pads its shortest digits with zeros', () => {
    expect(mysqlFixedText(163742616012970017, 6)).toBe('163742616012970020.000000');
    expect(mysqlFixedText(1e23, 2)).toBe('100000000000000000000000.00');
    expect(mysqlFixedText(0.3, 20)).toBe('0.30000000000000000000');
    expect(mysqlFixedText(12345.678901234567, 15)).toBe('12345.678901234567000');
    expect(mysqlFixedText(0.1 + 0.2, 17)).toBe('0.30000000000000004');
    expect(mysqlFixedText(-0.000001, 2)).toBe('0.00');
    expect(mysqlFixedText(0.006, 2)).toBe('0.01');
  });
});
