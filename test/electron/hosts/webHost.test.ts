import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, WebHost } from '../../../electron/hosts/web/webHost.js';
import { type TestClient, connect } from '../support/webHostClient.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written (no URL normalisation). */
function http(host: WebHost, method: string, rawPath: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web host', () => {
  let host: WebHost;
  let staticDir: string;
  let client: TestClient;
  const apiUrl = () => `ws://127.0.0.1:${host.port}/api?token=${host.token}`;

  beforeAll(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'navscope-web-'));
    writeFileSync(
      path.join(staticDir, 'index.html'),
      '<!doctype html><title>NavScope</title><script type="module" src="/app.js"></script>\n',
    );
    writeFileSync(path.join(staticDir, 'app.js'), 'console.log("NavScope window");\n');
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'assets', 'style.css'), 'body { margin: 0; }\n');
    host = await WebHost.start({ lab: true, staticDir });
  });

  afterAll(async () => {
    client?.ws.close();
    await host?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, with a token in its URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(CONTENT_SECURITY_POLICY).toBe(CSP);
  });

  it('serves index.html at / with the CSP and security headers, without needing the token', async () => {
    const res = await http(host, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>NavScope</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');

    const script = await http(host, 'GET', `/app.js?token=${host.token}`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await http(host, 'GET', '/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

    const head = await http(host, 'HEAD', '/app.js');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 to path traversal and missing files, 405 to other methods', async () => {
    for (const attempt of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/app.js%00.html',
      '/missing.js',
      '/assets/',
      '/%',
    ]) {
      const res = await http(host, 'GET', attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.headers['content-security-policy']).toBe(CSP);
    }
    const post = await http(host, 'POST', '/');
    expect(post.status).toBe(405);
    expect(post.headers['content-security-policy']).toBe(CSP);
  });

  it('refuses a WebSocket with a wrong token, a wrong Origin or a wrong path', async () => {
    expect(await connect(`ws://127.0.0.1:${host.port}/api?token=wrong`, host.origin)).toEqual({ refused: 403 });
    expect(await connect(`ws://127.0.0.1:${host.port}/api`, host.origin)).toEqual({ refused: 403 });
    expect(await connect(apiUrl(), 'http://evil.example')).toEqual({ refused: 403 });
    expect(await connect(apiUrl(), `http://localhost:${host.port}`)).toEqual({ refused: 403 });
    expect(await connect(`ws://127.0.0.1:${host.port}/other?token=${host.token}`, host.origin)).toEqual({
      refused: 403,
    });
  });

  it('accepts the right token and Origin and sends the trace so far', async () => {
    const opened = await connect(apiUrl(), host.origin);
    expect('client' in opened).toBe(true);
    client = (opened as { client: TestClient }).client;
    await client.until(() => client.frames.length > 0);
    expect(client.frames[0]!.kind).toBe('trace');
    expect(client.events.length).toBe(host.session.browser.recorder.events.length);
  });

  it('answers info', async () => {
    const response = await client.call('info');
    expect(response).toMatchObject({
      kind: 'result',
      result: { mode: 'lab', shell: 'web', rendererLauncher: 'child_process.fork' },
    });
    expect((response as { result: { version: string } }).result.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('navigates to www.naver.com and streams the trace as it is recorded', async () => {
    const response = await client.call('navigate', 'www.naver.com');
    expect(response).toMatchObject({ kind: 'result', result: { outcome: 'loaded', url: 'https://www.naver.com/' } });
    await client.until(() => client.events.some((e) => e.type === 'message' && e.name === 'FrameHost.DidStopLoading'));
    await client.until(() => client.events.length === host.session.browser.recorder.events.length);
    expect(client.events.map((e) => e.seq)).toEqual(client.events.map((_, i) => i));
    expect(client.frames.filter((f) => f.kind === 'trace').length).toBeGreaterThan(1);
  });

  it('opens, navigates, switches and closes tabs over the socket, and names a bad tab id', async () => {
    expect(await client.call('newTab')).toMatchObject({ kind: 'result', result: { message: 'Tab 2 opened.' } });
    expect(await client.call('navigateInTab', '2', 'www.naver.com/frames')).toMatchObject({
      kind: 'result',
      result: { outcome: 'loaded', url: 'https://www.naver.com/frames' },
    });
    expect(await client.call('switchTab', '1')).toMatchObject({
      kind: 'result',
      result: { message: 'Tab 1 is shown.' },
    });
    expect(await client.call('closeTab', '2')).toMatchObject({ kind: 'result', result: { message: 'Tab 2 closed.' } });
    expect(await client.call('closeTab', '2')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/no open tab 2/),
    });
    expect(await client.call('switchTab', 'two')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/needs a tab id/),
    });
    expect(await client.call('closeTab', '1')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/last tab/),
    });
    await client.until(() => client.events.some((e) => e.type === 'tab.closed' && e.tabId === 2));
    expect(client.events.filter((e) => e.type === 'frame.created' && e.tabId === 2)).toHaveLength(3);
  });

  it('answers garbage with an error and keeps the connection', async () => {
    client.sendRaw('{not json');
    const notJson = await client.response(0);
    expect(notJson.kind).toBe('error');
    client.frames.splice(client.frames.indexOf(notJson), 1);

    client.sendRaw(JSON.stringify({ id: 77, method: 'rm -rf', args: [] }));
    expect(await client.response(77)).toMatchObject({ kind: 'error', id: 77 });
    client.sendRaw(JSON.stringify({ id: 78, method: 'navigate' }));
    expect(await client.response(78)).toMatchObject({ kind: 'error', id: 78 });
    client.sendRaw(JSON.stringify({ id: 79, method: 'navigate', args: [] }));
    expect(await client.response(79)).toMatchObject({ kind: 'error', id: 79 });
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await client.until(() => client.frames.some((f) => f.kind === 'error' && f.id === 0));

    expect(await client.call('info')).toMatchObject({ kind: 'result', result: { mode: 'lab' } });
  });

  it('controls step mode over the socket, and names the commands it knows when given another', async () => {
    expect(await client.call('stepMode', 'on')).toMatchObject({
      kind: 'result',
      result: { enabled: true, pace: 'paused', held: 0, next: null },
    });
    expect(await client.call('stepMode', 'play:250')).toMatchObject({
      kind: 'result',
      result: { enabled: true, pace: 'playing', intervalMs: 250 },
    });
    expect(await client.call('stepMode', 'play:1')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/play interval must be between 10 and 60000 ms/),
    });
    expect(await client.call('stepMode', 'sideways')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(
        /unknown step command "sideways": use on, off, step, next-phase, play:<ms> or pause/,
      ),
    });
    expect(await client.call('stepMode', 'off')).toMatchObject({ kind: 'result', result: { enabled: false, held: 0 } });
    await client.until(() => client.events.some((e) => e.type === 'step.mode' && !e.enabled));
  });

  it('starts a new session on the same host: the trace is sent again from seq 0, and so are later events', async () => {
    const framesBefore = client.frames.length;
    expect(await client.call('newSession')).toMatchObject({ kind: 'result', result: { outcome: 'nothing-to-do' } });
    const recorder = host.session.browser.recorder;
    expect(recorder.events[0]?.type).toBe('trace.begin');
    const fresh = () =>
      client.frames
        .slice(framesBefore)
        .flatMap((f) => (f.kind === 'trace' ? (f.events as { seq: number; type: string }[]) : []));
    await client.until(() => fresh().length >= recorder.events.length);
    expect(fresh()[0]).toMatchObject({ seq: 0, type: 'trace.begin' });
    expect(fresh().map((e) => e.seq)).toEqual(fresh().map((_, i) => i));
    // The new trace goes on.
    expect(await client.call('navigate', 'www.naver.com/second.html')).toMatchObject({ kind: 'result' });
    await client.until(() => fresh().length === recorder.events.length);
    expect(fresh().map((e) => e.seq)).toEqual(fresh().map((_, i) => i));
  });

  it('answers goForward with nothing forward as nothing-to-do', async () => {
    const response = await client.call('goForward');
    expect(response).toMatchObject({
      kind: 'result',
      result: { outcome: 'nothing-to-do', navigationId: null, url: null },
    });
  });
});

describe('the web host without a built window', () => {
  it('answers / with 503 and says how to build it', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'navscope-web-empty-'));
    const host = await WebHost.start({ lab: true, staticDir: emptyDir });
    try {
      const res = await http(host, 'GET', '/');
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run build');
      expect(res.headers['content-security-policy']).toBe(CSP);
    } finally {
      await host.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
