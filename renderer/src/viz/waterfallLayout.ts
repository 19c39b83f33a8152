/**
 * The phase waterfall of the navigation at the cursor: the journey's phases (UI
 * thread), each network request with DevTools' phases as coloured segments, and the
 * renderer's work — on one time axis.
 */
import { type ScaleLinear, scaleLinear } from 'd3';
import type { BrowserViewState, NavigationView, RequestView, SpanView } from '../../../shared/trace/browserViewState';
import { PHASES } from '../../../shared/trace/phases';

export interface WaterfallSegment {
  spanId: string;
  name: string;
  x: number;
  w: number;
  open: boolean;
  status: SpanView['status'];
  category: SpanView['category'];
}

export interface WaterfallRow {
  key: string;
  label: string;
  kind: 'phase' | 'request' | 'renderer';
  y: number;
  segments: WaterfallSegment[];
  /** A request of an imported file: its full URL, and whether the browser made it on its own behalf or it failed. */
  url?: string;
  ownBehalf?: boolean;
  failed?: boolean;
}

export interface WaterfallLayout {
  navigation: NavigationView | null;
  rows: WaterfallRow[];
  start: number;
  end: number;
  x: ScaleLinear<number, number>;
  height: number;
  labelWidth: number;
}

const ROW = 20;

/** Longest row label (the full URL is the row's tooltip). */
const MAX_LABEL = 26;

function urlLabel(url: string): string {
  let label = url;
  try {
    const u = new URL(url);
    const file = u.pathname.split('/').filter(Boolean).pop();
    label = file ? `${file}${u.search}` : `${u.host}/`;
  } catch {
    // not a URL: shown as it is
  }
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function requestLabel(spans: SpanView[], request: RequestView | undefined): string {
  // An imported request names itself; the model's requests are named by their spans' URL.
  if (request) return urlLabel(request.url);
  for (const span of spans) {
    const url = span.args.url;
    if (typeof url === 'string') return urlLabel(url);
  }
  return spans[0]?.requestId ?? '?';
}

/**
 * The rows of the navigation at the cursor (from its first span on); with no navigation
 * (an imported file of requests only, or requests before the first page), every span.
 */
export function layoutWaterfall(state: BrowserViewState, width: number, labelWidth = 150): WaterfallLayout {
  const navigation = state.navigations.at(-1) ?? null;
  // The navigation's spans begin with its "Handle input" phase, recorded before navigation.begin.
  const first = navigation ? state.spans.find((s) => s.navigationId === navigation.navigationId) : undefined;
  const fromSeq = first?.seq ?? navigation?.beginSeq ?? 0;
  const start = first?.start ?? navigation?.start ?? state.origin ?? 0;
  const inRange = state.spans.filter((s) => s.seq >= fromSeq);
  // A loop, not Math.max(...spans): an imported file can hold more spans than a call has arguments.
  let end = Math.max(start + 1000, state.now);
  for (const s of inRange) end = Math.max(end, s.end ?? state.now);
  const x = scaleLinear()
    .domain([start, end])
    .range([labelWidth, width - 8])
    .clamp(true);
  const segment = (s: SpanView): WaterfallSegment => {
    const x0 = x(s.start);
    const x1 = x(s.end ?? state.now);
    return {
      spanId: s.spanId,
      name: s.name,
      x: x0,
      w: Math.max(MIN_SEGMENT, x1 - x0),
      open: s.end === null,
      status: s.status,
      category: s.category,
    };
  };
  const rows: WaterfallRow[] = [];
  for (const phase of PHASES) {
    const spans = inRange.filter((s) => s.category === 'phase' && s.phase === phase.id);
    if (spans.length)
      rows.push({ key: phase.id, label: phase.name, kind: 'phase', y: 0, segments: spans.map(segment) });
  }
  const byRequest = new Map<string, SpanView[]>();
  for (const span of inRange) {
    if (span.category !== 'net' || !span.requestId) continue;
    const list = byRequest.get(span.requestId) ?? [];
    list.push(span);
    byRequest.set(span.requestId, list);
  }
  const requests = new Map(state.requests.map((r) => [r.requestId, r]));
  for (const [requestId, spans] of byRequest) {
    const request = requests.get(requestId);
    rows.push({
      key: requestId,
      label: requestLabel(spans, request),
      kind: 'request',
      y: 0,
      segments: spans.map(segment),
      ...(request
        ? {
            url: request.finalUrl,
            ownBehalf: request.ownBehalf,
            failed: request.netError !== null || (request.status !== null && request.status >= 400),
          }
        : {}),
    });
  }
  const rendererSpans = inRange.filter((s) => s.category === 'renderer');
  const byName = new Map<string, SpanView[]>();
  for (const span of rendererSpans)
    byName.set(`${span.endpoint} ${span.name}`, [...(byName.get(`${span.endpoint} ${span.name}`) ?? []), span]);
  for (const [key, spans] of byName)
    rows.push({ key, label: spans[0]!.name, kind: 'renderer', y: 0, segments: spans.map(segment) });
  rows.forEach((row, i) => {
    row.y = i * ROW;
    row.segments = separateSegments(row.segments);
  });
  return { navigation, rows, start, end, x, height: rows.length * ROW, labelWidth };
}

/**
 * Very short steps (a DNS cache hit, a request sent in 0.1 ms) are drawn at least
 * MIN_SEGMENT wide; on a long load two of them would cover each other and one could
 * not be clicked. Within a row each segment therefore starts where the previous one
 * ends at the earliest (it keeps its own end when that lies further right).
 */
const MIN_SEGMENT = 2;

export function separateSegments(segments: WaterfallSegment[]): WaterfallSegment[] {
  const sorted = [...segments].sort((a, b) => a.x - b.x);
  let edge = -Infinity;
  return sorted.map((seg) => {
    const end = seg.x + seg.w;
    const x = Math.max(seg.x, edge);
    const placed = { ...seg, x, w: Math.max(MIN_SEGMENT, end - x) };
    edge = placed.x + placed.w;
    return placed;
  });
}
