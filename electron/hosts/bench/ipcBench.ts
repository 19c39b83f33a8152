/**
 * One IPC round trip browser process → renderer process → browser process, through
 * NavScope's transport (router, envelopes, validation of every message on arrival,
 * the trace recorder at both ends: ChildProcess.Ping / ChildProcessHost.Pong), against
 * a raw Node IPC round trip between the same kind of processes (child_process.fork
 * with the same "advanced" serialization and V8 flags, a child that echoes what it gets).
 */
import type { Lab } from '../../lab/lab.js';
import { BrowserSession } from '../node/browserSession.js';
import { childScript, forkLikeRenderer, waitUntil } from './benchProcesses.js';

/** Echoes what it gets; a NavScope-shaped frame is answered with a NavScope-shaped reply (envelope + one trace record). */
const ECHO_CHILD = `process.on('message', (message) => process.send(message.kind === 'message' ? { ...message, trace: [message.record] } : message));
process.send({ ready: true });
`;

/** What a ping puts on the wire, with the trace record the renderer sends back with its pong: the same bytes, without NavScope's processing. */
function framedPing(sequence: number): object {
  const envelope = { v: 1, flowId: `browser#${sequence}`, name: 'ChildProcess.Ping', from: 'browser', to: 'renderer:1', route: null, sentAt: 1_000_000_000 + sequence, payload: { sequence } };
  const record = { ...envelope, type: 'message', ts: 1, endpoint: 'renderer:1', fromPid: null, fromThread: null, toPid: null, toThread: null, deliveredAt: 2, summary: `ping #${sequence}` };
  return { kind: 'message', envelope, record };
}

/**
 * Round trips (µs each) through NavScope's transport to a ready renderer process and
 * through raw Node IPC to an echoing child, in alternating batches so both see the
 * machine in the same state.
 */
export async function roundTrips(lab: Lab, count: number, batch = 50): Promise<{ navscope: number[]; raw: number[]; rawFramed: number[] }> {
  const session = await BrowserSession.start({ lab, spareRenderer: true });
  const script = childScript('echoChild.cjs', ECHO_CHILD);
  const child = await forkLikeRenderer(script.file);
  try {
    await waitUntil(() => session.browser.renderProcesses.some((p) => p.state === 'ready'), 'a renderer process becoming ready');
    // Past the renderer's start-up work (its parsers load right after it is ready).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const renderer = session.browser.renderProcesses.find((p) => p.state === 'ready')!;
    const ping = () => session.browser.pingRenderer(renderer.endpointId);
    const echo = async (message: object): Promise<number> => {
      const start = process.hrtime.bigint();
      await new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send(message);
      });
      return Number(process.hrtime.bigint() - start) / 1000;
    };
    const navscope: number[] = [];
    const raw: number[] = [];
    const rawFramed: number[] = [];
    for (let i = 0; i < batch * 4; i++) {
      await ping();
      await echo({ sequence: i });
      await echo(framedPing(i));
    }
    while (navscope.length < count) {
      for (let i = 0; i < batch; i++) navscope.push(await ping());
      for (let i = 0; i < batch; i++) raw.push(await echo({ sequence: i }));
      for (let i = 0; i < batch; i++) rawFramed.push(await echo(framedPing(i)));
    }
    return { navscope, raw, rawFramed };
  } finally {
    child.kill();
    script.remove();
    await session.stop();
  }
}

/**
 * The floor under a renderer's launch → ready: forking a Node process that sends one
 * message as soon as it runs (same serialization and V8 flags), in ms.
 */
export async function bareNodeStartMs(runs: number): Promise<number[]> {
  const script = childScript('bareChild.cjs', "process.send('ready', () => process.exit(0));\n");
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const child = await forkLikeRenderer(script.file);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      await new Promise((resolve) => child.once('exit', resolve));
    }
    return times;
  } finally {
    script.remove();
  }
}
