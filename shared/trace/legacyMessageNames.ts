/**
 * Saved traces from before NavScope named its messages as Chromium 156 does open with
 * their old names mapped to the new ones, here, in one table, as they are read.
 *
 * A trace is from before the change when it has a message only the old catalogue
 * had (`FrameHost.DidCommitProvisionalLoad`, `FrameHost.BeforeUnloadACK`, a
 * `FrameHost.` name that is now `LocalFrameHost.`): then its
 * `AgentSchedulingGroup.CreateFrame` (old traces had main frames only) is
 * `CreateView`, and an old acknowledgement becomes the reply of its request, linked
 * to the latest request of that name between the same two ends.
 */

interface Renamed {
  name: string;
  /** The old message is now the reply of `name`. */
  reply: boolean;
}

/** Old name → new name (or the request it is now the reply of). */
export const LEGACY_MESSAGE_NAMES: Readonly<Record<string, Renamed>> = {
  'FrameHost.DidCommitProvisionalLoad': { name: 'NavigationClient.CommitNavigation', reply: true },
  'FrameHost.BeforeUnloadACK': { name: 'LocalFrame.BeforeUnload', reply: true },
  'FrameHost.UpdateTitle': { name: 'LocalFrameHost.UpdateTitle', reply: false },
  'FrameHost.DidDispatchDOMContentLoadedEvent': {
    name: 'LocalFrameHost.DidDispatchDOMContentLoadedEvent',
    reply: false,
  },
  'FrameHost.DocumentOnLoadCompleted': { name: 'LocalFrameHost.DocumentOnLoadCompleted', reply: false },
  'FrameHost.DidFinishLoad': { name: 'LocalFrameHost.DidFinishLoad', reply: false },
  'FrameHost.DidFailLoadWithError': { name: 'LocalFrameHost.DidFailLoadWithError', reply: false },
  'AgentSchedulingGroup.CreateFrame': { name: 'AgentSchedulingGroup.CreateView', reply: false },
};

/** The state changes' cause the old commit acknowledgement gave, and the new one. */
const LEGACY_CAUSES: Readonly<Record<string, string>> = { DidCommitProvisionalLoad: 'CommitNavigation reply' };

/** Names that only a trace from before the change has (CreateFrame may come back for child frames). */
const ONLY_LEGACY = new Set(Object.keys(LEGACY_MESSAGE_NAMES).filter((n) => n !== 'AgentSchedulingGroup.CreateFrame'));

/** Replies whose request could not be found are linked to this. */
export const UNLINKED_REPLY = 'legacy:request-not-in-trace';

type RawEvent = Record<string, unknown>;

function isRaw(value: unknown): value is RawEvent {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a list of raw events is a trace from before the rename. */
export function isLegacyTrace(events: readonly unknown[]): boolean {
  return events.some(
    (e) => isRaw(e) && e.type === 'message' && typeof e.name === 'string' && ONLY_LEGACY.has(e.name) && !e.real,
  );
}

/**
 * The events with old names mapped (copies of the changed events; the others as they are),
 * and how many were renamed. Events that are not from before the change come back unchanged.
 */
export function upgradeLegacyMessages(events: readonly unknown[]): { events: unknown[]; renamed: number } {
  if (!isLegacyTrace(events)) return { events: [...events], renamed: 0 };
  let renamed = 0;
  /** The latest request's flow id, by name and ends. */
  const requests = new Map<string, string>();
  const out = events.map((e) => {
    if (!isRaw(e)) return e;
    if (e.type === 'state' && typeof e.cause === 'string' && Object.hasOwn(LEGACY_CAUSES, e.cause))
      return { ...e, cause: LEGACY_CAUSES[e.cause] };
    if (e.type !== 'message' || typeof e.name !== 'string' || e.real) return e;
    const from = String(e.from);
    const to = String(e.to);
    const rule = Object.hasOwn(LEGACY_MESSAGE_NAMES, e.name) ? LEGACY_MESSAGE_NAMES[e.name]! : null;
    if (!rule) {
      if (typeof e.flowId === 'string') requests.set(`${e.name} ${from}→${to}`, e.flowId);
      return e;
    }
    renamed++;
    if (!rule.reply) {
      if (typeof e.flowId === 'string') requests.set(`${rule.name} ${from}→${to}`, e.flowId);
      return { ...e, name: rule.name };
    }
    const request = requests.get(`${rule.name} ${to}→${from}`);
    return { ...e, name: rule.name, replyTo: request ?? UNLINKED_REPLY };
  });
  return { events: out, renamed };
}
