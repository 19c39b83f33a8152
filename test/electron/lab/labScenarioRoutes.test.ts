import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { CACHED_LAST_MODIFIED } from '../../../electron/lab/labScenarioRoutes.js';
import { httpGet, httpsGet, rawExchange, until } from './labTestClient.js';
import type { HttpReply } from './labTestClient.js';

const NAVER_WEB = '127.80.0.1';

let lab: Lab;
let webPort: number;

beforeAll(async () => {
  lab = await Lab.start();
  webPort = lab.config.portMap['80'] ?? 0;
});

afterAll(async () => {
  await lab.stop();
});

function naver(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpReply> {
  return httpGet(NAVER_WEB, webPort, 'www.naver.com', path, method, headers);
}

function text(reply: HttpReply): string {
  return reply.body.toString('utf8');
}

describe('Lab web: redirects', () => {
  it('/go/google is a cross-site 302 to http://www.google.com/', async () => {
    const reply = await naver('/go/google');
    expect(reply.status).toBe(302);
    expect(reply.headers['location']).toBe('http://www.google.com/');
    expect(text(reply)).toContain('http://www.google.com/');
  });

  it('/loop and /loop2 redirect to each other', async () => {
    const loop = await naver('/loop');
    expect(loop.status).toBe(302);
    expect(loop.headers['location']).toBe('/loop2');
    const loop2 = await naver('/loop2');
    expect(loop2.status).toBe(302);
    expect(loop2.headers['location']).toBe('/loop');
  });

  it('/redirect-chain/N counts down to a 200 page at 0', async () => {
    let path = '/redirect-chain/3';
    const seen: string[] = [];
    for (let hops = 0; hops < 10; hops++) {
      const reply = await naver(path);
      if (reply.status !== 302) {
        expect(reply.status).toBe(200);
        expect(text(reply)).toContain('End of the redirect chain');
        break;
      }
      path = String(reply.headers['location']);
      seen.push(path);
    }
    expect(seen).toEqual(['/redirect-chain/2', '/redirect-chain/1', '/redirect-chain/0']);
    expect((await naver('/redirect-chain/abc')).status).toBe(404);
    expect((await naver('/redirect-chain/')).status).toBe(404);
    expect((await naver('/redirect-chain/1000')).status).toBe(404);
  });

  it('the same routes work over HTTPS', async () => {
    const reply = await httpsGet(NAVER_WEB, lab.config.portMap['443'] ?? 0, '/loop', {
      ca: lab.config.ca.certPem,
      servername: 'www.naver.com',
    });
    expect(reply.status).toBe(302);
    expect(reply.headers['location']).toBe('/loop2');
  });
});

describe('Lab web: cookies', () => {
  it('/cookie/set sets a session cookie and a persistent one', async () => {
    const reply = await naver('/cookie/set');
    expect(reply.status).toBe(200);
    const cookies = reply.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^lab_session=[0-9a-f]{24}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookies[1]).toBe('lab_theme=dark; Path=/; Max-Age=3600');
    expect(text(reply)).toContain('Set-Cookie');
    const again = await naver('/cookie/set');
    expect(again.headers['set-cookie']?.[0]).not.toBe(cookies[0]);
  });

  it('/cookie/show lists the cookies the request carried, escaped', async () => {
    const reply = await naver('/cookie/show', { Cookie: 'lab_session=abc; lab_theme=dark; x=<b>&"' });
    expect(reply.status).toBe(200);
    const html = text(reply);
    expect(html).toContain('<code>lab_session</code> = <code>abc</code>');
    expect(html).toContain('<code>lab_theme</code> = <code>dark</code>');
    expect(html).toContain('<code>x</code> = <code>&lt;b&gt;&amp;&quot;</code>');
    expect(html).not.toContain('<b>');
    expect(text(await naver('/cookie/show'))).toContain('no <code>Cookie</code> header');
  });

  it('/cookie/echo returns them as text/plain', async () => {
    const reply = await naver('/cookie/echo', { Cookie: 'a=1; b=2' });
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text(reply)).toBe('a=1\nb=2\n');
    expect(text(await naver('/cookie/echo'))).toBe('(no cookies)\n');
  });
});

describe('Lab web: caching', () => {
  it('/cached/page uses the three cached subresources', async () => {
    const html = text(await naver('/cached/page'));
    expect(html).toContain('<link rel="stylesheet" href="/cached/etag.css">');
    expect(html).toContain('<script src="/cached/max-age.js"></script>');
    expect(html).toContain('<img src="/cached/last-modified.png"');
  });

  it('/cached/etag.css revalidates with If-None-Match: 304 without a body', async () => {
    const first = await naver('/cached/etag.css');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"v1-[0-9a-f]{16}"$/);
    const second = await naver('/cached/etag.css', { 'If-None-Match': etag });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(second.headers['etag']).toBe(etag);
    expect(second.headers['content-length']).toBeUndefined();
    expect((await naver('/cached/etag.css', { 'If-None-Match': `"x", W/${etag}` })).status).toBe(304);
    expect((await naver('/cached/etag.css', { 'If-None-Match': '"v1-0000000000000000"' })).status).toBe(200);
    // If-None-Match decides even when If-Modified-Since is present.
    expect(
      (await naver('/cached/etag.css', { 'If-None-Match': '"other"', 'If-Modified-Since': new Date().toUTCString() }))
        .status,
    ).toBe(200);
  });

  it('/cached/max-age.js is fresh for an hour', async () => {
    const reply = await naver('/cached/max-age.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('max-age=3600');
    expect(reply.headers['content-type']).toBe('application/javascript; charset=utf-8');
  });

  it('/cached/last-modified.png revalidates with If-Modified-Since', async () => {
    const first = await naver('/cached/last-modified.png');
    expect(first.status).toBe(200);
    expect(first.headers['last-modified']).toBe(CACHED_LAST_MODIFIED);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-type']).toBe('image/png');
    expect((await naver('/cached/last-modified.png', { 'If-Modified-Since': CACHED_LAST_MODIFIED })).status).toBe(304);
    expect(
      (await naver('/cached/last-modified.png', { 'If-Modified-Since': 'Tue, 02 Jan 2024 00:00:00 GMT' })).status,
    ).toBe(304);
    expect(
      (await naver('/cached/last-modified.png', { 'If-Modified-Since': 'Sun, 31 Dec 2023 00:00:00 GMT' })).status,
    ).toBe(200);
    expect((await naver('/cached/last-modified.png', { 'If-Modified-Since': 'not a date' })).status).toBe(200);
  });
});

describe('Lab web: content codings and framing', () => {
  it('/gzip and /br decode to the same HTML as the identity response', async () => {
    for (const [path, coding, decode] of [
      ['/gzip', 'gzip', gunzipSync],
      ['/br', 'br', brotliDecompressSync],
    ] as const) {
      const identity = await naver(path);
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.headers['vary']).toBe('Accept-Encoding');
      const encoded = await naver(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(encoded.status).toBe(200);
      expect(encoded.headers['content-encoding']).toBe(coding);
      expect(encoded.headers['vary']).toBe('Accept-Encoding');
      expect(encoded.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(encoded.headers['content-length'])).toBe(encoded.body.length);
      expect(encoded.body.length).toBeLessThan(identity.body.length);
      const decoded = decode(encoded.body).toString('utf8');
      expect(decoded).toBe(text(identity));
      expect(decoded).toContain(`Content-Encoding: ${coding}`);
      expect(decoded).toContain('NavScope lab stand-in');
    }
    expect(
      (await naver('/gzip', { 'Accept-Encoding': 'br;q=1, gzip;q=0' })).headers['content-encoding'],
    ).toBeUndefined();
    expect((await naver('/br', { 'Accept-Encoding': '*' })).headers['content-encoding']).toBe('br');
  });

  it('/chunked is sent with Transfer-Encoding: chunked in several chunks', async () => {
    const raw = await rawExchange(
      NAVER_WEB,
      webPort,
      'GET /chunked HTTP/1.1\r\nHost: www.naver.com\r\nConnection: close\r\n\r\n',
    );
    const headEnd = raw.indexOf('\r\n\r\n');
    const head = raw.subarray(0, headEnd).toString('latin1').toLowerCase();
    expect(head).toMatch(/^http\/1\.1 200 ok\r\n/);
    expect(head).toContain('\r\ntransfer-encoding: chunked');
    expect(head).not.toContain('content-length');
    // Parse the chunked framing by hand.
    let rest = raw.subarray(headEnd + 4);
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      expect(Number.isNaN(size)).toBe(false);
      if (size === 0) break;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      expect(rest.subarray(lineEnd + 2 + size, lineEnd + 4 + size).toString('latin1')).toBe('\r\n');
      rest = rest.subarray(lineEnd + 4 + size);
    }
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const body = Buffer.concat(chunks).toString('utf8');
    expect(body).toContain('Transfer-Encoding: chunked');
    expect(body.trimEnd().endsWith('</html>')).toBe(true);
    expect(lab.slowResponseCount()).toBe(0);
  });

  it('HEAD /chunked and HEAD /gzip send headers only', async () => {
    const chunked = await naver('/chunked', {}, 'HEAD');
    expect(chunked.status).toBe(200);
    expect(chunked.body.length).toBe(0);
    const gzip = await naver('/gzip', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBe(0);
  });
});

describe('Lab web: status codes', () => {
  it('answers /status/<code> with that status', async () => {
    for (const code of [200, 404, 500, 503]) {
      const reply = await naver(`/status/${code}`);
      expect(reply.status).toBe(code);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(text(reply)).toContain(`/status/${code}`);
      expect(text(reply)).toContain('NavScope lab');
    }
    expect((await naver('/status/503')).headers['retry-after']).toBe('120');
  });

  it('204 and 205 have no body', async () => {
    const noContent = await naver('/status/204');
    expect(noContent.status).toBe(204);
    expect(noContent.body.length).toBe(0);
    expect(noContent.headers['content-length']).toBeUndefined();
    expect(noContent.headers['content-type']).toBeUndefined();
    const reset = await naver('/status/205');
    expect(reset.status).toBe(205);
    expect(reset.body.length).toBe(0);
    expect(reset.headers['content-length']).toBe('0');
  });

  it('301 redirects to /; other codes are unknown paths', async () => {
    const moved = await naver('/status/301');
    expect(moved.status).toBe(301);
    expect(moved.headers['location']).toBe('/');
    const unknown = await naver('/status/418');
    expect(unknown.status).toBe(404);
    expect(text(unknown)).toContain('404 Not Found');
  });
});

describe('Lab web: slow responses', () => {
  it('/slow-head sends nothing while it waits; a client that gives up is forgotten', async () => {
    let answered = false;
    const request = http.request(
      { host: NAVER_WEB, port: webPort, path: '/slow-head', headers: { Host: 'www.naver.com' }, agent: false },
      () => {
        answered = true;
      },
    );
    const failed = new Promise<string>((resolve) =>
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error')),
    );
    request.end();
    await until(() => lab.slowResponseCount() === 1, 'the server to start waiting');
    expect(answered).toBe(false);
    request.destroy();
    expect(await failed).toBe('ECONNRESET');
    await until(() => lab.slowResponseCount() === 0, 'the server to forget the request');
    expect(answered).toBe(false);
  });

  it('/slow-body sends its headers at once, then the body a byte at a time', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        { host: NAVER_WEB, port: webPort, path: '/slow-body', headers: { Host: 'www.naver.com' }, agent: false },
        resolve,
      );
      request.on('error', reject);
      request.end();
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe('60');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const first = await new Promise<Buffer>((resolve) => response.once('data', resolve));
    expect(first.toString('latin1')).toBe('N');
    expect(lab.slowResponseCount()).toBe(1);
    response.destroy();
    await until(() => lab.slowResponseCount() === 0, 'the server to forget the request');
  });
});

describe('Lab web: unknown paths', () => {
  it('answer 404 on every host', async () => {
    expect((await naver('/nope')).status).toBe(404);
    expect((await httpGet('127.80.0.3', webPort, 'expired.badssl-lab.com', '/nope')).status).toBe(404);
    expect((await httpGet('127.80.0.4', webPort, 'www.glueless-lab.com', '/nope')).status).toBe(404);
  });
});
