import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { messages, navigateAndCollect, ofType } from '../support/browserHarness.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

/** The lab scenarios of the network stack, each a real navigation through real sockets. */
describe('network scenarios against the lab', () => {
  let session: BrowserSession;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = temporaryFolder('navscope-profile-');
    session = await BrowserSession.start({ lab: true, dataDir, timeouts: { responseHeadMs: 1500, dnsAttemptMs: 400 } });
  });
  afterAll(async () => {
    await session?.stop();
  });

  const go = (input: string) => navigateAndCollect(session, input);

  it('HSTS preload: www.google.com is upgraded by an internal 307 before any DNS', async () => {
    const { result, events } = await go('www.google.com');
    expect(result.outcome).toBe('loaded');
    expect(result.url).toBe('https://www.google.com/');
    const upgrade = ofType(events, 'hsts.upgrade')[0]!;
    expect(upgrade).toMatchObject({
      from: 'http://www.google.com/',
      to: 'https://www.google.com/',
      source: 'preload',
      matchedHost: 'google.com',
    });
    const redirect = messages(events, 'URLLoaderClient.OnReceiveRedirect')[0]!;
    expect(redirect.summary).toBe('307 Internal Redirect → https://www.google.com/');
    expect(JSON.stringify(redirect.payload)).toContain('Non-Authoritative-Reason');
    // No packet for the http URL: the first DNS query comes after the upgrade.
    expect(ofType(events, 'dns.query')[0]!.seq).toBeGreaterThan(upgrade.seq);
    expect(ofType(events, 'http.request').every((r) => r.url.startsWith('https://'))).toBe(true);
    const tls = ofType(events, 'span.end').find((s) => s.args.protocol !== undefined)!;
    expect(tls.args).toMatchObject({ protocol: expect.stringMatching(/^TLSv1\.[23]$/), alpn: 'http/1.1' });
  });

  it('HSTS learned from a header: after an https visit, http:// is upgraded internally (and it persists)', async () => {
    const first = await go('https://www.naver.com/hsts');
    expect(first.result.outcome).toBe('loaded');
    expect(ofType(first.events, 'hsts.learned')[0]).toMatchObject({ host: 'www.naver.com', removed: false });
    const second = await go('http://www.naver.com/news');
    expect(second.result.url).toBe('https://www.naver.com/news');
    expect(ofType(second.events, 'hsts.upgrade')[0]).toMatchObject({ source: 'learned', matchedHost: 'www.naver.com' });
  });

  it('redirect (cross-site): the browser follows it and the new site gets its own renderer process', async () => {
    const { result, events } = await go('http://www.naver.com/go/google');
    expect(result.url).toBe('https://www.google.com/');
    const statuses = messages(events, 'URLLoaderClient.OnReceiveRedirect').map((m) => m.summary);
    expect(statuses.some((s) => s.startsWith('302'))).toBe(true);
    expect(ofType(events, 'span.begin').find((s) => s.name.startsWith('Redirect 302'))!.args).toMatchObject({
      crossSite: true,
    });
    const commit = messages(events, 'NavigationClient.CommitNavigation')[0]!;
    const google = session.browser.renderProcesses.find((p) => p.site === 'https://google.com');
    expect(commit.to).toBe(google?.endpointId);
  });

  it('NXDOMAIN: ERR_NAME_NOT_RESOLVED, with the TLD server’s answer in the trace', async () => {
    const { result, events } = await go('www.no-such-site-lab.com');
    expect(result.outcome).toBe('failed');
    expect(result.netError?.name).toBe('ERR_NAME_NOT_RESOLVED');
    expect(ofType(events, 'dns.response').at(-1)).toMatchObject({ rcode: 'NXDOMAIN' });
  });

  it('CNAME chain: cname.naver.com → alias1.naver.com → www.naver.com', async () => {
    const { result, events } = await go('http://cname.naver.com/');
    expect(result.outcome).toBe('loaded');
    const answers = ofType(events, 'dns.response').flatMap((r) => r.answers);
    expect(answers.filter((a) => a.type === 'CNAME').map((a) => a.data.replace(/\.$/, ''))).toEqual(
      expect.arrayContaining(['alias1.naver.com', 'www.naver.com']),
    );
    expect(ofType(events, 'dns.result')[0]).toMatchObject({ host: 'cname.naver.com', addresses: ['127.80.0.1'] });
  });

  it('glueless referral: the resolver first finds the name server’s address, then the host', async () => {
    const { result, events } = await go('http://www.glueless-lab.com/');
    expect(result.outcome).toBe('loaded');
    const questions = ofType(events, 'dns.query').map((q) => q.question.name.replace(/\.$/, ''));
    expect(questions).toContain('ns.lab-dns.net');
    expect(questions.at(-1)).toBe('www.glueless-lab.com');
  });

  it('slow server: no response head in time → ERR_TIMED_OUT', async () => {
    const { result, events } = await go('http://www.naver.com/slow-head');
    expect(result.outcome).toBe('failed');
    expect(result.netError?.name).toBe('ERR_TIMED_OUT');
    expect(
      ofType(events, 'span.end').some((s) => s.status === 'error' && /no complete response head/.test(s.error ?? '')),
    ).toBe(true);
  });

  it('connection refused: ERR_CONNECTION_REFUSED (after the https attempt falls back to http)', async () => {
    const { result, events } = await go('refused.naver.com');
    expect(result.netError?.name).toBe('ERR_CONNECTION_REFUSED');
    expect(ofType(events, 'https.upgrade').map((u) => u.outcome)).toEqual(['upgraded', 'fallback']);
  });

  it.each([
    ['https://expired.badssl-lab.com/', 'ERR_CERT_DATE_INVALID'],
    ['https://wrong-host.badssl-lab.com/', 'ERR_CERT_COMMON_NAME_INVALID'],
    ['https://untrusted-root.badssl-lab.com/', 'ERR_CERT_AUTHORITY_INVALID'],
  ])('certificate error at %s: %s, an interstitial, and no request byte sent', async (url, error) => {
    const { result, events } = await go(url);
    expect(result.outcome).toBe('failed');
    expect(result.netError?.name).toBe(error);
    expect(ofType(events, 'http.request')).toEqual([]);
    const ssl = ofType(events, 'span.end').find((s) => s.status === 'error' && Array.isArray(s.args.chain))!;
    expect((ssl.args.chain as unknown[]).length).toBeGreaterThan(0);
    expect(
      ofType(events, 'state')
        .filter((s) => s.field === 'interstitial')
        .at(-1)?.value,
    ).toMatchObject({ kind: 'certificate', error });
  });

  it('redirect loop: ERR_TOO_MANY_REDIRECTS after 20 hops, each hop in the trace', async () => {
    const { result, events } = await go('http://www.naver.com/loop');
    expect(result.netError?.name).toBe('ERR_TOO_MANY_REDIRECTS');
    const hops = messages(events, 'URLLoaderClient.OnReceiveRedirect').filter((m) => m.summary.startsWith('302'));
    expect(hops.length).toBe(20);
  });

  it('cookie round trip: Set-Cookie is stored, then sent back', async () => {
    const set = await go('http://www.naver.com/cookie/set');
    const stored = ofType(set.events, 'cookie.stored')[0]!;
    expect(
      stored.cookies
        .filter((c) => c.stored)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['lab_session', 'lab_theme']);
    const show = await go('http://www.naver.com/cookie/show');
    expect(ofType(show.events, 'cookie.sent')[0]!.names.sort()).toEqual(['lab_session', 'lab_theme']);
    expect(ofType(show.events, 'http.request').find((r) => r.url.endsWith('/cookie/show'))!.raw).toMatch(
      /\r\nCookie: .*lab_session=/,
    );
  });

  it('HTTP cache: a second visit revalidates with a 304 and serves fresh entries without the network', async () => {
    await go('http://www.naver.com/cached/page');
    const { events } = await go('http://www.naver.com/cached/page');
    const lookups = ofType(events, 'cache.lookup');
    expect(lookups.some((l) => l.url.endsWith('/cached/etag.css') && l.outcome === 'revalidated')).toBe(true);
    expect(lookups.some((l) => l.url.endsWith('/cached/max-age.js') && l.outcome === 'fresh')).toBe(true);
    expect(ofType(events, 'http.response').some((r) => r.statusLine.includes('304'))).toBe(true);
    expect(ofType(events, 'http.request').some((r) => r.url.endsWith('/cached/max-age.js'))).toBe(false);
    expect(messages(events, 'URLLoaderClient.OnReceiveResponse').some((m) => m.summary.endsWith('(from cache)'))).toBe(
      true,
    );
  });

  it.each(['gzip', 'br'])('%s bodies are decoded before the renderer parses them', async (encoding) => {
    const { result, events } = await go(`http://www.naver.com/${encoding}`);
    expect(result.outcome).toBe('loaded');
    expect(
      ofType(events, 'http.response').find((r) => r.rawHeaders.toLowerCase().includes(`content-encoding: ${encoding}`)),
    ).toBeDefined();
    const doc = ofType(events, 'renderer.document').at(-1)!;
    expect(doc.elementCount).toBeGreaterThan(3);
    const complete = messages(events, 'URLLoaderClient.OnComplete').find(
      (m) =>
        (m.payload as { status?: { decodedBodyLength?: number; encodedBodyLength?: number } }).status !== undefined,
    )!;
    const status = (complete.payload as { status: { decodedBodyLength: number; encodedBodyLength: number } }).status;
    expect(status.decodedBodyLength).toBeGreaterThan(status.encodedBodyLength);
  });

  it('socket reuse: a second request to the same origin reuses the keep-alive connection', async () => {
    const { events } = await go('https://www.naver.com/');
    const requests = ofType(events, 'http.request');
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.some((r) => r.reused)).toBe(true);
    const reusedIds = new Set(requests.filter((r) => r.reused).map((r) => r.connectionId));
    expect([...reusedIds].every((id) => requests.some((r) => r.connectionId === id && !r.reused) || id > 0)).toBe(true);
  });
});
