/**
 * What the renderer panels show at one step: for the document committed most
 * recently at or before the selected event, everything the trace holds about it up
 * to the playback cursor: its DOM, the latest style/layout/paint snapshot, its
 * scripts, its subresource loads and the ORB decisions on them.
 */
import { isCommitAck } from '../../../shared/ipc/messageCatalogue';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent';
import { fieldOf } from '../../../shared/base/fields';
import { partitionPoint } from '../../../shared/base/partitionPoint';

export type RendererTab =
  'dom' | 'cssom' | 'renderTree' | 'layout' | 'paint' | 'scripts' | 'orb' | 'subresources' | 'frames';

export interface SubresourceRow {
  url: string;
  destination: string;
  discoveredBy: 'preload' | 'parser';
  parserBlockedOn: string | null;
  status: number | null;
  mimeType: string | null;
  errorCode: number | null;
  /** Sequence numbers of this load's messages, for stepping. */
  seqs: number[];
}

export interface RendererView {
  url: string;
  commitSeq: number;
  document: TraceEventOf<'renderer.document'> | null;
  render: TraceEventOf<'renderer.render'> | null;
  scripts: TraceEventOf<'renderer.script'>[];
  orb: TraceEventOf<'corb.decision'>[];
  subresources: SubresourceRow[];
  /** The first and last timestamps of the document's life so far (for the script timeline). */
  startTs: number;
  endTs: number;
}

const RENDERER_EVENT_TYPES = new Set([
  'renderer.document',
  'renderer.preload',
  'renderer.script',
  'renderer.render',
  'corb.decision',
]);
const FRAME_MESSAGES = new Set([
  'FrameHost.UpdateState',
  'LocalFrameHost.UpdateTitle',
  'LocalFrameHost.DidChangeLoadProgress',
  'LocalFrameHost.MainDocumentElementAvailable',
  'LocalFrameHost.UpdateFaviconURL',
  'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint',
  'FrameHost.SubresourceResponseStarted',
  'FrameHost.ResourceLoadComplete',
  'LocalFrameHost.DidDispatchDOMContentLoadedEvent',
  'LocalFrameHost.DocumentOnLoadCompleted',
  'LocalFrameHost.DidFinishLoad',
  'FrameHost.DidStopLoading',
]);

/** Whether an event belongs to the renderer's part of a load (and so opens the renderer panel). */
export function isRendererStep(events: readonly TraceEvent[], event: TraceEvent): boolean {
  if (RENDERER_EVENT_TYPES.has(event.type)) return true;
  if (event.type !== 'message') return false;
  if (FRAME_MESSAGES.has(event.name) || isCommitAck(event)) return true;
  // A subresource load's own messages: the renderer is one end of it.
  return (
    (event.from.startsWith('renderer:') || event.to.startsWith('renderer:')) &&
    /^(URLLoaderFactory\.CreateLoaderAndStart|URLLoaderClient\.|DataPipe\.Write)/.test(event.name) &&
    committedBefore(events, event.seq) !== null
  );
}

/** The tab that best shows an event. */
export function tabFor(event: TraceEvent): RendererTab {
  switch (event.type) {
    case 'renderer.document':
      return 'dom';
    case 'renderer.render':
      return 'layout';
    case 'renderer.script':
      return 'scripts';
    case 'corb.decision':
      return 'orb';
    default:
      return 'subresources';
  }
}

/**
 * Where the commits are (FrameHost.DidCommitProvisionalLoad), per event list: found by
 * binary search instead of walking back through a long trace on every step. The list
 * only grows (the trace is append-only); a list that shrank or changed is indexed again.
 */
const commitIndex = new WeakMap<
  readonly TraceEvent[],
  { scanned: number; first: TraceEvent | undefined; seqs: number[] }
>();

function commitSeqs(events: readonly TraceEvent[]): number[] {
  let index = commitIndex.get(events);
  if (!index || index.scanned > events.length || (events.length > 0 && index.first !== events[0])) {
    index = { scanned: 0, first: events[0], seqs: [] };
    commitIndex.set(events, index);
  }
  for (let i = index.scanned; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'message' && isCommitAck(e)) index.seqs.push(i);
  }
  index.scanned = events.length;
  return index.seqs;
}

/**
 * The commit of the document an event belongs to: its frame's latest (a message says
 * which frame), else its renderer's latest (a renderer's own events), else the latest.
 */
function committedBefore(events: readonly TraceEvent[], seq: number): TraceEventOf<'message'> | null {
  const seqs = commitSeqs(events);
  const at = Math.min(seq, events.length - 1);
  const subject = events[at];
  const frame = subject?.type === 'message' ? subject.frameTreeNodeId : undefined;
  // The renderer the event happened in (a message: its renderer end).
  const renderer = !subject
    ? undefined
    : subject.type === 'message'
      ? [subject.from, subject.to].find((end) => end.startsWith('renderer:'))
      : subject.endpoint.startsWith('renderer:')
        ? subject.endpoint
        : undefined;
  for (let k = partitionPoint(seqs.length, (i) => seqs[i]! <= at) - 1; k >= 0; k--) {
    const e = events[seqs[k]!];
    if (!e || e.type !== 'message') continue;
    if (frame !== undefined && e.frameTreeNodeId !== undefined && e.frameTreeNodeId !== frame) continue;
    if (renderer !== undefined && e.from !== renderer) continue;
    return e;
  }
  return null;
}

/** The view being built for one document, kept so the next step continues it (stepping forward is the common case). */
interface Building {
  events: readonly TraceEvent[];
  first: TraceEvent | undefined;
  commitSeq: number;
  /** Events before this index are folded in. */
  next: number;
  /** The document's next commit in the same renderer was reached: nothing after it belongs to this view. */
  ended: boolean;
  view: RendererView;
  rows: Map<string, SubresourceRow>;
  byRequest: Map<string, SubresourceRow>;
}

let building: Building | null = null;

/**
 * The renderer view of the document committed at or before `seq`, with every event up
 * to the cursor. Stepping forward continues the view the last step built; stepping back,
 * or another document, builds it again.
 */
export function buildRendererView(events: readonly TraceEvent[], seq: number, cursor: number): RendererView | null {
  const commit = committedBefore(events, seq);
  if (!commit) return null;
  const limit = Math.min(Math.max(cursor, seq + 1), events.length);
  let b = building;
  if (
    !b ||
    b.events !== events ||
    b.first !== events[0] ||
    b.commitSeq !== commit.seq ||
    (b.next > limit && !b.ended) ||
    b.next > events.length
  ) {
    b = {
      events,
      first: events[0],
      commitSeq: commit.seq,
      next: commit.seq + 1,
      ended: false,
      view: {
        url: String(fieldOf(commit.payload, 'url') ?? ''),
        commitSeq: commit.seq,
        document: null,
        render: null,
        scripts: [],
        orb: [],
        subresources: [],
        startTs: commit.ts,
        endTs: commit.ts,
      },
      rows: new Map(),
      byRequest: new Map(),
    };
    building = b;
  }
  if (b.ended && b.next > limit) {
    // Stepped back inside a document whose end was reached: build it again up to the cursor.
    building = null;
    return buildRendererView(events, seq, cursor);
  }
  if (!b.ended && b.next < limit) foldRendererEvents(b, commit, limit);
  const view = b.view;
  // A new object each step (the panels compare by identity); rows are copied as they are now.
  return {
    ...view,
    scripts: [...view.scripts],
    orb: [...view.orb],
    subresources: [...b.rows.values()].map((r) => ({ ...r, seqs: [...r.seqs] })),
  };
}

function foldRendererEvents(b: Building, commit: TraceEventOf<'message'>, limit: number): void {
  const { events, view, rows, byRequest } = b;
  const renderer = commit.from;
  // With frames, several documents share a renderer: the next commit of this frame ends this one.
  const frame = commit.frameTreeNodeId;
  const row = (rowUrl: string, destination: string): SubresourceRow => {
    let found = rows.get(rowUrl);
    if (!found) {
      found = {
        url: rowUrl,
        destination,
        discoveredBy: 'parser',
        parserBlockedOn: null,
        status: null,
        mimeType: null,
        errorCode: null,
        seqs: [],
      };
      rows.set(rowUrl, found);
    }
    return found;
  };
  for (let i = b.next; i < limit; i++) {
    const e = events[i]!;
    // The next commit in the same frame (in a trace without frames: the same renderer) starts another document.
    if (
      e.type === 'message' &&
      isCommitAck(e) &&
      e.from === renderer &&
      (frame === undefined || e.frameTreeNodeId === undefined || e.frameTreeNodeId === frame)
    ) {
      b.ended = true;
      b.next = i;
      return;
    }
    // Another frame's messages in the same renderer are that frame's document's.
    if (e.type === 'message' && frame !== undefined && e.frameTreeNodeId !== undefined && e.frameTreeNodeId !== frame)
      continue;
    view.endTs = Math.max(view.endTs, e.ts);
    switch (e.type) {
      case 'renderer.document':
        // Several frames' documents in one renderer: this one has the committed URL.
        if (e.endpoint === renderer && (frame === undefined || e.url === view.url)) view.document = e;
        break;
      case 'renderer.render':
        if (e.endpoint === renderer) view.render = e;
        break;
      case 'renderer.script':
        if (e.endpoint === renderer) view.scripts.push(e);
        break;
      case 'renderer.preload':
        if (e.endpoint === renderer)
          Object.assign(row(e.url, e.destination), { discoveredBy: 'preload', parserBlockedOn: e.parserBlockedOn });
        break;
      case 'corb.decision':
        if (e.initiatorOrigin === fieldOf(commit.payload, 'origin')) view.orb.push(e);
        break;
      case 'message': {
        if (e.from !== renderer && e.to !== renderer) break;
        if (e.name === 'URLLoaderFactory.CreateLoaderAndStart') {
          const request = fieldOf(e.payload, 'request');
          const requestUrl = String(fieldOf(request, 'url') ?? '');
          const r = row(requestUrl, String(fieldOf(request, 'destination') ?? ''));
          r.seqs.push(e.seq);
          if (e.route) byRequest.set(e.route, r);
        } else if (e.route && byRequest.has(e.route)) {
          const r = byRequest.get(e.route)!;
          r.seqs.push(e.seq);
          if (e.name === 'URLLoaderClient.OnReceiveResponse') {
            const head = fieldOf(e.payload, 'head');
            r.status = Number(fieldOf(head, 'status') ?? 0);
            r.mimeType = String(fieldOf(head, 'mimeType') ?? '');
          } else if (e.name === 'URLLoaderClient.OnComplete') {
            r.errorCode = Number(fieldOf(fieldOf(e.payload, 'status'), 'errorCode') ?? 0);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  b.next = limit;
}
