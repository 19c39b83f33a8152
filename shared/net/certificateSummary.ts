/**
 * What the TLS panel shows of a certificate (subject, issuer, validity, names), read
 * from the PEM text a NetLog records (SSL_CERTIFICATES_RECEIVED). A small DER reader
 * of the X.509 fields it needs: anything it cannot read becomes null, never an
 * exception, as certificates in an imported file are untrusted input.
 */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltNames: string[];
  serialNumber: string;
}

interface Der {
  tag: number;
  /** Start and end of the contents. */
  start: number;
  end: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 (whitespace ignored) to bytes; null when it is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/[\s=]+/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const digit = BASE64.indexOf(clean[i]!);
    if (digit === -1) return null;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

function readDer(bytes: Uint8Array, at: number, limit: number): Der | null {
  if (at + 2 > limit) return null;
  const tag = bytes[at]!;
  let length = bytes[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

function children(bytes: Uint8Array, parent: Der): Der[] {
  const out: Der[] = [];
  for (let at = parent.start; at < parent.end && out.length < 64;) {
    const child = readDer(bytes, at, parent.end);
    if (!child) break;
    out.push(child);
    at = child.end;
  }
  return out;
}

function oid(bytes: Uint8Array, d: Der): string {
  const parts: number[] = [];
  let value = 0;
  for (let i = d.start; i < d.end; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function text(bytes: Uint8Array, d: Der): string {
  const slice = bytes.subarray(d.start, d.end);
  if (d.tag === 0x1e) {
    // BMPString: UTF-16BE
    let s = '';
    for (let i = 0; i + 1 < slice.length; i += 2) s += String.fromCharCode((slice[i]! << 8) | slice[i + 1]!);
    return s;
  }
  return new TextDecoder('utf-8').decode(slice);
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** A Name as RFC 4514 writes it (most specific first): "CN=www.naver.com, O=NavScope Lab". */
function name(bytes: Uint8Array, d: Der): string {
  const parts: string[] = [];
  for (const rdn of children(bytes, d)) {
    for (const attribute of children(bytes, rdn)) {
      const [type, value] = children(bytes, attribute);
      if (!type || !value || type.tag !== 0x06) continue;
      const id = oid(bytes, type);
      parts.push(`${Object.hasOwn(ATTRIBUTE_NAMES, id) ? ATTRIBUTE_NAMES[id] : id}=${text(bytes, value)}`);
    }
  }
  return parts.reverse().join(', ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** UTCTime / GeneralizedTime in OpenSSL's style ("Dec  3 14:25:32 2026 GMT"), as NavScope's own TLS records show it. */
function time(bytes: Uint8Array, d: Der): string {
  const s = text(bytes, d);
  const m = (
    d.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/
  ).exec(s);
  if (!m) return s;
  const year = d.tag === 0x17 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return `${month} ${String(Number(m[3])).padStart(2, ' ')} ${m[4]}:${m[5]}:${m[6] ?? '00'} ${year} GMT`;
}

function subjectAltNames(bytes: Uint8Array, extensions: Der): string[] {
  const names: string[] = [];
  const list = children(bytes, extensions)[0];
  if (!list) return names;
  for (const extension of children(bytes, list)) {
    const parts = children(bytes, extension);
    if (parts[0]?.tag !== 0x06 || oid(bytes, parts[0]) !== '2.5.29.17') continue;
    const value = parts.at(-1);
    const sequence = value && value.tag === 0x04 ? readDer(bytes, value.start, value.end) : null;
    if (!sequence) continue;
    for (const general of children(bytes, sequence)) {
      if (general.tag === 0x82) names.push(`DNS:${text(bytes, general)}`);
      else if (general.tag === 0x87) {
        const ip = bytes.subarray(general.start, general.end);
        names.push(
          `IP Address:${ip.length === 4 ? [...ip].join('.') : [...ip].map((b) => b.toString(16).padStart(2, '0')).join('')}`,
        );
      }
    }
  }
  return names;
}

/** Reads one DER certificate; null when it is not one. */
export function certificateSummaryOfDer(bytes: Uint8Array): CertificateSummary | null {
  const certificate = readDer(bytes, 0, bytes.length);
  if (!certificate || certificate.tag !== 0x30) return null;
  const tbs = children(bytes, certificate)[0];
  if (!tbs || tbs.tag !== 0x30) return null;
  const fields = children(bytes, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  const [serial, , issuer, validity, subject] = fields.slice(offset);
  if (!serial || !issuer || !validity || !subject) return null;
  const [notBefore, notAfter] = children(bytes, validity);
  const extensions = fields.find((f) => f.tag === 0xa3);
  return {
    subject: name(bytes, subject),
    issuer: name(bytes, issuer),
    validFrom: notBefore ? time(bytes, notBefore) : '',
    validTo: notAfter ? time(bytes, notAfter) : '',
    subjectAltNames: extensions ? subjectAltNames(bytes, extensions) : [],
    serialNumber: [...bytes.subarray(serial.start, serial.end)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase(),
  };
}

/** Reads a PEM certificate ("-----BEGIN CERTIFICATE-----…"); null when it is not one. */
export function certificateSummaryOfPem(pem: string): CertificateSummary | null {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  const bytes = m ? base64Bytes(m[1]!) : null;
  if (!bytes) return null;
  try {
    return certificateSummaryOfDer(bytes);
  } catch {
    return null;
  }
}
