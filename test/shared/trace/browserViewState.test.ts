/**
 * The view fold's process states and background spans (issue 15, items 6 and 9).
 */
import { describe, expect, it } from 'vitest';
import { foldTrace } from '../../../shared/trace/browserViewState.js';
import type { TraceEvent, TraceEventBody } from '../../../shared/trace/traceEvent.js';

function trace(bodies: TraceEventBody[]): TraceEvent[] {
  return bodies.map((body, seq) => ({ ...body, seq, ts: 1000 + seq, endpoint: 'browser' }) as TraceEvent);
}

const launch = (processId: string, spare: boolean): TraceEventBody => ({
  type: 'process.launch',
  processId,
  site: spare ? 'spare' : 'https://a.test',
  serviceName: processId,
  spare,
});

describe('the view fold', () => {
  it('shows a process the browser discarded, then killed before it was ready, as exited, not crashed', () => {
    const state = foldTrace(
      trace([
        launch('renderer:1', false),
        { type: 'process.discarded', processId: 'renderer:1', site: 'https://a.test', reason: 'the navigation failed' },
        { type: 'process.crash', processId: 'renderer:1', pid: 7, code: null, signal: 'SIGKILL', reason: 'killed' },
        launch('renderer:2', false),
        { type: 'process.crash', processId: 'renderer:2', pid: 8, code: null, signal: 'SIGKILL', reason: 'killed' },
      ]),
    );
    expect(state.processes.find((p) => p.id === 'renderer:1')).toMatchObject({ state: 'exited' });
    expect(state.processes.find((p) => p.id === 'renderer:1')?.detail).toMatch(/discarded: the navigation failed/);
    // A kill nobody asked for is a crash.
    expect(state.processes.find((p) => p.id === 'renderer:2')).toMatchObject({ state: 'crashed' });
  });

  it('marks the spans the spare renderer begins before a navigation takes it as background work', () => {
    const span = (spanId: string, endpoint: string) =>
      ({
        type: 'span.begin',
        spanId,
        name: 'Load HTML and CSS parsers',
        category: 'renderer',
        phase: null,
        parentId: null,
        navigationId: null,
        requestId: null,
        args: {},
        endpoint,
      }) as TraceEventBody;
    const events = trace([
      launch('renderer:1', true),
      span('a', 'renderer:1'),
      { type: 'process.assigned', processId: 'renderer:1', pid: 5, site: 'https://a.test', how: 'spare', reason: '' },
      span('b', 'renderer:1'),
    ]).map((e) =>
      e.type === 'span.begin'
        ? { ...e, endpoint: e.spanId === 'a' || e.spanId === 'b' ? 'renderer:1' : e.endpoint }
        : e,
    );
    const state = foldTrace(events);
    expect(state.spans.map((s) => [s.spanId, s.background])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });
});
