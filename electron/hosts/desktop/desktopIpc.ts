/**
 * BrowserModelApi over Electron IPC, main-process side: one `handle` per API method
 * and one to subscribe to the trace. Every call is checked — sender first (the app's
 * own window, main frame, app:// URL), then method and arguments — before it reaches
 * the browser model. Written against the slice of ipcMain it uses, so it is tested
 * without the Electron binary.
 */
import { API_METHODS } from '../../../shared/api/browserModelApi.js';
import { IPC_CHANNELS } from '../../../shared/api/apiProtocol.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import type { BrowserModelService } from '../node/browserModelService.js';
import { type IpcSender, senderProblem } from './windowPolicy.js';

export interface IpcInvokeEventLike {
  sender: {
    id: number;
    isDestroyed(): boolean;
    send(channel: string, ...args: unknown[]): void;
    once(event: 'destroyed', listener: () => void): unknown;
  };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

function senderOf(event: IpcInvokeEventLike): IpcSender {
  return {
    webContentsId: event.sender.id,
    frameUrl: event.senderFrame ? event.senderFrame.url : null,
    isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
  };
}

export function registerBrowserModelIpc(
  ipc: IpcMainLike,
  service: BrowserModelService,
  appWebContentsId: () => number | null,
): void {
  const check = (event: IpcInvokeEventLike): void => {
    const problem = senderProblem(senderOf(event), appWebContentsId());
    if (problem) throw new Error(`NavScope refused an IPC call: ${problem}`);
  };
  for (const method of API_METHODS) {
    ipc.handle(IPC_CHANNELS.invoke(method), (event, ...args) => {
      check(event);
      return service.call(method, args);
    });
  }
  const streams = new Map<number, () => void>();
  ipc.handle(IPC_CHANNELS.subscribe, (event) => {
    check(event);
    const contents = event.sender;
    streams.get(contents.id)?.();
    const stop = service.streamTrace((events: TraceEvent[]) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.trace, events);
    });
    streams.set(contents.id, stop);
    contents.once('destroyed', () => {
      stop();
      streams.delete(contents.id);
    });
    return true;
  });
}
