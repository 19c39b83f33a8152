/**
 * One IPC round trip browser process → renderer process → browser process, through
 * NavScope's transport (router, packed frames, validation of every message on arrival,
 * the trace recorder: ChildProcess.Ping / ChildProcessHost.Pong), against a raw Node
 * IPC round trip between the same kind of processes (child_process.fork with the same
 * "advanced" serialization, V8 flags and permission model, a child that echoes what it gets).
 *
 * The cost split: the bytes (raw IPC carrying NavScope's frames, none of its
 * processing), and, timed in this process on the same frames, the validation and the
 * recording each round trip needs.
 */
import { deserialize, serialize } from 'node:v8';
import type { Lab } from '../../lab/lab.js';
import type { EndpointId } from '../../../shared/ipc/endpoints.js';
import { MESSAGE_NAMES } from '../../../shared/ipc/messageCatalogue.js';
import { type AnyEnvelope, checkEnvelope, checkFrame, packMessage } from '../../../shared/ipc/messageEnvelope.js';
import { TraceRecorder } from '../../../shared/trace/traceRecorder.js';
import { rendererEndpointId } from '../../../shared/ipc/endpoints.js';
import { RenderProcessHost } from '../../browser/renderProcessHost.js';
import { BrowserSession } from '../node/browserSession.js';
import { childScript, forkLikeRenderer, waitUntil } from './benchProcesses.js';
import { launchToReady } from './navigationBench.js';

/** Echoes what it gets; a NavScope ping is answered with what the renderer sends back: a pong carrying the ping's delivery receipt. */
const ECHO_CHILD = `const pong = (m) => [0, ${MESSAGE_NAMES.indexOf('ChildProcessHost.Pong')}, m[2], m[3] + 1, m[5], m[4], null, m[7], [[m[4] + '#' + m[2], m[3] + 1]]];
process.on('message', (message) => process.send(Array.isArray(message) ? pong(message) : message));
process.send({ ready: true });
`;

const ping = (sequence: number) => ({
  v: 1 as const,
  flowId: `browser#${sequence}`,
  name: 'ChildProcess.Ping' as const,
  from: 'browser',
  to: 'renderer:1',
  route: null,
  sentAt: 1_000_000_000 + sequence,
  payload: { sequence },
});

/** What a ping puts on the wire: the same bytes as NavScope's, without its processing. */
function framedPing(sequence: number): unknown {
  return packMessage(ping(sequence));
}

export interface RoundTrips {
  navscope: number[];
  raw: number[];
  rawFramed: number[];
  /** µs per round trip, timed in this process on the round trip's frames. */
  validationUs: number;
  recordingUs: number;
  /** Bytes on the wire per round trip: NavScope's frames, and the bare payloads. */
  frameBytes: number;
  rawBytes: number;
}

/** Best µs per call of `work` over `rounds` batches (the machine's noise only adds). */
function bestMicros(rounds: number, batch: number, work: (i: number) => void): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) work(round * batch + i);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  return best;
}

/**
 * The work a round trip does besides moving bytes, on frames as they arrive (through
 * V8's deserializer): the renderer's check of the ping and the browser's of the pong
 * (frame and envelope); the renderer's receipt of the ping and the browser's records of
 * both messages.
 */
function processingSplit(): { validationUs: number; recordingUs: number; frameBytes: number; rawBytes: number } {
  const count = 2000;
  const pings = Array.from({ length: count }, (_, i) => deserialize(serialize(framedPing(i))) as unknown);
  const pongs = Array.from(
    { length: count },
    (_, i) => deserialize(serialize(packMessage({ ...ping(i), flowId: `renderer:1#${i}`, name: 'ChildProcessHost.Pong', from: 'renderer:1', to: 'browser' }, [[`browser#${i}`, 2]]))) as unknown,
  );
  const check = (raw: unknown): AnyEnvelope => {
    const frame = checkFrame(raw);
    if (!frame.ok || frame.frame.kind !== 'message') throw new Error('bench: a frame did not check out');
    const envelope = checkEnvelope(frame.frame.envelope);
    if (!envelope.ok) throw new Error(`bench: ${envelope.reason}`);
    return envelope.envelope;
  };
  const validationUs = bestMicros(20, count, (i) => {
    check(pings[i % count]);
    check(pongs[i % count]);
  });
  const envelopes = pings.map(check);
  const replies = pongs.map(check);
  const by: EndpointId = 'renderer:1';
  let recorder = new TraceRecorder();
  const recordingUs = bestMicros(20, count, (i) => {
    if (i % count === 0) recorder = new TraceRecorder();
    const receipt: [string, number] = [envelopes[i % count]!.flowId, 2];
    recorder.recordMessage(envelopes[i % count]!, receipt[1], by);
    recorder.recordMessage(replies[i % count]!, 3, 'browser');
  });
  return {
    validationUs,
    recordingUs,
    frameBytes: serialize(framedPing(1)).byteLength + serialize(pongs[1]).byteLength,
    rawBytes: 2 * serialize({ sequence: 1 }).byteLength,
  };
}

/**
 * Round trips (µs each) through NavScope's transport to a ready renderer process and
 * through raw Node IPC to an echoing child, in alternating batches so both see the
 * machine in the same state. Each batch begins with `warm` round trips that are not
 * counted: a process that sat idle while the others ran answers its first messages
 * slowly (its caches are cold), and that is not the transport's cost.
 */
export async function roundTrips(lab: Lab, count: number, batch = 200, warm = 20): Promise<RoundTrips> {
  const session = await BrowserSession.start({ lab, spareRenderer: true });
  const script = childScript('echoChild.cjs', ECHO_CHILD);
  const child = await forkLikeRenderer(script.file);
  try {
    // Past the renderer's start-up work: its parsers load right after it is ready.
    const started = () =>
      session.browser.renderProcesses.find(
        (p) =>
          p.state === 'ready' &&
          session.browser.recorder.events.some((e) => e.type === 'span.end' && e.spanId === `${p.endpointId}/init`),
      );
    await waitUntil(() => started() !== undefined, 'a renderer process becoming ready and loading its parsers');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const renderer = started()!;
    const pingRenderer = () => session.browser.pingRenderer(renderer.endpointId);
    const echo = async (message: unknown): Promise<number> => {
      const start = process.hrtime.bigint();
      await new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send(message as object);
      });
      return Number(process.hrtime.bigint() - start) / 1000;
    };
    const navscope: number[] = [];
    const raw: number[] = [];
    const rawFramed: number[] = [];
    // Until V8 has optimized both sides' code: several thousand messages, as a browsing session sends.
    for (let i = 0; i < 5000; i++) {
      await pingRenderer();
      await echo({ sequence: i });
      await echo(framedPing(i));
    }
    const measure = async (into: number[], trip: (i: number) => Promise<number>): Promise<void> => {
      for (let i = 0; i < warm; i++) await trip(i);
      for (let i = 0; i < batch; i++) into.push(await trip(i));
    };
    while (navscope.length < count) {
      await measure(navscope, () => pingRenderer());
      await measure(raw, (i) => echo({ sequence: i }));
      await measure(rawFramed, (i) => echo(framedPing(i)));
    }
    return { navscope, raw, rawFramed, ...processingSplit() };
  } finally {
    child.kill();
    script.remove();
    await session.stop();
  }
}

/**
 * A renderer's launch → ready (ms: process.launch to process.ready in the trace, through
 * the browser's own launcher, router and RenderProcessHost), beside its floor: forking a
 * Node process that sends one message as soon as it runs (same serialization, V8 flags
 * and permission model), fork → first message. The two take turns, with the machine
 * otherwise idle (no navigation running), so they see the same conditions.
 */
export async function launchesSideBySide(session: BrowserSession, runs: number): Promise<{ renderer: number[]; bare: number[] }> {
  const script = childScript('bareChild.cjs', "process.send('ready', () => process.exit(0));\n");
  const browser = session.browser;
  const renderer: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const start = process.hrtime.bigint();
      const child = await forkLikeRenderer(script.file);
      const bareMs = Number(process.hrtime.bigint() - start) / 1e6;
      await new Promise((resolve) => child.once('exit', resolve));
      const host = new RenderProcessHost(rendererEndpointId(100_000 + i), 'https://bench-lab.test', session.launcher, browser.router, browser.endpoint, browser.tracing);
      const from = browser.recorder.events.length;
      host.launch();
      await host.ready;
      const [launched] = launchToReady(browser.recorder.events.slice(from));
      await new Promise<void>((resolve) => {
        host.onGone(() => resolve());
        host.shutdown('bench: measured');
      });
      // The first of each is not counted: it pays for the disk cache and this process's first fork.
      if (i === 0 || launched === undefined) continue;
      renderer.push(launched);
      bare.push(bareMs);
    }
    return { renderer, bare };
  } finally {
    script.remove();
  }
}
