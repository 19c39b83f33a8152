import { describe, expect, it } from 'vitest';
import {
  type HstsEntry,
  canonicalHstsHost,
  hstsMatch,
  isIpLiteral,
  parseStrictTransportSecurity,
  preloadedHstsEntries,
} from '../../../shared/web/hstsPolicy.js';
import { HSTS_PRELOAD_LIST } from '../../../shared/web/hstsPreloadList.js';

describe('parseStrictTransportSecurity (RFC 6797 §6.1)', () => {
  it.each([
    ['max-age=31536000', { maxAge: 31536000, includeSubDomains: false }],
    ['max-age=31536000; includeSubDomains', { maxAge: 31536000, includeSubDomains: true }],
    ['includeSubDomains; max-age=10', { maxAge: 10, includeSubDomains: true }],
    ['MAX-AGE=5; INCLUDESUBDOMAINS', { maxAge: 5, includeSubDomains: true }],
    ['Max-Age=5; includesubdomains', { maxAge: 5, includeSubDomains: true }],
    ['max-age="31536000"', { maxAge: 31536000, includeSubDomains: false }],
    ['  max-age = 60 ;  includeSubDomains  ', { maxAge: 60, includeSubDomains: true }],
    ['\tmax-age=60\t;\tincludeSubDomains', { maxAge: 60, includeSubDomains: true }],
    ['max-age=0', { maxAge: 0, includeSubDomains: false }],
    ['max-age=0; includeSubDomains', { maxAge: 0, includeSubDomains: true }],
    ['max-age=31536000; includeSubDomains; preload', { maxAge: 31536000, includeSubDomains: true }],
    ['max-age=100; unknown="with ; semicolon"', { maxAge: 100, includeSubDomains: false }],
    ['max-age=100; ext=token-value', { maxAge: 100, includeSubDomains: false }],
    [';; max-age=100 ;;', { maxAge: 100, includeSubDomains: false }],
    ['max-age=007', { maxAge: 7, includeSubDomains: false }],
  ])('accepts %j', (value, expected) => {
    expect(parseStrictTransportSecurity(value)).toEqual(expected);
  });

  it.each([
    ['', 'no max-age'],
    ['includeSubDomains', 'no max-age'],
    ['max-age', 'max-age without a value'],
    ['max-age=', 'empty max-age'],
    ['max-age=""', 'empty quoted max-age'],
    ['max-age=-1', 'negative'],
    ['max-age=+1', 'signed'],
    ['max-age=1.5', 'not an integer'],
    ['max-age=abc', 'not a number'],
    ['max-age=10 20', 'two values'],
    ['max-age=1; max-age=2', 'duplicate max-age'],
    ['max-age=1; MAX-AGE=1', 'duplicate max-age, other case'],
    ['max-age=1; includeSubDomains; includeSubDomains', 'duplicate includeSubDomains'],
    ['max-age=1; preload; preload', 'duplicate unknown directive'],
    ['max-age=1; includeSubDomains=true', 'includeSubDomains with a value'],
    ['max-age=1; includeSubDomains=""', 'includeSubDomains with an empty quoted value'],
    ['max-age="1', 'unterminated quoted string'],
    ['max-age="1"x', 'text after a quoted string'],
    ['max-age=1; bad name=1', 'directive name not a token'],
    ['max-age=1; ext=a b', 'unquoted value not a token'],
    ['max-age=1, includeSubDomains', 'comma instead of semicolon'],
  ])('rejects %j (%s)', (value) => {
    expect(parseStrictTransportSecurity(value)).toBeNull();
  });

  it('keeps an enormous max-age a finite number', () => {
    const parsed = parseStrictTransportSecurity(`max-age=${'9'.repeat(40)}`);
    expect(parsed?.maxAge).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('host canonicalisation', () => {
  it('lower-cases and drops one trailing dot', () => {
    expect(canonicalHstsHost('WWW.Example.COM.')).toBe('www.example.com');
    expect(canonicalHstsHost('')).toBeNull();
    expect(canonicalHstsHost('a..b')).toBeNull();
  });

  it('recognises IP literals', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('2001:db8::1')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('1.2.3.example')).toBe(false);
  });
});

describe('hstsMatch', () => {
  const NOW = 1_700_000_000_000;
  const learned = (host: string, includeSubdomains: boolean, expiry = NOW + 1000): HstsEntry => ({
    host,
    includeSubdomains,
    source: 'learned',
    expiry,
  });
  const preload = (host: string, includeSubdomains: boolean): HstsEntry => ({
    host,
    includeSubdomains,
    source: 'preload',
    expiry: null,
  });

  it('matches the exact host with or without includeSubdomains', () => {
    expect(hstsMatch('example.com', [learned('example.com', false)], NOW)?.host).toBe('example.com');
    expect(hstsMatch('example.com', [learned('example.com', true)], NOW)?.host).toBe('example.com');
  });

  it('matches subdomains only with includeSubdomains', () => {
    expect(hstsMatch('www.example.com', [learned('example.com', false)], NOW)).toBeNull();
    expect(hstsMatch('a.b.example.com', [learned('example.com', true)], NOW)?.host).toBe('example.com');
  });

  it('does not match a suffix that is not a label boundary, nor a parent of the entry', () => {
    expect(hstsMatch('badexample.com', [learned('example.com', true)], NOW)).toBeNull();
    expect(hstsMatch('example.com', [learned('www.example.com', true)], NOW)).toBeNull();
  });

  it('picks the most specific applicable entry', () => {
    const entries = [preload('example.com', true), learned('www.example.com', true)];
    expect(hstsMatch('a.www.example.com', entries, NOW)?.host).toBe('www.example.com');
    expect(hstsMatch('other.example.com', entries, NOW)?.host).toBe('example.com');
  });

  it('skips a more specific entry that does not cover the host and falls back to a parent', () => {
    const entries = [preload('example.com', true), learned('www.example.com', false)];
    expect(hstsMatch('a.www.example.com', entries, NOW)?.host).toBe('example.com');
  });

  it('prefers a learned entry over a preloaded one for the same host', () => {
    const entries = [preload('example.com', true), learned('example.com', false)];
    expect(hstsMatch('example.com', entries, NOW)?.source).toBe('learned');
  });

  it('ignores expired learned entries', () => {
    expect(hstsMatch('example.com', [learned('example.com', false, NOW)], NOW)).toBeNull();
    expect(hstsMatch('example.com', [learned('example.com', false, NOW + 1)], NOW)).not.toBeNull();
  });

  it('ignores case and a trailing dot, and never matches IP literals', () => {
    expect(hstsMatch('WWW.EXAMPLE.COM.', [learned('example.com', true)], NOW)?.host).toBe('example.com');
    expect(hstsMatch('127.0.0.1', [learned('127.0.0.1', false)], NOW)).toBeNull();
    expect(hstsMatch('[::1]', [learned('::1', false)], NOW)).toBeNull();
  });
});

describe('the bundled preload list', () => {
  const entries = preloadedHstsEntries(HSTS_PRELOAD_LIST);
  const NOW = Date.UTC(2030, 0, 1);

  it('is in Chromium format', () => {
    for (const entry of HSTS_PRELOAD_LIST.entries) {
      expect(entry.name).toBe(entry.name.toLowerCase());
      expect(
        Object.keys(entry).every((k) => ['name', 'policy', 'mode', 'include_subdomains', 'navscope_note'].includes(k)),
      ).toBe(true);
    }
    expect(new Set(HSTS_PRELOAD_LIST.entries.map((e) => e.name)).size).toBe(HSTS_PRELOAD_LIST.entries.length);
  });

  it('upgrades the lab preloaded host and its subdomains', () => {
    expect(hstsMatch('hsts-preloaded-lab.com', entries, NOW)?.source).toBe('preload');
    expect(hstsMatch('www.hsts-preloaded-lab.com', entries, NOW)?.host).toBe('hsts-preloaded-lab.com');
  });

  it('covers preloaded TLDs and Google subtrees; www.google.com through the one entry NavScope marks as its own', () => {
    expect(hstsMatch('anything.dev', entries, NOW)?.host).toBe('dev');
    expect(hstsMatch('login.accounts.google.com', entries, NOW)?.host).toBe('accounts.google.com');
    expect(hstsMatch('www.google.com', entries, NOW)?.host).toBe('google.com');
    const google = HSTS_PRELOAD_LIST.entries.find((e) => e.name === 'google.com')!;
    expect(google.navscope_note).toMatch(/added by NavScope/);
    // Every other entry is Chromium's, unchanged.
    expect(HSTS_PRELOAD_LIST.entries.filter((e) => e.navscope_note !== undefined).map((e) => e.name)).toEqual([
      'google.com',
    ]);
  });

  it('does not upgrade subdomains of an entry without include_subdomains', () => {
    expect(hstsMatch('paypal.com', entries, NOW)).not.toBeNull();
    expect(hstsMatch('api.paypal.com', entries, NOW)).toBeNull();
  });

  it('does not preload naver.com or badssl-lab.com', () => {
    expect(hstsMatch('www.naver.com', entries, NOW)).toBeNull();
    expect(hstsMatch('badssl-lab.com', entries, NOW)).toBeNull();
  });
});
