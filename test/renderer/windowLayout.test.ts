/**
 * Layout math of the window's views for the cases a newcomer runs into after a dozen
 * navigations: many processes, many lanes, held time in step mode, short time axes,
 * Unicode paths.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserViewState, emptyViewState } from '../../shared/trace/browserViewState.js';
import { heldIntervals, heldWithin } from '../../shared/trace/heldTime.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { decodeUnicodeEscapes, displayUrl } from '../../renderer/src/viz/displayUrl.js';
import { breakableParts } from '../../renderer/src/viz/wordBreaks.js';
import { shortSpanName } from '../../renderer/src/explain/traceTerms.js';
import {
  ENGLISH_WORDS,
  estimateText,
  fitText,
  layoutProcessDiagram,
  placeBoxes,
} from '../../renderer/src/viz/processDiagramLayout.js';
import { LANE_MIN, computeLanes, laneLayout } from '../../renderer/src/viz/sequenceLanes.js';
import {
  BREAK_WIDTH,
  axisTicks,
  brokenTimeScale,
  fitLabel,
  layoutWaterfall,
} from '../../renderer/src/viz/waterfallLayout.js';

function browserWith(renderers: { state: 'running' | 'exited' | 'crashed' | 'launching' }[], servers = 0) {
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
  renderers.forEach((r, i) =>
    state.processes.push({
      id: `renderer:${i + 1}`,
      kind: 'renderer',
      pid: 100 + i,
      site: `https://site${i + 1}.test`,
      state: r.state,
      threads: [],
      detail: null,
      role: null,
      unresponsive: false,
      discarded: false,
    }),
  );
  for (let i = 1; i <= servers; i++)
    state.servers.push({
      id: `127.53.0.${i}:53`,
      kind: 'dns',
      address: `127.53.0.${i}`,
      port: 53,
      name: `ns${i}.very-long-name-server-name.example`,
      role: 'authoritative',
      zone: 'example',
      hosts: [],
    });
  return state;
}

const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

describe('process diagram with many processes', () => {
  it('cuts a box’s text by its measured width, keeping the ellipsis inside', () => {
    const mono = (text: string) => [...text].length * 10;
    expect(fitText('Network thread', 140, mono, 'title')).toBe('Network thread');
    expect(fitText('Network thread', 100, mono, 'title')).toBe('Network t…');
    expect(fitText('Network thread', 90, mono, 'title')).toBe('Network…');
    expect(mono(fitText('네트워크 스레드', 55, mono, 'title'))).toBeLessThanOrEqual(55);
    // The estimate counts Hangul about twice as wide as Latin.
    expect(estimateText('가', 'title')).toBeGreaterThan(estimateText('a', 'title') * 1.5);
  });

  it('never cuts a renderer’s id, exited or spare, in English or Korean, at 1280×800', () => {
    const state = browserWith([
      ...Array.from({ length: 12 }, () => ({ state: 'exited' as const })),
      { state: 'running' },
      { state: 'running' },
    ]);
    const spare = state.processes.at(-1)!;
    spare.role = 'spare';
    spare.site = null;
    const korean = {
      ...ENGLISH_WORDS,
      state: (s: string) => ({ launching: '시작 중', running: '실행 중', exited: '끝남', crashed: '비정상 종료' })[s]!,
      spare: '예비',
      networkThread: '네트워크 스레드',
      networkThreadShort: '네트워크',
    };
    for (const words of [ENGLISH_WORDS, korean])
      for (const [width, height] of [
        [545, 300],
        [630, 310],
      ] as const) {
        const layout = layoutProcessDiagram(state, width, height, { showExited: true, words, badgeWidth: 30 });
        for (const node of layout.nodes.filter((n) => n.kind === 'renderer'))
          expect(node.title.startsWith(node.id) && !node.title.includes('…'), node.title).toBe(true);
        // The network thread beside its kill button: its short title rather than a cut one.
        const network = layout.nodes.find((n) => n.kind === 'network')!;
        expect([words.networkThread, words.networkThreadShort]).toContain(network.title);
      }
  });

  it('leaves exited renderers out unless asked, and says how many', () => {
    const state = browserWith([
      ...Array.from({ length: 11 }, () => ({ state: 'exited' as const })),
      { state: 'running' },
    ]);
    const layout = layoutProcessDiagram(state, 700, 300);
    expect(layout.nodes.filter((n) => n.kind === 'renderer').map((n) => n.id)).toEqual(['renderer:12']);
    expect(layout.hiddenExited).toBe(11);
    const all = layoutProcessDiagram(state, 700, 300, { showExited: true });
    expect(all.nodes.filter((n) => n.kind === 'renderer' || n.kind === 'more').length).toBeGreaterThan(1);
    expect(all.hiddenExited).toBe(0);
  });

  it.each([1, 3, 8, 14, 30, 60])(
    'lays out %i live renderers and as many servers without overlap, boxes tall enough for a title',
    (n) => {
      const state = browserWith(
        Array.from({ length: n }, () => ({ state: 'running' as const })),
        n,
      );
      for (const [width, height] of [
        [700, 300],
        [1100, 420],
      ] as const) {
        const layout = layoutProcessDiagram(state, width, height);
        for (const node of layout.nodes) {
          expect(node.h).toBeGreaterThanOrEqual(20);
          expect(node.y + node.h).toBeLessThanOrEqual(height);
          expect(node.x + node.w).toBeLessThanOrEqual(width);
          // The title (about 7 px a character) and the kill button fit the box.
          expect(node.title.length * 7.2).toBeLessThanOrEqual(node.w - 16);
        }
        for (let i = 0; i < layout.nodes.length; i++)
          for (let j = i + 1; j < layout.nodes.length; j++)
            expect(
              overlaps(layout.nodes[i]!, layout.nodes[j]!),
              `${layout.nodes[i]!.id} / ${layout.nodes[j]!.id}`,
            ).toBe(false);
        // What does not fit is counted in one "+N more" box per column, never dropped silently.
        const renderers = layout.nodes.filter((x) => x.kind === 'renderer').length;
        const more = layout.nodes.find((x) => x.id === 'more:renderers');
        expect(renderers + (more ? Number(more.title) : 0)).toBe(n);
      }
    },
  );

  it('keeps the live renderers when the ended ones do not fit', () => {
    const state = browserWith([
      ...Array.from({ length: 40 }, () => ({ state: 'crashed' as const })),
      { state: 'running' },
      { state: 'launching' },
    ]);
    const ids = layoutProcessDiagram(state, 700, 300).nodes.map((n) => n.id);
    expect(ids).toContain('renderer:41');
    expect(ids).toContain('renderer:42');
    expect(ids).toContain('more:renderers');
  });

  it('places boxes in two columns when one is not enough and the column is wide', () => {
    const { boxes, overflow } = placeBoxes(20, { x: 0, y: 0, w: 300, h: 200 }, 78, 120);
    expect(overflow).toBe(20 - boxes.length);
    expect(new Set(boxes.map((b) => b.x)).size).toBe(2);
  });
});

describe('message lanes', () => {
  const message = (from: string, to: string) => ({ type: 'message', from, to }) as unknown as TraceEvent;

  it('are only those of the rows in view', () => {
    expect(computeLanes([message('renderer:12', 'browser')]).map((l) => l.label)).toEqual(['UI', 'Net', 'R12']);
  });

  it('narrow when there are many, so the columns keep their room', () => {
    const many = computeLanes(Array.from({ length: 20 }, (_, i) => message('browser', `renderer:${i + 1}`)));
    const { width, laneWidth, lanes } = laneLayout(many, 700);
    expect(laneWidth).toBeGreaterThanOrEqual(LANE_MIN);
    expect(width).toBe(laneWidth * 22);
    expect(new Set(lanes.map((l) => l.x)).size).toBe(22);
    const few = laneLayout(computeLanes([message('browser', 'renderer:1')]), 700);
    expect(few.width).toBeLessThanOrEqual(700 * 0.28);
    expect(few.laneWidth).toBe(30);
  });
});

describe('waterfall time axis', () => {
  it('labels each tick once, with as many decimals as the step needs', () => {
    for (const micros of [800, 3_000, 12_000, 250_000, 4_000_000]) {
      const ticks = axisTicks(micros, 500, (a) => a);
      const labels = ticks.map((t) => t.label);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
      expect(labels.length).toBeGreaterThanOrEqual(2);
    }
    expect(axisTicks(3_000, 500, (a) => a).map((t) => t.label)).toContain('0.5');
  });

  it('cuts held stretches out of the axis: a narrow break, the rest linear in the browser’s time', () => {
    const held = [{ start: 2_000, end: 12_002_000 }];
    const scale = brokenTimeScale(0, 12_004_000, held, 100, 500);
    expect(scale.breaks).toHaveLength(1);
    expect(scale.breaks[0]!.w).toBe(BREAK_WIDTH);
    expect(scale.activeMicros).toBe(4_000);
    // 2 ms before the hold, 2 ms after it: the same width on each side.
    expect(scale.x(2_000) - scale.x(0)).toBeCloseTo(scale.x(12_004_000) - scale.x(12_002_000), 5);
    expect(scale.x(12_004_000)).toBeCloseTo(500, 5);
    expect(scale.momentAfter(3_000)).toBe(12_003_000);
  });

  it('cuts label text to the label column', () => {
    expect(fitLabel('%EC%97%86%EB%8A%94%ED%8E%98%EC%9D%B4%EC%A7%80-very-long-file-name.html', 150).length).toBeLessThan(
      24,
    );
    expect(fitLabel('search.js', 150)).toBe('search.js');
  });

  it('ends a finished navigation where its last step ended, whatever happened later', () => {
    const state: BrowserViewState = emptyViewState();
    const span = (seq: number, name: string, start: number, end: number | null, extra = {}) => ({
      seq,
      spanId: `s${seq}`,
      name,
      category: 'phase' as const,
      phase: null,
      navigationId: 'nav1',
      requestId: null,
      endpoint: 'browser',
      start,
      end,
      status: 'ok' as const,
      error: null,
      args: {},
      background: false,
      ...extra,
    });
    state.spans.push(span(1, 'Handle input', 1_000, 1_500, { phase: 'handle-input' }));
    state.spans.push(span(2, 'Load', 2_000, 90_000, { phase: 'load' }));
    state.now = 30_000_000; // a renderer killed half a minute later
    const layout = layoutWaterfall(state, 800);
    expect(layout.end).toBe(90_000);
    expect(layout.breaks).toEqual([]);
  });
});

describe('held time', () => {
  const at = (seq: number, ts: number, body: object) => ({ seq, ts, endpoint: 'browser', ...body }) as TraceEvent;

  it('is a quiet stretch while a message waited at the gate; work during a wait is not held', () => {
    const events = [
      at(0, 1_000, { type: 'state', field: 'loading', value: true, cause: '' }),
      at(1, 1_100, { type: 'step.held', flowId: 'f', name: 'A.B', from: 'browser', to: 'network', held: 1 }),
      // 11 s of nothing, then the user steps.
      at(2, 11_001_100, {
        type: 'step.released',
        flowId: 'f',
        name: 'A.B',
        from: 'browser',
        to: 'network',
        waitedMicros: 11_000_000,
        into: 'receiver',
        held: 0,
      }),
      at(3, 11_001_200, { type: 'dns.cache', host: 'x', outcome: 'miss', addresses: [] }),
      // A wait with work in it (a DNS walk recording every 10 ms): nothing is held.
      ...Array.from({ length: 10 }, (_, i) =>
        at(4 + i, 11_010_000 + i * 10_000, { type: 'dns.cache', host: 'x', outcome: 'miss', addresses: [] }),
      ),
      at(20, 11_120_000, {
        type: 'step.released',
        flowId: 'g',
        name: 'C.D',
        from: 'network',
        to: 'browser',
        waitedMicros: 110_000,
        into: 'receiver',
        held: 0,
      }),
    ];
    const held = heldIntervals(events);
    expect(held).toEqual([{ start: 1_100, end: 11_001_100 }]);
    expect(heldWithin(held, 0, 20_000_000)).toBe(11_000_000);
  });
});

describe('URLs for display', () => {
  it('shows a Unicode path as Chrome’s omnibox does, and nothing else decoded', () => {
    expect(displayUrl('https://www.naver.com/%EC%97%86%EB%8A%94%ED%8E%98%EC%9D%B4%EC%A7%80')).toBe(
      'https://www.naver.com/없는페이지',
    );
    expect(displayUrl('https://www.google.com/search?q=%ED%95%9C%EA%B8%80%20dns')).toBe(
      'https://www.google.com/search?q=한글%20dns',
    );
    // ASCII escapes, broken UTF-8 and characters that hide or reorder text stay encoded.
    expect(decodeUnicodeEscapes('/a%2Fb%3F%25')).toBe('/a%2Fb%3F%25');
    expect(decodeUnicodeEscapes('/%ED%95')).toBe('/%ED%95');
    expect(decodeUnicodeEscapes('/%E2%80%AEtxt')).toBe('/%E2%80%AEtxt');
    expect(decodeUnicodeEscapes('/%E2%80%8B')).toBe('/%E2%80%8B');
    expect(displayUrl('not a url')).toBe('not a url');
    expect(displayUrl('https://xn--3e0b707e.kr/')).toBe('https://xn--3e0b707e.kr/');
  });
});

describe('long names in narrow columns', () => {
  it('lets Interface.Method names break at their dot only', () => {
    expect(breakableParts('헤더를 담아 NavigationClient.CommitNavigation을 보냈고')).toEqual([
      '헤더를 담아 NavigationClient.',
      'CommitNavigation을 보냈고',
    ]);
    // Hosts, versions and sentence ends are left alone.
    expect(breakableParts('www.naver.com answered. Then TLSv1.3 ran.')).toEqual([
      'www.naver.com answered. Then TLSv1.3 ran.',
    ]);
  });

  it('gives the waterfall step names that fit its narrowest label column', () => {
    for (const name of [
      'Find a renderer process',
      'Load HTML and CSS parsers',
      'Style, layout, paint (first paint)',
      'Style, layout, paint (after load)',
    ])
      for (const locale of ['en', 'ko']) {
        const label = shortSpanName(name, locale);
        expect(fitLabel(label, 165), `${locale}: ${name}`).toBe(label);
      }
    expect(shortSpanName('Style, layout, paint (first paint)', 'ko')).toBe('렌더링(첫 페인트)');
  });
});
