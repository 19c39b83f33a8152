/**
 * Temporary folders for tests, removed when the test file ends. Import it in a test file
 * and call temporaryFolder() anywhere in it (module level, hooks or tests): an afterAll
 * hook of the file removes every folder made, with whatever was written into it.
 * (test/testRunLeakCheck.ts fails the run if anything is left in the temporary folder.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made = new Set<string>();

/** A new folder in the temporary folder, named `${prefix}XXXXXX`. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  made.add(folder);
  return folder;
}

/** Removes a folder now (before the file ends), e.g. to start a step afresh. */
export function removeTemporaryFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  made.delete(folder);
}

afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
  made.clear();
});
