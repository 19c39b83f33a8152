/**
 * `navscope import` on the files web engineers have, recorded in this run by the real
 * Chromium from the lab (a NetLog with --log-net-log, a HAR with playwright-core's
 * recordHar), and `navscope trace --netlog`, read back by `navscope import`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { readTraceFile } from '../../../shared/trace/traceFile.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';
import { describeWithChromium } from '../support/chromiumSuite.js';
import { type LabRecording, recordLabPages } from '../support/labChromium.js';

const bin = path.resolve(__dirname, '../../../electron/hosts/cli/bin.mjs');

function navscope(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      NAVSCOPE_DATA_DIR: temporaryFolder('navscope-profile-'),
      NAVSCOPE_DOWNLOADS_DIR: temporaryFolder('navscope-downloads-'),
    },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Imports a file with the CLI (--json --out) and reads the trace it wrote. */
function imported(file: string, outDir: string): { events: TraceEvent[]; stderr: string } {
  const out = path.join(outDir, `${path.basename(file)}.navscope.json`);
  const run = navscope('import', file, '--json', '--out', out);
  expect(run.stderr, 'navscope import says what it read').toMatch(/^navscope: imported /);
  expect(run.code, run.stderr).toBe(0);
  return { events: readTraceFile(JSON.parse(readFileSync(out, 'utf8'))).events, stderr: run.stderr };
}

const ofType = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

interface Hop {
  url: string;
  status: number | null;
  error: string | null;
  ownBehalf: boolean;
}

/** Every hop of every imported request: its URL and its status, or the net error it ended with. */
function hopsOf(events: readonly TraceEvent[]): Hop[] {
  const hops: Hop[] = [];
  for (const begin of ofType(events, 'request.begin')) {
    const redirects = ofType(events, 'request.redirect').filter((r) => r.requestId === begin.requestId);
    const end = ofType(events, 'request.end').find((r) => r.requestId === begin.requestId);
    let url = begin.url;
    for (const redirect of redirects) {
      hops.push({ url, status: redirect.status, error: null, ownBehalf: begin.ownBehalf });
      url = redirect.to;
    }
    hops.push({
      url: end?.url ?? url,
      status: end?.status ?? null,
      error: end?.netError?.name ?? null,
      ownBehalf: begin.ownBehalf,
    });
  }
  return hops;
}

const withoutFragment = (url: string) => url.replace(/#.*$/, '');

/** Every request Playwright saw the pages make is among the imported hops, with the same status or error. */
function expectEveryRequest(recording: LabRecording, hops: Hop[], what: string): void {
  const seen = recording.requests.filter((r) => /^https?:/.test(r.url));
  expect(seen.length, 'the pages made requests').toBeGreaterThan(4);
  for (const request of seen) {
    const match = hops.find(
      (h) =>
        withoutFragment(h.url) === withoutFragment(request.url) &&
        (request.status !== null
          ? h.status === request.status
          : h.error !== null && request.failure!.includes(h.error)),
    );
    expect(match, `${what}: ${request.url} with ${request.status ?? request.failure}`).toBeDefined();
  }
}

describeWithChromium('navscope import: what Chromium and Playwright record of the lab', () => {
  let lab: Lab;
  let recording: LabRecording;
  const outDir = temporaryFolder('navscope-import-');
  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
    recording = await recordLabPages(lab, [
      'https://www.naver.com/',
      'https://www.naver.com/status/404',
      // A cross-site redirect to http://www.google.com/.
      'https://www.naver.com/go/google',
      'https://www.google.com/',
      // Not a lab web host: the host rules send it nowhere, so it fails to resolve.
      'https://refused.naver.com/',
    ]);
  }, 90_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('reads the NetLog: every request of the pages with its URL and status or net error, TLS versions', () => {
    const { events } = imported(recording.netLog, outDir);
    const hops = hopsOf(events);
    expectEveryRequest(recording, hops, 'NetLog');
    const source = ofType(events, 'import.source')[0]!;
    expect(source.format).toBe('netlog');
    expect(source.creator).toMatch(/^Chromium \d+\./);
    expect(source.repaired).toBeNull();
    // TLS: the handshakes Chromium made, with version, cipher, ALPN and the lab's certificate.
    const tls = ofType(events, 'span.end').filter((e) => typeof e.args.protocol === 'string');
    expect(tls.map((e) => e.args.protocol)).toContain('TLS 1.3');
    const chain = tls.flatMap((e) => (Array.isArray(e.args.chain) ? e.args.chain : []));
    expect(JSON.stringify(chain)).toContain('CN=www.naver.com');
    expect(tls.some((e) => e.args.alpn === 'http/1.1')).toBe(true);
    // The lab's certificates are trusted by their key hashes (chromiumLabFlags): every handshake was accepted.
    expect(tls.every((e) => e.args.verification === 'accepted by Chromium')).toBe(true);
    expect(
      ofType(events, 'request.end')
        .filter((e) => e.url.startsWith('https://www.naver.com/') && e.status !== null)
        .every((e) => e.tls?.startsWith('TLS 1.3')),
    ).toBe(true);
    // Socket reuse: later requests to www.naver.com ride the first connection.
    expect(ofType(events, 'request.end').some((e) => e.reused === true)).toBe(true);
    // The navigations.
    expect(ofType(events, 'navigation.begin').map((e) => e.url)).toEqual(
      expect.arrayContaining(['https://www.naver.com/', 'https://www.naver.com/go/google', 'https://www.google.com/']),
    );
    // No processes or messages: a NetLog records the network only.
    expect(events.some((e) => e.type === 'message' || e.type === 'thread.start')).toBe(false);
  });

  it("keeps Chromium's own background requests, marked, with their net errors", () => {
    const { events } = imported(recording.netLog, outDir);
    const own = hopsOf(events).filter((h) => h.ownBehalf);
    expect(own.length, 'update checks and account lookups').toBeGreaterThan(0);
    for (const hop of own) expect(hop.error, hop.url).toBe('ERR_NAME_NOT_RESOLVED');
    expect(own.some((h) => /googleapis\.com|accounts\.google\.com/.test(h.url))).toBe(true);
  });

  it('reads the HAR: every request with its URL and status or net error, redirects joined, TLS versions', () => {
    const { events } = imported(recording.har, outDir);
    const hops = hopsOf(events);
    expectEveryRequest(recording, hops, 'HAR');
    const redirect = ofType(events, 'request.redirect').find((r) => r.from === 'https://www.naver.com/go/google');
    expect(redirect?.to).toBe('http://www.google.com/');
    expect(redirect?.status).toBe(302);
    // Playwright's _securityDetails: every https request carries its TLS version, new connection or not.
    const https = ofType(events, 'request.end').filter((e) => e.url.startsWith('https:') && e.status !== null);
    expect(https.length).toBeGreaterThan(4);
    for (const end of https) expect(end.tls, end.url).toBe('TLS 1.3');
    expect(ofType(events, 'import.source')[0]!.creator).toMatch(/^Playwright/);
  });

  it('reads both gzipped, and prints the timeline without --json', () => {
    const gz = path.join(outDir, 'chromium.har.gz');
    writeFileSync(gz, gzipSync(readFileSync(recording.har)));
    const { events, stderr } = imported(gz, outDir);
    expect(stderr).toContain('HAR, gzipped');
    expect(hopsOf(events)).toEqual(hopsOf(imported(recording.har, outDir).events));
    const run = navscope('import', recording.netLog);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/request netlog\/\d+: GET https:\/\/www\.naver\.com\/static\/naver\.css/);
    expect(run.stdout).toMatch(/Chromium's own request \(no page asked for it\)/);
  });

  it('repairs a NetLog cut off while being written, and says so', () => {
    const text = readFileSync(recording.netLog, 'utf8');
    const cut = path.join(outDir, 'cut.netlog.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.6)));
    const { events, stderr } = imported(cut, outDir);
    expect(stderr).toContain('repaired: the file ends in the middle of its events');
    expect(ofType(events, 'import.source')[0]!.repaired).toMatch(/cut off while being written/);
    expect(ofType(events, 'request.begin').length).toBeGreaterThan(0);
  });
});

describe('navscope trace --netlog, read back by navscope import', () => {
  const outDir = temporaryFolder('navscope-netlog-');

  it('writes a NetLog in the format Chromium writes, which imports back with the same requests', () => {
    const netLog = path.join(outDir, 'naver.netlog.json');
    const traceFile = path.join(outDir, 'naver.navscope.json');
    const run = navscope('trace', 'www.naver.com', '--lab', '--json', '--out', traceFile, '--netlog', netLog);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`NetLog to ${netLog}`);

    // The documented structure: constants first, events decoded through them.
    const json = JSON.parse(readFileSync(netLog, 'utf8')) as {
      constants: Record<string, unknown>;
      events: { time: unknown; type: unknown; phase: unknown; source: Record<string, unknown>; params?: unknown }[];
    };
    expect(Object.keys(json)[0]).toBe('constants');
    const constants = json.constants as {
      logEventTypes: Record<string, number>;
      logSourceType: Record<string, number>;
      logEventPhase: Record<string, number>;
      timeTickOffset: string;
    };
    expect(constants.logEventPhase).toEqual({ PHASE_NONE: 0, PHASE_BEGIN: 1, PHASE_END: 2 });
    expect(Number.isFinite(Number(constants.timeTickOffset))).toBe(true);
    const types = new Set(Object.values(constants.logEventTypes));
    const sources = new Set(Object.values(constants.logSourceType));
    const phases = new Set(Object.values(constants.logEventPhase));
    expect(json.events.length).toBeGreaterThan(50);
    for (const event of json.events) {
      expect(typeof event.time).toBe('string');
      expect(types.has(event.type as number)).toBe(true);
      expect(phases.has(event.phase as number)).toBe(true);
      expect(Number.isInteger(event.source.id)).toBe(true);
      expect(sources.has(event.source.type as number)).toBe(true);
      expect(typeof event.source.start_time).toBe('string');
      if (event.params !== undefined) expect(typeof event.params).toBe('object');
    }
    const names = new Map(Object.entries(constants.logEventTypes).map(([name, n]) => [n, name]));
    const logged = new Set(json.events.map((e) => names.get(e.type as number)));
    for (const name of [
      'REQUEST_ALIVE',
      'HOST_RESOLVER_MANAGER_REQUEST',
      'DNS_TRANSACTION',
      'TCP_CONNECT',
      'SSL_CONNECT',
      'HTTP_TRANSACTION_SEND_REQUEST_HEADERS',
      'HTTP_TRANSACTION_READ_RESPONSE_HEADERS',
      'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET',
    ])
      expect(logged, name).toContain(name);

    // Imported back: the same requests (URL and status) as the trace's own.
    const original = readTraceFile(JSON.parse(readFileSync(traceFile, 'utf8'))).events;
    const originalRequests = ofType(original, 'message')
      .filter((m) => m.name === 'URLLoaderFactory.CreateLoaderAndStart')
      .map((m) => (m.payload as { request: { url: string } }).request.url)
      .sort();
    const { events } = imported(netLog, outDir);
    expect(
      ofType(events, 'request.begin')
        .map((r) => r.url)
        .sort(),
    ).toEqual(originalRequests);
    const originalStatuses = ofType(original, 'http.response')
      .map((r) => r.statusLine)
      .sort();
    expect(
      ofType(events, 'http.response')
        .map((r) => r.statusLine)
        .sort(),
    ).toEqual(originalStatuses);
    expect(ofType(events, 'request.end').every((e) => e.netError === null)).toBe(true);
    const tls = ofType(events, 'span.end').filter((e) => typeof e.args.protocol === 'string');
    expect(tls.map((e) => e.args.protocol)).toContain('TLS 1.3');
  });

  it('refuses two outputs that name the same file, and a file it cannot open with one line', () => {
    const same = path.join(outDir, 'same.json');
    const run = navscope('trace', 'www.naver.com', '--lab', '--out', same, '--netlog', same);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(`navscope: --netlog and --out both name ${same}: one would overwrite the other\n`);
    const overwrite = navscope('import', same, '--out', same);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain(
      `navscope: --out names the file being imported (${same}): it would be overwritten`,
    );
    const notJson = path.join(outDir, 'notes.txt');
    writeFileSync(notJson, 'hello');
    const bad = navscope('import', notJson);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `navscope: ${notJson}: not a file NavScope can open: it begins with "hello"; NavScope opens JSON files (NavScope traces, HARs, NetLogs, Chrome traces)\n`,
    );
    const none = navscope('import', path.join(outDir, 'missing.har'));
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`navscope: ${path.join(outDir, 'missing.har')}: no such file\n`);
  });
});
