import { describe, expect, it } from 'vitest';
import { emptyViewState } from '../../shared/trace/browserViewState.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { arrowBetween, layoutProcessDiagram } from '../../renderer/src/viz/processDiagramLayout.js';
import { computeLanes, visibleRange } from '../../renderer/src/viz/sequenceLanes.js';
import { separateSegments } from '../../renderer/src/viz/waterfallLayout.js';

function stateWith(renderers: number, servers: number) {
  const state = emptyViewState();
  state.processes.push({
    id: 'browser',
    kind: 'browser',
    pid: 1,
    site: null,
    state: 'running',
    threads: [
      { id: 'browser', name: 'CrBrowserMain', state: 'running', restarts: 0 },
      { id: 'network', name: 'NetworkService', state: 'running', restarts: 0 },
    ],
    detail: null,
    role: null,
    unresponsive: false,
    discarded: false,
  });
  for (let i = 1; i <= renderers; i++)
    state.processes.push({
      id: `renderer:${i}`,
      kind: 'renderer',
      pid: 100 + i,
      site: `http://site${i}.test`,
      state: 'running',
      threads: [],
      detail: null,
      role: null,
      unresponsive: false,
      discarded: false,
    });
  for (let i = 1; i <= servers; i++)
    state.servers.push({
      id: `127.53.0.${i}:53`,
      kind: 'dns',
      address: `127.53.0.${i}`,
      port: 53,
      name: `ns${i}`,
      role: 'authoritative',
      zone: 'test',
      hosts: [],
    });
  return state;
}

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('process diagram layout', () => {
  it.each([
    [1, 3],
    [4, 6],
    [12, 20],
  ])('places %i renderers and %i servers inside the diagram without overlap', (renderers, servers) => {
    const layout = layoutProcessDiagram(stateWith(renderers, servers), 700, 300);
    // Every process and server is drawn, or counted in the column's "+N more" box.
    const counted = (kinds: string[], more: string) =>
      layout.nodes.filter((n) => kinds.includes(n.kind)).length +
      Number(layout.nodes.find((n) => n.id === more)?.title ?? 0);
    expect(counted(['renderer'], 'more:renderers')).toBe(renderers);
    expect(counted(['dns', 'web'], 'more:servers')).toBe(servers);
    for (const node of layout.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.w).toBeLessThanOrEqual(700);
      expect(node.y + node.h).toBeLessThanOrEqual(300);
    }
    for (let i = 0; i < layout.nodes.length; i++)
      for (let j = i + 1; j < layout.nodes.length; j++)
        expect(overlaps(layout.nodes[i]!, layout.nodes[j]!)).toBe(false);
  });

  it('shows a crashed network thread as crashed, and how often it was restarted once it is back', () => {
    const state = stateWith(1, 1);
    const network = state.processes[0]!.threads[1]!;
    network.state = 'crashed';
    expect(layoutProcessDiagram(state, 900, 400).nodes.find((n) => n.id === 'network')?.state).toBe('crashed');
    network.state = 'running';
    network.restarts = 2;
    const node = layoutProcessDiagram(state, 900, 400).nodes.find((n) => n.id === 'network');
    expect(node?.state).toBe('running');
    expect(node?.lines).toContain('restarted ×2');
  });

  it('draws a message as an arrow between its two ends', () => {
    const layout = layoutProcessDiagram(stateWith(1, 1), 700, 300);
    const toRenderer = arrowBetween(layout, 'browser', 'renderer:1')!;
    expect(toRenderer.to.x).toBeLessThan(toRenderer.from.x);
    const toNetwork = arrowBetween(layout, 'browser', 'network')!;
    expect(toNetwork.path).toMatch(/^M/);
    expect(arrowBetween(layout, 'browser', 'renderer:9')).toBeNull();
  });
});

describe('message sequence lanes', () => {
  it('orders lanes UI, network, renderers by number', () => {
    const m = (from: string, to: string) => ({ type: 'message', from, to }) as unknown as TraceEvent;
    expect(computeLanes([m('renderer:10', 'network'), m('browser', 'renderer:2')], 30).map((l) => l.label)).toEqual([
      'UI',
      'Net',
      'R2',
      'R10',
    ]);
  });

  it('renders only the visible window of 10,000 rows', () => {
    expect(visibleRange(0, 520, 26, 10_000)).toEqual({ first: 0, last: 28 });
    expect(visibleRange(26 * 5000, 520, 26, 10_000)).toEqual({ first: 4992, last: 5028 });
    expect(visibleRange(26 * 10_000, 520, 26, 10_000).last).toBe(10_000);
  });
});

describe('waterfall segments', () => {
  it('keeps very short steps of one request side by side, so each can be clicked', () => {
    const seg = (spanId: string, x: number, w: number) => ({
      spanId,
      name: spanId,
      x,
      w,
      open: false,
      status: 'ok' as const,
      category: 'net' as const,
      heldMicros: 0,
    });
    const placed = separateSegments([seg('request', 174, 2), seg('dns', 173.2, 2), seg('download', 190, 40)]);
    expect(placed.map((p) => p.spanId)).toEqual(['dns', 'request', 'download']);
    expect(placed[1]!.x).toBeGreaterThanOrEqual(placed[0]!.x + placed[0]!.w);
    expect(placed[2]).toMatchObject({ x: 190, w: 40 });
  });
});
