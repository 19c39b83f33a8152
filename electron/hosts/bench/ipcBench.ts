/**
 * One IPC round trip browser process → renderer process → browser process, through
 * NavScope's transport (router, envelopes, validation of every message on arrival,
 * the trace recorder at both ends: ChildProcess.Ping / ChildProcessHost.Pong), against
 * a raw Node IPC round trip between the same kind of processes (child_process.fork
 * with the same "advanced" serialization, a child that echoes what it gets).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Lab } from '../../lab/lab.js';
import { BrowserSession } from '../node/browserSession.js';

const ECHO_CHILD = `process.on('message', (message) => process.send(message));\nprocess.send({ ready: true });\n`;

/** Round trips through NavScope's transport to a ready renderer process (µs each). */
export async function navscopeRoundTrips(lab: Lab, count: number, warmUp: number): Promise<number[]> {
  const session = await BrowserSession.start({ lab, spareRenderer: true });
  try {
    const deadline = Date.now() + 20_000;
    while (session.browser.renderProcesses.every((p) => p.state !== 'ready')) {
      if (Date.now() > deadline) throw new Error('bench: no renderer process became ready');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const renderer = session.browser.renderProcesses.find((p) => p.state === 'ready')!;
    const times: number[] = [];
    for (let i = 0; i < warmUp + count; i++) {
      const micros = await session.browser.pingRenderer(renderer.endpointId);
      if (i >= warmUp) times.push(micros);
    }
    return times;
  } finally {
    await session.stop();
  }
}

/** Round trips of raw Node IPC to an echoing child (µs each). */
export async function rawRoundTrips(count: number, warmUp: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'navscope-bench-'));
  const script = path.join(dir, 'echoChild.cjs');
  writeFileSync(script, ECHO_CHILD);
  const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
    });
    const times: number[] = [];
    for (let i = 0; i < warmUp + count; i++) {
      const start = process.hrtime.bigint();
      await new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send({ sequence: i });
      });
      if (i >= warmUp) times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    return times;
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
