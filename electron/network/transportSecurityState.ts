/**
 * net::TransportSecurityState: which hosts must only be reached over HTTPS. Two sources,
 * as in Chromium: the preload list bundled with the browser, and entries learned from
 * Strict-Transport-Security headers received over HTTPS (RFC 6797). Learned entries are
 * persisted to `<dataDir>/hsts.json` (Chromium's TransportSecurityPersister writes
 * "TransportSecurity" in the profile directory), written atomically.
 *
 * Host names are stored in clear (Chromium stores SHA-256 hashes of them) so that the
 * file and the UI can show them.
 */
import { join } from 'node:path';
import { readProfileJson, writeProfileJson } from '../node/profileFile.js';
import {
  HSTS_MAX_AGE_CAP_SECONDS,
  type HstsEntry,
  canonicalHstsHost,
  hstsMatch,
  isIpLiteral,
  parseStrictTransportSecurity,
  preloadedHstsEntries,
} from '../../shared/web/hstsPolicy.js';
import { HSTS_PRELOAD_LIST, type HstsPreloadList } from '../../shared/web/hstsPreloadList.js';

export const HSTS_FILE_NAME = 'hsts.json';
const FILE_VERSION = 1;

export interface TransportSecurityStateOptions {
  /** Where hsts.json lives; null keeps learned entries in memory only. */
  dataDir: string | null;
  /** Wall clock, ms since the epoch (injectable for tests). */
  now?: () => number;
  /** The preload list (defaults to the bundled excerpt). */
  preloadList?: HstsPreloadList;
  /** Told when hsts.json could not be read (it is then ignored) or written. Never throws. */
  onError?: (message: string) => void;
}

/** What learn() did with one header, for the trace. */
export type HstsLearnResult =
  | { action: 'added' | 'updated'; entry: HstsEntry; reason: null }
  | { action: 'deleted'; entry: null; reason: string }
  | { action: 'ignored'; entry: null; reason: string };

interface StoredEntry {
  host: string;
  includeSubdomains: boolean;
  /** ms since the epoch */
  expiry: number;
  /** When the header was received, ms since the epoch. */
  observed: number;
}

interface HstsFile {
  version: number;
  entries: StoredEntry[];
}

function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.host === 'string' &&
    typeof v.includeSubdomains === 'boolean' &&
    typeof v.expiry === 'number' &&
    Number.isFinite(v.expiry) &&
    typeof v.observed === 'number' &&
    Number.isFinite(v.observed)
  );
}

export class TransportSecurityState {
  private readonly dataDir: string | null;
  private readonly now: () => number;
  private readonly onError: (message: string) => void;
  private readonly preloaded: HstsEntry[];
  /** Learned entries by canonical host. */
  private readonly learned = new Map<string, StoredEntry>();

  constructor(options: TransportSecurityStateOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
    this.preloaded = preloadedHstsEntries(options.preloadList ?? HSTS_PRELOAD_LIST);
    this.load();
  }

  /**
   * The policy that makes `host` HTTPS-only, or null. Checked before any DNS for http:
   * URLs (an internal redirect to https:, Chromium's "307 Internal Redirect").
   */
  shouldUpgrade(host: string): { entry: HstsEntry } | null {
    this.dropExpired();
    const entry = hstsMatch(host, [...this.learnedEntries(), ...this.preloaded], this.now());
    return entry ? { entry: { ...entry } } : null;
  }

  /**
   * Processes a Strict-Transport-Security header received from `host`. Only headers that
   * arrived over a secure connection without certificate errors count (`secure`; RFC 6797
   * §8.1), never for an IP literal (§8.1.1). max-age=0 deletes the learned entry (a
   * preloaded policy stays). max-age is capped at one year, as in Chromium.
   */
  learn(host: string, headerValue: string, options: { secure: boolean }): HstsLearnResult {
    if (!options.secure)
      return {
        action: 'ignored',
        entry: null,
        reason: 'received over an insecure connection: HSTS headers are only honoured over HTTPS (RFC 6797 §8.1)',
      };
    if (isIpLiteral(host))
      return {
        action: 'ignored',
        entry: null,
        reason: `${host} is an IP address: HSTS applies to host names only (RFC 6797 §8.1.1)`,
      };
    const canonical = canonicalHstsHost(host);
    if (canonical === null) return { action: 'ignored', entry: null, reason: `"${host}" is not a valid host name` };
    const parsed = parseStrictTransportSecurity(headerValue);
    if (!parsed)
      return {
        action: 'ignored',
        entry: null,
        reason: 'the Strict-Transport-Security header is malformed and was ignored (RFC 6797 §6.1)',
      };
    if (parsed.maxAge === 0) {
      const existed = this.learned.delete(canonical);
      if (existed) this.persist();
      return {
        action: 'deleted',
        entry: null,
        reason: existed
          ? `max-age=0: the learned policy for ${canonical} was deleted`
          : `max-age=0: there was no learned policy for ${canonical}`,
      };
    }
    const now = this.now();
    const seconds = Math.min(parsed.maxAge, HSTS_MAX_AGE_CAP_SECONDS);
    const stored: StoredEntry = {
      host: canonical,
      includeSubdomains: parsed.includeSubDomains,
      expiry: now + seconds * 1000,
      observed: now,
    };
    const action = this.learned.has(canonical) ? 'updated' : 'added';
    this.learned.set(canonical, stored);
    this.persist();
    return { action, entry: toEntry(stored), reason: null };
  }

  /** Deletes a learned policy (chrome://net-internals/#hsts "Delete domain security policies"). */
  deleteLearned(host: string): boolean {
    const canonical = canonicalHstsHost(host);
    if (canonical === null || !this.learned.delete(canonical)) return false;
    this.persist();
    return true;
  }

  /** Forgets every learned policy; the preload list stays. */
  clearLearned(): void {
    if (this.learned.size === 0) return;
    this.learned.clear();
    this.persist();
  }

  /** Every policy in force, for display: learned entries first (by host), then the preload list. */
  entries(): HstsEntry[] {
    this.dropExpired();
    return [
      ...this.learnedEntries().sort((a, b) => a.host.localeCompare(b.host)),
      ...this.preloaded.map((e) => ({ ...e })),
    ];
  }

  private learnedEntries(): HstsEntry[] {
    return [...this.learned.values()].map(toEntry);
  }

  private dropExpired(): void {
    const now = this.now();
    let changed = false;
    for (const [host, entry] of this.learned) {
      if (entry.expiry <= now) {
        this.learned.delete(host);
        changed = true;
      }
    }
    if (changed) this.persist();
  }

  private load(): void {
    if (this.dataDir === null) return;
    const file = join(this.dataDir, HSTS_FILE_NAME);
    const data = readProfileJson(file, this.onError);
    if (data === undefined) return;
    const parsed = data as Partial<HstsFile> | null;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      parsed.version !== FILE_VERSION ||
      !Array.isArray(parsed.entries)
    ) {
      this.onError(`${file} is not an HSTS state file of version ${FILE_VERSION}; it is ignored and will be replaced`);
      return;
    }
    const now = this.now();
    for (const item of parsed.entries as unknown[]) {
      if (!isStoredEntry(item)) continue;
      const host = canonicalHstsHost(item.host);
      if (host === null || isIpLiteral(host) || item.expiry <= now) continue;
      this.learned.set(host, {
        host,
        includeSubdomains: item.includeSubdomains,
        expiry: item.expiry,
        observed: item.observed,
      });
    }
  }

  /** Writes hsts.json atomically: a temporary file in the same directory, then rename. */
  private persist(): void {
    if (this.dataDir === null) return;
    const data: HstsFile = { version: FILE_VERSION, entries: [...this.learned.values()] };
    writeProfileJson(join(this.dataDir, HSTS_FILE_NAME), () => data, this.onError);
  }
}

function toEntry(stored: StoredEntry): HstsEntry {
  return { host: stored.host, includeSubdomains: stored.includeSubdomains, source: 'learned', expiry: stored.expiry };
}
