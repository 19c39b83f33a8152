/**
 * The `navscope` command line: the headless host of the browser model.
 *
 *   navscope trace <input> [--lab] [--json] [--out FILE|-] [--trace-json FILE] [--har FILE]
 *   navscope start [--live] [--no-open]
 *
 * `trace` performs one navigation and prints its timeline (or the trace as JSON);
 * whatever happens, the trace recorded so far is written.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { toChromeTrace } from '../../../shared/trace/chromeTraceExport.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';
import type { NavigationResult } from '../../browser/webContents.js';
import { builtWindowDir } from '../../node/builtEntries.js';
import { defaultDataDir, defaultDownloadsDir } from '../../node/dataDir.js';
import { BrowserSession } from '../node/browserSession.js';
import { WebHost } from '../web/webHost.js';
import { openInDefaultBrowser } from './browserOpener.js';
import { EXIT, OutputError, type OutputTarget, checkOutputs, fileErrorReason, writeOutput } from './cliOutput.js';
import { launchDesktop } from './desktopLauncher.js';
import { watchParentProcess } from './parentWatch.js';

const USAGE = `Usage:
  navscope trace <input> [--lab | --iterative] [--json] [--out FILE] [--trace-json FILE] [--har FILE]
      Navigate to <input> (what you would type in the address bar) headless and
      print a timeline of every step, or the whole trace as JSON (--json).
      --lab   use NavScope's embedded lab (loopback DNS and web servers), offline
      --out   write the output to FILE instead of standard output (- is standard output)
      --iterative  (live mode) resolve by walking from the real root servers
                   instead of asking the operating system's resolver
      --trace-json  also write a Chrome Trace Event file (Perfetto, chrome://tracing)
      --har         also write a HAR 1.2 file of every request
      --spare, --speculative  keep a spare renderer process / start one in parallel
                   with the request, as Chrome does (the window always does)
  navscope web [--port N] [--live] [--open]
      Start the web host: the browser model, the embedded lab (unless --live) and
      the window, served on 127.0.0.1 only. Open the printed URL in a browser
      (--open: in the default browser, where there is a display).
  navscope start [--live] [--no-open]
      Start the NavScope desktop app (Electron, fetched on first launch). Where it
      cannot run (offline without the binary, no display), start the web host and
      open its URL in the default browser where there is a display (--no-open: don't).
      Stops on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it ends.
  navscope repl [--live]
      Headless: type addresses at a prompt; each navigation's timeline is printed.

Exit codes: 0 the navigation loaded (or ended as asked: no commit, a completed download);
  1 it failed (net error, crash, blocked, download interrupted); 2 wrong usage or input;
  3 NavScope itself failed; 4 an output file or the data folder could not be written.
`;

export interface TraceOptions {
  input: string;
  lab: boolean;
  iterative: boolean;
  spare: boolean;
  speculative: boolean;
  json: boolean;
  out: string | null;
  traceJson: string | null;
  har: string | null;
}

class UsageError extends Error {}

/** Options that name an output file. */
const FILE_OPTIONS: Record<string, 'out' | 'traceJson' | 'har'> = {
  '--out': 'out',
  '--trace-json': 'traceJson',
  '--har': 'har',
};

export function parseTraceArgs(args: string[]): TraceOptions {
  const options: TraceOptions = {
    input: '',
    lab: false,
    iterative: false,
    spare: false,
    speculative: false,
    json: false,
    out: null,
    traceJson: null,
    har: null,
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lab') options.lab = true;
    else if (arg === '--live') options.lab = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--iterative') options.iterative = true;
    else if (arg === '--spare') options.spare = true;
    else if (arg === '--speculative') options.speculative = true;
    else if (FILE_OPTIONS[arg] || FILE_OPTIONS[arg.split('=')[0]!]) {
      const [flag, inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, args[++i]];
      if (!inline || inline.startsWith('--')) throw new UsageError(`${flag} needs a file name`);
      options[FILE_OPTIONS[flag]!] = inline;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'trace needs the input to navigate to, e.g. navscope trace www.naver.com --lab'
        : `trace takes one input, got ${positional.length} (quote an input with spaces)`,
    );
  options.input = positional[0]!;
  return options;
}

function exitCodeFor(result: NavigationResult): number {
  if (result.outcome === 'loaded' || result.outcome === 'no-commit' || result.outcome === 'download') return EXIT.ok;
  if (result.outcome === 'invalid-input') return EXIT.usage;
  return EXIT.navigationFailed;
}

/** Node's file-system errors carry a syscall and a path: those are the data folder's, not NavScope's. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Starts something that needs the data folder; a folder that cannot be used is an OutputError naming it. */
async function withDataFolder<T>(dataDir: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    const where = error.path && path.resolve(error.path) !== path.resolve(dataDir) ? ` (${error.path})` : '';
    throw new OutputError(
      `cannot use the data folder ${dataDir}${where}: ${fileErrorReason(error)}; set NAVSCOPE_DATA_DIR to a writable folder`,
    );
  }
}

async function trace(options: TraceOptions): Promise<number> {
  if (options.iterative && options.lab)
    throw new UsageError(
      '--iterative is for live mode: the lab always resolves by walking its own root, TLD and authoritative servers',
    );
  const main: OutputTarget = { option: '--out', file: options.out ?? '-' };
  const exports: OutputTarget[] = [
    ...(options.traceJson ? [{ option: '--trace-json', file: options.traceJson }] : []),
    ...(options.har ? [{ option: '--har', file: options.har }] : []),
  ];
  // Before anything runs: a file named twice, a folder or a missing folder is refused.
  checkOutputs([main, ...exports]);
  const dataDir = defaultDataDir();
  const session = await withDataFolder(dataDir, () =>
    BrowserSession.start({
      lab: options.lab,
      dataDir,
      downloadsDir: defaultDownloadsDir(),
      iterative: options.iterative,
      spareRenderer: options.spare,
      speculativeProcesses: options.speculative,
    }),
  );
  let result: NavigationResult | null = null;
  let failure: string | null = null;
  try {
    result = await session.browser.webContents.navigateFromOmnibox(options.input);
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    await session.stop();
  }
  const events = session.browser.recorder.events;
  const output = options.json
    ? JSON.stringify({ ...traceFileOf(events), result }, null, 2) + '\n'
    : formatTimeline(events).join('\n') + '\n';
  // Every output is attempted, whatever happened: a failed navigation still has its trace,
  // and one file that cannot be written does not cost the others.
  const written: string[] = [];
  const outputErrors: string[] = [];
  const attempt = (target: OutputTarget, text: () => string, label: string) => {
    try {
      writeOutput(target, text());
      if (target.file !== '-') written.push(`${label} to ${target.file}`);
    } catch (error) {
      outputErrors.push(error instanceof Error ? error.message : String(error));
    }
  };
  attempt(main, () => output, 'trace written');
  for (const target of exports)
    attempt(
      target,
      () =>
        target.option === '--har'
          ? JSON.stringify(toHar(events), null, 2) + '\n'
          : JSON.stringify(toChromeTrace(events)) + '\n',
      target.option === '--har' ? 'HAR' : 'Chrome trace',
    );

  if (failure) {
    process.stderr.write(`navscope: internal error: ${failure}\n`);
    return EXIT.internal;
  }
  const r = result!;
  const processes = new Set(
    events.filter((e) => e.type === 'process.spawn').map((e) => (e.type === 'process.spawn' ? e.pid : 0)),
  );
  const messages = events.filter((e) => e.type === 'message').length;
  const summary = `${r.message} — ${messages} messages, ${processes.size} renderer process${processes.size === 1 ? '' : 'es'}${written
    .map((s) => `; ${s}`)
    .join('')}`;
  process.stderr.write(`navscope: ${exitCodeFor(r) === EXIT.ok ? '' : 'error: '}${summary}\n`);
  if (r.outcome === 'failed' && r.netError?.name === 'ERR_NAME_NOT_RESOLVED' && !options.lab) {
    process.stderr.write('navscope: hint: without internet access, add --lab to use the embedded lab\n');
  }
  for (const problem of outputErrors) process.stderr.write(`navscope: ${problem}\n`);
  return outputErrors.length > 0 ? EXIT.output : exitCodeFor(r);
}

async function interactive(args: string[]): Promise<number> {
  const live = args.includes('--live');
  const dataDir = defaultDataDir();
  const session = await withDataFolder(dataDir, () =>
    BrowserSession.start({
      lab: !live,
      dataDir,
      downloadsDir: defaultDownloadsDir(),
      spareRenderer: true,
      speculativeProcesses: true,
    }),
  );
  const contents = session.browser.webContents;
  process.stdout.write(
    `NavScope — ${live ? 'live internet' : 'embedded lab (offline)'}. Type an address (for example www.naver.com) and press Enter.\n`,
  );
  process.stdout.write(
    'Commands: :back  :forward  :reload  :quit   (the window arrives with the next release; this is the headless host)\n',
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'Address and search bar> ' });
  let shown = session.browser.recorder.events.length;
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === ':quit' || text === ':q') break;
    const result =
      text === ':back'
        ? await contents.goBack()
        : text === ':forward'
          ? await contents.goForward()
          : text === ':reload'
            ? await contents.reload()
            : await contents.navigateFromOmnibox(text);
    const events = session.browser.recorder.events;
    process.stdout.write(formatTimeline(events).slice(shown).join('\n') + '\n');
    shown = events.length;
    process.stdout.write(result ? `→ ${result.message}\n` : '→ nothing to go to\n');
    rl.prompt();
  }
  rl.close();
  await session.stop();
  return 0;
}

interface WebOptions {
  port: number;
  lab: boolean;
  /** Open the URL in the default browser (where there is a display). */
  open: boolean;
}

function parseWebArgs(args: string[], openByDefault: boolean): WebOptions {
  let port = 0;
  let lab = true;
  let open = openByDefault;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--live') lab = false;
    else if (arg === '--lab') lab = true;
    else if (arg === '--open') open = true;
    else if (arg === '--no-open') open = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port needs a port number (0-65535), got ${JSON.stringify(value)}`);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { port, lab, open };
}

async function start(args: string[]): Promise<number> {
  const options = parseWebArgs(args, true);
  const say = (line: string) => void process.stdout.write(`${line}\n`);
  const desktop = await launchDesktop(options.lab ? [] : ['--live'], say);
  if (desktop.code !== null) return desktop.code;
  say(`The desktop app cannot start here: ${desktop.reason}.`);
  say('Starting the web host instead.');
  return web(options);
}

/** Resolves with what stopped the host: a signal, or the parent process ending. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const handlers = signals.map((signal) => {
      const handler = () => finish(signal);
      process.once(signal, handler);
      return [signal, handler] as const;
    });
    const stopWatching = watchParentProcess(() => finish('the process that started NavScope ended'));
    function finish(why: string): void {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
      stopWatching();
      resolve(why);
    }
  });
}

async function web({ port, lab, open }: WebOptions): Promise<number> {
  const dataDir = defaultDataDir();
  const host = await withDataFolder(dataDir, () =>
    WebHost.start({
      port,
      lab,
      staticDir: builtWindowDir(),
      dataDir,
      downloadsDir: defaultDownloadsDir(),
    }),
  );
  const say = (line: string) => void process.stdout.write(`${line}\n`);
  say(`NavScope web host (${lab ? 'embedded lab, offline' : 'live internet'}) on 127.0.0.1 only.`);
  say(`Open: ${host.url}`);
  if (open) {
    const opened = await openInDefaultBrowser(host.url, say);
    say(
      opened.opened
        ? `Opened it in the default browser (${opened.command}); --no-open turns this off.`
        : `Not opening a browser: ${opened.reason}.`,
    );
  }
  say('Press Ctrl-C to stop.');
  const why = await untilStopped();
  say(`Stopping (${why})…`);
  await host.stop();
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'trace':
        return await trace(parseTraceArgs(rest));
      case 'web':
        return await web(parseWebArgs(rest, false));
      case 'start':
        return await start(rest);
      case 'repl':
        return await interactive(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`navscope: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof OutputError) {
      process.stderr.write(`navscope: ${error.message}\n`);
      return EXIT.output;
    }
    // A bug in NavScope: one line, the stack only when asked for.
    const detail = process.env.NAVSCOPE_DEBUG && error instanceof Error ? (error.stack ?? error.message) : null;
    process.stderr.write(
      `navscope: internal error: ${error instanceof Error ? error.message : String(error)}\n${detail ? `${detail}\n` : ''}`,
    );
    return EXIT.internal;
  }
}
