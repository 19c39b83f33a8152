/**
 * What the CLI writes, and how it says that it could not: every output file is checked
 * before the navigation runs (its folder exists, it is not a folder, no two options name
 * the same file) and written afterwards with a one-line error naming the file and the
 * reason. "-" means standard output.
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../../shared/base/errors.js';

/** The exit codes of `navscope` (README: "Exit codes"). */
export const EXIT = {
  /** The navigation loaded (or ended as the user would expect: no-commit, a completed download). */
  ok: 0,
  /** The navigation failed: a net error, a crash, a Safe Browsing block, an interrupted download. */
  navigationFailed: 1,
  /** The command line or the input was wrong. */
  usage: 2,
  /** NavScope itself failed (a bug): the message says where. */
  internal: 3,
  /** An output file or the data folder could not be written. */
  output: 4,
  /** `navscope real`: no Chromium or Chrome to start was found (the message says how to get one). */
  noChromium: 5,
} as const;

/** A file NavScope was asked to write (or a folder it needs) cannot be written. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Why a file operation failed, in words (the errno code stays for the curious). */
export function fileErrorReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const words: Record<string, string> = {
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of its path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EIO: 'an input/output error',
    EINVAL: 'the file does not accept writes like this',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
  };
  if (typeof code === 'string') return `${words[code] ?? 'it cannot be written'} (${code})`;
  return errorMessage(error);
}

export interface OutputTarget {
  /** The option that named it (--out, --har …), for messages. */
  option: string;
  file: string;
}

/** Refuses, before anything runs, outputs that cannot work: one file named twice, a folder, a missing folder. */
export function checkOutputs(targets: readonly OutputTarget[]): void {
  const seen = new Map<string, string>();
  for (const { option, file } of targets) {
    if (file === '-') {
      if (seen.has('-')) throw new OutputError(`${option} and ${seen.get('-')} both name standard output (-)`);
      seen.set('-', option);
      continue;
    }
    const resolved = path.resolve(file);
    const other = seen.get(resolved);
    if (other) throw new OutputError(`${option} and ${other} both name ${file}: one would overwrite the other`);
    seen.set(resolved, option);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(resolved, { throwIfNoEntry: false });
    } catch (error) {
      throw new OutputError(`cannot write ${option} ${file}: ${fileErrorReason(error)}`);
    }
    if (stats?.isDirectory()) throw new OutputError(`cannot write ${option} ${file}: it is a folder`);
    if (!stats) {
      const folder = path.dirname(resolved);
      const parent = statSync(folder, { throwIfNoEntry: false });
      if (!parent) throw new OutputError(`cannot write ${option} ${file}: its folder ${folder} does not exist`);
      if (!parent.isDirectory()) throw new OutputError(`cannot write ${option} ${file}: ${folder} is not a folder`);
    }
  }
}

/** Writes `text` (or bytes) to the target (standard output for "-"). */
export function writeOutput(target: OutputTarget, text: string | Uint8Array): void {
  if (target.file === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(target.file, text);
  } catch (error) {
    throw new OutputError(`cannot write ${target.option} ${target.file}: ${fileErrorReason(error)}`);
  }
}
