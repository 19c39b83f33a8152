import { describe, expect, it } from 'vitest';
import { messages, navigateAndCollect, ofType, useLabSession, waitForEvent } from '../support/browserHarness.js';

describe('a typed navigation across real threads, processes and sockets (lab)', () => {
  const session = useLabSession();

  it('loads www.naver.com through DNS, TCP, HTTP, a renderer process and commit, in order', async () => {
    const result = await session().browser.webContents.navigateFromOmnibox('www.naver.com');
    expect(result.outcome).toBe('loaded');
    // Typed without a scheme: HTTPS first (the lab serves https with its own CA).
    expect(result.url).toBe('https://www.naver.com/');
    const events = session().browser.recorder.events;
    const browserPid = ofType(events, 'trace.begin')[0]!.browserPid;

    const classified = ofType(events, 'omnibox.classified')[0]!;
    expect(classified.inputType).toBe('URL');

    const queries = ofType(events, 'dns.query');
    const roles = queries.map((q) => q.server.role);
    expect(roles).toEqual(['root', 'tld', 'authoritative']);
    expect(new Set(queries.map((q) => q.server.address)).size).toBe(3);
    const responses = ofType(events, 'dns.response');
    expect(responses.map((r) => r.rcode)).toEqual(['NOERROR', 'NOERROR', 'NOERROR']);
    expect(responses[2]!.answers[0]!.data).toBe('127.80.0.1');

    const connect = ofType(events, 'span.begin').find((s) => s.name === 'Initial connection')!;
    const request = ofType(events, 'http.request')[0]!;
    expect(request.raw.startsWith('GET / HTTP/1.1\r\nHost: www.naver.com\r\n')).toBe(true);
    const response = ofType(events, 'http.response')[0]!;
    expect(response.statusLine).toBe('HTTP/1.1 200 OK');

    // The renderer process starts when the navigation starts, in parallel with the request (as in Chromium).
    const launch = ofType(events, 'process.launch')[0]!;
    const spawn = ofType(events, 'process.spawn')[0]!;
    expect(spawn.pid).toBeGreaterThan(0);
    expect(spawn.pid).not.toBe(browserPid);
    expect(spawn.site).toBe('https://naver.com');

    const commit = messages(events, 'NavigationClient.CommitNavigation')[0]!;
    expect(commit.from).toBe('browser');
    expect(commit.to).toBe(spawn.processId);
    expect(commit.deliveredAt).toBeGreaterThanOrEqual(commit.sentAt);
    expect(commit).toMatchObject({
      fromPid: browserPid,
      fromThread: 'CrBrowserMain',
      toPid: spawn.pid,
      toThread: 'CrRendererMain',
    });
    const didCommit = messages(events, 'NavigationClient.CommitNavigation:reply')[0]!;

    const subresourceLoads = messages(events, 'URLLoaderFactory.CreateLoaderAndStart').filter(
      (m) => m.from === spawn.processId,
    );
    expect(subresourceLoads.length).toBeGreaterThanOrEqual(3);
    const completions = messages(events, 'URLLoaderClient.OnComplete').filter(
      (m) => m.to === spawn.processId && m.route !== 'browser/nav1',
    );
    expect(completions.length).toBe(subresourceLoads.length);
    expect(completions.every((m) => m.summary.startsWith('OK'))).toBe(true);
    const stop = messages(events, 'FrameHost.DidStopLoading')[0]!;

    expect(ofType(events, 'process.assigned').map((a) => a.how)).toEqual(['speculative', 'speculative']);
    expect(spawn.seq).toBeLessThan(commit.seq);
    const order = [
      classified,
      launch,
      queries[0]!,
      queries[1]!,
      queries[2]!,
      connect,
      request,
      response,
      commit,
      didCommit,
      subresourceLoads[0]!,
      stop,
    ].map((e) => e.seq);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // The address bar changes only after the renderer acknowledged the commit.
    const urlState = ofType(events, 'state').find((s) => s.field === 'url')!;
    expect(urlState.seq).toBeGreaterThan(didCommit.seq);
    expect(urlState.value).toBe('https://www.naver.com/');
    // The spinner runs from DidStartLoading to DidStopLoading.
    const loading = ofType(events, 'state').filter((s) => s.field === 'loading');
    expect(loading.map((s) => [s.value, s.cause])).toEqual([
      [true, 'DidStartLoading'],
      [false, 'DidStopLoading'],
    ]);
    // Every message crossed a boundary and was recorded once.
    const flows = ofType(events, 'message').map((m) => m.flowId);
    expect(new Set(flows).size).toBe(flows.length);
    expect(ofType(events, 'ipc.rejected')).toEqual([]);
    expect(ofType(events, 'error')).toEqual([]);
  });

  it('reuses the renderer process for a second page of the same site, and the host cache for DNS', async () => {
    const first = ofType(session().browser.recorder.events, 'process.spawn')[0]!;
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/news');
    expect(result.outcome).toBe('loaded');
    const commit = messages(events, 'NavigationClient.CommitNavigation')[0]!;
    expect(commit.to).toBe(first.processId);
    // http://naver.com is another site than https://naver.com until HSTS upgrades the request inside the
    // network service: the process started for it with the request is discarded, as Chromium does.
    for (const spawn of ofType(events, 'process.spawn'))
      expect(ofType(events, 'process.discarded').map((d) => d.processId)).toContain(spawn.processId);
    expect(messages(events, 'LocalFrame.BeforeUnload')[0]!.to).toBe(first.processId);
    expect(ofType(events, 'dns.cache')[0]!.outcome).toBe('hit');
    expect(ofType(events, 'dns.query')).toEqual([]);
    expect(ofType(events, 'http.request').some((r) => r.reused)).toBe(true);
  });

  it('gives another site a new renderer process and lets the old one exit', async () => {
    const old = ofType(session().browser.recorder.events, 'process.spawn')[0]!;
    const { result, events } = await navigateAndCollect(session(), 'www.google.com');
    expect(result.outcome).toBe('loaded');
    const spawn = ofType(events, 'process.spawn')[0]!;
    expect(spawn.site).toBe('https://google.com');
    expect(spawn.pid).not.toBe(old.pid);
    expect(messages(events, 'NavigationClient.CommitNavigation')[0]!.to).toBe(spawn.processId);
    // The naver.com process has no frame left: it is asked to shut down and exits cleanly.
    await waitForEvent(
      session(),
      (e) => e.type === 'process.exit' && e.processId === old.processId,
      'the naver.com process to exit',
    );
    const exit = ofType(session().browser.recorder.events, 'process.exit').find((e) => e.processId === old.processId)!;
    expect(exit.reason).toBe('clean-exit');
    expect(ofType(session().browser.recorder.events, 'process.crash')).toEqual([]);
  });

  it('follows a redirect as a new hop (naver.com → www.naver.com)', async () => {
    const { result, events } = await navigateAndCollect(session(), 'naver.com');
    expect(result.outcome).toBe('loaded');
    // naver.com → (HSTS learned from www.naver.com? no: naver.com itself is not HSTS) https first → 301 → www.naver.com.
    expect(result.url).toBe('https://www.naver.com/');
    const redirects = messages(events, 'URLLoaderClient.OnReceiveRedirect').map((m) => m.summary);
    expect(redirects).toContain('301 → https://www.naver.com/');
    expect(messages(events, 'URLLoader.FollowRedirect')).toHaveLength(redirects.length);
  });

  it('searches for text with an unpaired surrogate (found by the fault run) instead of throwing', async () => {
    const { result, events } = await navigateAndCollect(session(), 'broken \ud800 text');
    expect(result.outcome).toBe('loaded');
    expect(ofType(events, 'omnibox.classified')[0]?.url).toMatch(/search\?q=broken%20%EF%BF%BD%20text$/);
  });

  it('refuses an address over the URL length limit with a message that says so (found by the fault run)', async () => {
    const { result, events } = await navigateAndCollect(session(), `www.naver.com/${'a'.repeat(9000)}`);
    expect(result).toMatchObject({ outcome: 'invalid-input', navigationId: null });
    expect(result.message).toMatch(
      /the address is 9,0\d\d characters long: NavScope's limit is 8,192 \(Chromium's is 2 MiB\)/,
    );
    expect(ofType(events, 'span.end').at(-1)).toMatchObject({ status: 'error' });
    expect((await session().browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  });
});
