/**
 * The desktop app's main process: the browser process. Its main thread is the UI
 * thread running the browser model; the network thread is a Worker; renderer
 * stand-ins are utility processes. The window is a hardened BrowserWindow loading
 * the built window from app://navscope, talking to the model only through the
 * preload's API.
 *
 * Arguments: [--live] (default: the embedded lab, offline).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, app, ipcMain, protocol, session } from 'electron';
import { Lab } from '../../lab/lab.js';
import { builtEntry, builtWindowDir, packageRoot } from '../../node/builtEntries.js';
import { defaultDataDir, defaultDownloadsDir } from '../../node/dataDir.js';
import { BrowserModelService } from '../node/browserModelService.js';
import { BrowserSession } from '../node/browserSession.js';
import { SECURITY_HEADERS, contentTypeFor, relativeFileFor, resolveWindowFile } from '../node/windowFiles.js';
import { registerBrowserModelIpc } from './desktopIpc.js';
import { ElectronRealRecorder } from './electronRealRecorder.js';
import { electronLabSwitches } from './electronRealLab.js';
import { UtilityRendererLauncher } from './utilityRendererLauncher.js';
import {
  APP_HOST,
  APP_SCHEME,
  APP_URL,
  navigationAllowed,
  permissionAllowed,
  windowOpenDecision,
  windowOptions,
} from './windowPolicy.js';
import { errorStack } from '../../../shared/base/errors.js';

const live = process.argv.includes('--live');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Every webContents the app ever creates is locked down the same way.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
});

async function serveWindowFile(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const notFound = () =>
    new Response('Not found.', {
      status: 404,
      headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
  const relative = relativeFileFor(url.pathname);
  const file = relative === null ? null : await resolveWindowFile(builtWindowDir(), relative);
  if (!file) return notFound();
  return new Response(await readFile(file), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
  });
}

async function main(lab: Lab | null, switches: [string, string][]): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  protocol.handle(APP_SCHEME, serveWindowFile);

  const launcher = new UtilityRendererLauncher(builtEntry('rendererProcess'));
  app.on('child-process-gone', (_event, details) => launcher.childProcessGone(details));
  const browserSession = await BrowserSession.start({
    lab: lab ?? false,
    launcher,
    dataDir: defaultDataDir(),
    downloadsDir: defaultDownloadsDir(),
    spareRenderer: true,
    speculativeProcesses: true,
  });
  const rules = switches.find(([name]) => name === 'host-resolver-rules')?.[1] ?? null;
  const service = new BrowserModelService(
    browserSession,
    browserSession.hostInfo('desktop'),
    new ElectronRealRecorder(lab?.config ?? null, rules),
  );

  const window = new BrowserWindow(windowOptions(path.join(packageRoot(), 'out', 'desktop', 'preload.cjs')));
  registerBrowserModelIpc(ipcMain, service, () => (window.isDestroyed() ? null : window.webContents.id));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);

  let quitting = false;
  app.on('window-all-closed', () => {
    if (quitting) return;
    quitting = true;
    void browserSession
      .stop()
      .then(() => lab?.stop())
      .finally(() => app.quit());
  });
}

function failed(error: unknown): void {
  process.stderr.write(`NavScope could not start: ${errorStack(error)}
`);
  app.exit(1);
}

// Lab mode: the lab starts first, so that Electron's own Chromium ("Real Chromium") is pointed at it before the
// app is ready (host-resolver rules, background networking off: electronRealLab.ts). This module's top-level
// await holds the ready event back until the switches are in place; whenReady itself is awaited only in main().
try {
  const lab = live ? null : await Lab.start({ dataDir: defaultDataDir() });
  const switches = lab ? electronLabSwitches(lab.config) : [];
  for (const [name, value] of switches) app.commandLine.appendSwitch(name, value);
  main(lab, switches).catch(failed);
} catch (error) {
  failed(error);
}
