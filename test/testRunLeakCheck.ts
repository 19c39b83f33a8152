/**
 * Vitest global setup (vitest.config.ts, vitest.faults.config.ts): every temporary folder
 * and every process the tests make must be gone when the run ends.
 *
 * - Temporary folders: the run gets a temporary folder of its own, and TMPDIR (TMP and
 *   TEMP on Windows) points every test process, and every process they start, at it, so
 *   os.tmpdir() is that folder wherever a test, a host or a browser asks. At the end it
 *   must be empty: whatever is left (a navscope-downloads-* folder, a Chromium profile…)
 *   is listed and fails the run. Counting in a folder of the run's own, rather than in
 *   the shared system one, keeps other runs on the same machine from being counted. The
 *   folder itself is then removed, so the system temporary folder holds nothing new.
 * - Processes: every process started during the run inherits NAVSCOPE_TEST_RUN=<id>.
 *   Where /proc exists (Linux), any process still carrying this run's id at the end
 *   (a renderer, a host, a browser a test forgot) is listed, killed, and fails the run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RUN_MARKER = 'NAVSCOPE_TEST_RUN';

interface LeftProcess {
  pid: number;
  command: string;
}

/** Processes (not zombies, not this one) whose environment carries this run's marker. */
function processesOfRun(runId: string): LeftProcess[] {
  if (!existsSync('/proc/self/environ')) return [];
  const needle = `${RUN_MARKER}=${runId}`;
  const found: LeftProcess[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') continue;
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!environ.includes(needle)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid, command: command.length > 200 ? `${command.slice(0, 200)}…` : command });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Waits a little for processes that are on their way out (a SIGKILL just sent, an exit in progress). */
async function lingering(runId: string): Promise<LeftProcess[]> {
  let left = processesOfRun(runId);
  for (let attempt = 0; attempt < 50 && left.length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesOfRun(runId);
  }
  return left;
}

function setTemporaryFolder(folder: string): void {
  process.env.TMPDIR = folder;
  process.env.TMP = folder;
  process.env.TEMP = folder;
}

export default function setup(): () => Promise<void> {
  const systemTemp = tmpdir();
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  const runTemp = mkdtempSync(path.join(systemTemp, 'navscope-test-run-'));
  const runId = `${process.pid}-${randomBytes(6).toString('hex')}`;
  setTemporaryFolder(runTemp);
  process.env[RUN_MARKER] = runId;

  return async () => {
    const problems: string[] = [];

    const processes = await lingering(runId);
    if (processes.length > 0) {
      for (const left of processes) {
        try {
          process.kill(left.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      problems.push(
        `${processes.length} process${processes.length === 1 ? ' was' : 'es were'} still running (now killed):\n` +
          processes.map((p) => `  pid ${p.pid}: ${p.command}`).join('\n'),
      );
    }

    let left: string[] = [];
    try {
      left = readdirSync(runTemp);
    } catch (error) {
      problems.push(`the run's temporary folder ${runTemp} could not be read: ${String(error)}`);
    }
    if (left.length > 0) {
      problems.push(
        `${left.length} temporar${left.length === 1 ? 'y entry was' : 'y entries were'} left in the temporary folder:\n` +
          left
            .sort()
            .map((name) => `  ${name}`)
            .join('\n'),
      );
    }
    rmSync(runTemp, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete process.env[RUN_MARKER];

    if (problems.length > 0) {
      // Vitest reports an error thrown here but would still exit 0: fail the run explicitly.
      process.exitCode = 1;
      throw new Error(
        `The tests did not clean up after themselves (each test removes the temporary folders and processes it makes):\n${problems.join('\n')}`,
      );
    }
  };
}
