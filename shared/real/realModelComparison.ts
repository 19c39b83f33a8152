/**
 * The same lab input in NavScope's model and in a real Chromium, side by side: the
 * journey's phases aligned with their durations, the navigation messages matched by
 * name in order (both, model only, real only), the process decisions (Chromium's pids
 * beside NavScope's), the requests with their timings, and what differs, each
 * difference explained in English and Korean (known ones from the checked-in table,
 * realModelDifferences.ts).
 *
 * A message is named `Interface.Method`, a reply `Interface.Method (reply)`. The model's
 * navigation messages are its Mojo messages and NavScope's own (not the data pipe's
 * chunks, not background work); the real ones are the messages on the navigation
 * interfaces of the web's pages (the window's filter) from the navigation's start on,
 * without what the new view's initial empty document says before the commit.
 */
import { fieldOf } from '../base/fields.js';
import { catalogueKeyOf, messageCatalogue } from '../ipc/messageCatalogue.js';
import { summarizeNavigations } from '../trace/navigationComparison.js';
import { PHASES, type PhaseId } from '../trace/phases.js';
import type { TraceEvent, TraceEventOf } from '../trace/traceEvent.js';
import { REAL_NAVIGATION_PHASES } from './realNavigationPhases.js';
import { knownDifference } from './realModelDifferences.js';

type Message = TraceEventOf<'message'>;

export interface PhaseRow {
  phase: PhaseId;
  name: string;
  /** µs, or null when that side has no such phase. */
  modelMicros: number | null;
  realMicros: number | null;
}

export interface MessagePair {
  name: string;
  status: 'both' | 'model-only' | 'real-only';
  /** Index in each side's ordered list, or null. */
  model: number | null;
  real: number | null;
}

export interface ProcessSide {
  /** How the page's renderer was found: 'new', 'spare', 'speculative', 'reused'. */
  decision: string;
  processId: string | null;
  pid: number | null;
  reason: string;
  /** Every process of that side: its id, kind and pid. */
  processes: { id: string; kind: string; pid: number | null }[];
}

export interface RequestRow {
  url: string;
  model: { status: number | null; startMicros: number; durationMicros: number | null } | null;
  real: { status: number | null; startMicros: number; durationMicros: number | null } | null;
}

export interface ComparisonDifference {
  kind: 'real-only' | 'model-only' | 'order' | 'process' | 'initial-document' | 'favicon';
  name: string;
  /** Listed in the table of known differences (realModelDifferences.ts). */
  known: boolean;
  en: string;
  ko: string;
}

export interface RealModelComparison {
  url: string;
  chromiumVersion: string | null;
  model: { names: string[] };
  real: { names: string[] };
  pairs: MessagePair[];
  shares: {
    /** Distinct model names found in the real run. */
    modelInReal: number;
    /** Distinct real navigation names (not in the table as Chromium-only) found in the model. */
    realInModel: number;
    /** The same over every real name, plumbing included. */
    realInModelAllNames: number;
  };
  phases: PhaseRow[];
  processes: { model: ProcessSide; real: ProcessSide };
  requests: RequestRow[];
  differences: ComparisonDifference[];
  /** Differences not in the table: a real navigation name missing from the model, or another order. */
  unexplained: ComparisonDifference[];
}

/**
 * A load's messages: their place among the frame's messages is the network's (loads
 * interleave as bytes arrive), so the order check leaves them out; after the page gave its
 * favicon URL they are the icon's download.
 */
const SUBRESOURCE_TRAFFIC = new Set([
  'URLLoaderFactory.CreateLoaderAndStart',
  'URLLoaderClient.OnReceiveResponse',
  'URLLoaderClient.OnTransferSizeUpdated',
  'URLLoaderClient.OnComplete',
  'URLLoader.SetPriority',
  'FrameHost.SubresourceResponseStarted',
  'FrameHost.ResourceLoadComplete',
]);

const FRAME_HOST_INTERFACES = /^(FrameHost|LocalFrameHost|LocalMainFrameHost)\./;

function displayName(m: Message): string {
  return m.replyTo !== undefined || m.real?.isReply ? `${m.name} (reply)` : m.name;
}

/** The model's navigation messages: Mojo messages and NavScope's own, without the data pipe and background work. */
export function modelNavigationMessages(events: readonly TraceEvent[]): Message[] {
  const start = [...events].reverse().find((e) => e.type === 'span.begin' && e.phase === 'handle-input');
  return events.filter((e): e is Message => {
    if (e.type !== 'message' || (start && e.seq < start.seq)) return false;
    const key = catalogueKeyOf(e);
    if (!key) return true;
    if (messageCatalogue[key].origin === 'data-pipe') return false;
    return key !== 'ChildProcess.ProcessShutdown' && key !== 'ChildProcess.Ping' && key !== 'ChildProcessHost.Pong';
  });
}

/** The real navigation's start: the last http(s) navigation.begin (the page the recorder loaded). */
function realNavigationBegin(events: readonly TraceEvent[]): TraceEventOf<'navigation.begin'> | null {
  let found: TraceEventOf<'navigation.begin'> | null = null;
  for (const e of events) if (e.type === 'navigation.begin' && /^https?:/.test(e.url)) found = e;
  return found;
}

/**
 * The real navigation messages; the messages of the new view's initial empty
 * document (a renderer's frame host messages and commit replies before the browser's
 * CommitNavigation of this navigation to it, and anything sent before it began); and the download of the tab's icon, which Chromium starts once the page gave its
 * favicon URL (the loads after UpdateFaviconURL).
 */
export function realNavigationMessages(events: readonly TraceEvent[]): {
  messages: Message[];
  initial: Message[];
  favicon: Message[];
} {
  const begin = realNavigationBegin(events);
  const messages: Message[] = [];
  const initial: Message[] = [];
  const favicon: Message[] = [];
  const committed = new Set<string>();
  let iconAsked = false;
  for (const e of events) {
    if (e.type !== 'message' || !e.real?.navigation || (begin && e.seq < begin.seq)) continue;
    // Sent before the navigation began (delivered after it): the earlier document's, e.g. the
    // initial about:blank commit racing the recorder's navigation.
    if (begin && e.sentAt < begin.ts) {
      initial.push(e);
      continue;
    }
    if (e.name === 'NavigationClient.CommitNavigation' && !e.real.isReply) committed.add(e.to);
    const fromRenderer = e.from.startsWith('renderer');
    // A commit reply from a renderer no commit of this navigation went to answers an earlier one.
    const earlierCommitReply = e.name === 'NavigationClient.CommitNavigation' && e.real.isReply;
    if (fromRenderer && (FRAME_HOST_INTERFACES.test(e.name) || earlierCommitReply) && !committed.has(e.from)) {
      initial.push(e);
      continue;
    }
    if (iconAsked && SUBRESOURCE_TRAFFIC.has(e.name)) {
      favicon.push(e);
      continue;
    }
    if (e.name === 'LocalFrameHost.UpdateFaviconURL') iconAsked = true;
    messages.push(e);
  }
  return { messages, initial, favicon };
}

/** Longest common subsequence alignment of two name lists. */
function align(a: readonly string[], b: readonly string[]): MessagePair[] {
  const n = a.length;
  const m = b.length;
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: MessagePair[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      pairs.push({ name: a[i]!, status: 'both', model: i++, real: j++ });
    } else if (j >= m || (i < n && table[i + 1]![j]! >= table[i]![j + 1]!)) {
      pairs.push({ name: a[i]!, status: 'model-only', model: i++, real: null });
    } else {
      pairs.push({ name: b[j]!, status: 'real-only', model: null, real: j++ });
    }
  }
  return pairs;
}

function share(names: ReadonlySet<string>, other: ReadonlySet<string>): number {
  if (names.size === 0) return 1;
  let found = 0;
  for (const name of names) if (other.has(name)) found++;
  return found / names.size;
}

function modelPhases(events: readonly TraceEvent[]): Partial<Record<PhaseId, number>> {
  return summarizeNavigations(events).at(-1)?.phases ?? {};
}

function realPhases(events: readonly TraceEvent[], navigationId: string | null): Partial<Record<PhaseId, number>> {
  const journeyOf = new Map<string, PhaseId>(REAL_NAVIGATION_PHASES.map((p) => [p.name, p.journey]));
  const begins = new Map<string, { phase: PhaseId; ts: number }>();
  const extent: Partial<Record<PhaseId, { start: number; end: number }>> = {};
  for (const e of events) {
    if (e.type === 'span.begin' && e.navigationId === navigationId && journeyOf.has(e.name))
      begins.set(e.spanId, { phase: journeyOf.get(e.name)!, ts: e.ts });
    else if (e.type === 'span.end' && begins.has(e.spanId)) {
      const { phase, ts } = begins.get(e.spanId)!;
      const now = extent[phase];
      extent[phase] = now ? { start: Math.min(now.start, ts), end: Math.max(now.end, e.ts) } : { start: ts, end: e.ts };
    }
  }
  const out: Partial<Record<PhaseId, number>> = {};
  for (const [phase, span] of Object.entries(extent) as [PhaseId, { start: number; end: number }][])
    out[phase] = span.end - span.start;
  return out;
}

function modelProcesses(events: readonly TraceEvent[]): ProcessSide {
  const assigned = [...events].reverse().find((e) => e.type === 'process.assigned');
  const pids = new Map<string, number>();
  for (const e of events) if (e.type === 'process.spawn') pids.set(e.processId, e.pid);
  const processes = [
    { id: 'browser', kind: 'browser', pid: null as number | null },
    { id: 'network', kind: 'network service (thread)', pid: null as number | null },
    ...[...pids].map(([id, pid]) => ({ id, kind: 'renderer', pid })),
  ];
  const browserPid = events.find((e) => e.type === 'message' && e.from === 'browser' && e.fromPid !== null);
  if (browserPid?.type === 'message') processes[0]!.pid = processes[1]!.pid = browserPid.fromPid;
  if (assigned?.type !== 'process.assigned')
    return { decision: 'none', processId: null, pid: null, reason: 'no renderer was assigned', processes };
  return {
    decision: assigned.how,
    processId: assigned.processId,
    pid: pids.get(assigned.processId) ?? null,
    reason: assigned.reason,
    processes,
  };
}

function realProcesses(
  events: readonly TraceEvent[],
  begin: TraceEventOf<'navigation.begin'> | null,
  navigationMessages: readonly Message[],
): ProcessSide {
  const processes = events
    .filter((e): e is TraceEventOf<'real.process'> => e.type === 'real.process')
    .map((p) => ({ id: p.processId, kind: p.kind, pid: p.pid as number | null, site: p.site }));
  // The page's commit: among the web's navigation messages (not a commit in one of Chromium's own pages).
  const commit = navigationMessages.find((e) => e.name === 'NavigationClient.CommitNavigation' && !e.real?.isReply);
  const list = processes.map(({ id, kind, pid }) => ({ id, kind, pid }));
  if (!commit)
    return { decision: 'none', processId: null, pid: null, reason: 'no CommitNavigation recorded', processes: list };
  const process = processes.find((p) => p.id === commit.to);
  const before = events.some(
    (e) =>
      e.type === 'message' && (begin === null || e.seq < begin.seq) && (e.to === commit.to || e.from === commit.to),
  );
  return {
    decision: before ? 'reused' : 'new',
    processId: commit.to,
    pid: commit.toPid ?? process?.pid ?? null,
    reason: before
      ? `the renderer already ran before the navigation (the tab’s first, unlocked process${process?.site ? `, now locked to ${process.site}` : ''})`
      : `a renderer started for the navigation${process?.site ? `, locked to ${process.site}` : ''}`,
    processes: list,
  };
}

function modelRequests(events: readonly TraceEvent[], origin: number): Map<string, RequestRow['model']> {
  const byId = new Map<string, { url: string; start: number; end: number | null; status: number | null }>();
  for (const e of events) {
    if (e.type !== 'message') continue;
    const requestId = fieldOf(e.payload, 'requestId');
    if (typeof requestId !== 'string') continue;
    if (e.name === 'URLLoaderFactory.CreateLoaderAndStart') {
      const url = fieldOf(fieldOf(e.payload, 'request'), 'url');
      if (typeof url === 'string') byId.set(requestId, { url, start: e.sentAt, end: null, status: null });
    } else if (e.name === 'URLLoaderClient.OnReceiveResponse' && byId.has(requestId)) {
      const status = fieldOf(fieldOf(e.payload, 'head'), 'status');
      byId.get(requestId)!.status = typeof status === 'number' ? status : null;
    } else if (e.name === 'URLLoaderClient.OnComplete' && byId.has(requestId)) {
      byId.get(requestId)!.end = e.deliveredAt;
    }
  }
  const out = new Map<string, RequestRow['model']>();
  for (const r of byId.values())
    if (!out.has(r.url))
      out.set(r.url, {
        status: r.status,
        startMicros: r.start - origin,
        durationMicros: r.end === null ? null : r.end - r.start,
      });
  return out;
}

function realRequests(events: readonly TraceEvent[], origin: number): Map<string, RequestRow['real']> {
  const byId = new Map<string, { url: string; start: number; end: number; status: number | null }>();
  for (const e of events) {
    if (e.type === 'http.request' && !byId.has(e.requestId))
      byId.set(e.requestId, { url: e.url, start: e.ts, end: e.ts, status: null });
    else if (e.type === 'http.response' && byId.has(e.requestId)) {
      const status = /^\S+ (\d{3})/.exec(e.statusLine);
      byId.get(e.requestId)!.status = status ? Number(status[1]) : null;
    }
  }
  for (const e of events) {
    const requestId =
      e.type === 'span.begin' || e.type === 'span.end' ? (e as { requestId?: string | null }).requestId : null;
    if (!requestId || !byId.has(requestId)) continue;
    const r = byId.get(requestId)!;
    r.start = Math.min(r.start, e.ts);
    r.end = Math.max(r.end, e.ts);
  }
  const out = new Map<string, RequestRow['real']>();
  for (const r of byId.values())
    if (!out.has(r.url) && r.start >= origin)
      out.set(r.url, { status: r.status, startMicros: r.start - origin, durationMicros: r.end - r.start });
  return out;
}

const DECISION_KO: Record<string, string> = {
  new: '새로 시작',
  spare: '예비 프로세스',
  speculative: '추측으로 시작한 프로세스',
  reused: '재사용',
  none: '없음',
};

/** Compares a NavScope trace of one navigation with a real Chromium's trace of the same input. */
export function compareWithRealChromium(
  modelEvents: readonly TraceEvent[],
  realEvents: readonly TraceEvent[],
): RealModelComparison {
  const modelMessages = modelNavigationMessages(modelEvents);
  const { messages: realMessages, initial, favicon } = realNavigationMessages(realEvents);
  const modelNames = modelMessages.map(displayName);
  const realNames = realMessages.map(displayName);
  const pairs = align(modelNames, realNames);
  const modelSet = new Set(modelNames);
  const realAll = new Set(realNames);
  const realJourney = new Set(realNames.filter((n) => knownDifference(n)?.kind !== 'real-only'));

  const differences: ComparisonDifference[] = [];
  for (const name of realAll) {
    if (modelSet.has(name)) continue;
    const known = knownDifference(name);
    differences.push(
      known && known.kind !== 'model-only'
        ? {
            kind: 'real-only',
            name,
            known: true,
            en: `Chromium also sends ${name}${known.kind === 'order' ? ' here; NavScope sends it only in the journey it models' : ''}. ${known.en}`,
            ko: `Chromium은 ${name}도 보냅니다${known.kind === 'order' ? '(NavScope는 자신이 모델링하는 여정에서만 보냄)' : ''}. ${known.ko}`,
          }
        : {
            kind: 'real-only',
            name,
            known: false,
            en: `Chromium also sends ${name}, which NavScope does not model (not in the table of known differences).`,
            ko: `Chromium은 ${name}도 보내지만 NavScope는 모델링하지 않습니다(알려진 차이 표에 없음).`,
          },
    );
  }
  for (const name of modelSet) {
    if (realAll.has(name)) continue;
    const known = knownDifference(name);
    const origin = catalogueKeyOf({
      name: name.replace(/ \(reply\)$/, ''),
      ...(name.endsWith(' (reply)') ? { replyTo: '' } : {}),
    });
    const own = origin !== null && messageCatalogue[origin].origin === 'navscope';
    differences.push(
      known
        ? {
            kind: 'model-only',
            name,
            known: true,
            en: `NavScope sends ${name}. ${known.en}`,
            ko: `NavScope는 ${name}을(를) 보냅니다. ${known.ko}`,
          }
        : {
            kind: 'model-only',
            name,
            known: false,
            en: own
              ? `NavScope sends ${name}, its own message with no Mojo counterpart.`
              : `NavScope sends ${name}; this recording of Chromium has none.`,
            ko: own
              ? `NavScope는 Mojo에 대응하는 것이 없는 고유 메시지 ${name}을(를) 보냅니다.`
              : `NavScope는 ${name}을(를) 보내지만, 이번 Chromium 기록에는 없습니다.`,
          },
    );
  }
  if (initial.length > 0) {
    const names = [...new Set(initial.map(displayName))];
    differences.push({
      kind: 'initial-document',
      name: names.join(', '),
      known: true,
      en: `Chromium’s new view starts with an initial empty document (about:blank), whose frame already reports ${names.join(', ')} before the commit; NavScope models CreateView as creating the frame without one, so its first document is the page.`,
      ko: `Chromium의 새 뷰는 처음에 빈 문서(about:blank)로 시작하고, 그 프레임이 커밋 전에 이미 ${names.join(', ')}을(를) 보냅니다. NavScope의 CreateView는 빈 문서 없이 프레임을 만들기 때문에 첫 문서가 곧 그 페이지입니다.`,
    });
  }
  if (favicon.length > 0)
    differences.push({
      kind: 'favicon',
      name: [...new Set(favicon.map(displayName))].join(', '),
      known: true,
      en: `Once the page has given its favicon URL, Chromium downloads the tab’s icon (the browser asks the renderer, which loads it like a subresource: ${favicon.length} more messages); NavScope stops at UpdateFaviconURL and loads no icon.`,
      ko: `페이지가 파비콘 URL을 알려 주면 Chromium은 탭 아이콘을 내려받습니다(브라우저가 렌더러에 요청하고, 렌더러가 서브리소스처럼 로드: 메시지 ${favicon.length}개 더). NavScope는 UpdateFaviconURL에서 멈추고 아이콘을 로드하지 않습니다.`,
    });
  // Order: the first occurrence of each name both sides send, without the network-timed ones.
  const firsts = (names: readonly string[]) => [...new Set(names)];
  const orderable = (n: string) =>
    modelSet.has(n) && realAll.has(n) && !SUBRESOURCE_TRAFFIC.has(n.replace(/ \(reply\)$/, ''));
  const modelOrder = firsts(modelNames).filter(orderable);
  const realOrder = firsts(realNames).filter(orderable);
  for (let k = 0; k + 1 < realOrder.length; k++) {
    const a = realOrder[k]!;
    const b = realOrder[k + 1]!;
    if (modelOrder.indexOf(a) < modelOrder.indexOf(b)) continue;
    const known =
      knownDifference(a)?.kind === 'order'
        ? knownDifference(a)
        : knownDifference(b)?.kind === 'order'
          ? knownDifference(b)
          : null;
    differences.push({
      kind: 'order',
      name: `${a} → ${b}`,
      known: known !== null,
      en: `Chromium sends ${a} before ${b}; NavScope sends it after.${known ? ` ${known.en}` : ''}`,
      ko: `Chromium은 ${a}을(를) ${b}보다 먼저 보내지만 NavScope는 나중에 보냅니다.${known ? ` ${known.ko}` : ''}`,
    });
  }

  const begin = realNavigationBegin(realEvents);
  const model = modelProcesses(modelEvents);
  const real = realProcesses(realEvents, begin, realMessages);
  if (model.decision !== real.decision)
    differences.push({
      kind: 'process',
      name: `${model.decision} / ${real.decision}`,
      known: true,
      en: `Process decision: NavScope’s renderer was ${model.decision} (${model.reason}); Chromium’s was ${real.decision} (${real.reason}).`,
      ko: `프로세스 결정: NavScope의 렌더러는 ${DECISION_KO[model.decision] ?? model.decision}(${model.reason}), Chromium의 렌더러는 ${DECISION_KO[real.decision] ?? real.decision}(${real.reason})입니다.`,
    });

  const mp = modelPhases(modelEvents);
  const rp = realPhases(realEvents, begin?.navigationId ?? null);
  const phases: PhaseRow[] = PHASES.map((p) => ({
    phase: p.id,
    name: p.name,
    modelMicros: mp[p.id] ?? null,
    realMicros: rp[p.id] ?? null,
  }));

  const modelStart = modelEvents.find((e) => e.type === 'span.begin' && e.phase === 'handle-input')?.ts ?? 0;
  const mr = modelRequests(modelEvents, modelStart);
  const rr = realRequests(realEvents, begin?.ts ?? 0);
  const requests: RequestRow[] = [...new Set([...mr.keys(), ...rr.keys()])].map((url) => ({
    url,
    model: mr.get(url) ?? null,
    real: rr.get(url) ?? null,
  }));

  const source = realEvents.find((e) => e.type === 'trace.source');
  const version =
    source?.type === 'trace.source' ? (fieldOf(source, 'chromiumVersion') ?? fieldOf(source, 'version')) : null;
  return {
    url: begin?.url ?? '',
    chromiumVersion: typeof version === 'string' ? version : null,
    model: { names: modelNames },
    real: { names: realNames },
    pairs,
    shares: {
      modelInReal: share(modelSet, realAll),
      realInModel: share(realJourney, modelSet),
      realInModelAllNames: share(realAll, modelSet),
    },
    phases,
    processes: { model, real },
    requests,
    differences,
    unexplained: differences.filter((d) => !d.known && (d.kind === 'real-only' || d.kind === 'order')),
  };
}
