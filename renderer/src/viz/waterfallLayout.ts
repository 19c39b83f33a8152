/**
 * The phase waterfall of the navigation at the cursor: the journey's phases (UI
 * thread), each network request with DevTools' phases as coloured segments, and the
 * renderer's work — on one time axis. Background work that happened meanwhile (the
 * spare renderer starting up) is drawn apart, below, and never stretches the axis.
 *
 * The axis shows the browser's time: stretches held in step mode (shared/trace/
 * heldTime) are cut out and drawn as a narrow break, so a long look at one step never
 * looks like a slow phase. A finished navigation's axis ends where its last step
 * ended, not at whatever happened later.
 */
import { tickStep, ticks } from 'd3';
import type { BrowserViewState, NavigationView, RequestView, SpanView } from '../../../shared/trace/browserViewState';
import { type HeldInterval, heldWithin } from '../../../shared/trace/heldTime';
import { realPhaseOrder } from '../../../shared/real/realNavigationPhases';
import { PHASES, type PhaseId } from '../../../shared/trace/phases';
import { decodeUnicodeEscapes } from './displayUrl';
import { ellipsize } from './processDiagramLayout';

export interface WaterfallSegment {
  spanId: string;
  name: string;
  x: number;
  w: number;
  open: boolean;
  status: SpanView['status'];
  category: SpanView['category'];
  /** Step-mode time held inside this span (µs), not counted as its duration. */
  heldMicros: number;
}

export interface WaterfallRow {
  key: string;
  /** A request's label (its file), or a span name; phases are named by `phase`. */
  label: string;
  /** NavScope's phase, or null ('phase' rows also include a real Chromium's navigation phases, by their own names). */
  phase: PhaseId | null;
  kind: 'phase' | 'request' | 'renderer' | 'background';
  y: number;
  segments: WaterfallSegment[];
  /** A request of an imported file: its full URL, and whether the browser made it on its own behalf or it failed. */
  url?: string;
  ownBehalf?: boolean;
  failed?: boolean;
}

export interface WaterfallTick {
  x: number;
  label: string;
}

/** A held stretch cut out of the axis. */
export interface WaterfallBreak {
  x: number;
  w: number;
  heldMicros: number;
}

export interface WaterfallLayout {
  navigation: NavigationView | null;
  /** What the navigation is for, before it has a URL (the typed text). */
  title: string;
  rows: WaterfallRow[];
  start: number;
  end: number;
  x: (t: number) => number;
  ticks: WaterfallTick[];
  breaks: WaterfallBreak[];
  /** y of the first background row, if any. */
  backgroundTop: number | null;
  height: number;
  labelWidth: number;
}

const ROW = 20;
/** Gap above the background rows, for their caption. */
const BACKGROUND_GAP = 18;
/** Width of a held stretch on the axis. */
export const BREAK_WIDTH = 14;
/** Approximate width of a label character (11 px system font). */
const LABEL_CHAR = 6.3;

/** A request's file (its path's last part and query, Unicode shown decoded), or its host. */
function urlLabel(url: string): string {
  try {
    const u = new URL(url);
    const file = u.pathname.split('/').filter(Boolean).pop();
    return decodeUnicodeEscapes(file ? `${file}${u.search}` : `${u.host}/`);
  } catch {
    return url; // not a URL: shown as it is
  }
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

/** Cuts a label to the label column (it never runs into the bars). */
export function fitLabel(text: string, width: number, charWidth = LABEL_CHAR): string {
  return ellipsize(text, width - 8, charWidth);
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
 * A time scale that leaves out held stretches: each is drawn BREAK_WIDTH wide,
 * everything else is linear in the browser's time.
 */
export function brokenTimeScale(
  start: number,
  end: number,
  held: readonly HeldInterval[],
  x0: number,
  x1: number,
): {
  x: (t: number) => number;
  /** The moment when `activeMicros` of browser time had passed since `start`. */
  momentAfter: (activeMicros: number) => number;
  breaks: WaterfallBreak[];
  activeMicros: number;
} {
  const gaps = held
    .map((h) => ({ start: Math.max(h.start, start), end: Math.min(h.end, end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const activeMicros = Math.max(1, end - start - gaps.reduce((sum, g) => sum + g.end - g.start, 0));
  const perMicro = Math.max(0, x1 - x0 - BREAK_WIDTH * gaps.length) / activeMicros;
  const x = (t: number): number => {
    const time = Math.min(Math.max(t, start), end);
    let px = x0;
    let from = start;
    for (const gap of gaps) {
      if (time <= gap.start) break;
      px += (gap.start - from) * perMicro;
      if (time < gap.end) return px + (BREAK_WIDTH * (time - gap.start)) / (gap.end - gap.start);
      px += BREAK_WIDTH;
      from = gap.end;
    }
    return px + (time - from) * perMicro;
  };
  const momentAfter = (active: number): number => {
    let t = start + active;
    for (const gap of gaps) if (gap.start < t) t += gap.end - gap.start;
    return t;
  };
  const breaks = gaps.map((g) => ({ x: x(g.start), w: BREAK_WIDTH, heldMicros: g.end - g.start }));
  return { x, momentAfter, breaks, activeMicros };
}

/** Axis ticks in ms of browser time since the navigation began, each label once, as precise as the step needs. */
export function axisTicks(
  activeMicros: number,
  pixels: number,
  toX: (activeMicros: number) => number,
): WaterfallTick[] {
  const totalMs = activeMicros / 1000;
  const count = Math.max(2, Math.floor(pixels / 80));
  const step = tickStep(0, totalMs, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return ticks(0, totalMs, count).map((ms) => ({ x: toX(ms * 1000), label: ms.toFixed(decimals) }));
}

/** The navigation at the cursor: the one whose phase began last (typed, back, forward, reload). */
function currentNavigationSpans(state: BrowserViewState): { navigationId: string | null; first: SpanView | undefined } {
  // The shown tab's page: an iframe's own navigation is part of its page's load, another tab's is not shown.
  const ofTab = state.navigations.filter((n) => n.tabId === state.activeTabId);
  const pages = new Set((ofTab.length > 0 ? ofTab : state.navigations).map((n) => n.navigationId));
  for (let i = state.spans.length - 1; i >= 0; i--) {
    const span = state.spans[i]!;
    if (span.category === 'phase' && span.navigationId && (pages.size === 0 || pages.has(span.navigationId))) {
      const navigationId = span.navigationId;
      return { navigationId, first: state.spans.find((s) => s.navigationId === navigationId) };
    }
  }
  return { navigationId: null, first: undefined };
}

/** Where the waterfall's navigation begins in the trace (seq), or null when there is none. */
export function waterfallStartSeq(state: BrowserViewState): number | null {
  return currentNavigationSpans(state).first?.seq ?? null;
}

export function layoutWaterfall(
  state: BrowserViewState,
  width: number,
  held: readonly HeldInterval[] = [],
  labelWidth = 150,
): WaterfallLayout {
  if (state.source && labelWidth < REAL_LABEL_WIDTH) labelWidth = REAL_LABEL_WIDTH;
  let { navigationId, first } = currentNavigationSpans(state);
  let navigation = state.navigations.find((n) => n.navigationId === navigationId) ?? null;
  if (state.source && state.source.origin !== 'navscope-model') {
    // A real trace: its last web page's navigation (its spans begin with the navigation's first phase).
    navigation = shownNavigation(state);
    navigationId = navigation?.navigationId ?? null;
    first = navigation ? state.spans.find((s) => s.navigationId === navigation!.navigationId) : undefined;
  }
  const typed = first?.args.text;
  const title = navigation?.url ?? (typeof typed === 'string' ? typed : '');
  // With no navigation (an imported file of requests only), every span.
  const fromSeq = first?.seq ?? navigation?.beginSeq ?? 0;
  const start = first?.start ?? navigation?.start ?? state.origin ?? 0;
  const inRange = state.spans.filter((s) => s.seq >= fromSeq);
  const foreground = inRange.filter((s) => !s.background);
  // A finished navigation ends where its last step ended; one still running ends now.
  // (A loop, not Math.max(...spans): an imported file can hold more spans than a call has arguments.)
  const running = foreground.some((s) => s.end === null);
  let end = start + 1000;
  if (running) end = Math.max(end, state.now);
  else for (const s of foreground) end = Math.max(end, s.end ?? state.now);
  const scale = brokenTimeScale(start, end, held, labelWidth, width - 8);
  const x = scale.x;
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
      heldMicros: heldWithin(held, s.start, s.end ?? state.now),
    };
  };
  const rows: WaterfallRow[] = [];
  for (const phase of PHASES) {
    const spans = foreground.filter((s) => s.category === 'phase' && s.phase === phase.id);
    if (spans.length)
      rows.push({
        key: phase.id,
        label: phase.name,
        phase: phase.id,
        kind: 'phase',
        y: 0,
        segments: spans.map(segment),
      });
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
    rows.push({ key, label: spans[0]!.name, phase: null, kind: 'phase', y: 0, segments: spans.map(segment) });
  const byRequest = new Map<string, SpanView[]>();
  for (const span of foreground) {
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
      phase: null,
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
  const byName = (spans: SpanView[], kind: 'renderer' | 'background'): void => {
    const groups = new Map<string, SpanView[]>();
    for (const span of spans) {
      const key = `${span.endpoint} ${span.name}`;
      groups.set(key, [...(groups.get(key) ?? []), span]);
    }
    for (const [key, list] of groups)
      rows.push({ key, label: list[0]!.name, phase: null, kind, y: 0, segments: list.map(segment) });
  };
  byName(
    foreground.filter((s) => s.category === 'renderer'),
    'renderer',
  );
  // Background work that overlapped this navigation, apart.
  byName(
    inRange.filter((s) => s.background && s.start < end),
    'background',
  );
  let y = 0;
  let backgroundTop: number | null = null;
  for (const row of rows) {
    if (row.kind === 'background' && backgroundTop === null) {
      y += BACKGROUND_GAP;
      backgroundTop = y;
    }
    row.y = y;
    row.segments = separateSegments(row.segments);
    y += ROW;
  }
  return {
    navigation,
    title,
    rows,
    start,
    end,
    x,
    ticks: axisTicks(scale.activeMicros, width - 8 - labelWidth, (active) => x(scale.momentAfter(active))),
    breaks: scale.breaks,
    backgroundTop,
    height: y,
    labelWidth,
  };
}

/**
 * Very short steps (a DNS cache hit, a request sent in 0.1 ms) are drawn at least
 * MIN_SEGMENT wide, and the window gives each a wider invisible target to click; on a
 * long load two of them would cover each other and one could not be clicked. Within a
 * row each segment therefore starts where the previous one ends at the earliest (it
 * keeps its own end when that lies further right).
 */
export const MIN_SEGMENT = 4;

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
