import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IpcInvokeEventLike, registerBrowserModelIpc } from '../../../electron/hosts/desktop/desktopIpc.js';
import { BrowserModelService } from '../../../electron/hosts/node/browserModelService.js';
import type { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { startLabSession } from '../support/browserHarness.js';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

function sender(id: number, frameUrl: string | null, parent: unknown = null) {
  const sent: { channel: string; args: unknown[] }[] = [];
  const destroyedListeners: (() => void)[] = [];
  const event: IpcInvokeEventLike = {
    sender: {
      id,
      isDestroyed: () => false,
      send: (channel, ...args) => void sent.push({ channel, args }),
      once: (_e, l) => destroyedListeners.push(l),
    },
    senderFrame: frameUrl === null ? null : { url: frameUrl, parent },
  };
  return { event, sent, destroy: () => destroyedListeners.forEach((l) => l()) };
}

describe('the desktop IPC handlers (main process)', () => {
  let session: BrowserSession;
  const handlers = new Map<string, Listener>();

  beforeAll(async () => {
    session = await startLabSession();
    const service = new BrowserModelService(session, {
      mode: 'lab',
      shell: 'desktop',
      version: 'test',
      rendererLauncher: 'utilityProcess.fork',
      scenarios: [],
    });
    registerBrowserModelIpc({ handle: (channel, listener) => void handlers.set(channel, listener) }, service, () => 7);
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('registers exactly the catalogue’s channels', () => {
    expect([...handlers.keys()].sort()).toEqual([
      'navscope:closeTab',
      'navscope:goBack',
      'navscope:goForward',
      'navscope:info',
      'navscope:killNetworkThread',
      'navscope:killRenderer',
      'navscope:navigate',
      'navscope:navigateInTab',
      'navscope:newSession',
      'navscope:newTab',
      'navscope:proceedInterstitial',
      'navscope:recordReal',
      'navscope:reload',
      'navscope:stepMode',
      'navscope:subscribe',
      'navscope:switchTab',
    ]);
  });

  it('checks the sender of every call before anything runs', async () => {
    const info = handlers.get('navscope:info')!;
    await expect(
      Promise.resolve().then(() => info(sender(7, 'app://navscope/index.html').event)),
    ).resolves.toMatchObject({ shell: 'desktop' });
    for (const bad of [
      sender(8, 'app://navscope/index.html'),
      sender(7, 'https://www.naver.com/'),
      sender(7, 'app://navscope/index.html', { parent: true }),
      sender(7, null),
    ]) {
      await expect(Promise.resolve().then(() => info(bad.event))).rejects.toThrow(/refused an IPC call/);
    }
    const before = session.browser.recorder.events.length;
    await expect(
      Promise.resolve().then(() =>
        handlers.get('navscope:navigate')!(sender(8, 'app://navscope/index.html').event, 'www.naver.com'),
      ),
    ).rejects.toThrow(/not the NavScope window/);
    expect(session.browser.recorder.events.length).toBe(before);
  });

  it('validates arguments, navigates, and streams the trace to the window', async () => {
    const navigate = handlers.get('navscope:navigate')!;
    const window = sender(7, 'app://navscope/index.html');
    await expect(Promise.resolve().then(() => navigate(window.event, 42))).rejects.toThrow(/invalid call/);
    await expect(Promise.resolve().then(() => navigate(window.event, 'a', 'b'))).rejects.toThrow(/invalid call/);
    expect(handlers.get('navscope:subscribe')!(window.event)).toBe(true);
    await expect(Promise.resolve(navigate(window.event, 'www.naver.com'))).resolves.toMatchObject({
      outcome: 'loaded',
    });
    await new Promise((resolve) => setImmediate(resolve));
    const streamed = window.sent
      .filter((s) => s.channel === 'navscope:trace')
      .flatMap((s) => s.args[0] as { seq: number; type: string; name?: string }[]);
    expect(streamed.map((e) => e.seq)).toEqual(streamed.map((_, i) => i));
    expect(streamed.some((e) => e.type === 'message' && e.name === 'FrameHost.DidStopLoading')).toBe(true);
    window.destroy();
  });
});
