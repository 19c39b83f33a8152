/**
 * The `navscope` command line: the headless host of the browser model.
 *
 *   navscope trace <input> [--lab] [--json] [--out FILE] [--trace-json FILE] [--har FILE] [--netlog FILE]
 *   navscope import <file> [--json] [--out FILE]
 *   navscope start [--live]
 *
 * `trace` performs one navigation and prints its timeline (or the trace as JSON);
 * whatever happens, the trace recorded so far is written. `import` reads a file another
 * tool wrote (HAR, NetLog, Chrome trace) or NavScope saved, and prints it the same way.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { toChromeTrace } from '../../../shared/trace/chromeTraceExport.js';
import { ImportError } from '../../../shared/import/importError.js';
import { DEFAULT_IMPORT_LIMITS, formatBytes } from '../../../shared/import/importLimits.js';
import { IMPORT_FORMAT_NAMES, importTraceFile } from '../../../shared/import/traceImport.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { toNetLog } from '../../../shared/trace/netLogExport.js';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';
import type { NavigationResult } from '../../browser/webContents.js';
import { builtWindowDir } from '../../node/builtEntries.js';
import { defaultDataDir, defaultDownloadsDir } from '../../node/dataDir.js';
import { BrowserSession } from '../node/browserSession.js';
import { WebHost } from '../web/webHost.js';
import { launchDesktop } from './desktopLauncher.js';

const USAGE = `Usage:
  navscope trace <input> [--lab | --iterative] [--json] [--out FILE] [--trace-json FILE] [--har FILE] [--netlog FILE]
      Navigate to <input> (what you would type in the address bar) headless and
      print a timeline of every step, or the whole trace as JSON (--json).
      --lab   use NavScope's embedded lab (loopback DNS and web servers), offline
      --out   write the output to FILE instead of standard output
      --iterative  (live mode) resolve by walking from the real root servers
                   instead of asking the operating system's resolver
      --trace-json  also write a Chrome Trace Event file (Perfetto, chrome://tracing)
      --har         also write a HAR 1.2 file of every request
      --netlog      also write a NetLog (the JSON of chrome://net-export and --log-net-log)
      --spare, --speculative  keep a spare renderer process / start one in parallel
                   with the request, as Chrome does (the window always does)
  navscope import <file> [--json] [--out FILE]
      Open a file another tool wrote, or NavScope saved: a HAR (DevTools, Playwright,
      Firefox), a NetLog (chrome://net-export, --log-net-log, Electron's netLog, also
      one cut off while being written), a NavScope trace or the Chrome trace NavScope
      exported; gzipped or not. Prints its timeline, or (--json) the NavScope trace.
  navscope web [--port N] [--live]
      Start the web host: the browser model, the embedded lab (unless --live) and
      the window, served on 127.0.0.1 only. Open the printed URL in a browser.
  navscope start [--live]
      Start the NavScope desktop app (Electron, fetched on first launch). Where it
      cannot run (offline without the binary, no display), start the web host.
  navscope repl [--live]
      Headless: type addresses at a prompt; each navigation's timeline is printed.
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
  netlog: string | null;
}

class UsageError extends Error {}

/** Options that name an output file. */
const FILE_OPTIONS: Record<string, 'out' | 'traceJson' | 'har' | 'netlog'> = {
  '--out': 'out',
  '--trace-json': 'traceJson',
  '--har': 'har',
  '--netlog': 'netlog',
};

/** Refuses two outputs (or an output and the input) that name the same file: one would overwrite the other. */
function refuseSameFile(files: [flag: string, file: string | null][]): void {
  const seen = new Map<string, string>();
  for (const [flag, file] of files) {
    if (file === null) continue;
    const resolved = path.resolve(file);
    const other = seen.get(resolved);
    if (other !== undefined)
      throw new UsageError(`${other} and ${flag} name the same file (${file}); each needs a file of its own`);
    seen.set(resolved, flag);
  }
}

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
    netlog: null,
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
  refuseSameFile([
    ['--out', options.out],
    ['--trace-json', options.traceJson],
    ['--har', options.har],
    ['--netlog', options.netlog],
  ]);
  return options;
}

export interface ImportOptions {
  file: string;
  json: boolean;
  out: string | null;
}

export function parseImportArgs(args: string[]): ImportOptions {
  const options: ImportOptions = { file: '', json: false, out: null };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (!value || value.startsWith('--')) throw new UsageError('--out needs a file name');
      options.out = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'import needs the file to open, e.g. navscope import page.har'
        : `import takes one file, got ${positional.length}`,
    );
  options.file = positional[0]!;
  refuseSameFile([
    ['the file to import', options.file],
    ['--out', options.out],
  ]);
  return options;
}

/** The file's bytes, refused before reading when it is larger than an import may be. */
function readImportFile(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportError('a folder (or a device), not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot read the file (${code ?? String(error)})`,
    );
  }
  if (size > DEFAULT_IMPORT_LIMITS.maxBytes) {
    // A gzipped file is checked as it is unpacked; a plain one larger than the limit is refused unread.
    const head = Buffer.alloc(2);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    if (!(head[0] === 0x1f && head[1] === 0x8b))
      throw new ImportError(
        `the file is ${formatBytes(size)}, more than NavScope opens (${formatBytes(DEFAULT_IMPORT_LIMITS.maxBytes)}; limit maxBytes = ${DEFAULT_IMPORT_LIMITS.maxBytes})`,
      );
  }
  return readFileSync(file);
}

async function importFile(options: ImportOptions): Promise<number> {
  let imported;
  try {
    imported = await importTraceFile(readImportFile(options.file), path.basename(options.file));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`navscope: ${options.file}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof ImportError && error.internal ? 3 : 1;
  }
  const events = imported.trace.events;
  const output = options.json ? JSON.stringify(imported.trace) + '\n' : formatTimeline(events).join('\n') + '\n';
  if (options.out) writeFileSync(options.out, output);
  else process.stdout.write(output);
  const requests = events.filter((e) => e.type === 'request.begin').length;
  const messages = events.filter((e) => e.type === 'message').length;
  const errors = events.filter((e) => e.type === 'error').length;
  const facts = [
    `${IMPORT_FORMAT_NAMES[imported.format]}${imported.gzipped ? ', gzipped' : ''}`,
    `${events.length} events`,
    requests ? `${requests} requests` : '',
    messages ? `${messages} messages` : '',
    imported.repaired ? `repaired: ${imported.repaired}` : '',
    errors ? `${errors} kinds of problem in the file, shown as errors in the trace` : '',
    options.out ? `written to ${options.out}` : '',
  ].filter(Boolean);
  process.stderr.write(`navscope: imported ${options.file} (${facts.join('; ')})\n`);
  return 0;
}

function exitCodeFor(result: NavigationResult): number {
  if (result.outcome === 'loaded' || result.outcome === 'no-commit') return 0;
  if (result.outcome === 'invalid-input') return 2;
  return 1;
}

async function trace(options: TraceOptions): Promise<number> {
  if (options.iterative && options.lab)
    throw new UsageError(
      '--iterative is for live mode: the lab always resolves by walking its own root, TLD and authoritative servers',
    );
  const session = await BrowserSession.start({
    lab: options.lab,
    dataDir: defaultDataDir(),
    downloadsDir: defaultDownloadsDir(),
    iterative: options.iterative,
    spareRenderer: options.spare,
    speculativeProcesses: options.speculative,
  });
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
  if (options.out) writeFileSync(options.out, output);
  else process.stdout.write(output);
  // The exports are written whatever happened: a failed navigation still has its trace.
  if (options.traceJson) writeFileSync(options.traceJson, JSON.stringify(toChromeTrace(events)) + '\n');
  if (options.har) writeFileSync(options.har, JSON.stringify(toHar(events), null, 2) + '\n');
  if (options.netlog) writeFileSync(options.netlog, JSON.stringify(toNetLog(events)) + '\n');

  if (failure) {
    process.stderr.write(`navscope: internal error: ${failure}\n`);
    return 3;
  }
  const r = result!;
  const processes = new Set(
    events.filter((e) => e.type === 'process.spawn').map((e) => (e.type === 'process.spawn' ? e.pid : 0)),
  );
  const messages = events.filter((e) => e.type === 'message').length;
  const summary = `${r.message} — ${messages} messages, ${processes.size} renderer process${processes.size === 1 ? '' : 'es'}${[
    options.out ? `trace written to ${options.out}` : '',
    options.traceJson ? `Chrome trace to ${options.traceJson}` : '',
    options.har ? `HAR to ${options.har}` : '',
    options.netlog ? `NetLog to ${options.netlog}` : '',
  ]
    .filter(Boolean)
    .map((s) => `; ${s}`)
    .join('')}`;
  process.stderr.write(`navscope: ${exitCodeFor(r) === 0 ? '' : 'error: '}${summary}\n`);
  if (r.outcome === 'failed' && r.netError?.name === 'ERR_NAME_NOT_RESOLVED' && !options.lab) {
    process.stderr.write('navscope: hint: without internet access, add --lab to use the embedded lab\n');
  }
  return exitCodeFor(r);
}

async function interactive(args: string[]): Promise<number> {
  const live = args.includes('--live');
  const session = await BrowserSession.start({
    lab: !live,
    dataDir: defaultDataDir(),
    downloadsDir: defaultDownloadsDir(),
    spareRenderer: true,
    speculativeProcesses: true,
  });
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

function parseWebArgs(args: string[]): { port: number; lab: boolean } {
  let port = 0;
  let lab = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--live') lab = false;
    else if (arg === '--lab') lab = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port needs a port number (0-65535), got ${JSON.stringify(value)}`);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { port, lab };
}

async function start(args: string[]): Promise<number> {
  const { lab } = parseWebArgs(args);
  const say = (line: string) => void process.stdout.write(`${line}\n`);
  const desktop = await launchDesktop(lab ? [] : ['--live'], say);
  if (desktop.code !== null) return desktop.code;
  say(`The desktop app cannot start here: ${desktop.reason}.`);
  say('Starting the web host instead.');
  return web(args);
}

async function web(args: string[]): Promise<number> {
  const { port, lab } = parseWebArgs(args);
  const host = await WebHost.start({
    port,
    lab,
    staticDir: builtWindowDir(),
    dataDir: defaultDataDir(),
    downloadsDir: defaultDownloadsDir(),
  });
  process.stdout.write(
    `NavScope web host (${lab ? 'embedded lab, offline' : 'live internet'}) on 127.0.0.1 only.\nOpen: ${host.url}\nPress Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('Stopping…\n');
  await host.stop();
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'trace':
        return await trace(parseTraceArgs(rest));
      case 'import':
        return await importFile(parseImportArgs(rest));
      case 'web':
        return await web(rest);
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
      return 2;
    }
    throw error;
  }
}
