/**
 * The download manager (Chromium's DownloadManager in the browser process): when a
 * navigation's response is to be saved rather than shown, its loader is handed here.
 * The body keeps arriving through the same data pipe; the file is written under the
 * downloads folder with progress, and nothing commits: the page the user was on stays.
 * Renderer processes never touch the disk.
 */
import { type WriteStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PayloadOf, ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import type { BrowserTracing } from './browserTracing.js';

interface ActiveDownload {
  id: string;
  path: string;
  stream: WriteStream;
  received: number;
  total: number;
  lastReported: number;
  finished: Promise<'complete' | 'interrupted'>;
  finish: (state: 'complete' | 'interrupted') => void;
}

/** The file name a response asks for (Content-Disposition), else the URL's last segment. */
export function suggestedFilename(head: Pick<ResponseHead, 'headers'>, url: string): string {
  const disposition = head.headers.find(([n]) => n.toLowerCase() === 'content-disposition')?.[1] ?? '';
  let name = '';
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!.trim());
    } catch {
      name = '';
    }
  }
  if (!name)
    name = /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1] ?? '';
  if (!name) {
    try {
      name = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
    } catch {
      name = '';
    }
  }
  // Never a path: only the base name, no leading dots, no control characters.
  name = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return name || 'download';
}

export function isAttachment(head: Pick<ResponseHead, 'headers'>): boolean {
  const disposition = head.headers.find(([n]) => n.toLowerCase() === 'content-disposition')?.[1] ?? '';
  return /^\s*attachment\b/i.test(disposition);
}

export class DownloadManager {
  private readonly active = new Map<string, ActiveDownload>();
  private counter = 0;

  constructor(
    private readonly tracing: BrowserTracing,
    private readonly downloadsDir: string,
  ) {}

  owns(requestId: string): boolean {
    return this.active.has(requestId);
  }

  /** Takes over a loader whose response is to be saved. Resolves when the file is complete or interrupted. */
  begin(requestId: string, url: string, head: ResponseHead, mimeType: string): Promise<'complete' | 'interrupted'> {
    mkdirSync(this.downloadsDir, { recursive: true });
    const filename = suggestedFilename(head, url);
    const file = this.uniquePath(filename);
    const id = `download${++this.counter}`;
    let finish!: (state: 'complete' | 'interrupted') => void;
    const finished = new Promise<'complete' | 'interrupted'>((resolve) => (finish = resolve));
    const stream = createWriteStream(file, { flags: 'wx', mode: 0o644 });
    const download: ActiveDownload = {
      id,
      path: file,
      stream,
      received: 0,
      total: head.contentLength,
      lastReported: 0,
      finished,
      finish,
    };
    stream.on('error', (error) => this.end(requestId, 'interrupted', `writing ${file}: ${error.message}`));
    this.active.set(requestId, download);
    this.tracing.record({
      type: 'download.begin',
      downloadId: id,
      url,
      filename: path.basename(file),
      path: file,
      mimeType,
      totalBytes: head.contentLength,
    });
    return finished;
  }

  onData(requestId: string, chunk: Uint8Array): void {
    const download = this.active.get(requestId);
    if (!download) return;
    download.stream.write(chunk);
    download.received += chunk.byteLength;
    const step = download.total > 0 ? Math.max(download.total / 10, 16 * 1024) : 64 * 1024;
    if (download.received - download.lastReported >= step) {
      download.lastReported = download.received;
      this.tracing.record({
        type: 'download.progress',
        downloadId: download.id,
        receivedBytes: download.received,
        totalBytes: download.total,
      });
    }
  }

  onComplete(requestId: string, status: PayloadOf<'URLLoaderClient.OnComplete'>['status']): void {
    if (status.errorCode === 0) this.end(requestId, 'complete', null);
    else this.end(requestId, 'interrupted', `${status.errorName}: ${status.errorDetail}`);
  }

  /** The network service crashed: every download still receiving is interrupted (its loader is gone). */
  networkServiceGone(reason: string): void {
    for (const requestId of [...this.active.keys()])
      this.end(requestId, 'interrupted', `ERR_FAILED: the network service crashed (${reason})`);
  }

  private end(requestId: string, state: 'complete' | 'interrupted', error: string | null): void {
    const download = this.active.get(requestId);
    if (!download) return;
    this.active.delete(requestId);
    download.stream.end(() => {
      this.tracing.record({
        type: 'download.progress',
        downloadId: download.id,
        receivedBytes: download.received,
        totalBytes: download.total,
      });
      this.tracing.record({
        type: 'download.end',
        downloadId: download.id,
        state,
        receivedBytes: download.received,
        path: download.path,
        error,
      });
      download.finish(state);
    });
  }

  private uniquePath(filename: string): string {
    const ext = path.extname(filename);
    const stem = filename.slice(0, filename.length - ext.length);
    let candidate = path.join(this.downloadsDir, filename);
    for (let n = 1; existsSync(candidate); n++) candidate = path.join(this.downloadsDir, `${stem} (${n})${ext}`);
    return candidate;
  }
}
