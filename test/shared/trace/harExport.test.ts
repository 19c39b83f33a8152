import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQueryString, toHar, type Har, type HarEntry } from '../../../shared/trace/harExport.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'electron/hosts/cli/bin.mjs');
const schema = JSON.parse(readFileSync(path.join(__dirname, 'har-1.2.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
const validateHar = ajv.compile(schema);

interface Trace {
  format: string;
  version: number;
  events: TraceEvent[];
  result: { outcome: string } | null;
}

const outDir = temporaryFolder('navscope-har-');

/** Runs the built CLI in lab mode (loopback only) with its own profile; a failed navigation exits 1 but still writes the trace. */
function labTrace(name: string, input: string, dataDir = temporaryFolder('navscope-har-profile-')): Trace {
  const out = path.join(outDir, `${name}.json`);
  const env = {
    ...process.env,
    NAVSCOPE_DATA_DIR: dataDir,
    NAVSCOPE_DOWNLOADS_DIR: temporaryFolder('navscope-har-downloads-'),
  };
  try {
    execFileSync(process.execPath, [bin, 'trace', '--lab', '--json', '--out', out, input], {
      cwd: root,
      env,
      timeout: 60_000,
      stdio: 'pipe',
    });
  } catch (error) {
    if (!existsSync(out)) throw error;
  }
  return JSON.parse(readFileSync(out, 'utf8')) as Trace;
}

function expectValid(har: unknown): void {
  const valid = validateHar(har);
  expect(valid, ajv.errorsText(validateHar.errors)).toBe(true);
}

const messages = (events: readonly TraceEvent[], name: string): TraceEventOf<'message'>[] =>
  events.filter((e): e is TraceEventOf<'message'> => e.type === 'message' && e.name === name);

const sumOfTimings = (e: HarEntry): number =>
  [e.timings.blocked, e.timings.dns, e.timings.connect, e.timings.send, e.timings.wait, e.timings.receive]
    .filter((v) => v !== -1)
    .reduce((a, b) => a + b, 0);

/** The rules every export must follow, whatever the page. */
function expectHarRules(har: Har, events: readonly TraceEvent[]): void {
  expectValid(har);
  const loaders = messages(events, 'URLLoaderFactory.CreateLoaderAndStart').length;
  const redirects = messages(events, 'URLLoaderClient.OnReceiveRedirect').length;
  expect(har.log.entries).toHaveLength(loaders + redirects);

  const pageIds = new Set(har.log.pages.map((p) => p.id));
  const navigations = events.filter((e) => e.type === 'navigation.begin');
  expect(har.log.pages).toHaveLength(navigations.length);

  const starts = har.log.entries.map((e) => Date.parse(e.startedDateTime));
  expect(starts).toEqual([...starts].sort((a, b) => a - b));

  for (const entry of har.log.entries) {
    const t = entry.timings;
    expect(entry.time).toBeCloseTo(sumOfTimings(entry), 6);
    for (const required of [t.send, t.wait, t.receive]) expect(required).toBeGreaterThanOrEqual(0);
    for (const optional of [t.blocked, t.dns, t.connect, t.ssl]) expect(optional === -1 || optional >= 0).toBe(true);
    // ssl is part of connect.
    if (t.connect >= 0 && t.ssl >= 0) expect(t.connect).toBeGreaterThanOrEqual(t.ssl);
    if (t.connect === -1) expect(t.ssl).toBe(-1);
    if (entry.pageref !== undefined) expect(pageIds.has(entry.pageref)).toBe(true);
    expect(entry.request.url).not.toContain('#');
  }

  // Each request that went on the wire, in order, against its hops that were sent.
  const wire = events.filter((e): e is TraceEventOf<'http.request'> => e.type === 'http.request');
  for (const requestId of new Set(wire.map((e) => e.requestId))) {
    const sent = wire.filter((e) => e.requestId === requestId);
    const hops = har.log.entries.filter((e) => e._requestId === requestId && e.request.headersSize !== -1);
    expect(hops).toHaveLength(sent.length);
    sent.forEach((request, i) => {
      const hop = hops[i]!;
      expect(hop.request.url).toBe(request.url);
      expect(hop.request.headersSize).toBe(request.raw.length);
      expect(hop.connection).toBe(String(request.connectionId));
      expect(request.remote.startsWith(`${hop.serverIPAddress}:`)).toBe(true);
      if (request.reused) {
        // A reused connection: no DNS, connect or TLS for this request.
        expect(hop.timings).toMatchObject({ dns: -1, connect: -1, ssl: -1 });
      } else {
        expect(hop.timings.connect).toBeGreaterThanOrEqual(0);
        expect(hop.timings.dns).toBeGreaterThanOrEqual(0);
      }
    });
  }

  // A followed redirect names the next hop, which carries on the same request.
  for (const requestId of new Set(har.log.entries.map((e) => e._requestId))) {
    const entries = har.log.entries.filter((e) => e._requestId === requestId);
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      if (next) {
        expect(entry.response.redirectURL, requestId).toBe(next.request.url);
        expect([301, 302, 303, 307, 308]).toContain(entry.response.status);
      }
    });
  }
}

describe('toHar on real lab traces', () => {
  const traces = new Map<string, Trace>();
  const hars = new Map<string, Har>();
  const traceOf = (name: string): Trace => traces.get(name)!;
  const harOf = (name: string): Har => hars.get(name)!;

  beforeAll(() => {
    if (!existsSync(path.join(root, 'out/node/cli.mjs'))) {
      execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--node-only'], {
        cwd: root,
        timeout: 120_000,
        stdio: 'pipe',
      });
    }
    const cookieProfile = temporaryFolder('navscope-har-profile-');
    const runs: [string, string, string?][] = [
      ['naver', 'www.naver.com'],
      ['redirects', 'http://www.naver.com/redirect-chain/2'],
      ['unresolved', 'http://nonexistent.example.com/'],
      ['loop', 'http://www.naver.com/loop'],
      ['gzip', 'https://www.naver.com/gzip'],
      ['cookie-set', 'https://www.naver.com/cookie/set', cookieProfile],
      ['cookie-show', 'https://www.naver.com/cookie/show', cookieProfile],
    ];
    for (const [name, input, profile] of runs) {
      const trace = labTrace(name, input, profile);
      traces.set(name, trace);
      hars.set(name, toHar(trace.events));
    }
  }, 240_000);

  it('exports every trace as valid HAR 1.2 that keeps the timing rules', () => {
    for (const [name, har] of hars) {
      expect(traceOf(name).format).toBe('navscope-trace');
      expect(har.log.version).toBe('1.2');
      expect(har.log.creator).toEqual({ name: 'NavScope', version: '0.1.0' });
      expectHarRules(har, traceOf(name).events);
    }
    expect(toHar(traceOf('naver').events, { name: 'navscope-cli', version: '9.9' }).log.creator).toEqual({
      name: 'navscope-cli',
      version: '9.9',
    });
  });

  it('www.naver.com: the document, its redirect from http and its subresources, on one page', () => {
    expect(traceOf('naver').result?.outcome).toBe('loaded');
    const { pages, entries } = harOf('naver').log;
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page.title).not.toBe('');
    expect(page.pageTimings.onContentLoad).toBeGreaterThan(0);
    expect(page.pageTimings.onLoad).toBeGreaterThanOrEqual(page.pageTimings.onContentLoad);

    // Typed without a scheme: http first, then the network service's internal redirect to https.
    const [upgrade, documentEntry] = entries;
    expect(upgrade).toMatchObject({
      request: { url: 'http://www.naver.com/', headersSize: -1 },
      response: { status: 307, redirectURL: 'https://www.naver.com/' },
      _resourceType: 'document',
    });

    expect(documentEntry).toMatchObject({
      pageref: page.id,
      _resourceType: 'document',
      request: { method: 'GET', url: 'https://www.naver.com/', httpVersion: 'HTTP/1.1' },
    });
    const doc = documentEntry!;
    expect(doc.response.status).toBe(200);
    expect(doc.response.statusText).toBe('OK');
    expect(doc.response.httpVersion).toBe('HTTP/1.1');
    expect(doc.response.content.mimeType).toMatch(/^text\/html/);
    expect(doc.response.content.size).toBeGreaterThan(0);
    expect(doc.response.bodySize).toBe(doc.response.content.size);
    expect(doc.response.headersSize).toBeGreaterThan(0);
    expect(doc.response.redirectURL).toBe('');
    expect(doc.request.headers.map((h) => h.name)).toEqual(expect.arrayContaining(['Host', 'User-Agent', 'Accept']));
    expect(doc.request.queryString).toEqual([]);
    expect(doc.request.bodySize).toBe(0);
    expect(doc.cache).toEqual({});
    // The first https request opened the connection: DNS, TCP and TLS (inside connect).
    expect(doc.timings.dns).toBeGreaterThan(0);
    expect(doc.timings.ssl).toBeGreaterThan(0);
    expect(doc.timings.connect).toBeGreaterThanOrEqual(doc.timings.ssl);
    expect(Date.parse(doc.startedDateTime)).toBeGreaterThanOrEqual(Date.parse(page.startedDateTime));

    const subresources = entries.filter((e) => e._resourceType !== 'document');
    expect(subresources.length).toBe(
      messages(traceOf('naver').events, 'URLLoaderFactory.CreateLoaderAndStart').length - 1,
    );
    expect(subresources.length).toBeGreaterThan(0);
    for (const sub of subresources) {
      expect(sub.pageref).toBe(page.id);
      expect(sub.response.status).toBe(200);
      expect(sub.request.headers.some((h) => h.name === 'Referer' && h.value === 'https://www.naver.com/')).toBe(true);
    }
  });

  it('a redirect chain: one entry per hop, each with its own status and redirectURL', () => {
    const { entries, pages } = harOf('redirects').log;
    expect(new Set(entries.map((e) => e._requestId)).size).toBe(1);
    expect(entries.every((e) => e.pageref === pages[0]!.id)).toBe(true);
    // With a learned HSTS policy the chain would start with a 307 internal redirect to https; a fresh profile has none.
    const chain = entries.filter((e) => e.response.status !== 307);
    const origin = new URL(chain[0]!.request.url).origin;
    expect(chain.map((e) => [e.request.url, e.response.status, e.response.redirectURL])).toEqual([
      [`${origin}/redirect-chain/2`, 302, `${origin}/redirect-chain/1`],
      [`${origin}/redirect-chain/1`, 302, `${origin}/redirect-chain/0`],
      [`${origin}/redirect-chain/0`, 200, ''],
    ]);
    // The hops after the first ride the same keep-alive connection.
    expect(chain[1]!.connection).toBe(chain[0]!.connection);
    expect(chain[0]!.timings.connect).toBeGreaterThanOrEqual(0);
    expect(chain[1]!.timings).toMatchObject({ dns: -1, connect: -1, ssl: -1 });
    expect(chain[2]!.timings).toMatchObject({ dns: -1, connect: -1, ssl: -1 });
    expect(chain[0]!.response.headers).toContainEqual({ name: 'Location', value: '/redirect-chain/1' });
    expect(chain[2]!.response.content.mimeType).toMatch(/^text\/html/);
  });

  it('an unresolvable host: status 0, the net error as statusText and _error, no response', () => {
    expect(traceOf('unresolved').result?.outcome).toBe('failed');
    const { entries, pages } = harOf('unresolved').log;
    expect(entries).toHaveLength(1);
    const failed = entries[0]!;
    expect(failed).toMatchObject({
      pageref: pages[0]!.id,
      request: { url: 'http://nonexistent.example.com/', headersSize: -1, httpVersion: '' },
      response: {
        status: 0,
        statusText: 'ERR_NAME_NOT_RESOLVED',
        _error: 'ERR_NAME_NOT_RESOLVED',
        httpVersion: '',
        headers: [],
        headersSize: -1,
        redirectURL: '',
      },
      timings: { connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
    });
    expect(failed.response.comment).toMatch(/NXDOMAIN/);
    expect(failed.serverIPAddress).toBeUndefined();
    expect(failed.connection).toBeUndefined();
    // The time went into resolving the name.
    expect(failed.timings.dns).toBeGreaterThan(0);
    expect(failed.time).toBeGreaterThan(0);
  });

  it('a redirect loop: every hop, the last one with the 302 it got and ERR_TOO_MANY_REDIRECTS', () => {
    const { entries } = harOf('loop').log;
    expect(entries.length).toBeGreaterThan(20);
    const last = entries.at(-1)!;
    expect(last.response).toMatchObject({ status: 302, _error: 'ERR_TOO_MANY_REDIRECTS' });
    expect(entries.slice(0, -1).every((e) => e.response._error === undefined)).toBe(true);
  });

  it('a gzip response: content.size is decoded, bodySize encoded, compression the difference', () => {
    const doc = harOf('gzip').log.entries.find((e) => e.request.url === 'https://www.naver.com/gzip')!;
    expect(doc.response.headers.some((h) => /^content-encoding$/i.test(h.name) && h.value === 'gzip')).toBe(true);
    expect(doc.response.content.size).toBeGreaterThan(doc.response.bodySize);
    expect(doc.response.content.compression).toBe(doc.response.content.size - doc.response.bodySize);
  });

  it('cookies: Set-Cookie in the response, Cookie in the next request', () => {
    const set = harOf('cookie-set').log.entries.find((e) => e.request.url === 'https://www.naver.com/cookie/set')!;
    expect(set.request.cookies).toEqual([]);
    expect(set.response.cookies).toEqual([
      expect.objectContaining({ name: 'lab_session', path: '/', httpOnly: true, secure: false }),
      { name: 'lab_theme', value: 'dark', path: '/', httpOnly: false, secure: false },
    ]);
    const show = harOf('cookie-show').log.entries.find((e) => e.request.url === 'https://www.naver.com/cookie/show')!;
    // The persistent cookie survived in the profile; the session cookie did not.
    expect(show.request.cookies).toEqual([{ name: 'lab_theme', value: 'dark' }]);
  });

  it('the schema rejects what HAR 1.2 forbids', () => {
    const good = harOf('naver');
    expectValid(good);
    const broken = (mutate: (har: Har) => void): boolean => {
      const copy = structuredClone(good);
      mutate(copy);
      return validateHar(copy) as boolean;
    };
    expect(broken((h) => (h.log.entries[0]!.timings.send = -1))).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.timings.receive = -0.5))).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.timings.dns = -2))).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.timings.blocked = -0.5))).toBe(false);
    expect(broken((h) => delete (h.log.entries[0]!.timings as Partial<HarEntry['timings']>).wait)).toBe(false);
    expect(broken((h) => delete (h.log as Partial<Har['log']>).creator)).toBe(false);
    expect(broken((h) => delete (h.log.entries[0]!.response as Partial<HarEntry['response']>).redirectURL)).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.startedDateTime = 'yesterday'))).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.response.status = 200.5))).toBe(false);
    expect(broken((h) => (h.log.entries[0]!.request.headersSize = -2))).toBe(false);
    expect(broken((h) => ((h.log.entries[0]! as unknown as Record<string, unknown>).error = 'x'))).toBe(false);
    expect(broken((h) => ((h.log.entries[0]! as unknown as Record<string, unknown>)._anything = { x: 1 }))).toBe(true);
    expect(broken((h) => (h.log.pages[0]!.pageTimings.onLoad = -3))).toBe(false);
    expect(
      broken(
        (h) =>
          ((h.log.entries[0]!.request as unknown as Record<string, unknown>).postData = {
            mimeType: 'text/plain',
            text: 'a',
            params: [],
          }),
      ),
    ).toBe(false);
    expect(
      broken(
        (h) =>
          ((h.log.entries[0]!.request as unknown as Record<string, unknown>).postData = {
            mimeType: 'text/plain',
            text: 'a',
          }),
      ),
    ).toBe(true);
  });
});

describe('toHar on hand-made traces', () => {
  const base = { endpoint: 'browser' as const };
  let seq = 0;
  const ev = (body: Record<string, unknown>): TraceEvent => ({ ...base, seq: seq++, ...body }) as unknown as TraceEvent;
  const message = (name: string, at: number, payload: unknown, route: string | null = null): TraceEvent =>
    ev({
      type: 'message',
      ts: at,
      flowId: `f${seq}`,
      name,
      from: 'network',
      to: 'browser',
      fromPid: null,
      fromThread: null,
      toPid: null,
      toThread: null,
      route,
      sentAt: at,
      deliveredAt: at + 10,
      summary: '',
      payload,
    });

  it('exports an empty trace as an empty, valid log', () => {
    const har = toHar([]);
    expect(har).toEqual({
      log: { version: '1.2', creator: { name: 'NavScope', version: '0.1.0' }, pages: [], entries: [] },
    });
    expectValid(har);
  });

  it('reads abbreviated or malformed payloads without throwing, and skips loads without a URL', () => {
    const events = [
      ev({
        type: 'trace.begin',
        ts: 1_000_000,
        mode: 'lab',
        browserPid: 1,
        wallClock: '2026-01-01T00:00:00.000Z',
        platform: 'test',
      }),
      message('URLLoaderFactory.CreateLoaderAndStart', 1_000_100, '…[truncated]', 'r0'),
      message('URLLoaderFactory.CreateLoaderAndStart', 1_000_200, {
        requestId: 'r1',
        request: { url: 'https://a.test/x?q=1#frag', headers: [['A', 'b'], '…[truncated] 3 more', ['C']] },
      }),
      message('URLLoaderClient.OnReceiveResponse', 1_002_000, {
        requestId: 'r1',
        head: {
          status: 200,
          headers: 'cut',
          timing: { requestStart: 1_000_300, sendStart: 1_000_400, sendEnd: 1_000_500, receiveHeadersEnd: 1_001_500 },
        },
      }),
      message('URLLoaderClient.OnComplete', 1_003_000, { requestId: 'r1', status: '…[truncated]' }),
    ];
    const har = toHar(events);
    expectValid(har);
    expect(har.log.entries).toHaveLength(1);
    const entry = har.log.entries[0]!;
    expect(entry.startedDateTime).toBe('2026-01-01T00:00:00.000Z');
    expect(entry.request).toMatchObject({
      url: 'https://a.test/x?q=1',
      method: 'GET',
      headers: [{ name: 'A', value: 'b' }],
      queryString: [{ name: 'q', value: '1' }],
    });
    expect(entry.response).toMatchObject({ status: 200, headers: [], content: { size: 0, mimeType: '' } });
    expect(entry.timings).toEqual({ blocked: 0.1, dns: -1, connect: -1, ssl: -1, send: 0.1, wait: 1, receive: 1.5 });
    expect(entry.time).toBe(2.7);
  });

  it('parses query strings as a form would', () => {
    expect(parseQueryString('https://a.test/?a=1&b=x+y&c=%ED%95%9C&d&=e&f=%zz#g=h')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'x y' },
      { name: 'c', value: '한' },
      { name: 'd', value: '' },
      { name: '', value: 'e' },
      { name: 'f', value: '%zz' },
    ]);
    expect(parseQueryString('https://a.test/path')).toEqual([]);
  });
});
