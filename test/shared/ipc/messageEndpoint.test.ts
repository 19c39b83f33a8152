import { describe, expect, it } from 'vitest';
import { MessageEndpoint } from '../../../shared/ipc/messageEndpoint.js';
import { MESSAGE_NAMES, messageCatalogue } from '../../../shared/ipc/messageCatalogue.js';
import {
  type WireFrame,
  checkEnvelope,
  checkFrame,
  packFrame,
  packMessage,
  unpackFrame,
} from '../../../shared/ipc/messageEnvelope.js';
import type { TraceRecord } from '../../../shared/trace/traceEvent.js';

function pair() {
  const records: TraceRecord[] = [];
  const wire: WireFrame[] = [];
  let now = 1000;
  const clock = () => (now += 10);
  const sink = { record: (r: TraceRecord) => records.push(r) };
  const network = new MessageEndpoint(
    { id: 'network', role: 'network', pid: 2, processName: 'Browser', threadName: 'NetworkService' },
    { post: (f) => wire.push(f) },
    sink,
    clock,
  );
  const browser = new MessageEndpoint(
    { id: 'browser', role: 'browser', pid: 2, processName: 'Browser', threadName: 'CrBrowserMain' },
    { post: (f) => wire.push(f) },
    sink,
    clock,
  );
  return { records, wire, network, browser };
}

describe('the message catalogue', () => {
  it('names every message Interface.Method and gives each a direction and a schema', () => {
    expect(MESSAGE_NAMES.length).toBeGreaterThan(15);
    for (const name of MESSAGE_NAMES) {
      // A reply is named after its request: `Interface.Method:reply`.
      expect(name).toMatch(/^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(:reply)?$/);
      const entry = messageCatalogue[name];
      expect(entry.replyOf === null ? name : `${entry.replyOf}:reply`).toBe(name);
      expect(entry.from.length).toBeGreaterThan(0);
      expect(entry.to.length).toBeGreaterThan(0);
      expect(entry.chromium.length).toBeGreaterThan(20);
    }
    for (const name of [
      'NavigationClient.CommitNavigation',
      'URLLoaderFactory.CreateLoaderAndStart',
      'URLLoaderClient.OnReceiveRedirect',
      'URLLoaderClient.OnReceiveResponse',
      'URLLoaderClient.OnComplete',
      'AgentSchedulingGroup.CreateView',
      'NavigationClient.CommitNavigation:reply',
      'LocalFrameHost.DidDispatchDOMContentLoadedEvent',
      'LocalFrameHost.DocumentOnLoadCompleted',
      'LocalFrameHost.DidFinishLoad',
      'FrameHost.DidStopLoading',
      'FrameHost.SubresourceResponseStarted',
    ]) {
      expect(MESSAGE_NAMES).toContain(name);
    }
  });
});

describe('MessageEndpoint', () => {
  it('delivers a valid message once, recording its sent and delivered moments', () => {
    const { records, wire, network, browser } = pair();
    const seen: string[] = [];
    network.on('URLLoaderFactory.CreateLoaderAndStart', (p) => void seen.push(p.request.url));
    browser.send('network', 'URLLoaderFactory.CreateLoaderAndStart', {
      requestId: 'r1',
      request: {
        url: 'http://a.test/',
        method: 'GET',
        headers: [],
        destination: 'document',
        mode: 'navigate',
        initiatorOrigin: null,
        upgradeToHttps: false,
      },
    });
    expect(wire).toHaveLength(1);
    const frame = wire[0]!;
    if (frame.kind !== 'message') throw new Error('expected a message frame');
    network.deliver(frame.envelope);
    expect(seen).toEqual(['http://a.test/']);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      type: 'message',
      name: 'URLLoaderFactory.CreateLoaderAndStart',
      from: 'browser',
      to: 'network',
      summary: 'GET http://a.test/ (document)',
    });
    const m = records[0] as Extract<TraceRecord, { type: 'message' }>;
    expect(m.deliveredAt).toBeGreaterThan(m.sentAt);
  });

  it('sends a reply back to the request’s sender, recorded under the request’s name with its flow id', () => {
    const records: TraceRecord[] = [];
    const wire: WireFrame[] = [];
    let now = 1000;
    const clock = () => (now += 10);
    const sink = { record: (r: TraceRecord) => records.push(r) };
    const browser = new MessageEndpoint(
      { id: 'browser', role: 'browser', pid: 2, processName: 'Browser', threadName: 'CrBrowserMain' },
      { post: (f) => wire.push(f) },
      sink,
      clock,
    );
    const renderer = new MessageEndpoint(
      { id: 'renderer:1', role: 'renderer', pid: 3, processName: 'Renderer', threadName: 'CrRendererMain' },
      { post: (f) => wire.push(f) },
      sink,
      clock,
    );
    const answers: boolean[] = [];
    renderer.on(
      'LocalFrame.BeforeUnload',
      (p, e) => void renderer.reply(e, 'LocalFrame.BeforeUnload:reply', { frameToken: p.frameToken, proceed: true }),
    );
    browser.on('LocalFrame.BeforeUnload:reply', (p) => void answers.push(p.proceed));
    const request = browser.send('renderer:1', 'LocalFrame.BeforeUnload', { frameToken: 'f1', isReload: false });
    // Packed on the wire, as between processes.
    renderer.deliver(packFrame(wire[0]!).slice(0, 8));
    const reply = wire[1]!;
    if (reply.kind !== 'message') throw new Error('expected a message frame');
    expect(reply.envelope).toMatchObject({
      name: 'LocalFrame.BeforeUnload:reply',
      to: 'browser',
      replyTo: request.flowId,
    });
    const packed = packFrame(reply);
    expect(packed).toHaveLength(10);
    browser.deliver(packed);
    expect(answers).toEqual([true]);
    expect(records[1]).toMatchObject({ type: 'message', name: 'LocalFrame.BeforeUnload', replyTo: request.flowId });
    // A reply that names no request, and a request that names one, are refused.
    const { replyTo: _replyTo, ...unlinked } = reply.envelope;
    expect(checkEnvelope(unlinked)).toMatchObject({ ok: false, reason: expect.stringMatching(/names no request/) });
    const requestFrame = wire[0]!;
    if (requestFrame.kind !== 'message') throw new Error('expected a message frame');
    expect(checkEnvelope({ ...requestFrame.envelope, replyTo: 'x#1' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is not a reply/),
    });
    expect(() =>
      renderer.send('browser', 'LocalFrame.BeforeUnload:reply', { frameToken: 'f1', proceed: true }),
    ).toThrow(/send it with reply\(\)/);
  });

  it('rejects malformed, unknown and misdirected messages without running a handler', () => {
    const { records, network } = pair();
    let handled = 0;
    network.on('URLLoader.Cancel', () => void handled++);
    const bad: unknown[] = [
      undefined,
      { v: 2 },
      { v: 1, flowId: 'f', name: 'Evil.Method', from: 'browser', to: 'network', route: null, sentAt: 1, payload: {} },
      {
        v: 1,
        flowId: 'f',
        name: 'URLLoader.Cancel',
        from: 'browser',
        to: 'network',
        route: null,
        sentAt: 1,
        payload: { requestId: 'r', reason: 5 },
      },
      {
        v: 1,
        flowId: 'f',
        name: 'URLLoader.Cancel',
        from: 'browser',
        to: 'network',
        route: null,
        sentAt: 1,
        payload: { requestId: 'r', reason: 'x', extra: true },
      },
      {
        v: 1,
        flowId: 'f',
        name: 'URLLoader.Cancel',
        from: 'network',
        to: 'network',
        route: null,
        sentAt: 1,
        payload: { requestId: 'r', reason: 'x' },
      },
      {
        v: 1,
        flowId: 'f',
        name: 'URLLoader.Cancel',
        from: 'renderer:1',
        to: 'renderer:2',
        route: null,
        sentAt: 1,
        payload: { requestId: 'r', reason: 'x' },
      },
      {
        v: 1,
        flowId: 'f',
        name: 'URLLoader.Cancel',
        from: 'browser',
        to: 'network',
        route: null,
        sentAt: 1,
        payload: Object.create({ requestId: 'r' }) as unknown,
      },
    ];
    for (const raw of bad) network.deliver(raw);
    expect(handled).toBe(0);
    expect(records.map((r) => r.type)).toEqual(bad.map(() => 'ipc.rejected'));
    const reasons = records.map((r) => (r.type === 'ipc.rejected' ? r.reason : ''));
    expect(reasons[2]).toMatch(/unknown message "Evil.Method"/);
    expect(reasons[3]).toMatch(/payload\.reason: expected a string/);
    expect(reasons[4]).toMatch(/unexpected field "extra"/);
    expect(reasons[5]).toMatch(/may not be sent by a network endpoint/);
  });

  it('records a handler that throws as an error and keeps receiving', () => {
    const { records, network } = pair();
    network.on('URLLoader.Cancel', () => {
      throw new Error('boom');
    });
    const envelope = {
      v: 1,
      flowId: 'f',
      name: 'URLLoader.Cancel',
      from: 'browser',
      to: 'network',
      route: null,
      sentAt: 1,
      payload: { requestId: 'r', reason: 'x' },
    };
    network.deliver(envelope);
    network.deliver(envelope);
    expect(records.map((r) => r.type)).toEqual(['message', 'error', 'message', 'error']);
  });

  it('refuses to send what the catalogue forbids (a bug at the sender, never on the wire)', () => {
    const { wire, network } = pair();
    expect(() => network.send('browser', 'NavigationClient.CommitNavigation' as never, {} as never)).toThrow(
      /may not send/,
    );
    expect(() => network.send('browser', 'URLLoaderClient.OnComplete', { requestId: 1 } as never)).toThrow(
      /invalid URLLoaderClient.OnComplete/,
    );
    expect(wire).toHaveLength(0);
  });
});

describe('packed wire frames', () => {
  it('carry a message as an array: the same envelope arrives, and the frame is much smaller', () => {
    const { records, wire, network, browser } = pair();
    let seen: unknown = null;
    network.on('URLLoader.Cancel', (payload, envelope) => void (seen = { payload, envelope }));
    browser.send('network', 'URLLoader.Cancel', { requestId: 'r1', reason: 'user' }, 'route-1');
    const frame = wire[0]!;
    const packed = packFrame(frame);
    expect(Array.isArray(packed)).toBe(true);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(frame).length * 0.6);
    const check = checkFrame(packed);
    if (!check.ok || check.frame.kind !== 'message') throw new Error('the packed frame did not check out');
    network.deliver(check.frame.envelope);
    expect(seen).toEqual({
      payload: { requestId: 'r1', reason: 'user' },
      envelope: { ...(frame as { envelope: object }).envelope },
    });
    expect(records[0]).toMatchObject({ type: 'message', flowId: 'browser#1', route: 'route-1' });
    expect(unpackFrame(packed)).toEqual(frame);
  });

  it('are refused with the same reasons as object frames', () => {
    const { records, network } = pair();
    const good = packMessage({
      v: 1,
      flowId: 'browser#7',
      name: 'URLLoader.Cancel',
      from: 'browser',
      to: 'network',
      route: null,
      sentAt: 1,
      payload: { requestId: 'r', reason: 'x' },
    }) as unknown[];
    const variant = (index: number, value: unknown) => good.map((v, i) => (i === index ? value : v));
    for (const raw of [
      variant(1, 9999),
      variant(1, 'Evil.Method'),
      variant(7, { requestId: 'r', reason: 5 }),
      variant(4, 'network'),
      variant(3, 'now'),
      variant(2, { flow: 1 }),
    ])
      network.deliver(raw);
    const reasons = records.map((r) => (r.type === 'ipc.rejected' ? r.reason : r.type));
    expect(reasons[0]).toMatch(/unknown message #9999/);
    expect(reasons[1]).toMatch(/unknown message "Evil.Method"/);
    expect(reasons[2]).toMatch(/payload\.reason: expected a string/);
    expect(reasons[3]).toMatch(/may not be sent by a network endpoint/);
    expect(reasons[4]).toMatch(/envelope\.sentAt: expected a number/);
    expect(reasons[5]).toMatch(/envelope\.flowId/);
    expect(checkFrame([7, []])).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown kind 7/) });
    expect(checkFrame([0, 1, 2])).toMatchObject({ ok: false });
  });

  it('are the same bytes whatever flow id a message has: ids not of the form <sender>#<n> travel as they are', () => {
    for (const flowId of ['browser#0', 'browser#12', 'browser#012', 'browser#', 'network#3', 'x']) {
      const packed = packMessage({
        v: 1,
        flowId,
        name: 'URLLoader.Cancel',
        from: 'browser',
        to: 'network',
        route: null,
        sentAt: 1,
        payload: { requestId: 'r', reason: 'x' },
      });
      const check = checkEnvelope(packed);
      expect(check.ok && check.envelope.flowId).toBe(flowId);
    }
  });
});
