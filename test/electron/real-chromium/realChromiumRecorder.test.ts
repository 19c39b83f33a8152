/**
 * The real browser beside the model: the system Chromium loads the lab's
 * www.naver.com (and a two-page visit) in lab mode with tracing and a NetLog on, and
 * the recording reads back as real processes, named Mojo messages and navigations.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import {
  recordRealChromium,
  type RealChromiumRecording,
} from '../../../electron/real-chromium/realChromiumRecorder.js';
import { parseChromeTrace } from '../../../shared/real/chromeTraceParser.js';
import { NAVIGATION_INTERFACES } from '../../../shared/real/mojoInterfaceDirections.js';
import type { RealTrace } from '../../../shared/real/realTrace.js';
import { CHROMIUM, describeWithChromium } from '../support/chromiumSuite.js';

const NAVER = 'https://www.naver.com/';
const NEWS = 'https://www.naver.com/news';

function recorderDirs(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('navscope-real-'));
}

describeWithChromium('a real Chromium recorded in lab mode', () => {
  let lab: Lab;
  let dirsBefore: string[];
  let single: RealChromiumRecording;
  let singleTrace: RealTrace;
  let visit: RealChromiumRecording;
  let visitTrace: RealTrace;
  let edges: RealChromiumRecording;

  beforeAll(async () => {
    dirsBefore = recorderDirs();
    lab = await Lab.start({ dataDir: null });
    single = await recordRealChromium({ urls: [NAVER], lab: lab.config });
    singleTrace = await parseChromeTrace(single.trace);
    visit = await recordRealChromium({ urls: [NAVER, NEWS], lab: lab.config });
    visitTrace = await parseChromeTrace(visit.trace);
    edges = await recordRealChromium({
      urls: ['http://www.google.com/', 'https://expired.badssl-lab.com/', 'https://www.example.com/'],
      lab: lab.config,
    });
  }, 150_000);

  afterAll(async () => {
    await lab?.stop();
  });

  it('loads the lab page itself, not the internet, with the lab certificate trusted for that browser only', () => {
    expect(single.metadata.pages).toEqual([
      expect.objectContaining({ url: NAVER, finalUrl: NAVER, status: 200, title: 'NAVER — NavScope lab', error: null }),
    ]);
    expect(single.metadata.tls.mode).toBe('lab-certificates-trusted-by-spki');
    expect(single.metadata.tls.trustedHosts).toContain('www.naver.com');
    expect(single.metadata.tls.untrustedHosts).toContain('expired.badssl-lab.com');
    expect(single.metadata.lab.hostResolverRules).toMatch(/^MAP [^,]+, .*, MAP \* ~NOTFOUND$/);
    expect(single.metadata.flags).toEqual(
      expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--no-pings']),
    );
  });

  it("records the Chromium version CI installs and the browser's own processes", () => {
    const installed = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).match(/\d+\.\d+\.\d+\.\d+/)?.[0];
    expect(single.metadata.chromium.version).toBe(installed);
    expect(singleTrace.chromium.revision).toContain(single.metadata.chromium.revision.replace(/^@/, ''));
    const types = single.metadata.processes.map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['browser', 'renderer', 'GPU', 'network.mojom.NetworkService']));
  });

  it('shows the real browser, renderer, GPU and network-service processes with their pids', () => {
    const byKind = (kind: string) => singleTrace.processes.filter((p) => p.kind === kind);
    expect(byKind('browser')).toHaveLength(1);
    expect(byKind('gpu')).toHaveLength(1);
    expect(byKind('network')).toHaveLength(1);
    expect(byKind('renderer').length).toBeGreaterThanOrEqual(1);
    expect(byKind('network')[0]!.serviceName).toBe('network.mojom.NetworkService');
    expect(byKind('browser')[0]!.threads.map((t) => t.name)).toContain('CrBrowserMain');
    // The trace's pids are the ones Chromium itself reports.
    const reported = new Map(single.metadata.processes.map((p) => [p.pid, p.type]));
    expect(reported.get(byKind('browser')[0]!.pid)).toBe('browser');
    expect(reported.get(byKind('network')[0]!.pid)).toBe('network.mojom.NetworkService');
    expect(reported.get(byKind('gpu')[0]!.pid)).toBe('GPU');
  });

  it('names the navigation messages and says which process received them, and who sent them', () => {
    const kindOf = (pid: number | null) => singleTrace.processes.find((p) => p.pid === pid)?.kind;
    const commit = singleTrace.mojoMessages.filter((m) => m.name === 'NavigationClient.CommitNavigation');
    expect(commit.some((m) => !m.isReply && kindOf(m.pid) === 'renderer')).toBe(true);
    const commitToRenderer = commit.find((m) => !m.isReply && kindOf(m.pid) === 'renderer')!;
    expect(commitToRenderer.fullName).toBe('content.mojom.NavigationClient.CommitNavigation');
    expect(commitToRenderer.sender).toMatchObject({ certainty: 'exact' });
    expect(kindOf(commitToRenderer.sender.certainty === 'exact' ? commitToRenderer.sender.pid : null)).toBe('browser');
    // The reply to CommitNavigation is the commit acknowledgement, received by the browser.
    expect(commit.some((m) => m.isReply && kindOf(m.pid) === 'browser')).toBe(true);
    const loads = singleTrace.mojoMessages.filter((m) => m.name === 'URLLoaderFactory.CreateLoaderAndStart');
    expect(loads.some((m) => kindOf(m.pid) === 'network')).toBe(true);
    expect(singleTrace.mojoMessages.some((m) => m.name === 'URLLoaderClient.OnReceiveResponse')).toBe(true);
    expect(
      singleTrace.mojoMessages.some((m) => m.name === 'FrameHost.DidStopLoading' && kindOf(m.pid) === 'browser'),
    ).toBe(true);
  });

  it('names at least 95 % of the messages on the navigation interfaces', () => {
    for (const trace of [singleTrace, visitTrace]) {
      const navigation = trace.mojoMessages.filter(
        (m) => m.interfaceTag !== null && NAVIGATION_INTERFACES.includes(m.interfaceTag) && m.ipcHash !== null,
      );
      expect(navigation.length).toBeGreaterThan(50);
      const named = navigation.filter((m) => m.name !== null).length;
      expect(named / navigation.length).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('has both navigations of a two-page visit, with their phases', () => {
    expect(visit.metadata.pages.map((p) => [p.url, p.status, p.error])).toEqual([
      [NAVER, 200, null],
      [NEWS, 200, null],
    ]);
    const urls = visitTrace.navigations.map((n) => n.url);
    expect(urls).toContain(NAVER);
    expect(urls).toContain(NEWS);
    for (const url of [NAVER, NEWS]) {
      const navigation = visitTrace.navigations.find((n) => n.url === url)!;
      expect(navigation.navigationId).not.toBeNull();
      expect(navigation.end).not.toBeNull();
      const phases = navigation.phases.map((p) => p.name);
      expect(phases).toEqual(expect.arrayContaining(['BeginNavigationToLoaderStart', 'CommitToDidCommit']));
    }
    expect(
      visitTrace.mojoMessages.filter((m) => m.name === 'NavigationClient.CommitNavigation' && !m.isReply).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('records the network steps in the trace and a NetLog of the same loads', () => {
    const steps = new Set(singleTrace.netLog.map((e) => e.name));
    for (const step of ['HOST_RESOLVER_MANAGER_REQUEST', 'CONNECT_JOB', 'SSL_CONNECT', 'HTTP_STREAM_JOB_CONTROLLER'])
      expect(steps).toContain(step);
    expect(singleTrace.netLog.some((e) => e.url === NAVER)).toBe(true);
    const netLog = JSON.parse(new TextDecoder().decode(single.netLog)) as {
      constants: { logEventTypes: Record<string, number> };
      events: { type: number; params?: { url?: string } }[];
    };
    const start = netLog.constants.logEventTypes.URL_REQUEST_START_JOB;
    expect(netLog.events.some((e) => e.type === start && e.params?.url === NAVER)).toBe(true);
    expect(single.metadata.netLog.bytes).toBe(single.netLog.byteLength);
  });

  it('reaches lab hosts over http too, keeps the lab’s broken certificates broken and resolves no other name', () => {
    expect(
      edges.metadata.pages.map((p) => [p.url, p.status, p.title, p.error?.match(/net::\w+/)?.[0] ?? null]),
    ).toEqual([
      ['http://www.google.com/', 200, 'Google — NavScope lab', null],
      ['https://expired.badssl-lab.com/', null, null, 'net::ERR_CERT_AUTHORITY_INVALID'],
      ['https://www.example.com/', null, null, 'net::ERR_NAME_NOT_RESOLVED'],
    ]);
  });

  it('leaves no folder behind', () => {
    expect(recorderDirs()).toEqual(dirsBefore);
  });
});
