/**
 * Every sentence the model writes into the trace and the window shows — message
 * summaries, why an input was classified so, the MIME rule, the decision, the process
 * choice, ORB verdicts, cache decisions, net error details — has a Korean form. The
 * lab's scenarios are run for real and every such text they produce is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { classifyOmniboxInput } from '../../../shared/web/index.js';
import { hasKoreanForm, localizeText } from '../../../shared/trace/modelTextKo.js';

/** The texts of an event the window shows in the words the model wrote. */
function shownTexts(event: TraceEvent): string[] {
  switch (event.type) {
    case 'message':
      // Subresource summaries are URLs with a status or size (data), except their destination, handled by a rule.
      return [event.summary];
    case 'omnibox.classified':
    case 'navigation.decision':
    case 'process.assigned':
    case 'process.discarded':
    case 'corb.decision':
    case 'cache.lookup':
    case 'https.upgrade':
    case 'dns.ignored':
      return [event.reason];
    case 'process.exit':
    case 'process.crash':
      return [event.reason];
    case 'mime.sniffed':
      return [event.rule];
    case 'navigation.end':
      return event.netError ? [event.netError.detail] : [];
    case 'span.end':
      return event.error ? [event.error] : [];
    case 'renderer.script':
      return event.blockedReason ? [event.blockedReason] : [];
    case 'state':
      return (event.field === 'loadError' || event.field === 'interstitial') &&
        event.value &&
        typeof event.value === 'object'
        ? [String((event.value as { detail?: unknown }).detail ?? '')].filter(Boolean)
        : [];
    default:
      return [];
  }
}

/** Texts that are data, not sentences (a URL, a page title, a byte count). */
const DATA = [
  /^\S+$/, // one word: a URL, a title, a reason code (clean-exit)
  /^"[^"]*"$/, // a page title
  /^OK, [\d.]+ K?B$/, // a load that completed
  /^\S+ [\d.]+ K?B$/, // a URL and its size
  /^\d{3} .*\S+\/\S+$/, // a status and a MIME type
  /^\S+ (\(\d{3}\)|ERR_\w+)$/, // a URL and its status or net error
  /^\S+: [A-Z_]+$/, // a host and the TLS library's or the socket's error code
];
const isData = (text: string) => DATA.some((pattern) => pattern.test(text));

describe('the model’s sentences in Korean', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.start({ lab: true, spareRenderer: true, speculativeProcesses: true });
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
  });

  it('has a Korean form for every one the lab scenarios produce', async () => {
    const inputs = session
      .hostInfo('web')
      .scenarios.map((s) => s.input)
      .filter((input) => !/one-byte|slow-head|silent|malformed\.|wrong-id/.test(input));
    for (const input of [...inputs, 'naver.com/없는페이지'])
      await Promise.race([
        session.browser.webContents.navigateFromOmnibox(input),
        new Promise((resolve) => setTimeout(resolve, 15_000)),
      ]);
    const missing = new Set<string>();
    for (const event of session.browser.recorder.events)
      for (const text of shownTexts(event))
        if (!isData(text) && !hasKoreanForm(text)) missing.add(`${event.type}: ${text}`);
    // Joined, so that a failure names the sentence.
    expect([...missing].join('\n')).toBe('');
  }, 300_000);

  it('has a Korean form for every reason the omnibox gives', () => {
    const inputs = [
      'www.naver.com',
      'what is dns',
      'naver',
      'http://naver',
      'https://www.naver.com/a?b#c',
      '127.0.0.1',
      '[::1]',
      '0.1.2.3',
      '1.2',
      'localhost',
      'localhost:8080',
      'user@example.com',
      'user:pass@example.com',
      'site:naver.com dns',
      'javascript:hello world',
      'mailto:someone@example.com',
      'file:///tmp/x',
      '/tmp/x',
      'example.notatld',
      'example.invalid',
      'exa mple.com',
      '?what',
      'http:',
      'naver.com/',
      'example.local',
      'a b',
      'http://exa_mple.com',
    ];
    const missing = inputs
      .map((input) => classifyOmniboxInput(input).reason)
      .filter((reason) => !hasKoreanForm(reason));
    expect(missing).toEqual([]);
    expect(localizeText('".com" is a known top-level domain', 'ko')).toBe('".com"은(는) 알려진 최상위 도메인입니다');
    expect(localizeText('spinner stops', 'en')).toBe('spinner stops');
  });
});
