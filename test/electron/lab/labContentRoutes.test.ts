import http from 'node:http';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import {
  BINARY_AS_TEXT,
  DATA_BIN,
  DATA_BIN_SIZE,
  PDF_NO_TYPE,
  PNG_NO_TYPE,
  REPORT_TXT,
  REPORT_TXT_NAME,
  REPORT_ZIP,
  labPseudoRandomBytes,
} from '../../../electron/lab/labContentRoutes.js';
import { zipArchive } from '../../../electron/lab/labZip.js';
import { httpGet, httpsGet, until } from './labTestClient.js';
import type { HttpReply } from './labTestClient.js';

const NAVER_WEB = '127.80.0.1';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let lab: Lab;
let webPort: number;
let httpsPort: number;

beforeAll(async () => {
  lab = await Lab.start();
  webPort = lab.config.portMap['80'] ?? 0;
  httpsPort = lab.config.portMap['443'] ?? 0;
});

afterAll(async () => {
  await lab.stop();
});

function naver(path: string, method = 'GET'): Promise<HttpReply> {
  return httpGet(NAVER_WEB, webPort, 'www.naver.com', path, method);
}

/** WHATWG MIME Sniffing: a binary data byte (0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F). */
function isBinaryDataByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

/** The first 1445 bytes (the WHATWG resource header's upper bound) hold a binary data byte. */
function looksBinary(body: Buffer): boolean {
  return [...body.subarray(0, 1445)].some(isBinaryDataByte);
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

/** Reads a ZIP the way an unzipper does: end record, then central directory, then each local header. */
function readZip(zip: Buffer): ZipEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endAt).toBeGreaterThanOrEqual(0);
  expect(endAt + 22 + zip.readUInt16LE(endAt + 20)).toBe(zip.length);
  const count = zip.readUInt16LE(endAt + 10);
  expect(zip.readUInt16LE(endAt + 8)).toBe(count);
  const directorySize = zip.readUInt32LE(endAt + 12);
  const directoryAt = zip.readUInt32LE(endAt + 16);
  expect(directoryAt + directorySize).toBe(endAt);
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    // The local header repeats what the central directory says.
    expect(zip.readUInt32LE(localAt)).toBe(0x04034b50);
    expect(zip.readUInt16LE(localAt + 4)).toBeLessThanOrEqual(20);
    expect(zip.readUInt16LE(localAt + 6)).toBe(flags);
    expect(flags & 0x0008).toBe(0); // no data descriptor
    expect(zip.readUInt16LE(localAt + 8)).toBe(method);
    expect(zip.readUInt32LE(localAt + 14)).toBe(crc);
    expect(zip.readUInt32LE(localAt + 18)).toBe(compressedSize);
    expect(zip.readUInt32LE(localAt + 22)).toBe(size);
    const localNameLength = zip.readUInt16LE(localAt + 26);
    const localExtraLength = zip.readUInt16LE(localAt + 28);
    expect(zip.subarray(localAt + 30, localAt + 30 + localNameLength).toString('utf8')).toBe(name);
    const dataAt = localAt + 30 + localNameLength + localExtraLength;
    entries.push({
      name,
      flags,
      method,
      crc,
      compressedSize,
      size,
      data: zip.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  expect(at).toBe(endAt);
  return entries;
}

describe('Lab downloads: /download/report.zip', () => {
  it('is a real ZIP archive holding report.txt, sent as an attachment', async () => {
    const reply = await naver('/download/report.zip');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="report.zip"');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(reply.body).toEqual(REPORT_ZIP);
    const entries = readZip(reply.body);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry?.name).toBe(REPORT_TXT_NAME);
    expect(entry?.method).toBe(8); // deflate
    const text = inflateRawSync(entry?.data ?? Buffer.alloc(0));
    expect(text.toString('utf8')).toBe(REPORT_TXT);
    expect(text.length).toBe(entry?.size);
    expect(crc32(text)).toBe(entry?.crc);
    expect(REPORT_TXT.split('\n').length).toBeGreaterThan(3);
    expect(REPORT_TXT).toContain('NavScope lab');
  });

  it('is the same over HTTPS', async () => {
    const reply = await httpsGet(NAVER_WEB, httpsPort, '/download/report.zip', {
      ca: lab.config.ca.certPem,
      servername: 'www.naver.com',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toBe('attachment; filename="report.zip"');
    expect(reply.body).toEqual(REPORT_ZIP);
  });

  it('the ZIP writer handles several entries and UTF-8 names', () => {
    const zip = zipArchive([
      { name: 'a.txt', data: Buffer.from('first\n') },
      { name: '보고서/b.txt', data: Buffer.alloc(3000, 'x') },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', '보고서/b.txt', 'empty.txt']);
    expect(entries.map((e) => inflateRawSync(e.data).toString('utf8'))).toEqual(['first\n', 'x'.repeat(3000), '']);
    for (const entry of entries) expect(crc32(inflateRawSync(entry.data))).toBe(entry.crc);
    // General purpose bit 11 (UTF-8 name) only where the name needs it.
    expect(entries.map((e) => e.flags & 0x0800)).toEqual([0, 0x0800, 0]);
  });
});

describe('Lab downloads: /download/data.bin', () => {
  it('is 200 KB of deterministic bytes as application/octet-stream, without Content-Disposition', async () => {
    expect(DATA_BIN.length).toBe(DATA_BIN_SIZE);
    expect(DATA_BIN_SIZE).toBe(200 * 1024);
    expect(labPseudoRandomBytes('navscope-lab/download/data.bin', DATA_BIN_SIZE).equals(DATA_BIN)).toBe(true);
    // Not a constant fill: many distinct byte values.
    expect(new Set(DATA_BIN.subarray(0, 4096)).size).toBeGreaterThan(200);

    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        {
          host: NAVER_WEB,
          port: webPort,
          path: '/download/data.bin',
          headers: { Host: 'www.naver.com' },
          agent: false,
        },
        resolve,
      );
      request.on('error', reject);
      request.end();
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['content-length']).toBe(String(DATA_BIN_SIZE));
    expect(response.headers['transfer-encoding']).toBeUndefined();
    // The rest of the body is still being sent on the server's timers.
    expect(lab.slowResponseCount()).toBe(1);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', resolve);
      response.on('error', reject);
    });
    expect(chunks.length).toBeGreaterThan(1);
    // (Buffer.equals: a deep toEqual over 200 KB is needlessly slow.)
    expect(Buffer.concat(chunks).equals(DATA_BIN)).toBe(true);
    await until(() => lab.slowResponseCount() === 0, 'the paced response to finish');
  });

  it('HEAD sends the length only; a client that gives up is forgotten', async () => {
    const head = await naver('/download/data.bin', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(DATA_BIN_SIZE));
    expect(head.body.length).toBe(0);
    expect(lab.slowResponseCount()).toBe(0);

    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        {
          host: NAVER_WEB,
          port: webPort,
          path: '/download/data.bin',
          headers: { Host: 'www.naver.com' },
          agent: false,
        },
        resolve,
      );
      request.on('error', reject);
      request.end();
    });
    expect(lab.slowResponseCount()).toBe(1);
    response.destroy();
    await until(() => lab.slowResponseCount() === 0, 'the server to forget the download');
  });

  it('the download pages are lab stand-ins', async () => {
    const index = await naver('/download/');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString('utf8')).toContain('NavScope lab stand-in');
    expect(index.body.toString('utf8')).toContain('href="/download/report.zip"');
  });
});

describe('Lab MIME sniffing routes', () => {
  it('/mime/no-content-type: HTML with no Content-Type header at all', async () => {
    const reply = await naver('/mime/no-content-type');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBeUndefined();
    expect(reply.headers['x-content-type-options']).toBeUndefined();
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    const text = reply.body.toString('utf8');
    // What the sniffer sees first: an HTML tag pattern (<!DOCTYPE HTML followed by a tag-terminating byte).
    expect(text).toMatch(/^<!DOCTYPE html[ >]/i);
    expect(text).toContain('NavScope lab stand-in');
  });

  it('/mime/unknown-type: HTML as unknown/unknown', async () => {
    const reply = await naver('/mime/unknown-type');
    expect(reply.headers['content-type']).toBe('unknown/unknown');
    expect(reply.body.toString('utf8')).toMatch(/^<!DOCTYPE html[ >]/i);
    expect(reply.body.toString('utf8')).toContain('NavScope lab stand-in');
  });

  it('/mime/binary-as-text: binary data bytes as exactly text/plain', async () => {
    const reply = await naver('/mime/binary-as-text');
    // Exactly "text/plain": one of the values for which the text-or-binary check runs.
    expect(reply.headers['content-type']).toBe('text/plain');
    expect(reply.headers['x-content-type-options']).toBeUndefined();
    expect(reply.body).toEqual(BINARY_AS_TEXT);
    // No byte order mark, a binary data byte early on, and no known signature at the start.
    expect(reply.body.subarray(0, 2)).not.toEqual(Buffer.from([0xfe, 0xff]));
    expect(reply.body.subarray(0, 2)).not.toEqual(Buffer.from([0xff, 0xfe]));
    expect(reply.body.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(looksBinary(reply.body)).toBe(true);
    expect(reply.body.subarray(0, 9).toString('latin1')).toBe('NavScope ');
  });

  it('/mime/mislabeled-html: HTML as text/plain (no binary bytes, so it stays text)', async () => {
    const reply = await naver('/mime/mislabeled-html');
    expect(reply.headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(reply.headers['x-content-type-options']).toBeUndefined();
    expect(looksBinary(reply.body)).toBe(false);
    const text = reply.body.toString('utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('NavScope lab stand-in');
    expect(text).toContain('stays <code>text/plain</code>');
  });

  it('/mime/nosniff-mislabeled: HTML as text/plain with X-Content-Type-Options: nosniff', async () => {
    const reply = await naver('/mime/nosniff-mislabeled');
    expect(reply.headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const text = reply.body.toString('utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('NavScope lab stand-in');
    expect(text).toContain('nosniff');
  });

  it('/mime/png-no-type: a real PNG with no Content-Type', async () => {
    const reply = await naver('/mime/png-no-type');
    expect(reply.headers['content-type']).toBeUndefined();
    expect(reply.body).toEqual(PNG_NO_TYPE);
    expect(reply.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(reply.body.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(reply.body.readUInt32BE(16)).toBe(96);
    expect(reply.body.readUInt32BE(20)).toBe(64);
  });

  it('/mime/pdf-no-type: a well-formed PDF with no Content-Type', async () => {
    const reply = await naver('/mime/pdf-no-type');
    expect(reply.headers['content-type']).toBeUndefined();
    expect(reply.body).toEqual(PDF_NO_TYPE);
    const pdf = reply.body.toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    // startxref points at the xref table, and each entry at its object.
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [nf] \n)+)trailer/.exec(pdf.slice(startxref));
    const size = Number(table?.[1]);
    const rows = (table?.[2] ?? '').trimEnd().split('\n');
    expect(rows).toHaveLength(size);
    expect(rows[0]).toBe('0000000000 65535 f ');
    rows.slice(1).forEach((row, i) => {
      const offset = Number(row.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(pdf).toContain(`/Size ${size} /Root 1 0 R`);
    // The content stream's /Length is its real length.
    const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)endstream/.exec(pdf);
    expect(Number(stream?.[1])).toBe(stream?.[2]?.length);
  });

  it('the same headers over HTTPS', async () => {
    const options = { ca: lab.config.ca.certPem, servername: 'www.naver.com' };
    expect(
      (await httpsGet(NAVER_WEB, httpsPort, '/mime/no-content-type', options)).headers['content-type'],
    ).toBeUndefined();
    expect((await httpsGet(NAVER_WEB, httpsPort, '/mime/unknown-type', options)).headers['content-type']).toBe(
      'unknown/unknown',
    );
    const nosniff = await httpsGet(NAVER_WEB, httpsPort, '/mime/nosniff-mislabeled', options);
    expect(nosniff.headers['x-content-type-options']).toBe('nosniff');
    expect(nosniff.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('the /mime/ index links every case', async () => {
    const reply = await naver('/mime/');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    const text = reply.body.toString('utf8');
    expect(text).toContain('NavScope lab stand-in');
    for (const path of [
      'no-content-type',
      'unknown-type',
      'binary-as-text',
      'mislabeled-html',
      'nosniff-mislabeled',
      'png-no-type',
      'pdf-no-type',
    ]) {
      expect(text).toContain(`href="/mime/${path}"`);
    }
  });
});

describe('Lab: 204 and 205 on every scheme', () => {
  it('have no body over HTTPS either', async () => {
    const options = { ca: lab.config.ca.certPem, servername: 'www.naver.com' };
    const noContent = await httpsGet(NAVER_WEB, httpsPort, '/status/204', options);
    expect(noContent.status).toBe(204);
    expect(noContent.body.length).toBe(0);
    const reset = await httpsGet(NAVER_WEB, httpsPort, '/status/205', options);
    expect(reset.status).toBe(205);
    expect(reset.body.length).toBe(0);
    expect(reset.headers['content-length']).toBe('0');
  });
});
