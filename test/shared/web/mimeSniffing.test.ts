import { describe, expect, it } from 'vitest';
import { extractMimeType, parseMimeType, serializeMimeType, splitHeaderValue } from '../../../shared/web/mimeType.js';
import {
  RESOURCE_HEADER_BYTES,
  SUPPORTED_AUDIO_VIDEO_TYPES,
  SUPPORTED_IMAGE_TYPES,
  distinguishTextOrBinary,
  isBinaryDataByte,
  matchArchiveTypePattern,
  matchAudioOrVideoTypePattern,
  matchFontTypePattern,
  matchImageTypePattern,
  matchesMp3WithoutId3Signature,
  matchesMp4Signature,
  matchesWebMSignature,
  sniffMimeType,
  sniffMimeTypeWithRule,
} from '../../../shared/web/mimeSniffing.js';
// WPT mimesniff/mime-types/resources/mime-types.json (data, current upstream).
import mimeTypes from './fixtures/mime-types.json' with { type: 'json' };
// WPT mimesniff/mime-types/resources/generated-mime-types.json: regenerated here with the
// semantics of WPT's generated-mime-types.py (every non-token code point below U+0100 as
// type, subtype, parameter name, bare and quoted parameter value).
import generatedMimeTypes from './fixtures/generated-mime-types.json' with { type: 'json' };
// WPT mimesniff/mime-type-sniffing/resources/unknown-mime-types.json (data; headers are all empty).
import unknownMimeTypes from './fixtures/unknown-mime-types.json' with { type: 'json' };

interface ParsingCase {
  input: string;
  output: string | null;
}

const hexBytes = (hex: string): Uint8Array =>
  hex.trim() === ''
    ? new Uint8Array()
    : new Uint8Array(
        hex
          .trim()
          .split(/\s+/)
          .map((b) => parseInt(b, 16)),
      );
const ascii = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};
const sniff = (contentType: string | null, bytes: Uint8Array, noSniff = false): string =>
  sniffMimeType({ contentType, noSniff, bytes });

describe('parseMimeType / serialize (WPT mime-types.json)', () => {
  const cases = (mimeTypes as unknown[]).filter((c): c is ParsingCase => typeof c === 'object' && c !== null);

  it('has the whole data set', () => {
    expect(cases.length).toBe(71);
  });

  it.each(cases.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
    const parsed = parseMimeType(c.input);
    if (c.output === null) {
      expect(parsed).toBeNull();
    } else {
      expect(parsed).not.toBeNull();
      expect(parsed!.toString()).toBe(c.output);
      expect(serializeMimeType(parsed!)).toBe(c.output);
    }
  });
});

describe('parseMimeType / serialize (WPT generated-mime-types.json)', () => {
  const cases = generatedMimeTypes as ParsingCase[];

  it('has the whole data set', () => {
    expect(cases.length).toBe(881);
  });

  it.each(cases.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
    const parsed = parseMimeType(c.input);
    expect(parsed === null ? null : parsed.toString()).toBe(c.output);
  });
});

describe('parseMimeType record', () => {
  it('exposes essence, type, subtype and ordered parameters', () => {
    const parsed = parseMimeType(' Text/HTML ; Charset="utf-8" ; q=1 ; charset=latin1')!;
    expect(parsed.essence).toBe('text/html');
    expect(parsed.type).toBe('text');
    expect(parsed.subtype).toBe('html');
    expect([...parsed.parameters]).toEqual([
      ['charset', 'utf-8'],
      ['q', '1'],
    ]);
    expect(String(parsed)).toBe('text/html;charset=utf-8;q=1');
  });

  it('quotes empty values and escapes quotes and backslashes', () => {
    expect(
      serializeMimeType({
        type: 'a',
        subtype: 'b',
        parameters: new Map([
          ['x', ''],
          ['y', 'a"b\\c'],
          ['z', 'tok'],
        ]),
      }),
    ).toBe('a/b;x="";y="a\\"b\\\\c";z=tok');
  });
});

describe('extractMimeType (Fetch, one Content-Type value)', () => {
  it('splits on commas outside quotes', () => {
    expect(splitHeaderValue('text/html;charset="a,b", text/plain ')).toEqual(['text/html;charset="a,b"', 'text/plain']);
  });

  it('takes the last valid type, skipping */* and failures', () => {
    expect(extractMimeType('text/html, */*')?.essence).toBe('text/html');
    expect(extractMimeType('text/plain, bogus')?.essence).toBe('text/plain');
    expect(extractMimeType('text/plain, text/html')?.essence).toBe('text/html');
    expect(extractMimeType('bogus')).toBeNull();
    expect(extractMimeType('*/*')).toBeNull();
    expect(extractMimeType('')).toBeNull();
    expect(extractMimeType(null)).toBeNull();
  });

  it('carries a charset over from an earlier value of the same essence (Fetch example)', () => {
    expect(extractMimeType('text/plain;charset=gbk, text/plain')?.toString()).toBe('text/plain;charset=gbk');
    expect(extractMimeType('text/plain;charset=gbk, text/html')?.toString()).toBe('text/html');
    expect(extractMimeType('text/html;charset=gbk;a=b, text/html;x=y')?.toString()).toBe('text/html;x=y;charset=gbk');
  });
});

describe('sniffing: WPT unknown-mime-types.json (no Content-Type)', () => {
  const cases = unknownMimeTypes as { description: string; expected_mime_type: string; payload: string }[];

  it('has the whole data set', () => {
    expect(cases.length).toBe(79);
  });

  it.each(cases.map((c) => [c.description, c] as const))('%s', (_name, c) => {
    expect(sniff(null, hexBytes(c.payload))).toBe(c.expected_mime_type);
  });
});

/**
 * The cases of WPT's scriptable-mime-types.json (its generator's combinations, built here):
 * every row of the unknown-type tables, with and without leading whitespace (all five
 * whitespace bytes, and five of each), with no TT, SP or ">" for the tag rows, with and
 * without nosniff, under every "unknown" Content-Type.
 */
describe('sniffing: WPT scriptable-mime-types combinations', () => {
  const unknownContentTypes: (string | null)[] = [null, '', 'bogus', '*/*', 'unknown/unknown', 'application/unknown'];
  const rows: { scriptable: boolean; pattern: string; ignoreWhitespace: boolean; type: string }[] = [
    {
      scriptable: true,
      pattern: '3C 21 44 4F 43 54 59 50 45 20 48 54 4D 4C TT',
      ignoreWhitespace: true,
      type: 'text/html',
    },
    { scriptable: true, pattern: '3C 48 54 4D 4C TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 48 45 41 44 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 53 43 52 49 50 54 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 49 46 52 41 4D 45 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 48 31 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 44 49 56 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 46 4F 4E 54 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 54 41 42 4C 45 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 41 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 53 54 59 4C 45 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 54 49 54 4C 45 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 42 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 42 4F 44 59 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 42 52 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 50 TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 21 2D 2D TT', ignoreWhitespace: true, type: 'text/html' },
    { scriptable: true, pattern: '3C 3F 78 6D 6C', ignoreWhitespace: true, type: 'text/xml' },
    { scriptable: true, pattern: '25 50 44 46 2D', ignoreWhitespace: false, type: 'application/pdf' },
    {
      scriptable: false,
      pattern: '25 21 50 53 2D 41 64 6F 62 65 2D',
      ignoreWhitespace: false,
      type: 'application/postscript',
    },
    { scriptable: false, pattern: 'FE FF 00 00', ignoreWhitespace: false, type: 'text/plain' },
    { scriptable: false, pattern: 'FF FE 00 00', ignoreWhitespace: false, type: 'text/plain' },
    { scriptable: false, pattern: 'EF BB BF 00', ignoreWhitespace: false, type: 'text/plain' },
  ];
  const whitespace = ['09', '0A', '0C', '0D', '20'];
  const cases: { name: string; contentType: string | null; noSniff: boolean; payload: string; expected: string }[] = [];
  for (const contentType of unknownContentTypes) {
    for (const r of rows) {
      const prefixes: (string | null)[] = [null];
      if (r.ignoreWhitespace) {
        prefixes.push(whitespace.join(' '));
        for (const ws of whitespace) prefixes.push(Array(5).fill(ws).join(' '));
      }
      const hasTT = r.pattern.includes('TT');
      for (const prefix of prefixes) {
        for (const tt of hasTT ? [null, '20', '3E'] : [null]) {
          for (const noSniff of [false, true]) {
            let payload = r.pattern.replace('TT', tt ?? '').trim();
            if (prefix !== null) payload = `${prefix} ${payload}`;
            const safe = [...hexBytes(payload)].some(isBinaryDataByte) ? 'application/octet-stream' : 'text/plain';
            const expected = (r.scriptable && noSniff) || (hasTT && tt === null) ? safe : r.type;
            cases.push({
              name: `${payload} / ${JSON.stringify(contentType)}${noSniff ? ' / nosniff' : ''}`,
              contentType,
              noSniff,
              payload,
              expected,
            });
          }
        }
      }
    }
  }

  it('builds the same number of cases as the WPT file', () => {
    // 6 Content-Types × (17 tag rows × 7 prefixes × 3 TT choices + <?xml × 7 + 5 plain rows) × 2.
    expect(cases.length).toBe(6 * (17 * 7 * 3 + 7 + 5) * 2);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(sniff(c.contentType, hexBytes(c.payload), c.noSniff)).toBe(c.expected);
  });

  it('is case-insensitive on tag letters only', () => {
    expect(sniff(null, ascii('<!doctype html>'))).toBe('text/html');
    expect(sniff(null, ascii('<!DocType HtMl '))).toBe('text/html');
    expect(sniff(null, ascii('<h1>'))).toBe('text/html');
    expect(sniff(null, ascii('<bOdY>'))).toBe('text/html');
    expect(sniff(null, ascii('<!DOCTYPE  HTML>'))).toBe('text/plain'); // two spaces: the SP is exact
    expect(sniff(null, ascii('<?XML version="1.0"?>'))).toBe('text/plain'); // <?xml is case-sensitive
    expect(sniff(null, ascii('%pdf-1.7'))).toBe('text/plain');
    expect(sniff(null, ascii('<html\t'))).toBe('text/plain'); // TAB is not a tag-terminating byte
    expect(sniff(null, ascii('<htmlx>'))).toBe('text/plain');
    expect(sniff(null, ascii('<br/>'))).toBe('text/plain');
    expect(sniff(null, ascii(' %PDF-1.4'))).toBe('text/plain'); // no leading whitespace for PDF
  });
});

describe('sniffing: every signature row', () => {
  const images: [string, string, string][] = [
    ['Windows Icon', '00 00 01 00', 'image/x-icon'],
    ['Windows Cursor', '00 00 02 00', 'image/x-icon'],
    ['BMP', '42 4D', 'image/bmp'],
    ['GIF87a', '47 49 46 38 37 61', 'image/gif'],
    ['GIF89a', '47 49 46 38 39 61', 'image/gif'],
    ['WebP', '52 49 46 46 AA BB CC DD 57 45 42 50 56 50', 'image/webp'],
    ['PNG', '89 50 4E 47 0D 0A 1A 0A', 'image/png'],
    ['JPEG', 'FF D8 FF', 'image/jpeg'],
  ];
  it.each(images)('image row %s', (signature, hex, type) => {
    const bytes = concat(hexBytes(hex), hexBytes('00 11 22'));
    expect(matchImageTypePattern(bytes)).toEqual({ type, signature });
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes })).toEqual({
      essence: type,
      rule: `unknown type: matched the image signature ${signature}`,
      matchedSignature: signature,
    });
    // One byte short never matches.
    expect(matchImageTypePattern(hexBytes(hex).subarray(0, hexBytes(hex).length - 1))).toBeNull();
  });

  const audioVideo: [string, string, string][] = [
    ['AIFF', '46 4F 52 4D 01 02 03 04 41 49 46 46', 'audio/aiff'],
    ['ID3 (MP3)', '49 44 33', 'audio/mpeg'],
    ['Ogg', '4F 67 67 53 00', 'application/ogg'],
    ['MIDI', '4D 54 68 64 00 00 00 06', 'audio/midi'],
    ['AVI', '52 49 46 46 01 02 03 04 41 56 49 20', 'video/avi'],
    ['WAVE', '52 49 46 46 01 02 03 04 57 41 56 45', 'audio/wave'],
  ];
  it.each(audioVideo)('audio/video row %s', (signature, hex, type) => {
    expect(matchAudioOrVideoTypePattern(hexBytes(hex))).toEqual({ type, signature });
    expect(sniff(null, hexBytes(hex))).toBe(type);
    expect(sniff('application/unknown', hexBytes(hex))).toBe(type);
  });

  const fonts: [string, string, string][] = [
    ['Embedded OpenType', `${Array(34).fill('AB').join(' ')} 4C 50`, 'application/vnd.ms-fontobject'],
    ['TrueType', '00 01 00 00', 'font/ttf'],
    ['OpenType', '4F 54 54 4F', 'font/otf'],
    ['TrueType Collection', '74 74 63 66', 'font/collection'],
    ['WOFF', '77 4F 46 46', 'font/woff'],
    ['WOFF2', '77 4F 46 32', 'font/woff2'],
  ];
  it.each(fonts)('font row %s (font context only: navigations do not sniff fonts)', (signature, hex, type) => {
    expect(matchFontTypePattern(hexBytes(hex))).toEqual({ type, signature });
    expect(sniff(null, hexBytes(hex))).not.toBe(type);
  });

  it('navigations leave font bytes to the text-or-binary fallback', () => {
    expect(sniff(null, ascii('wOFF'))).toBe('text/plain');
    expect(sniff(null, hexBytes('00 01 00 00'))).toBe('application/octet-stream');
  });

  const archives: [string, string, string][] = [
    ['GZIP', '1F 8B 08', 'application/x-gzip'],
    ['ZIP', '50 4B 03 04', 'application/zip'],
    ['RAR', '52 61 72 21 1A 07 00', 'application/x-rar-compressed'],
  ];
  it.each(archives)('archive row %s', (signature, hex, type) => {
    expect(matchArchiveTypePattern(hexBytes(hex))).toEqual({ type, signature });
    expect(sniffMimeTypeWithRule({ contentType: '*/*', noSniff: false, bytes: hexBytes(hex) })).toEqual({
      essence: type,
      rule: `unknown type: matched the archive signature ${signature}`,
      matchedSignature: signature,
    });
  });

  it('reports the scriptable signatures by name', () => {
    expect(
      sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: ascii('\n  <!DOCTYPE html>\n<html>') }),
    ).toEqual({
      essence: 'text/html',
      rule: 'unknown type: matched the HTML signature <!DOCTYPE HTML',
      matchedSignature: '<!DOCTYPE HTML',
    });
    expect(
      sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: ascii('<?xml version="1.0"?><rss/>') }),
    ).toMatchObject({ essence: 'text/xml', matchedSignature: '<?xml' });
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: ascii('%PDF-1.7\n') })).toMatchObject({
      essence: 'application/pdf',
      matchedSignature: '%PDF-',
    });
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: ascii('%!PS-Adobe-3.0') })).toMatchObject({
      essence: 'application/postscript',
      matchedSignature: '%!PS-Adobe-',
    });
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: ascii('<!-- x -->') })).toMatchObject({
      essence: 'text/html',
      matchedSignature: '<!--',
    });
  });

  it('takes the first matching row: HTML before the BOM rows, images before audio', () => {
    expect(sniff(null, ascii('<p>hi</p>'))).toBe('text/html');
    // A UTF-8 BOM before HTML: the HTML rows skip only whitespace bytes, so the BOM row decides.
    expect(sniff(null, concat(hexBytes('EF BB BF'), ascii('<html>')))).toBe('text/plain');
  });
});

describe('sniffing: the MP4, WebM and MP3 algorithms', () => {
  it('MP4: ftyp box with an mp4 major or compatible brand, box size checks', () => {
    expect(matchesMp4Signature(hexBytes('00 00 00 14 66 74 79 70 69 73 6F 6D 00 00 02 00 6D 70 34 31'))).toBe(true);
    expect(matchesMp4Signature(hexBytes('00 00 00 0C 66 74 79 70 6D 70 34 32'))).toBe(true);
    // Box size larger than the data, or not a multiple of 4.
    expect(matchesMp4Signature(hexBytes('00 00 00 20 66 74 79 70 6D 70 34 32 00 00 00 00'))).toBe(false);
    expect(matchesMp4Signature(hexBytes('00 00 00 0E 66 74 79 70 6D 70 34 32 00 00'))).toBe(false);
    // Fewer than 12 bytes; not ftyp; the brand only inside the version field (bytes 12–15).
    expect(matchesMp4Signature(hexBytes('00 00 00 08 66 74 79 70 6D 70 34'))).toBe(false);
    expect(matchesMp4Signature(hexBytes('00 00 00 10 66 72 65 65 6D 70 34 32 00 00 00 00'))).toBe(false);
    expect(matchesMp4Signature(hexBytes('00 00 00 14 66 74 79 70 69 73 6F 6D 6D 70 34 31 00 00 00 00'))).toBe(false);
    // A brand past the box size is not looked at.
    expect(matchesMp4Signature(hexBytes('00 00 00 10 66 74 79 70 69 73 6F 6D 00 00 00 00 6D 70 34 31'))).toBe(false);
    expect(sniff('video/mp4', hexBytes('00 00 00 10 66 74 79 70 6D 70 34 32 00 00 00 00'))).toBe('video/mp4');
  });

  it('WebM: EBML magic, then DocType "webm" within the first 38 bytes, zero padding allowed', () => {
    expect(matchesWebMSignature(hexBytes('1A 45 DF A3 9F 42 86 81 01 42 82 88 00 00 00 00 77 65 62 6D'))).toBe(true);
    expect(matchesWebMSignature(hexBytes('1A 45 DF A3 9F 42 82 40 04 77 65 62 6D'))).toBe(true); // 2-byte size
    expect(matchesWebMSignature(hexBytes('1A 45 DF A3 9F 42 82 88 6D 61 74 72 6F 73 6B 61'))).toBe(false); // "matroska"
    expect(matchesWebMSignature(hexBytes('1A 45 DF A3 9F 42 82 84 77 65 62'))).toBe(false); // truncated
    expect(matchesWebMSignature(hexBytes('1A 45 DF A2 81 42 82 84 77 65 62 6D'))).toBe(false);
    const late = concat(hexBytes('1A 45 DF A3'), new Uint8Array(36).fill(0xee), hexBytes('42 82 84 77 65 62 6D'));
    expect(matchesWebMSignature(late)).toBe(false); // DocType starts at byte 40
  });

  /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: frames of 144 × 128000 / 44100 = 417 bytes. */
  const mpeg1Frame = hexBytes('FF FB 90 64');
  /** MPEG-2 Layer III, 80 kbit/s (index 9 of the low table), 22.05 kHz: 72 × 80000 / 22050 = 261 bytes. */
  const mpeg2Frame = hexBytes('FF F3 90 64');
  const twoFrames = (frame: Uint8Array, distance: number, total: number): Uint8Array => {
    const bytes = new Uint8Array(total);
    bytes.set(frame, 0);
    bytes.set(frame, distance);
    return bytes;
  };

  it('MP3 without ID3: a Layer III frame header and the next one a frame later', () => {
    expect(matchesMp3WithoutId3Signature(twoFrames(mpeg1Frame, 417, 1000))).toBe(true);
    expect(matchesMp3WithoutId3Signature(twoFrames(mpeg1Frame, 418, 1000))).toBe(false);
    expect(matchesMp3WithoutId3Signature(twoFrames(mpeg2Frame, 261, 1000))).toBe(true);
    // Padding bit: one byte more.
    expect(matchesMp3WithoutId3Signature(twoFrames(hexBytes('FF FB 92 64'), 418, 1000))).toBe(true);
    // The second header must fit with a byte to spare (Firefox's mp3sniff.c).
    expect(matchesMp3WithoutId3Signature(twoFrames(mpeg1Frame, 417, 422))).toBe(true);
    expect(matchesMp3WithoutId3Signature(twoFrames(mpeg1Frame, 417, 421))).toBe(false);
    // Layer I/II, a bad bit rate or sample rate, no sync.
    expect(matchesMp3WithoutId3Signature(twoFrames(hexBytes('FF FD 90 64'), 417, 1000))).toBe(false);
    expect(matchesMp3WithoutId3Signature(twoFrames(hexBytes('FF FB F0 64'), 417, 1000))).toBe(false);
    expect(matchesMp3WithoutId3Signature(twoFrames(hexBytes('FF FB 9C 64'), 417, 1000))).toBe(false);
    expect(matchesMp3WithoutId3Signature(twoFrames(hexBytes('FE FB 90 64'), 417, 1000))).toBe(false);
    expect(sniff(null, twoFrames(mpeg1Frame, 417, 1000))).toBe('audio/mpeg');
    expect(sniff('audio/mpeg', twoFrames(mpeg1Frame, 417, 1000))).toBe('audio/mpeg');
  });
});

describe('sniffing: the supplied type', () => {
  it('uses HTML and XML types as is, whatever the bytes', () => {
    const png = hexBytes('89 50 4E 47 0D 0A 1A 0A 00 00');
    expect(sniffMimeTypeWithRule({ contentType: 'text/html', noSniff: false, bytes: png })).toEqual({
      essence: 'text/html',
      rule: 'supplied type text/html is used as is',
      matchedSignature: null,
    });
    expect(sniff('text/html; charset=utf-8', png)).toBe('text/html');
    expect(sniff('TEXT/HTML', png)).toBe('text/html');
    expect(sniff('image/svg+xml', png)).toBe('image/svg+xml');
    expect(sniff('application/xml', png)).toBe('application/xml');
    expect(sniff('text/xml', png)).toBe('text/xml');
    expect(sniff('application/atom+xml', ascii('<html>'))).toBe('application/atom+xml');
    expect(sniff('text/html', png, true)).toBe('text/html');
  });

  it('sniffs unknown, absent and unparseable types', () => {
    const html = ascii('<html><body>hi');
    for (const contentType of [
      null,
      '',
      'bogus',
      'text',
      '*/*',
      'unknown/unknown',
      'application/unknown',
      'UNKNOWN/UNKNOWN',
      'application/unknown; charset=x',
    ]) {
      expect(sniff(contentType, html), String(contentType)).toBe('text/html');
    }
  });

  it('nosniff: the supplied type stands, and unknown types skip the scriptable rows', () => {
    expect(sniffMimeTypeWithRule({ contentType: 'text/plain', noSniff: true, bytes: hexBytes('00 01 02') })).toEqual({
      essence: 'text/plain',
      rule: 'nosniff: the supplied type is used',
      matchedSignature: null,
    });
    expect(sniff('image/png', hexBytes('47 49 46 38 39 61'), true)).toBe('image/png');
    expect(sniff('application/octet-stream', ascii('<html>'), true)).toBe('application/octet-stream');
    expect(sniff(null, ascii('<html>'), true)).toBe('text/plain');
    expect(sniff(null, ascii('%PDF-1.4'), true)).toBe('text/plain');
    expect(sniff(null, hexBytes('89 50 4E 47 0D 0A 1A 0A'), true)).toBe('image/png'); // images are still sniffed
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: true, bytes: ascii('<html>') }).rule).toMatch(
      /^unknown type \(nosniff/,
    );
  });

  it('text/plain check (the Apache bug): only the four exact header values', () => {
    const binary = concat(ascii('GIF89a'), hexBytes('01 00 01 00'));
    for (const contentType of [
      'text/plain',
      'text/plain; charset=ISO-8859-1',
      'text/plain; charset=iso-8859-1',
      'text/plain; charset=UTF-8',
    ]) {
      expect(sniffMimeTypeWithRule({ contentType, noSniff: false, bytes: binary }), contentType).toEqual({
        essence: 'application/octet-stream',
        rule: 'text/plain check: binary bytes found',
        matchedSignature: null,
      });
      expect(sniff(contentType, ascii('plain text\r\n\tindented\f'))).toBe('text/plain');
      // Even HTML stays text/plain: the check never yields a scriptable type.
      expect(sniff(contentType, ascii('<html><script>alert(1)</script>'))).toBe('text/plain');
    }
    // Any other spelling is a supplied text/plain used as is.
    for (const contentType of [
      'text/plain; charset=utf-8',
      'text/plain;charset=UTF-8',
      'TEXT/PLAIN',
      'text/plain ',
      'text/plain; charset=windows-1252',
    ]) {
      expect(sniff(contentType, binary), contentType).toBe('text/plain');
    }
    // With nosniff there is no check.
    expect(sniff('text/plain', binary, true)).toBe('text/plain');
  });

  it('text/plain check: BOMs decide text before any binary byte', () => {
    expect(
      sniffMimeTypeWithRule({ contentType: 'text/plain', noSniff: false, bytes: hexBytes('FE FF 00 41 00 42') }),
    ).toEqual({
      essence: 'text/plain',
      rule: 'text/plain check: UTF-16BE BOM found, stays text/plain',
      matchedSignature: 'UTF-16BE BOM',
    });
    expect(sniff('text/plain', hexBytes('FF FE 41 00'))).toBe('text/plain');
    expect(sniff('text/plain', hexBytes('EF BB BF 00 01'))).toBe('text/plain');
    expect(sniff('text/plain', hexBytes('EF BB 00'))).toBe('application/octet-stream');
    expect(distinguishTextOrBinary(hexBytes('FE'))).toMatchObject({ essence: 'text/plain' });
    expect(distinguishTextOrBinary(hexBytes('1B 5B 30 6D'))).toMatchObject({ essence: 'text/plain' }); // ESC is not binary
    expect(distinguishTextOrBinary(hexBytes('41 0B'))).toMatchObject({ essence: 'application/octet-stream' });
  });

  it('unknown type: BOM rows need four bytes, as patterns of length 4', () => {
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: hexBytes('FF FE 3C 00') })).toMatchObject({
      essence: 'text/plain',
      matchedSignature: 'UTF-16LE BOM',
    });
    expect(sniffMimeTypeWithRule({ contentType: null, noSniff: false, bytes: hexBytes('EF BB BF') })).toEqual({
      essence: 'text/plain',
      rule: 'unknown type: no signature matched and no binary bytes found, so text/plain',
      matchedSignature: null,
    });
    expect(sniff(null, hexBytes('FE FF'))).toBe('text/plain');
  });

  it('supported image types may become another image type (mislabelled images)', () => {
    const gif = ascii('GIF89a\x01\x00');
    expect(sniffMimeTypeWithRule({ contentType: 'image/png', noSniff: false, bytes: gif })).toEqual({
      essence: 'image/gif',
      rule: 'supplied image type image/png: the bytes match the image signature GIF89a',
      matchedSignature: 'GIF89a',
    });
    expect(sniff('image/jpeg', hexBytes('89 50 4E 47 0D 0A 1A 0A'))).toBe('image/png');
    expect(sniff('image/x-icon', hexBytes('42 4D 00'))).toBe('image/bmp');
    // No image signature: the supplied type stands (never HTML).
    expect(sniff('image/png', ascii('<html><script>'))).toBe('image/png');
    // Unsupported image types are not sniffed.
    expect(sniff('image/tiff', gif)).toBe('image/tiff');
    expect(sniff('image/avif', gif)).toBe('image/avif');
    // An image type with image bytes of another kind stays an image; audio bytes do not matter.
    expect(sniff('image/gif', hexBytes('49 44 33 04'))).toBe('image/gif');
  });

  it('supported audio/video types may become another audio/video type', () => {
    const webm = hexBytes('1A 45 DF A3 81 42 82 84 77 65 62 6D');
    expect(sniff('audio/mpeg', webm)).toBe('video/webm');
    expect(sniff('video/mp4', hexBytes('4F 67 67 53 00 02'))).toBe('application/ogg');
    expect(sniff('application/ogg', hexBytes('49 44 33'))).toBe('audio/mpeg');
    expect(sniff('audio/wave', hexBytes('89 50 4E 47 0D 0A 1A 0A'))).toBe('audio/wave'); // image bytes are not looked for
    expect(sniff('video/quicktime', webm)).toBe('video/quicktime'); // unsupported
    expect(sniff('audio/flac', webm)).toBe('audio/flac');
  });

  it('other supplied types are used as they are', () => {
    expect(
      sniffMimeTypeWithRule({ contentType: 'application/octet-stream', noSniff: false, bytes: ascii('<html>') }),
    ).toEqual({
      essence: 'application/octet-stream',
      rule: 'supplied type application/octet-stream is used',
      matchedSignature: null,
    });
    expect(sniff('application/json', ascii('<html>'))).toBe('application/json');
    expect(sniff('text/css', hexBytes('89 50 4E 47 0D 0A 1A 0A'))).toBe('text/css');
    expect(sniff('application/pdf', ascii('<html>'))).toBe('application/pdf');
    expect(sniff('font/woff2', ascii('<html>'))).toBe('font/woff2');
  });

  it('lists the supported types it assumes', () => {
    expect([...SUPPORTED_IMAGE_TYPES].sort()).toEqual([
      'image/bmp',
      'image/gif',
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/x-icon',
    ]);
    expect(SUPPORTED_AUDIO_VIDEO_TYPES.size).toBe(9);
  });
});

describe('sniffing: the resource header is the first 1445 bytes', () => {
  it('is 1445', () => {
    expect(RESOURCE_HEADER_BYTES).toBe(1445);
  });

  it('ignores binary bytes past the header', () => {
    const text = new Uint8Array(2000).fill(0x61);
    text[RESOURCE_HEADER_BYTES] = 0x00;
    expect(sniff(null, text)).toBe('text/plain');
    text[RESOURCE_HEADER_BYTES - 1] = 0x00;
    expect(sniff(null, text)).toBe('application/octet-stream');
    const plain = new Uint8Array(2000).fill(0x61);
    plain[1500] = 0x01;
    expect(sniff('text/plain', plain)).toBe('text/plain');
  });

  it('finds a tag after leading whitespace only inside the header', () => {
    const inside = concat(new Uint8Array(RESOURCE_HEADER_BYTES - 6).fill(0x20), ascii('<html>'));
    expect(sniff(null, inside)).toBe('text/html');
    const outside = concat(new Uint8Array(RESOURCE_HEADER_BYTES - 5).fill(0x20), ascii('<html>'));
    expect(sniff(null, outside)).toBe('text/plain');
  });

  it('sniffs an empty body as text/plain', () => {
    expect(sniff(null, new Uint8Array())).toBe('text/plain');
    expect(sniff('text/plain', new Uint8Array())).toBe('text/plain');
  });
});
