/**
 * HTTP Strict Transport Security (RFC 6797): parsing the Strict-Transport-Security
 * header and matching a host against HSTS entries the way Chromium's
 * TransportSecurityState does. Pure functions; the state that owns learned entries
 * lives in the network thread (electron/network/transportSecurityState.ts).
 */
import type { HstsPreloadList } from './hstsPreloadList.js';

/** An HSTS policy for one host: bundled with the browser, or learned from a header. */
export interface HstsEntry {
  /** Lower case, no trailing dot. */
  host: string;
  includeSubdomains: boolean;
  source: 'preload' | 'learned';
  /** When a learned entry expires, ms since the epoch; null for preloaded entries. */
  expiry: number | null;
}

export interface StrictTransportSecurity {
  /** Seconds, as sent (not yet capped; see HSTS_MAX_AGE_CAP_SECONDS). */
  maxAge: number;
  includeSubDomains: boolean;
}

/** Chromium's kMaxHSTSAgeSecs: a learned entry lives at most one year, whatever max-age says. */
export const HSTS_MAX_AGE_CAP_SECONDS = 86_400 * 365;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const OWS = /^[ \t]+|[ \t]+$/g;

/** Splits on `;` outside quoted strings. Null when a quoted string is not terminated. */
function splitDirectives(value: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted) {
      current += c;
      if (c === '\\') {
        if (i + 1 >= value.length) return null;
        current += value[++i];
      } else if (c === '"') {
        quoted = false;
      }
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === ';') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) return null;
  parts.push(current);
  return parts;
}

/** The content of a quoted-string (RFC 9110 §5.6.4), or null when `text` is not exactly one. */
function unquote(text: string): string | null {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return null;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i] as string;
    if (c === '"') return null;
    if (c === '\\') {
      if (i + 1 >= text.length - 1) return null;
      out += text[++i];
      continue;
    }
    const code = c.charCodeAt(0);
    if ((code < 0x20 && c !== '\t') || code === 0x7f) return null;
    out += c;
  }
  return out;
}

/**
 * Parses a Strict-Transport-Security header value (RFC 6797 §6.1). Returns null when the
 * UA must ignore the header: a directive that is not `token [= token | quoted-string]`,
 * a directive given twice, a missing or non-numeric max-age, or includeSubDomains with a
 * value. Directive names are case-insensitive, unknown directives (e.g. `preload`) are
 * ignored, whitespace around `;` and `=` is allowed, and max-age may be quoted.
 *
 * Chromium differs in one corner: it rejects only a repeated max-age or includeSubDomains,
 * not a repeated unknown directive. This follows the RFC ("All directives MUST appear
 * only once").
 */
export function parseStrictTransportSecurity(value: string): StrictTransportSecurity | null {
  const parts = splitDirectives(value);
  if (parts === null) return null;
  const seen = new Set<string>();
  let maxAge: number | null = null;
  let includeSubDomains = false;
  for (const raw of parts) {
    const directive = raw.replace(OWS, '');
    if (directive === '') continue;
    const eq = directive.indexOf('=');
    const name = (eq === -1 ? directive : directive.slice(0, eq)).replace(OWS, '');
    if (!TOKEN.test(name)) return null;
    const lower = name.toLowerCase();
    if (seen.has(lower)) return null;
    seen.add(lower);
    let directiveValue: string | null = null;
    if (eq !== -1) {
      const rawValue = directive.slice(eq + 1).replace(OWS, '');
      if (rawValue.startsWith('"')) {
        directiveValue = unquote(rawValue);
        if (directiveValue === null) return null;
      } else if (rawValue === '' || TOKEN.test(rawValue)) {
        directiveValue = rawValue;
      } else {
        return null;
      }
    }
    if (lower === 'max-age') {
      if (directiveValue === null || !/^[0-9]+$/.test(directiveValue)) return null;
      maxAge = Math.min(Number(directiveValue), Number.MAX_SAFE_INTEGER);
    } else if (lower === 'includesubdomains') {
      if (eq !== -1) return null;
      includeSubDomains = true;
    }
  }
  if (maxAge === null) return null;
  return { maxAge, includeSubDomains };
}

/**
 * Canonical form of a host for HSTS: lower case, one trailing dot removed, IPv6 brackets
 * removed. Null for an empty name.
 */
export function canonicalHstsHost(host: string): string | null {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h === '' || h.startsWith('.') || h.includes('..') ? null : h;
}

/** True for IPv4 and IPv6 literals, which can never have an HSTS policy (RFC 6797 §8.1.1). */
export function isIpLiteral(host: string): boolean {
  const h = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (h.includes(':')) return true;
  return /^(?:\d{1,3}\.){3}\d{1,3}\.?$/.test(h);
}

/**
 * The entry that applies to `host`, or null. A candidate applies when its host equals
 * `host` or is a parent domain of it and has includeSubdomains (a parent entry without
 * includeSubdomains does not cover its subdomains). Of the applicable entries the most
 * specific wins, as in Chromium's lookup that walks from the full name towards the TLD;
 * at equal specificity a learned entry wins over a preloaded one (Chromium consults
 * its dynamic state first). Learned entries whose expiry is at or before `now` are
 * skipped. IP literals never match; case and a trailing dot are ignored.
 */
export function hstsMatch(host: string, entries: readonly HstsEntry[], now: number): HstsEntry | null {
  if (isIpLiteral(host)) return null;
  const canonical = canonicalHstsHost(host);
  if (canonical === null) return null;
  let best: HstsEntry | null = null;
  let bestLength = -1;
  for (const entry of entries) {
    if (entry.expiry !== null && entry.expiry <= now) continue;
    const entryHost = canonicalHstsHost(entry.host);
    if (entryHost === null) continue;
    const exact = entryHost === canonical;
    if (!exact && !(entry.includeSubdomains && canonical.endsWith(`.${entryHost}`))) continue;
    const better =
      entryHost.length > bestLength ||
      (entryHost.length === bestLength && entry.source === 'learned' && best?.source === 'preload');
    if (better) {
      best = entry;
      bestLength = entryHost.length;
    }
  }
  return best;
}

/**
 * The force-https entries of a preload list as HstsEntry values. Entries without
 * `"mode": "force-https"` (pinning-only entries such as google.com) do not upgrade
 * anything and are left out.
 */
export function preloadedHstsEntries(list: HstsPreloadList): HstsEntry[] {
  const out: HstsEntry[] = [];
  for (const entry of list.entries) {
    if (entry.mode !== 'force-https') continue;
    const host = canonicalHstsHost(entry.name);
    if (host === null) continue;
    out.push({ host, includeSubdomains: entry.include_subdomains === true, source: 'preload', expiry: null });
  }
  return out;
}
