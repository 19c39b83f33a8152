/**
 * What did the user type? The omnibox's first decision, ported from Chromium's
 * AutocompleteInput::Parse (components/omnibox/browser/autocomplete_input.cc), which
 * returns metrics::OmniboxInputType: EMPTY, UNKNOWN, URL or QUERY.
 *
 * Chromium answers in three steps, and so does this port:
 *
 * 1. Segment the text (url_formatter::SegmentURL, components/url_formatter/url_fixer.cc):
 *    find a scheme the way a person means it, not the way a URL parser does. Text before
 *    the first ":" is a scheme only if it is a valid scheme name (a letter, then letters,
 *    digits, "+", "-", "."), contains no "." ("www.example.com:81") and is not followed by
 *    a port ("localhost:8080", "foo:81/"). A ";" may stand for ":" when that yields a
 *    standard scheme or about:/chrome:/file: ("http;//x"). Without a scheme the text is
 *    split as if "http://" were in front of it: user:pass@host:port/path?query#ref.
 * 2. Fix it up (url_formatter::FixupURL) into the URL the browser would load: strip
 *    leading dots from the host, keep at most one trailing dot, rewrite about:x to
 *    chrome://x, view-source: around a fixed-up URL, http:// for scheme-less text. If
 *    that URL is not valid, the input is a QUERY.
 * 3. Judge it:
 *    - file: is a URL; javascript: followed by nothing that looks like code (no ; = ( ) . ")
 *      is UNKNOWN ("javascript:the cromulent parts");
 *    - another explicit scheme: the scheme classifier decides (URL for schemes the browser
 *      handles, QUERY for schemes it blocks); an unknown scheme is re-read with "http://"
 *      in front: "user:pass@host" becomes a URL (unless the "password" has a space:
 *      "site:web.com @tag" is a QUERY); anything else ("site:x.com", "link:x") is UNKNOWN;
 *    - a host that is not a compliant host name (RFC 1738 with "_" allowed, the last label
 *      starting with a letter or digit) or is under .invalid: UNKNOWN with an explicit scheme
 *      or a known TLD and no space, else QUERY ("foo bar", "foo._", "foo+bar");
 *    - IPv6 literals are URLs; IPv4 is a URL when all four parts were typed ("127.0.0.1",
 *      "0.0.0.0"); an address whose first octet is 0 is a QUERY ("0.0.0.1", "12345678/");
 *    - http:// or https:// typed explicitly: URL;
 *    - a path ending in "/" or "\" forces a URL ("foo/", "1.2/"), unless the user name has a
 *      space ("dep missing: @test/");
 *    - two or three typed IPv4 parts without a scheme or slash ("1.2", "127.0.1"): QUERY;
 *    - two or more of user, password, port, path, query, ref ("foo/bar?x", "user@foo/z"): URL;
 *    - "user@host" alone looks like an e-mail address: UNKNOWN;
 *    - a known TLD (public suffix list, ICANN section only), localhost or *.localhost, or
 *      an explicit non-default port: URL;
 *    - a name under .example, .test, .local or .internal (RFC 6761/6762): URL;
 *    - anything else ("foo", "foo.c", "browser.tabs.closeButtons", "foo/bar"): UNKNOWN:
 *      the omnibox searches and may offer "did you mean http://foo/".
 *
 * Where Chromium depends on the machine it runs on, this port picks desktop Linux/macOS:
 * - Input starting with "/" is a local file path (file:///...): URL. "~" (home directory
 *   expansion) and Windows paths ("C:\...", "\\server\share") are not modelled; they are
 *   read like any other text.
 * - The scheme classifier is Chrome's desktop one without the OS registry: schemes the
 *   browser handles itself are URLs, the external protocols Chrome always allows
 *   (mailto:, news:, snews:) are URLs, the ones it always blocks are QUERY, and a scheme
 *   with no handler is unknown (as on Linux, where Chrome never asks the OS).
 * - Chromium's canonicalizer is GURL; this port uses the WHATWG URL parser, which agrees on
 *   every case in Chromium's tests except where GURL keeps a host WHATWG rejects.
 * - The HTTPS default for typed URLs is not applied here: the URL keeps http:// and the
 *   navigation layer upgrades it. The "desired TLD" (Ctrl+Enter adds www. and .com) is an
 *   option.
 */
import { parse as parseDomain } from 'tldts';

export type OmniboxInputType = 'EMPTY' | 'UNKNOWN' | 'URL' | 'QUERY';

export interface OmniboxClassification {
  type: OmniboxInputType;
  /** For URL: the URL to load. For UNKNOWN: the http(s) URL the user may have meant. */
  url?: string;
  /** Why, in a few words (shown in the explanation panel). */
  reason: string;
  /** For UNKNOWN with an http(s) reading: "did you mean http://word/" (the same string as url). */
  didYouMean?: string;
}

export interface OmniboxInputOptions {
  /**
   * Chromium's desired_tld: the TLD Ctrl+Enter adds ("com": "naver" → http://www.naver.com/).
   * Hosts that already end in a known TLD are left alone.
   */
  desiredTld?: string;
}

/**
 * The pieces of the typed text, as Chromium's url::Parsed holds them. undefined: the
 * component is absent; '': present but empty (e.g. "host#" has an empty ref).
 */
interface Parts {
  scheme?: string;
  username?: string;
  password?: string;
  host?: string;
  port?: string;
  path?: string;
  query?: string;
  ref?: string;
}

/** Schemes GURL parses with an authority (url::IsStandard), including Chrome's own. */
const STANDARD_SCHEMES = new Set([
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'file',
  'chrome',
  'chrome-untrusted',
  'chrome-search',
  'chrome-extension',
  'chrome-error',
  'devtools',
]);
/** Standard schemes the WHATWG parser treats as special (the rest get an opaque host there). */
const WHATWG_SPECIAL = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

/**
 * The scheme classifier (ChromeAutocompleteSchemeClassifier on desktop; its test double,
 * TestSchemeClassifier, knows the first row): schemes the browser navigates to itself.
 */
const URL_SCHEMES = new Set([
  'http',
  'https',
  'ws',
  'wss',
  'file',
  'about',
  'ftp',
  'blob',
  'filesystem',
  'view-source',
  'javascript',
  'chrome',
  'devtools',
  'data',
  'chrome-untrusted',
  'chrome-search',
  'chrome-extension',
  // ExternalProtocolHandler's always-allowed external protocols.
  'mailto',
  'news',
  'snews',
]);
/** ExternalProtocolHandler's always-denied schemes: typing them searches instead. */
const BLOCKED_SCHEMES = new Set([
  'afp',
  'disk',
  'disks',
  'hcp',
  'ie.http',
  'ms-help',
  'nntp',
  'res',
  'shell',
  'vbscript',
  'vnd.ms.radio',
]);

/** Hosts reserved by RFC 6761/6762 and ICANN that need a name in front to be a URL. */
const RESERVED_TLDS = ['example', 'test', 'local', 'internal'];

const SCHEME_NAME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const MAX_FIXUP_DEPTH = 16;

/** url_parse's ShouldTrimFromURL: control characters and space. */
function isTrimmable(c: string | undefined): boolean {
  return c !== undefined && c.charCodeAt(0) <= 0x20;
}

/** The index of the first character that is not a control character or space (-1 if none). */
function firstNonTrimmable(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isTrimmable(text[i])) return i;
  return -1;
}

function trimLeading(text: string): string {
  return text.replace(/^\s+/u, '');
}

/** url::ParseStandardURL: split "scheme://user:pass@host:port/path?query#ref". */
function parseStandardUrl(input: string): Parts {
  let begin = 0;
  let end = input.length;
  while (begin < end && isTrimmable(input[begin])) begin++;
  while (end > begin && isTrimmable(input[end - 1])) end--;
  const spec = input.slice(begin, end);
  const parts: Parts = {};
  let afterScheme = 0;
  const colon = spec.indexOf(':');
  if (colon >= 0) {
    parts.scheme = spec.slice(0, colon);
    afterScheme = colon + 1;
  }
  let afterSlashes = afterScheme;
  while (afterSlashes < spec.length && (spec[afterSlashes] === '/' || spec[afterSlashes] === '\\')) afterSlashes++;
  let endAuth = afterSlashes;
  while (endAuth < spec.length && !'/\\?#'.includes(spec[endAuth] ?? '')) endAuth++;
  const authority = spec.slice(afterSlashes, endAuth);
  if (authority !== '') {
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      const userColon = userinfo.indexOf(':');
      if (userColon >= 0) {
        parts.username = userinfo.slice(0, userColon);
        parts.password = userinfo.slice(userColon + 1);
      } else {
        parts.username = userinfo;
      }
    }
    const server = authority.slice(at + 1);
    if (server !== '') {
      // The last ":" starts the port, unless it sits inside an IPv6 literal "[...]".
      let ipv6End = server.startsWith('[') ? server.length : -1;
      let portColon = -1;
      for (let i = 0; i < server.length; i++) {
        if (server[i] === ']') ipv6End = i;
        else if (server[i] === ':') portColon = i;
      }
      if (portColon > ipv6End) {
        if (portColon > 0) parts.host = server.slice(0, portColon);
        parts.port = server.slice(portColon + 1);
      } else {
        parts.host = server;
      }
    }
  }
  if (endAuth < spec.length) {
    const full = spec.slice(endAuth);
    const hash = full.indexOf('#');
    const question = full.indexOf('?');
    const querySep = question >= 0 && (hash < 0 || question < hash) ? question : -1;
    const pathEnd = querySep >= 0 ? querySep : hash >= 0 ? hash : full.length;
    if (pathEnd > 0) parts.path = full.slice(0, pathEnd);
    if (querySep >= 0) parts.query = full.slice(querySep + 1, hash >= 0 ? hash : full.length);
    if (hash >= 0) parts.ref = full.slice(hash + 1);
  }
  return parts;
}

/** url_fixer's HasPort: is the text after the scheme's ":" a valid port number? */
function hasPort(text: string, colon: number): boolean {
  let end = colon + 1;
  while (end < text.length && !'/\\?#'.includes(text[end] ?? '')) end++;
  const piece = text.slice(colon + 1, end);
  return /^[0-9]+$/.test(piece) && Number(piece) <= 65535;
}

/** url_fixer's GetValidScheme: the lower-cased scheme, or null when the text has none. */
function validScheme(text: string): string | null {
  const start = firstNonTrimmable(text);
  if (start < 0) return null;
  const colon = text.indexOf(':', start);
  if (colon < 0) return null;
  const name = text.slice(start, colon);
  if (!SCHEME_NAME.test(name) || name.includes('.')) return null;
  if (hasPort(text, colon)) return null;
  return name.toLowerCase();
}

interface Segmented {
  /** The scheme Chromium settles on ("http" when none was typed). */
  scheme: string;
  parts: Parts;
  /** The text, with a ";" turned into ":" when that revealed the scheme. */
  text: string;
}

/** url_formatter::SegmentURL. */
function segmentUrl(input: string): Segmented {
  let text = input;
  const trimmed = text.trim();
  if (trimmed === '') return { scheme: '', parts: {}, text };
  // A POSIX path is a local file (desktop Linux and macOS).
  if (trimmed.startsWith('/')) return { scheme: 'file', parts: {}, text };

  let scheme = validScheme(text);
  let typedScheme = scheme !== null;
  if (scheme === null) {
    const semicolon = text.indexOf(';');
    if (semicolon > 0) {
      const fixed = `${text.slice(0, semicolon)}:${text.slice(semicolon + 1)}`;
      const candidate = validScheme(fixed);
      if (
        candidate !== null &&
        (STANDARD_SCHEMES.has(candidate) || candidate === 'about' || candidate === 'chrome' || candidate === 'file')
      ) {
        text = fixed;
        scheme = candidate;
        typedScheme = true;
      }
    }
  }
  if (scheme === null) scheme = 'http';

  const start = Math.max(0, firstNonTrimmable(text));
  const schemeText = typedScheme ? text.slice(start, text.indexOf(':', start)) : undefined;
  if (scheme !== 'about' && scheme !== 'chrome' && scheme !== 'devtools' && !STANDARD_SCHEMES.has(scheme)) {
    return { scheme, parts: { scheme: schemeText }, text };
  }
  if (scheme === 'file') return { scheme, parts: { scheme: schemeText }, text };
  if (typedScheme) return { scheme, parts: parseStandardUrl(text), text };

  // No scheme: parse as if "http://" were typed in front ("http" alone before a leading ":").
  const body = text.slice(start);
  const parts = parseStandardUrl(`${scheme}${body.startsWith(':') ? '' : '://'}${body}`);
  delete parts.scheme;
  return { scheme, parts, text };
}

/** HostHasRegistryControlledDomain(EXCLUDE_UNKNOWN, EXCLUDE_PRIVATE): IP addresses have none. */
function hostHasKnownRegistry(host: string): boolean {
  const canonical = tryUrl(`http://${host}/`)?.hostname ?? host.toLowerCase();
  if (canonical.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(canonical)) return false;
  return knownTld(canonical) !== null;
}

/**
 * FixupHost: drop leading dots and all but one trailing dot (unless it is all dots), then
 * AddDesiredTLD: "naver" with "com" becomes "www.naver.com".
 */
function fixupHost(host: string, desiredTld: string): string {
  if (!/[^.]/.test(host)) return host;
  let domain = host.replace(/^\.+/, '').replace(/\.{2,}$/, '.');
  if (desiredTld !== '' && !hostHasKnownRegistry(domain)) {
    domain = `${domain}${domain.endsWith('.') ? '' : '.'}${desiredTld}`;
    if (!domain.startsWith('www.')) domain = `www.${domain}`;
  }
  return domain;
}

function tryUrl(spec: string): URL | null {
  try {
    return new URL(spec);
  } catch {
    return null;
  }
}

/** A host canonicalized as GURL does for standard schemes (the URL Standard's host parser), or null when invalid. */
function canonicalNetworkHost(host: string): string | null {
  return tryUrl(`http://${host}/`)?.hostname ?? null;
}

/** GURL's filesystem: URLs: an inner http(s)/file URL whose path starts with a type directory. */
function fixupFilesystem(text: string): URL | null {
  const inner = tryUrl(text.trim().replace(/^filesystem:/i, ''));
  if (inner === null || !['http:', 'https:', 'file:'].includes(inner.protocol)) return null;
  if (inner.protocol !== 'file:' && inner.hostname === '') return null;
  if (!/^\/[^/]+\//.test(inner.pathname)) return null;
  return tryUrl(`filesystem:${inner.href}`);
}

/** FixupPath for a POSIX path: the file: URL of that path. */
function fileUrlForPath(path: string): URL | null {
  const escaped = path.trim().replace(/[%;#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return tryUrl(`file://${escaped}`);
}

/** url_formatter::FixupURL: the URL the browser would load for this text, or null if none. */
function fixupUrl(text: string, desiredTld: string, depth = 0): URL | null {
  if (depth > MAX_FIXUP_DEPTH) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const { scheme, parts, text: segmented } = segmentUrl(trimmed);

  if (scheme === 'view-source' && !/^view-source:view-source:/i.test(trimmed)) {
    const inner = segmented.slice(segmented.indexOf(':') + 1);
    const fixed = fixupUrl(inner, desiredTld, depth + 1);
    return tryUrl(`view-source:${fixed?.href ?? inner.trim()}`);
  }
  if (scheme === 'file') return parts.scheme !== undefined ? tryUrl(trimmed) : fileUrlForPath(trimmed);
  if (scheme === 'filesystem') return fixupFilesystem(segmented);
  if (scheme === 'about') {
    const about = tryUrl(segmented.toLowerCase());
    if (about !== null && (about.pathname === 'blank' || about.pathname === 'srcdoc')) return about;
  }

  const chromeUrl = scheme === 'about' || scheme === 'chrome';
  if (chromeUrl || scheme === 'devtools' || STANDARD_SCHEMES.has(scheme)) {
    const outScheme = scheme === 'about' ? 'chrome' : scheme;
    let host = parts.host === undefined ? '' : fixupHost(parts.host, desiredTld);
    if (chromeUrl && parts.host === undefined) host = 'version';
    // A standard URL needs a host (WHATWG would otherwise take "http:///x" as host "x").
    if (host === '') return null;
    // GURL canonicalizes the host of every standard URL as a network host (lower case,
    // escapes decoded, IDN, IPv4 numbers); WHATWG does only for its special schemes, and
    // keeps "chrome://blank%00" whose escaped NUL makes GURL's host, and the URL, invalid.
    if (!WHATWG_SPECIAL.has(outScheme)) {
      const canonical = canonicalNetworkHost(host);
      if (canonical === null) return null;
      host = canonical;
    }
    let spec = `${outScheme}://`;
    if (parts.username !== undefined)
      spec += `${parts.username}${parts.password !== undefined ? `:${parts.password}` : ''}@`;
    spec += host;
    if (parts.port) spec += `:${parts.port}`;
    spec += parts.path ? parts.path : '/';
    if (parts.query !== undefined) spec += `?${parts.query}`;
    if (parts.ref !== undefined) spec += `#${parts.ref}`;
    return tryUrl(spec);
  }
  // Any other scheme was typed explicitly: the URL is the text itself.
  return tryUrl(segmented);
}

/** net::IsCanonicalizedHostCompliant. */
function isCompliantHost(host: string): boolean {
  if (host === '' || host.length > 254 || (host.length === 254 && !host.endsWith('.'))) return false;
  let inLabel = false;
  let lastLabelStartsAlnum = false;
  let labelSize = 0;
  for (const c of host) {
    labelSize++;
    const alnum = /^[a-z0-9]$/.test(c);
    if (!inLabel) {
      lastLabelStartsAlnum = alnum;
      if (!alnum && c !== '-' && c !== '_') return false;
      inLabel = true;
    } else if (c === '.') {
      inLabel = false;
      if (labelSize > 64 || labelSize === 1) return false;
      labelSize = 0;
    } else if (!alnum && c !== '-' && c !== '_') {
      return false;
    }
  }
  if (labelSize > 63) return false;
  return lastLabelStartsAlnum;
}

/** GURL::DomainIs: the host is the domain or a name under it (a trailing dot is ignored). */
function domainIs(host: string, domain: string): boolean {
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  return bare === domain || bare.endsWith(`.${domain}`);
}

/**
 * GetCanonicalHostRegistryLength(EXCLUDE_UNKNOWN_REGISTRIES, EXCLUDE_PRIVATE_REGISTRIES) != 0:
 * the host ends in an ICANN public suffix and has at least one label in front of it.
 * Private suffixes (github.io, blogspot.com) are ignored, as in Chromium: "a.github.io"
 * counts because "io" is an ICANN suffix.
 */
function knownTld(host: string): string | null {
  const bare = host.replace(/^\.+/, '').replace(/\.$/, '');
  if (bare === '') return null;
  const result = parseDomain(bare, {
    allowPrivateDomains: false,
    validateHostname: false,
    extractHostname: false,
    detectIp: false,
  });
  return result.isIcann === true && result.domain !== null ? result.publicSuffix : null;
}

type HostFamily =
  { family: 'NEUTRAL' } | { family: 'IPV6' } | { family: 'IPV4'; address: number[]; components: number };

/** The IPv4 parts as typed ("1.2" has two), or null when the text is not an IPv4 address. */
function typedIpv4Components(host: string): number | null {
  const labels = host.split('.');
  if (labels.length > 1 && labels[labels.length - 1] === '') labels.pop();
  if (labels.length > 4) return null;
  const number = /^(?:0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/;
  return labels.every((label) => number.test(label)) ? labels.length : null;
}

function hostFamily(canonicalHost: string): HostFamily {
  if (canonicalHost.startsWith('[')) return { family: 'IPV6' };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(canonicalHost))
    return { family: 'IPV4', address: canonicalHost.split('.').map(Number), components: 4 };
  return { family: 'NEUTRAL' };
}

function numNonHostComponents(parts: Parts): number {
  return [parts.scheme, parts.username, parts.password, parts.port, parts.path, parts.query, parts.ref].filter(
    (c) => c !== undefined && c !== '',
  ).length;
}

interface Parsed {
  type: OmniboxInputType;
  reason: string;
  /** Chromium's canonicalized_url: what the input means as a URL, when it means one. */
  canonical?: URL;
}

/** A few words on why FixupURL produced no valid URL (the input is then a QUERY). */
function whyNotAUrl(text: string, scheme: string, parts: Parts): string {
  if (text.trimStart().startsWith('?')) return 'a leading "?" is not a URL: it searches';
  if (parts.scheme === undefined && /\s/.test(parts.host ?? '')) return 'it contains spaces and no scheme';
  if (parts.port && !(/^[0-9]+$/.test(parts.port) && Number(parts.port) <= 65535))
    return `"${parts.port}" is not a valid port number`;
  if (parts.host === undefined && STANDARD_SCHEMES.has(scheme))
    return parts.scheme === undefined ? 'there is no host name' : `a ${scheme}: URL needs a host`;
  return 'it cannot be made into a valid URL';
}

/** AutocompleteInput::Parse. */
function parse(text: string, desiredTld: string): Parsed {
  if (text.trim() === '') return { type: 'EMPTY', reason: 'nothing was typed' };

  const { scheme, parts } = segmentUrl(text);
  const canonical = fixupUrl(text, desiredTld);
  if (canonical === null) return { type: 'QUERY', reason: whyNotAUrl(text, scheme, parts) };

  if (scheme === 'file')
    return {
      type: 'URL',
      canonical,
      reason: parts.scheme !== undefined ? 'explicit file: scheme' : 'a local file path',
    };

  if (scheme === 'javascript' && /^javascript:[^;=()."]*$/i.test(text)) {
    return { type: 'UNKNOWN', canonical, reason: 'javascript: followed by words, not code: probably a search' };
  }

  const typedScheme = parts.scheme !== undefined && parts.scheme !== '';
  if (typedScheme && scheme !== 'http' && scheme !== 'https') {
    if (URL_SCHEMES.has(scheme))
      return { type: 'URL', canonical, reason: `explicit ${scheme}: scheme the browser handles` };
    if (BLOCKED_SCHEMES.has(scheme)) return { type: 'QUERY', reason: `"${scheme}:" is a blocked external protocol` };
    // Unknown scheme: maybe "user:password@host" without http://.
    const asHttp = parse(`http://${text}`, desiredTld);
    const httpParts = segmentUrl(`http://${text}`).parts;
    if (asHttp.type === 'URL' && httpParts.username && httpParts.password) {
      if (httpParts.password.includes(' '))
        return { type: 'QUERY', reason: `"${scheme}:" followed by a space and "@": a search operator, not a password` };
      return { type: 'URL', canonical: asHttp.canonical, reason: 'user:password@host: a URL with credentials' };
    }
    return {
      type: 'UNKNOWN',
      canonical,
      reason: `"${scheme}:" is not a scheme the browser knows: maybe a search operator like "site:"`,
    };
  }

  // No scheme, or http(s): decide by the host.
  const host = canonical.hostname;
  let family = hostFamily(host);
  const tld = knownTld(host);
  const originalHost = parts.host ?? '';

  if (text !== 'invalid' && family.family === 'NEUTRAL' && (!isCompliantHost(host) || domainIs(host, 'invalid'))) {
    const why = domainIs(host, 'invalid')
      ? '.invalid is reserved and never resolves'
      : `"${host}" is not a valid host name`;
    if (typedScheme) return { type: 'UNKNOWN', canonical, reason: `${why}, though a scheme was typed` };
    if (tld !== null && !originalHost.includes(' '))
      return { type: 'UNKNOWN', canonical, reason: `${why}, though it ends in the known TLD ".${tld}"` };
    return { type: 'QUERY', reason: originalHost.includes(' ') ? 'it contains spaces and no scheme' : why };
  }

  if (family.family === 'IPV6') return { type: 'URL', canonical, reason: 'an IPv6 address literal' };
  if (family.family === 'IPV4') {
    const [a0, a1, a2, a3] = family.address;
    if (a0 !== 0 || (a1 === 0 && a2 === 0 && a3 === 0)) {
      // Count the parts as typed: "127.0.0.1" is an address, "1.2" (= 1.0.0.2) is likely a number.
      const typed = typedIpv4Components(originalHost);
      if (typed === 4) return { type: 'URL', canonical, reason: 'an IPv4 address' };
      family = typed === null ? { family: 'NEUTRAL' } : { ...family, components: typed };
    }
    if (a0 === 0) return { type: 'QUERY', reason: `${host} starts with 0: a source address, never a destination` };
  }

  if (typedScheme) return { type: 'URL', canonical, reason: `explicit ${scheme}: scheme` };

  const usernameHasSpace = parts.username !== undefined && /\s/.test(parts.username);
  if (parts.path && !usernameHasSpace && /[/\\]$/.test(parts.path))
    return { type: 'URL', canonical, reason: 'a trailing slash makes it a URL' };
  if (family.family === 'IPV4' && family.components > 1)
    return { type: 'QUERY', reason: `only ${family.components} parts of an IPv4 address: more likely a number` };
  if (usernameHasSpace)
    return { type: 'UNKNOWN', canonical, reason: 'the text before "@" has a space: probably not a user name' };
  if (numNonHostComponents(parts) > 1)
    return { type: 'URL', canonical, reason: 'it has several URL parts (user, port, path, query, fragment)' };
  if (canonical.username !== '' && desiredTld === '')
    return { type: 'UNKNOWN', canonical, reason: 'user@host looks like an e-mail address' };
  if (tld !== null) return { type: 'URL', canonical, reason: `".${tld}" is a known top-level domain` };
  if (domainIs(host, 'localhost')) return { type: 'URL', canonical, reason: 'localhost' };
  if (canonical.port !== '') return { type: 'URL', canonical, reason: `it has an explicit port (${canonical.port})` };
  for (const reserved of RESERVED_TLDS) {
    if (domainIs(host, reserved) && host.length > reserved.length + 1)
      return { type: 'URL', canonical, reason: `a name under the reserved ".${reserved}"` };
  }
  if (!host.includes('.'))
    return { type: 'UNKNOWN', canonical, reason: 'a single word: a search, or maybe an intranet host' };
  return {
    type: 'UNKNOWN',
    canonical,
    reason: `".${host.replace(/\.$/, '').split('.').pop() ?? ''}" is not a known top-level domain`,
  };
}

export function classifyOmniboxInput(text: string, options: OmniboxInputOptions = {}): OmniboxClassification {
  // AutocompleteInput::Init trims leading white space only; Parse sees the trailing part.
  const desiredTld = (options.desiredTld ?? '').replace(/^\.+/, '').toLowerCase();
  const result = parse(trimLeading(text), desiredTld);
  if (result.type === 'URL' && result.canonical)
    return { type: 'URL', url: result.canonical.href, reason: result.reason };
  if (
    result.type === 'UNKNOWN' &&
    result.canonical &&
    (result.canonical.protocol === 'http:' || result.canonical.protocol === 'https:')
  ) {
    // The alternate-nav "did you mean" check only ever probes http(s) hosts.
    return { type: 'UNKNOWN', url: result.canonical.href, reason: result.reason, didYouMean: result.canonical.href };
  }
  return { type: result.type, reason: result.reason };
}
