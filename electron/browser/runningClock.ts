/**
 * The browser model's own timeouts (a renderer that does not answer beforeunload or
 * the commit, a process that does not become ready, how long MIME sniffing waits for
 * bytes) count running time only. While step mode holds a message for the user, the
 * clock is paused: a teacher who leaves a navigation waiting for a minute does not
 * make it time out. Outside step mode the clock never pauses and a timer is an
 * ordinary setTimeout.
 */
export interface RunningTimer {
  cancel(): void;
}

interface Pending {
  readonly fire: () => void;
  /** Running time left, in ms, as of `armedAt` (or as of the pause). */
  remainingMs: number;
  armedAt: number;
  handle: ReturnType<typeof setTimeout> | null;
}

function nowMs(): number {
  return performance.now();
}

export class RunningClock {
  private paused = false;
  private readonly pending = new Set<Pending>();

  get isPaused(): boolean {
    return this.paused;
  }

  /** Calls `fire` once `ms` of running time have passed, unless cancelled first. */
  setTimeout(fire: () => void, ms: number): RunningTimer {
    const entry: Pending = { fire, remainingMs: Math.max(0, ms), armedAt: nowMs(), handle: null };
    this.pending.add(entry);
    if (!this.paused) this.arm(entry);
    return {
      cancel: () => {
        if (entry.handle) clearTimeout(entry.handle);
        entry.handle = null;
        this.pending.delete(entry);
      },
    };
  }

  /** Stops every timer where it is: time from now on does not count. */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    const now = nowMs();
    for (const entry of this.pending) {
      if (entry.handle) clearTimeout(entry.handle);
      entry.handle = null;
      entry.remainingMs = Math.max(0, entry.remainingMs - (now - entry.armedAt));
    }
  }

  /** Time counts again: every timer goes on with what it had left. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const entry of this.pending) this.arm(entry);
  }

  private arm(entry: Pending): void {
    entry.armedAt = nowMs();
    entry.handle = setTimeout(() => {
      entry.handle = null;
      this.pending.delete(entry);
      entry.fire();
    }, entry.remainingMs);
  }
}
