import { describe, expect, it } from 'vitest';
import type { ChildChannel } from '../../../electron/browser/messageRouter.js';
import { ofType, useLabSession, waitForEvent } from '../support/browserHarness.js';

const garbage: unknown[] = [
  null,
  42,
  'hello',
  { kind: 'message' },
  {
    kind: 'message',
    envelope: {
      v: 1,
      flowId: 'x',
      name: 'Nope.Nope',
      from: 'browser',
      to: 'network',
      route: null,
      sentAt: 1,
      payload: {},
    },
  },
  {
    kind: 'message',
    envelope: {
      v: 1,
      flowId: 'x',
      name: 'URLLoaderFactory.CreateLoaderAndStart',
      from: 'browser',
      to: 'network',
      route: null,
      sentAt: 1,
      payload: { requestId: 7 },
    },
  },
  {
    kind: 'message',
    envelope: {
      v: 1,
      flowId: 'x',
      name: 'FrameHost.DidStopLoading',
      from: 'browser',
      to: 'network',
      route: null,
      sentAt: 1,
      payload: { frameToken: 'f' },
    },
  },
  { kind: 'unknown-kind' },
];

describe('malformed and unknown messages', () => {
  const session = useLabSession();

  it('are rejected and recorded by the network thread, which keeps working', async () => {
    for (const frame of garbage) session().browser.router.injectRaw('network', frame);
    await waitForEvent(
      session(),
      () =>
        ofType(session().browser.recorder.events, 'ipc.rejected').filter((r) => r.receiver === 'network').length >=
        garbage.length,
      'rejections from the network thread',
    );
    const rejected = ofType(session().browser.recorder.events, 'ipc.rejected').filter((r) => r.receiver === 'network');
    expect(rejected.map((r) => r.reason).join('\n')).toMatch(/unknown message "Nope\.Nope"/);
    expect(rejected.map((r) => r.reason).join('\n')).toMatch(/payload\.requestId: expected a string/);
    expect(rejected.map((r) => r.reason).join('\n')).toMatch(
      /FrameHost.DidStopLoading may not be sent by a browser endpoint/,
    );
    expect((await session().browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  });

  it('are rejected and recorded by a renderer process, which keeps working', async () => {
    const renderer = session().browser.renderProcesses[0]!;
    const before = ofType(session().browser.recorder.events, 'ipc.rejected').length;
    for (const frame of garbage) session().browser.router.injectRaw(renderer.endpointId, frame);
    await waitForEvent(
      session(),
      () => ofType(session().browser.recorder.events, 'ipc.rejected').length >= before + garbage.length,
      'rejections from the renderer',
    );
    const rejected = ofType(session().browser.recorder.events, 'ipc.rejected').slice(before);
    expect(rejected.every((r) => r.receiver === renderer.endpointId)).toBe(true);
    expect(renderer.isAlive).toBe(true);
    const result = await session().browser.webContents.navigateFromOmnibox('http://www.naver.com/news');
    expect(result.outcome).toBe('loaded');
  });

  it('are rejected by the browser process, including a child impersonating another endpoint', async () => {
    const before = ofType(session().browser.recorder.events, 'ipc.rejected').length;
    const fakeNetwork: ChildChannel = { endpointId: 'network', role: 'network', post: () => undefined };
    for (const frame of garbage) session().browser.router.receive(fakeNetwork, frame, () => undefined);
    const renderer = session().browser.renderProcesses[0]!;
    const fakeRenderer: ChildChannel = { endpointId: renderer.endpointId, role: 'renderer', post: () => undefined };
    // A renderer claiming to be the network thread, and one recording DNS events.
    session().browser.router.receive(
      fakeRenderer,
      {
        kind: 'message',
        envelope: {
          v: 1,
          flowId: 'x',
          name: 'URLLoaderClient.OnComplete',
          from: 'network',
          to: 'browser',
          route: null,
          sentAt: 1,
          payload: {},
        },
      },
      () => undefined,
    );
    session().browser.router.receive(
      fakeRenderer,
      { kind: 'trace', records: [{ type: 'dns.query', ts: 1, endpoint: renderer.endpointId }] },
      () => undefined,
    );
    // A renderer recording a message itself, and receipting messages it was never sent.
    session().browser.router.receive(
      fakeRenderer,
      {
        kind: 'trace',
        records: [
          { type: 'message', ts: 1, endpoint: renderer.endpointId },
          ['browser#999999', 5],
          ['network#1', 5],
          ['x', 'soon'],
        ],
      },
      () => undefined,
    );
    const rejected = ofType(session().browser.recorder.events, 'ipc.rejected').slice(before);
    expect(rejected.length).toBe(garbage.length + 6);
    expect(rejected.at(-6)!.reason).toMatch(/claims to come from "network"/);
    expect(rejected.at(-5)!.reason).toMatch(/may not record events of type "dns.query"/);
    expect(rejected.at(-4)!.reason).toMatch(/may not record events of type "message"/);
    expect(rejected.at(-3)!.reason).toMatch(/delivery receipt for "browser#999999", which was not sent to renderer:/);
    expect(rejected.at(-2)!.reason).toMatch(/delivery receipt for "network#1"/);
    expect(rejected.at(-1)!.reason).toMatch(/a delivery receipt is \[flow id, delivered at\]/);
    expect((await session().browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  });
});
