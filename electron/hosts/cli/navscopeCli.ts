/**
 * The `navscope` command line: the headless host of the browser model.
 *
 *   navscope trace <input> [--lab] [--json] [--out FILE|-] [--trace-json FILE] [--har FILE] [--netlog FILE]
 *   navscope real <input> [--lab] [--json] [--out FILE|-] [--chrome-trace FILE] [--netlog FILE]
 *   navscope compare-real <input> --lab [--json] [--out FILE|-]
 *   navscope import <file> [--json] [--out FILE|-]
 *   navscope start [--live] [--no-open]
 *
 * `trace` performs one navigation and prints its timeline (or the trace as JSON);
 * whatever happens, the trace recorded so far is written. `import` reads a file another
 * tool wrote (HAR, NetLog, Chrome trace) or NavScope saved, and prints it the same way.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { buildNavigationStory } from '../../../shared/story/navigationStory.js';
import { storyHtml, storyMarkdown } from '../../../shared/story/storyDocument.js';
import type { StoryLang } from '../../../shared/story/storyTeller.js';
import { toChromeTrace } from '../../../shared/trace/chromeTraceExport.js';
import { ImportError } from '../../../shared/import/importError.js';
import { DEFAULT_IMPORT_LIMITS, formatBytes } from '../../../shared/import/importLimits.js';
import { IMPORT_FORMAT_NAMES, importTraceFile } from '../../../shared/import/traceImport.js';
import { RealInputError, realNavigationTarget } from '../../../shared/real/realNavigationInput.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { toNetLog } from '../../../shared/trace/netLogExport.js';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';
import type { NavigationResult } from '../../browser/webContents.js';
import { Lab } from '../../lab/lab.js';
import { builtWindowDir } from '../../node/builtEntries.js';
import { findSystemChromium } from '../../node/systemChromium.js';
import { ChromiumUnavailableError, recordRealNavigation } from '../../real-chromium/realNavigationRecorder.js';
import type { RealModelComparison } from '../../../shared/real/realModelComparison.js';
import { runRealComparison } from '../node/realComparisonRunner.js';
import { defaultDataDir, defaultDownloadsDir } from '../../node/dataDir.js';
import { BrowserSession } from '../node/browserSession.js';
import { WebHost } from '../web/webHost.js';
import { openInDefaultBrowser } from './browserOpener.js';
import { EXIT, OutputError, type OutputTarget, checkOutputs, fileErrorReason, writeOutput } from './cliOutput.js';
import { launchDesktop } from './desktopLauncher.js';
import { watchParentProcess } from './parentWatch.js';
import { errorMessage, errorStack } from '../../../shared/base/errors.js';

const USAGE = `Usage:
  navscope trace <input> [--tab INPUT]… [--lab | --iterative] [--json] [--out FILE] [--trace-json FILE] [--har FILE] [--netlog FILE]
      Navigate to <input> (what you would type in the address bar) headless and
      print a timeline of every step, or the whole trace as JSON (--json).
      --lab   use NavScope's embedded lab (loopback DNS and web servers), offline
      --out   write the output to FILE instead of standard output (- is standard output)
      --iterative  (live mode) resolve by walking from the real root servers
                   instead of asking the operating system's resolver
      --trace-json  also write a Chrome Trace Event file (Perfetto, chrome://tracing)
      --har         also write a HAR 1.2 file of every request
      --netlog      also write a NetLog (the JSON of chrome://net-export and --log-net-log)
      --spare      keep a spare renderer process ready, as Chrome does (the window does)
      --no-speculative  find the renderer process only once the response is in (the
                   classic journey); by default it starts with the request, as in Chrome
      --tab INPUT  then open a new tab and navigate it to INPUT (repeatable; every tab stays
                   open, and renderer processes are chosen across tabs as Chromium does)
      --renderer-process-limit N  Chromium's soft limit on renderer processes (default
                   as Chromium's: half the memory at 85 MB a process, 3 to 82)
  navscope real <input> [--lab] [--json] [--out FILE] [--chrome-trace FILE] [--netlog FILE]
      Have the system's real Chromium (NAVSCOPE_CHROMIUM, or Chromium / Chrome where
      installed) perform the same navigation, headless, in lab mode against NavScope's
      embedded lab (every other host name unresolved), and print its trace mapped into
      NavScope's: its real processes, every Mojo message it received, named
      Interface.Method, its navigation phases and network steps (--json: the trace).
      The input goes through the omnibox's classification first, as for trace.
      --chrome-trace  also write the raw Chrome trace (Perfetto, chrome://tracing)
      --netlog        also write the NetLog it recorded
  navscope compare-real <input> --lab [--json] [--out FILE]
      Run the same input in NavScope's model and in the system's real Chromium (lab
      mode, as real does) and compare them side by side: the phases with their
      durations, the navigation messages matched by name in order (both, model only,
      real only), the process decisions with both sides' pids, the requests with their
      timings, and every difference explained (known ones from the checked-in table).
      --json: the two ordered name lists, the matched pairs, the shares of names found
      on the other side, and all of the above. Exits 5 without a Chromium, as real.
  navscope import <file> [--json] [--out FILE]
      Open a file another tool wrote, or NavScope saved: a HAR (DevTools, Playwright,
      Firefox), a NetLog (chrome://net-export, --log-net-log, Electron's netLog, also
      one cut off while being written), a Chrome trace (chrome://tracing, DevTools'
      Performance panel, Tracing.start, Electron's contentTracing; JSON object or array
      form), a NavScope trace or the Chrome trace NavScope exported; gzipped or not.
      Prints its timeline, or (--json) the NavScope trace.
  navscope explain <input> [--lab] [--lang en|ko] [--out FILE] [--format md|html]
      Navigate like trace, then write the story of the navigation for a student:
      seven chapters (input, start, network, response, process, commit, load) told
      with this navigation's own numbers, as Markdown or as a self-contained HTML
      page with the process diagram and the waterfall (by FILE's extension, .md or
      .html, or --format; standard output is Markdown unless --format html).
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

Exit codes: 0 the navigation loaded (or ended as asked: no commit, a completed download),
  or the file was imported; 1 it failed (net error, crash, blocked, download interrupted);
  2 wrong usage or input (for import: a file that cannot be read);
  3 NavScope itself failed; 4 an output file or the data folder could not be written;
  5 (real) no Chromium or Chrome to start was found.
`;

export interface TraceOptions {
  input: string;
  /** More inputs, each navigated in a tab of its own (`--tab B`), in order, all kept open. */
  tabs: string[];
  /** Chromium's --renderer-process-limit: the soft limit on renderer processes. */
  rendererProcessLimit: number | null;
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

export function parseTraceArgs(args: string[]): TraceOptions {
  const options: TraceOptions = {
    input: '',
    tabs: [],
    rendererProcessLimit: null,
    lab: false,
    iterative: false,
    spare: false,
    speculative: true,
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
    else if (arg === '--no-speculative') options.speculative = false;
    else if (arg === '--tab' || arg.startsWith('--tab=')) {
      const value = arg === '--tab' ? args[++i] : arg.slice('--tab='.length);
      if (!value || value.startsWith('--')) throw new UsageError('--tab needs the input to open in a new tab');
      options.tabs.push(value);
    } else if (arg === '--renderer-process-limit' || arg.startsWith('--renderer-process-limit=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const limit = Number(value);
      if (!value || !Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError(`--renderer-process-limit needs a whole number from 1 to 1000, got ${value ?? 'nothing'}`);
      options.rendererProcessLimit = limit;
    } else if (FILE_OPTIONS[arg] || FILE_OPTIONS[arg.split('=')[0]!]) {
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
  if (options.out !== null && options.out !== '-' && path.resolve(options.out) === path.resolve(options.file))
    throw new UsageError(`--out names the file being imported (${options.file}): it would be overwritten`);
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

/** Exit codes as for trace: 2 for a file that cannot be read (the input was wrong), 3 a fault of NavScope's, 4 output. */
async function importFile(options: ImportOptions): Promise<number> {
  const target: OutputTarget = { option: '--out', file: options.out ?? '-' };
  checkOutputs([target]);
  let imported;
  try {
    imported = await importTraceFile(readImportFile(options.file), path.basename(options.file));
  } catch (error) {
    const message = errorMessage(error);
    process.stderr.write(`navscope: ${options.file}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof ImportError && error.internal ? EXIT.internal : EXIT.usage;
  }
  const events = imported.trace.events;
  writeOutput(target, options.json ? JSON.stringify(imported.trace) + '\n' : formatTimeline(events).join('\n') + '\n');
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
    target.file !== '-' ? `written to ${target.file}` : '',
  ].filter(Boolean);
  process.stderr.write(`navscope: imported ${options.file} (${facts.join('; ')})\n`);
  return EXIT.ok;
}

export interface RealOptions {
  input: string;
  json: boolean;
  out: string | null;
  chromeTrace: string | null;
  netlog: string | null;
}

/** Options of `real` that name an output file. */
const REAL_FILE_OPTIONS: Record<string, 'out' | 'chromeTrace' | 'netlog'> = {
  '--out': 'out',
  '--chrome-trace': 'chromeTrace',
  '--netlog': 'netlog',
};

function parseFileArgs(args: string[]): { positional: string[]; options: RealOptions } {
  const options: RealOptions = { input: '', json: false, out: null, chromeTrace: null, netlog: null };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (arg === '--json') options.json = true;
    else if (arg === '--lab')
      continue; // the only mode a real Chromium is recorded in
    else if (arg === '--live')
      throw new UsageError(
        'real records in lab mode only: the real Chromium loads the page from the embedded lab, with every other host name unresolved',
      );
    else if (REAL_FILE_OPTIONS[flag]) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!value || (value.startsWith('--') && value !== '-')) throw new UsageError(`${flag} needs a file name`);
      options[REAL_FILE_OPTIONS[flag]!] = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, options };
}

export function parseRealArgs(args: string[]): RealOptions {
  const { positional, options } = parseFileArgs(args);
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'real needs the input to navigate to, e.g. navscope real www.naver.com --lab'
        : `real takes one input, got ${positional.length} (quote an input with spaces)`,
    );
  options.input = positional[0]!;
  return options;
}

/** Counts for the one-line summary of a real trace. */
function realFacts(events: readonly TraceEvent[]): string {
  let messages = 0;
  let named = 0;
  const kinds: string[] = [];
  for (const e of events) {
    if (e.type === 'message') {
      messages++;
      if (e.real?.fullName) named++;
    } else if (e.type === 'real.process') kinds.push(e.kind);
  }
  const byKind = [...new Set(kinds)].map((k) => {
    const n = kinds.filter((x) => x === k).length;
    return n > 1 ? `${k} ×${n}` : k;
  });
  return `${messages} Mojo messages (${named} named), ${kinds.length} processes (${byKind.join(', ')})`;
}

async function real(options: RealOptions): Promise<number> {
  const main: OutputTarget = { option: '--out', file: options.out ?? '-' };
  const extra: OutputTarget[] = [
    ...(options.chromeTrace ? [{ option: '--chrome-trace', file: options.chromeTrace }] : []),
    ...(options.netlog ? [{ option: '--netlog', file: options.netlog }] : []),
  ];
  checkOutputs([main, ...extra]);
  const chromium = realChromiumFor(options.input, 'record with');
  if (typeof chromium === 'number') return chromium;
  const dataDir = defaultDataDir();
  const lab = await withDataFolder(dataDir, () => Lab.start({ dataDir }));
  let recorded;
  try {
    recorded = await recordRealNavigation(options.input, { lab: lab.config, executablePath: chromium.path });
  } catch (error) {
    if (error instanceof ChromiumUnavailableError) {
      process.stderr.write(`navscope: no real Chromium to record with: ${error.message}
`);
      return EXIT.noChromium;
    }
    if (error instanceof RealInputError) {
      process.stderr.write(`navscope: ${error.message}
`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await lab.stop();
  }
  const events = recorded.trace.events;
  const output = options.json
    ? JSON.stringify({
        ...recorded.trace,
        result: {
          input: options.input,
          url: recorded.target.url,
          loaded: recorded.loaded,
          message: recorded.message,
          recording: recorded.recording.metadata,
        },
      }) + '\n'
    : formatTimeline(events).join('\n') + '\n';
  const written: string[] = [];
  const outputErrors: string[] = [];
  const attempt = (target: OutputTarget, text: () => string | Uint8Array, label: string) => {
    try {
      writeOutput(target, text());
      if (target.file !== '-') written.push(`${label} to ${target.file}`);
    } catch (error) {
      outputErrors.push(error instanceof Error ? error.message : String(error));
    }
  };
  attempt(main, () => output, 'trace written');
  for (const target of extra)
    attempt(
      target,
      () => (target.option === '--netlog' ? recorded.recording.netLog : recorded.recording.trace),
      target.option === '--netlog' ? 'NetLog' : 'Chrome trace',
    );
  const code = recorded.loaded ? EXIT.ok : EXIT.navigationFailed;
  process.stderr.write(
    `navscope: ${code === EXIT.ok ? '' : 'error: '}${recorded.message} — ${realFacts(events)}${written.map((w) => `; ${w}`).join('')}\n`,
  );
  for (const problem of outputErrors) process.stderr.write(`navscope: ${problem}\n`);
  return outputErrors.length > 0 ? EXIT.output : code;
}

export function parseCompareRealArgs(args: string[]): RealOptions {
  const { positional, options } = parseFileArgs(args);
  if (options.chromeTrace || options.netlog)
    throw new UsageError('compare-real writes one output (--out): record the raw files with navscope real');
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'compare-real needs the input to navigate to, e.g. navscope compare-real www.naver.com --lab'
        : `compare-real takes one input, got ${positional.length} (quote an input with spaces)`,
    );
  options.input = positional[0]!;
  return options;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const millis = (micros: number | null) => (micros === null ? '—' : `${(micros / 1000).toFixed(1)} ms`);

/** The side-by-side as text. */
export function comparisonText(c: RealModelComparison): string[] {
  const lines: string[] = [];
  lines.push(`NavScope's model beside real Chromium ${c.chromiumVersion ?? '(version unknown)'}: ${c.url}`);
  lines.push('', 'Phases                      NavScope     Chromium');
  for (const p of c.phases)
    lines.push(`  ${p.name.padEnd(26)}${millis(p.modelMicros).padStart(10)}${millis(p.realMicros).padStart(13)}`);
  lines.push('', 'Navigation messages, matched by name in order');
  for (const pair of c.pairs)
    lines.push(
      `  ${pair.status === 'both' ? 'both      ' : pair.status === 'model-only' ? 'NavScope  ' : 'Chromium  '}${pair.name}`,
    );
  const side = (who: string, p: RealModelComparison['processes']['model']) =>
    `  ${who}: ${p.decision} ${p.processId ?? ''}${p.pid !== null ? ` (pid ${p.pid})` : ''} — ${p.reason}`;
  lines.push('', 'Process decisions', side('NavScope', c.processes.model), side('Chromium', c.processes.real));
  lines.push('', 'Requests                                            NavScope              Chromium');
  const timing = (r: { status: number | null; startMicros: number; durationMicros: number | null } | null) =>
    r ? `${r.status ?? '—'} at ${millis(r.startMicros)}, ${millis(r.durationMicros)}` : '—';
  for (const r of c.requests)
    lines.push(`  ${r.url.padEnd(50).slice(0, 50)}  ${timing(r.model).padEnd(28)}${timing(r.real)}`);
  lines.push('', 'What differs');
  for (const d of c.differences) lines.push(`  ${d.known ? '·' : '!'} ${d.en}`);
  lines.push(
    '',
    `${percent(c.shares.realInModel)} of Chromium's navigation message names are in the model; ${percent(c.shares.modelInReal)} of the model's are in Chromium's run (${percent(c.shares.realInModelAllNames)} of every name Chromium sent, plumbing included).`,
  );
  return lines;
}

/**
 * Before the lab starts: input that leads to no http(s) page (exit 2), or no Chromium to
 * start (exit 5). Otherwise the Chromium found.
 */
function realChromiumFor(input: string, purpose: string): { path: string } | number {
  try {
    realNavigationTarget(input);
  } catch (error) {
    if (!(error instanceof RealInputError)) throw error;
    process.stderr.write(`navscope: ${error.message}\n`);
    return EXIT.usage;
  }
  const chromium = findSystemChromium();
  if (!chromium.found) {
    process.stderr.write(`navscope: no real Chromium to ${purpose}: ${chromium.message}\n`);
    return EXIT.noChromium;
  }
  return { path: chromium.path };
}

async function compareReal(options: RealOptions): Promise<number> {
  const main: OutputTarget = { option: '--out', file: options.out ?? '-' };
  checkOutputs([main]);
  const chromium = realChromiumFor(options.input, 'compare with');
  if (typeof chromium === 'number') return chromium;
  const dataDir = defaultDataDir();
  const lab = await withDataFolder(dataDir, () => Lab.start({ dataDir }));
  let run;
  try {
    run = await runRealComparison(options.input, {
      lab,
      executablePath: chromium.path,
      dataDir,
      downloadsDir: defaultDownloadsDir(),
    });
  } catch (error) {
    if (error instanceof ChromiumUnavailableError) {
      process.stderr.write(`navscope: no real Chromium to compare with: ${error.message}\n`);
      return EXIT.noChromium;
    }
    throw error;
  } finally {
    await lab.stop();
  }
  const { comparison } = run;
  const output = options.json
    ? JSON.stringify(
        {
          format: 'navscope-compare-real',
          version: 1,
          input: options.input,
          ...comparison,
          result: { model: run.model.result, real: { loaded: run.real.loaded, message: run.real.message } },
        },
        null,
        2,
      ) + '\n'
    : comparisonText(comparison).join('\n') + '\n';
  try {
    writeOutput(main, output);
  } catch (error) {
    process.stderr.write(`navscope: ${errorMessage(error)}\n`);
    return EXIT.output;
  }
  // A download ends the real page load with "Download is starting": as the model's, it ended as asked.
  const realEnded =
    run.real.loaded || (run.model.result.outcome === 'download' && /Download is starting/.test(run.real.message));
  const loaded = exitCodeFor(run.model.result) === EXIT.ok && realEnded;
  process.stderr.write(
    `navscope: ${loaded ? '' : 'error: '}${run.model.result.message}; ${run.real.message} — ${percent(comparison.shares.realInModel)} of Chromium's navigation message names are in the model, ${comparison.unexplained.length} unexplained difference${comparison.unexplained.length === 1 ? '' : 's'}${main.file !== '-' ? `; written to ${main.file}` : ''}\n`,
  );
  return loaded ? EXIT.ok : EXIT.navigationFailed;
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
    ...(options.netlog ? [{ option: '--netlog', file: options.netlog }] : []),
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
      rendererProcessLimit: options.rendererProcessLimit ?? undefined,
    }),
  );
  let result: NavigationResult | null = null;
  let failure: string | null = null;
  try {
    result = await session.browser.webContents.navigateFromOmnibox(options.input);
    // Each --tab opens a tab of its own (as the user would: its own BrowsingInstance) and loads there.
    for (const input of options.tabs) {
      const tab = session.browser.newTab();
      const tabResult = await tab.navigateFromOmnibox(input);
      if (exitCodeFor(tabResult) !== EXIT.ok && exitCodeFor(result) === EXIT.ok) result = tabResult;
    }
  } catch (error) {
    failure = errorStack(error);
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
      outputErrors.push(errorMessage(error));
    }
  };
  attempt(main, () => output, 'trace written');
  for (const target of exports)
    attempt(
      target,
      () =>
        target.option === '--har'
          ? JSON.stringify(toHar(events), null, 2) + '\n'
          : target.option === '--netlog'
            ? JSON.stringify(toNetLog(events)) + '\n'
            : JSON.stringify(toChromeTrace(events)) + '\n',
      target.option === '--har' ? 'HAR' : target.option === '--netlog' ? 'NetLog' : 'Chrome trace',
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

export interface ExplainOptions {
  input: string;
  lab: boolean;
  lang: StoryLang;
  out: string;
  format: 'md' | 'html';
}

export function parseExplainArgs(args: string[]): ExplainOptions {
  let lab = false;
  let lang: StoryLang = 'en';
  let out = '-';
  let format: 'md' | 'html' | null = null;
  const positional: string[] = [];
  const value = (i: number, flag: string): string => {
    const v = args[i];
    if (!v || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, null];
    if (arg === '--lab') lab = true;
    else if (arg === '--live') lab = false;
    else if (flag === '--lang') {
      const v = inline ?? value(++i, '--lang');
      if (v !== 'en' && v !== 'ko') throw new UsageError(`--lang is en or ko, got ${JSON.stringify(v)}`);
      lang = v;
    } else if (flag === '--out') out = inline ?? value(++i, '--out');
    else if (flag === '--format') {
      const v = inline ?? value(++i, '--format');
      if (v !== 'md' && v !== 'html') throw new UsageError(`--format is md or html, got ${JSON.stringify(v)}`);
      format = v;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'explain needs the input to navigate to, e.g. navscope explain www.google.com --lab --lang ko --out a.md'
        : `explain takes one input, got ${positional.length} (quote an input with spaces)`,
    );
  if (!format) {
    const ext = out === '-' ? '.md' : path.extname(out).toLowerCase();
    if (ext === '.md' || ext === '.markdown') format = 'md';
    else if (ext === '.html' || ext === '.htm') format = 'html';
    else
      throw new UsageError(
        `cannot tell the format of ${out} from its extension: name it .md or .html, or add --format md|html`,
      );
  }
  return { input: positional[0]!, lab, lang, out, format };
}

/** The bundled Korean font as a data: URL, for HTML pages read where no Korean font is installed (null if absent). */
function koreanFontDataUrl(): string | null {
  try {
    const file = createRequire(import.meta.url).resolve(
      '@fontsource/noto-sans-kr/files/noto-sans-kr-korean-400-normal.woff2',
    );
    return `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
  } catch {
    return null;
  }
}

async function explain(options: ExplainOptions): Promise<number> {
  const target: OutputTarget = { option: '--out', file: options.out };
  checkOutputs([target]);
  const dataDir = defaultDataDir();
  const session = await withDataFolder(dataDir, () =>
    BrowserSession.start({ lab: options.lab, dataDir, downloadsDir: defaultDownloadsDir() }),
  );
  let result: NavigationResult;
  try {
    result = await session.browser.webContents.navigateFromOmnibox(options.input);
  } finally {
    await session.stop();
  }
  const story = buildNavigationStory(session.browser.recorder.events, options.lang);
  if (!story) {
    process.stderr.write(`navscope: error: ${result.message} — no navigation was recorded to explain\n`);
    return exitCodeFor(result) === EXIT.ok ? EXIT.internal : exitCodeFor(result);
  }
  let text: string;
  if (options.format === 'html') {
    const font = options.lang === 'ko' ? koreanFontDataUrl() : null;
    if (options.lang === 'ko' && !font)
      process.stderr.write('navscope: note: the Korean web font is not installed; the page uses the system fonts\n');
    text = storyHtml(story, { koreanFontDataUrl: font });
  } else text = storyMarkdown(story);
  writeOutput(target, text);
  const code = exitCodeFor(result);
  process.stderr.write(
    `navscope: ${code === EXIT.ok ? '' : 'error: '}${result.message}${target.file === '-' ? '' : `; story (${options.lang}, ${options.format}) written to ${target.file}`}\n`,
  );
  return code;
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
      case 'real':
        return await real(parseRealArgs(rest));
      case 'compare-real':
        return await compareReal(parseCompareRealArgs(rest));
      case 'explain':
        return await explain(parseExplainArgs(rest));
      case 'import':
        return await importFile(parseImportArgs(rest));
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
    const detail = process.env.NAVSCOPE_DEBUG && error instanceof Error ? errorStack(error) : null;
    process.stderr.write(`navscope: internal error: ${errorMessage(error)}\n${detail ? `${detail}\n` : ''}`);
    return EXIT.internal;
  }
}
