/**
 * The window's single access point to the browser model: the desktop shell's
 * preload API when present, else the web host's WebSocket. If neither is possible,
 * an API whose every call explains why.
 */
import type { BrowserModelApi } from '../../../shared/api/browserModelApi';
import { WebSocketBrowserModel } from './webSocketBrowserModel';
import { errorMessage } from '../../../shared/base/errors';

function unavailable(reason: string): BrowserModelApi {
  const fail = () => Promise.reject(new Error(reason));
  return {
    info: fail,
    navigate: fail,
    newTab: fail,
    closeTab: fail,
    switchTab: fail,
    navigateInTab: fail,
    goBack: fail,
    goForward: fail,
    reload: fail,
    proceedInterstitial: fail,
    killRenderer: fail,
    killNetworkThread: fail,
    stepMode: fail,
    newSession: fail,
    recordReal: fail,
    subscribeTrace: () => () => undefined,
  };
}

export function connectBrowserModel(): BrowserModelApi {
  if (window.navscope) return window.navscope;
  try {
    return WebSocketBrowserModel.fromPageLocation(window.location);
  } catch (error) {
    return unavailable(errorMessage(error));
  }
}
