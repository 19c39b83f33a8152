import { describe, expect, it } from 'vitest';
import { compareMessageSequences, messageConversations } from '../../../shared/trace/messageSequence.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';

let seq = 0;
function message(name: string, from: string, to: string, route: string | null, payload: unknown = {}): TraceEvent {
  return {
    type: 'message',
    seq: seq++,
    ts: seq,
    endpoint: to,
    flowId: `f${seq}`,
    name,
    from,
    to,
    fromPid: 1,
    fromThread: 't',
    toPid: 2,
    toThread: 't',
    route,
    sentAt: seq,
    deliveredAt: seq,
    summary: '',
    payload: payload as never,
  };
}

const start = (route: string, url: string, from = 'renderer:1') =>
  message('URLLoaderFactory.CreateLoaderAndStart', from, 'network', route, { requestId: route, request: { url } });

describe('message conversations', () => {
  it('names loaders by URL and renderers by role, and counts a run of body chunks once', () => {
    const events = [
      start('r7', 'https://a.test/x.css', 'renderer:3'),
      message('DataPipe.Write', 'network', 'renderer:3', 'r7'),
      message('DataPipe.Write', 'network', 'renderer:3', 'r7'),
      message('URLLoaderClient.OnComplete', 'network', 'renderer:3', 'r7'),
    ];
    expect(messageConversations(events)).toEqual(
      new Map([
        [
          'loader https://a.test/x.css',
          [
            'URLLoaderFactory.CreateLoaderAndStart renderer→network',
            'DataPipe.Write network→renderer',
            'URLLoaderClient.OnComplete network→renderer',
          ],
        ],
      ]),
    );
  });

  it('accepts concurrent loads interleaved differently, and points at the first difference otherwise', () => {
    const a = [
      start('r1', 'https://a.test/1'),
      start('r2', 'https://a.test/2'),
      message('DataPipe.Write', 'network', 'renderer:1', 'r1'),
      message('DataPipe.Write', 'network', 'renderer:1', 'r2'),
    ];
    const b = [
      start('q2', 'https://a.test/2'),
      message('DataPipe.Write', 'network', 'renderer:2', 'q2'),
      start('q1', 'https://a.test/1'),
      message('DataPipe.Write', 'network', 'renderer:2', 'q1'),
      message('DataPipe.Write', 'network', 'renderer:2', 'q1'),
    ];
    expect(compareMessageSequences(a, b)).toEqual([]);
    const c = [
      start('q1', 'https://a.test/1'),
      message('URLLoaderClient.OnComplete', 'network', 'renderer:2', 'q1'),
      message('FrameHost.DidStopLoading', 'renderer:2', 'browser', null),
    ];
    expect(compareMessageSequences(a, c)).toEqual([
      'loader https://a.test/1: message 2 is DataPipe.Write network→renderer in the first run, URLLoaderClient.OnComplete network→renderer in the second',
      'loader https://a.test/2: only in the first run (URLLoaderFactory.CreateLoaderAndStart renderer→network, DataPipe.Write network→renderer)',
      'frame: only in the second run (FrameHost.DidStopLoading renderer→browser)',
    ]);
  });
});
