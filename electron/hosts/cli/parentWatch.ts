/**
 * Notices when the process that started this one is gone. `npm start` runs NavScope
 * through a shell (npm → sh -c → node); on SIGTERM npm passes the signal to the shell,
 * which dies of it without passing it on, and node, now an orphan, would keep the web
 * host and its renderers running. Watching the parent closes that gap on every system:
 * the parent is gone when this process has been given to another parent (Unix) or the
 * parent's pid no longer answers (Windows keeps the old ppid).
 */

/** Calls `onGone` once when the parent process has ended; returns a function that stops watching. */
export function watchParentProcess(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  // Started by init (or already an orphan): there is no parent to outlive.
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && isAlive(parent)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
