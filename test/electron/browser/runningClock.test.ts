import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunningClock } from '../../../electron/browser/runningClock.js';

describe("RunningClock (the model's timeouts count running time only)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires after the running time, like setTimeout, when never paused', () => {
    const clock = new RunningClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), 100);
    vi.advanceTimersByTime(99);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
  });

  it('does not count time while paused, and goes on with what was left', () => {
    const clock = new RunningClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), 100);
    vi.advanceTimersByTime(60);
    clock.pause();
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
    clock.resume();
    vi.advanceTimersByTime(39);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
  });

  it('a timer set while paused starts counting on resume; a cancelled timer never fires', () => {
    const clock = new RunningClock();
    const fired: string[] = [];
    clock.pause();
    clock.setTimeout(() => fired.push('late'), 50);
    const cancelled = clock.setTimeout(() => fired.push('cancelled'), 10);
    vi.advanceTimersByTime(1_000);
    cancelled.cancel();
    clock.resume();
    vi.advanceTimersByTime(50);
    expect(fired).toEqual(['late']);
  });
});
