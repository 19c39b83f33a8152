/**
 * Where the process diagram draws everything: renderer processes on the left, the
 * browser process (UI thread, network thread) in the middle, the servers it talked to
 * on the right. Plain functions of the folded state; d3 supplies the scales and paths.
 */
import { linkHorizontal } from 'd3';
import type { BrowserViewState, ProcessView, ServerView } from '../../../shared/trace/browserViewState';
import {
  type FrameItem,
  type ProcessFrames,
  type TabsAndFrames,
  frameHost,
  framesByProcess,
  tabsAndFramesOf,
} from './tabsAndFrames';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramNode extends Box {
  /** Endpoint id ('browser', 'network', 'renderer:1'), server id ('127.53.0.1:5353'), or 'more:<group>'. */
  id: string;
  /**
   * NavScope's model: 'ui', 'network', 'renderer'; servers: 'dns', 'web'; a real Chromium's processes: 'real-…';
   * 'more': a box standing for the processes or servers that do not fit (`title` is how many).
   */
  kind:
    | 'ui'
    | 'network'
    | 'renderer'
    | 'dns'
    | 'web'
    | 'more'
    | 'real-browser'
    | 'real-renderer'
    | 'real-network'
    | 'real-gpu'
    | 'real-utility';
  title: string;
  lines: string[];
  /** Everything about the node, for its tooltip. */
  tooltip: string;
  state: ProcessView['state'] | null;
  /** While laying out: the frames' lines for the tooltip. */
  frameLines?: string[];
}

export interface DiagramGroup extends Box {
  /** 'services': a real Chromium's network service, GPU and utility processes. */
  id: 'renderers' | 'browser' | 'servers' | 'services';
}

/** A frame inside a renderer process's box: a document it hosts, or a proxy standing for a frame hosted elsewhere. */
export interface DiagramFrame extends Box {
  /** 'frame:<FrameTreeNode id>', or 'proxy:<FrameTreeNode id>@<process>'. */
  id: string;
  kind: 'frame' | 'proxy';
  frameTreeNodeId: number;
  /** The renderer process whose box it is drawn in. */
  processId: string;
  /** The number of its tab (as the tab strip shows it). */
  tabNumber: number;
  /** Its text, cut to the box. */
  label: string;
  tooltip: string;
}

/** A tab (a WebContents, which lives in the browser process), drawn at the top of the browser process. */
export interface DiagramTab extends Box {
  tabId: number;
  number: number;
  label: string;
  tooltip: string;
  active: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  groups: DiagramGroup[];
  nodes: DiagramNode[];
  /** The frames and proxies drawn inside renderer boxes. */
  frames: DiagramFrame[];
  /** Where the legend for frames and proxies goes (under the renderers), when a proxy is drawn. */
  legend: Box | null;
  /** The open tabs, in the browser process; `hiddenTabs` more did not fit. */
  tabs: DiagramTab[];
  hiddenTabs: number;
  /** Renderer processes that have exited and are not drawn (shown on request). */
  hiddenExited: number;
}

/** The words the diagram writes inside its boxes (the window passes its language's). */
export interface DiagramWords {
  uiThread: string;
  networkThread: string;
  /** The network thread's title where the full one does not fit beside its kill button ("Network"). */
  networkThreadShort: string;
  state: (state: ProcessView['state']) => string;
  notResponding: string;
  noSiteYet: string;
  spare: string;
  speculative: string;
  restarted: (times: number) => string;
  /** "Tab 2" (a tab chip wide enough for it). */
  tab: (n: number) => string;
  /** A tab's tooltip: its number, title and URL. */
  tabTooltip: (n: number, title: string, url: string) => string;
  /** A frame's line: the main frame, an iframe, or a proxy standing for a frame in another process. */
  frame: (kind: 'main' | 'iframe' | 'proxy', host: string) => string;
  /** More frames than fit the box. */
  moreFrames: (n: number) => string;
  /** Several proxies in one row: how many, and the hosts of the frames they stand for. */
  proxies: (n: number, hosts: string[]) => string;
}

export const ENGLISH_WORDS: DiagramWords = {
  uiThread: 'UI thread',
  networkThread: 'Network thread',
  networkThreadShort: 'Network',
  state: (state) => state,
  notResponding: 'not responding',
  noSiteYet: 'no site yet',
  spare: 'spare',
  speculative: 'speculative',
  restarted: (times) => `restarted ×${times}`,
  tab: (n) => `Tab ${n}`,
  tabTooltip: (n, title, url) => `Tab ${n}: ${title}${url ? `\n${url}` : ''}`,
  frame: (kind, host) => (kind === 'main' ? host : kind === 'iframe' ? `iframe ${host}` : `proxy → ${host}`),
  moreFrames: (n) => `+${n} frames`,
  proxies: (n, hosts) => `${n} proxies: ${hosts.join(', ')}`,
};

export interface DiagramOptions {
  /** Draw renderer processes that have exited (default: left out). */
  showExited?: boolean;
  words?: DiagramWords;
  /** Room kept at a box's right for its kill button (px). */
  badgeWidth?: number;
  /** Whether kill buttons are drawn (at the live end only); boxes without one keep room for a state word only. */
  killable?: boolean;
  /** How wide a text is drawn (the window measures it in its font); without it, widths are estimated. */
  measure?: TextMeasure;
}

/** The width in px of a text in a box's title, a line, or an ended renderer's state word. */
export type TextMeasure = (text: string, style: 'title' | 'line' | 'state') => number;

/** Cuts text with "…" until it fits `maxWidth` as measured. */
export function fitText(text: string, maxWidth: number, measure: TextMeasure, style: 'title' | 'line'): string {
  if (measure(text, style) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  // The longest prefix that fits with its ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`, style) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

const PAD = 12;
const HEADER = 22;
const GAP = 6;
/** The lowest box that still holds its title. */
const MIN_BOX = 20;
/** Space kept at a box's right for its kill button or state label. */
const BADGE = 44;
/** Approximate glyph widths at the diagram's font sizes (Hangul and CJK are about twice as wide). */
const TITLE_CHAR = 7.4;
/** The state word of an ended renderer (11px, semibold; measured 6.5 px a letter in Chromium). */
const STATE_CHAR = 6.6;
const LINE_CHAR = 6.4;
const CHAR_WIDTH = { title: TITLE_CHAR, line: LINE_CHAR, state: STATE_CHAR };

/** Widths estimated from the number of letters (Hangul and CJK count about twice). */
export const estimateText: TextMeasure = (text, style) => textUnits(text) * CHAR_WIDTH[style];

function serverTitle(server: ServerView): string {
  // The zone it answers for: "." (root), ".com", "naver.com".
  const zone = server.role === 'root' ? '.' : server.zone.includes('.') ? server.zone : `.${server.zone}`;
  return server.kind === 'dns' ? `${server.name} (${zone})` : server.name;
}

/**
 * Places `count` boxes in an area, top to bottom, in one or two columns, as high as
 * `maxH` and never lower than MIN_BOX; what does not fit is counted, not squeezed.
 */
export function placeBoxes(
  count: number,
  area: Box,
  maxH: number,
  minColumnWidth: number,
): { boxes: Box[]; overflow: number } {
  if (count === 0) return { boxes: [], overflow: 0 };
  const rowsFit = Math.max(1, Math.floor((area.h + GAP) / (MIN_BOX + GAP)));
  const columns = count > rowsFit && area.w >= minColumnWidth * 2 + GAP ? 2 : 1;
  const capacity = rowsFit * columns;
  const shown = count > capacity ? capacity : count;
  const overflow = count - shown;
  const rows = Math.ceil(shown / columns);
  const h = Math.min(maxH, (area.h - GAP * (rows - 1)) / rows);
  const w = (area.w - GAP * (columns - 1)) / columns;
  let gap = GAP;
  let top = area.y;
  if (h === maxH) {
    // Room to spare: spread the boxes over the height (not too far apart), centred.
    gap = Math.min(maxH / 2, Math.max(GAP, (area.h - rows * h) / (rows + 1)));
    top = area.y + (area.h - rows * h - (rows - 1) * gap) / 2;
  }
  const boxes: Box[] = [];
  for (let i = 0; i < shown; i++) {
    const column = columns === 1 ? 0 : Math.floor(i / rows);
    const row = columns === 1 ? i : i % rows;
    boxes.push({ x: area.x + column * (w + GAP), y: top + row * (h + gap), w, h });
  }
  return { boxes, overflow };
}

export function layoutProcessDiagram(
  state: BrowserViewState,
  width: number,
  height: number,
  options: DiagramOptions = {},
): DiagramLayout {
  const words = options.words ?? ENGLISH_WORDS;
  const measure = options.measure ?? estimateText;
  const top = PAD;
  const innerH = height - PAD * 2;
  /** The three columns, the renderers' taking `share` of the width (the other two split the rest). */
  const groupsFor = (share: number): DiagramGroup[] => {
    const rW = (width - PAD * 4) * share;
    const colW = (width - PAD * 4 - rW) / 2;
    return [
      { id: 'renderers', x: PAD, y: top, w: rW, h: innerH },
      { id: 'browser', x: PAD * 2 + rW, y: top, w: colW, h: innerH },
      { id: 'servers', x: PAD * 3 + rW + colW, y: top, w: colW, h: innerH },
    ];
  };
  const data = tabsAndFramesOf(state);
  const frames: DiagramFrame[] = [];
  const allRenderers = state.processes.filter((p) => p.kind === 'renderer');
  let renderers = options.showExited ? allRenderers : allRenderers.filter((p) => p.state !== 'exited');
  // A renderer box grows with the frames and proxies it holds (each one a row); a legend under them says which is which.
  const held = framesByProcess(data.frames);
  const wanted = renderers.map((p) => held.get(p.id));
  const mostRows = Math.max(0, ...renderers.map((p) => frameRowCount(held.get(p.id))));
  const proxiesDrawn = renderers.some((p) => (held.get(p.id)?.proxies.length ?? 0) > 0) && innerH > 200;
  const areaIn = (r: Box, legendRoom: boolean): Box => ({
    x: r.x + PAD,
    y: r.y + HEADER,
    w: r.w - PAD * 2,
    h: r.h - HEADER - PAD / 2 - (legendRoom ? LEGEND_H : 0),
  });
  /** The renderers stacked in one or two columns of `r` (the legend goes before the frames do); null if they do not fit. */
  const stackIn = (r: Box, columns: 1 | 2) => {
    for (const legendRoom of proxiesDrawn ? [true, false] : [false]) {
      const area = areaIn(r, legendRoom);
      if (columns === 1) {
        const one = stackBoxes(wanted, area);
        if (one) return { ...one, legend: legendRoom };
        continue;
      }
      const w = (area.w - GAP) / 2;
      // Every box keeps its id whole beside its kill button or state word (as the one-column layout does).
      const badgeOf = (p: ProcessView) =>
        p.state === 'exited' || p.state === 'crashed'
          ? Math.ceil(measure(words.state(p.state), 'state')) + 4
          : options.killable !== false
            ? (options.badgeWidth ?? BADGE)
            : 0;
      const need = Math.max(...renderers.map((p) => measure(p.id, 'title') + badgeOf(p) + 16));
      if (w < Math.max(120, need)) return null;
      // Split where the two columns are most even (a process with many frames is a tall box).
      const weights = wanted.map((h) => frameRowCount(h, true) + 1.5);
      let half = 1;
      let best = Number.POSITIVE_INFINITY;
      for (let k = 1; k < wanted.length; k++) {
        const left = weights.slice(0, k).reduce((a, c) => a + c, 0);
        const right = weights.slice(k).reduce((a, c) => a + c, 0);
        if (Math.max(left, right) < best) {
          best = Math.max(left, right);
          half = k;
        }
      }
      const left = stackBoxes(wanted.slice(0, half), { ...area, w });
      const right = stackBoxes(wanted.slice(half), { ...area, x: area.x + w + GAP, w });
      if (left && right) return { boxes: [...left.boxes, ...right.boxes], overflow: 0, area, legend: legendRoom };
    }
    return null;
  };
  let groups = groupsFor(1 / 3);
  let stacked = mostRows > 0 ? stackIn(groups[0]!, 1) : null;
  if (mostRows > 0 && !stacked && renderers.length > 1) {
    // Many processes with frames (a page of cross-site iframes): a wider renderer column, in two.
    // Each column wide enough for "renderer:10" beside its kill button.
    const wide = groupsFor(Math.min(0.6, Math.max(0.46, (2 * 136 + GAP + PAD * 2) / (width - PAD * 4))));
    const two = stackIn(wide[0]!, 2);
    if (two) {
      groups = wide;
      stacked = two;
    }
  }
  const nodes: DiagramNode[] = [];
  const browser = state.processes.find((p) => p.kind === 'browser');
  const b = groups[1]!;
  // The tabs (WebContents) live in the browser process: a row of chips under its heading.
  const tabRow = placeTabs(data, { x: b.x + PAD, y: b.y + HEADER, w: b.w - PAD * 2, h: TAB_H }, words, measure);
  const tabsH = tabRow.tabs.length > 0 ? TAB_H + GAP : 0;
  const threadH = Math.min(74, (b.h - HEADER - tabsH - PAD * 3) / 2);
  const threadTop = b.y + HEADER + tabsH + Math.max(PAD, (b.h - HEADER - tabsH - threadH * 2 - PAD) / 2);
  nodes.push({
    id: 'browser',
    kind: 'ui',
    x: b.x + PAD,
    y: threadTop,
    w: b.w - PAD * 2,
    h: threadH,
    title: words.uiThread,
    lines: [`CrBrowserMain · pid ${browser?.pid ?? '?'}`],
    tooltip: '',
    state: browser?.state ?? null,
  });
  const network = browser?.threads.find((t) => t.id === 'network');
  if (browser && network) {
    const lines = [
      `NetworkService · pid ${browser.pid ?? '?'}`,
      ...(network.restarts > 0 ? [words.restarted(network.restarts)] : []),
    ];
    nodes.push({
      id: 'network',
      kind: 'network',
      x: b.x + PAD,
      y: threadTop + threadH + PAD,
      w: b.w - PAD * 2,
      h: threadH,
      title: words.networkThread,
      lines,
      tooltip: '',
      state: network.state === 'crashed' ? 'crashed' : browser.state,
    });
  }

  const r = groups[0]!;
  const legend = proxiesDrawn && (stacked ? stacked.legend : true);
  const rendererArea = stacked?.area ?? areaIn(r, legend);
  let placed =
    stacked || placeBoxes(renderers.length, rendererArea, mostRows > 0 ? 56 + mostRows * FRAME_ROW : 78, 120);
  if (placed.overflow > 0) {
    // Keep the newest, and the live ones before the ended ones; one box counts the rest.
    const live = renderers.filter((p) => p.state === 'running' || p.state === 'launching');
    const ended = renderers.filter((p) => !live.includes(p));
    const keep = placed.boxes.length - 1;
    const last = <T>(list: T[], n: number): T[] => (n <= 0 ? [] : list.slice(-n));
    const kept = new Set([...last(live, keep), ...last(ended, keep - live.length)]);
    renderers = renderers.filter((p) => kept.has(p));
    placed = { boxes: placed.boxes, overflow: allRenderers.length - renderers.length };
  }
  renderers.forEach((process, i) => {
    const box = placed.boxes[i]!;
    // Its role goes with its site, below the title, so the title (the id) is never cut.
    const role =
      process.role === 'spare' && !process.site
        ? `${words.spare} · ${words.noSiteYet}`
        : process.role === 'speculative'
          ? `${words.speculative} · ${process.site ?? ''}`
          : (process.site ?? '');
    nodes.push({
      id: process.id,
      kind: 'renderer',
      ...box,
      // A box too low for its lines names its role in the title.
      title:
        box.h < 38 && process.role
          ? `${process.id} (${process.role === 'spare' ? words.spare : words.speculative})`
          : process.id,
      lines: [
        `pid ${process.pid ?? '…'} · ${process.unresponsive ? words.notResponding : words.state(process.state)}`,
        role,
      ],
      tooltip: '',
      state: process.state,
    });
    const node = nodes.at(-1)!;
    const inside = held.get(process.id);
    if (inside && frameRowCount(inside) > 0) {
      const drawn = placeFrames(node, inside, data, words, measure);
      node.lines = node.lines.slice(0, drawn.lines);
      frames.push(...drawn.frames);
      node.frameLines = drawn.tooltip;
    }
  });
  const hiddenRenderers = allRenderers.length - renderers.length;
  if (placed.overflow > 0 && placed.boxes.length > renderers.length)
    nodes.push(moreNode('renderers', placed.boxes[renderers.length]!, hiddenRenderers));

  let servers = [...state.servers].sort((a, c) => (a.kind === c.kind ? 0 : a.kind === 'dns' ? -1 : 1));
  const s = groups[2]!;
  const serverArea = { x: s.x + PAD, y: s.y + HEADER, w: s.w - PAD * 2, h: s.h - HEADER - PAD / 2 };
  const placedServers = placeBoxes(servers.length, serverArea, 46, 110);
  const serverOverflow = placedServers.overflow > 0 ? servers.length - (placedServers.boxes.length - 1) : 0;
  if (serverOverflow > 0) servers = servers.slice(0, placedServers.boxes.length - 1);
  servers.forEach((server, i) => {
    const box = placedServers.boxes[i]!;
    // Short boxes (many servers) keep only their title; the address stays in the tooltip.
    nodes.push({
      id: server.id,
      kind: server.kind,
      ...box,
      title: serverTitle(server),
      lines: box.h >= 40 ? [server.id] : [],
      tooltip: '',
      state: null,
    });
  });
  if (serverOverflow > 0) nodes.push(moreNode('servers', placedServers.boxes.at(-1)!, serverOverflow));

  for (const node of nodes) {
    if (node.kind === 'more') continue;
    node.tooltip = [
      node.title,
      ...node.lines,
      ...(node.frameLines ?? []),
      node.kind === 'dns' || node.kind === 'web' ? node.id : '',
    ]
      .filter(Boolean)
      .join('\n');
    // Renderers and the network thread keep room at the right for their kill button or state.
    const ended = node.state === 'exited' || node.state === 'crashed';
    const killButton = options.killable !== false && (node.kind === 'renderer' || node.kind === 'network') && !ended;
    // An ended renderer's state word ("exited", "끝남") is as wide as it is in the window's language.
    const stateWord = ended && node.state ? Math.ceil(measure(words.state(node.state), 'state')) + 4 : 0;
    const badge = killButton ? (options.badgeWidth ?? BADGE) : node.kind === 'renderer' ? stateWord : 0;
    const room = node.w - 16 - badge;
    let title = fitText(node.title, room, measure, 'title');
    // A renderer's id is what matters: its role leaves the title (it stays in the tooltip) before the id is cut.
    if (title !== node.title && node.kind === 'renderer' && measure(node.id, 'title') <= room) title = node.id;
    if (title !== node.title && node.kind === 'network')
      title = fitText(words.networkThreadShort, room, measure, 'title');
    node.title = title;
    // Lines that do not fit the box's height are left out (they stay in the tooltip).
    node.lines = node.lines
      .slice(0, Math.max(0, Math.floor((node.h - 22) / 15)))
      .map((line) => fitText(line, node.w - 16, measure, 'line'));
  }
  for (const node of nodes) delete node.frameLines;
  return {
    width,
    height,
    groups,
    nodes,
    frames,
    legend: legend ? { x: r.x + PAD, y: r.y + r.h - LEGEND_H, w: r.w - PAD * 2, h: LEGEND_H - 4 } : null,
    tabs: tabRow.tabs,
    hiddenTabs: tabRow.hidden,
    hiddenExited: options.showExited ? 0 : allRenderers.filter((p) => p.state === 'exited').length,
  };
}

const TAB_H = 18;
const LEGEND_H = 20;
/** A frame's row inside its renderer's box: its height and the gap above it. */
const FRAME_H = 16;
const FRAME_ROW = FRAME_H + 3;
/** A frame's row where boxes are tight. */
const COMPACT_ROW = 17;

/**
 * Renderer boxes as high as their frames need, in one column, giving up first the site
 * line, then a row per proxy (they share one), then the pid line (all stay in the
 * tooltip); null when even that does not fit (then they share the height evenly).
 */
function stackBoxes(
  held: (ProcessFrames | undefined)[],
  area: Box,
): { boxes: Box[]; overflow: number; area: Box } | null {
  const levels = [
    { lines: 2, collapse: false, row: FRAME_ROW },
    { lines: 1, collapse: false, row: FRAME_ROW },
    { lines: 1, collapse: true, row: FRAME_ROW },
    { lines: 0, collapse: true, row: FRAME_ROW },
    { lines: 0, collapse: true, row: COMPACT_ROW },
    // The proxies' rows go last (they stay in the tooltip and the frame tree).
    { lines: 0, collapse: true, row: COMPACT_ROW, noProxies: true },
  ];
  for (const { lines, collapse, row, noProxies } of levels) {
    const wants = held.map((h) => {
      const n = h && noProxies ? h.hosted.length : frameRowCount(h, collapse);
      return n > 0 ? 26 + lines * 15 + n * row + 3 : lines > 0 ? 26 + lines * 15 : 24;
    });
    const total = wants.reduce((a, b) => a + b, 0);
    const free = area.h - total - GAP * (held.length - 1);
    if (free < 0) continue;
    // Room to spare: a little more between the boxes, the stack centred.
    const gap = Math.min(FRAME_ROW, GAP + free / (held.length + 1));
    let y = area.y + (area.h - total - gap * (held.length - 1)) / 2;
    const boxes = wants.map((h) => {
      const box = { x: area.x, y, w: area.w, h };
      y += h + gap;
      return box;
    });
    return { boxes, overflow: 0, area };
  }
  return null;
}

/** From this many proxies on, a process's proxies share one row. */
const PROXIES_IN_ONE_ROW = 3;

/** The rows a process's frames take: one per frame, one per proxy (or one for all of them). */
function frameRowCount(held: ProcessFrames | undefined, collapse = false): number {
  if (!held) return 0;
  const together = held.proxies.length >= PROXIES_IN_ONE_ROW || (collapse && held.proxies.length >= 2);
  return held.hosted.length + (together ? 1 : held.proxies.length);
}

/** Chips for the open tabs, as wide as their words ("Tab 2"), or their numbers alone when many; the rest counted. */
function placeTabs(
  data: TabsAndFrames,
  area: Box,
  words: DiagramWords,
  measure: TextMeasure,
): { tabs: DiagramTab[]; hidden: number } {
  const open = data.tabs.filter((t) => !t.closed);
  if (open.length === 0) return { tabs: [], hidden: 0 };
  const wide = Math.max(...open.map((t) => measure(words.tab(t.number), 'line'))) + 12;
  const narrow = Math.max(...open.map((t) => measure(String(t.number), 'line'))) + 10;
  const fits = (w: number, n: number) => n * w + (n - 1) * 4 <= area.w;
  const useWide = fits(wide, open.length);
  const w = useWide ? wide : Math.max(narrow, 18);
  let shown = open;
  let hidden = 0;
  if (!fits(w, open.length)) {
    // The last chip's place says how many more there are.
    const room = Math.max(1, Math.floor((area.w + 4) / (w + 4)) - 1);
    shown = open.slice(0, room);
    hidden = open.length - room;
  }
  return {
    tabs: shown.map((t, i) => ({
      tabId: t.tabId,
      number: t.number,
      x: area.x + i * (w + 4),
      y: area.y,
      w,
      h: area.h,
      label: useWide ? words.tab(t.number) : String(t.number),
      tooltip: words.tabTooltip(t.number, t.view.title, t.view.url),
      active: t.tabId === data.activeTabId,
    })),
    hidden,
  };
}

/**
 * The frames a renderer box holds, one row each below its first line (and its site line,
 * when there is room): the documents it hosts, then its proxies; what does not fit is counted.
 */
function placeFrames(
  node: DiagramNode,
  held: { hosted: FrameItem[]; proxies: FrameItem[] },
  data: TabsAndFrames,
  words: DiagramWords,
  measure: TextMeasure,
): { frames: DiagramFrame[]; lines: number; tooltip: string[] } {
  const number = new Map(data.tabs.map((t) => [t.tabId, t.number]));
  type Row = { kind: 'frame' | 'proxy'; frames: FrameItem[] };
  const room = node.h - 22 - 4;
  // Rows of the usual height, or tighter ones where the box was made for those (see stackBoxes).
  const full = held.hosted.length + (held.proxies.length >= 2 ? 1 : held.proxies.length);
  const rowH = Math.floor(room / FRAME_ROW) >= full ? FRAME_ROW : COMPACT_ROW;
  const rowsFit = (lines: number) => Math.floor((room - lines * 15) / rowH);
  // Many proxies (a page with many cross-site iframes has one in every process) share one row.
  const collapse =
    held.proxies.length >= PROXIES_IN_ONE_ROW ||
    (held.proxies.length >= 2 && held.hosted.length + held.proxies.length > rowsFit(1));
  const rows: Row[] = [
    ...held.hosted.map((f) => ({ kind: 'frame' as const, frames: [f] })),
    ...(collapse
      ? [{ kind: 'proxy' as const, frames: held.proxies }]
      : held.proxies.map((f) => ({ kind: 'proxy' as const, frames: [f] }))),
  ];
  const one = (kind: Row['kind'], frame: FrameItem) =>
    words.frame(kind === 'proxy' ? 'proxy' : frame.parentId === null ? 'main' : 'iframe', frameHost(frame));
  const text = (row: Row) =>
    row.frames.length > 1 ? words.proxies(row.frames.length, row.frames.map(frameHost)) : one(row.kind, row.frames[0]!);
  // A proxy's row names the frame it stands for; the tooltip says which process runs that frame.
  const lineOf = (kind: Row['kind'], f: FrameItem) =>
    `${words.tab(number.get(f.tabId) ?? 0)} · ${one(kind, f)}${kind === 'proxy' ? ` (${f.processId ?? '…'})` : ''}`;
  const rowTooltip = (row: Row) => row.frames.map((f) => lineOf(row.kind, f)).join('\n');
  const tooltip = rows.map(rowTooltip);
  const allLines = rows.flatMap((row) => row.frames.map((f) => lineOf(row.kind, f)));
  // The site line goes first when the frames would not fit with it, then the pid line.
  const lines = [2, 1, 0].find((n) => rowsFit(n) >= rows.length) ?? (room >= 15 + rowH ? 1 : 0);
  let fit = Math.max(0, rowsFit(lines));
  // Too few rows: the proxies' row goes before any frame is counted instead of drawn.
  if (rows.length > fit && rows.at(-1)?.kind === 'proxy' && rows.length - 1 <= fit) rows.pop();
  const overflow = rows.length > fit;
  if (overflow) fit = Math.max(0, fit - 1);
  const top = node.y + 22 + lines * 15 + 3;
  const badge = 14;
  const frames: DiagramFrame[] = rows.slice(0, fit).map((row, i) => {
    const w = node.w - 16;
    const first = row.frames[0]!;
    const tabs = new Set(row.frames.map((f) => number.get(f.tabId) ?? 0));
    // A narrow box keeps the host (the row's frame or dashed proxy outline says what it is).
    const textRoom = w - badge - 10;
    const short = row.kind === 'frame' && first.parentId !== null ? `↳ ${frameHost(first)}` : frameHost(first);
    const label = measure(text(row), 'line') <= textRoom || row.frames.length > 1 ? text(row) : short;
    return {
      id:
        row.frames.length > 1
          ? `proxies@${node.id}`
          : row.kind === 'frame'
            ? `frame:${first.frameTreeNodeId}`
            : `proxy:${first.frameTreeNodeId}@${node.id}`,
      kind: row.kind,
      frameTreeNodeId: first.frameTreeNodeId,
      processId: node.id,
      tabNumber: tabs.size === 1 ? [...tabs][0]! : 0,
      x: node.x + 8,
      y: top + i * rowH,
      w,
      h: rowH - 3,
      label: fitText(label, tabs.size === 1 ? textRoom : w - 10, measure, 'line'),
      tooltip: tooltip[i]!,
    };
  });
  if (overflow && room - lines * 15 >= rowH) {
    const w = node.w - 16;
    const hidden = rows.slice(fit).reduce((n, row) => n + row.frames.length, 0);
    frames.push({
      id: `more-frames@${node.id}`,
      kind: 'frame',
      frameTreeNodeId: 0,
      processId: node.id,
      tabNumber: 0,
      x: node.x + 8,
      y: top + fit * rowH,
      w,
      h: rowH - 3,
      label: fitText(words.moreFrames(hidden), w - 10, measure, 'line'),
      tooltip: tooltip.slice(fit).join('\n'),
    });
  }
  return { frames, lines, tooltip: allLines };
}

function moreNode(group: string, box: Box, count: number): DiagramNode {
  return { id: `more:${group}`, kind: 'more', ...box, title: String(count), lines: [], tooltip: '', state: null };
}

/** How wide a text is, in "narrow characters" (Hangul, CJK and full-width forms count about twice). */
function textUnits(text: string): number {
  let units = 0;
  for (const c of text)
    units += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(c) ? 1.8 : 1;
  return units;
}

/** Cuts text to fit a width (approximate glyph width for the diagram's font sizes). */
export function ellipsize(text: string, maxWidth: number, charWidth: number): string {
  const max = Math.max(1, Math.floor(maxWidth / charWidth));
  if (textUnits(text) <= max) return text;
  let out = '';
  let units = 0;
  for (const c of text) {
    const u = textUnits(c);
    if (units + u > max - 1) break;
    out += c;
    units += u;
  }
  return `${out}…`;
}

export interface Arrow {
  path: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>()
  .source((d) => d.source)
  .target((d) => d.target);

/** An arrow between two nodes, leaving and entering at the facing sides. */
export function arrowBetween(
  layout: DiagramLayout,
  fromId: string,
  toId: string,
  frameTreeNodeId?: number,
): Arrow | null {
  let a: Box | undefined = layout.nodes.find((n) => n.id === fromId);
  let b: Box | undefined = layout.nodes.find((n) => n.id === toId);
  if (!a || !b) return null;
  if (a === b) return null;
  // A frame's message: its renderer end is the frame's row inside the renderer's box.
  if (frameTreeNodeId !== undefined) {
    const rowIn = (processId: string) =>
      layout.frames.find(
        (f) => f.kind === 'frame' && f.frameTreeNodeId === frameTreeNodeId && f.processId === processId,
      );
    a = rowIn(fromId) ?? a;
    b = rowIn(toId) ?? b;
  }
  let from: [number, number];
  let to: [number, number];
  if (Math.abs(a.x - b.x) < 1) {
    // Same column (UI thread ↔ network thread): a short vertical arrow on the side.
    const x = a.x + a.w * 0.85;
    from = [x, a.y < b.y ? a.y + a.h : a.y];
    to = [x, a.y < b.y ? b.y : b.y + b.h];
    return {
      path: `M${from[0]},${from[1]}L${to[0]},${to[1]}`,
      from: { x: from[0], y: from[1] },
      to: { x: to[0], y: to[1] },
    };
  }
  const leftToRight = a.x < b.x;
  from = [leftToRight ? a.x + a.w : a.x, a.y + a.h / 2];
  to = [leftToRight ? b.x : b.x + b.w, b.y + b.h / 2];
  return {
    path: link({ source: from, target: to }) ?? '',
    from: { x: from[0], y: from[1] },
    to: { x: to[0], y: to[1] },
  };
}
