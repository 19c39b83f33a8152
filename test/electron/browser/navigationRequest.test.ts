/**
 * NavigationRequest on its own, as Chromium's navigation_request_unittest drives it:
 * fakes for the transport, the processes and the frame, a real (in-memory) trace, and
 * no child process at all. Every outcome, and the states it passes through on the way.
 */
import { describe, expect, it } from 'vitest';
import type { DownloadEnd } from '../../../electron/browser/downloadManager.js';
import { BrowserTracing } from '../../../electron/browser/browserTracing.js';
import {
  type NavigationFrame,
  NavigationRequest,
  type NavigationServices,
  type NavigationTransport,
} from '../../../electron/browser/navigationRequest.js';
import { RenderFrameHost } from '../../../electron/browser/renderFrameHost.js';
import type { ProcessChoice, RendererProcess } from '../../../electron/browser/renderProcessHost.js';
import type { SafeBrowsingVerdict } from '../../../electron/browser/safeBrowsingDatabase.js';
import { SiteInstance } from '../../../electron/browser/siteInstance.js';
import type { MessageName, PayloadOf, ResponseHead } from '../../../shared/ipc/messageCatalogue.js';
import { noLoadTiming } from '../../../shared/net/loadTiming.js';
import { NET_ERRORS } from '../../../shared/net/netError.js';
import type { NavigationState } from '../../../shared/trace/navigationState.js';
import { TraceRecorder } from '../../../shared/trace/traceRecorder.js';

class FakeProcess implements RendererProcess {
  state: RendererProcess['state'] = 'ready';
  readonly pid = 4242;
  readonly frames = new Set<string>();
  holds = 0;
  private readonly gone = new Set<(host: RendererProcess) => void>();
  private fail: (error: Error) => void = () => undefined;
  readonly ready: Promise<void>;
  constructor(
    readonly endpointId: string,
    readonly site: string,
    launching = false,
  ) {
    if (launching) this.state = 'launching';
    this.ready = launching
      ? new Promise<void>((resolve, reject) => {
          this.fail = reject;
          this.becomeReady = () => {
            this.state = 'ready';
            resolve();
          };
        })
      : Promise.resolve();
    this.ready.catch(() => undefined);
  }
  becomeReady: () => void = () => undefined;
  get isReusable(): boolean {
    return this.state === 'ready' || this.state === 'launching';
  }
  holdForNavigation(): () => void {
    this.holds++;
    return () => void this.holds--;
  }
  onGone(listener: (host: RendererProcess) => void): () => void {
    this.gone.add(listener);
    return () => this.gone.delete(listener);
  }
  markUnresponsive(): void {}
  crash(): void {
    this.state = 'crashed';
    this.fail(new Error('crashed'));
    for (const listener of this.gone) listener(this);
  }
}

function responseHead(status = 200, headers: [string, string][] = [['Content-Type', 'text/html']]): ResponseHead {
  return {
    status,
    statusText: status === 200 ? 'OK' : 'Status',
    httpVersion: '1.1',
    headers,
    mimeType: headers.find(([n]) => n === 'Content-Type')?.[1] ?? '',
    charset: 'utf-8',
    contentLength: -1,
    remoteEndpoint: null,
    connectionReused: false,
    connectionId: 1,
    fromCache: false,
    timing: noLoadTiming(),
  };
}

/** A browser with no processes: what a navigation sends is recorded; the test answers. */
function harness(
  options: {
    current?: boolean;
    networkAttached?: boolean;
    unsafe?: boolean;
    speculative?: boolean;
    launching?: boolean;
    body?: string;
  } = {},
) {
  const recorder = new TraceRecorder();
  const tracing = new BrowserTracing(recorder);
  const sent: { to: string; name: MessageName; payload: unknown }[] = [];
  const listeners: ((name: MessageName, payload: unknown) => void)[] = [];
  const processes = new Map<string, FakeProcess>();
  const released: string[] = [];
  let counter = 0;
  const transport: NavigationTransport = {
    isAttached: () => options.networkAttached ?? true,
    holdRoute: () => undefined,
    moveRoute: () => undefined,
    dropRoute: () => undefined,
    heldBody: () => ({ bytes: new TextEncoder().encode(options.body ?? '<!doctype html><p>hi'), complete: true }),
    whenHeldBody: () => Promise.resolve(),
  };
  const choose = (site: string, purpose: 'commit' | 'speculative'): ProcessChoice => {
    const existing = processes.get(site);
    if (existing && existing.isReusable) return { host: existing, how: 'reused' };
    const host = new FakeProcess(`renderer:${++counter}`, site, options.launching);
    processes.set(site, host);
    return { host, how: purpose === 'speculative' ? 'speculative' : 'new' };
  };
  const services: NavigationServices = {
    browser: {
      send<N extends MessageName>(to: string, name: N, payload: PayloadOf<N>) {
        sent.push({ to, name, payload });
        for (const listener of [...listeners]) listener(name, payload);
      },
    },
    transport,
    clock: {
      setTimeout(fire, ms) {
        const handle = setTimeout(fire, ms);
        return { cancel: () => clearTimeout(handle) };
      },
    },
    tracing,
    processes: {
      processForSite: choose,
      hasProcessFor: (site) => processes.get(site)?.isReusable ?? false,
      releaseProcessIfUnused: (host, reason) => {
        if (host.frames.size === 0 && (host as FakeProcess).holds === 0) released.push(`${host.endpointId}: ${reason}`);
      },
    },
    safeBrowsing: {
      check: (url): SafeBrowsingVerdict => ({
        url,
        verdict: options.unsafe ? 'unsafe' : 'safe',
        threatType: options.unsafe ? 'MALWARE' : null,
        expressions: [],
      }),
    },
    downloads: {
      begin: (_id, url) => ({
        accepted: true,
        finished: Promise.resolve<DownloadEnd>({
          state: 'complete',
          path: `/downloads/${url.split('/').pop()}`,
          error: null,
        }),
      }),
    },
    speculativeProcesses: options.speculative ?? false,
    errorPages: true,
  };
  const commits: string[] = [];
  const currentProcess = new FakeProcess('renderer:0', 'https://old.test');
  const frame: NavigationFrame = {
    frameTreeNodeId: 1,
    currentFrameHost: options.current
      ? new RenderFrameHost('frame-0', currentProcess, new SiteInstance('https://old.test'))
      : null,
    frameHostFor(process, site) {
      const host = new RenderFrameHost(`frame-${++counter}`, process, new SiteInstance(site));
      process.frames.add(host.frameToken);
      return { frame: host, created: true };
    },
    safeBrowsingBypassed: () => false,
    didCommitNavigation: (_request, commit) => void commits.push(commit.url),
  };
  const on = (name: MessageName, answer: (payload: never) => void) =>
    listeners.push((sentName, payload) => {
      if (sentName === name) queueMicrotask(() => answer(payload as never));
    });
  const make = (url = 'https://www.naver.com/') =>
    new NavigationRequest(services, frame, { navigationId: 'nav1', url, transition: 'typed', input: url });
  const states = () =>
    recorder.events.flatMap((e) => (e.type === 'navigation.state' ? [e.to] : [])) as NavigationState[];
  const ends = () => recorder.events.filter((e) => e.type === 'navigation.end');
  const bugs = () => recorder.events.filter((e) => e.type === 'error' && /never should/.test(e.message));
  return { sent, on, make, states, ends, bugs, commits, released, processes, currentProcess, recorder, frame };
}

/** The network answers every request with this head (after any redirects). */
function respondWith(h: ReturnType<typeof harness>, request: NavigationRequest, head = responseHead()) {
  h.on('URLLoaderFactory.CreateLoaderAndStart', () =>
    request.onReceiveResponse({ requestId: request.requestId, head, bodyPipe: request.requestId }),
  );
}

/** The renderer acknowledges every commit. */
function acknowledgeCommits(h: ReturnType<typeof harness>, request: NavigationRequest) {
  const ack = (p: { navigationId: string; frameToken: string; url: string }) =>
    request.onCommitAck({
      navigationId: p.navigationId,
      frameToken: p.frameToken,
      url: p.url,
      origin: p.url,
      httpStatusCode: 200,
      mimeType: 'text/html',
    });
  h.on('NavigationClient.CommitNavigation', (p: PayloadOf<'NavigationClient.CommitNavigation'>) =>
    ack({ navigationId: p.navigationId, frameToken: p.frameToken, url: p.commonParams.url }),
  );
  h.on('NavigationClient.CommitFailedNavigation', (p: PayloadOf<'NavigationClient.CommitFailedNavigation'>) =>
    ack({ navigationId: p.navigationId, frameToken: p.frameToken, url: p.url }),
  );
}

describe('NavigationRequest (no processes: fakes for transport, processes and frame)', () => {
  it('commits: WILL_START_NAVIGATION → WILL_START_REQUEST → WILL_PROCESS_RESPONSE → READY_TO_COMMIT → DID_COMMIT', async () => {
    const h = harness();
    const request = h.make();
    respondWith(h, request);
    acknowledgeCommits(h, request);
    const outcome = await request.run();
    expect(outcome.outcome).toBe('committed');
    expect(h.states()).toEqual([
      'WILL_START_NAVIGATION',
      'WILL_START_REQUEST',
      'WILL_PROCESS_RESPONSE',
      'READY_TO_COMMIT',
      'DID_COMMIT',
    ]);
    expect(h.sent.map((m) => m.name)).toEqual([
      'URLLoaderFactory.CreateLoaderAndStart',
      'AgentSchedulingGroup.CreateView',
      'NavigationClient.CommitNavigation',
    ]);
    expect(h.commits).toEqual(['https://www.naver.com/']);
    expect(h.ends()).toMatchObject([{ outcome: 'committed', netError: null }]);
    expect(h.bugs()).toEqual([]);
  });

  it('asks the current document first (WAITING_FOR_RENDERER_RESPONSE); beforeunload saying stay cancels it', async () => {
    const h = harness({ current: true });
    const request = h.make();
    h.on('LocalFrame.BeforeUnload', () => request.onBeforeUnloadAck(false));
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'cancelled', reason: 'the page asked to stay (beforeunload)' });
    expect(h.states()).toEqual(['WAITING_FOR_RENDERER_RESPONSE', 'CANCELING']);
    expect(h.ends()).toMatchObject([{ outcome: 'no-commit' }]);
    expect(h.bugs()).toEqual([]);
  });

  it('follows redirects (WILL_REDIRECT_REQUEST, once per hop) before the response', async () => {
    const h = harness();
    const request = h.make('http://www.naver.com/go');
    let hops = 0;
    const next = () => {
      hops++;
      if (hops <= 2)
        request.onReceiveRedirect({
          requestId: request.requestId,
          redirect: { status: 302, newUrl: `https://www.naver.com/hop${hops}`, newMethod: 'GET' },
          head: responseHead(302),
        });
      else
        request.onReceiveResponse({ requestId: request.requestId, head: responseHead(), bodyPipe: request.requestId });
    };
    h.on('URLLoaderFactory.CreateLoaderAndStart', next);
    h.on('URLLoader.FollowRedirect', next);
    acknowledgeCommits(h, request);
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'committed', url: 'https://www.naver.com/hop2' });
    expect(request.redirects).toEqual(['http://www.naver.com/go', 'https://www.naver.com/hop1']);
    expect(h.states().filter((s) => s === 'WILL_REDIRECT_REQUEST')).toHaveLength(2);
    expect(h.bugs()).toEqual([]);
  });

  it('a net error: WILL_FAIL_REQUEST, then the error page commits (DID_COMMIT_ERROR_PAGE)', async () => {
    const h = harness();
    const request = h.make();
    h.on('URLLoaderFactory.CreateLoaderAndStart', () =>
      request.onComplete({
        requestId: request.requestId,
        status: {
          errorCode: NET_ERRORS.ERR_NAME_NOT_RESOLVED,
          errorName: 'ERR_NAME_NOT_RESOLVED',
          errorDetail: 'no such host',
          encodedDataLength: 0,
          encodedBodyLength: 0,
          decodedBodyLength: 0,
        },
      }),
    );
    acknowledgeCommits(h, request);
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'failed', errorPageCommitted: true });
    expect(h.states()).toEqual([
      'WILL_START_NAVIGATION',
      'WILL_START_REQUEST',
      'WILL_FAIL_REQUEST',
      'READY_TO_COMMIT',
      'DID_COMMIT_ERROR_PAGE',
    ]);
    expect(h.sent.map((m) => m.name)).toContain('NavigationClient.CommitFailedNavigation');
    expect(h.ends()).toMatchObject([{ outcome: 'failed', netError: { name: 'ERR_NAME_NOT_RESOLVED' } }]);
    expect(h.bugs()).toEqual([]);
  });

  it('a certificate error ends in WILL_FAIL_REQUEST with no error page (an interstitial is shown instead)', async () => {
    const h = harness();
    const request = h.make();
    h.on('URLLoaderFactory.CreateLoaderAndStart', () =>
      request.onComplete({
        requestId: request.requestId,
        status: {
          errorCode: NET_ERRORS.ERR_CERT_DATE_INVALID,
          errorName: 'ERR_CERT_DATE_INVALID',
          errorDetail: 'expired',
          encodedDataLength: 0,
          encodedBodyLength: 0,
          decodedBodyLength: 0,
        },
      }),
    );
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'failed', errorPageCommitted: false });
    expect(h.states().at(-1)).toBe('WILL_FAIL_REQUEST');
    expect(h.sent.map((m) => m.name)).not.toContain('NavigationClient.CommitFailedNavigation');
  });

  it('with the network service down, it fails at once (ERR_FAILED) without sending a request', async () => {
    const h = harness({ networkAttached: false });
    const request = h.make();
    acknowledgeCommits(h, request);
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'failed', netError: { name: 'ERR_FAILED' } });
    expect(h.sent.map((m) => m.name)).not.toContain('URLLoaderFactory.CreateLoaderAndStart');
  });

  it.each([
    ['a 204', { head: responseHead(204) }, 'no-commit'],
    [
      'a download (Content-Disposition: attachment)',
      {
        head: responseHead(200, [
          ['Content-Disposition', 'attachment; filename="a.zip"'],
          ['Content-Type', 'application/zip'],
        ]),
      },
      'download',
    ],
    ['a Safe Browsing hit', { head: responseHead(), unsafe: true }, 'blocked'],
  ] as const)('%s does not commit: CANCELING', async (_what, setup, expected) => {
    const h = harness({ unsafe: 'unsafe' in setup && setup.unsafe });
    const request = h.make();
    respondWith(h, request, setup.head);
    const outcome = await request.run();
    expect(outcome.outcome).toBe(expected);
    expect(h.states()).toEqual(['WILL_START_NAVIGATION', 'WILL_START_REQUEST', 'WILL_PROCESS_RESPONSE', 'CANCELING']);
    expect(h.sent.map((m) => m.name)).not.toContain('NavigationClient.CommitNavigation');
    expect(h.ends()).toMatchObject([{ outcome: 'no-commit' }]);
  });

  it('a newer navigation cancels it while the request is out: the loader is cancelled, CANCELING', async () => {
    const h = harness();
    const request = h.make();
    h.on('URLLoaderFactory.CreateLoaderAndStart', () => request.cancel('a new navigation started'));
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'cancelled', reason: 'a new navigation started' });
    expect(h.sent.map((m) => m.name)).toContain('URLLoader.Cancel');
    expect(h.states().at(-1)).toBe('CANCELING');
  });

  it('its renderer dying before the commit is acknowledged: CANCELING, renderer-crashed; the frame made for it is dropped', async () => {
    const h = harness();
    const request = h.make();
    respondWith(h, request);
    h.on('NavigationClient.CommitNavigation', () => {
      const host = [...h.processes.values()][0]!;
      host.crash();
      request.onProcessGone(host.endpointId);
    });
    const outcome = await request.run();
    expect(outcome.outcome).toBe('renderer-crashed');
    expect(h.states().slice(-2)).toEqual(['READY_TO_COMMIT', 'CANCELING']);
    expect([...h.processes.values()][0]!.frames.size).toBe(0);
    expect(h.ends()).toMatchObject([{ outcome: 'renderer-crashed' }]);
  });

  it('releases the speculative process it started when it is cancelled, and the process ends', async () => {
    const h = harness({ speculative: true });
    const request = h.make('https://www.google.com/');
    h.on('URLLoaderFactory.CreateLoaderAndStart', () => request.cancel('a new navigation started'));
    await request.run();
    expect(h.released).toEqual([`renderer:1: navigation nav1 was cancelled before it committed`]);
  });

  it('a fault inside NavScope ends the navigation as ERR_FAILED with its end recorded, once', async () => {
    const h = harness();
    const request = h.make();
    respondWith(h, request);
    h.on('AgentSchedulingGroup.CreateView', () => undefined);
    // A frame that throws while making the frame host: a bug, not the page's fault.
    h.frame.frameHostFor = () => {
      throw new Error('boom');
    };
    const outcome = await request.run();
    expect(outcome).toMatchObject({ outcome: 'failed', netError: { name: 'ERR_FAILED' } });
    expect(h.ends()).toHaveLength(1);
    expect(h.ends()[0]).toMatchObject({ outcome: 'failed' });
  });
});
