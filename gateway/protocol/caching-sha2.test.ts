import { describe, expect, it } from 'vitest';
import { constants, publicEncrypt } from 'node:crypto';
import { Sha2RsaKeys, withoutMoreDataMarker, PERFORM_FULL_AUTHENTICATION } from './caching-sha2.ts';

describe('caching_sha2_password RSA', () => {
  const keys = new Sha2RsaKeys();
  const scramble = Buffer.from('0123456789abcdefghij');
  const block = (password: string, padding: number) => {
    const plain = Buffer.from(`${password}\0`).map((b, i) => b ^ scramble[i % scramble.length]!);
    return publicEncrypt({ key: keys.publicPem, padding, ...(padding === constants.RSA_PKCS1_OAEP_PADDING ? { oaepHash: 'sha1' } : {}) }, Buffer.from(plain));
  };

  it('reads the password in OAEP, and in PKCS#1 v1.5 as MySQL Connector/J sends it to an older server version', () => {
    expect(keys.decryptPassword(block('s3cret', constants.RSA_PKCS1_OAEP_PADDING), scramble)).toBe('s3cret');
    expect(keys.decryptPassword(block('s3cret', constants.RSA_PKCS1_PADDING), scramble, 'pkcs1')).toBe('s3cret');
  });

  it('turns a badly padded PKCS#1 block into a password that fails, not an error', () => {
    const wrong = keys.decryptPassword(Buffer.alloc(256, 7), scramble, 'pkcs1');
    expect(wrong).not.toBe('');
    expect(keys.decryptPassword(block('s3cret', constants.RSA_PKCS1_OAEP_PADDING), scramble, 'pkcs1')).not.toBe('s3cret');
  });

  it('drops the 0x01 marker for clients that read the packet whole', () => {
    expect([...withoutMoreDataMarker(PERFORM_FULL_AUTHENTICATION)]).toEqual([0x04]);
  });
});
