/**
 * Test harness: a real browser process (this test's process is the UI thread), its
 * network thread, forked renderer processes and the real lab on loopback.
 */
import { messageKey } from '../../../shared/ipc/messageCatalogue.js';
import { afterAll, beforeAll } from 'vitest';
import type { TraceEvent, TraceEventOf, TraceEventType } from '../../../shared/trace/traceEvent.js';
import { formatTimeline } from '../../../shared/trace/timelineText.js';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';

export async function startLabSession(): Promise<BrowserSession> {
  return BrowserSession.start({ lab: true });
}

/** One lab browser for the enclosing describe block: started before its tests, stopped after. */
export function useLabSession(): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startLabSession();
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
  });
  return () => {
    if (!session) throw new Error('the lab browser did not start');
    return session;
  };
}

export function ofType<T extends TraceEventType>(events: readonly TraceEvent[], type: T): TraceEventOf<T>[] {
  return events.filter((e): e is TraceEventOf<T> => e.type === type);
}

export function messages(events: readonly TraceEvent[], name: string): TraceEventOf<'message'>[] {
  // By catalogue name: a reply is `<request name>:reply`.
  return ofType(events, 'message').filter((m) => messageKey(m) === name);
}

/** Resolves with the first event (already recorded or future) that matches. */
export function waitForEvent(
  session: BrowserSession,
  predicate: (e: TraceEvent) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<TraceEvent> {
  const recorder = session.browser.recorder;
  const existing = recorder.events.find(predicate);
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = recorder.subscribe((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(e);
    });
  });
}

/**
 * Navigates from the omnibox and returns the result with the events it recorded. A
 * navigation that does not finish within `timeoutMs` fails with its own timeline, so a
 * hang shows where it stopped.
 */
export async function navigateAndCollect(session: BrowserSession, input: string, timeoutMs = 20_000) {
  const before = session.browser.recorder.events.length;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `navigation to ${input} did not finish within ${timeoutMs} ms; its timeline:\n${formatTimeline(session.browser.recorder.events).slice(before).join('\n')}`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const result = await Promise.race([session.browser.webContents.navigateFromOmnibox(input), stuck]);
    return { result, events: session.browser.recorder.events.slice(before) };
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the lab starts holding a request (a page load is then paused mid-way). */
export function nextHeldRequest(session: BrowserSession): Promise<string> {
  const lab = session.lab;
  if (!lab) throw new Error('this session has no lab');
  return new Promise((resolve) => {
    const unsubscribe = lab.onHeld((path) => {
      unsubscribe();
      resolve(path);
    });
  });
}
