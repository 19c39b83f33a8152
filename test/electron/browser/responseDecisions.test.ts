import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { messages, navigateAndCollect, ofType, waitForEvent } from '../support/browserHarness.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const temp = temporaryFolder;

describe('reading the response: sniffing, Safe Browsing, downloads, error pages', () => {
  let session: BrowserSession;
  let downloadsDir: string;

  beforeAll(async () => {
    downloadsDir = temp('navscope-downloads-');
    session = await BrowserSession.start({ lab: true, downloadsDir });
    await session.browser.webContents.navigateFromOmnibox('https://www.naver.com/');
  });
  afterAll(async () => {
    await session?.stop();
  });

  const go = (input: string) => navigateAndCollect(session, input);
  const urlState = () =>
    ofType(session.browser.recorder.events, 'state')
      .filter((s) => s.field === 'url')
      .at(-1)?.value;

  it('a zip download: saved by the download manager with progress; nothing commits, the old page stays', async () => {
    const before = urlState();
    const { result, events } = await go('https://www.naver.com/download/report.zip');
    expect(result.outcome).toBe('download');
    expect(ofType(events, 'navigation.decision')[0]).toMatchObject({ decision: 'download' });
    expect(messages(events, 'NavigationClient.CommitNavigation')).toEqual([]);
    expect(urlState()).toBe(before);
    const end = ofType(events, 'download.end')[0]!;
    expect(end.state).toBe('complete');
    expect(path.dirname(end.path)).toBe(downloadsDir);
    expect(path.basename(end.path)).toBe('report.zip');
    const bytes = readFileSync(end.path);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(end.receivedBytes).toBe(bytes.byteLength);
    expect(ofType(events, 'mime.sniffed')[0]).toMatchObject({
      supplied: 'application/zip',
      computed: 'application/zip',
    });
  });

  it('a type the renderer cannot show downloads too, with progress events', async () => {
    const { result, events } = await go('https://www.naver.com/download/data.bin');
    expect(result.outcome).toBe('download');
    expect(ofType(events, 'download.progress').length).toBeGreaterThan(1);
    expect(readdirSync(downloadsDir)).toContain('data.bin');
  });

  it('a mislabeled type: binary bytes served as text/plain are sniffed as application/octet-stream (download)', async () => {
    const { result, events } = await go('https://www.naver.com/mime/binary-as-text');
    const sniffed = ofType(events, 'mime.sniffed')[0]!;
    expect(sniffed).toMatchObject({
      supplied: expect.stringMatching(/^text\/plain/),
      computed: 'application/octet-stream',
    });
    expect(sniffed.firstBytesHex.length).toBeGreaterThan(0);
    expect(result.outcome).toBe('download');
  });

  it('an unknown type is sniffed from the bytes: unknown/unknown → text/html, rendered', async () => {
    const { result, events } = await go('https://www.naver.com/mime/unknown-type');
    expect(ofType(events, 'mime.sniffed')[0]).toMatchObject({ computed: 'text/html' });
    expect(result.outcome).toBe('loaded');
  });

  it('nosniff: HTML labelled text/plain stays text/plain', async () => {
    const { result, events } = await go('https://www.naver.com/mime/nosniff-mislabeled');
    const sniffed = ofType(events, 'mime.sniffed')[0]!;
    expect(sniffed).toMatchObject({ noSniff: true, computed: 'text/plain' });
    expect(result.outcome).toBe('loaded');
    expect(messages(events, 'NavigationClient.CommitNavigation:reply')[0]!.summary).toContain('committed');
  });

  it('no Content-Type: the first bytes decide (text/html) and the page renders', async () => {
    const { result, events } = await go('https://www.naver.com/mime/no-content-type');
    const sniffed = ofType(events, 'mime.sniffed')[0]!;
    expect(sniffed).toMatchObject({ supplied: null, computed: 'text/html' });
    expect(sniffed.rule.length).toBeGreaterThan(10);
    expect(result.outcome).toBe('loaded');
    expect(ofType(events, 'renderer.document')[0]!.elementCount).toBeGreaterThan(3);
  });

  it('204 and 205 commit nothing', async () => {
    for (const code of [204, 205]) {
      const { result, events } = await go(`https://www.naver.com/status/${code}`);
      expect(result.outcome).toBe('no-commit');
      expect(ofType(events, 'navigation.decision')[0]).toMatchObject({ decision: 'no-commit' });
    }
  });

  it('a Safe Browsing hit: blocked with an interstitial; leaving goes back; proceeding loads the page', async () => {
    const blocked = await go('http://malware.testsafebrowsing-lab.com/');
    expect(blocked.result.outcome).toBe('blocked');
    const check = ofType(blocked.events, 'safebrowsing.check').find((c) => c.verdict === 'unsafe')!;
    expect(check.threatType).toBe('MALWARE');
    expect(
      check.expressions.some(
        (e) => e.expression === 'malware.testsafebrowsing-lab.com/' && e.prefixMatch && e.fullHashMatch,
      ),
    ).toBe(true);
    expect(messages(blocked.events, 'NavigationClient.CommitNavigation')).toEqual([]);
    const states = ofType(blocked.events, 'state');
    expect(states.find((s) => s.field === 'interstitial')?.value).toMatchObject({
      kind: 'safebrowsing',
      error: 'MALWARE',
    });
    expect(states.find((s) => s.field === 'security')?.value).toBe('dangerous');

    const beforeProceed = session.browser.recorder.events.length;
    const proceeded = await session.browser.webContents.proceedPastInterstitial();
    expect(proceeded?.outcome).toBe('loaded');
    const proceedEvents = session.browser.recorder.events.slice(beforeProceed);
    expect(ofType(proceedEvents, 'safebrowsing.check').find((c) => c.verdict === 'unsafe')!.bypassed).toBe(true);

    await go('http://phishing.testsafebrowsing-lab.com/');
    const before = session.browser.recorder.events.length;
    const left = await session.browser.webContents.goBack();
    expect(left?.outcome).toBe('loaded');
    const after = session.browser.recorder.events.slice(before);
    expect(ofType(after, 'state').find((s) => s.field === 'interstitial')?.value).toBeNull();
  });

  it('a path-prefix hit on an otherwise good site', async () => {
    const { result, events } = await go('http://www.naver.com/unsafe/payload.html');
    expect(result.outcome).toBe('blocked');
    expect(
      ofType(events, 'safebrowsing.check')
        .find((c) => c.verdict === 'unsafe')!
        .expressions.find((e) => e.fullHashMatch)!.expression,
    ).toBe('www.naver.com/unsafe/');
  });

  it('a network error commits an error page in the error-page process', async () => {
    const { result, events } = await go('www.no-such-site-lab.com');
    expect(result.outcome).toBe('failed');
    const commit = messages(events, 'NavigationClient.CommitFailedNavigation')[0]!;
    expect(commit.summary).toContain('ERR_NAME_NOT_RESOLVED');
    const assigned = ofType(events, 'process.assigned').find((a) => a.site === 'chrome-error://chromewebdata')!;
    expect(commit.to).toBe(assigned.processId);
    expect(messages(events, 'NavigationClient.CommitFailedNavigation:reply')[0]!.from).toBe(assigned.processId);
    // Typed without a scheme: tried over https first; a name that does not resolve has no http fallback either.
    expect(urlState()).toBe('https://www.no-such-site-lab.com/');
  });
});

describe('site isolation: spare and speculative processes, crashes, history', () => {
  let session: BrowserSession;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = temp('navscope-profile-');
    session = await BrowserSession.start({ lab: true, dataDir, spareRenderer: true, speculativeProcesses: true });
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('takes the spare process for the first site, then keeps a new spare ready', async () => {
    const spare = ofType(session.browser.recorder.events, 'process.launch').find((l) => l.spare)!;
    expect(spare).toBeDefined();
    const { result, events } = await navigateAndCollect(session, 'www.naver.com');
    expect(result.outcome).toBe('loaded');
    expect(ofType(events, 'process.assigned').find((a) => a.site === 'https://naver.com')).toMatchObject({
      processId: spare.processId,
      how: 'spare',
    });
    expect(messages(events, 'NavigationClient.CommitNavigation')[0]!.to).toBe(spare.processId);
    await waitForEvent(session, (e) => e.type === 'process.launch' && e.spare && e.seq > spare.seq, 'a new spare');
  });

  it('discards the speculative process after a cross-site redirect', async () => {
    await navigateAndCollect(session, 'www.google.com');
    const { result, events } = await navigateAndCollect(session, 'http://www.naver.com/go/google');
    expect(result.outcome).toBe('loaded');
    const speculative = ofType(events, 'process.assigned').find(
      (a) => a.site === 'https://naver.com' || a.site === 'http://naver.com',
    )!;
    expect(speculative).toBeDefined();
    expect(ofType(events, 'process.discarded').find((d) => d.processId === speculative.processId)!.reason).toMatch(
      /redirect changed the site/,
    );
    const google = session.browser.renderProcesses.find((p) => p.site === 'https://google.com')!;
    expect(messages(events, 'NavigationClient.CommitNavigation')[0]!.to).toBe(google.endpointId);
  });

  it('a killed renderer shows a sad tab, keeps the trace, and reload starts a new process', async () => {
    const victim = session.browser.renderProcesses.find((p) => p.site === 'https://google.com')!;
    expect(session.browser.killRenderer(victim.endpointId)).toBe(true);
    await waitForEvent(session, (e) => e.type === 'process.crash' && e.processId === victim.endpointId, 'the crash');
    expect(
      ofType(session.browser.recorder.events, 'state')
        .filter((s) => s.field === 'crashed')
        .at(-1)!.value,
    ).toBe(true);
    const before = session.browser.recorder.events.length;
    const reloaded = await session.browser.webContents.reload();
    expect(reloaded?.outcome).toBe('loaded');
    const commit = messages(session.browser.recorder.events.slice(before), 'NavigationClient.CommitNavigation')[0]!;
    expect(commit.to).not.toBe(victim.endpointId);
  });

  it('reports a renderer that stops answering as unresponsive, and responsive again', async () => {
    await navigateAndCollect(session, 'www.naver.com');
    // The process holding the page (not, say, a speculative one on its way out).
    const naver = session.browser.webContents.currentFrame!.process;
    expect(naver.site).toBe('https://naver.com');
    process.kill(naver.pid!, 'SIGSTOP');
    try {
      const navigation = session.browser.webContents.navigateFromOmnibox('https://www.naver.com/news');
      await waitForEvent(
        session,
        (e) => e.type === 'process.unresponsive' && e.processId === naver.endpointId,
        'unresponsive',
      );
      process.kill(naver.pid!, 'SIGCONT');
      await waitForEvent(
        session,
        (e) => e.type === 'process.responsive' && e.processId === naver.endpointId,
        'responsive',
      );
      expect((await navigation).outcome).toBe('loaded');
    } finally {
      process.kill(naver.pid!, 'SIGCONT');
    }
  });

  it('restores session history after a restart of the host', async () => {
    const entries = session.browser.webContents.controller.snapshot();
    expect(entries.entries.length).toBeGreaterThan(2);
    await session.stop();
    expect(existsSync(path.join(dataDir, 'session.json'))).toBe(true);
    session = await BrowserSession.start({ lab: true, dataDir });
    const restored = session.browser.webContents.controller.snapshot();
    expect(restored).toEqual(entries);
    expect(ofType(session.browser.recorder.events, 'state').find((s) => s.field === 'history')?.cause).toMatch(
      /restored/,
    );
    const back = await session.browser.webContents.goBack();
    expect(back?.outcome).toBe('loaded');
    expect(back?.url).toBe(entries.entries[entries.index - 1]!.url);
  });
});
