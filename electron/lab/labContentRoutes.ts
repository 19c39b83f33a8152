import { createHash } from 'node:crypto';
import { solidPng } from './labPng.js';
import { CONTENT_TYPES, html, labPage } from './labPages.js';
import type { LabRoute } from './labPages.js';
import { zipArchive } from './labZip.js';

/**
 * What the browser does with a response it may not render: downloads
 * (`/download/`), MIME sniffing (`/mime/`) and a page on a Safe Browsing list
 * (`/unsafe/`), on www.naver.com (HTTP and HTTPS). Plain data, like labSites.ts.
 */

const SITE = 'www.naver.com';

const page = (title: string, content: string): string => labPage({ site: SITE, title, content });

/** Deterministic pseudo-random bytes: SHA-256 of `seed` and a counter, concatenated. */
export function labPseudoRandomBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  let produced = 0;
  for (let counter = 0; produced < length; counter++) {
    const block = createHash('sha256').update(`${seed}:${counter}`).digest();
    blocks.push(block);
    produced += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

// --- downloads -----------------------------------------------------------------

/** The one file inside `/download/report.zip`. */
export const REPORT_TXT_NAME = 'report.txt';
export const REPORT_TXT = `NavScope lab report
===================
This file was packed into report.zip by the NavScope lab, on this machine.
It is a real ZIP archive: one entry, compressed with deflate, with its CRC-32.
The server sent it with Content-Disposition: attachment, so the browser saves it instead of showing it.
`;

/** `/download/report.zip`: a real archive, built once. */
export const REPORT_ZIP = zipArchive([{ name: REPORT_TXT_NAME, data: Buffer.from(REPORT_TXT, 'utf8') }]);

/** Size of `/download/data.bin` (200 KiB). */
export const DATA_BIN_SIZE = 200 * 1024;
/** `/download/data.bin` is sent in this many pieces… */
export const DATA_BIN_CHUNKS = 16;
/** …this far apart, so the download's progress can be watched. */
export const DATA_BIN_INTERVAL_MS = 20;
/** The bytes of `/download/data.bin`. */
export const DATA_BIN = labPseudoRandomBytes('navscope-lab/download/data.bin', DATA_BIN_SIZE);

/** 150 × "가" (450 bytes of UTF-8) + ".txt": longer than a file name may be on most file systems (255 bytes). */
const LONG_DOWNLOAD_NAME = `${encodeURIComponent('가'.repeat(150))}.txt`;

const downloadIndex = page(
  'Downloads',
  `<h1>Downloads</h1>
<p>Neither of these responses can be shown by a renderer, so the navigation does not commit: the browser hands the response to its download manager and the current page stays.</p>
<ul>
  <li><a href="/download/report.zip">/download/report.zip</a> — a small ZIP archive sent as <code>application/zip</code> with <code>Content-Disposition: attachment; filename="report.zip"</code>.</li>
  <li><a href="/download/data.bin">/download/data.bin</a> — ${DATA_BIN_SIZE / 1024} KB of pseudo-random bytes as <code>application/octet-stream</code> with no <code>Content-Disposition</code> at all:
    the type alone makes it a download. It arrives in ${DATA_BIN_CHUNKS} pieces about ${DATA_BIN_INTERVAL_MS} ms apart, with a <code>Content-Length</code>, so the progress is visible.</li>
  <li><a href="/download/long-name">/download/long-name</a> — a suggested name of 150 Hangul syllables (450 bytes), longer than file systems allow: the browser shortens it by bytes and keeps the extension.</li>
</ul>`,
);

// --- MIME sniffing -------------------------------------------------------------

/**
 * Two of the four exact Content-Type values for which the WHATWG algorithm
 * (its check-for-apache-bug flag) decides between text and binary; any other
 * text/plain value, e.g. with a lower-case `charset=utf-8`, is trusted as is.
 */
export const TEXT_PLAIN = 'text/plain';
export const TEXT_PLAIN_UTF8 = 'text/plain; charset=UTF-8';

const sniffedHtml = (title: string, how: string): string =>
  page(
    title,
    `<h1>${title}</h1>
<p>${how}</p>
<p>If you read this as a formatted page, the browser sniffed the bytes, found <code>&lt;!DOCTYPE HTML</code> at the start and rendered the response as <code>text/html</code>
(WHATWG MIME Sniffing, “rules for identifying an unknown MIME type”, with the sniff-scriptable flag set because there is no <code>X-Content-Type-Options: nosniff</code>).</p>`,
  );

const noContentTypePage = sniffedHtml(
  'No Content-Type',
  'This response carries no <code>Content-Type</code> header at all: the supplied MIME type is undefined, so the browser must sniff.',
);

const unknownTypePage = sniffedHtml(
  'Content-Type: unknown/unknown',
  'This response says <code>Content-Type: unknown/unknown</code>: the server admits it does not know. Like <code>application/unknown</code> and <code>*/*</code>, it is treated as no type at all, so the browser sniffs.',
);

const mislabeledHtml = page(
  'HTML served as text/plain',
  `<h1>HTML served as text/plain</h1>
<p>This is an HTML document, but the server sent it with <code>Content-Type: text/plain; charset=UTF-8</code>.</p>
<p>A browser never sniffs HTML out of a <code>text/plain</code> response. For this exact value (and <code>text/plain</code> alone, or with <code>charset=ISO-8859-1</code> or <code>charset=iso-8859-1</code>,
the values misconfigured Apache servers used to send for everything) the WHATWG algorithm only decides between text and binary:
these bytes hold no binary data bytes, so the type stays <code>text/plain</code>.</p>
<p>You should therefore be reading this markup as source text, tags and all, not as a formatted page.</p>`,
);

const nosniffHtml = page(
  'HTML served as text/plain with nosniff',
  `<h1>HTML served as text/plain, with nosniff</h1>
<p>This is an HTML document sent with <code>Content-Type: text/plain; charset=UTF-8</code> and <code>X-Content-Type-Options: nosniff</code>.</p>
<p>With <code>nosniff</code> the browser does not sniff at all: the computed MIME type is the supplied one, <code>text/plain</code>.
(Without it the result would be the same for these bytes, since HTML is never sniffed out of <code>text/plain</code>;
but binary bytes sent this way would stay <code>text/plain</code> instead of becoming a download.)</p>
<p>You should therefore be reading this markup as source text, tags and all, not as a formatted page.</p>`,
);

/**
 * `/mime/binary-as-text`: text, then binary data bytes (0x00–0x08, 0x0E–0x1A,
 * 0x1C–0x1F) near the start, then pseudo-random bytes. No byte order mark and
 * no known signature at the start, so the text-or-binary rules give application/octet-stream.
 */
export const BINARY_AS_TEXT = Buffer.concat([
  Buffer.from('NavScope lab: binary bytes served as text/plain.\n', 'latin1'),
  Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x10, 0x11, 0x1a, 0x1c, 0x1f]),
  labPseudoRandomBytes('navscope-lab/mime/binary-as-text', 4096),
]);

/** `/mime/png-no-type`: a PNG (its signature is what the browser recognises). */
export const PNG_NO_TYPE = solidPng(96, 64, [3, 199, 90]);

/** A tiny, well-formed one-page PDF with a correct cross-reference table. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 24 84 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** `/mime/pdf-no-type`. */
export const PDF_NO_TYPE = tinyPdf('NavScope lab PDF, sent without Content-Type');

const mimeIndex = page(
  'MIME sniffing',
  `<h1>MIME sniffing</h1>
<p>What the browser does with a response depends on its computed MIME type (WHATWG MIME Sniffing). Each link is one case:</p>
<ul>
  <li><a href="/mime/no-content-type">/mime/no-content-type</a> — HTML with no <code>Content-Type</code>: sniffed as <code>text/html</code>.</li>
  <li><a href="/mime/unknown-type">/mime/unknown-type</a> — HTML as <code>unknown/unknown</code>: sniffed as <code>text/html</code>.</li>
  <li><a href="/mime/binary-as-text">/mime/binary-as-text</a> — binary bytes as <code>text/plain</code>: becomes <code>application/octet-stream</code>, a download.</li>
  <li><a href="/mime/mislabeled-html">/mime/mislabeled-html</a> — HTML as <code>text/plain</code>: stays <code>text/plain</code>, shown as text.</li>
  <li><a href="/mime/nosniff-mislabeled">/mime/nosniff-mislabeled</a> — HTML as <code>text/plain</code> with <code>nosniff</code>: stays <code>text/plain</code>.</li>
  <li><a href="/mime/png-no-type">/mime/png-no-type</a> — a PNG with no <code>Content-Type</code>: <code>image/png</code> by its signature.</li>
  <li><a href="/mime/pdf-no-type">/mime/pdf-no-type</a> — a PDF with no <code>Content-Type</code>: <code>application/pdf</code> by its <code>%PDF-</code> signature.</li>
</ul>`,
);

// --- Safe Browsing: a listed path on an otherwise good site --------------------

const unsafePayload = page(
  'Listed path (Safe Browsing test)',
  `<h1>A listed path on a good site</h1>
<p>This page is harmless: it stands in for a dangerous page, the way Google’s testsafebrowsing.appspot.com pages do.</p>
<p>The lab’s Safe Browsing MALWARE list holds the expression <code>www.naver.com/unsafe/</code>. When the browser checks
<code>http://www.naver.com/unsafe/payload.html</code> it hashes the host-and-path expressions of that URL
(<code>www.naver.com/unsafe/payload.html</code>, <code>www.naver.com/</code>, <code>www.naver.com/unsafe/</code>, …); the last one matches a listed prefix, and then its full SHA-256 hash.</p>
<p>The rest of www.naver.com is not listed: only paths under <code>/unsafe/</code> are.</p>`,
);

// --- the route table -----------------------------------------------------------

export const naverContentRoutes: Record<string, LabRoute> = {
  '/download/': html(downloadIndex),
  '/download/report.zip': {
    contentType: CONTENT_TYPES.zip,
    body: REPORT_ZIP,
    headers: { 'Content-Disposition': 'attachment; filename="report.zip"' },
  },
  '/download/data.bin': {
    contentType: CONTENT_TYPES.octetStream,
    body: DATA_BIN,
    delivery: { kind: 'paced', chunks: DATA_BIN_CHUNKS, intervalMs: DATA_BIN_INTERVAL_MS },
  },
  '/download/long-name': {
    contentType: CONTENT_TYPES.octetStream,
    body: 'A download whose suggested name is 450 bytes long.\n',
    headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${LONG_DOWNLOAD_NAME}` },
  },
  '/mime/': html(mimeIndex),
  '/mime/no-content-type': { contentType: null, body: noContentTypePage },
  '/mime/unknown-type': { contentType: 'unknown/unknown', body: unknownTypePage },
  '/mime/binary-as-text': { contentType: TEXT_PLAIN, body: BINARY_AS_TEXT },
  '/mime/mislabeled-html': { contentType: TEXT_PLAIN_UTF8, body: mislabeledHtml },
  '/mime/nosniff-mislabeled': {
    contentType: TEXT_PLAIN_UTF8,
    body: nosniffHtml,
    headers: { 'X-Content-Type-Options': 'nosniff' },
  },
  '/mime/png-no-type': { contentType: null, body: PNG_NO_TYPE },
  '/mime/pdf-no-type': { contentType: null, body: PDF_NO_TYPE },
  '/unsafe/payload.html': html(unsafePayload),
};
