import { describe, expect, it } from 'vitest';
import {
  CORB_NEVER_SNIFFED_MIME_TYPES,
  CORB_SNIFF_BYTES,
  corbDecision,
  corbDecisionWithReason,
  corbMimeClass,
  corbSniffForFetchOnlyResource,
  corbSniffForHtml,
  corbSniffForJson,
  corbSniffForXml,
  type CorbInput,
  type CorbMimeClass,
  type CorbSniffResult,
} from '../../../shared/web/corb.js';
import * as web from '../../../shared/web/index.js';
// Chromium's CORB ResponseAnalyzer kScenarios, transcribed (see the file's "about").
import chromiumScenarios from './fixtures/corb-chromium-scenarios.json' with { type: 'json' };
// Chromium's CORB browser test resources (content/test/data/site_isolation), as no-cors fetches.
import siteIsolationFiles from './fixtures/corb-chromium-site-isolation.json' with { type: 'json' };

interface FixtureCase {
  description: string;
  requestUrl: string;
  initiatorOrigin: string | null;
  requestMode: string;
  status: number;
  headers: string[][];
  body: string;
  expected: string;
  sniffed?: string | null;
}

/** Each UTF-16 code unit as one byte: C++ byte strings such as "\xe2\x80". */
const latin1 = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0) & 0xff));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const MODES = ['no-cors', 'cors', 'same-origin', 'navigate'] as const;

function fromFixture(c: FixtureCase): CorbInput {
  const requestMode = MODES.find((m) => m === c.requestMode);
  if (requestMode === undefined) throw new Error(`bad mode ${c.requestMode}`);
  return {
    requestUrl: c.requestUrl,
    initiatorOrigin: c.initiatorOrigin,
    requestMode,
    destination: 'script',
    status: c.status,
    headers: c.headers.map(([name, value]) => [name ?? '', value ?? ''] as [string, string]),
    body: utf8(c.body),
  };
}

/** A cross-origin no-cors response from https://b.example to https://a.example, overridable. */
function input(
  overrides: Omit<Partial<CorbInput>, 'body'> & { contentType?: string | null; body?: Uint8Array | string } = {},
): CorbInput {
  const { contentType = 'text/html', body = '', headers = [], ...rest } = overrides;
  return {
    requestUrl: 'https://b.example/resource',
    initiatorOrigin: 'https://a.example',
    requestMode: 'no-cors',
    destination: 'image',
    status: 200,
    ...rest,
    headers: contentType === null ? headers : [['Content-Type', contentType], ...headers],
    body: typeof body === 'string' ? utf8(body) : body,
  };
}

const NOSNIFF: Array<[string, string]> = [['X-Content-Type-Options', 'nosniff']];
const HTML = '<html><head>this should sniff as HTML';

describe('CORB: Chromium ResponseAnalyzer scenarios (corb_impl_unittest.cc)', () => {
  const cases = chromiumScenarios.cases as FixtureCase[];
  it('has the transcribed table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(95);
  });
  it.each(cases.map((c) => [c.description, c] as const))('%s', (_name, c) => {
    const verdict = corbDecisionWithReason(fromFixture(c));
    expect(verdict.decision).toBe(c.expected);
    expect(corbDecision(fromFixture(c))).toBe(c.expected);
    if (c.expected === 'block') expect(verdict.sniffed).toBe(c.sniffed ?? null);
  });
});

describe('CORB: Chromium browser test resources (cross_site_document_blocking_browsertest.cc)', () => {
  const cases = siteIsolationFiles.cases as FixtureCase[];
  it.each(cases.map((c) => [c.description, c] as const))('%s', (_name, c) => {
    const verdict = corbDecisionWithReason(fromFixture(c));
    expect(verdict.decision).toBe(c.expected);
    if (c.expected === 'block') expect(verdict.sniffed).toBe(c.sniffed ?? null);
  });
});

describe('CORB sniffers (CrossOriginReadBlockingTest.SniffForHTML/XML/JSON)', () => {
  const html: Array<[string, CorbSniffResult, (s: string) => Uint8Array]> = [
    // Something that technically matches the start of a valid HTML tag.
    ['  \t\r\n    <HtMladfokadfkado', 'yes', latin1],
    // HTML comments followed by whitespace and tags.
    [' <!-- this is comment -->\n<html><body>', 'yes', latin1],
    ['<!-- this is comment -->\n<!-- this is comment -->\n<html><body>', 'yes', latin1],
    ['<!-- this is comment <!-- -->\n<script></script>', 'yes', latin1],
    // JavaScript.
    ['        var name=window.location;\nadfadf', 'no', latin1],
    [' <!-- this is comment\n document.write(1);\n// -->\nwindow.open()', 'no', latin1],
    // HTML/JavaScript polyglot.
    [
      "<!--/*--><html><body><script type='text/javascript'><!--//*/\nvar blah = 123;\n//--></script></body></html>",
      'no',
      latin1,
    ],
    // MaybeSkipHtmlComment: the rest of the comment's line could be script.
    ['<!-- -/* --><html>', 'maybe', latin1],
    ['<!-- --/* --><html>', 'maybe', latin1],
    ['<!-- -/* -->\n<html>', 'yes', latin1],
    ['<!-- --/* -->\n<html>', 'yes', latin1],
    ['<!----> <html>', 'maybe', latin1],
    ['<!---->\n<html>', 'yes', latin1],
    ['<!---->\r<html>', 'yes', latin1],
    ['<!-- ---/-->\n<html><body>', 'yes', latin1],
    // Only ASCII whitespace may precede the first element: U+2028/U+2029 end the line but stop the sniff.
    ['<!---->\u2028<html>', 'no', utf8],
    ['<!---->\u2029<html>', 'no', utf8],
    // Order of line terminators.
    ['<!-- -->\n<b>\rx', 'yes', latin1],
    ['<!-- -->\r<b>\nx', 'yes', latin1],
    ['<!-- -->\nx\r<b>', 'no', latin1],
    ['<!-- -->\rx\n<b>', 'no', latin1],
    ['<!-- -->\n<b>\u2028x', 'yes', utf8],
    ['<!-- -->\u2028<b>\n<b>', 'no', utf8],
    // A lone 0xE2 (first byte of LS/PS in UTF-8) is not a line terminator.
    ['<!-- --> \xe2 \n<b', 'yes', latin1],
    ['<!-- --> \xe2\x80 \n<b', 'yes', latin1],
    ['<!-- --> \x80 \n<b', 'yes', latin1],
    // Commented-out tag followed by non-HTML.
    ['<!-- <html> <?xml> \n<html>-->\nx', 'no', latin1],
    // Unfinished comments.
    ['', 'maybe', latin1],
    ['<!', 'maybe', latin1],
    ['<!-- unterminated...', 'maybe', latin1],
    ['<!-- blah --> <html> no newline yet', 'maybe', latin1],
  ];
  it.each(html)('SniffForHTML(%j) is %s', (data, expected, encode) => {
    expect(corbSniffForHtml(encode(data))).toBe(expected);
  });

  it('every proper prefix of a commented-out tag is undecided', () => {
    const data = '<!-- <html> <?xml> \n<html>-->\nx';
    for (let n = data.length - 1; n >= 0; n--)
      expect(corbSniffForHtml(latin1(data.slice(0, n))), data.slice(0, n)).toBe('maybe');
  });

  it('SniffForXML', () => {
    expect(corbSniffForXml(latin1('   \t \r \n     <?xml version="1.0"?>\n <catalog'))).toBe('yes');
    expect(corbSniffForXml(latin1('        var name=window.location;\nadfadf'))).toBe('no');
    expect(corbSniffForXml(latin1(''))).toBe('maybe');
    // Case-sensitive, unlike the HTML signatures.
    expect(corbSniffForXml(latin1('<?XML version="1.0"?>'))).toBe('no');
    expect(corbSniffForXml(latin1('  <?xm'))).toBe('maybe');
  });

  const json: Array<[string, CorbSniffResult]> = [
    ['\t\t\r\n   { "name" : "chrome", ', 'yes'],
    ['\t\t\r\n   { "name" :^^^^!!@#\x01", ', 'yes'],
    ['{ "key   \\"  "          \t\t\r\n:', 'yes'],
    ['\t\t\r\n   { name : "chrome", ', 'no'],
    ['\t\t\r\n   foo({ "name" : "chrome", ', 'no'],
    ['{"" : 1}', 'yes'], // empty strings are accepted
    ["{'' : 1}", 'no'], // single quotes are not
    ['{"\\"" : 1}', 'yes'], // escaped quotes
    ['{"\\\\\\u000a" : 1}', 'yes'], // escaped control characters
    ['{"\\\\\\u00', 'maybe'], // incomplete escape
    ['{"\\', 'maybe'],
    ['{"\\"', 'maybe'],
    ['{"\n" : true}', 'yes'], // unescaped control characters are accepted
    ['{}', 'no'], // valid JavaScript
    ['[true, false, 1, 2]', 'no'], // lists are valid JavaScript
    ['{":"}', 'no'], // a colon inside a string does not count
  ];
  it.each(json)('SniffForJSON(%j) is %s', (data, expected) => {
    expect(corbSniffForJson(latin1(data))).toBe(expected);
  });

  it('every proper prefix of a JSON object key is undecided', () => {
    const data = '{ "key   \\"  "          \t\t\r\n:';
    for (let n = data.length - 1; n >= 0; n--)
      expect(corbSniffForJson(latin1(data.slice(0, n))), data.slice(0, n)).toBe('maybe');
  });

  const breakers: Array<[string, CorbSniffResult]> = [
    [")]}'", 'yes'],
    [")]}',\n[1]", 'yes'],
    ['{}&&[1]', 'yes'],
    ['{} &&[1]', 'yes'],
    ['for(;;);[1]', 'yes'],
    ['for (;;);[1]', 'yes'],
    ['while(1);[1]', 'yes'],
    ['while (1);[1]', 'yes'],
    ['while(1)', 'maybe'],
    [')]', 'maybe'],
    [" )]}'", 'no'], // parser breakers must start at byte 0
    ['WHILE(1);', 'no'], // and are case-sensitive
    ['while(true);', 'no'],
    ['{"a": 1}', 'yes'], // a JSON object is also fetch-only
    ['{}', 'maybe'], // a prefix of the parser breaker {}&&, so undecided (and allowed at the end of the data)
  ];
  it.each(breakers)('SniffForFetchOnlyResource(%j) is %s', (data, expected) => {
    expect(corbSniffForFetchOnlyResource(latin1(data))).toBe(expected);
  });
});

describe('CORB MIME classes (CrossOriginReadBlockingTest.GetCanonicalMimeType)', () => {
  const table: Array<[string, CorbMimeClass]> = [
    ['text/html', 'html'],
    ['text/xml', 'xml'],
    ['application/rss+xml', 'xml'],
    ['application/xml', 'xml'],
    ['application/json', 'json'],
    ['text/json', 'json'],
    ['text/plain', 'plain'],
    ['application/foobar', 'others'],
    ['application/activity+json', 'json'],
    ['text/foobar+xml', 'xml'],
    ['application/jsonfoobar', 'others'],
    ['application/foobarjson', 'others'],
    ['application/xmlfoobar', 'others'],
    ['application/foobarxml', 'others'],
    ['APPLICATION/JSON', 'json'],
    ['APPLICATION/ACTIVITY+JSON', 'json'],
    ['appLICAtion/zIP', 'never-sniffed'],
    ['image/svg+xml', 'others'],
    ['application/dash+xml', 'others'],
    ['application/javascript', 'others'],
    ['application/jsonp', 'others'],
    ['application/json+protobuf', 'json'],
    ['APPLICATION/JSON+PROTOBUF', 'json'],
    ['text/x-json', 'others'],
    ['text/json+blah', 'others'],
    ['application/json+blah', 'others'],
    ['text/xml+blah', 'others'],
    ['application/xml+blah', 'others'],
    ['application/gzip', 'never-sniffed'],
    ['application/pdf', 'never-sniffed'],
    ['application/x-protobuf', 'never-sniffed'],
    ['application/x-gzip', 'never-sniffed'],
    ['application/zip', 'never-sniffed'],
    ['multipart/byteranges', 'never-sniffed'],
    ['multipart/signed', 'never-sniffed'],
    ['text/csv', 'never-sniffed'],
    ['text/event-stream', 'never-sniffed'],
    ['', 'others'],
    ['text/css', 'others'],
    ['image/png', 'others'],
  ];
  it.each(table)('%j is %s', (mime, expected) => {
    expect(corbMimeClass(mime)).toBe(expected);
  });
});

describe('CORB decisions', () => {
  it('sniffs at most net::kMaxBytesToSniff bytes', () => {
    expect(CORB_SNIFF_BYTES).toBe(1024);
    const pad = (n: number): string => ' '.repeat(n);
    // A tag wholly inside the first 1024 bytes is found; one that starts or ends past it is not.
    expect(corbDecision(input({ body: `${pad(1024 - 5)}<html>` }))).toBe('block');
    expect(corbDecision(input({ body: `${pad(1024 - 4)}<html>` }))).toBe('allow');
    expect(corbDecision(input({ body: `${pad(1024)}<html>` }))).toBe('allow');
    expect(corbDecision(input({ contentType: 'text/plain', body: `${pad(1020)}{"a":1}` }))).toBe('allow');
    expect(corbDecision(input({ contentType: 'text/plain', body: `${pad(1000)}{"a":1}` }))).toBe('block');
  });

  describe('when CORB applies', () => {
    const protectedHtml = { body: HTML, headers: NOSNIFF };
    it('browser-initiated requests (no initiator) are allowed', () => {
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: null }))).toBe('allow');
    });
    it('same origin is allowed, whatever the mode', () => {
      for (const requestMode of MODES) {
        expect(corbDecision(input({ ...protectedHtml, requestMode, initiatorOrigin: 'https://b.example' }))).toBe(
          'allow',
        );
      }
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: 'https://b.example:443/' }))).toBe('allow');
      expect(
        corbDecision(
          input({ ...protectedHtml, requestUrl: 'https://B.EXAMPLE:443/x?y#z', initiatorOrigin: 'https://b.example' }),
        ),
      ).toBe('allow');
    });
    it('compares origins, not sites: scheme, host and port all count', () => {
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: 'http://b.example' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: 'https://b.example:8443' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: 'https://www.b.example' }))).toBe('block');
      expect(
        corbDecision(
          input({ ...protectedHtml, requestUrl: 'https://api.b.example/x', initiatorOrigin: 'https://b.example' }),
        ),
      ).toBe('block');
    });
    it('an opaque initiator ("null") is cross-origin to everything', () => {
      expect(corbDecision(input({ ...protectedHtml, initiatorOrigin: 'null' }))).toBe('block');
      expect(corbDecision(input({ body: HTML, initiatorOrigin: 'null' }))).toBe('block');
    });
    it('only no-cors requests are subject to CORB', () => {
      expect(corbDecision(input({ ...protectedHtml, requestMode: 'no-cors' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, requestMode: 'cors' }))).toBe('allow');
      expect(corbDecision(input({ ...protectedHtml, requestMode: 'same-origin' }))).toBe('allow');
      expect(corbDecision(input({ ...protectedHtml, requestMode: 'navigate' }))).toBe('allow');
      expect(corbDecision(input({ contentType: 'application/pdf', requestMode: 'cors' }))).toBe('allow');
    });
    // Chromium's current table (corb_impl_unittest.cc kScenarios) has no scheme check:
    // "Blocked: Cross-site XHR to HTML over FTP" and "… from file://" (unreachable in
    // Chromium, whose non-http(s) loaders never run CORB), and blob:/filesystem: URLs
    // by their inner origin ("Blocked/Allowed: … to a blob URI / a filesystem URI").
    it('decides any scheme by origin: blob:/filesystem: by their inner origin, ftp:/file:/data: as cross-origin', () => {
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'ftp://b.example/x.html' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'file:///foo/resource.html' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'data:text/html,<html>' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'blob:https://b.example/0b6e0a9c' }))).toBe('block');
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'blob:https://a.example/0b6e0a9c' }))).toBe('allow');
      expect(
        corbDecision(input({ ...protectedHtml, requestUrl: 'filesystem:https://b.example/temporary/x.html' })),
      ).toBe('block');
      expect(
        corbDecision(input({ ...protectedHtml, requestUrl: 'filesystem:https://a.example/temporary/x.html' })),
      ).toBe('allow');
      expect(corbDecision(input({ ...protectedHtml, requestUrl: 'http://b.example/x.html' }))).toBe('block');
      // Sniffing still decides: what does not confirm as HTML is allowed.
      expect(corbDecision(input({ body: 'var x;', requestUrl: 'file:///foo/script.js' }))).toBe('allow');
    });
    it('says when Chromium would never hand the response to CORB', () => {
      expect(
        corbDecisionWithReason(input({ ...protectedHtml, requestUrl: 'ftp://b.example/x.html' })).reason,
      ).toContain("a ftp: response, which Chromium's loaders never hand to CORB");
      expect(corbDecisionWithReason(input({ ...protectedHtml })).reason).not.toContain('never hand');
    });
    // url::Origin::IsSameOriginWith with initiators that are not http(s) origins
    // (url/origin_unittest.cc: file: URLs have the tuple origin "file://"; data:, about:
    // and javascript: URLs are opaque; blob: and filesystem: URLs have their inner origin).
    it('compares non-http(s) initiators as url::Origin does', () => {
      const cases: Array<[initiator: string, target: string, expected: 'allow' | 'block']> = [
        ['file://', 'file:///foo/resource.html', 'allow'],
        ['file:///dir/page.html', 'file:///foo/resource.html', 'allow'],
        ['file://', 'blob:file:///0b6e0a9c', 'allow'],
        ['file://', 'filesystem:file:///temporary/x.html', 'allow'],
        ['file://', 'https://b.example/x.html', 'block'],
        ['file://server', 'file:///foo/resource.html', 'block'],
        ['https://b.example', 'file:///foo/resource.html', 'block'],
        ['null', 'file:///foo/resource.html', 'block'],
        ['data:text/html,<p>x', 'https://b.example/x.html', 'block'],
        ['data:text/html,<p>x', 'data:text/html,<p>x', 'block'],
        ['about:blank', 'https://b.example/x.html', 'block'],
        ['javascript:void(0)', 'https://b.example/x.html', 'block'],
        ['blob:https://b.example/0b6e0a9c', 'https://b.example/x.html', 'allow'],
        ['blob:null/0b6e0a9c', 'https://b.example/x.html', 'block'],
        ['filesystem:https://b.example/temporary/', 'https://b.example/x.html', 'allow'],
        ['ftp://b.example', 'ftp://b.example/x.html', 'allow'],
        ['ftp://b.example', 'https://b.example/x.html', 'block'],
        ['not an origin', 'https://b.example/x.html', 'block'],
      ];
      for (const [initiatorOrigin, requestUrl, expected] of cases) {
        expect(
          corbDecision(input({ ...protectedHtml, initiatorOrigin, requestUrl })),
          `${initiatorOrigin} → ${requestUrl}`,
        ).toBe(expected);
      }
    });
    it('the destination does not matter to CORB', () => {
      for (const destination of ['image', 'script', 'style', 'audio', 'video', '', 'empty']) {
        expect(corbDecision(input({ body: HTML, destination }))).toBe('block');
        expect(corbDecision(input({ contentType: 'image/png', body: HTML, destination }))).toBe('allow');
      }
    });
  });

  describe('never-sniffed types are blocked without sniffing', () => {
    it.each([...CORB_NEVER_SNIFFED_MIME_TYPES])('%s', (type) => {
      const verdict = corbDecisionWithReason(input({ contentType: type, body: 'var x = 1;' }));
      expect(verdict).toMatchObject({ decision: 'block', mimeClass: 'never-sniffed', sniffed: null });
    });
    it('with parameters and in any case', () => {
      expect(corbDecision(input({ contentType: 'Application/PDF; name="x.pdf"', body: '%PDF-1.7' }))).toBe('block');
      expect(
        corbDecision(
          input({
            contentType: 'multipart/byteranges; boundary=3d6b6a416f9b5',
            status: 206,
            body: '\r\n--3d6b6a416f9b5\r\n',
          }),
        ),
      ).toBe('block');
    });
    it('but not similar types', () => {
      for (const type of [
        'application/octet-stream',
        'application/x-zip-compressed',
        'multipart/form-data',
        'multipart/mixed',
        'text/tab-separated-values',
        'application/vnd.ms-fontobject',
      ]) {
        expect(corbDecision(input({ contentType: type, body: 'plain bytes' })), type).toBe('allow');
      }
    });
  });

  describe('range responses (Content-Range)', () => {
    const range: Array<[string, string]> = [['Content-Range', 'bytes 100-199/5000']];
    it.each([
      ['text/html', 'block'],
      ['application/json', 'block'],
      ['application/ld+json', 'block'],
      ['text/xml', 'block'],
      ['image/svg+xml', 'allow'],
      ['text/plain', 'allow'],
      ['application/javascript', 'allow'],
      ['audio/mpeg', 'allow'],
      ['application/pdf', 'block'],
    ])('%s → %s, whatever the body', (type, expected) => {
      expect(
        corbDecision(input({ contentType: type, status: 206, headers: range, body: 'unsniffable middle bytes' })),
      ).toBe(expected);
      expect(corbDecision(input({ contentType: type, status: 206, headers: range, body: ")]}'\n{}" }))).toBe(expected);
    });
    it('a protected range response is allowed when the request is same-origin or cors', () => {
      expect(
        corbDecision(input({ status: 206, headers: range, body: 'x', initiatorOrigin: 'https://b.example' })),
      ).toBe('allow');
      expect(corbDecision(input({ status: 206, headers: range, body: 'x', requestMode: 'cors' }))).toBe('allow');
    });
  });

  describe('nosniff', () => {
    it.each([
      'text/html',
      'text/xml',
      'application/xml',
      'application/json',
      'text/json',
      'application/vnd.api+json',
      'application/atom+xml',
      'text/plain',
    ])('%s with nosniff is blocked without sniffing', (type) => {
      expect(corbDecisionWithReason(input({ contentType: type, headers: NOSNIFF, body: 'var x = 1;' }))).toMatchObject({
        decision: 'block',
        sniffed: null,
      });
    });
    it('is matched case-insensitively, with surrounding whitespace', () => {
      expect(corbDecision(input({ headers: [['x-content-type-options', '  NoSniff ']], body: 'var x = 1;' }))).toBe(
        'block',
      );
    });
    it('does not protect other types (they are still sniffed for parser breakers)', () => {
      expect(corbDecision(input({ contentType: 'application/javascript', headers: NOSNIFF, body: 'var x = 1;' }))).toBe(
        'allow',
      );
      expect(
        corbDecision(input({ contentType: 'image/svg+xml', headers: NOSNIFF, body: '<?xml version="1.0"?><svg/>' })),
      ).toBe('allow');
      expect(
        corbDecision(input({ contentType: 'application/javascript', headers: NOSNIFF, body: 'while(1);{"a":1}' })),
      ).toBe('block');
      expect(corbDecision(input({ contentType: null, headers: NOSNIFF, body: '<html>' }))).toBe('allow');
    });
    it('other X-Content-Type-Options values do not count', () => {
      expect(corbDecision(input({ headers: [['X-Content-Type-Options', 'sniff']], body: 'var x = 1;' }))).toBe('allow');
    });
  });

  describe('confirmation sniffing without nosniff', () => {
    it.each([
      ['text/html', '<!DOCTYPE html><title>x</title>', 'block', 'html'],
      ['text/html', '<!doctype HTML>', 'block', 'html'],
      ['text/html', '\n\n  <HTML lang="en">', 'block', 'html'],
      ['text/html', '<head><meta charset="utf-8">', 'block', 'html'],
      ['text/html', '<body>', 'block', 'html'],
      ['text/html', '<br>', 'block', 'html'],
      ['text/html', '<p>Hello', 'block', 'html'],
      ['text/html', '<table>', 'block', 'html'],
      ['text/html', '<iframe src=x>', 'block', 'html'],
      ['text/html', '<a href=x>', 'block', 'html'],
      ['text/html', '<div>', 'block', 'html'],
      ['text/html', '<style>', 'block', 'html'],
      ['text/html', '<title>', 'block', 'html'],
      ['text/html', '<font>', 'block', 'html'],
      ['text/html', '<h1>', 'block', 'html'],
      ['text/html', '<script>', 'block', 'html'],
      ['text/html', '<!-- c -->\n<!DOCTYPE html>', 'block', 'html'],
      ['text/html', '<h2>Heading</h2>', 'allow', null], // not one of Chromium's signatures
      ['text/html', '<span>', 'allow', null],
      ['text/html', '<?xml version="1.0"?>', 'allow', null], // the XML sniffer is not run for HTML
      ['text/html', '\ufeff<html>', 'allow', null], // a BOM is not whitespace
      ['text/html', '\f<html>', 'allow', null], // nor is a form feed
      ['text/html', 'function f() {}', 'allow', null],
      ['text/html', '{"a": 1}', 'block', 'json'], // the fetch-only sniffer runs for every sniffed type
      ['text/xml', '<?xml version="1.0"?><r/>', 'block', 'xml'],
      ['application/xml', '  \n<?xml', 'block', 'xml'],
      ['application/rss+xml', '<rss version="2.0">', 'allow', null], // no XML declaration
      ['application/xml', '<html>', 'allow', null], // the HTML sniffer is not run for XML
      ['application/json', '{"key": "value"}', 'block', 'json'],
      ['application/json', '  {\n  "key"\n  :', 'block', 'json'],
      ['application/json', '[{"key": "value"}]', 'allow', null],
      ['application/json', '{}', 'allow', null],
      ['application/json', '"a string"', 'allow', null],
      ['application/json', '42', 'allow', null],
      ['application/json', "{'key': 1}", 'allow', null],
      ['application/json', '<html>', 'allow', null], // the HTML sniffer is not run for JSON
      ['application/manifest+json', '{"name": "x"}', 'block', 'json'],
      ['text/plain', '<html>', 'block', 'html'],
      ['text/plain', '<?xml version="1.0"?>', 'block', 'xml'],
      ['text/plain', '{"a": 1}', 'block', 'json'],
      ['text/plain', 'Hello, world', 'allow', null],
      ['text/plain; charset=utf-8', '<p>', 'block', 'html'],
      ['TEXT/PLAIN', '<p>', 'block', 'html'],
    ])('%s %j → %s', (type, body, expected, sniffed) => {
      expect(corbDecisionWithReason(input({ contentType: type, body }))).toMatchObject({ decision: expected, sniffed });
    });

    it('parser breakers block any sniffed type, with or without a Content-Type', () => {
      for (const breaker of [")]}'", '{}&&', '{} &&', 'for(;;);', 'while(1);', 'for (;;);', 'while (1);']) {
        for (const type of [
          'text/html',
          'text/plain',
          'application/json',
          'text/xml',
          'application/javascript',
          'application/octet-stream',
          'image/png',
          'video/mp4',
        ]) {
          const verdict = corbDecisionWithReason(input({ contentType: type, body: `${breaker}\n["secret"]` }));
          expect(verdict, `${type} ${breaker}`).toMatchObject({ decision: 'block', sniffed: 'parser-breaker' });
        }
        expect(corbDecision(input({ contentType: null, body: `${breaker}[1]` }))).toBe('block');
        // text/css is never sniffed (https://crbug.com/809259).
        expect(corbDecision(input({ contentType: 'text/css', body: `${breaker}[1]` }))).toBe('allow');
        expect(corbDecision(input({ contentType: 'text/css; charset=utf-8', body: `${breaker}[1]` }))).toBe('allow');
      }
    });

    it('other types are only sniffed for parser breakers and JSON objects', () => {
      for (const type of [
        'application/javascript',
        'text/javascript',
        'image/png',
        'application/octet-stream',
        'unknown/type',
      ]) {
        expect(corbDecision(input({ contentType: type, body: '<html><body>' })), type).toBe('allow');
        expect(corbDecision(input({ contentType: type, body: '<?xml version="1.0"?>' })), type).toBe('allow');
        expect(corbDecision(input({ contentType: type, body: '{"x": 1}' })), type).toBe('block');
      }
      expect(corbDecision(input({ contentType: null, body: '<html><body>' }))).toBe('allow');
      expect(corbDecision(input({ contentType: null, body: '{"x": 1}' }))).toBe('block');
      expect(corbDecision(input({ contentType: 'image/svg+xml', body: '<?xml version="1.0"?><svg/>' }))).toBe('allow');
      expect(corbDecision(input({ contentType: 'application/dash+xml', body: '<?xml version="1.0"?><MPD/>' }))).toBe(
        'allow',
      );
    });

    it('binary bodies are allowed', () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      expect(corbDecision(input({ contentType: 'text/html', body: png }))).toBe('allow');
      expect(corbDecision(input({ contentType: 'text/plain', body: png }))).toBe('allow');
      expect(corbDecision(input({ contentType: 'image/png', body: png }))).toBe('allow');
    });

    it('empty bodies are allowed unless nosniff protects them; the status does not matter', () => {
      for (const status of [200, 204, 404, 500]) {
        expect(corbDecision(input({ status, body: '' }))).toBe('allow');
        expect(corbDecision(input({ status, body: '', headers: NOSNIFF }))).toBe('block');
        expect(corbDecision(input({ status, body: HTML }))).toBe('block');
      }
    });
  });

  describe('Content-Type handling', () => {
    it("uses Fetch's extraction: the last valid type wins, */* is ignored", () => {
      expect(corbDecision(input({ contentType: 'text/html, */*', body: '<html>' }))).toBe('block');
      expect(corbDecision(input({ contentType: 'text/html, image/png', body: '<html>' }))).toBe('allow');
      expect(
        corbDecision(input({ contentType: 'image/png', headers: [['Content-Type', 'text/html']], body: '<html>' })),
      ).toBe('block');
    });
    it('falls back to the tolerant type prefix for malformed values', () => {
      expect(corbDecisionWithReason(input({ contentType: 'text/html garbage', body: '<html>' })).mimeClass).toBe(
        'html',
      );
      expect(corbDecisionWithReason(input({ contentType: 'no-slash', body: '<html>' })).mimeClass).toBe('others');
    });
    it('no Content-Type is "others"', () => {
      expect(corbDecisionWithReason(input({ contentType: null, body: 'x' })).mimeClass).toBe('others');
    });
  });

  describe('reasons', () => {
    it('say why, in a sentence', () => {
      expect(corbDecisionWithReason(input({ initiatorOrigin: 'https://b.example', body: HTML })).reason).toBe(
        'same-origin request: CORB does not apply',
      );
      expect(
        corbDecisionWithReason(input({ contentType: 'application/json', headers: NOSNIFF, body: '{}' })).reason,
      ).toBe('cross-origin no-cors response with Content-Type application/json (a JSON type) and nosniff');
      expect(corbDecisionWithReason(input({ contentType: 'application/json', body: '{"a": 1}' })).reason).toContain(
        'confirmed JSON by sniffing the body',
      );
      expect(corbDecisionWithReason(input({ body: '<html>' })).reason).toContain(
        'confirmed HTML by sniffing the body (<html)',
      );
      expect(
        corbDecisionWithReason(input({ contentType: 'application/javascript', body: 'for(;;);[1]' })).reason,
      ).toContain('parser breaker for(;;);');
      expect(corbDecisionWithReason(input({ requestMode: 'cors', body: HTML })).reason).toContain('only to no-cors');
      expect(corbDecisionWithReason(input({ initiatorOrigin: null })).reason).toContain('browser-initiated');
      expect(corbDecisionWithReason(input({ contentType: 'application/pdf' })).reason).toContain(
        'blocked without sniffing',
      );
      expect(corbDecisionWithReason(input({ body: 'var x;' })).reason).toContain(
        'found no HTML, parser breaker or JSON object',
      );
      expect(corbDecisionWithReason(input({ status: 404, headers: NOSNIFF, body: 'Not found' })).reason).toContain(
        'no console warning',
      );
    });
  });

  it('is exported from shared/web', () => {
    expect(web.corbDecision).toBe(corbDecision);
    expect(web.corbDecisionWithReason).toBe(corbDecisionWithReason);
    expect(web.CORB_SNIFF_BYTES).toBe(1024);
  });
});
