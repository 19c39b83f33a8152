import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldTrace } from '../../../shared/trace/browserViewState.js';
import { toChromeTrace } from '../../../shared/trace/chromeTraceExport.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { checkedTraceEvent, traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { readTraceFile } from '../../../shared/trace/traceFile.js';
import { malformedTraceEvent } from '../../faults/faultInputs.js';
import { seededRandom } from '../../faults/faultTally.js';

const DEMOS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/src/demos');
/** A demo trace's events as they are in the file (before the reader checks them). */
const demo = (name: string): TraceEvent[] =>
  (JSON.parse(readFileSync(path.join(DEMOS, name), 'utf8')) as { events: TraceEvent[] }).events;
const recorded = [...demo('www.naver.com.json'), ...demo('www.google.com.json')];

describe('the window checks every trace event it shows', () => {
  it('accepts every event of a real recorded trace as it is', () => {
    expect(recorded.length).toBeGreaterThan(300);
    for (const event of recorded) expect(traceEventProblem(event), `${event.seq} ${event.type}`).toBeNull();
  });

  it.each([
    ['not an object', 'a string', /not an object/],
    ['an unknown type', { type: 'made.up', ts: 1, endpoint: 'browser' }, /unknown type "made.up"/],
    [
      'a message without its summary',
      {
        type: 'message',
        ts: 1,
        endpoint: 'network',
        flowId: 'f',
        name: 'X.Y',
        from: 'network',
        to: 'browser',
        fromPid: 1,
        fromThread: 't',
        toPid: 1,
        toThread: 't',
        route: null,
        sentAt: 1,
        deliveredAt: 2,
        payload: {},
      },
      /summary: missing/,
    ],
    [
      'a DNS query whose server is a string',
      {
        type: 'dns.query',
        ts: 1,
        endpoint: 'network',
        queryId: 'q',
        host: 'h',
        server: 'ns1',
        question: {},
        transactionId: 1,
        size: 1,
        attempt: 1,
      },
      /server: expected an object, got string/,
    ],
    [
      'a timestamp that is not finite',
      { type: 'error', ts: Number.NaN, endpoint: 'browser', where: 'w', message: 'm' },
      /ts: NaN is not a number/,
    ],
  ])('refuses %s, naming the problem', (_what, raw, problem) => {
    expect(traceEventProblem(raw)).toMatch(problem);
    const shown = checkedTraceEvent(raw, 7);
    expect(shown).toMatchObject({ type: 'error', where: 'window', seq: 7 });
    expect(shown.type === 'error' && shown.message).toMatch(/^event #7 .* could not be shown: /);
  });

  it('a saved trace with a malformed event opens, with that event shown as an error in its place', () => {
    const events: unknown[] = recorded.slice(0, 40).map((e) => ({ ...e }));
    events[10] = { ...(events[10] as object), ts: 'later' };
    events[20] = { type: 'made.up', ts: 5, endpoint: 'browser' };
    expect(() => readTraceFile({ format: 'navscope-trace', version: 1, events })).toThrow(
      /event 10 .* no numeric timestamp/,
    );
    events[10] = recorded[10];
    const file = readTraceFile({ format: 'navscope-trace', version: 1, events });
    expect(file.events).toHaveLength(40);
    expect(file.events[20]).toMatchObject({ type: 'error', where: 'window', seq: 20 });
    expect(file.events[21]).toBe(events[21]);
  });

  it('1,000 malformed events folded into the views, text and exports: none throws, each becomes a recorded error', () => {
    const random = seededRandom(20261121);
    const types = [...new Set(recorded.map((e) => e.type))];
    let refused = 0;
    for (let round = 0; round < 50; round++) {
      const trace: TraceEvent[] = recorded.slice(0, 300).map((e) => e);
      for (let i = 0; i < 20; i++) {
        const at = random.int(trace.length);
        const raw = malformedTraceEvent(random, trace[at]!, types);
        const shown = checkedTraceEvent(raw, at);
        if (shown !== raw) refused++;
        trace[at] = shown;
      }
      const events = trace.map((e, seq) => (e.seq === seq ? e : { ...e, seq }));
      expect(() => foldTrace(events)).not.toThrow();
      expect(() => formatTimeline(events)).not.toThrow();
      expect(() => toHar(events)).not.toThrow();
      expect(() => toChromeTrace(events)).not.toThrow();
    }
    // Most mutations are caught; the rest (a wrong but well-kinded value) fold harmlessly.
    expect(refused).toBeGreaterThan(700);
  });
});
