import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The system's Chromium or Chrome, for the real-browser recordings, the end-to-end
 * tests and the bench: `NAVSCOPE_CHROMIUM` when set (and then only that), otherwise
 * the usual install locations and names on the PATH.
 */

/** Where NavScope looks, in order, after NAVSCOPE_CHROMIUM. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Names looked up on the PATH when no candidate exists. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const HOW_TO_GET_CHROMIUM =
  'Install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`; ' +
  'or Google Chrome from google.com/chrome), or set NAVSCOPE_CHROMIUM to the path of its executable.';

export type SystemChromium =
  | { found: true; path: string; source: 'NAVSCOPE_CHROMIUM' | 'default location' | 'PATH' }
  | { found: false; message: string };

function executable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds the Chromium to start, or says why there is none and how to get one. */
export function findSystemChromium(env: NodeJS.ProcessEnv = process.env): SystemChromium {
  const chosen = env.NAVSCOPE_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      return { found: false, message: `NAVSCOPE_CHROMIUM is ${chosen}, which does not exist. ${HOW_TO_GET_CHROMIUM}` };
    if (!executable(chosen))
      return {
        found: false,
        message: `NAVSCOPE_CHROMIUM is ${chosen}, which is not executable. ${HOW_TO_GET_CHROMIUM}`,
      };
    return { found: true, path: chosen, source: 'NAVSCOPE_CHROMIUM' };
  }
  for (const candidate of CHROMIUM_CANDIDATES)
    if (executable(candidate)) return { found: true, path: candidate, source: 'default location' };
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of PATH_NAMES) {
      const file = path.join(dir, process.platform === 'win32' ? `${name}.exe` : name);
      if (executable(file)) return { found: true, path: file, source: 'PATH' };
    }
  }
  return {
    found: false,
    message: `No Chromium or Chrome was found (looked at ${CHROMIUM_CANDIDATES[0]} and the PATH). ${HOW_TO_GET_CHROMIUM}`,
  };
}

/** The path of the system Chromium; throws the how-to-get-one message when there is none. */
export function systemChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const found = findSystemChromium(env);
  if (!found.found) throw new Error(found.message);
  return found.path;
}
