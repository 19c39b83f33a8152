/**
 * Downloads that cannot be written as asked: a name longer than file systems allow, a
 * folder the browser may not write into, a disk that fills up mid-way. Each is either
 * saved under a name that fits or reported as interrupted with Chromium's reason —
 * never "complete" without a file, and never a partial file left behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILENAME_BYTES, fitFilename, suggestedFilename } from '../../../electron/browser/downloadManager.js';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { Lab } from '../../../electron/lab/lab.js';
import { navigateAndCollect, ofType, waitForEvent } from '../support/browserHarness.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('download file names', () => {
  it('shortens a name by bytes without splitting a character, keeping its extension', () => {
    const hangul = `${'가'.repeat(150)}.txt`;
    const fitted = fitFilename(hangul);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(fitted.endsWith('.txt')).toBe(true);
    expect(fitted).toMatch(/^가+\.txt$/);
    const emoji = `${'😀'.repeat(100)}.png`;
    const fittedEmoji = fitFilename(emoji);
    expect(bytes(fittedEmoji)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(fittedEmoji).toMatch(/^(😀)+\.png$/u);
    expect(fitFilename('report.zip')).toBe('report.zip');
  });

  it('takes the name from Content-Disposition (RFC 5987) and keeps it within the limit', () => {
    const head = {
      headers: [['Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('가'.repeat(150))}.txt`]],
    } as { headers: [string, string][] };
    const name = suggestedFilename(head, 'https://www.naver.com/download/long-name');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(name.endsWith('.txt')).toBe(true);
  });
});

describe('downloads that cannot be written as asked', () => {
  let lab: Lab;
  const sessions: BrowserSession[] = [];
  const folders: string[] = [];
  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
  }, 60_000);
  afterAll(async () => {
    for (const session of sessions) await session.stop();
    await lab?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const browserSavingTo = async (downloadsDir: string) => {
    const session = await BrowserSession.start({ lab, downloadsDir });
    sessions.push(session);
    return session;
  };

  it('a 450-byte suggested name is saved under a name that fits, with its extension', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'navscope-downloads-'));
    folders.push(dir);
    const session = await browserSavingTo(dir);
    const { result, events } = await navigateAndCollect(session, 'https://www.naver.com/download/long-name');
    expect(result.outcome).toBe('download');
    const end = ofType(events, 'download.end')[0]!;
    expect(end.state).toBe('complete');
    expect(readdirSync(dir)).toEqual([path.basename(end.path)]);
    expect(bytes(path.basename(end.path))).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(end.path.endsWith('.txt')).toBe(true);
  });

  it('a folder the browser may not write into: interrupted (FILE_ACCESS_DENIED) before any byte, loader cancelled', async () => {
    // /sys/kernel refuses new files even to root.
    const session = await browserSavingTo('/sys/kernel');
    const { result, events } = await navigateAndCollect(session, 'https://www.naver.com/download/report.zip');
    expect(result.outcome).toBe('download-interrupted');
    expect(result.message).toMatch(/FILE_ACCESS_DENIED/);
    const end = ofType(events, 'download.end')[0]!;
    expect(end).toMatchObject({ state: 'interrupted', receivedBytes: 0 });
    expect(end.error).toMatch(/FILE_ACCESS_DENIED: creating \/sys\/kernel\/report\.zip\.crdownload/);
    // The loader is cancelled (recorded when the network thread receives it).
    await waitForEvent(
      session,
      (e) => e.seq >= events[0]!.seq && e.type === 'message' && e.name === 'URLLoader.Cancel',
      'URLLoader.Cancel',
    );
  });

  it('a disk that fills up mid-way: interrupted (FILE_NO_SPACE), and no partial or empty file is left', async (ctx) => {
    // A 64 KiB file system for a 200 KiB download.
    const dir = mkdtempSync(path.join(tmpdir(), 'navscope-full-disk-'));
    folders.push(dir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      ctx.skip('cannot mount a small tmpfs here (needs root): the full-disk case is not run');
    }
    try {
      mkdirSync(path.join(dir, 'downloads'));
      const session = await browserSavingTo(path.join(dir, 'downloads'));
      const { result, events } = await navigateAndCollect(session, 'https://www.naver.com/download/data.bin');
      expect(result.outcome).toBe('download-interrupted');
      const end = ofType(events, 'download.end')[0]!;
      expect(end.state).toBe('interrupted');
      expect(end.error).toMatch(/^FILE_NO_SPACE: .*ENOSPC.*\(the partial file was removed\)$/);
      expect(readdirSync(path.join(dir, 'downloads'))).toEqual([]);
    } finally {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    }
  });
});
