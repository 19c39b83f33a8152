/**
 * What the renderer panels show at one step: for the document committed most
 * recently at or before the selected event, everything the trace holds about it up
 * to the playback cursor: its DOM, the latest style/layout/paint snapshot, its
 * scripts, its subresource loads and the ORB decisions on them.
 */
import { isCommitAck } from '../../../shared/ipc/messageCatalogue';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent';
import { fieldOf } from '../../../shared/base/fields';

export type RendererTab = 'dom' | 'cssom' | 'renderTree' | 'layout' | 'paint' | 'scripts' | 'orb' | 'subresources';

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

function committedBefore(events: readonly TraceEvent[], seq: number): TraceEventOf<'message'> | null {
  for (let i = Math.min(seq, events.length - 1); i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'message' && isCommitAck(e)) return e;
  }
  return null;
}

export function buildRendererView(events: readonly TraceEvent[], seq: number, cursor: number): RendererView | null {
  const commit = committedBefore(events, seq);
  if (!commit) return null;
  const url = String(fieldOf(commit.payload, 'url') ?? '');
  const renderer = commit.from;
  const limit = Math.min(Math.max(cursor, seq + 1), events.length);
  const view: RendererView = {
    url,
    commitSeq: commit.seq,
    document: null,
    render: null,
    scripts: [],
    orb: [],
    subresources: [],
    startTs: commit.ts,
    endTs: commit.ts,
  };
  const rows = new Map<string, SubresourceRow>();
  const byRequest = new Map<string, SubresourceRow>();
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
  for (let i = commit.seq + 1; i < limit; i++) {
    const e = events[i]!;
    // The next commit in the same renderer starts another document.
    if (e.type === 'message' && isCommitAck(e) && e.from === renderer) break;
    view.endTs = Math.max(view.endTs, e.ts);
    switch (e.type) {
      case 'renderer.document':
        if (e.endpoint === renderer) view.document = e;
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
  view.subresources = [...rows.values()];
  return view;
}
