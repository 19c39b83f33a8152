/**
 * "Clear" in the window: a new session on the same browser. The trace starts again
 * at seq 0 with what runs now — threads, live renderer processes, the tab's page and
 * history — and nothing of what went before: exited processes are gone from it.
 */
import { expect, it } from 'vitest';
import { describe } from 'vitest';
import { foldTrace } from '../../../shared/trace/browserViewState.js';
import { navigateAndCollect, useLabSession } from '../support/browserHarness.js';

describe('a new session on the same browser', () => {
  const session = useLabSession();

  it('starts an empty trace that knows the live processes and the page shown, and nothing else', async () => {
    const s = session();
    await navigateAndCollect(s, 'www.naver.com');
    await navigateAndCollect(s, 'www.google.com');
    await navigateAndCollect(s, 'www.naver.com');
    const recorder = s.browser.recorder;
    const before = foldTrace(recorder.events);
    expect(before.processes.filter((p) => p.state === 'exited').length).toBeGreaterThan(0);

    const seen: number[] = [];
    const unsubscribe = recorder.subscribe((e) => seen.push(e.seq));
    expect(s.browser.newSession()).toEqual({ ok: true });
    unsubscribe();
    expect(seen[0]).toBe(0);
    expect(recorder.events[0]!.type).toBe('trace.begin');

    const after = foldTrace(recorder.events);
    const live = s.browser.renderProcesses.map((p) => p.endpointId).sort();
    expect(
      after.processes
        .filter((p) => p.kind === 'renderer')
        .map((p) => p.id)
        .sort(),
    ).toEqual(live);
    expect(after.processes.every((p) => p.state === 'running')).toBe(true);
    expect(after.processes.find((p) => p.kind === 'renderer')?.pid).toBe(s.browser.renderProcesses[0]!.pid);
    expect(after.processes.find((p) => p.id === 'browser')?.threads.map((t) => t.id)).toEqual(['browser', 'network']);
    expect(after.tab).toMatchObject({ url: before.tab.url, title: before.tab.title, security: 'secure' });
    expect(after.tab.history).toEqual(before.tab.history);
    expect(after.messageCount).toBe(0);
    expect(after.navigations).toEqual([]);

    // The browser goes on, and messages name their ends with real pids in the new trace too.
    const next = await navigateAndCollect(s, 'www.naver.com/second.html');
    expect(next.result.outcome).toBe('loaded');
    const commit = recorder.events.find((e) => e.type === 'message' && e.name === 'NavigationClient.CommitNavigation');
    expect(commit?.type === 'message' && commit.toPid).toBeGreaterThan(0);
  }, 60_000);

  it('is refused, saying why, while a page is loading or step mode holds messages', async () => {
    const s = session();
    const gate = s.browser.router.gate;
    gate.enable();
    const loading = s.browser.webContents.navigateFromOmnibox('www.naver.com');
    expect(s.browser.newSession()).toMatchObject({ ok: false, reason: expect.stringMatching(/still loading/) });
    gate.disable();
    expect((await loading).outcome).toBe('loaded');
    expect(s.browser.newSession()).toEqual({ ok: true });
  }, 60_000);
});
