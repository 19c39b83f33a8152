/**
 * One IPC round trip browser process → renderer process → browser process, through
 * NavScope's transport (router, envelopes, validation of every message on arrival,
 * the trace recorder at both ends: ChildProcess.Ping / ChildProcessHost.Pong), against
 * a raw Node IPC round trip between the same kind of processes (child_process.fork
 * with the same "advanced" serialization and V8 flags, a child that echoes what it gets).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Lab } from '../../lab/lab.js';
import { RENDERER_V8_FLAGS } from '../../browser/rendererLauncher.js';
import { BrowserSession } from '../node/browserSession.js';

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
  const dir = mkdtempSync(path.join(tmpdir(), 'navscope-bench-'));
  const script = path.join(dir, 'echoChild.cjs');
  writeFileSync(script, ECHO_CHILD);
  const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [...RENDERER_V8_FLAGS] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
    });
    const deadline = Date.now() + 20_000;
    while (!session.browser.renderProcesses.some((p) => p.state === 'ready')) {
      if (Date.now() > deadline) throw new Error('bench: no renderer process became ready');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
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
    rmSync(dir, { recursive: true, force: true });
    await session.stop();
  }
}

/**
 * The floor under a renderer's launch → ready: forking a Node process that sends one
 * message as soon as it runs (same serialization and V8 flags), in ms.
 */
export async function bareNodeStartMs(runs: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'navscope-bench-'));
  const script = path.join(dir, 'bareChild.cjs');
  writeFileSync(script, "process.send('ready', () => process.exit(0));\n");
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [...RENDERER_V8_FLAGS] });
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('error', reject);
      });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      await new Promise((resolve) => child.once('exit', resolve));
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
