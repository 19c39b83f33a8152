/**
 * Practice: the student walks through one navigation and, at each step, picks the
 * next message (its name and the process or thread that receives it) from three
 * choices. The steps are the navigation's own messages, without the subresource
 * loads (their order is the network's, not a rule to learn) and housekeeping; the
 * two wrong choices come from the message catalogue and from messages later in the
 * same navigation, so that each is a message that could plausibly come next.
 */
import { type MessageName, isMessageName, messageCatalogue, messageKey } from '../ipc/messageCatalogue.js';
import type { EndpointRole } from '../ipc/endpoints.js';
import type { TraceEvent, TraceEventOf } from '../trace/traceEvent.js';
import type { StoryFacts } from './storyFacts.js';

export interface PracticeChoice {
  /** The catalogue's name (`Interface.Method`, a reply as `Interface.Method:reply`). */
  name: string;
  /** The receiving endpoint ('browser', 'network', 'renderer:1'). */
  to: string;
}

export interface PracticeStep {
  /** The message's sequence number in the trace. */
  seq: number;
  answer: PracticeChoice;
  /** Three choices in the order shown; exactly one is the answer. */
  choices: PracticeChoice[];
}

/** Messages that are not part of the journey a student learns. */
const HOUSEKEEPING = new Set<string>([
  'ChildProcess.Ping',
  'ChildProcessHost.Pong',
  'ChildProcess.ProcessShutdown',
  'NetworkContext.ClearHostCache',
  'NetworkContext.ClearHttpCache',
  'NetworkContext.CloseAllConnections',
  'Frame.UpdateSubresourceLoaderFactories',
  'FrameHost.SubresourceResponseStarted',
  'FrameHost.ResourceLoadComplete',
]);

function payloadId(message: TraceEventOf<'message'>, key: 'requestId' | 'pipeId'): string | null {
  const payload = message.payload;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

/** A subresource's own traffic: requests a renderer made (their ids start with the renderer's). */
function isSubresourceTraffic(message: TraceEventOf<'message'>): boolean {
  const id = payloadId(message, 'requestId') ?? payloadId(message, 'pipeId');
  return id !== null && id.startsWith('renderer:');
}

/** The messages a student practises, in order. */
export function practiceMessages(events: readonly TraceEvent[], facts: StoryFacts): TraceEventOf<'message'>[] {
  return events.filter(
    (e): e is TraceEventOf<'message'> =>
      e.type === 'message' &&
      e.seq >= facts.firstSeq &&
      e.seq <= facts.lastSeq &&
      !HOUSEKEEPING.has(e.name) &&
      !isSubresourceTraffic(e),
  );
}

/** A small deterministic generator: the same trace gives the same choices. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function key(choice: PracticeChoice): string {
  return `${choice.name}→${choice.to}`;
}

function endpointsFor(role: EndpointRole, renderers: readonly string[]): string[] {
  if (role === 'renderer') return renderers.length > 0 ? [...renderers] : ['renderer:1'];
  return [role];
}

/** The steps with their three choices each. */
export function practiceSteps(events: readonly TraceEvent[], facts: StoryFacts): PracticeStep[] {
  const messages = practiceMessages(events, facts);
  const renderers = [...new Set(messages.flatMap((m) => [m.from, m.to]).filter((id) => id.startsWith('renderer:')))];
  const catalogue = (Object.keys(messageCatalogue) as MessageName[]).filter((name) => !HOUSEKEEPING.has(name));
  return messages.map((message, i) => {
    const name = messageKey(message);
    const answer: PracticeChoice = { name, to: message.to };
    const random = seeded(message.seq * 2654435761 + i);
    const pool: PracticeChoice[][] = [];
    // The same message sent to another end it may go to (OnComplete to the browser or to a renderer).
    if (isMessageName(name)) {
      const entry = messageCatalogue[name];
      pool.push(entry.to.flatMap((role) => endpointsFor(role, renderers)).map((to) => ({ name, to })));
    }
    // What comes soon after in this navigation: the usual mistake is to skip ahead.
    pool.push(messages.slice(i + 1, i + 5).map((m) => ({ name: messageKey(m), to: m.to })));
    // Any other message of the catalogue, to the end it is received at.
    pool.push(
      catalogue.flatMap((name) =>
        messageCatalogue[name].to.flatMap((role) => endpointsFor(role, renderers)).map((to) => ({ name, to })),
      ),
    );
    const picked = new Map<string, PracticeChoice>([[key(answer), answer]]);
    for (const candidates of pool) {
      const fresh = candidates.filter((c) => !picked.has(key(c)));
      if (fresh.length === 0 || picked.size >= 3) continue;
      const choice = fresh[Math.floor(random() * fresh.length)]!;
      picked.set(key(choice), choice);
    }
    const everything = pool[pool.length - 1]!;
    while (picked.size < 3) {
      const fresh = everything.filter((c) => !picked.has(key(c)));
      if (fresh.length === 0) break;
      const choice = fresh[Math.floor(random() * fresh.length)]!;
      picked.set(key(choice), choice);
    }
    const choices = [...picked.values()];
    for (let j = choices.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [choices[j], choices[k]] = [choices[k]!, choices[j]!];
    }
    return { seq: message.seq, answer, choices };
  });
}
