/**
 * The tabs and frames of the folded state, in the shape the window's views draw them:
 * the tab strip, the frames inside each renderer process of the diagram (and the
 * proxies standing for frames that live elsewhere), the frame tree in the details, the
 * frame a message belongs to, and the story of site isolation on this page.
 * Plain functions of the state; the fold (shared/trace/browserViewState) decides what
 * a tab and a frame are.
 */
import type { BrowserViewState, FrameView, TabView } from '../../../shared/trace/browserViewState';
import type { TraceEvent } from '../../../shared/trace/traceEvent';

export interface TabItem {
  tabId: number;
  /** What the window calls it: its id, 1, 2, 3… in the order the tabs were opened (as the trace and the CLI do). */
  number: number;
  view: TabView;
  closed: boolean;
}

/** A FrameTreeNode as the fold has it, with where its proxies are and whether it runs apart from its parent. */
export interface FrameItem extends FrameView {
  /** Renderer processes that hold a RenderFrameProxy for it (where its parent or other frames of the tab live). */
  proxyIn: string[];
  /** Its document is in another process than its parent's: an out-of-process iframe. */
  outOfProcess: boolean;
}

export interface TabsAndFrames {
  tabs: TabItem[];
  /** The tab shown (the active one at the cursor). */
  activeTabId: number;
  frames: FrameItem[];
}

/** The fold's tabs (closed ones too), the active one, and its frames with their proxies. */
export function tabsAndFramesOf(state: BrowserViewState): TabsAndFrames {
  const byId = new Map(state.frames.map((f) => [f.frameTreeNodeId, f]));
  const frames = state.frames.map((f): FrameItem => {
    const parent = f.parentId === null ? undefined : byId.get(f.parentId);
    return {
      ...f,
      proxyIn: state.proxies.filter((p) => p.frameTreeNodeId === f.frameTreeNodeId).map((p) => p.processId),
      outOfProcess: parent !== undefined && f.processId !== null && parent.processId !== f.processId,
    };
  });
  return {
    tabs: state.tabs.map((view) => ({ tabId: view.tabId, number: view.tabId, view, closed: view.closed })),
    activeTabId: state.activeTabId,
    frames,
  };
}

/** Each tab has a colour: its number in the strip, its chip in the diagram, its frames and its messages share it. */
const TAB_COLOURS = ['#1a73e8', '#e8710a', '#188038', '#c5221f', '#9334e6', '#12b5cb', '#b06000', '#d01884'];
export function tabColour(n: number): string {
  return n > 0 ? TAB_COLOURS[(n - 1) % TAB_COLOURS.length]! : '#5c6678';
}

/** The tab the window shows: the active one, if it is still open, else the newest open one. */
export function shownTab(data: TabsAndFrames): TabItem | null {
  const open = data.tabs.filter((t) => !t.closed);
  return open.find((t) => t.tabId === data.activeTabId) ?? open.at(-1) ?? null;
}

/** A tab's frames in tree order (depth first, children in the order they were created). */
export function frameTreeRows(frames: readonly FrameItem[], tabId: number): FrameItem[] {
  const mine = frames.filter((f) => f.tabId === tabId && !f.removed);
  const children = new Map<number | null, FrameItem[]>();
  const ids = new Set(mine.map((f) => f.frameTreeNodeId));
  for (const frame of mine) {
    // A frame whose parent is not in the list (a damaged trace) is shown at the top.
    const parent = frame.parentId !== null && ids.has(frame.parentId) ? frame.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(frame);
    children.set(parent, list);
  }
  const rows: FrameItem[] = [];
  const seen = new Set<number>();
  const visit = (frame: FrameItem, depth: number): void => {
    if (seen.has(frame.frameTreeNodeId)) return;
    seen.add(frame.frameTreeNodeId);
    rows.push({ ...frame, depth });
    for (const child of children.get(frame.frameTreeNodeId) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** What one renderer process holds: the frames whose documents it runs, and proxies for frames elsewhere. */
export interface ProcessFrames {
  hosted: FrameItem[];
  proxies: FrameItem[];
}

export function framesByProcess(frames: readonly FrameItem[]): Map<string, ProcessFrames> {
  const map = new Map<string, ProcessFrames>();
  const entry = (id: string): ProcessFrames => {
    let e = map.get(id);
    if (!e) {
      e = { hosted: [], proxies: [] };
      map.set(id, e);
    }
    return e;
  };
  for (const frame of frames) {
    if (frame.removed) continue;
    if (frame.processId) entry(frame.processId).hosted.push(frame);
    for (const processId of frame.proxyIn) if (processId !== frame.processId) entry(processId).proxies.push(frame);
  }
  return map;
}

/** The host a frame shows (its URL's), or the URL itself when it has none (about:blank). */
export function frameHost(frame: { url: string }): string {
  try {
    const url = new URL(frame.url);
    return url.host || frame.url;
  } catch {
    return frame.url;
  }
}

/** The frame a message belongs to: the one the recorder named, else the frame token in its payload. */
export function frameOfMessage(
  event: TraceEvent & { type: 'message' },
  frames: readonly FrameItem[],
): FrameItem | null {
  const named = event.frameTreeNodeId;
  if (named !== undefined) {
    for (let i = frames.length - 1; i >= 0; i--) if (frames[i]!.frameTreeNodeId === named) return frames[i]!;
  }
  const payload = event.payload;
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const token = (payload as Record<string, unknown>).frameToken;
    if (typeof token === 'string') return frames.find((f) => f.frameToken === token) ?? null;
  }
  return null;
}

/** Where a tab's frames run: one line per renderer process, its site and which of the tab's frames it hosts. */
export interface IsolationSummary {
  tab: TabItem;
  processes: {
    processId: string;
    site: string;
    hosted: FrameItem[];
    proxies: FrameItem[];
    /** Other tabs whose frames this process also runs (same site: the process is shared). */
    sharedWith: number[];
  }[];
  outOfProcess: FrameItem[];
  sameProcessChildren: FrameItem[];
}

export function isolationSummary(state: BrowserViewState, data: TabsAndFrames, tab: TabItem): IsolationSummary | null {
  const rows = frameTreeRows(data.frames, tab.tabId);
  if (rows.length === 0) return null;
  const byProcess = framesByProcess(data.frames);
  const processIds = [...new Set(rows.map((f) => f.processId).filter((p): p is string => p !== null))];
  const number = new Map(data.tabs.map((t) => [t.tabId, t.number]));
  return {
    tab,
    processes: processIds.map((processId) => {
      const held = byProcess.get(processId) ?? { hosted: [], proxies: [] };
      const others = new Set(held.hosted.filter((f) => f.tabId !== tab.tabId).map((f) => number.get(f.tabId) ?? 0));
      return {
        processId,
        site: state.processes.find((p) => p.id === processId)?.site ?? '',
        hosted: held.hosted.filter((f) => f.tabId === tab.tabId),
        proxies: held.proxies.filter((f) => f.tabId === tab.tabId),
        sharedWith: [...others].filter((n) => n > 0).sort((a, b) => a - b),
      };
    }),
    outOfProcess: rows.filter((f) => f.outOfProcess),
    sameProcessChildren: rows.filter((f) => f.depth > 0 && !f.outOfProcess && f.processId !== null),
  };
}
