/**
 * Opens the web host's URL in the user's default browser, as developer servers do, when
 * there is a desktop to open it on: on Linux and other Unix systems only with a display
 * (DISPLAY or WAYLAND_DISPLAY), always on macOS and Windows. The opener is xdg-open,
 * open or Windows' URL handler; NAVSCOPE_OPENER names another command (it gets the URL
 * as its only argument), which is how the tests watch it without opening a browser.
 *
 * The opener runs detached, in a process group of its own: the browser it starts is the
 * user's, and stopping NavScope (Ctrl-C, SIGTERM to npm) must not close it.
 */
import { spawn } from 'node:child_process';

export interface OpenerCommand {
  command: string;
  args: string[];
}

export type OpenResult = { opened: true; command: string } | { opened: false; reason: string };

/** Whether a desktop session exists to open a browser window on. */
export function hasDesktopSession(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` in the default browser here. */
export function openerCommand(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): OpenerCommand {
  const override = env.NAVSCOPE_OPENER;
  if (override) return { command: override, args: [url] };
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // The URL handler takes the URL as one argument; no shell, so "&" in a URL stays a character.
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/**
 * Opens `url` in the default browser when a desktop session exists. Resolves once the
 * opener has started (or could not start); a failure is reported, never thrown: the URL
 * is printed anyway for the user to open.
 */
export async function openInDefaultBrowser(
  url: string,
  report: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<OpenResult> {
  if (!hasDesktopSession(env, platform)) {
    return { opened: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)' };
  }
  const { command, args } = openerCommand(url, env, platform);
  return new Promise<OpenResult>((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { detached: true, stdio: 'ignore', env });
    } catch (error) {
      resolve({ opened: false, reason: `${command} could not be started: ${(error as Error).message}` });
      return;
    }
    child.once('error', (error) =>
      resolve({ opened: false, reason: `${command} could not be started: ${error.message}` }),
    );
    child.once('spawn', () => {
      child.once('exit', (code, signal) => {
        if (code !== 0) report(`${command} ended with ${signal ?? `code ${code}`}: open the URL above yourself.`);
      });
      child.unref();
      resolve({ opened: true, command });
    });
  });
}
