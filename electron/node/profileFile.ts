/**
 * A JSON file in NavScope's data folder (learned HSTS entries, the cookie jar, the
 * saved session): read it back if it is there, write it atomically (a temporary file
 * in the same folder, then rename). Problems are reported, never thrown: a damaged
 * file is ignored and replaced by the next write.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The parsed contents, or undefined when the file is missing (silently) or unusable (reported). */
export function readProfileJson(file: string, onError: (message: string) => void): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(`reading ${file}: ${(error as Error).message}`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    onError(`${file} is not valid JSON (${(error as Error).message}); it is ignored and will be replaced`);
    return undefined;
  }
}

/** Writes `data()` as JSON; the data is produced inside the guard, so a failure to build it is reported too. */
export function writeProfileJson(
  file: string,
  data: () => unknown,
  onError: (message: string) => void,
  options: { pretty: boolean } = { pretty: true },
): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const value = data();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, options.pretty ? `${JSON.stringify(value, null, 2)}\n` : JSON.stringify(value), 'utf8');
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // a leftover temporary file is harmless: the next write replaces the file anyway
    }
    onError(`writing ${file}: ${(error as Error).message}`);
  }
}
