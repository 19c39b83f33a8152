import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HSTS_FILE_NAME, TransportSecurityState } from '../../../electron/network/transportSecurityState.js';

const DAY = 86_400_000;

describe('TransportSecurityState', () => {
  let dir: string;
  let now: number;
  const clock = (): number => now;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'navscope-hsts-'));
    now = Date.UTC(2030, 0, 1);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades preloaded hosts without any learned state', () => {
    const state = new TransportSecurityState({ dataDir: null, now: clock });
    expect(state.shouldUpgrade('www.hsts-preloaded-lab.com')?.entry).toEqual({
      host: 'hsts-preloaded-lab.com',
      includeSubdomains: true,
      source: 'preload',
      expiry: null,
    });
    expect(state.shouldUpgrade('www.naver.com')).toBeNull();
  });

  it('learns a policy over HTTPS only', () => {
    const state = new TransportSecurityState({ dataDir: null, now: clock });
    const insecure = state.learn('www.naver.com', 'max-age=31536000', { secure: false });
    expect(insecure.action).toBe('ignored');
    expect(insecure.reason).toMatch(/insecure/);
    expect(state.shouldUpgrade('www.naver.com')).toBeNull();

    const result = state.learn('www.naver.com', 'max-age=3600', { secure: true });
    expect(result).toEqual({
      action: 'added',
      entry: { host: 'www.naver.com', includeSubdomains: false, source: 'learned', expiry: now + 3600_000 },
      reason: null,
    });
    expect(state.shouldUpgrade('WWW.NAVER.COM.')?.entry.source).toBe('learned');
    expect(state.shouldUpgrade('m.www.naver.com')).toBeNull();
    expect(state.learn('www.naver.com', 'max-age=3600; includeSubDomains', { secure: true }).action).toBe('updated');
    expect(state.shouldUpgrade('m.www.naver.com')?.entry.host).toBe('www.naver.com');
  });

  it('ignores IP literals and malformed headers', () => {
    const state = new TransportSecurityState({ dataDir: dir, now: clock });
    expect(state.learn('127.0.0.1', 'max-age=3600', { secure: true }).action).toBe('ignored');
    expect(state.learn('::1', 'max-age=3600', { secure: true }).action).toBe('ignored');
    expect(state.learn('example.com', 'max-age=1; max-age=2', { secure: true }).action).toBe('ignored');
    expect(state.shouldUpgrade('127.0.0.1')).toBeNull();
    expect(existsSync(join(dir, HSTS_FILE_NAME))).toBe(false);
  });

  it('caps max-age at one year, as Chromium does', () => {
    const state = new TransportSecurityState({ dataDir: null, now: clock });
    const result = state.learn('example.com', 'max-age=630720000', { secure: true });
    expect(result.entry?.expiry).toBe(now + 365 * DAY);
  });

  it('drops a learned entry when it expires', () => {
    const state = new TransportSecurityState({ dataDir: null, now: clock });
    state.learn('example.com', 'max-age=60', { secure: true });
    now += 59_999;
    expect(state.shouldUpgrade('example.com')).not.toBeNull();
    now += 1;
    expect(state.shouldUpgrade('example.com')).toBeNull();
    expect(state.entries().some((e) => e.source === 'learned')).toBe(false);
  });

  it('deletes the learned entry on max-age=0, but a preloaded policy stays', () => {
    const state = new TransportSecurityState({ dataDir: dir, now: clock });
    state.learn('example.com', 'max-age=3600', { secure: true });
    const deleted = state.learn('example.com', 'max-age=0', { secure: true });
    expect(deleted.action).toBe('deleted');
    expect(state.shouldUpgrade('example.com')).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, HSTS_FILE_NAME), 'utf8')).entries).toEqual([]);

    state.learn('hsts-preloaded-lab.com', 'max-age=3600', { secure: true });
    state.learn('hsts-preloaded-lab.com', 'max-age=0', { secure: true });
    expect(state.shouldUpgrade('hsts-preloaded-lab.com')?.entry.source).toBe('preload');
  });

  it('persists learned entries atomically and reloads them', () => {
    const first = new TransportSecurityState({ dataDir: dir, now: clock });
    first.learn('www.naver.com', 'max-age=3600; includeSubDomains', { secure: true });
    expect(readdirSync(dir)).toEqual([HSTS_FILE_NAME]);
    const file = JSON.parse(readFileSync(join(dir, HSTS_FILE_NAME), 'utf8'));
    expect(file.version).toBe(1);
    expect(file.entries).toEqual([
      { host: 'www.naver.com', includeSubdomains: true, expiry: now + 3600_000, observed: now },
    ]);

    const second = new TransportSecurityState({ dataDir: dir, now: clock });
    expect(second.shouldUpgrade('a.www.naver.com')?.entry).toEqual({
      host: 'www.naver.com',
      includeSubdomains: true,
      source: 'learned',
      expiry: now + 3600_000,
    });

    now += 3600_000;
    const third = new TransportSecurityState({ dataDir: dir, now: clock });
    expect(third.shouldUpgrade('www.naver.com')).toBeNull();
  });

  it('creates the data directory when it does not exist yet', () => {
    const nested = join(dir, 'profile', 'Default');
    const state = new TransportSecurityState({ dataDir: nested, now: clock });
    state.learn('example.com', 'max-age=60', { secure: true });
    expect(existsSync(join(nested, HSTS_FILE_NAME))).toBe(true);
  });

  it.each([
    ['not JSON', '{"version": 1, "entries": ['],
    ['wrong shape', '{"version": 99, "entries": {}}'],
    ['null', 'null'],
  ])('ignores a corrupt hsts.json (%s) and replaces it on the next write', (_label, content) => {
    writeFileSync(join(dir, HSTS_FILE_NAME), content);
    const errors: string[] = [];
    const state = new TransportSecurityState({ dataDir: dir, now: clock, onError: (m) => errors.push(m) });
    expect(errors).toHaveLength(1);
    expect(state.entries().every((e) => e.source === 'preload')).toBe(true);
    state.learn('example.com', 'max-age=60', { secure: true });
    expect(JSON.parse(readFileSync(join(dir, HSTS_FILE_NAME), 'utf8')).entries).toHaveLength(1);
  });

  it('skips malformed entries inside a valid file', () => {
    const entries = [
      { host: 'good.example', includeSubdomains: false, expiry: now + 1000, observed: now },
      { host: 'bad.example' },
      { host: '10.0.0.1', includeSubdomains: false, expiry: now + 1000, observed: now },
      42,
    ];
    writeFileSync(join(dir, HSTS_FILE_NAME), JSON.stringify({ version: 1, entries }));
    const state = new TransportSecurityState({ dataDir: dir, now: clock });
    expect(
      state
        .entries()
        .filter((e) => e.source === 'learned')
        .map((e) => e.host),
    ).toEqual(['good.example']);
  });

  it('lists learned entries first, and deletes or clears them on request', () => {
    const state = new TransportSecurityState({ dataDir: dir, now: clock });
    state.learn('b.example', 'max-age=60', { secure: true });
    state.learn('a.example', 'max-age=60', { secure: true });
    const list = state.entries();
    expect(list.slice(0, 2).map((e) => e.host)).toEqual(['a.example', 'b.example']);
    expect(list.slice(2).every((e) => e.source === 'preload')).toBe(true);
    expect(state.deleteLearned('a.example')).toBe(true);
    expect(state.deleteLearned('a.example')).toBe(false);
    state.clearLearned();
    expect(state.shouldUpgrade('b.example')).toBeNull();
    expect(new TransportSecurityState({ dataDir: dir, now: clock }).entries().some((e) => e.source === 'learned')).toBe(
      false,
    );
  });
});
