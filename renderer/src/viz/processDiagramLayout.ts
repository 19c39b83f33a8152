/**
 * Where the process diagram draws everything: renderer processes on the left, the
 * browser process (UI thread, network thread) in the middle, the servers it talked to
 * on the right. Plain functions of the folded state; d3 supplies the scales and paths.
 */
import { linkHorizontal, scaleBand } from 'd3';
import type { BrowserViewState, ProcessView, ServerView } from '../../../shared/trace/browserViewState';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramNode extends Box {
  /** Endpoint id ('browser', 'network', 'renderer:1') or server id ('127.53.0.1:5353'). */
  id: string;
  /** NavScope's model: 'ui', 'network', 'renderer'; servers: 'dns', 'web'; a real Chromium's processes: 'real-…'. */
  kind:
    | 'ui'
    | 'network'
    | 'renderer'
    | 'dns'
    | 'web'
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
}

export interface DiagramGroup extends Box {
  /** 'services': a real Chromium's network service, GPU and utility processes. */
  id: 'renderers' | 'browser' | 'servers' | 'services';
}

export interface DiagramLayout {
  width: number;
  height: number;
  groups: DiagramGroup[];
  nodes: DiagramNode[];
}

const PAD = 12;
const HEADER = 22;

function serverTitle(server: ServerView): string {
  return server.kind === 'dns' ? `${server.name} (${server.role === 'root' ? '.' : server.zone})` : server.name;
}

export function layoutProcessDiagram(state: BrowserViewState, width: number, height: number): DiagramLayout {
  const colW = (width - PAD * 4) / 3;
  const top = PAD;
  const innerH = height - PAD * 2;
  const groups: DiagramGroup[] = [
    { id: 'renderers', x: PAD, y: top, w: colW, h: innerH },
    { id: 'browser', x: PAD * 2 + colW, y: top, w: colW, h: innerH },
    { id: 'servers', x: PAD * 3 + colW * 2, y: top, w: colW, h: innerH },
  ];
  const nodes: DiagramNode[] = [];
  const browser = state.processes.find((p) => p.kind === 'browser');
  const b = groups[1]!;
  const threadH = Math.min(74, (b.h - HEADER - PAD * 3) / 2);
  const threadTop = b.y + HEADER + Math.max(PAD, (b.h - HEADER - threadH * 2 - PAD) / 2);
  nodes.push({
    id: 'browser',
    kind: 'ui',
    x: b.x + PAD,
    y: threadTop,
    w: b.w - PAD * 2,
    h: threadH,
    title: 'UI thread',
    lines: [`CrBrowserMain · pid ${browser?.pid ?? '?'}`],
    tooltip: '',
    state: browser?.state ?? null,
  });
  const network = browser?.threads.find((t) => t.id === 'network');
  if (browser && network) {
    const lines = [
      `NetworkService · pid ${browser.pid ?? '?'}`,
      ...(network.restarts > 0 ? [`restarted ×${network.restarts}`] : []),
    ];
    nodes.push({
      id: 'network',
      kind: 'network',
      x: b.x + PAD,
      y: threadTop + threadH + PAD,
      w: b.w - PAD * 2,
      h: threadH,
      title: 'Network thread',
      lines,
      tooltip: '',
      state: network.state === 'crashed' ? 'crashed' : browser.state,
    });
  }

  const renderers = state.processes.filter((p) => p.kind === 'renderer');
  const r = groups[0]!;
  const rendererBand = scaleBand<string>()
    .domain(renderers.map((p) => p.id))
    .range([r.y + HEADER, r.y + r.h])
    .paddingInner(0.15)
    .paddingOuter(0.1);
  const rendererH = Math.min(rendererBand.bandwidth(), 78);
  for (const process of renderers) {
    const y = (rendererBand(process.id) ?? 0) + (rendererBand.bandwidth() - rendererH) / 2;
    nodes.push({
      id: process.id,
      kind: 'renderer',
      x: r.x + PAD,
      y,
      w: r.w - PAD * 2,
      h: rendererH,
      title:
        process.role === 'spare' && !process.site
          ? `${process.id} (spare)`
          : process.role === 'speculative'
            ? `${process.id} (speculative)`
            : process.id,
      lines: [
        `pid ${process.pid ?? '…'} · ${process.unresponsive ? 'not responding' : process.state}`,
        process.site ?? (process.role === 'spare' ? 'no site yet' : ''),
      ],
      tooltip: '',
      state: process.state,
    });
  }

  const servers = [...state.servers].sort((a, c) => (a.kind === c.kind ? 0 : a.kind === 'dns' ? -1 : 1));
  const s = groups[2]!;
  const serverBand = scaleBand<string>()
    .domain(servers.map((x) => x.id))
    .range([s.y + HEADER, s.y + s.h])
    .paddingInner(0.12)
    .paddingOuter(0.05);
  const serverH = Math.min(serverBand.bandwidth(), 46);
  for (const server of servers) {
    const y = (serverBand(server.id) ?? 0) + (serverBand.bandwidth() - serverH) / 2;
    // Short boxes (many servers) keep only their title; the address stays in the tooltip.
    nodes.push({
      id: server.id,
      kind: server.kind,
      x: s.x + PAD,
      y,
      w: s.w - PAD * 2,
      h: serverH,
      title: serverTitle(server),
      lines: serverH >= 40 ? [server.id] : [],
      tooltip: '',
      state: null,
    });
  }
  for (const node of nodes) {
    node.tooltip = [node.title, ...node.lines, node.kind === 'dns' || node.kind === 'web' ? node.id : '']
      .filter(Boolean)
      .join('\n');
    node.title = ellipsize(node.title, node.w - 16, 7.2);
    // Lines that do not fit the box's height are left out (they stay in the tooltip).
    node.lines = node.lines
      .slice(0, Math.max(0, Math.floor((node.h - 22) / 15)))
      .map((line) => ellipsize(line, node.w - 16, 6.4));
  }
  return { width, height, groups, nodes };
}

/** Cuts text to fit a width (approximate glyph width for the diagram's font sizes). */
export function ellipsize(text: string, maxWidth: number, charWidth: number): string {
  const max = Math.max(1, Math.floor(maxWidth / charWidth));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
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
export function arrowBetween(layout: DiagramLayout, fromId: string, toId: string): Arrow | null {
  const a = layout.nodes.find((n) => n.id === fromId);
  const b = layout.nodes.find((n) => n.id === toId);
  if (!a || !b) return null;
  if (a === b) return null;
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
