/**
 * The fault-injecting lab scenarios, each run through the real browser against the
 * real lab: a clear net error, the trace up to the fault intact, and the browser ready
 * for the next navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { LAB_SCENARIOS } from '../../../electron/lab/labScenarios.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { messages, navigateAndCollect, ofType } from '../support/browserHarness.js';

interface Expected {
  /** The navigation result: failed before commit, or committed and then the body failed. */
  outcome: 'failed' | 'load-failed';
  error: string;
  /** What the trace must hold up to the fault. */
  trace: (events: readonly TraceEvent[]) => void;
}

const committedThenFailed = (events: readonly TraceEvent[]): void => {
  expect(messages(events, 'NavigationClient.CommitNavigation:reply')).toHaveLength(1);
  expect(messages(events, 'LocalFrameHost.DidFailLoadWithError')).toHaveLength(1);
  expect(messages(events, 'LocalFrameHost.DidFinishLoad')).toHaveLength(0);
  // The page keeps what arrived: a document was built from it.
  expect(ofType(events, 'renderer.document')).toHaveLength(1);
};

const EXPECTED: Record<string, Expected> = {
  'fault-dns-malformed': {
    outcome: 'failed',
    error: 'ERR_DNS_TIMED_OUT',
    trace: (events) =>
      expect(ofType(events, 'dns.ignored').map((e) => e.reason)).toContain('it does not decode as a DNS message'),
  },
  'fault-dns-wrong-id': {
    outcome: 'failed',
    error: 'ERR_DNS_TIMED_OUT',
    trace: (events) => expect(ofType(events, 'dns.ignored')[0]?.reason).toMatch(/transaction id \d+ was never sent/),
  },
  'fault-dns-referral-loop': {
    outcome: 'failed',
    error: 'ERR_NAME_RESOLUTION_FAILED',
    trace: (events) =>
      expect(
        ofType(events, 'dns.response').filter((r) => r.authorities.some((a) => a.name.startsWith('loop.naver.com')))
          .length,
      ).toBeGreaterThan(10),
  },
  'fault-dns-truncated': {
    outcome: 'failed',
    error: 'ERR_DNS_MALFORMED_RESPONSE',
    trace: (events) => expect(ofType(events, 'dns.response').some((r) => r.truncated)).toBe(true),
  },
  'fault-http-garbage-status': {
    outcome: 'failed',
    error: 'ERR_INVALID_HTTP_RESPONSE',
    trace: (events) => expect(ofType(events, 'http.request').length).toBeGreaterThan(0),
  },
  'fault-http-huge-header': {
    outcome: 'failed',
    error: 'ERR_RESPONSE_HEADERS_TOO_BIG',
    trace: (events) => expect(ofType(events, 'http.request').length).toBeGreaterThan(0),
  },
  'fault-http-broken-chunked': {
    outcome: 'failed',
    error: 'ERR_INVALID_CHUNKED_ENCODING',
    trace: (events) => expect(ofType(events, 'http.request').length).toBeGreaterThan(0),
  },
  'fault-http-truncated-body': {
    outcome: 'load-failed',
    error: 'ERR_CONTENT_LENGTH_MISMATCH',
    trace: committedThenFailed,
  },
  'fault-http-reset': { outcome: 'load-failed', error: 'ERR_CONNECTION_RESET', trace: committedThenFailed },
  'fault-http-one-byte-a-second': {
    outcome: 'failed',
    error: 'ERR_TIMED_OUT',
    trace: (events) => expect(ofType(events, 'http.response')).toHaveLength(0),
  },
  'fault-http-decompression-bomb': {
    outcome: 'load-failed',
    error: 'ERR_CONTENT_DECODING_FAILED',
    trace: (events) => {
      committedThenFailed(events);
      // Far less than the gigabyte reached the renderer.
      const written = messages(events, 'DataPipe.Write').length;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(1000);
    },
  },
  'fault-tls-handshake-abort': {
    outcome: 'failed',
    error: 'ERR_CONNECTION_RESET',
    trace: (events) => expect(ofType(events, 'http.request')).toHaveLength(0),
  },
};

describe('fault-injecting lab scenarios', () => {
  let session: BrowserSession | undefined;
  const browser = (): BrowserSession => {
    if (!session) throw new Error('the lab browser did not start');
    return session;
  };
  beforeAll(async () => {
    // Short DNS and response-head timeouts keep the silent faults quick.
    session = await BrowserSession.start({ lab: true, timeouts: { dnsAttemptMs: 300, responseHeadMs: 3_000 } });
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
  });

  const scenarios = LAB_SCENARIOS.filter((s) => s.id.startsWith('fault-'));

  it('every fault scenario has an expectation here', () => {
    expect(scenarios.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: ${scenario.input} ends in a clear net error, with its trace, and the browser goes on`, async () => {
      const expected = EXPECTED[scenario.id]!;
      const { result, events } = await navigateAndCollect(browser(), scenario.input, 30_000);
      expect(result.outcome).toBe(expected.outcome);
      expect(result.netError?.name).toBe(expected.error);
      expect(result.message).toContain(expected.error);
      // The navigation has one end, and the trace holds the steps up to the fault.
      const ends = ofType(events, 'navigation.end');
      expect(ends).toHaveLength(1);
      if (expected.outcome === 'failed') {
        expect(ends[0]?.netError?.name).toBe(expected.error);
        // The tab shows an error page committed in the error-page process.
        expect(messages(events, 'NavigationClient.CommitFailedNavigation')).toHaveLength(1);
      } else {
        expect(ends[0]?.outcome).toBe('committed');
        const loadError = ofType(events, 'state')
          .filter((s) => s.field === 'loadError')
          .at(-1);
        expect(loadError?.value).toMatchObject({ error: expected.error });
      }
      expected.trace(events);
      expect(ofType(events, 'process.crash')).toEqual([]);
      const next = await navigateAndCollect(browser(), 'www.google.com');
      expect(next.result.outcome).toBe('loaded');
    }, 40_000);
  }

  it('recorded, through all of them, only events the window shows as they are', () => {
    for (const event of browser().browser.recorder.events)
      expect(traceEventProblem(event), `${event.seq} ${event.type}`).toBeNull();
  });
});
