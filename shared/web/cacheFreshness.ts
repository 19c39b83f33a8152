/**
 * HTTP caching rules for a private (browser) cache, RFC 9111: Cache-Control parsing,
 * storability, freshness lifetime, current age, when a stored response must be
 * revalidated, and the conditional request headers that revalidate it. Pure functions;
 * the cache itself is electron/network/httpCache.ts.
 *
 * Times are ms since the epoch; ages and lifetimes are seconds, as in the RFC.
 */
import { headerValue, headerValues } from '../net/httpHeaders.js';

export type HeaderList = readonly (readonly [string, string])[];

export interface CacheableResponse {
  status: number;
  headers: HeaderList;
}

export interface CacheableRequest {
  method: string;
  headers: HeaderList;
}

/** A stored response with the times needed to compute its age (RFC 9111 §4.2.3). */
export interface StoredResponseTiming extends CacheableResponse {
  /** When the request that produced it was sent, ms since the epoch. */
  requestTime: number;
  /** When its head was received, ms since the epoch. */
  responseTime: number;
}

/** RFC 9110 §15.1: statuses whose responses may be given a heuristic freshness lifetime. */
export const HEURISTICALLY_CACHEABLE_STATUSES: ReadonlySet<number> = new Set([
  200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501,
]);
/** The heuristic lifetime is 10% of the time since Last-Modified, at most one day. */
export const HEURISTIC_FRESHNESS_CAP_SECONDS = 86_400;
/** RFC 9111 §1.2.2: a delta-seconds value too large to represent counts as 2^31. */
const DELTA_SECONDS_CAP = 2_147_483_648;

/** Splits a list-based field on `,` outside quoted strings. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  return value;
}

/**
 * Parses a Cache-Control value into lower-case directive names and their values (true
 * for a directive without one; quoted values are unquoted). When a directive appears
 * twice the first occurrence is used (RFC 9111 §4.2.1). Several header lines should be
 * joined with ", " first (cacheControlOf does).
 */
export function parseCacheControl(value: string | null): Record<string, string | true> {
  const out = Object.create(null) as Record<string, string | true>;
  if (value === null) return out;
  for (const part of splitList(value)) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = (eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase();
    if (name === '' || name in out) continue;
    out[name] = eq === -1 ? true : unquote(item.slice(eq + 1).trim());
  }
  return out;
}

/** The Cache-Control directives of a message (all its Cache-Control lines). */
export function cacheControlOf(headers: HeaderList): Record<string, string | true> {
  const lines = headerValues(headers, 'cache-control');
  return parseCacheControl(lines.length === 0 ? null : lines.join(', '));
}

/** delta-seconds (RFC 9111 §1.2.2); null when invalid. */
export function parseDeltaSeconds(value: string | true | undefined | null): number | null {
  if (typeof value !== 'string' || !/^[0-9]+$/.test(value)) return null;
  return Math.min(Number(value), DELTA_SECONDS_CAP);
}

/** An HTTP-date as ms since the epoch, or null when missing or invalid. */
export function parseHttpDate(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  // Date.parse accepts bare numbers ("0") as years; an HTTP-date always names a weekday or month.
  if (!/[a-z]/i.test(trimmed)) return null;
  // asctime-date ("Sun Nov  6 08:49:37 1994") carries no zone but is UTC.
  const time = Date.parse(
    /^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i.test(trimmed) ? `${trimmed} GMT` : trimmed,
  );
  return Number.isFinite(time) ? time : null;
}

function hasExplicitFreshness(cc: Record<string, string | true>, headers: HeaderList): boolean {
  return 'max-age' in cc || headerValue(headers, 'expires') !== null;
}

/**
 * Why a response to a request cannot be stored by a private cache, or null when it can
 * (RFC 9111 §3). Only GET is cached. The Authorization rule of §3.5 is for shared caches
 * only, so a private cache may store responses to authorized requests.
 */
export function storageProblem(request: CacheableRequest, response: CacheableResponse): string | null {
  if (request.method.toUpperCase() !== 'GET') return `${request.method} responses are not cached (only GET)`;
  if (response.status < 200) return `${response.status} is not a final response`;
  if (response.status === 206) return '206 Partial Content is not cached (range requests are not supported)';
  if (response.status === 304) return '304 Not Modified updates a stored response; it is not stored itself';
  if ('no-store' in cacheControlOf(request.headers)) return 'the request says Cache-Control: no-store';
  const cc = cacheControlOf(response.headers);
  if ('no-store' in cc) return 'the response says Cache-Control: no-store';
  const vary = headerValues(response.headers, 'vary').join(',');
  if (vary.split(',').some((name) => name.trim() === '*')) return 'the response says Vary: * (it can never be reused)';
  const explicit = hasExplicitFreshness(cc, response.headers) || 'public' in cc || 'private' in cc;
  if (!explicit && !HEURISTICALLY_CACHEABLE_STATUSES.has(response.status)) {
    return `status ${response.status} is not cacheable by default and the response has no max-age, Expires, public or private`;
  }
  return null;
}

export function isStorable(request: CacheableRequest, response: CacheableResponse): boolean {
  return storageProblem(request, response) === null;
}

export type FreshnessSource = 'max-age' | 'expires' | 'heuristic' | 'none';

/**
 * The freshness lifetime in seconds and where it came from (RFC 9111 §4.2.1, §4.2.2), or
 * null when the response is not storable. s-maxage is ignored (private cache). An
 * invalid max-age or Expires means "already stale" (0). `responseTime` stands in for a
 * missing Date header.
 */
export function freshnessLifetimeWithSource(
  response: CacheableResponse,
  requestMethod: string,
  responseTime?: number,
): { seconds: number; source: FreshnessSource } | null {
  if (storageProblem({ method: requestMethod, headers: [] }, response) !== null) return null;
  const cc = cacheControlOf(response.headers);
  if ('max-age' in cc) return { seconds: parseDeltaSeconds(cc['max-age']) ?? 0, source: 'max-age' };
  const date = parseHttpDate(headerValue(response.headers, 'date')) ?? responseTime ?? null;
  const expiresHeader = headerValue(response.headers, 'expires');
  if (expiresHeader !== null) {
    const expires = parseHttpDate(expiresHeader);
    if (expires === null || date === null) return { seconds: 0, source: 'expires' };
    return { seconds: Math.max(0, Math.floor((expires - date) / 1000)), source: 'expires' };
  }
  if (HEURISTICALLY_CACHEABLE_STATUSES.has(response.status) || 'public' in cc) {
    const lastModified = parseHttpDate(headerValue(response.headers, 'last-modified'));
    if (lastModified !== null && date !== null) {
      const tenth = Math.floor(Math.max(0, date - lastModified) / 1000 / 10);
      return { seconds: Math.min(tenth, HEURISTIC_FRESHNESS_CAP_SECONDS), source: 'heuristic' };
    }
  }
  return { seconds: 0, source: 'none' };
}

/** The freshness lifetime in seconds, or null when the response is not storable. */
export function freshnessLifetime(
  response: CacheableResponse,
  requestMethod: string,
  responseTime?: number,
): number | null {
  return freshnessLifetimeWithSource(response, requestMethod, responseTime)?.seconds ?? null;
}

/** current_age (RFC 9111 §4.2.3) in seconds. A missing Date counts as the response time. */
export function currentAge(entry: StoredResponseTiming, now: number): number {
  const dateValue = parseHttpDate(headerValue(entry.headers, 'date')) ?? entry.responseTime;
  const ageValue = parseDeltaSeconds(headerValue(entry.headers, 'age')?.trim()) ?? 0;
  const apparentAge = Math.max(0, entry.responseTime - dateValue) / 1000;
  const responseDelay = Math.max(0, entry.responseTime - entry.requestTime) / 1000;
  const correctedAgeValue = ageValue + responseDelay;
  const correctedInitialAge = Math.max(apparentAge, correctedAgeValue);
  const residentTime = Math.max(0, now - entry.responseTime) / 1000;
  return correctedInitialAge + residentTime;
}

export interface FreshnessReport {
  /** Seconds; 0 when the response gives no freshness information. */
  lifetime: number;
  source: FreshnessSource;
  /** Current age, seconds. */
  age: number;
  /** lifetime > age */
  fresh: boolean;
  /** Whether it may be used only after a conditional request. */
  revalidate: boolean;
  /** One sentence for the UI. */
  reason: string;
}

/**
 * Whether a stored response can be used as is, with the request's own Cache-Control
 * (no-cache, max-age, min-fresh, max-stale, and Pragma: no-cache when there is no
 * Cache-Control) taken into account (RFC 9111 §4.2, §5.2.1).
 */
export function describeFreshness(
  entry: StoredResponseTiming,
  now: number,
  requestHeaders: HeaderList = [],
): FreshnessReport {
  const lifetimeInfo = freshnessLifetimeWithSource(entry, 'GET', entry.responseTime) ?? {
    seconds: 0,
    source: 'none' as const,
  };
  const lifetime = lifetimeInfo.seconds;
  const age = currentAge(entry, now);
  const fresh = lifetime > age;
  const base = { lifetime, source: lifetimeInfo.source, age, fresh };
  const cc = cacheControlOf(entry.headers);
  const requestCc = cacheControlOf(requestHeaders);
  const ageText = `age ${Math.floor(age)} s, lifetime ${lifetime} s (${lifetimeInfo.source})`;
  if ('no-cache' in cc)
    return {
      ...base,
      revalidate: true,
      reason: `the response says Cache-Control: no-cache, so every use is revalidated (${ageText})`,
    };
  const pragmaNoCache =
    headerValues(requestHeaders, 'cache-control').length === 0 &&
    headerValues(requestHeaders, 'pragma').some((v) => /(^|,)\s*no-cache\s*(,|$)/i.test(v));
  if ('no-cache' in requestCc || pragmaNoCache)
    return {
      ...base,
      revalidate: true,
      reason: `the request says ${pragmaNoCache ? 'Pragma' : 'Cache-Control'}: no-cache (a reload), so the stored response is revalidated (${ageText})`,
    };
  const requestMaxAge = parseDeltaSeconds(requestCc['max-age']);
  if (requestMaxAge !== null && age > requestMaxAge)
    return {
      ...base,
      revalidate: true,
      reason: `the request accepts responses up to max-age=${requestMaxAge} s only (${ageText})`,
    };
  const minFresh = parseDeltaSeconds(requestCc['min-fresh']);
  if (minFresh !== null && lifetime - age < minFresh)
    return {
      ...base,
      revalidate: true,
      reason: `the request wants it fresh for ${minFresh} s more (min-fresh) (${ageText})`,
    };
  if (fresh) return { ...base, revalidate: false, reason: `fresh: ${ageText}` };
  if ('max-stale' in requestCc && !('must-revalidate' in cc)) {
    const maxStale = requestCc['max-stale'] === true ? Infinity : (parseDeltaSeconds(requestCc['max-stale']) ?? 0);
    if (age - lifetime <= maxStale)
      return { ...base, revalidate: false, reason: `stale, but the request accepts it (max-stale) (${ageText})` };
  }
  return { ...base, revalidate: true, reason: `stale: ${ageText}` };
}

/** Whether the stored response must be revalidated before use (no-cache, or stale). */
export function needsRevalidation(entry: StoredResponseTiming, now: number, requestHeaders: HeaderList = []): boolean {
  return describeFreshness(entry, now, requestHeaders).revalidate;
}

/**
 * The validators of a stored response as conditional request headers (RFC 9111 §4.3.1):
 * If-None-Match from ETag, If-Modified-Since from Last-Modified (both when both exist,
 * as browsers send them). Empty when the response has no validator.
 */
export function conditionalHeaders(entry: { headers: HeaderList }): [string, string][] {
  const out: [string, string][] = [];
  const etag = headerValue(entry.headers, 'etag');
  if (etag !== null && etag.trim() !== '') out.push(['If-None-Match', etag.trim()]);
  const lastModified = headerValue(entry.headers, 'last-modified');
  if (lastModified !== null && parseHttpDate(lastModified) !== null)
    out.push(['If-Modified-Since', lastModified.trim()]);
  return out;
}
