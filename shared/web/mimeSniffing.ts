/**
 * The WHATWG MIME Sniffing Standard's §7 "MIME type sniffing algorithm", as run for a
 * resource fetched for a browsing context (a navigation): the computed MIME type decides
 * whether the response renders as a document, shows as text, plays as media or downloads.
 *
 * Inputs are the response's Content-Type header value (the supplied MIME type, via Fetch's
 * "extract a MIME type"), its X-Content-Type-Options: nosniff flag, and the body's first
 * bytes (the resource header: at most 1445 bytes, §5.2).
 *
 * Where the standard's text is known to be broken, this follows the implementation the
 * text was written from, and says so at the place (the MP3 and WebM signatures).
 */
import {
  extractMimeType,
  isAudioOrVideoMimeType,
  isHtmlMimeType,
  isImageMimeType,
  isXmlMimeType,
  type MimeType,
} from './mimeType.js';

/** §5.2: the resource header is at most this many bytes of the body. */
export const RESOURCE_HEADER_BYTES = 1445;

export interface SniffInput {
  /** The Content-Type header value as received (null when the response had none). */
  contentType: string | null;
  /** X-Content-Type-Options: nosniff was present. */
  noSniff: boolean;
  /** The start of the body; only the first RESOURCE_HEADER_BYTES bytes are looked at. */
  bytes: Uint8Array;
}

export interface SniffResult {
  /** The computed MIME type's essence, e.g. "text/html". */
  essence: string;
  /** A short sentence naming the rule that decided. */
  rule: string;
  /** The byte signature that matched, when one decided (e.g. "<!DOCTYPE HTML", "PNG"). */
  matchedSignature: string | null;
}

/** A pattern match: the MIME type a row names and a short name of the signature. */
export interface SignatureMatch {
  type: string;
  signature: string;
}

/** The image types this user agent is taken to support (§4.6 "supported by the user agent"). */
export const SUPPORTED_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/x-icon',
]);

/** The audio and video types this user agent is taken to support. */
export const SUPPORTED_AUDIO_VIDEO_TYPES: ReadonlySet<string> = new Set([
  'audio/mpeg',
  'audio/wave',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  'application/ogg',
  'audio/aiff',
  'audio/midi',
  'video/avi',
]);

/** The Content-Type values an old Apache sent for unknown files (§5.1): exact byte matches. */
const APACHE_BUG_VALUES: ReadonlySet<string> = new Set([
  'text/plain',
  'text/plain; charset=ISO-8859-1',
  'text/plain; charset=iso-8859-1',
  'text/plain; charset=UTF-8',
]);

// ---------------------------------------------------------------------------------------
// §6 Matching a MIME type pattern

interface PatternRow {
  pattern: readonly number[];
  mask: readonly number[];
  /** Leading bytes to be ignored: none, or whitespace bytes (0xWS). */
  ignoreWhitespace: boolean;
  /** The pattern ends in a tag-terminating byte (0xTT: SP or ">"), matched exactly. */
  tagTerminated: boolean;
  type: string;
  signature: string;
  /** What kind of signature, for the explanation ("HTML", "image", …). */
  kind: string;
}

function hex(bytes: string): number[] {
  return bytes.split(' ').map((b) => parseInt(b, 16));
}

function row(
  pattern: string,
  mask: string,
  type: string,
  signature: string,
  kind: string,
  options: { ignoreWhitespace?: boolean; tagTerminated?: boolean } = {},
): PatternRow {
  const p = hex(pattern);
  const m = hex(mask);
  if (p.length !== m.length) throw new Error(`pattern and mask differ in length for ${signature}`);
  return {
    pattern: p,
    mask: m,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    tagTerminated: options.tagTerminated ?? false,
    type,
    signature,
    kind,
  };
}

/** The whitespace bytes 0xWS: HT, LF, FF, CR, SP. */
function isWhitespaceByte(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

/** A tag-terminating byte 0xTT: SP or ">". */
function isTagTerminatingByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x3e;
}

/**
 * A binary data byte: 0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F. (Not TAB, LF, FF, CR, ESC.)
 */
export function isBinaryDataByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

export function containsBinaryDataBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (isBinaryDataByte(byte)) return true;
  return false;
}

/** §6 "pattern matching algorithm", for one row (a TT byte is the row's last pattern byte). */
function matchesRow(input: Uint8Array, r: PatternRow): boolean {
  const patternLength = r.pattern.length + (r.tagTerminated ? 1 : 0);
  if (input.length < patternLength) return false;
  let s = 0;
  if (r.ignoreWhitespace) while (s < input.length && isWhitespaceByte(input[s]!)) s++;
  for (let p = 0; p < r.pattern.length; p++, s++) {
    if (s >= input.length) return false;
    if ((input[s]! & r.mask[p]!) !== r.pattern[p]) return false;
  }
  if (r.tagTerminated) return s < input.length && isTagTerminatingByte(input[s]!);
  return true;
}

function matchTable(input: Uint8Array, table: readonly PatternRow[]): PatternRow | null {
  for (const r of table) if (matchesRow(input, r)) return r;
  return null;
}

/** §6.1 image type pattern matching table. */
const IMAGE_TABLE: readonly PatternRow[] = [
  row('00 00 01 00', 'FF FF FF FF', 'image/x-icon', 'Windows Icon', 'image'),
  row('00 00 02 00', 'FF FF FF FF', 'image/x-icon', 'Windows Cursor', 'image'),
  row('42 4D', 'FF FF', 'image/bmp', 'BMP', 'image'),
  row('47 49 46 38 37 61', 'FF FF FF FF FF FF', 'image/gif', 'GIF87a', 'image'),
  row('47 49 46 38 39 61', 'FF FF FF FF FF FF', 'image/gif', 'GIF89a', 'image'),
  row(
    '52 49 46 46 00 00 00 00 57 45 42 50 56 50',
    'FF FF FF FF 00 00 00 00 FF FF FF FF FF FF',
    'image/webp',
    'WebP',
    'image',
  ),
  row('89 50 4E 47 0D 0A 1A 0A', 'FF FF FF FF FF FF FF FF', 'image/png', 'PNG', 'image'),
  row('FF D8 FF', 'FF FF FF', 'image/jpeg', 'JPEG', 'image'),
];

/** §6.2 audio or video type pattern matching table (before the MP4, WebM and MP3 checks). */
const AUDIO_VIDEO_TABLE: readonly PatternRow[] = [
  row(
    '46 4F 52 4D 00 00 00 00 41 49 46 46',
    'FF FF FF FF 00 00 00 00 FF FF FF FF',
    'audio/aiff',
    'AIFF',
    'audio/video',
  ),
  row('49 44 33', 'FF FF FF', 'audio/mpeg', 'ID3 (MP3)', 'audio/video'),
  row('4F 67 67 53 00', 'FF FF FF FF FF', 'application/ogg', 'Ogg', 'audio/video'),
  row('4D 54 68 64 00 00 00 06', 'FF FF FF FF FF FF FF FF', 'audio/midi', 'MIDI', 'audio/video'),
  row('52 49 46 46 00 00 00 00 41 56 49 20', 'FF FF FF FF 00 00 00 00 FF FF FF FF', 'video/avi', 'AVI', 'audio/video'),
  row(
    '52 49 46 46 00 00 00 00 57 41 56 45',
    'FF FF FF FF 00 00 00 00 FF FF FF FF',
    'audio/wave',
    'WAVE',
    'audio/video',
  ),
];

/** §6.3 font type pattern matching table. */
const FONT_TABLE: readonly PatternRow[] = [
  row(
    '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 4C 50',
    '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF',
    'application/vnd.ms-fontobject',
    'Embedded OpenType',
    'font',
  ),
  row('00 01 00 00', 'FF FF FF FF', 'font/ttf', 'TrueType', 'font'),
  row('4F 54 54 4F', 'FF FF FF FF', 'font/otf', 'OpenType', 'font'),
  row('74 74 63 66', 'FF FF FF FF', 'font/collection', 'TrueType Collection', 'font'),
  row('77 4F 46 46', 'FF FF FF FF', 'font/woff', 'WOFF', 'font'),
  row('77 4F 46 32', 'FF FF FF FF', 'font/woff2', 'WOFF2', 'font'),
];

/** §6.4 archive type pattern matching table. */
const ARCHIVE_TABLE: readonly PatternRow[] = [
  row('1F 8B 08', 'FF FF FF', 'application/x-gzip', 'GZIP', 'archive'),
  row('50 4B 03 04', 'FF FF FF FF', 'application/zip', 'ZIP', 'archive'),
  row('52 61 72 21 1A 07 00', 'FF FF FF FF FF FF FF', 'application/x-rar-compressed', 'RAR', 'archive'),
];

/** A case-insensitive HTML tag signature "<TAG" followed by a tag-terminating byte. */
function htmlTag(tag: string): PatternRow {
  const pattern: string[] = ['3C'];
  const mask: string[] = ['FF'];
  for (const ch of tag) {
    const code = ch.charCodeAt(0);
    pattern.push(code.toString(16).toUpperCase());
    // Letters compare case-insensitively (0xDF); "!", " ", "-" and digits exactly.
    mask.push(code >= 0x41 && code <= 0x5a ? 'DF' : 'FF');
  }
  return row(pattern.join(' '), mask.join(' '), 'text/html', `<${tag}`, 'HTML', {
    ignoreWhitespace: true,
    tagTerminated: true,
  });
}

/** §7.1 step 1: the scriptable rows, checked only with the sniff-scriptable flag set. */
const SCRIPTABLE_TABLE: readonly PatternRow[] = [
  htmlTag('!DOCTYPE HTML'),
  htmlTag('HTML'),
  htmlTag('HEAD'),
  htmlTag('SCRIPT'),
  htmlTag('IFRAME'),
  htmlTag('H1'),
  htmlTag('DIV'),
  htmlTag('FONT'),
  htmlTag('TABLE'),
  htmlTag('A'),
  htmlTag('STYLE'),
  htmlTag('TITLE'),
  htmlTag('B'),
  htmlTag('BODY'),
  htmlTag('BR'),
  htmlTag('P'),
  htmlTag('!--'),
  row('3C 3F 78 6D 6C', 'FF FF FF FF FF', 'text/xml', '<?xml', 'XML', { ignoreWhitespace: true }),
  row('25 50 44 46 2D', 'FF FF FF FF FF', 'application/pdf', '%PDF-', 'PDF'),
];

/** §7.1 step 2: rows checked whatever the sniff-scriptable flag. */
const NON_SCRIPTABLE_TABLE: readonly PatternRow[] = [
  row(
    '25 21 50 53 2D 41 64 6F 62 65 2D',
    'FF FF FF FF FF FF FF FF FF FF FF',
    'application/postscript',
    '%!PS-Adobe-',
    'PostScript',
  ),
  row('FE FF 00 00', 'FF FF 00 00', 'text/plain', 'UTF-16BE BOM', 'text'),
  row('FF FE 00 00', 'FF FF 00 00', 'text/plain', 'UTF-16LE BOM', 'text'),
  row('EF BB BF 00', 'FF FF FF 00', 'text/plain', 'UTF-8 BOM', 'text'),
];

function toMatch(r: PatternRow | null): SignatureMatch | null {
  return r === null ? null : { type: r.type, signature: r.signature };
}

/** §6.1 image type pattern matching algorithm. */
export function matchImageTypePattern(input: Uint8Array): SignatureMatch | null {
  return toMatch(matchTable(input, IMAGE_TABLE));
}

/** §6.2 audio or video type pattern matching algorithm. */
export function matchAudioOrVideoTypePattern(input: Uint8Array): SignatureMatch | null {
  const r = matchTable(input, AUDIO_VIDEO_TABLE);
  if (r !== null) return toMatch(r);
  if (matchesMp4Signature(input)) return { type: 'video/mp4', signature: 'MP4' };
  if (matchesWebMSignature(input)) return { type: 'video/webm', signature: 'WebM' };
  if (matchesMp3WithoutId3Signature(input)) return { type: 'audio/mpeg', signature: 'MP3 frames (no ID3)' };
  return null;
}

/** §6.3 font type pattern matching algorithm (not part of navigation sniffing). */
export function matchFontTypePattern(input: Uint8Array): SignatureMatch | null {
  return toMatch(matchTable(input, FONT_TABLE));
}

/** §6.4 archive type pattern matching algorithm. */
export function matchArchiveTypePattern(input: Uint8Array): SignatureMatch | null {
  return toMatch(matchTable(input, ARCHIVE_TABLE));
}

/** §6.2.1 "matches the signature for MP4". */
export function matchesMp4Signature(sequence: Uint8Array): boolean {
  const length = sequence.length;
  if (length < 12) return false;
  const boxSize = ((sequence[0]! << 24) | (sequence[1]! << 16) | (sequence[2]! << 8) | sequence[3]!) >>> 0;
  if (length < boxSize || boxSize % 4 !== 0) return false;
  if (sequence[4] !== 0x66 || sequence[5] !== 0x74 || sequence[6] !== 0x79 || sequence[7] !== 0x70) return false; // "ftyp"
  const isMp4At = (i: number): boolean => sequence[i] === 0x6d && sequence[i + 1] === 0x70 && sequence[i + 2] === 0x34; // "mp4"
  if (isMp4At(8)) return true; // the major brand
  // The compatible brands, skipping the major brand's version number.
  for (let bytesRead = 16; bytesRead < boxSize; bytesRead += 4) {
    if (isMp4At(bytesRead)) return true;
  }
  return false;
}

/**
 * §6.2.2 "matches the signature for WebM": an EBML header (1A 45 DF A3) whose first 38
 * bytes hold the DocType element (42 82) with the value "webm".
 *
 * Two fixes to the standard's text, as every implementation makes them: the element's
 * size (an EBML variable-length integer) is read at the element, not at byte 0; and the
 * value needs only 4 bytes left (the text's ">= length - 4" would reject the WPT test
 * "1A 45 DF A3 81 42 82 84 77 65 62 6D" that expects video/webm). The value may be
 * padded with leading 0x00 bytes ("matching a padded sequence").
 */
export function matchesWebMSignature(sequence: Uint8Array): boolean {
  const length = sequence.length;
  if (length < 4) return false;
  if (sequence[0] !== 0x1a || sequence[1] !== 0x45 || sequence[2] !== 0xdf || sequence[3] !== 0xa3) return false;
  let iter = 4;
  while (iter < length && iter < 38) {
    if (sequence[iter] === 0x42 && sequence[iter + 1] === 0x82) {
      iter += 2;
      if (iter >= length) return false;
      iter += vintSize(sequence[iter]!);
      if (iter + 4 > length) return false;
      return matchesPaddedSequence(sequence, iter, [0x77, 0x65, 0x62, 0x6d]); // "webm"
    }
    iter++;
  }
  return false;
}

/** The length in bytes of an EBML variable-length integer from its first byte (1–8). */
function vintSize(first: number): number {
  let mask = 0x80;
  let size = 1;
  while (size < 8 && (first & mask) === 0) {
    mask >>= 1;
    size++;
  }
  return size;
}

function matchesPaddedSequence(sequence: Uint8Array, offset: number, pattern: readonly number[]): boolean {
  let i = offset;
  while (i < sequence.length && sequence[i] === 0x00) i++;
  if (i + pattern.length > sequence.length) return false;
  return pattern.every((byte, k) => sequence[i + k] === byte);
}

/** MPEG-1 Layer III bit rates (the standard's "mp3-rates"). */
const MP3_RATES = [
  0, 32000, 40000, 48000, 56000, 64000, 80000, 96000, 112000, 128000, 160000, 192000, 224000, 256000, 320000,
];
/** MPEG-2 and 2.5 Layer III bit rates (the standard's "mp2.5-rates"). */
const MP25_RATES = [
  0, 8000, 16000, 24000, 32000, 40000, 48000, 56000, 64000, 80000, 96000, 112000, 128000, 144000, 160000,
];
const SAMPLE_RATES = [44100, 48000, 32000];

/** "match an mp3 header" at offset s: a frame sync, a valid layer/bit rate/sample rate, Layer III. */
function matchMp3Header(sequence: Uint8Array, s: number): boolean {
  if (sequence.length - s < 4) return false;
  if (sequence[s] !== 0xff || (sequence[s + 1]! & 0xe0) !== 0xe0) return false;
  const layer = (sequence[s + 1]! & 0x06) >> 1;
  if (layer === 0) return false;
  if ((sequence[s + 2]! & 0xf0) >> 4 === 15) return false;
  if ((sequence[s + 2]! & 0x0c) >> 2 === 3) return false;
  return 4 - layer === 3;
}

/**
 * §6.2.3 "matches the signature for MP3 without ID3": a frame header, and another one
 * exactly one frame later.
 *
 * The standard's text here cannot be followed as written (whatwg/mimesniff#70): its size
 * check ("greater than s - length") rejects every input, its sync test joins the two
 * conditions with "and", and it swaps the MPEG-1 and MPEG-2 rate tables and frame-size
 * scales. This follows Firefox's mp3sniff.c, which the section was written from: MPEG-1
 * (version bit 1 set) uses the MPEG-1 rates and 144 samples/8, MPEG-2/2.5 the low rates
 * and 72; the frame must be at least 4 bytes and the next header must fit with a byte to
 * spare.
 */
export function matchesMp3WithoutId3Signature(sequence: Uint8Array): boolean {
  const length = sequence.length;
  if (!matchMp3Header(sequence, 0)) return false;
  const version = (sequence[1]! & 0x18) >> 3;
  const bitrateIndex = (sequence[2]! & 0xf0) >> 4;
  const bitrate = (version & 1) !== 0 ? MP3_RATES[bitrateIndex]! : MP25_RATES[bitrateIndex]!;
  let sampleRate = SAMPLE_RATES[(sequence[2]! & 0x0c) >> 2]!;
  if (version === 2) sampleRate >>= 1;
  else if (version === 0) sampleRate >>= 2;
  const pad = (sequence[2]! & 0x02) >> 1;
  const scale = (version & 1) === 0 ? 72 : 144;
  const skippedBytes = Math.floor((bitrate * scale) / sampleRate) + (pad !== 0 ? 1 : 0);
  if (skippedBytes < 4 || skippedBytes + 4 >= length) return false;
  return matchMp3Header(sequence, skippedBytes);
}

// ---------------------------------------------------------------------------------------
// §7 Determining the computed MIME type of a resource

/**
 * §7.1 "rules for identifying an unknown MIME type". For a navigation the sniff-scriptable
 * flag is the inverse of the no-sniff flag (§7 step 2).
 */
export function identifyUnknownMimeType(resourceHeader: Uint8Array, sniffScriptable: boolean): SniffResult {
  const header = resourceHeader.subarray(0, RESOURCE_HEADER_BYTES);
  const prefix = sniffScriptable ? 'unknown type' : 'unknown type (nosniff: no HTML/XML/PDF sniffing)';
  const tables: PatternRow[] = sniffScriptable
    ? [...SCRIPTABLE_TABLE, ...NON_SCRIPTABLE_TABLE]
    : [...NON_SCRIPTABLE_TABLE];
  const r = matchTable(header, tables);
  if (r !== null)
    return {
      essence: r.type,
      rule: `${prefix}: matched the ${r.kind} signature ${r.signature}`,
      matchedSignature: r.signature,
    };
  const groups: [string, (bytes: Uint8Array) => SignatureMatch | null][] = [
    ['image', matchImageTypePattern],
    ['audio/video', matchAudioOrVideoTypePattern],
    ['archive', matchArchiveTypePattern],
  ];
  for (const [kind, match] of groups) {
    const found = match(header);
    if (found !== null)
      return {
        essence: found.type,
        rule: `${prefix}: matched the ${kind} signature ${found.signature}`,
        matchedSignature: found.signature,
      };
  }
  if (!containsBinaryDataBytes(header)) {
    return {
      essence: 'text/plain',
      rule: `${prefix}: no signature matched and no binary bytes found, so text/plain`,
      matchedSignature: null,
    };
  }
  return {
    essence: 'application/octet-stream',
    rule: `${prefix}: no signature matched and binary bytes found, so application/octet-stream`,
    matchedSignature: null,
  };
}

/** §7.2 "rules for distinguishing if a resource is text or binary" (the text/plain check). */
export function distinguishTextOrBinary(resourceHeader: Uint8Array): SniffResult {
  const header = resourceHeader.subarray(0, RESOURCE_HEADER_BYTES);
  const length = header.length;
  if (length >= 2 && header[0] === 0xfe && header[1] === 0xff) {
    return {
      essence: 'text/plain',
      rule: 'text/plain check: UTF-16BE BOM found, stays text/plain',
      matchedSignature: 'UTF-16BE BOM',
    };
  }
  if (length >= 2 && header[0] === 0xff && header[1] === 0xfe) {
    return {
      essence: 'text/plain',
      rule: 'text/plain check: UTF-16LE BOM found, stays text/plain',
      matchedSignature: 'UTF-16LE BOM',
    };
  }
  if (length >= 3 && header[0] === 0xef && header[1] === 0xbb && header[2] === 0xbf) {
    return {
      essence: 'text/plain',
      rule: 'text/plain check: UTF-8 BOM found, stays text/plain',
      matchedSignature: 'UTF-8 BOM',
    };
  }
  if (!containsBinaryDataBytes(header)) {
    return {
      essence: 'text/plain',
      rule: 'text/plain check: no binary bytes found, stays text/plain',
      matchedSignature: null,
    };
  }
  return { essence: 'application/octet-stream', rule: 'text/plain check: binary bytes found', matchedSignature: null };
}

/** The computed MIME type's essence for a navigation response. */
export function sniffMimeType(input: SniffInput): string {
  return sniffMimeTypeWithRule(input).essence;
}

/** The computed MIME type's essence, with the rule that decided it. */
export function sniffMimeTypeWithRule(input: SniffInput): SniffResult {
  const header = input.bytes.subarray(0, RESOURCE_HEADER_BYTES);
  // §5.1: the supplied MIME type, and the check-for-apache-bug flag (exact header bytes).
  const supplied: MimeType | null = extractMimeType(input.contentType);
  const checkForApacheBug = input.contentType !== null && APACHE_BUG_VALUES.has(input.contentType);
  return decide(supplied, checkForApacheBug, input.noSniff, header);
}

function decide(
  supplied: MimeType | null,
  checkForApacheBug: boolean,
  noSniff: boolean,
  header: Uint8Array,
): SniffResult {
  // Step 1: XML and HTML types are never sniffed.
  if (supplied !== null && (isXmlMimeType(supplied) || isHtmlMimeType(supplied))) {
    return {
      essence: supplied.essence,
      rule: `supplied type ${supplied.essence} is used as is`,
      matchedSignature: null,
    };
  }
  // Step 2: no usable type, or a placeholder one: sniff, scriptable types only without nosniff.
  if (
    supplied === null ||
    supplied.essence === 'unknown/unknown' ||
    supplied.essence === 'application/unknown' ||
    supplied.essence === '*/*'
  ) {
    return identifyUnknownMimeType(header, !noSniff);
  }
  // Step 3: nosniff.
  if (noSniff) return { essence: supplied.essence, rule: 'nosniff: the supplied type is used', matchedSignature: null };
  // Step 4: the Apache text/plain bug.
  if (checkForApacheBug) return distinguishTextOrBinary(header);
  // Steps 5–6: a supported image type may turn into another image type.
  if (isImageMimeType(supplied) && SUPPORTED_IMAGE_TYPES.has(supplied.essence)) {
    const matched = matchImageTypePattern(header);
    if (matched !== null) {
      return {
        essence: matched.type,
        rule: `supplied image type ${supplied.essence}: the bytes match the image signature ${matched.signature}`,
        matchedSignature: matched.signature,
      };
    }
  }
  // Steps 7–8: likewise for a supported audio or video type.
  if (isAudioOrVideoMimeType(supplied) && SUPPORTED_AUDIO_VIDEO_TYPES.has(supplied.essence)) {
    const matched = matchAudioOrVideoTypePattern(header);
    if (matched !== null) {
      return {
        essence: matched.type,
        rule: `supplied audio/video type ${supplied.essence}: the bytes match the signature ${matched.signature}`,
        matchedSignature: matched.signature,
      };
    }
  }
  // Step 9.
  return { essence: supplied.essence, rule: `supplied type ${supplied.essence} is used`, matchedSignature: null };
}
