/**
 * NavScope's data folder (its "profile"): the lab CA, learned HSTS entries and
 * persistent cookies. NAVSCOPE_DATA_DIR overrides it (tests use temporary folders).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  const override = process.env.NAVSCOPE_DATA_DIR;
  if (override) return path.resolve(override);
  switch (process.platform) {
    case 'darwin':
      return path.join(homedir(), 'Library', 'Application Support', 'NavScope');
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'NavScope');
    default:
      return path.join(process.env.XDG_DATA_HOME ?? path.join(homedir(), '.local', 'share'), 'navscope');
  }
}

/** Where downloads are saved: NAVSCOPE_DOWNLOADS_DIR, else ~/Downloads/NavScope, else the data folder's downloads. */
export function defaultDownloadsDir(): string {
  const override = process.env.NAVSCOPE_DOWNLOADS_DIR;
  if (override) return path.resolve(override);
  const userDownloads = path.join(homedir(), 'Downloads');
  return existsSync(userDownloads) ? path.join(userDownloads, 'NavScope') : path.join(defaultDataDir(), 'downloads');
}
