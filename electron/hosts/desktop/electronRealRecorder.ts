/**
 * "Real Chromium" in the desktop app: the Chromium inside Electron itself loads what
 * the user typed, and what it recorded is mapped into NavScope's trace for the window.
 *
 * - The page loads in a WebContentsView of its own, in an in-memory session of its own
 *   (a new partition per recording: no cookies, cache or certificates shared with
 *   anything else), sandboxed, with every permission denied.
 * - Lab mode: the app was started with the lab's host-resolver rules and background
 *   networking switched off (electronRealLab.ts, before the app was ready); the
 *   recording's session trusts the lab's valid certificates by their public keys, and
 *   nothing else beyond Chromium's own trust.
 * - contentTracing records the same categories as the system-Chromium recorder
 *   (realChromiumRecorder.ts), the session's netLog records a NetLog beside it, and
 *   app.getAppMetrics() says which pid is which process.
 *
 * Electron allows one trace at a time: recordings run one after another.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebContentsView, app, contentTracing, session } from 'electron';
import type { RealRecordingView } from '../../../shared/api/browserModelApi.js';
import { parseChromeTrace } from '../../../shared/real/chromeTraceParser.js';
import { realNavigationTarget } from '../../../shared/real/realNavigationInput.js';
import { mapRealTrace } from '../../../shared/real/realTraceMapping.js';
import type { ChromiumLabTargets } from '../../node/chromiumLabFlags.js';
import { REAL_TRACE_CATEGORIES } from '../../../shared/real/realTraceCategories.js';
import type { RealRecorder } from '../node/browserModelService.js';
import { labCertificateDecision } from './electronRealLab.js';

const LOAD_TIMEOUT_MS = 30_000;

export class ElectronRealRecorder implements RealRecorder {
  private queue: Promise<unknown> = Promise.resolve();
  private count = 0;

  constructor(
    /** The lab the app's switches point Chromium at; null in live mode, where nothing is recorded. */
    private readonly lab: ChromiumLabTargets | null,
    /** The host-resolver rules the app was started with (for the record). */
    private readonly hostResolverRules: string | null,
  ) {}

  record(input: string): Promise<RealRecordingView> {
    const run = this.queue.then(() => this.recordOne(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async recordOne(input: string): Promise<RealRecordingView> {
    const lab = this.lab;
    if (!lab)
      throw new Error(
        'A real Chromium is recorded in lab mode only, against the embedded lab: the app runs on the live internet (start it without --live).',
      );
    const target = realNavigationTarget(input);
    const workDir = await mkdtemp(path.join(tmpdir(), 'navscope-electron-real-'));
    const netLogFile = path.join(workDir, 'netlog.json');
    const ses = session.fromPartition(`navscope-real-${process.pid}-${++this.count}`, { cache: false });
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setCertificateVerifyProc((request, callback) =>
      callback(labCertificateDecision(request.hostname, request.certificate.data, lab)),
    );
    const view = new WebContentsView({
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    const contents = view.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    let tracing = false;
    let logging = false;
    let error: string | null = null;
    try {
      await contentTracing.startRecording({
        included_categories: [...REAL_TRACE_CATEGORIES],
        recording_mode: 'record-as-much-as-possible',
      });
      tracing = true;
      await ses.netLog.startLogging(netLogFile, { captureMode: 'everything' });
      logging = true;
      const started = Date.now();
      try {
        await Promise.race([
          contents.loadURL(target.url),
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`the page did not load within ${LOAD_TIMEOUT_MS / 1000} s`)),
              LOAD_TIMEOUT_MS,
            ),
          ),
        ]);
      } catch (loadError) {
        error = loadError instanceof Error ? loadError.message.split('\n')[0]! : String(loadError);
      }
      const loadMs = Date.now() - started;
      const metrics = app.getAppMetrics();
      const finalUrl = contents.getURL();
      const title = contents.getTitle();
      await ses.netLog.stopLogging();
      logging = false;
      const traceFile = await contentTracing.stopRecording(path.join(workDir, 'trace.json'));
      tracing = false;
      const real = await parseChromeTrace(new Uint8Array(await readFile(traceFile)));
      const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
      const processes = metrics
        .map((m) => `${m.pid} ${m.type}${m.serviceName ? ` (${m.serviceName})` : m.name ? ` (${m.name})` : ''}`)
        .join(', ');
      const trace = mapRealTrace(real, {
        origin: 'real-chromium',
        name: `${input} → ${target.url}`,
        recorder: 'navscope-electron',
        recordedWith:
          `NavScope loaded the page in Electron's own Chromium (Electron ${versions.electron ?? '?'}, Chromium ${versions.chrome ?? '?'}): ` +
          'a WebContentsView in an in-memory session of its own, recorded with contentTracing ' +
          `(categories ${REAL_TRACE_CATEGORIES.join(', ')}) and the session's netLog; pids from app.getAppMetrics().`,
        lab: this.hostResolverRules,
        tls: "The lab's valid server certificates are trusted by their public-key hashes in the recording's own session only (setCertificateVerifyProc); every other certificate is left to Chromium's verification.",
        chromium: {
          product: `Electron/${versions.electron ?? '?'} Chrome/${versions.chrome ?? '?'}`,
          version: versions.chrome ?? null,
          revision: null,
        },
        pages: [{ url: target.url, finalUrl: finalUrl || null, title: title || null }],
        notes: [
          target.how,
          `The app's processes (app.getAppMetrics()): ${processes}. The app's own window (app://navscope) is one of the renderers, and the app's main process, which runs NavScope's model, is the browser process.`,
          ...(error ? [`The page did not load: ${error}`] : []),
        ],
      });
      return {
        input,
        url: target.url,
        message: error
          ? `Electron's Chromium ${versions.chrome ?? ''} could not load ${target.url}: ${error}`
          : `Electron's Chromium ${versions.chrome ?? ''} loaded ${finalUrl || target.url} in ${loadMs} ms`,
        loaded: error === null,
        events: trace.events,
      };
    } finally {
      if (logging) await ses.netLog.stopLogging().catch(() => undefined);
      if (tracing) await contentTracing.stopRecording(path.join(workDir, 'unfinished.json')).catch(() => undefined);
      if (!contents.isDestroyed()) contents.close();
      await ses.clearStorageData().catch(() => undefined);
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
