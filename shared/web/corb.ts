/**
 * Cross-Origin Read Blocking (CORB), as Chromium shipped it from M67 until Opaque Response
 * Blocking (ORB, "CORB v2") replaced it. The app labels this step "CORB/ORB"; what runs
 * here is CORB's algorithm only, not ORB's (ORB blocks by default and allows what sniffs
 * as image/audio/video/script; CORB allows by default and blocks what it can show to be
 * HTML, XML, JSON or a handful of never-embeddable types).
 *
 * Sources (read, summarised here; no code copied): Chromium's
 * services/network/public/cpp/corb/corb_impl.cc (CorbResponseAnalyzer), its older home
 * services/network/public/cpp/cross_origin_read_blocking.cc, the unit tests
 * corb_impl_unittest.cc / cross_origin_read_blocking_unittest.cc, and
 * content/browser/loader/cross_site_document_blocking_browsertest.cc.
 *
 * The decision, in Chromium's order (ShouldBlockBasedOnHeaders, then sniffing):
 *
 * 1. No initiator (a browser-initiated request) → allow.
 * 2. Initiator same-origin with the response URL → allow (url::Origin::IsSameOriginWith:
 *    scheme, host, port; blob: and filesystem: URLs use their inner origin; file: URLs
 *    share the tuple origin "file://", so a file:// initiator is same-origin with
 *    file:///x; data:, about:, javascript: and blob:null/… URLs have opaque origins).
 *    An opaque initiator ("null", or a data:/about: URL) is cross-origin to everything.
 *    Origins are compared, not sites: same-site is not enough.
 * 3. (The response URL's scheme does not matter. The older CORB had IsBlockableScheme,
 *    allowing all but http(s); Chromium dropped it because CORB only ever runs on http(s)
 *    loaders, and its current table, corb_impl_unittest.cc, expects a cross-site ftp: or
 *    file: response to be blocked like any other. NavScope follows the current table and
 *    says in the reason that Chromium never reaches such a response.)
 * 4. Request mode other than no-cors → allow (cors/same-origin are covered by CORS,
 *    navigations by process isolation).
 * 5. (Service-worker responses: not modelled.)
 * 6. Content-Type in the never-sniffed list (PDF, ZIP, gzip, protobuf, MS Office, CSV,
 *    event streams, multipart/signed, multipart/byteranges, …) → block, no sniffing.
 * 7. A Content-Range header (a range response; the status code itself is not looked at):
 *    HTML, XML or JSON → block (partial bodies cannot be sniffed); text/plain and others →
 *    allow.
 * 8. HTML, XML, JSON or text/plain: with X-Content-Type-Options: nosniff → block; without
 *    it, sniff to confirm. Others: text/css → allow; anything else (including no
 *    Content-Type at all) is sniffed for JSON parser breakers / a JSON object only.
 * 9. Sniffing looks at the first CORB_SNIFF_BYTES (net::kMaxBytesToSniff) bytes. Sniffers:
 *    HTML for text/html, XML for XML types, JSON for JSON types, all three for text/plain,
 *    and always the "fetch-only resource" sniffer (parser breakers such as )]}' or
 *    for(;;); at the very start, or a JSON object `{"key":`). Any sniffer that confirms →
 *    block. Otherwise (no match, or undecided when the data ran out) → allow: CORB fails
 *    open.
 *
 * Status codes do not change the verdict (Chromium only skips the console warning for
 * empty bodies, 204s and 4xx/5xx); the reason mentions it. `destination` is accepted for
 * the caller's convenience and ORB-style explanations; CORB itself ignores it.
 */
import { headerValues } from '../net/httpHeaders.js';
import { extractMimeType, splitHeaderValue } from './mimeType.js';
import { urlOrigin } from './siteInfo.js';

/** net::kMaxBytesToSniff: CORB confirmation sniffing never looks past this many bytes. */
export const CORB_SNIFF_BYTES = 1024;

export type CorbRequestMode = 'no-cors' | 'cors' | 'same-origin' | 'navigate';

export interface CorbInput {
  requestUrl: string;
  /** The request initiator's origin serialization; "null" for an opaque origin; null for browser-initiated. */
  initiatorOrigin: string | null;
  requestMode: CorbRequestMode;
  destination: string;
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

/** Chromium's CrossOriginReadBlocking::MimeType, as the explanation panel shows it. */
export type CorbMimeClass = 'html' | 'xml' | 'json' | 'plain' | 'never-sniffed' | 'others';

/** Which confirmation sniffer matched. */
export type CorbSniffer = 'html' | 'xml' | 'json' | 'parser-breaker';

export interface CorbVerdict {
  decision: 'allow' | 'block';
  /** One short sentence for the explanation panel. */
  reason: string;
  mimeClass: CorbMimeClass;
  /** The sniffer that confirmed a protected type (the block came from sniffing), else null. */
  sniffed: CorbSniffer | null;
}

/** A sniffer's answer: confirmed, ruled out, or undecided (more bytes could decide). */
export type CorbSniffResult = 'yes' | 'no' | 'maybe';

/**
 * Content types CORB blocks without sniffing (Chromium's GetNeverSniffedMimeTypes): types
 * that are never legitimately an image, script, stylesheet or media in a no-cors fetch.
 */
export const CORB_NEVER_SNIFFED_MIME_TYPES: ReadonlySet<string> = new Set([
  // Common on the web per HTTP Archive.
  'application/gzip',
  'application/x-gzip',
  'application/x-protobuf',
  'application/zip',
  'text/event-stream',
  // Document types (initially those MimeHandlerView handled).
  'application/msexcel',
  'application/mspowerpoint',
  'application/msword',
  'application/msword-template',
  'application/pdf',
  'application/vnd.ces-quickpoint',
  'application/vnd.ces-quicksheet',
  'application/vnd.ces-quickword',
  'application/vnd.ms-excel',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-powerpoint',
  'application/vnd.ms-powerpoint.presentation.macroenabled.12',
  'application/vnd.ms-word',
  'application/vnd.ms-word.document.12',
  'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.msword',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.template',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  'application/vnd.presentation-openxml',
  'application/vnd.presentation-openxmlm',
  'application/vnd.spreadsheet-openxml',
  'application/vnd.wordprocessing-openxml',
  'text/csv',
  // Signed documents carry their (possibly sensitive) body in the clear.
  'multipart/signed',
  // A multi-range response to a protected type becomes multipart; media only asks for one range.
  'multipart/byteranges',
]);

/**
 * Chromium's GetCanonicalMimeType: the CORB class of a MIME type essence (type/subtype,
 * compared ASCII case-insensitively). The empty string (no Content-Type) is "others".
 */
export function corbMimeClass(mimeType: string): CorbMimeClass {
  const m = asciiLowercase(mimeType);
  // SVG images and DASH manifests are embeddable, although they end in +xml.
  if (m === 'image/svg+xml' || m === 'application/dash+xml') return 'others';
  if (m === 'text/html') return 'html';
  if (m === 'application/json' || m === 'text/json' || m === 'application/json+protobuf' || m.endsWith('+json'))
    return 'json';
  if (m === 'application/xml' || m === 'text/xml' || m.endsWith('+xml')) return 'xml';
  if (m === 'text/plain') return 'plain';
  if (CORB_NEVER_SNIFFED_MIME_TYPES.has(m)) return 'never-sniffed';
  return 'others';
}

// ---------------------------------------------------------------------------------------
// Sniffers. They work on bytes (Chromium's StringPiece), not on decoded text.

interface SniffOutcome {
  result: CorbSniffResult;
  /** What matched, for the explanation (e.g. "<html", ")]}'", "{\"…\":"). */
  match: string | null;
}

/** Chromium's HTML signatures. "<!--" is left out (valid JavaScript starts with it too); <body and <br are covered by <b. */
const HTML_SIGNATURES = [
  '<!doctype html',
  '<script',
  '<html',
  '<head',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<p',
];
const XML_SIGNATURES = ['<?xml'];
/** XSSI-defeating prefixes that make a response useless as a script; matched at byte 0, case-sensitively. */
const PARSER_BREAKERS = [")]}'", '{}&&', '{} &&', 'for(;;);', 'while(1);', 'for (;;);', 'while (1);'];

function asciiLowercase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function lowerByte(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

/** Chromium's AdvancePastWhitespace: SP, TAB, CR, LF (not FF). */
function isSniffWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}

function skipWhitespace(data: Uint8Array, pos: number): number {
  while (pos < data.length && isSniffWhitespace(data[pos]!)) pos++;
  return pos;
}

/** Do `count` bytes of data at pos equal the first `count` characters of sig? */
function bytesEqual(data: Uint8Array, pos: number, sig: string, count: number, caseInsensitive: boolean): boolean {
  for (let i = 0; i < count; i++) {
    let a = data[pos + i]!;
    let b = sig.charCodeAt(i);
    if (caseInsensitive) {
      a = lowerByte(a);
      b = lowerByte(b);
    }
    if (a !== b) return false;
  }
  return true;
}

/**
 * Chromium's MatchesSignature: "yes" when the data at pos starts with a signature (pos
 * moves past it), "maybe" when the remaining data is a prefix of a signature (checked in
 * list order: the first such signature answers), else "no".
 */
function matchSignature(
  data: Uint8Array,
  pos: number,
  signatures: readonly string[],
  caseInsensitive: boolean,
): SniffOutcome & { pos: number } {
  const remaining = data.length - pos;
  for (const sig of signatures) {
    if (sig.length <= remaining) {
      if (bytesEqual(data, pos, sig, sig.length, caseInsensitive))
        return { result: 'yes', match: sig, pos: pos + sig.length };
    } else if (bytesEqual(data, pos, sig, remaining, caseInsensitive)) {
      return { result: 'maybe', match: null, pos };
    }
  }
  return { result: 'no', match: null, pos };
}

function indexOfBytes(data: Uint8Array, needle: string, from: number): number {
  outer: for (let i = from; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** The first JavaScript LineTerminator at or after pos: LF, CR, or U+2028/U+2029 in UTF-8 (E2 80 A8/A9). −1 if none. */
function findJavaScriptLineTerminator(data: Uint8Array, pos: number): number {
  for (let i = pos; i < data.length; i++) {
    const b = data[i];
    if (b === 0x0a || b === 0x0d) return i;
    if (b === 0xe2 && data[i + 1] === 0x80 && (data[i + 2] === 0xa8 || data[i + 2] === 0xa9)) return i;
  }
  return -1;
}

/**
 * Chromium's MaybeSkipHtmlComment: at "<!-- … -->", skip it and the rest of its line (a
 * comment is a single-line comment in JavaScript too, so text after "-->" on the same line
 * may be script). "maybe" for an unfinished comment or one whose line has not ended yet.
 */
function skipHtmlComment(data: Uint8Array, pos: number): { result: CorbSniffResult; pos: number } {
  const start = '<!--';
  const remaining = data.length - pos;
  if (remaining < start.length || !bytesEqual(data, pos, start, start.length, false)) {
    return { result: remaining < start.length && bytesEqual(data, pos, start, remaining, false) ? 'maybe' : 'no', pos };
  }
  const close = indexOfBytes(data, '-->', pos + start.length);
  if (close === -1) return { result: 'maybe', pos };
  const endOfLine = findJavaScriptLineTerminator(data, close + 3);
  if (endOfLine === -1) return { result: 'maybe', pos };
  return { result: 'yes', pos: endOfLine };
}

function sniffHtml(data: Uint8Array): SniffOutcome {
  let pos = 0;
  while (pos < data.length) {
    pos = skipWhitespace(data, pos);
    const signature = matchSignature(data, pos, HTML_SIGNATURES, true);
    if (signature.result !== 'no') return signature;
    const comment = skipHtmlComment(data, pos);
    if (comment.result !== 'yes') return { result: comment.result, match: null };
    pos = comment.pos;
  }
  return { result: 'maybe', match: null };
}

function sniffXml(data: Uint8Array): SniffOutcome {
  return matchSignature(data, skipWhitespace(data, 0), XML_SIGNATURES, false);
}

/**
 * Chromium's SniffForJSON: whitespace, "{", whitespace, a double-quoted string (with
 * backslash escapes), whitespace, ":". That prefix is a syntax error as a script. JSON
 * arrays and "{}" are not recognised (they are valid JavaScript).
 */
function sniffJson(data: Uint8Array): SniffOutcome {
  type State = 'start' | 'leftBrace' | 'leftQuote' | 'escape' | 'rightQuote';
  let state: State = 'start';
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (state !== 'leftQuote' && state !== 'escape' && isSniffWhitespace(c)) continue;
    switch (state) {
      case 'start':
        if (c !== 0x7b) return { result: 'no', match: null }; // {
        state = 'leftBrace';
        break;
      case 'leftBrace':
        if (c !== 0x22) return { result: 'no', match: null }; // "
        state = 'leftQuote';
        break;
      case 'leftQuote':
        if (c === 0x22) state = 'rightQuote';
        else if (c === 0x5c) state = 'escape'; // backslash
        break;
      case 'escape':
        state = 'leftQuote';
        break;
      case 'rightQuote':
        return c === 0x3a ? { result: 'yes', match: '{"…":' } : { result: 'no', match: null };
    }
  }
  return { result: 'maybe', match: null };
}

/** Chromium's SniffForFetchOnlyResource: a parser breaker at byte 0, else a JSON object. */
function sniffFetchOnlyResource(data: Uint8Array): SniffOutcome & { sniffer: CorbSniffer } {
  const breaker = matchSignature(data, 0, PARSER_BREAKERS, false);
  if (breaker.result !== 'no') return { result: breaker.result, match: breaker.match, sniffer: 'parser-breaker' };
  return { ...sniffJson(data), sniffer: 'json' };
}

/** CORB's HTML confirmation sniffer on the first bytes of a body. */
export function corbSniffForHtml(data: Uint8Array): CorbSniffResult {
  return sniffHtml(data).result;
}

/** CORB's XML confirmation sniffer ("<?xml" after whitespace, case-sensitive). */
export function corbSniffForXml(data: Uint8Array): CorbSniffResult {
  return sniffXml(data).result;
}

/** CORB's JSON confirmation sniffer (a JSON object's first key and colon). */
export function corbSniffForJson(data: Uint8Array): CorbSniffResult {
  return sniffJson(data).result;
}

/** CORB's parser-breaker sniffer, run for every sniffed response (then a JSON object). */
export function corbSniffForFetchOnlyResource(data: Uint8Array): CorbSniffResult {
  return sniffFetchOnlyResource(data).result;
}

// ---------------------------------------------------------------------------------------
// Headers and origins

/** Values of a header (names case-insensitive), each trimmed of SP/TAB. */
function trimmedHeaderValues(headers: ReadonlyArray<readonly [string, string]>, name: string): string[] {
  return headerValues(headers, name).map((v) => v.replace(/^[ \t]+|[ \t]+$/g, ''));
}

/** net's GetNormalizedHeader: all values joined with ", ". */
function normalizedHeader(headers: ReadonlyArray<readonly [string, string]>, name: string): string {
  return trimmedHeaderValues(headers, name).join(', ');
}

/**
 * The response's MIME type essence from Content-Type (Fetch's "extract a MIME type", which
 * agrees with Chromium's HttpResponseHeaders::GetMimeType on well-formed values). When that
 * rejects the value, fall back to Chromium's older, tolerant HttpUtil::ParseContentType:
 * the text up to whitespace, ";" or "(", if it has a "/" and is not "*\/*"; the last such
 * value wins. Null when there is none.
 */
function responseMimeType(headers: ReadonlyArray<readonly [string, string]>): string | null {
  const values = trimmedHeaderValues(headers, 'content-type');
  if (values.length === 0) return null;
  const extracted = extractMimeType(values.join(', '));
  if (extracted !== null) return extracted.essence;
  let lenient: string | null = null;
  for (const value of values.flatMap((v) => splitHeaderValue(v))) {
    const type = asciiLowercase(value.replace(/^[ \t\r\n]+/, '').split(/[ \t\r\n;(]/, 1)[0] ?? '');
    if (type.includes('/') && type !== '*/*') lenient = type;
  }
  return lenient;
}

interface TargetOrigin {
  scheme: string;
  /** The origin's serialization (url::Origin's, so "file://" for file URLs), or null when it is opaque. */
  serialization: string | null;
}

/** The response URL's scheme and origin (inside blob: and filesystem: URLs, as url::Origin looks); null if it does not parse. */
function targetOrigin(href: string): TargetOrigin | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const origin = urlOrigin(href);
  return {
    scheme: url.protocol.replace(/:$/, '').toLowerCase(),
    serialization: origin === 'null' ? null : origin,
  };
}

/** The initiator's origin serialization (an origin, or any URL of it); null when opaque ("null", data:, about:, not a URL). */
function initiatorSerialization(initiator: string): string | null {
  const origin = urlOrigin(initiator.trim());
  return origin === 'null' ? null : origin;
}

// ---------------------------------------------------------------------------------------
// The decision

const CLASS_WORDS: Record<CorbMimeClass, string> = {
  html: 'an HTML type',
  xml: 'an XML type',
  json: 'a JSON type',
  plain: 'plain text',
  'never-sniffed': 'a type CORB always protects',
  others: 'not a protected type',
};

const SNIFFER_WORDS: Record<CorbSniffer, string> = {
  html: 'HTML',
  xml: 'XML',
  json: 'JSON',
  'parser-breaker': 'a JSON parser breaker',
};

/** Which confirmation sniffers run for a MIME class (Chromium's CreateSniffers). */
function sniffersFor(mimeClass: CorbMimeClass): Array<'html' | 'xml' | 'json'> {
  switch (mimeClass) {
    case 'plain':
      return ['html', 'xml', 'json'];
    case 'html':
    case 'xml':
    case 'json':
      return [mimeClass];
    default:
      return [];
  }
}

/** CORB's verdict on one response, with a sentence saying why. */
export function corbDecisionWithReason(input: CorbInput): CorbVerdict {
  const mimeType = responseMimeType(input.headers);
  const mimeClass = corbMimeClass(mimeType ?? '');
  const contentType = mimeType === null ? 'no Content-Type' : `Content-Type ${mimeType}`;
  const described =
    mimeClass === 'others' || mimeClass === 'plain' ? contentType : `${contentType} (${CLASS_WORDS[mimeClass]})`;
  const allow = (reason: string): CorbVerdict => ({ decision: 'allow', reason, mimeClass, sniffed: null });
  const quiet = input.body.length === 0 || input.status === 204 || (input.status >= 400 && input.status <= 599);
  const block = (reason: string, sniffed: CorbSniffer | null): CorbVerdict => ({
    decision: 'block',
    reason: quiet ? `${reason} (no console warning: empty or error response)` : reason,
    mimeClass,
    sniffed,
  });

  // 1–4: does CORB apply at all?
  if (input.initiatorOrigin === null) return allow('browser-initiated request (no initiator): CORB does not apply');
  const target = targetOrigin(input.requestUrl);
  if (target === null) return allow('the response URL does not parse: CORB does not apply');
  const initiator = initiatorSerialization(input.initiatorOrigin);
  if (initiator !== null && initiator === target.serialization)
    return allow('same-origin request: CORB does not apply');
  if (input.requestMode !== 'no-cors') {
    const why = input.requestMode === 'navigate' ? 'navigations are isolated by process instead' : 'CORS governs it';
    return allow(`${input.requestMode} request: CORB applies only to no-cors requests (${why})`);
  }

  // Chromium runs CORB only in its http(s) loaders; its analyzer decides other schemes as any other response.
  const unreachable =
    target.scheme === 'http' || target.scheme === 'https'
      ? ''
      : ` (a ${target.scheme}: response, which Chromium's loaders never hand to CORB)`;
  const lead = `cross-origin no-cors response with ${described}${unreachable}`;

  // 6: protected without sniffing.
  if (mimeClass === 'never-sniffed') return block(`${lead}, blocked without sniffing`, null);

  // 7: range responses cannot be sniffed.
  const contentRange = normalizedHeader(input.headers, 'content-range');
  if (contentRange !== '') {
    if (mimeClass === 'html' || mimeClass === 'xml' || mimeClass === 'json') {
      return block(`${lead}: a range response (Content-Range: ${contentRange}) cannot be sniffed`, null);
    }
    const why =
      mimeClass === 'plain'
        ? 'text/plain ranges are allowed because media is often mislabelled so'
        : 'not a protected type';
    return allow(`${lead}: a range response (Content-Range: ${contentRange}), allowed without sniffing (${why})`);
  }

  // 8: nosniff, and the stylesheet exception.
  const noSniff = asciiLowercase(normalizedHeader(input.headers, 'x-content-type-options')) === 'nosniff';
  if (mimeClass !== 'others' && noSniff) return block(`${lead} and nosniff`, null);
  if (mimeClass === 'others' && mimeType === 'text/css') return allow(`${lead}: stylesheets are never sniffed`);

  // 9: confirmation sniffing on the first CORB_SNIFF_BYTES bytes.
  const data = input.body.subarray(0, CORB_SNIFF_BYTES);
  const run = sniffersFor(mimeClass);
  for (const sniffer of run) {
    const outcome = sniffer === 'html' ? sniffHtml(data) : sniffer === 'xml' ? sniffXml(data) : sniffJson(data);
    if (outcome.result === 'yes') {
      return block(
        `${lead}: confirmed ${SNIFFER_WORDS[sniffer]} by sniffing the body (${outcome.match ?? sniffer})`,
        sniffer,
      );
    }
  }
  const fetchOnly = sniffFetchOnlyResource(data);
  if (fetchOnly.result === 'yes') {
    const what =
      fetchOnly.sniffer === 'parser-breaker'
        ? `the body starts with the parser breaker ${fetchOnly.match ?? ''}`
        : `confirmed JSON by sniffing the body (${fetchOnly.match ?? 'a JSON object'})`;
    return block(`${lead}: ${what}`, fetchOnly.sniffer);
  }

  if (data.length === 0) return allow(`${lead}: the body is empty, nothing to confirm (CORB fails open)`);
  const looked = [
    ...run.map((s) => SNIFFER_WORDS[s]),
    'parser breaker',
    ...(run.includes('json') ? [] : ['JSON object']),
  ];
  const list = `${looked.slice(0, -1).join(', ')} or ${looked[looked.length - 1] ?? ''}`;
  const extent = input.body.length > CORB_SNIFF_BYTES ? `the first ${CORB_SNIFF_BYTES} bytes` : 'the body';
  return allow(`${lead}: sniffing ${extent} found no ${list}, so it is allowed (CORB fails open)`);
}

/** CORB's verdict on one response: block or allow. */
export function corbDecision(input: {
  requestUrl: string;
  initiatorOrigin: string | null;
  requestMode: 'no-cors' | 'cors' | 'same-origin' | 'navigate';
  destination: string;
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}): 'allow' | 'block' {
  return corbDecisionWithReason(input).decision;
}
