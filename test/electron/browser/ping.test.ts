import { describe, expect, it } from 'vitest';
import { messages, navigateAndCollect, useLabSession } from '../support/browserHarness.js';

describe('ChildProcess.Ping: a round trip to a renderer process through the transport', () => {
  const session = useLabSession();

  it('answers each ping with its pong, recorded at both ends like any message', async () => {
    await navigateAndCollect(session(), 'www.naver.com');
    const renderer = session().browser.renderProcesses[0]!;
    const before = session().browser.recorder.events.length;
    const times = [];
    for (let i = 0; i < 3; i++) times.push(await session().browser.pingRenderer(renderer.endpointId));
    for (const micros of times) expect(micros).toBeGreaterThan(0);
    const events = session().browser.recorder.events.slice(before);
    expect(messages(events, 'ChildProcessHost.Pong').map((m) => m.summary)).toEqual(['pong #1', 'pong #2', 'pong #3']);
    await expect
      .poll(() => messages(session().browser.recorder.events.slice(before), 'ChildProcess.Ping').length)
      .toBe(3);
  });

  it('refuses a process that is not there', async () => {
    await expect(session().browser.pingRenderer('renderer:99')).rejects.toThrow(
      /renderer:99 is not a ready renderer process/,
    );
  });
});
