/**
 * The desktop window's security policy, as plain data and pure checks (type-only
 * imports from electron, so tests run without the Electron binary):
 *   - a hardened BrowserWindow: context isolation, sandbox, no Node, no <webview>;
 *   - the app is served from app://navscope only; navigation and window.open stay there;
 *   - every permission request is denied;
 *   - an IPC call is answered only for the app's own window's main frame.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'navscope';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function windowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    title: 'NavScope',
    show: false,
    backgroundColor: '#f3f5f8',
    autoHideMenuBar: true,
    webPreferences: windowWebPreferences(preloadPath),
  };
}

/** Is this URL inside the app (app://navscope/…)? Custom schemes have no web origin, so compare parts. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Navigation inside the window: only to the app itself. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** What the window may open: nothing (no new windows, no popups). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, notifications, geolocation…: the window needs none of them. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

export interface IpcSender {
  /** webContents id of the sender. */
  webContentsId: number;
  /** URL of the sending frame, or null when the frame is gone. */
  frameUrl: string | null;
  /** The sending frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
}

/** Why an IPC call must be refused, or null when it comes from the app's window. */
export function senderProblem(sender: IpcSender, appWebContentsId: number | null): string | null {
  if (appWebContentsId === null) return 'the NavScope window is not open';
  if (sender.webContentsId !== appWebContentsId)
    return `call from webContents ${sender.webContentsId}, which is not the NavScope window`;
  if (sender.frameUrl === null) return 'the calling frame is gone';
  if (!sender.isMainFrame) return 'call from a subframe';
  if (!isAppUrl(sender.frameUrl)) return `call from ${sender.frameUrl.slice(0, 200)}, which is not the app`;
  return null;
}
