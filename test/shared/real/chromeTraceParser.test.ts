import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseChromeTrace } from '../../../shared/real/chromeTraceParser.js';
import { TraceInputError } from '../../../shared/real/traceInput.js';

const BROWSER = 100;
const RENDERER = 200;
const NETWORK = 300;
const GPU = 400;

const meta = (pid: number, name: string, thread: string) => [
  { ph: 'M', pid, tid: 0, name: 'process_name', args: { name } },
  { ph: 'M', pid, tid: pid, name: 'thread_name', args: { name: thread } },
];

/** A small trace in the shape Chromium 156 writes (Tracing.start, JSON object form). */
function sampleEvents(): Record<string, unknown>[] {
  return [
    ...meta(BROWSER, 'Browser', 'CrBrowserMain'),
    ...meta(RENDERER, 'Renderer', 'CrRendererMain'),
    ...meta(NETWORK, 'Service: network.mojom.NetworkService', 'network.CrUtilityMain'),
    ...meta(GPU, 'GPU Process', 'CrGpuMain'),
    // The browser asks the network service to load (a send with its flow to the receive).
    {
      ph: 'I',
      pid: BROWSER,
      tid: BROWSER,
      ts: 1000,
      name: 'Send mojo message',
      cat: 'toplevel.flow,mojom.flow',
      s: 't',
    },
    {
      ph: 's',
      pid: BROWSER,
      tid: BROWSER,
      ts: 1000,
      name: 'Send mojo message',
      cat: 'toplevel.flow,mojom.flow',
      id: 7,
    },
    {
      ph: 'X',
      pid: NETWORK,
      tid: NETWORK,
      ts: 1100,
      dur: 30,
      name: 'Receive mojo message',
      cat: 'toplevel,mojom',
      args: {
        chrome_mojo_event_info: {
          mojo_interface_tag: 'network.mojom.URLLoaderFactory',
          ipc_hash: 3952305403,
          payload_size: 512,
          data_num_bytes: 600,
        },
      },
    },
    {
      ph: 'f',
      bp: 'e',
      pid: NETWORK,
      tid: NETWORK,
      ts: 1100,
      name: 'Send mojo message',
      cat: 'toplevel.flow,mojom.flow',
      id: 7,
    },
    // The response reaches the browser: no flow, so the sender is inferred from the interface.
    {
      ph: 'X',
      pid: BROWSER,
      tid: BROWSER,
      ts: 1500,
      dur: 10,
      name: 'Receive mojo message',
      cat: 'toplevel,mojom',
      args: { chrome_mojo_event_info: { mojo_interface_tag: 'network.mojom.URLLoaderClient', ipc_hash: 3373195563 } },
    },
    // The commit's reply, as a B/E slice, with an unknown hash.
    {
      ph: 'B',
      pid: BROWSER,
      tid: BROWSER,
      ts: 2000,
      name: 'Receive mojo reply',
      cat: 'toplevel,mojom',
      args: { chrome_mojo_event_info: { mojo_interface_tag: 'content.mojom.NavigationClient', ipc_hash: 1 } },
    },
    { ph: 'E', pid: BROWSER, tid: BROWSER, ts: 2040 },
    // A navigation and its phases on one async track.
    {
      ph: 'b',
      pid: BROWSER,
      tid: BROWSER,
      ts: 900,
      name: 'NavigationRequest',
      cat: 'navigation',
      id2: { local: '0x1' },
      args: { navigation: { navigation_id: 4, url: 'https://www.naver.com/', browser_initiated: true, net_error: 0 } },
    },
    { ph: 'b', pid: BROWSER, tid: BROWSER, ts: 950, name: 'BeginNavigation', cat: 'navigation', id2: { local: '0x1' } },
    { ph: 'e', pid: BROWSER, tid: BROWSER, ts: 990, name: 'BeginNavigation', cat: 'navigation', id2: { local: '0x1' } },
    {
      ph: 'e',
      pid: BROWSER,
      tid: BROWSER,
      ts: 2100,
      name: 'NavigationRequest',
      cat: 'navigation',
      id2: { local: '0x1' },
    },
    // Another track whose outermost span names the URL only through a child.
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: 905,
      name: 'Renderer Navigation',
      cat: 'navigation',
      id2: { local: '0x2' },
    },
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: 905,
      name: 'URL: https://www.naver.com/',
      cat: 'navigation',
      id2: { local: '0x2' },
    },
    {
      ph: 'b',
      pid: RENDERER,
      tid: RENDERER,
      ts: 1900,
      name: 'CommitToDidCommit',
      cat: 'navigation',
      id2: { local: '0x2' },
    },
    {
      ph: 'e',
      pid: RENDERER,
      tid: RENDERER,
      ts: 1990,
      name: 'CommitToDidCommit',
      cat: 'navigation',
      id2: { local: '0x2' },
    },
    // The network steps.
    {
      ph: 'b',
      pid: NETWORK,
      tid: NETWORK,
      ts: 1200,
      name: 'SSL_CONNECT',
      cat: 'netlog',
      id2: { local: '0x9' },
      args: { source_type: 'SOCKET', params: { version: 'TLS 1.3' } },
    },
    { ph: 'e', pid: NETWORK, tid: NETWORK, ts: 1300, name: 'SSL_CONNECT', cat: 'netlog', id2: { local: '0x9' } },
    // Something NavScope does not model.
    { ph: 'X', pid: GPU, tid: GPU, ts: 1000, dur: 5, name: 'Scheduler::RunTask', cat: 'gpu' },
  ];
}

function objectTrace(events = sampleEvents(), metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    traceEvents: events,
    metadata: { revision: 'abc-refs/branch-heads/8078@{#1}', 'product-version': 'Chrome/156.0.8078.114', ...metadata },
  });
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TraceInputError);
    return (error as Error).message;
  }
  throw new Error('expected the trace to be refused');
}

describe('reading a real Chromium trace (Chrome Trace Event JSON)', () => {
  it('gives processes with their kinds, named Mojo messages with their senders, navigations and network steps', async () => {
    const trace = await parseChromeTrace(objectTrace());
    expect(trace.format).toBe('json-object');
    expect(trace.chromium.version).toBe('156.0.8078.114');
    expect(trace.processes.map((p) => [p.pid, p.kind])).toEqual([
      [BROWSER, 'browser'],
      [RENDERER, 'renderer'],
      [NETWORK, 'network'],
      [GPU, 'gpu'],
    ]);
    const [load, response, reply] = trace.mojoMessages;
    expect(load).toMatchObject({
      name: 'URLLoaderFactory.CreateLoaderAndStart',
      pid: NETWORK,
      payloadSize: 512,
      dataNumBytes: 600,
      isReply: false,
      sender: { certainty: 'exact', pid: BROWSER, tid: BROWSER, ts: 1000 },
    });
    expect(trace.mojoSends).toEqual([{ pid: BROWSER, tid: BROWSER, ts: 1000, receiveIndex: 0 }]);
    expect(response).toMatchObject({
      name: 'URLLoaderClient.OnReceiveResponse',
      sender: { certainty: 'inferred', processKinds: ['network'], pid: NETWORK },
    });
    // A reply comes from the interface's implementer (a renderer); an unknown hash keeps tag and hash.
    expect(reply).toMatchObject({
      name: null,
      interfaceTag: 'content.mojom.NavigationClient',
      ipcHash: 1,
      isReply: true,
      dur: 40,
      sender: { certainty: 'inferred', processKinds: ['renderer'], pid: RENDERER },
    });
    expect(trace.names).toMatchObject({ resolved: 2, unresolved: 1 });
    expect(trace.navigations).toHaveLength(1);
    const [navigation] = trace.navigations;
    expect(navigation).toMatchObject({ navigationId: 4, url: 'https://www.naver.com/', ts: 900, end: 2100 });
    expect(navigation!.phases.map((p) => p.name)).toEqual([
      'Renderer Navigation',
      'URL: https://www.naver.com/',
      'BeginNavigation',
      'CommitToDidCommit',
    ]);
    expect(trace.netLog).toEqual([
      expect.objectContaining({ name: 'SSL_CONNECT', sourceType: 'SOCKET', ts: 1200, end: 1300, kind: 'span' }),
    ]);
    expect(trace.netLog[0]!.params).toEqual(expect.objectContaining({ version: 'TLS 1.3' }));
    expect(trace.counts.other).toBe(1);
    expect(trace.counts.otherTopNames).toEqual({ 'Scheduler::RunTask': 1 });
  });

  it('reads the array form, gzipped or not, and closes an unterminated array as chrome://tracing leaves it', async () => {
    const events = sampleEvents();
    const array = JSON.stringify(events);
    const plain = await parseChromeTrace(array);
    expect(plain.format).toBe('json-array');
    expect(plain.repaired).toBeNull();
    const gzipped = await parseChromeTrace(new Uint8Array(gzipSync(Buffer.from(objectTrace()))));
    expect(gzipped.gzipped).toBe(true);
    expect(gzipped.mojoMessages).toHaveLength(3);
    const unterminated = `${array.slice(0, -1)},\n`;
    const repaired = await parseChromeTrace(new TextEncoder().encode(unterminated));
    expect(repaired.repaired).toBe('closed an unterminated event array');
    expect(repaired.counts.events).toBe(events.length);
  });

  it('refuses truncated JSON with a clear error', async () => {
    const text = objectTrace();
    expect(await rejection(parseChromeTrace(text.slice(0, text.length / 2)))).toMatch(/^truncated JSON: the file ends/);
    const array = JSON.stringify(sampleEvents());
    expect(await rejection(parseChromeTrace(array.slice(0, array.length - 40)))).toMatch(/^truncated JSON/);
    expect(await rejection(parseChromeTrace(new Uint8Array(gzipSync(Buffer.from(text))).slice(0, 200)))).toMatch(
      /gzip|truncated/,
    );
  });

  it('refuses JSON that is not a trace, and events of the wrong types, naming what is wrong', async () => {
    expect(await rejection(parseChromeTrace('{"foo": 1, "bar": []}'))).toBe(
      'not a Chrome trace: the JSON object has no traceEvents array (its keys: foo, bar)',
    );
    expect(await rejection(parseChromeTrace('42'))).toMatch(/^not JSON: a Chrome trace starts with \{ or \[/);
    expect(await rejection(parseChromeTrace(''))).toBe('the file is empty');
    expect(await rejection(parseChromeTrace('{"traceEvents": [1, 2]}'))).toBe(
      'trace event #0 is a number, not an object',
    );
    expect(await rejection(parseChromeTrace('[{"name": "x", "pid": 1, "tid": 1, "ts": 1}]'))).toMatch(
      /trace event #0 has no phase/,
    );
    expect(await rejection(parseChromeTrace('[{"ph": "X", "name": "x", "pid": "1", "tid": 1, "ts": 1}]'))).toMatch(
      /trace event #0 \("x"\) has no numeric pid/,
    );
    expect(await rejection(parseChromeTrace('[{"ph": "X", "name": "x", "pid": 1, "tid": 1}]'))).toMatch(
      /has no numeric ts/,
    );
    expect(await rejection(parseChromeTrace('{"traceEvents": [], "x": tru}'))).toMatch(/^not valid JSON/);
    expect(await rejection(parseChromeTrace(new Uint8Array([0x0a, 0x05, 0x12, 0x03, 0x01, 0x02, 0x03])))).toMatch(
      /Perfetto protobuf trace/,
    );
    expect(await rejection(parseChromeTrace(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03])))).toMatch(
      /gzip/,
    );
  });

  it('counts events with unknown phases instead of failing or dropping them', async () => {
    const events = [
      ...sampleEvents(),
      { ph: 'Q', pid: 1, tid: 1, ts: 1, name: 'weird' },
      { ph: '?', pid: 1, tid: 1, ts: 2, name: 'weirder' },
    ];
    const trace = await parseChromeTrace(objectTrace(events));
    expect(trace.counts.unknownPhases).toEqual({ Q: 1, '?': 1 });
    expect(trace.counts.otherTopNames).toMatchObject({ weird: 1, weirder: 1 });
    expect(trace.mojoMessages).toHaveLength(3);
    // Every event is accounted for: kept in the model or counted.
    expect(trace.counts.modelled + trace.counts.other).toBe(trace.counts.events);
  });

  it('refuses huge args, naming the limit', async () => {
    const huge = [
      ...sampleEvents(),
      { ph: 'X', pid: 1, tid: 1, ts: 1, dur: 1, name: 'big', args: { blob: 'x'.repeat(5000) } },
    ];
    expect(await rejection(parseChromeTrace(objectTrace(huge), { limits: { maxArgsBytes: 1000 } }))).toBe(
      `trace event #${huge.length - 1} ("big") has args larger than the limit of 1000 bytes (maxArgsBytes)`,
    );
    const wide = {
      ph: 'X',
      pid: 1,
      tid: 1,
      ts: 1,
      dur: 1,
      name: 'wide',
      args: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
    };
    expect(await rejection(parseChromeTrace(JSON.stringify([wide]), { limits: { maxArgsBytes: 4096 } }))).toMatch(
      /maxArgsBytes/,
    );
  });

  it('refuses oversized input and gzip that inflates past the limit, without reading it all', async () => {
    // The same check a 1 GB file meets against the default limit, with a small configured one.
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    expect(await rejection(parseChromeTrace(big, { limits: { maxInputBytes: 1024 * 1024 } }))).toBe(
      'the file is 2 MiB, more than the 1 MiB limit for trace files (maxInputBytes)',
    );
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(await rejection(parseChromeTrace(bomb, { limits: { maxTextBytes: 1024 * 1024 } }))).toBe(
      'the gzip data inflates to more than the 1 MiB limit for trace text (maxTextBytes)',
    );
    const many = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ ph: 'X', pid: 1, tid: 1, ts: i, name: 'e' })));
    expect(await rejection(parseChromeTrace(many, { limits: { maxEvents: 10 } }))).toBe(
      'the trace has 50 events, more than the limit of 10 (maxEvents)',
    );
  });

  it('refuses deep nesting before parsing it (no stack overflow), naming the limit', async () => {
    const deep = `{"traceEvents": [{"ph": "X", "pid": 1, "tid": 1, "ts": 1, "name": "d", "args": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(await rejection(parseChromeTrace(deep))).toMatch(
      /^JSON nested deeper than the limit of 64 levels \(maxDepth\)/,
    );
    const fine = `[{"ph": "X", "pid": 1, "tid": 1, "ts": 1, "name": "d", "args": {"a": ${'['.repeat(20)}${']'.repeat(20)}}}]`;
    expect((await parseChromeTrace(fine)).counts.events).toBe(1);
  });

  it('keeps __proto__ keys as plain data and pollutes nothing', async () => {
    const events = sampleEvents();
    (events.find((e) => e.name === 'NavigationRequest') as { args: Record<string, unknown> }).args = JSON.parse(
      '{"__proto__": {"polluted": true}, "navigation": {"url": "https://www.naver.com/", "navigation_id": 4}}',
    ) as Record<string, unknown>;
    const text = objectTrace(events).replace('"metadata":{', '"metadata":{"__proto__":{"polluted":true},');
    const withProto = `{"__proto__": {"polluted": true}, ${text.slice(1)}`;
    const trace = await parseChromeTrace(withProto);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const request = trace.navigationSpans.find((s) => s.name === 'NavigationRequest')!;
    expect(Object.getPrototypeOf(request.args)).toBeNull();
    expect(Object.keys(request.args!)).toContain('__proto__');
    expect((request.args as Record<string, unknown>).polluted).toBeUndefined();
    expect(trace.navigations[0]!.url).toBe('https://www.naver.com/');
  });
});
