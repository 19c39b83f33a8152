import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LaunchedRenderer,
  RendererExit,
  RendererLaunchOptions,
  RendererLauncher,
} from '../../../electron/browser/rendererLauncher.js';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { type PackedFrame, type WireFrame, unpackFrame } from '../../../shared/ipc/messageEnvelope.js';
import { ofType } from '../support/browserHarness.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

/**
 * A scripted renderer that answers CommitNavigation with its acknowledgement, a title,
 * DidStopLoading and the favicon URL all in one burst — what a real renderer does for a small page.
 * The browser must handle them in order, whatever its own continuations are doing.
 */
class BurstRendererLauncher implements RendererLauncher {
  readonly kind = 'scripted';
  launch(options: RendererLaunchOptions): LaunchedRenderer {
    const id = options.endpointId;
    let onMessage: (raw: unknown) => void = () => undefined;
    let sent = 0;
    const envelope = (name: string, payload: unknown, replyTo?: string) => ({
      kind: 'message',
      envelope: {
        v: 1,
        flowId: `${id}#${++sent}`,
        name,
        from: id,
        to: 'browser',
        route: null,
        sentAt: Date.now() * 1000,
        payload,
        ...(replyTo !== undefined ? { replyTo } : {}),
      },
    });
    return {
      onSpawn: (listener) => queueMicrotask(() => listener(424242)),
      onMessage: (listener) => {
        onMessage = listener;
        setImmediate(() =>
          listener({
            kind: 'hello',
            endpoint: { id, role: 'renderer', pid: 424242, processName: 'scripted', threadName: 'CrRendererMain' },
          }),
        );
      },
      onExit: (_listener: (exit: RendererExit) => void) => undefined,
      post: (packed: PackedFrame) => {
        const frame = unpackFrame(packed) as WireFrame;
        if (frame.kind !== 'message') return;
        if (frame.envelope.name === 'LocalFrame.BeforeUnload') {
          const { frameToken } = frame.envelope.payload as { frameToken: string };
          onMessage(envelope('LocalFrame.BeforeUnload:reply', { frameToken, proceed: true }, frame.envelope.flowId));
          return;
        }
        if (frame.envelope.name !== 'NavigationClient.CommitNavigation') return;
        const commit = frame.envelope.payload as {
          navigationId: string;
          frameToken: string;
          commonParams: { url: string };
          commitParams: { origin: string };
          responseHead: { status: number; mimeType: string };
        };
        // One burst, no turn of the event loop in between.
        onMessage(
          envelope(
            'NavigationClient.CommitNavigation:reply',
            {
              navigationId: commit.navigationId,
              frameToken: commit.frameToken,
              url: commit.commonParams.url,
              origin: commit.commitParams.origin,
              httpStatusCode: commit.responseHead.status,
              mimeType: commit.responseHead.mimeType,
            },
            frame.envelope.flowId,
          ),
        );
        onMessage(envelope('LocalFrameHost.UpdateTitle', { frameToken: commit.frameToken, title: 'Burst title' }));
        onMessage(envelope('FrameHost.DidStopLoading', { frameToken: commit.frameToken }));
        // An HTML document's renderer reports its icon last, as Chromium's does.
        onMessage(
          envelope('LocalFrameHost.UpdateFaviconURL', {
            frameToken: commit.frameToken,
            faviconUrls: [new URL('/favicon.ico', commit.commonParams.url).href],
          }),
        );
      },
      kill: () => undefined,
    };
  }
  killAll(): void {}
}

describe('a renderer that answers the commit in one burst', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.start({
      lab: true,
      launcher: new BurstRendererLauncher(),
      // session.stop() is not called here (the stand-in renderers never shut down): the folder is the test's.
      downloadsDir: temporaryFolder('navscope-downloads-'),
    });
  });
  afterAll(async () => {
    session.browser.webContents.shuttingDown = true;
    await session.browser.network.stop();
    await session.lab?.stop();
  });

  it('commits, keeps the page title and stops loading — every time', async () => {
    for (let i = 0; i < 5; i++) {
      const before = session.browser.recorder.events.length;
      const result = await session.browser.webContents.navigateFromOmnibox(
        i % 2 ? 'https://www.naver.com/br' : 'https://www.naver.com/status/404',
      );
      expect(result.outcome).toBe('loaded');
      const states = ofType(session.browser.recorder.events.slice(before), 'state');
      expect(states.filter((s) => s.field === 'title').at(-1)!.value).toBe('Burst title');
      expect(states.filter((s) => s.field === 'loading').at(-1)!.value).toBe(false);
    }
  });
});
