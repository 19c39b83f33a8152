import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../node/builtEntries.js';

let version: string | null = null;

/** NavScope's version from its package.json (read once). */
export function navscopeVersion(): string {
  if (version !== null) return version;
  try {
    const parsed = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}
