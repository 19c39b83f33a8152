import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../../shared/trace/traceRecorder.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';

describe('TraceRecorder', () => {
  it('numbers events in the order it records them', () => {
    const recorder = new TraceRecorder();
    recorder.record({ type: 'error', ts: 5, endpoint: 'browser', where: 'a', message: 'one' });
    recorder.record({ type: 'error', ts: 3, endpoint: 'browser', where: 'a', message: 'two' });
    expect(recorder.events.map((e) => e.seq)).toEqual([0, 1]);
  });

  it("takes a child's records only of kinds its role produces and only in its own name", () => {
    const recorder = new TraceRecorder();
    recorder.ingest(
      'renderer:1',
      'renderer',
      [
        {
          type: 'span.begin',
          ts: 1,
          endpoint: 'renderer:1',
          spanId: 's',
          name: 'Parse HTML',
          category: 'renderer',
          phase: 'load',
          parentId: null,
          navigationId: null,
          requestId: null,
          args: {},
        },
        { type: 'dns.query', ts: 2, endpoint: 'renderer:1' },
        { type: 'span.end', ts: 3, endpoint: 'renderer:2', spanId: 's', status: 'ok', error: null, args: {} },
        'garbage',
      ],
      10,
    );
    expect(recorder.events.map((e) => e.type)).toEqual(['span.begin', 'ipc.rejected', 'ipc.rejected', 'ipc.rejected']);
  });

  it('stops at its limit with one visible marker', () => {
    const recorder = new TraceRecorder(3);
    for (let i = 0; i < 10; i++)
      recorder.record({ type: 'error', ts: i, endpoint: 'browser', where: 'x', message: String(i) });
    expect(recorder.events).toHaveLength(4);
    expect(recorder.events.at(-1)).toMatchObject({ type: 'error', where: 'trace recorder' });
    expect(recorder.dropped).toBe(7);
    expect(formatTimeline(recorder.events)).toHaveLength(4);
  });
});
