/**
 * The message sequences of every lab scenario, pinned: a refactoring of the browser
 * model, the network thread or the renderer must send the same messages, in the same
 * order per conversation (shared/trace/messageSequence.ts: per loader, per frame
 * resource, and the frame's own messages). A change that means to alter them
 * regenerates the fixture and says why in its commit:
 *
 *   NAVSCOPE_UPDATE_SEQUENCES=1 npx vitest run test/electron/browser/scenarioSequences.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { Lab } from '../../../electron/lab/lab.js';
import { LAB_SCENARIOS } from '../../../electron/lab/labScenarios.js';
import { messageConversations } from '../../../shared/trace/messageSequence.js';

const FIXTURE = path.join(__dirname, 'fixtures', 'scenarioSequences.json');
const UPDATE = process.env.NAVSCOPE_UPDATE_SEQUENCES === '1';
/** Short limits, as in the fault scenarios' tests: the same steps, sooner. */
const TIMEOUTS = { dnsAttemptMs: 150, connectMs: 2_000, responseHeadMs: 2_000, bodyIdleMs: 1_000 };

type Sequences = Record<string, Record<string, string[]>>;

/** Waits until the trace has stopped growing: records of the last deliveries come from other threads a moment later. */
async function settled(session: BrowserSession): Promise<void> {
  let length = -1;
  for (let i = 0; i < 40 && length !== session.browser.recorder.events.length; i++) {
    length = session.browser.recorder.events.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sortedEach(conversations: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(conversations).map(([key, lines]) => [key, [...lines].sort()]));
}

const expected: Sequences = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Sequences) : {};
const recorded: Sequences = {};

describe('the lab scenarios send the messages they always sent', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
    if (UPDATE) writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 1)}\n`);
  });

  it.each(LAB_SCENARIOS.map((s) => [s.id, s.input] as const))('%s (%s)', async (id, input) => {
    // A fresh browser per scenario: no cache, cookie or learned HSTS entry from another.
    const session = await BrowserSession.start({ lab, timeouts: TIMEOUTS });
    try {
      const from = session.browser.recorder.events.length;
      await session.browser.webContents.navigateFromOmnibox(input);
      lab.releaseHeld();
      await settled(session);
      const conversations = Object.fromEntries(messageConversations(session.browser.recorder.events.slice(from)));
      recorded[id] = conversations;
      if (UPDATE) return;
      // A page's iframes load at the same time, each in its own order: across frames only
      // which messages were sent is pinned, not how they interleave.
      if (id.startsWith('frames-')) expect(sortedEach(conversations)).toEqual(sortedEach(expected[id] ?? {}));
      else expect(conversations).toEqual(expected[id]);
    } finally {
      await session.stop();
    }
  });
});
