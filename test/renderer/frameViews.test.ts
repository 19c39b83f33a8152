/**
 * The window's views of tabs and frames (issue 20): the process diagram draws each
 * renderer's frames and proxies inside its box and the tabs in the browser process,
 * a frame's message leaves from its frame, and site isolation is told with the page's
 * own processes in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserViewState, foldTrace } from '../../shared/trace/browserViewState.js';
import type { TraceEvent, TraceEventBody } from '../../shared/trace/traceEvent.js';
import { arrowBetween, layoutProcessDiagram } from '../../renderer/src/viz/processDiagramLayout.js';
import { siteIsolationText } from '../../renderer/src/explain/siteIsolation.js';
import { frameTreeRows, isolationSummary, shownTab, tabsAndFramesOf } from '../../renderer/src/viz/tabsAndFrames.js';

function trace(bodies: TraceEventBody[]): TraceEvent[] {
  return bodies.map((body, seq) => ({ ...body, seq, ts: 1000 + seq, endpoint: 'browser' }) as TraceEvent);
}

const frame = (
  id: number,
  parentId: number | null,
  tabId: number,
  url: string,
  site: string,
  processId: string,
): TraceEventBody[] => [
  {
    type: 'frame.created',
    frameTreeNodeId: id,
    parentId,
    tabId,
    frameToken: null,
    name: '',
    url,
    site: '',
    processId: null,
    depth: parentId === null ? 0 : 1,
    reason: 'test',
  },
  {
    type: 'frame.committed',
    frameTreeNodeId: id,
    tabId,
    frameToken: `F${id}`,
    url,
    site,
    processId,
    navigationId: `nav-${id}`,
    reason: 'test',
  },
];

/** www.naver.com/frames in tab 1 (a same-site and a google iframe), and www.naver.com in tab 2. */
const framesPage: TraceEventBody[] = [
  { type: 'process.launch', processId: 'renderer:1', site: 'https://naver.com', spare: false } as TraceEventBody,
  { type: 'process.launch', processId: 'renderer:2', site: 'https://google.com', spare: false } as TraceEventBody,
  { type: 'tab.created', tabId: 1, openerTabId: null, mainFrameTreeNodeId: 1, reason: 'the window opened' },
  ...frame(1, null, 1, 'https://www.naver.com/frames', 'https://naver.com', 'renderer:1'),
  ...frame(2, 1, 1, 'https://www.naver.com/frames/child', 'https://naver.com', 'renderer:1'),
  ...frame(3, 1, 1, 'https://www.google.com/', 'https://google.com', 'renderer:2'),
  { type: 'proxy.created', frameTreeNodeId: 3, tabId: 1, processId: 'renderer:1', proxyToken: 'P3', reason: 'OOPIF' },
  { type: 'proxy.created', frameTreeNodeId: 1, tabId: 1, processId: 'renderer:2', proxyToken: 'P1', reason: 'OOPIF' },
  { type: 'state', tabId: 1, field: 'title', value: 'Frames', cause: 'UpdateTitle' },
  { type: 'tab.created', tabId: 2, openerTabId: null, mainFrameTreeNodeId: 4, reason: 'new tab' },
  { type: 'tab.activated', tabId: 2, previousTabId: 1, reason: 'new tab' },
  ...frame(4, null, 2, 'https://www.naver.com/', 'https://naver.com', 'renderer:1'),
];

function framesState(extra: TraceEventBody[] = []): BrowserViewState {
  const state = foldTrace(trace([...framesPage, ...extra]));
  state.processes.unshift({
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
  for (const p of state.processes) if (p.kind === 'renderer') p.state = 'running';
  return state;
}

const inside = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

describe('tabs and frames in the window', () => {
  it('knows which frames run apart from their parent and where their proxies are', () => {
    const data = tabsAndFramesOf(framesState());
    expect(shownTab(data)?.tabId).toBe(2);
    const rows = frameTreeRows(data.frames, 1);
    expect(rows.map((f) => [f.frameTreeNodeId, f.depth, f.outOfProcess, f.proxyIn])).toEqual([
      [1, 0, false, ['renderer:2']],
      [2, 1, false, []],
      [3, 1, true, ['renderer:1']],
    ]);
  });

  it('draws each renderer with the frames it hosts and the proxies it holds, inside its box', () => {
    const layout = layoutProcessDiagram(framesState(), 900, 420);
    const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const held = (processId: string) =>
      layout.frames.filter((f) => f.processId === processId).map((f) => [f.kind, f.frameTreeNodeId, f.tabNumber]);
    expect(held('renderer:1')).toEqual([
      ['frame', 1, 1],
      ['frame', 2, 1],
      ['frame', 4, 2],
      ['proxy', 3, 1],
    ]);
    expect(held('renderer:2')).toEqual([
      ['frame', 3, 1],
      ['proxy', 1, 1],
    ]);
    for (const f of layout.frames) expect(inside(f, box(f.processId)), f.id).toBe(true);
    expect(layout.frames.find((f) => f.kind === 'proxy' && f.processId === 'renderer:1')?.label).toBe(
      'proxy → www.google.com',
    );
    // Two tabs in the browser process, the second one shown.
    expect(layout.tabs.map((t) => [t.label, t.active])).toEqual([
      ['Tab 1', false],
      ['Tab 2', true],
    ]);
    const browser = layout.groups.find((g) => g.id === 'browser')!;
    for (const t of layout.tabs) expect(inside(t, browser)).toBe(true);
    for (const t of layout.tabs) expect(t.y + t.h).toBeLessThanOrEqual(box('browser').y);
  });

  it('counts the frames that do not fit a small box, and keeps every row inside it', () => {
    const many: TraceEventBody[] = [];
    for (let i = 0; i < 12; i++)
      many.push(...frame(10 + i, 1, 1, `https://site${i}.test/`, `https://site${i}.test`, 'renderer:2'));
    const layout = layoutProcessDiagram(framesState(many), 700, 260);
    const box = layout.nodes.find((n) => n.id === 'renderer:2')!;
    const rows = layout.frames.filter((f) => f.processId === 'renderer:2');
    for (const f of rows) expect(inside(f, box), f.id).toBe(true);
    const more = rows.find((f) => f.id.startsWith('more-frames'));
    expect(more?.label).toMatch(/^\+\d+ frames$/);
    expect(rows.length - 1 + Number(more!.label.match(/\d+/)![0])).toBe(14);
  });

  it('gives many proxies one row, naming the frames they stand for', () => {
    const five: TraceEventBody[] = [];
    for (let i = 0; i < 5; i++) {
      five.push(...frame(20 + i, 1, 1, `https://www.site${i}.test/`, `https://site${i}.test`, `renderer:${3 + i}`));
      five.push({
        type: 'proxy.created',
        frameTreeNodeId: 20 + i,
        tabId: 1,
        processId: 'renderer:2',
        proxyToken: `P${20 + i}`,
        reason: 'OOPIF',
      });
    }
    const layout = layoutProcessDiagram(framesState(five), 1200, 700);
    const rows = layout.frames.filter((f) => f.processId === 'renderer:2');
    expect(rows.map((f) => f.kind)).toEqual(['frame', 'proxy']);
    expect(rows[1]!.label).toMatch(/^6 proxies: www\.naver\.com, www\.site0\.test/);
    expect(rows[1]!.tooltip.split('\n')).toHaveLength(6);
  });

  it('draws a frame’s message from the frame’s own row', () => {
    const layout = layoutProcessDiagram(framesState(), 900, 420);
    const row = layout.frames.find((f) => f.id === 'frame:3')!;
    const arrow = arrowBetween(layout, 'renderer:2', 'browser', 3)!;
    expect(arrow.from).toEqual({ x: row.x + row.w, y: row.y + row.h / 2 });
    const plain = arrowBetween(layout, 'renderer:2', 'browser')!;
    expect(plain.from.y).not.toBe(arrow.from.y);
  });

  it('tells site isolation with the page’s own processes, in English and Korean', () => {
    const state = framesState();
    const data = tabsAndFramesOf(state);
    const summary = isolationSummary(state, data, data.tabs[0]!)!;
    const en = siteIsolationText(summary, 'en');
    expect(en.lines[0]).toBe('Tab 1’s 3 frames run in 2 renderer processes.');
    expect(en.lines.join('\n')).toContain('renderer:1 (https://naver.com) runs the main frame (www.naver.com)');
    expect(en.lines.join('\n')).toContain('it also runs the frames of tab 2');
    expect(en.lines.join('\n')).toContain('The iframe www.google.com is another site than its parent');
    const ko = siteIsolationText(summary, 'ko');
    expect(ko.lines[0]).toBe('탭 1의 프레임 3개는 렌더러 프로세스 2개에서 실행됩니다.');
    expect(ko.lines.join('\n')).toContain('프록시(RenderFrameProxy)');
    expect(ko.rule).toMatch(/^사이트 격리/);
  });
});
