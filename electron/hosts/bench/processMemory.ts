/**
 * Resident memory of a process by pid: VmRSS from /proc on Linux, `ps -o rss=`
 * elsewhere. Null when the process is gone or the platform gives no answer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function residentMegabytes(pid: number): number | null {
  try {
    if (process.platform === 'linux') {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : null;
    }
    if (process.platform === 'win32') return null;
    const kilobytes = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes / 1024 : null;
  } catch {
    return null;
  }
}
