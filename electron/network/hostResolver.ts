/**
 * Chromium's HostResolver: the browser's own host cache first (entries honour their
 * TTL), then the operating system's resolver. In lab mode the OS step forwards to a
 * recursive resolver that walks root → TLD → authoritative with real DNS packets —
 * the walk a real ISP resolver does outside the browser, here in the open.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NetError } from '../../shared/net/netError.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { NetLog } from './netLog.js';
import type { RecursiveResolver } from './recursiveResolver.js';

interface CacheEntry {
  addresses: string[];
  expiresAt: number;
}

/** Chromium caches OS-resolved entries for one minute. */
const OS_RESULT_TTL_SECONDS = 60;

export class HostResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private lookups = 0;

  constructor(
    private readonly netLog: NetLog,
    private readonly recursive: RecursiveResolver | null,
  ) {}

  async resolve(host: string, requestId: string): Promise<string[]> {
    const name = host.toLowerCase().replace(/\.$/, '');
    const bare = name.replace(/^\[|\]$/g, '');
    if (isIP(bare)) {
      this.netLog.record({ type: 'dns.result', host: name, addresses: [bare], source: 'literal', ttl: 0 });
      return [bare];
    }
    const now = monotonicMicros();
    const cached = this.cache.get(name);
    if (cached && cached.expiresAt > now) {
      this.netLog.record({ type: 'dns.cache', host: name, outcome: 'hit', addresses: cached.addresses });
      this.netLog.record({
        type: 'dns.result',
        host: name,
        addresses: cached.addresses,
        source: 'cache',
        ttl: Math.round((cached.expiresAt - now) / 1e6),
      });
      return cached.addresses;
    }
    this.netLog.record({ type: 'dns.cache', host: name, outcome: cached ? 'expired' : 'miss', addresses: [] });
    if (cached) this.cache.delete(name);

    const { addresses, ttl, source } = await this.resolveUncached(name, `${requestId}.dns${++this.lookups}`);
    if (addresses.length === 0) throw new NetError('ERR_NAME_NOT_RESOLVED', `${name}: no addresses`);
    this.cache.set(name, { addresses, expiresAt: monotonicMicros() + ttl * 1e6 });
    this.netLog.record({ type: 'dns.result', host: name, addresses, source, ttl });
    return addresses;
  }

  private async resolveUncached(
    name: string,
    queryIdPrefix: string,
  ): Promise<{ addresses: string[]; ttl: number; source: 'recursive' | 'os' }> {
    if (this.recursive) {
      const result = await this.recursive.resolve(name, 'A', queryIdPrefix);
      return { addresses: result.addresses, ttl: result.ttl, source: 'recursive' };
    }
    try {
      const results = await lookup(name, { all: true, verbatim: true });
      return { addresses: results.map((r) => r.address), ttl: OS_RESULT_TTL_SECONDS, source: 'os' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      throw new NetError('ERR_NAME_NOT_RESOLVED', `${name}: the operating system's resolver failed (${code})`);
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
