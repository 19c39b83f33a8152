import { fork } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtEntry } from '../../../electron/node/builtEntries.js';
import { unpackFrame } from '../../../shared/ipc/messageEnvelope.js';

const shim = path.resolve(__dirname, 'electronParentPortShim.mjs');

describe('the renderer entry script', () => {
  it('runs unchanged behind an Electron-style process.parentPort and answers over it', async () => {
    const child = fork(
      builtEntry('rendererProcess'),
      ['--navscope-renderer-id=renderer:9', '--navscope-site=http://naver.com'],
      {
        execArgv: ['--import', shim],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const received: {
      viaParentPort?: boolean;
      message?: { kind: string; endpoint?: { id: string; pid: number }; envelope?: { name: string; replyTo?: string } };
    }[] = [];
    const next = (predicate: (m: (typeof received)[number]) => boolean) =>
      new Promise<(typeof received)[number]>((resolve) => {
        const found = received.find(predicate);
        if (found) return resolve(found);
        const onMessage = () => {
          const match = received.find(predicate);
          if (match) {
            child.off('message', onMessage);
            resolve(match);
          }
        };
        child.on('message', onMessage);
      });
    child.on('message', (m) => {
      const tagged = m as { viaParentPort?: boolean; message?: unknown };
      // Frames go out packed: read them in their object form.
      received.push({ ...tagged, message: unpackFrame(tagged.message) } as (typeof received)[number]);
    });
    try {
      const hello = await next((m) => m.message?.kind === 'hello');
      expect(hello.viaParentPort).toBe(true);
      expect(hello.message!.endpoint).toMatchObject({ id: 'renderer:9', pid: child.pid });
      child.send({
        kind: 'message',
        envelope: {
          v: 1,
          flowId: 'browser#1',
          name: 'LocalFrame.BeforeUnload',
          from: 'browser',
          to: 'renderer:9',
          route: null,
          sentAt: 1,
          payload: { frameToken: 'f1', isReload: false },
        },
      });
      const ack = await next((m) => m.message?.kind === 'message');
      expect(ack.viaParentPort).toBe(true);
      // The answer is BeforeUnload's reply, naming the request it answers.
      expect(ack.message!.envelope!.name).toBe('LocalFrame.BeforeUnload:reply');
      expect(ack.message!.envelope!.replyTo).toBe('browser#1');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
