/**
 * The views of a real Chromium's trace, as plain functions of the folded state: the
 * process diagram's real processes, the sequence's lanes, the waterfall's real phases.
 */
import { describe, expect, it } from 'vitest';
import { importChromeTraceJson } from '../../shared/real/chromeTraceImport.js';
import { foldTrace } from '../../shared/trace/browserViewState.js';
import { arrowBetween } from '../../renderer/src/viz/processDiagramLayout.js';
import { isRealState, layoutRealProcessDiagram } from '../../renderer/src/viz/realProcessDiagramLayout.js';
import { computeLanes, laneLabel } from '../../renderer/src/viz/sequenceLanes.js';
import { layoutWaterfall } from '../../renderer/src/viz/waterfallLayout.js';
import { objectTrace } from '../shared/real/realTraceSample.js';

const trace = importChromeTraceJson(JSON.parse(objectTrace()), { name: 'sample.json' });
const state = foldTrace(trace.events);

describe('the views of a real Chromium trace', () => {
  it('draws the real browser in the middle, renderers left, the network service and GPU right, with pids', () => {
    expect(isRealState(state)).toBe(true);
    const layout = layoutRealProcessDiagram(state, 900, 360);
    expect(layout.groups.map((g) => g.id)).toEqual(['renderers', 'browser', 'services']);
    const node = (id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(node('browser')).toMatchObject({ kind: 'real-browser', lines: ['pid 100', 'CrBrowserMain'] });
    expect(node('renderer:1').kind).toBe('real-renderer');
    expect(node('network')).toMatchObject({ kind: 'real-network', title: 'NetworkService' });
    expect(node('gpu').kind).toBe('real-gpu');
    expect(node('renderer:1').x).toBeLessThan(node('browser').x);
    expect(node('browser').x).toBeLessThan(node('network').x);
    // A message's arrow goes from its sender's box to its receiver's.
    expect(arrowBetween(layout, 'browser', 'renderer:1')?.path).toBeTruthy();
    expect(arrowBetween(layout, 'network', 'browser')?.path).toBeTruthy();
  });

  it('names the lanes of real processes briefly, and never reads an inherited name', () => {
    expect(computeLanes(trace.events, 30).map((l) => l.label)).toEqual(['UI', 'Net', 'R1']);
    expect(['gpu', 'storage', 'utility:2', 'unknown', 'process:77', 'constructor'].map(laneLabel)).toEqual([
      'GPU',
      'Sto',
      'U2',
      '?',
      'P',
      'constructor',
    ]);
  });

  it('shows the real navigation phases in journey order and the request’s network steps', () => {
    const layout = layoutWaterfall(state, 900);
    expect(layout.navigation?.url).toBe('https://www.naver.com/');
    expect(layout.labelWidth).toBeGreaterThanOrEqual(210);
    const rows = layout.rows.map((r) => [r.kind, r.label]);
    expect(rows).toEqual([
      ['phase', 'BeginNavigationToLoaderStart'],
      ['phase', 'CommitToDidCommit'],
      ['request', 'www.naver.com/'],
    ]);
    expect(layout.rows[2]!.segments.map((s) => s.name)).toEqual([
      'Initial connection',
      'SSL',
      'Request sent',
      'Waiting for server response',
      'Content Download',
    ]);
  });
});
