/**
 * The download manager (Chromium's DownloadManager in the browser process): when a
 * navigation's response is to be saved rather than shown, its loader is handed here.
 * The body keeps arriving through the same data pipe; nothing commits: the page the
 * user was on stays. Renderer processes never touch the disk.
 *
 * As in Chrome, the file is created before any byte of the body is accepted, the bytes
 * go to `<name>.crdownload`, and only a download that was written in full is renamed to
 * its name. A download that cannot be written (no permission, no space, a name the file
 * system refuses) is interrupted with Chromium's reason (DownloadInterruptReason), and
 * its partial file is removed: NavScope cannot resume a download, so it leaves nothing
 * half-written behind.
 */
import { type WriteStream, createWriteStream, existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../shared/base/errors.js';
import { headerValue } from '../../shared/net/httpHeaders.js';
import type { PayloadOf, ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import type { BrowserTracing } from './browserTracing.js';

export type DownloadState = 'complete' | 'interrupted';

/** How a download ended: where its file is (or would have been), and why it was interrupted. */
export interface DownloadEnd {
  state: DownloadState;
  path: string;
  error: string | null;
}

interface ActiveDownload {
  id: string;
  /** Where the file goes once complete. */
  path: string;
  /** Where its bytes go meanwhile. */
  partialPath: string;
  stream: WriteStream;
  received: number;
  total: number;
  lastReported: number;
  /** Set when writing failed: the reason the download will end with. */
  writeError: string | null;
  finish: (end: DownloadEnd) => void;
}

/** Chrome's suffix for a file still being downloaded. */
export const PARTIAL_SUFFIX = '.crdownload';
/** Longest file name written, in UTF-8 bytes (file systems allow 255; room is left for " (n)" and the suffix). */
export const MAX_FILENAME_BYTES = 200;

/** `name` cut to at most `maxBytes` of UTF-8 without splitting a character, keeping its extension. */
export function fitFilename(name: string, maxBytes = MAX_FILENAME_BYTES): string {
  const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
  if (bytes(name) <= maxBytes) return name;
  const ext = path.extname(name);
  const keepExt = ext.length > 1 && bytes(ext) <= 16 ? ext : '';
  const budget = maxBytes - bytes(keepExt);
  let stem = '';
  let used = 0;
  for (const char of name.slice(0, name.length - keepExt.length)) {
    const size = bytes(char);
    if (used + size > budget) break;
    stem += char;
    used += size;
  }
  return `${stem}${keepExt}`;
}

/** The file name a response asks for (Content-Disposition), else the URL's last segment. */
export function suggestedFilename(head: Pick<ResponseHead, 'headers'>, url: string): string {
  const disposition = headerValue(head.headers, 'content-disposition') ?? '';
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
  // Never a path: only the base name, no leading dots, no control characters; short enough for any file system.
  name = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return fitFilename(name) || 'download';
}

export function isAttachment(head: Pick<ResponseHead, 'headers'>): boolean {
  const disposition = headerValue(head.headers, 'content-disposition') ?? '';
  return /^\s*attachment\b/i.test(disposition);
}

/** Chromium's DownloadInterruptReason for a failed file operation, with what happened. */
function fileInterruptReason(error: unknown, doing: string): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'FILE_ACCESS_DENIED'
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? 'FILE_NO_SPACE'
        : code === 'ENAMETOOLONG'
          ? 'FILE_NAME_TOO_LONG'
          : code === 'EFBIG'
            ? 'FILE_TOO_LARGE'
            : 'FILE_FAILED';
  return `${reason}: ${doing}: ${errorMessage(error)}`;
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

  /**
   * Takes over a loader whose response is to be saved: creates its file first.
   * `finished` settles when the download ends. `accepted` is false when the file
   * could not be created: the download is then already recorded as interrupted, and the
   * caller cancels the loader — no byte of the body is accepted.
   */
  begin(
    requestId: string,
    url: string,
    head: ResponseHead,
    mimeType: string,
  ): { accepted: boolean; finished: Promise<DownloadEnd> } {
    const id = `download${++this.counter}`;
    const filename = suggestedFilename(head, url);
    let file = path.join(this.downloadsDir, filename);
    let fd: number;
    try {
      mkdirSync(this.downloadsDir, { recursive: true });
      file = this.uniquePath(filename);
      fd = openSync(`${file}${PARTIAL_SUFFIX}`, 'wx', 0o644);
    } catch (error) {
      const reason = fileInterruptReason(error, `creating ${file}${PARTIAL_SUFFIX}`);
      this.recordBegin(id, url, file, mimeType, head.contentLength);
      this.recordEnd(id, 'interrupted', 0, 0, file, reason);
      return { accepted: false, finished: Promise.resolve({ state: 'interrupted', path: file, error: reason }) };
    }
    let finish!: (end: DownloadEnd) => void;
    const finished = new Promise<DownloadEnd>((resolve) => (finish = resolve));
    const stream = createWriteStream('', { fd });
    const download: ActiveDownload = {
      id,
      path: file,
      partialPath: `${file}${PARTIAL_SUFFIX}`,
      stream,
      received: 0,
      total: head.contentLength,
      lastReported: 0,
      writeError: null,
      finish,
    };
    stream.on('error', (error) => {
      download.writeError ??= fileInterruptReason(error, `writing ${download.partialPath}`);
      // Still receiving: stop now. Already ending: end() hears of it through the stream.
      if (this.active.get(requestId) === download) this.end(requestId, 'interrupted', download.writeError);
    });
    this.active.set(requestId, download);
    this.recordBegin(id, url, file, mimeType, head.contentLength);
    return { accepted: true, finished };
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
    else this.end(requestId, 'interrupted', `NETWORK_FAILED: ${status.errorName}: ${status.errorDetail}`);
  }

  /** The network service crashed: every download still receiving is interrupted (its loader is gone). */
  networkServiceGone(reason: string): void {
    for (const requestId of [...this.active.keys()])
      this.end(requestId, 'interrupted', `NETWORK_FAILED: ERR_FAILED: the network service crashed (${reason})`);
  }

  /**
   * Ends a download. A complete one is flushed to disk and renamed to its name; only
   * then is it recorded complete (a write that fails on the way interrupts it instead).
   */
  private end(requestId: string, state: DownloadState, error: string | null): void {
    const download = this.active.get(requestId);
    if (!download) return;
    this.active.delete(requestId);
    let settled = false;
    const interrupt = (reason: string) => {
      if (settled) return;
      settled = true;
      download.stream.destroy();
      rmSync(download.partialPath, { force: true });
      const error = `${reason} (the partial file was removed)`;
      this.recordEnd(download.id, 'interrupted', download.received, download.total, download.path, error);
      download.finish({ state: 'interrupted', path: download.path, error });
    };
    if (state === 'interrupted' || download.writeError) return interrupt(download.writeError ?? error ?? 'FILE_FAILED');
    download.stream.once('error', () => interrupt(download.writeError ?? 'FILE_FAILED: writing the file failed'));
    download.stream.end((flushError?: Error | null) => {
      if (flushError || download.writeError)
        return interrupt(download.writeError ?? fileInterruptReason(flushError, `writing ${download.partialPath}`));
      if (settled) return;
      settled = true;
      try {
        renameSync(download.partialPath, download.path);
      } catch (renameError) {
        settled = false;
        interrupt(fileInterruptReason(renameError, `renaming ${download.partialPath} to ${download.path}`));
        return;
      }
      this.recordEnd(download.id, 'complete', download.received, download.total, download.path, null);
      download.finish({ state: 'complete', path: download.path, error: null });
    });
  }

  private recordBegin(id: string, url: string, file: string, mimeType: string, totalBytes: number): void {
    this.tracing.record({
      type: 'download.begin',
      downloadId: id,
      url,
      filename: path.basename(file),
      path: file,
      mimeType,
      totalBytes,
    });
  }

  private recordEnd(
    id: string,
    state: DownloadState,
    receivedBytes: number,
    totalBytes: number,
    file: string,
    error: string | null,
  ): void {
    this.tracing.record({ type: 'download.progress', downloadId: id, receivedBytes, totalBytes });
    this.tracing.record({ type: 'download.end', downloadId: id, state, receivedBytes, path: file, error });
  }

  /** A name not taken yet, neither as a file nor as a download in progress. */
  private uniquePath(filename: string): string {
    const ext = path.extname(filename);
    const stem = filename.slice(0, filename.length - ext.length);
    const taken = (candidate: string) => existsSync(candidate) || existsSync(`${candidate}${PARTIAL_SUFFIX}`);
    let candidate = path.join(this.downloadsDir, filename);
    for (let n = 1; taken(candidate); n++) candidate = path.join(this.downloadsDir, `${stem} (${n})${ext}`);
    return candidate;
  }
}
