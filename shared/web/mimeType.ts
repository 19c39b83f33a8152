/**
 * MIME types as the WHATWG MIME Sniffing Standard defines them: §4.4 "parse a MIME type",
 * §4.5 "serialize a MIME type", plus Fetch's "extract a MIME type" for a Content-Type
 * header value (what the browser actually does with the header).
 */

export interface MimeType {
  /** type "/" subtype, both ASCII-lowercased. */
  readonly essence: string;
  readonly type: string;
  readonly subtype: string;
  /** Parameter names are ASCII-lowercased; values keep their case. In input order, first wins. */
  readonly parameters: Map<string, string>;
  /** §4.5 serialization: "type/subtype;name=value", values quoted when not a token. */
  toString(): string;
}

/** HTTP whitespace: U+000A LF, U+000D CR, U+0009 TAB, U+0020 SPACE (Fetch). */
function isHttpWhitespace(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\t' || c === ' ';
}

/** An HTTP token code point (§2): the value space of RFC 9110's token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** HTTP quoted-string token code points (§2): TAB, U+0020–U+007E, U+0080–U+00FF. */
const QUOTED_STRING_TOKEN = /^[\t\u0020-\u007E\u0080-\u00FF]*$/;

function trimHttpWhitespace(input: string, start = true, end = true): string {
  let from = 0;
  let to = input.length;
  if (start) while (from < to && isHttpWhitespace(input[from]!)) from++;
  if (end) while (to > from && isHttpWhitespace(input[to - 1]!)) to--;
  return input.slice(from, to);
}

/**
 * Fetch §2.2 "collect an HTTP quoted string" starting at input[position] === '"'.
 * Returns the value (extract-value true) or the raw span (false) and the new position.
 */
export function collectHttpQuotedString(
  input: string,
  position: number,
  extractValue: boolean,
): { value: string; position: number } {
  const start = position;
  let value = '';
  position++; // the opening U+0022
  for (;;) {
    // Collect code points that are not '"' or '\'.
    let next = position;
    while (next < input.length && input[next] !== '"' && input[next] !== '\\') next++;
    value += input.slice(position, next);
    position = next;
    if (position >= input.length) break;
    const quoteOrBackslash = input[position];
    position++;
    if (quoteOrBackslash === '\\') {
      if (position >= input.length) {
        value += '\\';
        break;
      }
      value += input[position];
      position++;
    } else {
      break; // the closing U+0022
    }
  }
  return { value: extractValue ? value : input.slice(start, position), position };
}

/** §4.4 "parse a MIME type". Returns null on failure. */
export function parseMimeType(input: string): MimeType | null {
  input = trimHttpWhitespace(input);
  let position = 0;

  // type: up to '/'.
  let next = input.indexOf('/', position);
  if (next === -1) next = input.length;
  const type = input.slice(position, next);
  position = next;
  if (type === '' || !TOKEN.test(type)) return null;
  if (position >= input.length) return null;
  position++; // '/'

  // subtype: up to ';', trailing HTTP whitespace removed.
  next = input.indexOf(';', position);
  if (next === -1) next = input.length;
  const subtype = trimHttpWhitespace(input.slice(position, next), false, true);
  position = next;
  if (subtype === '' || !TOKEN.test(subtype)) return null;

  const parameters = new Map<string, string>();
  while (position < input.length) {
    position++; // ';'
    while (position < input.length && isHttpWhitespace(input[position]!)) position++;

    // parameterName: up to ';' or '='.
    next = position;
    while (next < input.length && input[next] !== ';' && input[next] !== '=') next++;
    const parameterName = asciiLowercase(input.slice(position, next));
    position = next;
    if (position < input.length) {
      if (input[position] === ';') continue;
      position++; // '='
    }
    if (position >= input.length) break;

    let parameterValue: string;
    if (input[position] === '"') {
      const quoted = collectHttpQuotedString(input, position, true);
      parameterValue = quoted.value;
      position = quoted.position;
      // Anything after the closing quote up to ';' is dropped.
      next = input.indexOf(';', position);
      position = next === -1 ? input.length : next;
    } else {
      next = input.indexOf(';', position);
      if (next === -1) next = input.length;
      parameterValue = trimHttpWhitespace(input.slice(position, next), false, true);
      position = next;
      if (parameterValue === '') continue;
    }

    if (
      parameterName !== '' &&
      TOKEN.test(parameterName) &&
      QUOTED_STRING_TOKEN.test(parameterValue) &&
      !parameters.has(parameterName)
    ) {
      parameters.set(parameterName, parameterValue);
    }
  }

  return makeMimeType(asciiLowercase(type), asciiLowercase(subtype), parameters);
}

/** A MIME type record from its parts (type and subtype should already be lowercase tokens). */
export function makeMimeType(type: string, subtype: string, parameters: Map<string, string> = new Map()): MimeType {
  const record: MimeType = {
    essence: `${type}/${subtype}`,
    type,
    subtype,
    parameters,
    toString: () => serializeMimeType(record),
  };
  return record;
}

/** §4.5 "serialize a MIME type". */
export function serializeMimeType(mimeType: Pick<MimeType, 'type' | 'subtype' | 'parameters'>): string {
  let serialization = `${mimeType.type}/${mimeType.subtype}`;
  for (const [name, value] of mimeType.parameters) {
    serialization += `;${name}=`;
    if (value === '' || !TOKEN.test(value)) {
      serialization += `"${value.replace(/["\\]/g, '\\$&')}"`;
    } else {
      serialization += value;
    }
  }
  return serialization;
}

/**
 * Fetch's "get, decode, and split" of one header value: splits on commas that are not
 * inside a quoted string, and trims HTTP tab or space around each piece.
 */
export function splitHeaderValue(value: string): string[] {
  const values: string[] = [];
  let position = 0;
  let temporary = '';
  for (;;) {
    let next = position;
    while (next < value.length && value[next] !== '"' && value[next] !== ',') next++;
    temporary += value.slice(position, next);
    position = next;
    if (position < value.length && value[position] === '"') {
      const quoted = collectHttpQuotedString(value, position, false);
      temporary += quoted.value;
      position = quoted.position;
      if (position < value.length) continue;
    }
    values.push(temporary.replace(/^[\t ]+|[\t ]+$/g, ''));
    temporary = '';
    if (position >= value.length) return values;
    position++; // ','
  }
}

/**
 * Fetch §3.1 "extract a MIME type" for a Content-Type header value (combined, if the
 * response had several): the last parseable type that is not *\/* wins, and a charset
 * carries over from an earlier value with the same essence. Null when none parses.
 */
export function extractMimeType(contentType: string | null): MimeType | null {
  if (contentType === null) return null;
  let charset: string | null = null;
  let essence: string | null = null;
  let mimeType: MimeType | null = null;
  for (const value of splitHeaderValue(contentType)) {
    const temporary = parseMimeType(value);
    if (temporary === null || temporary.essence === '*/*') continue;
    mimeType = temporary;
    if (mimeType.essence !== essence) {
      charset = mimeType.parameters.get('charset') ?? null;
      essence = mimeType.essence;
    } else if (!mimeType.parameters.has('charset') && charset !== null) {
      mimeType.parameters.set('charset', charset);
    }
  }
  return mimeType;
}

/** MIME type groups (§4.6). */
export function isXmlMimeType(mimeType: Pick<MimeType, 'essence' | 'subtype'>): boolean {
  return mimeType.subtype.endsWith('+xml') || mimeType.essence === 'text/xml' || mimeType.essence === 'application/xml';
}

export function isHtmlMimeType(mimeType: Pick<MimeType, 'essence'>): boolean {
  return mimeType.essence === 'text/html';
}

export function isImageMimeType(mimeType: Pick<MimeType, 'type'>): boolean {
  return mimeType.type === 'image';
}

export function isAudioOrVideoMimeType(mimeType: Pick<MimeType, 'type' | 'essence'>): boolean {
  return mimeType.type === 'audio' || mimeType.type === 'video' || mimeType.essence === 'application/ogg';
}

export function isScriptableMimeType(mimeType: Pick<MimeType, 'essence' | 'subtype'>): boolean {
  return isXmlMimeType(mimeType) || isHtmlMimeType(mimeType) || mimeType.essence === 'application/pdf';
}

/** The JavaScript MIME type essences (MIME Sniffing §4.6); accepts a full type or an essence. */
const JAVASCRIPT_ESSENCES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

export function isJavaScriptMimeType(mimeType: string): boolean {
  const parsed = parseMimeType(mimeType);
  return parsed !== null && JAVASCRIPT_ESSENCES.has(parsed.essence);
}

function asciiLowercase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
