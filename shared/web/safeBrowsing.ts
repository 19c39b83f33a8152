/**
 * Google Safe Browsing (Update API v4), "URLs and Hashing"
 * (developers.google.com/safe-browsing/v4/urls-hashing): how a client turns a URL into
 * the hash prefixes it looks up in its local lists.
 *
 *  1. Canonicalize the URL.
 *  2. Form the host-suffix / path-prefix expressions (at most 30).
 *  3. Hash each expression with SHA-256 (the full hash).
 *  4. Take the first 4–32 bytes (the hash prefix) and look them up in the sorted list;
 *     a prefix hit is only a maybe, confirmed by a matching full hash.
 *
 * Byte handling: the document works on bytes. A string whose code points are all ≤ U+00FF
 * is taken as a byte string (each code point one byte, so "http://\x01\x80.com/" keeps
 * its 0x80 byte, as in the document's example); a string with any code point above U+00FF
 * is text and is UTF-8 encoded. Non-ASCII hosts that are valid IDNs become Punycode.
 *
 * What is checked: Chrome looks up only http, https, ftp, ws and wss URLs
 * (SAFE_BROWSING_SCHEMES); input without a scheme is read as http, as the document says.
 * For anything else (file:, data:, blob:, filesystem:, about:, javascript:, mailto: …, or
 * a URL without a host) the functions here never throw: they return a
 * SafeBrowsingNotChecked saying why, which the window can show, with the document's
 * canonical form where it applies (a URL with a host, such as file://server/x).
 */
import { sha256, toHex } from '../base/sha256.js';
import { errorMessage } from '../base/errors.js';
import { partitionPoint } from '../base/partitionPoint.js';

export type ThreatType = 'MALWARE' | 'SOCIAL_ENGINEERING' | 'UNWANTED_SOFTWARE';

export const THREAT_TYPES: readonly ThreatType[] = ['MALWARE', 'SOCIAL_ENGINEERING', 'UNWANTED_SOFTWARE'];

/** The parts of a canonical URL. Host, path and query are already percent-escaped. */
export interface SafeBrowsingUrlParts {
  scheme: string;
  host: string;
  path: string;
  /** Null when the URL has no "?"; "" for a bare "?". */
  query: string | null;
  /** The host is an IPv4 or (bracketed) IPv6 address: no host suffixes are formed. */
  isIpAddress: boolean;
}

export interface SafeBrowsingExpressionResult {
  expression: string;
  /** SHA-256 of the expression, hex. */
  hash: string;
  /** The first prefixSize bytes of the hash, hex. */
  prefix: string;
  prefixMatch: boolean;
  /** The prefix matched and the list holds this full hash: a confirmed hit. */
  fullHashMatch: boolean;
}

export interface SafeBrowsingLookup {
  expressions: SafeBrowsingExpressionResult[];
  /** "not-checked": Safe Browsing does not look at this URL (see notChecked). */
  verdict: 'safe' | 'unsafe' | 'not-checked';
  /** Why the URL was not checked, when it was not; null otherwise. */
  notChecked: SafeBrowsingNotChecked | null;
}

/**
 * The schemes Chrome's Safe Browsing checks (V4LocalDatabaseManager::CanCheckUrl,
 * components/safe_browsing/core/browser/db/v4_local_database_manager.cc): every other
 * URL (file:, data:, blob:, filesystem:, about:, javascript:, mailto:, chrome: …) is
 * never looked up.
 */
export const SAFE_BROWSING_SCHEMES: readonly string[] = ['http', 'https', 'ftp', 'ws', 'wss'];

/**
 * What canonicalizeSafeBrowsingUrl, canonicalSafeBrowsingUrlParts and
 * safeBrowsingExpressions return for input Safe Browsing does not check. They never throw.
 */
export interface SafeBrowsingNotChecked {
  checked: false;
  /**
   * "scheme": a scheme Safe Browsing does not check (mailto:, data:, file: …);
   * "no-host": nothing to check, no host ("", "/path", "http:///x", "http:www.a.com");
   * "invalid": the input could not be read at all.
   */
  reason: 'scheme' | 'no-host' | 'invalid';
  /** The scheme as written, lowercase, when there is one. */
  scheme: string | null;
  /**
   * The v4 canonical form where the document's algorithm applies (the URL has a host:
   * "file://server/share/x", "chrome://settings/"); null when it has no host.
   */
  canonicalUrl: string | null;
  /** One sentence for the window, e.g. "Safe Browsing does not check data: URLs: …". */
  message: string;
}

/** True for the "not checked" result of canonicalizeSafeBrowsingUrl, canonicalSafeBrowsingUrlParts and safeBrowsingExpressions. */
export function isSafeBrowsingNotChecked(value: unknown): value is SafeBrowsingNotChecked {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { checked?: unknown }).checked === false
  );
}

// ---------------------------------------------------------------------------------------
// Canonicalization

/**
 * The canonical form of `url`, e.g. "http://3279880203/blah" → "http://195.127.0.11/blah"
 * (a string), or, for input Safe Browsing does not check, why not (never throws).
 */
export function canonicalizeSafeBrowsingUrl(url: string): string | SafeBrowsingNotChecked {
  const parts = canonicalSafeBrowsingUrlParts(url);
  return isSafeBrowsingNotChecked(parts) ? parts : joinParts(parts);
}

function joinParts(parts: SafeBrowsingUrlParts): string {
  return `${parts.scheme}://${parts.host}${parts.path}${parts.query === null ? '' : `?${parts.query}`}`;
}

/** The canonical URL, in parts, or why Safe Browsing does not check it (never throws). */
export function canonicalSafeBrowsingUrlParts(url: string): SafeBrowsingUrlParts | SafeBrowsingNotChecked {
  try {
    return canonicalize(url);
  } catch (error) {
    // Nothing above is expected to throw; if it ever does, say so rather than fail the check.
    return notChecked('invalid', null, null, `Safe Browsing could not read ${shown(url)}: ${errorMessage(error)}`);
  }
}

function notChecked(
  reason: SafeBrowsingNotChecked['reason'],
  scheme: string | null,
  canonicalUrl: string | null,
  message: string,
): SafeBrowsingNotChecked {
  return { checked: false, reason, scheme, canonicalUrl, message };
}

function shown(url: unknown): string {
  if (typeof url !== 'string') return String(url);
  return JSON.stringify(url.length > 80 ? `${url.slice(0, 80)}…` : url);
}

function schemeNotChecked(scheme: string, canonicalUrl: string | null): SafeBrowsingNotChecked {
  return notChecked(
    'scheme',
    scheme,
    canonicalUrl,
    `Safe Browsing does not check ${scheme}: URLs: Chrome looks up only ${SAFE_BROWSING_SCHEMES.join(', ')} URLs`,
  );
}

function canonicalize(url: string): SafeBrowsingUrlParts | SafeBrowsingNotChecked {
  if (typeof url !== 'string') return notChecked('invalid', null, null, `Safe Browsing checks URLs, not ${shown(url)}`);
  const noHost = (scheme: string | null): SafeBrowsingNotChecked =>
    notChecked(
      'no-host',
      scheme,
      null,
      url.trim() === ''
        ? 'Safe Browsing has nothing to check: the address is empty'
        : `Safe Browsing cannot check ${shown(url)}: it has no host`,
    );
  // Leading and trailing spaces and controls go; then every TAB, CR and LF (not "%0A").
  let s = trimControlsAndSpaces(url).replace(/[\t\r\n]/g, '');
  // The fragment goes, at the first "#" (an escaped "%23" is not a fragment).
  const hash = s.indexOf('#');
  if (hash !== -1) s = s.slice(0, hash);
  // Work on bytes, held as a string of U+0000–U+00FF, and unescape until nothing is left.
  let bytes = unescapeRepeatedly(toByteString(s));

  // Scheme (default http).
  let scheme = 'http';
  const withScheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(bytes);
  if (withScheme !== null) {
    scheme = withScheme[1]!.toLowerCase();
    bytes = bytes.slice(withScheme[0].length);
  } else if (bytes.startsWith('//')) {
    bytes = bytes.slice(2);
  } else {
    // "mailto:x", "data:…", "about:blank" or "http:host" have no authority; "host:8080/" is a host and a port.
    const bare = /^([A-Za-z][A-Za-z0-9+.-]*):([^]?)/.exec(bytes);
    if (bare !== null && !/^[0-9/]?$/.test(bare[2]!)) {
      const named = bare[1]!.toLowerCase();
      return SAFE_BROWSING_SCHEMES.includes(named) ? noHost(named) : schemeNotChecked(named, null);
    }
  }

  // Authority, path, query.
  let end = bytes.search(/[/?]/);
  if (end === -1) end = bytes.length;
  const authority = bytes.slice(0, end);
  let rest = bytes.slice(end);
  let query: string | null = null;
  const question = rest.indexOf('?');
  if (question !== -1) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }

  const { host, isIpAddress } = canonicalHost(authority);
  const checked = SAFE_BROWSING_SCHEMES.includes(scheme);
  if (host === '') return checked ? noHost(withScheme === null ? null : scheme) : schemeNotChecked(scheme, null);
  const parts: SafeBrowsingUrlParts = {
    scheme,
    host: escapeBytes(host),
    path: escapeBytes(canonicalPath(rest)),
    query: query === null ? null : escapeBytes(query),
    isIpAddress,
  };
  return checked ? parts : schemeNotChecked(scheme, joinParts(parts));
}

/** Removes leading and trailing C0 controls and spaces (U+0000–U+0020). */
function trimControlsAndSpaces(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && s.charCodeAt(from) <= 0x20) from++;
  while (to > from && s.charCodeAt(to - 1) <= 0x20) to--;
  return s.slice(from, to);
}

function hasCodeUnitAbove(s: string, max: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > max) return true;
  return false;
}

/** Code points ≤ U+00FF are bytes already; otherwise the string is UTF-8 encoded. */
function toByteString(s: string): string {
  if (!hasCodeUnitAbove(s, 0xff)) return s;
  return bytesToByteString(new TextEncoder().encode(s));
}

function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function byteStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Percent-unescape until no "%XX" is left ("%25%32%35" → "%25" → "%"). */
function unescapeRepeatedly(s: string): string {
  for (;;) {
    const next = s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (next === s) return s;
    s = next;
  }
}

/** Escape bytes ≤ 0x20, ≥ 0x7F, "#" and "%" as %XX (uppercase hex). */
function escapeBytes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out +=
      c <= 0x20 || c >= 0x7f || c === 0x23 || c === 0x25 ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : s[i];
  }
  return out;
}

function canonicalHost(authority: string): { host: string; isIpAddress: boolean } {
  // Drop any user info and port.
  let hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close !== -1) hostPort = hostPort.slice(0, close + 1);
    const ipv6 = canonicalIpv6(hostPort);
    return ipv6 === null ? { host: asciiLowercase(hostPort), isIpAddress: false } : { host: ipv6, isIpAddress: true };
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && /^[0-9]*$/.test(hostPort.slice(colon + 1))) hostPort = hostPort.slice(0, colon);

  // Leading and trailing dots go, runs of dots become one.
  const host = hostPort.replace(/^\.+|\.+$/g, '').replace(/\.{2,}/g, '.');
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) return { host: ipv4, isIpAddress: true };
  return { host: toAsciiHost(asciiLowercase(host)), isIpAddress: false };
}

/** An IDN host in Punycode when it is one; other bytes are kept (and escaped later). */
function toAsciiHost(host: string): string {
  if (!hasCodeUnitAbove(host, 0x7f)) return host;
  const candidates: string[] = [];
  try {
    candidates.push(new TextDecoder('utf-8', { fatal: true }).decode(byteStringToBytes(host)));
  } catch {
    // Not UTF-8: the bytes may stand for Latin-1 characters, as a JS string would.
  }
  candidates.push(host);
  for (const candidate of candidates) {
    try {
      const ascii = new URL(`http://${candidate}/`).hostname;
      if (/^[a-z0-9.\-_]+$/.test(ascii)) return ascii;
    } catch {
      // Not a valid host name: keep the bytes.
    }
  }
  return host;
}

/** A bracketed IPv6 address in its shortest form (RFC 5952, as the URL Standard serializes it). */
function canonicalIpv6(bracketed: string): string | null {
  if (!/^\[[0-9A-Fa-f:.]+\]$/.test(bracketed)) return null;
  try {
    return new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * IPv4 in any legal form, as inet_aton and the URL Standard read it: 1–4 dot-separated
 * numbers, each decimal, octal (leading 0) or hex (0x); the last fills the remaining bytes.
 */
export function parseIpv4(host: string): string | null {
  if (host === '') return null;
  const parts = host.split('.');
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIpv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

function parseIpv4Number(part: string): number | null {
  if (part === '') return null;
  let digits = part;
  let radix = 10;
  if (/^0[xX]/.test(digits)) {
    digits = digits.slice(2);
    radix = 16;
  } else if (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1);
    radix = 8;
  }
  if (digits === '') return 0;
  const valid = radix === 16 ? /^[0-9A-Fa-f]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const n = parseInt(digits, radix);
  return n > 0xffffffff ? 0xffffffff + 1 : n; // large enough to fail the range checks, still exact
}

/** Resolve "/./" and "/../" (a trailing "." or ".." too), then collapse runs of slashes. */
function canonicalPath(path: string): string {
  if (path === '') return '/';
  const input = path.split('/').slice(1);
  const out: string[] = [];
  input.forEach((segment, i) => {
    const last = i === input.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (last) out.push('');
      return;
    }
    out.push(segment);
  });
  return `/${out.join('/')}`.replace(/\/{2,}/g, '/');
}

function asciiLowercase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

// ---------------------------------------------------------------------------------------
// Suffix/prefix expressions

/**
 * The host-suffix / path-prefix expressions of `url`, in the document's order: for each
 * host (the exact host, then up to four suffixes made from the last five components,
 * longest first, never the top-level domain alone, none for IP addresses), each path (the
 * exact path with the query, without it, then up to four prefixes from "/" each ending in
 * "/"). Duplicates are dropped; at most 30.
 */
export function safeBrowsingExpressions(url: string): string[] | SafeBrowsingNotChecked {
  const parts = canonicalSafeBrowsingUrlParts(url);
  if (isSafeBrowsingNotChecked(parts)) return parts;
  const hosts = [parts.host];
  if (!parts.isIpAddress) {
    const labels = parts.host.split('.');
    for (let k = Math.min(5, labels.length - 1); k >= 2; k--) hosts.push(labels.slice(-k).join('.'));
  }
  const paths: string[] = [];
  if (parts.query !== null && parts.query !== '') paths.push(`${parts.path}?${parts.query}`);
  paths.push(parts.path);
  const segments = parts.path.split('/').slice(1, -1); // the directories; the last segment is the file (or "")
  let prefix = '/';
  paths.push(prefix);
  for (const segment of segments.slice(0, 3)) {
    prefix += `${segment}/`;
    paths.push(prefix);
  }
  const expressions: string[] = [];
  for (const host of unique(hosts)) for (const path of unique(paths)) expressions.push(`${host}${path}`);
  return unique(expressions).slice(0, 30);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------
// Hashes

/** SHA-256 of the expression's bytes (UTF-8; canonical expressions are ASCII). */
export function fullHash(expression: string): Uint8Array {
  return sha256(new TextEncoder().encode(expression));
}

/** The most significant `size` bytes (4–32) of a full hash. */
export function hashPrefix(hash: Uint8Array, size = 4): Uint8Array {
  checkPrefixSize(size);
  if (hash.length < size) throw new Error(`Safe Browsing: a ${hash.length}-byte hash has no ${size}-byte prefix`);
  return hash.slice(0, size);
}

function checkPrefixSize(size: number): void {
  if (!Number.isInteger(size) || size < 4 || size > 32)
    throw new Error(`Safe Browsing: prefix size must be an integer from 4 to 32 bytes (got ${size})`);
}

function compareBytes(a: Uint8Array, aOffset: number, b: Uint8Array, length: number): number {
  for (let i = 0; i < length; i++) {
    const d = a[aOffset + i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

export interface SafeBrowsingListOptions {
  /** Bytes per prefix, 4–32 (default 4). */
  prefixSize?: number;
  /** The prefixes, concatenated (sorted or not: they are sorted here). */
  rawHashes: Uint8Array;
  /** Full 32-byte hashes that confirm a prefix hit. */
  fullHashes?: Iterable<Uint8Array>;
  threatType?: ThreatType | null;
}

/** A local Safe Browsing list: sorted hash prefixes of one size, plus the full hashes that confirm them. */
export class SafeBrowsingList {
  readonly prefixSize: number;
  readonly threatType: ThreatType | null;
  private readonly prefixes: Uint8Array;
  private readonly fullHashSet: Set<string>;

  constructor(options: SafeBrowsingListOptions) {
    const size = options.prefixSize ?? 4;
    checkPrefixSize(size);
    if (options.rawHashes.length % size !== 0) {
      throw new Error(
        `Safe Browsing: rawHashes is ${options.rawHashes.length} bytes, not a multiple of the prefix size ${size}`,
      );
    }
    this.prefixSize = size;
    this.threatType = options.threatType ?? null;
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < options.rawHashes.length; offset += size)
      chunks.push(options.rawHashes.subarray(offset, offset + size));
    chunks.sort((a, b) => compareBytes(a, 0, b, size));
    this.prefixes = new Uint8Array(options.rawHashes.length);
    chunks.forEach((chunk, i) => this.prefixes.set(chunk, i * size));
    this.fullHashSet = new Set();
    let index = 0;
    for (const hash of options.fullHashes ?? []) {
      if (hash.length !== 32) throw new Error(`Safe Browsing: full hash ${index} is ${hash.length} bytes, expected 32`);
      this.fullHashSet.add(toHex(hash));
      index++;
    }
  }

  /** How many prefixes the list holds. */
  get prefixCount(): number {
    return this.prefixes.length / this.prefixSize;
  }

  /** How many full hashes the list holds. */
  get fullHashCount(): number {
    return this.fullHashSet.size;
  }

  /** Binary search for the first prefixSize bytes of `hash` (a prefix or a full hash). */
  hasPrefix(hash: Uint8Array): boolean {
    const size = this.prefixSize;
    if (hash.length < size) return false;
    const at = partitionPoint(this.prefixCount, (i) => compareBytes(this.prefixes, i * size, hash, size) < 0);
    return at < this.prefixCount && compareBytes(this.prefixes, at * size, hash, size) === 0;
  }

  hasFullHash(hash: Uint8Array): boolean {
    return this.fullHashSet.has(toHex(hash));
  }

  /**
   * Every expression of `url` with its hash, prefix and matches; unsafe only on a
   * confirmed full-hash match. A URL Safe Browsing does not check (data:, about:, file:,
   * mailto: …, or no host) has no expressions: "not-checked", with the reason.
   */
  lookup(url: string): SafeBrowsingLookup {
    const candidates = safeBrowsingExpressions(url);
    if (isSafeBrowsingNotChecked(candidates))
      return { expressions: [], verdict: 'not-checked', notChecked: candidates };
    const expressions = candidates.map((expression): SafeBrowsingExpressionResult => {
      const hash = fullHash(expression);
      const prefixMatch = this.hasPrefix(hash);
      return {
        expression,
        hash: toHex(hash),
        prefix: toHex(hash.subarray(0, this.prefixSize)),
        prefixMatch,
        fullHashMatch: prefixMatch && this.hasFullHash(hash),
      };
    });
    return { expressions, verdict: expressions.some((e) => e.fullHashMatch) ? 'unsafe' : 'safe', notChecked: null };
  }
}

// ---------------------------------------------------------------------------------------
// The list file

export const SAFE_BROWSING_LIST_FORMAT = 'navscope-safebrowsing-list';

/**
 * Reads a list file:
 * { "format": "navscope-safebrowsing-list", "version": 1, "threatType": "MALWARE" |
 *   "SOCIAL_ENGINEERING" | "UNWANTED_SOFTWARE", "prefixSize": 4, "rawHashes": "<base64
 *   of the concatenated sorted prefixes>", "fullHashes": ["<base64 of 32 bytes>", …] }
 * Throws an Error naming the problem when the file is malformed.
 */
export function parseSafeBrowsingListFile(json: unknown): SafeBrowsingList {
  const fail = (problem: string): never => {
    throw new Error(`Safe Browsing list file: ${problem}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('expected a JSON object');
  const file = json as Record<string, unknown>;
  if (file['format'] !== SAFE_BROWSING_LIST_FORMAT)
    return fail(`"format" must be "${SAFE_BROWSING_LIST_FORMAT}" (got ${describe(file['format'])})`);
  if (file['version'] !== 1) return fail(`unsupported "version" ${describe(file['version'])} (expected 1)`);
  const threatType = file['threatType'];
  if (typeof threatType !== 'string' || !(THREAT_TYPES as readonly string[]).includes(threatType)) {
    return fail(`"threatType" must be one of ${THREAT_TYPES.join(', ')} (got ${describe(threatType)})`);
  }
  const prefixSize = file['prefixSize'];
  if (typeof prefixSize !== 'number' || !Number.isInteger(prefixSize) || prefixSize < 4 || prefixSize > 32) {
    return fail(`"prefixSize" must be an integer from 4 to 32 (got ${describe(prefixSize)})`);
  }
  const rawHashesText = file['rawHashes'];
  if (typeof rawHashesText !== 'string')
    return fail(`"rawHashes" must be a base64 string (got ${describe(rawHashesText)})`);
  const rawHashes = decodeBase64(rawHashesText);
  if (rawHashes === null) return fail('"rawHashes" is not valid base64');
  if (rawHashes.length % prefixSize !== 0)
    return fail(`"rawHashes" is ${rawHashes.length} bytes, not a multiple of "prefixSize" ${prefixSize}`);
  const fullHashesJson = file['fullHashes'] ?? [];
  if (!Array.isArray(fullHashesJson))
    return fail(`"fullHashes" must be an array of base64 strings (got ${describe(fullHashesJson)})`);
  const fullHashes = fullHashesJson.map((entry: unknown, i): Uint8Array => {
    if (typeof entry !== 'string') return fail(`"fullHashes"[${i}] must be a base64 string (got ${describe(entry)})`);
    const bytes = decodeBase64(entry);
    if (bytes === null) return fail(`"fullHashes"[${i}] is not valid base64`);
    if (bytes.length !== 32) return fail(`"fullHashes"[${i}] is ${bytes.length} bytes, expected 32`);
    return bytes;
  });
  return new SafeBrowsingList({ prefixSize, rawHashes, fullHashes, threatType: threatType as ThreatType });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ---------------------------------------------------------------------------------------
// Base64 (no Buffer or atob in shared/)

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The Infra Standard's forgiving-base64 decode: ASCII whitespace ignored, padding optional. Null on failure. */
export function decodeBase64(text: string): Uint8Array | null {
  let data = text.replace(/[\t\n\f\r ]/g, '');
  if (data.length % 4 === 0) data = data.replace(/==?$/, '');
  if (data.length % 4 === 1) return null;
  if (!/^[A-Za-z0-9+/]*$/.test(data)) return null;
  const out = new Uint8Array(Math.floor((data.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const ch of data) {
    buffer = (buffer << 6) | BASE64_ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += BASE64_ALPHABET[(n >> 18) & 63]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += b1 === undefined ? '=' : BASE64_ALPHABET[(n >> 6) & 63]!;
    out += b2 === undefined ? '=' : BASE64_ALPHABET[n & 63]!;
  }
  return out;
}
