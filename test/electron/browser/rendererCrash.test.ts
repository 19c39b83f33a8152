import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { nextHeldRequest, ofType, startLabSession } from '../support/browserHarness.js';

describe('a renderer process killed mid-navigation', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startLabSession();
  });
  afterAll(async () => {
    session?.lab?.releaseHeld();
    await session?.stop();
  });

  it('is recorded as a crash with its pid; the browser keeps running and the next navigation works', async () => {
    const lab = session.lab!;
    // /slow references an image the lab holds back: the page commits and then waits.
    const held = nextHeldRequest(session);
    const navigation = session.browser.webContents.navigateFromOmnibox('http://www.naver.com/slow');
    await held;
    const spawn = ofType(session.browser.recorder.events, 'process.spawn')[0]!;
    process.kill(spawn.pid, 'SIGKILL');

    const result = await navigation;
    expect(result.outcome).toBe('renderer-crashed');
    const events = session.browser.recorder.events;
    const crash = ofType(events, 'process.crash')[0]!;
    expect(crash).toMatchObject({ processId: spawn.processId, pid: spawn.pid, reason: 'killed', signal: 'SIGKILL' });
    expect(ofType(events, 'state').find((s) => s.field === 'crashed' && s.value === true)).toBeDefined();
    expect(
      ofType(events, 'state')
        .filter((s) => s.field === 'loading')
        .at(-1)!.value,
    ).toBe(false);

    lab.releaseHeld();
    const again = await session.browser.webContents.navigateFromOmnibox('www.naver.com');
    expect(again.outcome).toBe('loaded');
    const respawn = ofType(session.browser.recorder.events, 'process.spawn').at(-1)!;
    expect(respawn.pid).not.toBe(spawn.pid);
    expect(respawn.site).toBe('https://naver.com');
  });

  it('survives being killed again and again during loads', async () => {
    const lab = session.lab!;
    for (let round = 0; round < 3; round++) {
      const held = nextHeldRequest(session);
      const navigation = session.browser.webContents.navigateFromOmnibox('http://www.naver.com/slow');
      await held;
      // The process showing the committed page (not a speculative one that was discarded).
      const pid = session.browser.webContents.currentFrame!.process.pid!;
      process.kill(pid, 'SIGKILL');
      expect((await navigation).outcome).toBe('renderer-crashed');
      lab.releaseHeld();
    }
    expect((await session.browser.webContents.navigateFromOmnibox('www.google.com')).outcome).toBe('loaded');
  });
});
