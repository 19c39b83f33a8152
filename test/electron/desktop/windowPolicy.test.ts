import { describe, expect, it } from 'vitest';
import {
  APP_URL,
  isAppUrl,
  navigationAllowed,
  permissionAllowed,
  senderProblem,
  windowOpenDecision,
  windowOptions,
  windowWebPreferences,
} from '../../../electron/hosts/desktop/windowPolicy.js';

describe('the desktop window’s security settings', () => {
  it('is a hardened BrowserWindow: isolated, sandboxed, no Node, no webview, web security on', () => {
    const prefs = windowWebPreferences('/app/out/desktop/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/desktop/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(windowOptions('/p').webPreferences).toEqual(windowWebPreferences('/p'));
    expect(windowOptions('/p')).toMatchObject({ width: 1280, height: 800 });
  });

  it('keeps navigation inside the app and opens no windows', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(navigationAllowed('app://navscope/index.html#x')).toBe(true);
    for (const url of [
      'https://www.naver.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://user@navscope/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(navigationAllowed(url), url).toBe(false);
    }
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(permissionAllowed(permission)).toBe(false);
  });

  it('answers IPC only from the app window’s main frame on app://', () => {
    const ok = { webContentsId: 3, frameUrl: 'app://navscope/index.html', isMainFrame: true };
    expect(senderProblem(ok, 3)).toBeNull();
    expect(senderProblem(ok, null)).toMatch(/not open/);
    expect(senderProblem({ ...ok, webContentsId: 4 }, 3)).toMatch(/not the NavScope window/);
    expect(senderProblem({ ...ok, isMainFrame: false }, 3)).toMatch(/subframe/);
    expect(senderProblem({ ...ok, frameUrl: 'https://www.naver.com/' }, 3)).toMatch(/not the app/);
    expect(senderProblem({ ...ok, frameUrl: null }, 3)).toMatch(/gone/);
  });
});
