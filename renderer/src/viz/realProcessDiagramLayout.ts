/**
 * The process diagram of a real Chromium's trace: its renderer processes on the left,
 * the browser process in the middle, the network service, the GPU process and the other
 * utility processes on the right, each a box with its real pid and threads. Node ids
 * are the trace's endpoint ids, so a message's arrow goes from its sender's box to its
 * receiver's, as in the model's diagram.
 */
import { scaleBand } from 'd3';
import type { BrowserViewState, ProcessView } from '../../../shared/trace/browserViewState';
import { type DiagramGroup, type DiagramLayout, type DiagramNode, ellipsize } from './processDiagramLayout';

const PAD = 12;
const HEADER = 22;

/** Whether the state is a real Chromium's (its processes came from real.process events). */
export function isRealState(state: BrowserViewState): boolean {
  return state.processes.some((p) => p.real !== undefined);
}

const SERVICE_ORDER: Record<string, number> = { network: 0, gpu: 1, storage: 2, utility: 3, unknown: 4 };

function nodeKind(process: ProcessView): DiagramNode['kind'] {
  switch (process.kind) {
    case 'browser':
      return 'real-browser';
    case 'renderer':
      return 'real-renderer';
    case 'network':
      return 'real-network';
    case 'gpu':
      return 'real-gpu';
    default:
      return 'real-utility';
  }
}

/** `network.mojom.NetworkService` → `NetworkService`. */
function serviceShortName(process: ProcessView): string {
  const service = process.real?.serviceName;
  if (service) return service.slice(service.lastIndexOf('.') + 1);
  return process.real?.name ?? process.id;
}

/** pid, the site a renderer is locked to, the main thread, a label or service: narrow boxes keep the first lines. */
function lines(process: ProcessView): string[] {
  return [
    `pid ${process.pid ?? '?'}`,
    process.site ?? '',
    process.threads[0]?.name ?? '',
    process.real?.labels[0] ??
      (process.kind === 'renderer' || process.kind === 'browser' ? '' : (process.real?.serviceName ?? '')),
  ].filter((line) => line !== '');
}

function column(
  group: DiagramGroup,
  processes: ProcessView[],
  maxHeight: number,
  title: (p: ProcessView) => string,
): DiagramNode[] {
  const band = scaleBand<string>()
    .domain(processes.map((p) => p.id))
    .range([group.y + HEADER, group.y + group.h])
    .paddingInner(0.15)
    .paddingOuter(0.1);
  const h = Math.min(band.bandwidth(), maxHeight);
  return processes.map((process) => ({
    id: process.id,
    kind: nodeKind(process),
    x: group.x + PAD,
    y: (band(process.id) ?? 0) + (band.bandwidth() - h) / 2,
    w: group.w - PAD * 2,
    h,
    title: title(process),
    lines: lines(process),
    tooltip: [
      `${process.real?.name ?? process.id} (${process.id})`,
      `pid ${process.pid ?? '?'}`,
      ...(process.real?.serviceName ? [process.real.serviceName] : []),
      ...(process.real?.labels ?? []),
      `threads: ${process.threads.map((t) => t.name).join(', ')}`,
    ].join('\n'),
    state: process.state,
  }));
}

export function layoutRealProcessDiagram(state: BrowserViewState, width: number, height: number): DiagramLayout {
  const colW = (width - PAD * 4) / 3;
  const innerH = height - PAD * 2;
  const groups: DiagramGroup[] = [
    { id: 'renderers', x: PAD, y: PAD, w: colW, h: innerH },
    { id: 'browser', x: PAD * 2 + colW, y: PAD, w: colW, h: innerH },
    { id: 'services', x: PAD * 3 + colW * 2, y: PAD, w: colW, h: innerH },
  ];
  const real = state.processes.filter((p) => p.real !== undefined);
  const renderers = real.filter((p) => p.kind === 'renderer');
  const browsers = real.filter((p) => p.kind === 'browser');
  const services = real
    .filter((p) => p.kind !== 'renderer' && p.kind !== 'browser')
    .sort((a, b) => (SERVICE_ORDER[a.kind] ?? 9) - (SERVICE_ORDER[b.kind] ?? 9));
  const nodes: DiagramNode[] = [
    ...column(groups[0]!, renderers, 74, (p) => p.id),
    ...column(groups[1]!, browsers, 96, (p) => p.real?.name ?? p.id),
    ...column(groups[2]!, services, 64, serviceShortName),
  ];
  for (const node of nodes) {
    node.title = ellipsize(node.title, node.w - 16, 7.2);
    node.lines = node.lines
      .slice(0, Math.max(0, Math.floor((node.h - 22) / 15)))
      .map((line) => ellipsize(line, node.w - 16, 6.4));
  }
  return { width, height, groups, nodes, frames: [], legend: null, tabs: [], hiddenTabs: 0, hiddenExited: 0 };
}
