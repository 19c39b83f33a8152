/**
 * Entry point of a renderer process stand-in (Chromium's content/renderer). Runs as
 * a Node child process (child_process.fork) or, unchanged, as an Electron utility
 * process. It owns no sockets and no files: it talks only to the browser process.
 *
 * The Node hosts start it from a startup snapshot (electron/build.mjs bundles this
 * file with its libraries and Node records the heap once it has loaded them, as
 * Chromium's zygote holds an initialized renderer): a process started from the
 * snapshot has its HTML and CSS parsers in memory before its first instruction, and
 * `main` runs at once. Started from the script instead, it says it is ready as soon
 * as its channel is up and loads the parsers right after.
 *
 * Arguments: --navscope-renderer-id=renderer:<n> --navscope-site=<site>
 */
import { startupSnapshot } from 'node:v8';
import { THREAD_NAMES, roleOf } from '../../shared/ipc/endpoints.js';
import { TraceWriter } from '../../shared/trace/traceWriter.js';
import { ChildEndpoint } from '../node/childEndpoint.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { getParentPort } from '../node/parentPort.js';
import { loadBlinkLibraries } from './blinkLibraries.js';
import type { FrameRecorder } from './documentLoader.js';
import { type FrameRegistry, RenderFrame } from './renderFrame.js';
import { errorMessage } from '../../shared/base/errors.js';

function argument(name: string): string {
  const prefix = `--navscope-${name}=`;
  const value = process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  if (!value) throw new Error(`renderer process started without ${prefix}…`);
  return value;
}

/** Everything a renderer process does, from its arguments on. */
function main(): void {
  const endpointId = argument('renderer-id');
  if (roleOf(endpointId) !== 'renderer') throw new Error(`"${endpointId}" is not a renderer endpoint id`);
  const site = argument('site');

  const child = new ChildEndpoint(
    {
      id: endpointId,
      role: 'renderer',
      pid: process.pid,
      processName: `Renderer (${site})`,
      threadName: THREAD_NAMES.renderer,
    },
    getParentPort(),
  );
  const endpoint = child.endpoint;
  const frames = new Map<string, RenderFrame>();
  /** Frames this process shows through a RenderFrameProxy, by proxy token. */
  const proxies = new Map<string, RenderFrame>();
  let requestCounter = 0;
  const nextRequestId = (): string => `${endpointId}/r${++requestCounter}`;
  let childFrameCounter = 0;
  const registry: FrameRegistry = {
    nextChildFrameToken: () => `${endpointId}/f${++childFrameCounter}`,
    add: (frame) => void frames.set(frame.frameToken, frame),
  };

  const writer = new TraceWriter(endpointId, child.sink, monotonicMicros);
  const recording: FrameRecorder = {
    event: (body) => writer.record(body),
    now: monotonicMicros,
    span: (name, args, run) => writer.span(name, 'renderer', { phase: 'load', args }, run),
  };

  function frameFor(requestId: string): RenderFrame | undefined {
    for (const frame of frames.values()) if (frame.ownsRequest(requestId)) return frame;
    return undefined;
  }

  /**
   * Work for documents runs in arrival order. Until the HTML and CSS parsers are loaded
   * (right after the process said it is ready) it waits in a queue; a queued task that
   * fails is recorded, as the endpoint records a failing handler.
   */
  let librariesLoaded = false;
  const waiting: (() => void)[] = [];
  function inOrder(task: () => void): void {
    if (librariesLoaded && waiting.length === 0) task();
    else waiting.push(task);
  }

  function frameNamed(frameToken: string, message: string): RenderFrame {
    const frame = frames.get(frameToken);
    if (!frame) throw new Error(`${message} for unknown frame ${frameToken}`);
    return frame;
  }

  endpoint.on('AgentSchedulingGroup.CreateView', (p) =>
    inOrder(
      () => void frames.set(p.frameToken, new RenderFrame(p.frameToken, endpoint, recording, nextRequestId, registry)),
    ),
  );
  // A frame for a document of this process's site inside a page another process shows (an out-of-process iframe).
  endpoint.on('AgentSchedulingGroup.CreateFrame', (p) =>
    inOrder(
      () => void frames.set(p.frameToken, new RenderFrame(p.frameToken, endpoint, recording, nextRequestId, registry)),
    ),
  );
  // The frame's document now lives in another process: a RenderFrameProxy takes its place here.
  endpoint.on('Frame.Unload', (p) =>
    inOrder(() => {
      const frame = frameNamed(p.frameToken, 'Frame.Unload');
      frames.delete(p.frameToken);
      frame.unload(p.proxyToken);
      proxies.set(p.proxyToken, frame);
    }),
  );
  endpoint.on('RemoteFrame.DidStopLoading', (p) =>
    inOrder(() => (proxies.get(p.frameToken) ?? frames.get(p.frameToken))?.didStopLoadingRemotely()),
  );
  endpoint.on('Frame.Delete', (p) =>
    inOrder(() => {
      const frame = frames.get(p.frameToken);
      frames.delete(p.frameToken);
      frame?.detach(p.reason);
    }),
  );
  endpoint.on('NavigationClient.CommitNavigation', (p, e) =>
    inOrder(() => frameNamed(p.frameToken, 'CommitNavigation').commitNavigation(p, e)),
  );
  endpoint.on('NavigationClient.CommitFailedNavigation', (p, e) =>
    inOrder(() => frameNamed(p.frameToken, 'CommitFailedNavigation').commitFailedNavigation(p, e)),
  );
  endpoint.on('LocalFrame.BeforeUnload', (p, e) =>
    inOrder(() => {
      const frame = frames.get(p.frameToken);
      endpoint.reply(e, 'LocalFrame.BeforeUnload:reply', {
        frameToken: p.frameToken,
        proceed: frame ? frame.beforeUnload() : true,
      });
    }),
  );
  endpoint.on('URLLoaderClient.OnReceiveResponse', (p) => inOrder(() => frameFor(p.requestId)?.onResponse(p)));
  // Subresource redirects are followed (the browser decides for navigations).
  endpoint.on('URLLoaderClient.OnReceiveRedirect', (p) => inOrder(() => frameFor(p.requestId)?.onRedirect(p)));
  endpoint.on('DataPipe.Write', (p) => inOrder(() => frameFor(p.pipeId)?.onBodyChunk(p.pipeId, p.chunk)));
  endpoint.on('URLLoaderClient.OnComplete', (p) => inOrder(() => frameFor(p.requestId)?.onComplete(p)));
  // The network service was restarted: loads open on the old one will never complete.
  endpoint.on('Frame.UpdateSubresourceLoaderFactories', (p) =>
    inOrder(() => {
      for (const frame of frames.values()) frame.disconnectLoaders(p.reason);
    }),
  );
  // Answered at once: a ping measures the transport, not the document work queued behind it.
  endpoint.on(
    'ChildProcess.Ping',
    (p) => void endpoint.send('browser', 'ChildProcessHost.Pong', { sequence: p.sequence }),
  );
  endpoint.on('ChildProcess.ProcessShutdown', () =>
    inOrder(() => {
      child.flush();
      // Let the channel drain the last trace records, then exit cleanly.
      setTimeout(() => process.exit(0), 50);
    }),
  );

  child.start();
  // Ready to receive; the parsers load now, shown in the trace as the process's own start-up work.
  const initSpan = `${endpointId}/init`;
  child.sink.record({
    type: 'span.begin',
    ts: monotonicMicros(),
    endpoint: endpointId,
    spanId: initSpan,
    name: 'Load HTML and CSS parsers',
    category: 'renderer',
    phase: null,
    parentId: null,
    navigationId: null,
    requestId: null,
    args: {},
  });
  loadBlinkLibraries().then(
    () => {
      child.sink.record({
        type: 'span.end',
        ts: monotonicMicros(),
        endpoint: endpointId,
        spanId: initSpan,
        status: 'ok',
        error: null,
        args: {},
      });
      librariesLoaded = true;
      for (const task of waiting.splice(0)) {
        try {
          task();
        } catch (error) {
          recording.event({
            type: 'error',
            where: endpointId,
            message: `handling a message failed: ${errorMessage(error)}`,
          });
        }
      }
    },
    (error: unknown) => {
      recording.event({
        type: 'error',
        where: endpointId,
        message: `the HTML and CSS parsers could not be loaded: ${errorMessage(error)}`,
      });
      child.flush();
      setTimeout(() => process.exit(1), 50);
    },
  );
}

if (startupSnapshot.isBuildingSnapshot()) {
  // Load the parsers into the snapshot now; each process started from it runs main.
  void loadBlinkLibraries();
  startupSnapshot.setDeserializeMainFunction(main);
} else {
  main();
}
