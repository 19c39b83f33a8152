import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { readTraceFile } from '../../../shared/trace/traceFile.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const bin = path.resolve(__dirname, '../../../electron/hosts/cli/bin.mjs');
const outDir = temporaryFolder('navscope-cli-');

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

function traceOf(file: string): { events: TraceEvent[]; result: { outcome: string } | null } {
  return JSON.parse(readFileSync(file, 'utf8')) as { events: TraceEvent[]; result: { outcome: string } | null };
}

describe('navscope trace (the CLI host)', () => {
  it('navigates to www.naver.com in the lab and prints the trace as JSON', () => {
    const run = navscope('trace', 'www.naver.com', '--lab', '--json');
    expect(run.code).toBe(0);
    const trace = JSON.parse(run.stdout) as { format: string; events: TraceEvent[] };
    expect(trace.format).toBe('navscope-trace');
    const names = trace.events.map((e) => (e.type === 'message' ? e.name : e.type));
    for (const expected of [
      'omnibox.classified',
      'dns.query',
      'http.request',
      'http.response',
      'process.spawn',
      'NavigationClient.CommitNavigation',
      'FrameHost.DidStopLoading',
    ]) {
      expect(names).toContain(expected);
    }
    expect(trace.events.map((e) => e.seq)).toEqual(trace.events.map((_, i) => i));
    expect(run.stderr).toMatch(/Loaded https:\/\/www\.naver\.com\//);

    // Chromium 156's navigation messages, in the order it sends them for this page, the commit
    // acknowledged as CommitNavigation's reply, and none of the names older Chromium used.
    const messages = trace.events.filter((e) => e.type === 'message');
    const commit = messages.find((m) => m.name === 'NavigationClient.CommitNavigation' && m.replyTo === undefined)!;
    const ack = messages.find((m) => m.replyTo === commit.flowId)!;
    expect(ack).toMatchObject({ name: 'NavigationClient.CommitNavigation', from: commit.to, to: commit.from });
    const order = [
      'URLLoaderFactory.CreateLoaderAndStart',
      'AgentSchedulingGroup.CreateView',
      'NavigationClient.CommitNavigation',
      'FrameHost.UpdateState',
      'NavigationClient.CommitNavigation reply',
      'LocalFrameHost.DidChangeLoadProgress',
      'LocalFrameHost.MainDocumentElementAvailable',
      'LocalFrameHost.UpdateTitle',
      'LocalFrameHost.DidDispatchDOMContentLoadedEvent',
      'LocalFrameHost.DocumentOnLoadCompleted',
      'LocalFrameHost.DidFinishLoad',
      'FrameHost.DidStopLoading',
      'LocalFrameHost.UpdateFaviconURL',
    ];
    const sequence = messages.map((m) => (m.replyTo !== undefined ? `${m.name} reply` : m.name));
    let at = -1;
    for (const name of order) {
      const next = sequence.indexOf(name, at + 1);
      expect(next, `${name} after ${order[order.indexOf(name) - 1] ?? 'the start'}`).toBeGreaterThan(at);
      at = next;
    }
    expect(sequence).toContain('LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint');
    expect(sequence).toContain('URLLoaderClient.OnReceiveResponse');
    expect(sequence).toContain('URLLoaderClient.OnComplete');
    expect(sequence).toContain('FrameHost.SubresourceResponseStarted');
    expect(sequence).toContain('FrameHost.ResourceLoadComplete');
    for (const outdated of [
      'FrameHost.DidCommitProvisionalLoad',
      'FrameHost.DidDispatchDOMContentLoadedEvent',
      'FrameHost.DocumentOnLoadCompleted',
      'FrameHost.DidFinishLoad',
      'FrameHost.UpdateTitle',
      'AgentSchedulingGroup.CreateFrame',
      'FrameHost.BeforeUnloadACK',
    ])
      expect(run.stdout).not.toContain(`"${outdated}"`);
  });

  it('writes a Chrome trace and a HAR next to the trace (--trace-json, --har), which NavScope reads back', () => {
    const chromeFile = path.join(outDir, 'naver.trace.json');
    const harFile = path.join(outDir, 'naver.har');
    const traceFileName = path.join(outDir, 'naver.navscope.json');
    const run = navscope(
      'trace',
      'www.naver.com',
      '--lab',
      '--json',
      '--out',
      traceFileName,
      '--trace-json',
      chromeFile,
      '--har',
      harFile,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Chrome trace to .*naver\.trace\.json; HAR to .*naver\.har/);
    const chrome = JSON.parse(readFileSync(chromeFile, 'utf8')) as { traceEvents: { ph: string; name: string }[] };
    expect(chrome.traceEvents.some((e) => e.ph === 'M' && e.name === 'process_name')).toBe(true);
    expect(chrome.traceEvents.some((e) => e.ph === 's' && e.name === 'NavigationClient.CommitNavigation')).toBe(true);
    const original = traceOf(traceFileName).events;
    expect(readTraceFile(JSON.parse(readFileSync(chromeFile, 'utf8'))).events).toEqual(original);
    const har = JSON.parse(readFileSync(harFile, 'utf8')) as {
      log: { version: string; entries: { request: { url: string }; response: { status: number } }[] };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.find((e) => e.request.url === 'https://www.naver.com/')?.response.status).toBe(200);
  });

  it('opens a tab per --tab and loads each, with the processes Chromium would choose', () => {
    const run = navscope(
      'trace',
      'www.naver.com/frames',
      '--tab',
      'www.naver.com',
      '--tab=www.site1-lab.com',
      '--renderer-process-limit',
      '3',
      '--lab',
      '--json',
    );
    expect(run.code).toBe(0);
    const trace = JSON.parse(run.stdout) as { events: TraceEvent[] };
    const created = trace.events.filter((e) => e.type === 'tab.created');
    expect(created.map((e) => (e.type === 'tab.created' ? e.tabId : 0))).toEqual([1, 2, 3]);
    const committed = trace.events.flatMap((e) => (e.type === 'frame.committed' ? [e] : []));
    // Tab 2 (naver) finds naver, google and nothing else running: 2 of 3 processes, under the limit, a process of its own.
    const naverProcesses = new Set(committed.filter((e) => e.site === 'https://naver.com').map((e) => e.processId));
    expect(naverProcesses.size).toBe(2);
    // Tab 3 reaches the limit of 3 with a new site: a site of its own still gets a process.
    expect(committed.find((e) => e.tabId === 3)?.site).toBe('https://site1-lab.com');
    expect(run.stderr).toMatch(/Loaded https:\/\/www\.naver\.com\/frames/);
  });

  it('refuses a --renderer-process-limit that is not a whole number, and a --tab without input', () => {
    expect(navscope('trace', 'www.naver.com', '--renderer-process-limit', 'many', '--lab')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--renderer-process-limit needs a whole number from 1 to 1000, got many/),
    });
    expect(navscope('trace', 'www.naver.com', '--lab', '--tab')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--tab needs the input to open in a new tab/),
    });
  });

  it('rejects an export option without a file name', () => {
    const run = navscope('trace', 'www.naver.com', '--lab', '--har');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--har needs a file name/);
  });

  it('prints a readable timeline, one line per event', () => {
    const run = navscope('trace', 'www.naver.com', '--lab');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.some((l) => /DNS query → a\.root-servers\.net/.test(l))).toBe(true);
    expect(lines.some((l) => /✉ NavigationClient\.CommitNavigation {2}browser → renderer:1/.test(l))).toBe(true);
    expect(lines.some((l) => /CrRendererMain/.test(l))).toBe(true);
  });

  it('reports an unknown host with ERR_NAME_NOT_RESOLVED, exits non-zero and still writes the trace', () => {
    const file = path.join(outDir, 'unknown.json');
    const run = navscope('trace', 'www.no-such-site-here.com', '--lab', '--json', '--out', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ERR_NAME_NOT_RESOLVED/);
    const trace = traceOf(file);
    expect(trace.result?.outcome).toBe('failed');
    const responses = trace.events.filter((e) => e.type === 'dns.response');
    expect(responses.at(-1)).toMatchObject({ rcode: 'NXDOMAIN' });
    expect(trace.events.some((e) => e.type === 'navigation.end' && e.netError?.name === 'ERR_NAME_NOT_RESOLVED')).toBe(
      true,
    );
  });

  it('reports a refused connection with ERR_CONNECTION_REFUSED, exits non-zero and still writes the trace', () => {
    const file = path.join(outDir, 'refused.txt');
    const run = navscope('trace', 'refused.naver.com', '--lab', '--out', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ERR_CONNECTION_REFUSED/);
    expect(readFileSync(file, 'utf8')).toMatch(/Initial connection .*ERROR/);
  });

  it('rejects empty input with a clear message and a non-zero exit, and writes what it has', () => {
    const file = path.join(outDir, 'empty.json');
    const run = navscope('trace', '   ', '--lab', '--json', '--out', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Nothing was typed/);
    const trace = traceOf(file);
    expect(trace.events.find((e) => e.type === 'omnibox.classified')).toMatchObject({ inputType: 'EMPTY' });
  });

  it('explains how to use it when the arguments are wrong', () => {
    const run = navscope('trace');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trace needs the input/);
    expect(run.stderr).toMatch(/Usage:/);
    expect(navscope('trace', 'x', '--bogus').stderr).toMatch(/unknown option --bogus/);
    const both = navscope('trace', 'www.naver.com', '--lab', '--iterative');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--iterative is for live mode/);
  });
});

describe('navscope explain (the story for a student)', () => {
  it('writes the Korean story of www.google.com as Markdown: one section per chapter, with its own facts', () => {
    const file = path.join(outDir, 'a.md');
    const run = navscope('explain', 'www.google.com', '--lab', '--lang', 'ko', '--out', file);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Loaded https:\/\/www\.google\.com\/; story \(ko, md\) written to/);
    const text = readFileSync(file, 'utf8');
    const sections = [...text.matchAll(/^## (\d)\. (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(sections).toEqual([
      '1 입력 처리',
      '2 내비게이션 시작',
      '3 네트워크: HSTS, DNS, TCP, TLS, HTTP',
      '4 응답 읽기',
      '5 렌더러 프로세스 찾기',
      '6 커밋',
      '7 로드와 렌더링',
    ]);
    expect(text).toContain('HSTS가 http://www.google.com/을 https://www.google.com/으로 바꿨습니다');
    for (const server of ['a.root-servers.net (.)', 'a.gtld-servers.net (.com)', 'ns1.google.com (google.com)'])
      expect(text).toContain(server);
    expect(text).toMatch(/TLSv1\.[23]/);
    // The renderer process started with the request (speculatively, as Chrome does) took the page.
    expect(text).toMatch(/미리\(speculative\) 띄운 렌더러 renderer:1, pid \d+/);
    expect(text).toMatch(/load \d+\.\d+ ms입니다/);
  });

  it('writes the English story as an HTML page with its SVGs, and a failing input gets its own story and exit 1', () => {
    const html = path.join(outDir, 'a.html');
    expect(navscope('explain', 'www.google.com', '--lab', '--lang', 'en', '--out', html).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<svg /g)?.length).toBe(2);
    expect(page).toContain('<h2><span class="n">3</span>Network: HSTS, DNS, TCP, TLS, HTTP</h2>');

    const failed = path.join(outDir, 'nx.md');
    const run = navscope('explain', 'www.no-such-site-lab.com', '--lab', '--lang', 'en', '--out', failed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^navscope: error: ERR_NAME_NOT_RESOLVED/);
    const story = readFileSync(failed, 'utf8');
    expect(story).toContain('answered NXDOMAIN');
    expect(story).toContain('The browser committed its own error page instead.');
  });

  it('refuses an output whose format it cannot tell, before navigating', () => {
    const run = navscope('explain', 'www.google.com', '--lab', '--out', path.join(outDir, 'a.txt'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^navscope: cannot tell the format of .*a\.txt from its extension/);
    expect(navscope('explain', 'www.google.com', '--lang', 'fr').stderr).toMatch(/--lang is en or ko, got "fr"/);
  });
});
