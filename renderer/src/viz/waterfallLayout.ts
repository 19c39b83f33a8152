/**
 * The phase waterfall of the navigation at the cursor: the journey's phases (UI
 * thread), each network request with DevTools' phases as coloured segments, and the
 * renderer's work — on one time axis.
 */
import { type ScaleLinear, scaleLinear } from 'd3';
import type { BrowserViewState, NavigationView, RequestView, SpanView } from '../../../shared/trace/browserViewState';
import { realPhaseOrder } from '../../../shared/real/realNavigationPhases';
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
  /** 'phase' rows include a real Chromium's navigation phases (their own names). */
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

/** A real trace's navigations include Chromium's own (chrome:// WebUI, about:blank): show the last web page's. */
function shownNavigation(state: BrowserViewState): NavigationView | null {
  if (state.source) {
    for (let i = state.navigations.length - 1; i >= 0; i--)
      if (/^https?:/i.test(state.navigations[i]!.url)) return state.navigations[i]!;
  }
  return state.navigations.at(-1) ?? null;
}

/** Real phase names are long (ReceiveHeadersToReceiveResponse): their rows get a wider label column. */
const REAL_LABEL_WIDTH = 210;

/**
 * The rows of the navigation at the cursor (from its first span on); with no navigation
 * (an imported file of requests only, or requests before the first page), every span.
 */
export function layoutWaterfall(state: BrowserViewState, width: number, labelWidth = 150): WaterfallLayout {
  const navigation = shownNavigation(state);
  if (state.source && labelWidth < REAL_LABEL_WIDTH) labelWidth = REAL_LABEL_WIDTH;
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
  // A real Chromium's navigation phases (category 'phase' with no NavScope phase), one row per name and track.
  const realPhases = new Map<string, SpanView[]>();
  for (const span of inRange) {
    if (span.category !== 'phase' || span.phase !== null) continue;
    if (navigation && span.navigationId !== navigation.navigationId) continue;
    const key = `${span.name} ${typeof span.args.track === 'string' ? span.args.track : ''}`;
    realPhases.set(key, [...(realPhases.get(key) ?? []), span]);
  }
  for (const [key, spans] of [...realPhases].sort(
    (a, b) => realPhaseOrder(a[1][0]!.name) - realPhaseOrder(b[1][0]!.name) || a[1][0]!.start - b[1][0]!.start,
  ))
    rows.push({ key, label: spans[0]!.name, kind: 'phase', y: 0, segments: spans.map(segment) });
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
