import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256, toHex } from '../../../shared/base/sha256.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sha256 (FIPS 180-4)', () => {
  // NIST CSRC "Examples with intermediate values" (SHA256.pdf, SHA2_Additional) and FIPS 180-2 appendix B.
  it.each([
    ['the empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc" (one block)', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'the 448-bit message (two blocks)',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'the 896-bit message',
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %s', (_name, message, digest) => {
    expect(toHex(sha256(ascii(message)))).toBe(digest);
  });

  it('hashes one million "a"s', () => {
    const message = new Uint8Array(1_000_000).fill(0x61);
    expect(toHex(sha256(message))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes single bytes (NIST SHA2_Additional: 0xbd)', () => {
    expect(toHex(sha256(new Uint8Array([0xbd])))).toBe(
      '68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b',
    );
    expect(toHex(sha256(new Uint8Array([0xc9, 0x8c, 0x8e, 0x55])))).toBe(
      '7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504',
    );
  });

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const message = new Uint8Array(length);
      for (let i = 0; i < length; i++) message[i] = (i * 31 + length) & 0xff;
      expect(toHex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
    }
  });

  it('returns a fresh 32-byte array', () => {
    const digest = sha256(ascii('abc'));
    expect(digest).toBeInstanceOf(Uint8Array);
    expect(digest.length).toBe(32);
  });
});

describe('toHex', () => {
  it('writes two lowercase digits a byte', () => {
    expect(toHex(new Uint8Array([0, 1, 0x0f, 0xab, 0xff]))).toBe('00010fabff');
    expect(toHex(new Uint8Array())).toBe('');
  });
});
