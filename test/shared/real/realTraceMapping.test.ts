import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importChromeTraceJson } from '../../../shared/real/chromeTraceImport.js';
import { parseChromeTrace } from '../../../shared/real/chromeTraceParser.js';
import { modelCounterpart, modelledRealMethods } from '../../../shared/real/modelCounterparts.js';
import { mapRealTrace } from '../../../shared/real/realTraceMapping.js';
import { ImportError } from '../../../shared/import/importError.js';
import { importTraceFile } from '../../../shared/import/traceImport.js';
import { isMessageName } from '../../../shared/ipc/messageCatalogue.js';
import { foldTrace } from '../../../shared/trace/browserViewState.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import { BROWSER, GPU, NETWORK, RENDERER, T, objectTrace, sampleEvents } from './realTraceSample.js';

const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

describe('a real Chromium trace mapped into NavScope’s trace', () => {
  it('starts with where it came from and what it held, then the real processes with their endpoints', async () => {
    const { events } = mapRealTrace(await parseChromeTrace(objectTrace()), {
      origin: 'real-chromium',
      name: 'www.naver.com → https://www.naver.com/',
      recorder: 'navscope-system-chromium',
      recordedWith: 'the system Chromium in lab mode, over the DevTools protocol',
      lab: 'MAP www.naver.com:443 127.80.0.1:1, MAP * ~NOTFOUND',
      pages: [{ url: 'https://www.naver.com/', finalUrl: 'https://www.naver.com/', title: 'NAVER' }],
    });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const [source, summary] = events;
    expect(source).toMatchObject({
      type: 'trace.source',
      origin: 'real-chromium',
      chromiumVersion: '156.0.8078.114',
      recorder: 'navscope-system-chromium',
      nameTable: '156.0.8078.114',
      tsOrigin: T + 100,
    });
    expect((source as TraceEventOf<'trace.source'>).notes[0]).toMatch(/^Senders: 2 exact .*, 3 inferred/);
    expect(summary).toMatchObject({
      type: 'real.summary',
      senders: { exact: 2, inferred: 3, unknown: 0 },
      unknownPhases: { Q: 1 },
      otherTopNames: { 'Scheduler::RunTask': 1, 'odd phase': 1 },
    });
    const counts = (summary as TraceEventOf<'real.summary'>).counts;
    expect(counts.events).toBe(sampleEvents().length);
    expect(counts.modelled! + counts.other!).toBe(counts.events);
    expect(ofType(events, 'real.process').map((p) => [p.processId, p.pid, p.kind])).toEqual([
      ['browser', BROWSER, 'browser'],
      ['renderer:1', RENDERER, 'renderer'],
      ['network', NETWORK, 'network'],
      ['gpu', GPU, 'gpu'],
    ]);
    // Every event passes the window's check (as JSON, the way it travels).
    for (const event of events) expect(traceEventProblem(JSON.parse(JSON.stringify(event)))).toBeNull();
  });

  it('gives every Mojo message its name, receiver, payload size and sender, saying exact or inferred', async () => {
    const { events } = await importChromeTraceJson(JSON.parse(objectTrace()), { name: 'sample.json' });
    const messages = ofType(events, 'message');
    expect(messages.map((m) => [m.name, m.from, m.to, m.real?.sender, m.real?.isReply])).toEqual([
      ['URLLoaderFactory.CreateLoaderAndStart', 'browser', 'network', 'exact', false],
      ['URLLoaderClient.OnReceiveResponse', 'network', 'browser', 'inferred', false],
      ['NavigationClient.CommitNavigation', 'browser', 'renderer:1', 'exact', false],
      ['NavigationClient.#00000001', 'renderer:1', 'browser', 'inferred', true],
      ['FrameHost.DidStopLoading', 'renderer:1', 'browser', 'inferred', false],
    ]);
    const [load, response, commit, reply] = messages;
    expect(load).toMatchObject({
      fromPid: BROWSER,
      fromThread: 'CrBrowserMain',
      toPid: NETWORK,
      toThread: 'network.CrUtilityMain',
    });
    expect(load!.sentAt).toBeLessThan(load!.deliveredAt);
    expect(load!.real).toMatchObject({
      fullName: 'network.mojom.URLLoaderFactory.CreateLoaderAndStart',
      payloadSize: 64,
      navigation: true,
      counterpart: 'URLLoaderFactory.CreateLoaderAndStart',
      handledMicros: 20,
    });
    expect(response!.real).toMatchObject({ sender: 'inferred', senderKinds: ['network'] });
    expect(commit!.real?.counterpart).toBe('NavigationClient.CommitNavigation');
    // An unresolved message keeps its interface tag and hash.
    expect(reply!.real).toMatchObject({ fullName: null, interfaceTag: 'content.mojom.NavigationClient', ipcHash: 1 });
    expect(reply!.summary).toContain('ipc_hash 1');
  });

  it('has the navigation with its phases, the network steps of its request and the tab’s state', async () => {
    const { events } = await importChromeTraceJson(JSON.parse(objectTrace()), { name: 'sample.json' });
    const [begin] = ofType(events, 'navigation.begin');
    expect(begin).toMatchObject({
      navigationId: 'real:4',
      url: 'https://www.naver.com/',
      transition: 'browser-initiated',
    });
    expect(ofType(events, 'navigation.end')[0]).toMatchObject({ navigationId: 'real:4', outcome: 'committed' });
    const phases = ofType(events, 'span.begin').filter((s) => s.category === 'phase');
    expect(phases.map((p) => [p.name, p.navigationId, p.endpoint])).toEqual([
      ['BeginNavigationToLoaderStart', 'real:4', 'browser'],
      ['CommitToDidCommit', 'real:4', 'browser'],
    ]);
    const steps = ofType(events, 'span.begin').filter((s) => s.category === 'net' && s.requestId !== null);
    expect(steps.map((s) => s.name)).toEqual([
      'Initial connection',
      'SSL',
      'Request sent',
      'Waiting for server response',
      'Content Download',
    ]);
    expect(steps[0]!.args).toMatchObject({
      url: 'https://www.naver.com/',
      remote: '127.80.0.1:443',
      reused: false,
      status: 200,
    });
    expect(ofType(events, 'http.request')[0]).toMatchObject({
      raw: 'GET / HTTP/1.1\r\nHost: www.naver.com\r\nAccept: */*',
    });
    expect(ofType(events, 'http.response')[0]).toMatchObject({ statusLine: 'HTTP/1.1 200 OK' });
    // Every netlog event is there too, under its own name.
    const raw = ofType(events, 'span.begin').filter((s) => s.category === 'net' && s.requestId === null);
    expect(raw.map((s) => s.name)).toContain('HTTP_STREAM_JOB_CONTROLLER_BOUND');
    const state = foldTrace(events);
    expect(state.tab.url).toBe('https://www.naver.com/');
    expect(state.tab.loading).toBe(false);
    expect(state.source?.origin).toBe('chrome-trace');
    expect(state.processes.map((p) => [p.id, p.kind, p.pid])).toEqual([
      ['browser', 'browser', BROWSER],
      ['renderer:1', 'renderer', RENDERER],
      ['network', 'network', NETWORK],
      ['gpu', 'gpu', GPU],
    ]);
    expect(state.processes[0]!.threads.map((t) => t.name)).toEqual(['CrBrowserMain']);
  });

  it('names NavScope’s counterpart of real messages only where the model has one', () => {
    for (const { counterpart } of modelledRealMethods()) expect(isMessageName(counterpart)).toBe(true);
    expect(modelCounterpart('content.mojom.NavigationClient.CommitNavigation', true)).toBe(
      'NavigationClient.CommitNavigation:reply',
    );
    expect(modelCounterpart('blink.mojom.LocalFrameHost.UpdateTitle', false)).toBe('LocalFrameHost.UpdateTitle');
    expect(modelCounterpart('viz.mojom.CompositorFrameSink.SubmitCompositorFrame', false)).toBeNull();
    expect(modelCounterpart('__proto__', false)).toBeNull();
  });
});

describe('opening a Chrome trace through the import dispatcher', () => {
  it('opens Chrome traces in both forms, gzipped or not, and NavScope’s own traces', async () => {
    const object = await importTraceFile(new TextEncoder().encode(objectTrace()), 'a.json');
    expect(object).toMatchObject({ format: 'chrome-trace', gzipped: false, repaired: null });
    expect(object.trace.events[0]).toMatchObject({ type: 'trace.source', origin: 'chrome-trace', name: 'a.json' });
    const gzipped = await importTraceFile(new Uint8Array(gzipSync(Buffer.from(objectTrace()))), 'a.json.gz');
    expect(gzipped).toMatchObject({ format: 'chrome-trace', gzipped: true });
    expect(gzipped.trace.events.length).toBe(object.trace.events.length);
    expect((gzipped.trace.events[0] as TraceEventOf<'trace.source'>).recordedWith).toContain('gzipped');
    const array = JSON.stringify(sampleEvents());
    const unterminated = await importTraceFile(`${array.slice(0, -1)},`, 'b.json');
    expect(unterminated.repaired).toMatch(/closed/);
    expect((unterminated.trace.events[0] as TraceEventOf<'trace.source'>).notes.join(' ')).toContain('repaired');
    const own = await importTraceFile(JSON.stringify(traceFileOf(object.trace.events)), 'c.navscope.json');
    expect(own.format).toBe('navscope');
    expect(own.trace.events.length).toBe(object.trace.events.length);
  });

  it('refuses a broken Chrome trace, naming the problem', async () => {
    await expect(
      importTraceFile('[{"ph": "X", "name": "x", "pid": "1", "tid": 1, "ts": 1}]', 'x.json'),
    ).rejects.toThrow(/trace event #0 \("x"\) has no numeric pid/);
    await expect(importTraceFile(objectTrace().slice(0, 300), 'z')).rejects.toBeInstanceOf(ImportError);
    const huge = JSON.stringify([
      { ph: 'X', pid: 1, tid: 1, ts: 1, dur: 1, name: 'big', args: { blob: 'x'.repeat(1_100_000) } },
    ]);
    await expect(importTraceFile(huge, 'big.json')).rejects.toThrow(/maxArgsBytes/);
  });
});
