import { describe, expect, it } from 'vitest';
import { createAuthenticator, isLoopback } from './auth.ts';
import { nativePasswordToken } from './protocol/handshake.ts';

const SCRAMBLE = Buffer.from('0123456789abcdefghij');
const EMPTY = Buffer.alloc(0);

describe('isLoopback', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['128.0.0.1', false],
    ['1270.0.0.1', false],
    ['127.example.com', false],
    ['::2', false],
    ['fe80::1', false],
    ['', false],
  ])('%j: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('createAuthenticator without users', () => {
  const auth = createAuthenticator([]);

  it('opens root on loopback', () => {
    expect(auth.openRootOnLoopback).toBe(true);
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('allows root with an empty token from %s', (address) => {
    expect(auth.checkNative('root', EMPTY, SCRAMBLE, address)).toBeNull();
  });

  it.each<[string, Buffer, string]>([
    ['root', EMPTY, '10.0.0.1'],
    ['root', EMPTY, '::ffff:192.168.1.5'],
    ['root', nativePasswordToken('pw', SCRAMBLE), '127.0.0.1'],
    ['admin', EMPTY, '127.0.0.1'],
    ['', EMPTY, '127.0.0.1'],
  ])('refuses user %j with a %o token from %s', (user, token, address) => {
    expect(auth.checkNative(user, token, SCRAMBLE, address)).toMatch(/no users are configured/);
  });
});

describe('createAuthenticator with users', () => {
  const auth = createAuthenticator([
    { user: 'alice', password: 'wonderland' },
    { user: 'bob', password: '' },
  ]);

  it('no longer opens root on loopback', () => {
    expect(auth.openRootOnLoopback).toBe(false);
    expect(auth.checkNative('root', EMPTY, SCRAMBLE, '127.0.0.1')).not.toBeNull();
  });

  it.each(['127.0.0.1', '10.0.0.1'])('allows the right password from %s', (address) => {
    expect(auth.checkNative('alice', nativePasswordToken('wonderland', SCRAMBLE), SCRAMBLE, address)).toBeNull();
  });

  it.each<[string, string, Buffer]>([
    ['wrong password', 'alice', nativePasswordToken('Wonderland', SCRAMBLE)],
    ['token for another scramble', 'alice', nativePasswordToken('wonderland', Buffer.from('jihgfedcba9876543210'))],
    ['empty token', 'alice', EMPTY],
    ['unknown user', 'carol', nativePasswordToken('wonderland', SCRAMBLE)],
    ['password for a user without one', 'bob', nativePasswordToken('x', SCRAMBLE)],
  ])('refuses a %s', (_name, user, token) => {
    expect(auth.checkNative(user, token, SCRAMBLE, '127.0.0.1')).toBe('unknown user or wrong password');
  });

  it('allows a user configured without a password with an empty token', () => {
    expect(auth.checkNative('bob', EMPTY, SCRAMBLE, '10.0.0.1')).toBeNull();
  });
});
