/**
 * The renderer's part of a page load, on the lab's /render pages, end to end through
 * real processes: streaming parse, preload scanner, script timing, ORB/CORB in the
 * network service, render tree, layout and first paint.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { messages, navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';

const seqOf = (events: readonly TraceEvent[], name: string): number => {
  const found = messages(events, name)[0];
  if (!found) throw new Error(`no ${name} message in the trace`);
  return found.seq;
};

describe('the renderer: parsing, scripts, ORB, style, layout and paint', () => {
  const session = useLabSession();

  it('runs scripts in the HTML standard’s order: blocking, then inline, defer and module in document order, before DOMContentLoaded', async () => {
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/render/scripts');
    expect(result.outcome).toBe('loaded');
    const scripts = ofType(events, 'renderer.script');
    const byName = (name: string) => {
      const found = scripts.find((s) => (s.url ?? 'inline').includes(name));
      if (!found) throw new Error(`no script record for ${name}: ${scripts.map((s) => s.url ?? 'inline').join(', ')}`);
      return found;
    };
    expect(scripts.every((s) => s.ran)).toBe(true);
    expect(byName('blocking.js')).toMatchObject({ timing: 'parser-blocking', order: 1 });
    expect(byName('blocking.js').parserBlockedMicros).toBeGreaterThan(0);
    expect(byName('async-fast.js').timing).toBe('async');
    expect(byName('defer-1.js').timing).toBe('defer');
    expect(byName('module.js').timing).toBe('module');
    // defer-2 arrives long before defer-1, but deferred scripts keep document order.
    expect(byName('defer-1.js').order).toBeLessThan(byName('defer-2.js').order);
    expect(byName('defer-2.js').order).toBeLessThan(byName('module.js').order);
    expect(byName('inline').order).toBeLessThan(byName('defer-1.js').order);
    // The async script that had long arrived runs as soon as the parser reaches it, before the deferred ones.
    expect(byName('async-fast.js').order).toBeLessThan(byName('defer-1.js').order);

    const dcl = seqOf(events, 'LocalFrameHost.DidDispatchDOMContentLoadedEvent');
    for (const name of ['blocking.js', 'inline', 'defer-1.js', 'defer-2.js', 'module.js'])
      expect(byName(name).seq).toBeLessThan(dcl);
    // DOMContentLoaded comes before load, and load waits for every script (the slow async one too).
    const load = seqOf(events, 'LocalFrameHost.DocumentOnLoadCompleted');
    expect(dcl).toBeLessThan(load);
    expect(byName('async-slow.js').seq).toBeLessThan(load);

    // While the parser waited for blocking.js, the preload scanner fetched what came after it.
    const preloaded = ofType(events, 'renderer.preload').filter((p) => p.parserBlockedOn?.includes('blocking.js'));
    expect(preloaded.map((p) => p.url)).toEqual(
      expect.arrayContaining([expect.stringContaining('defer-1.js'), expect.stringContaining('async-slow.js')]),
    );
  });

  it('ORB blocks cross-origin JSON loaded as an image and a text/plain nosniff script; real images and scripts pass', async () => {
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/render/corb');
    expect(result.outcome).toBe('loaded');
    const decisions = ofType(events, 'corb.decision');
    const decisionFor = (name: string) => {
      const found = decisions.find((d) => d.url.includes(name));
      if (!found) throw new Error(`no ORB decision for ${name}: ${decisions.map((d) => d.url).join(', ')}`);
      return found;
    };
    expect(decisionFor('data.json')).toMatchObject({
      decision: 'block',
      destination: 'image',
      initiatorOrigin: 'http://www.naver.com',
    });
    expect(decisionFor('xssi.js')).toMatchObject({ decision: 'block', sniffed: 'parser-breaker' });
    expect(decisionFor('wrong-type.js')).toMatchObject({ decision: 'block', destination: 'script', noSniff: true });
    expect(decisionFor('real-script.js').decision).toBe('allow');
    expect(decisionFor('logo.png').decision).toBe('allow');
    // Same-origin JSON never meets ORB.
    expect(decisions.some((d) => d.url.includes('same-origin.json'))).toBe(false);

    // The renderer got an error instead of the bytes, and the blocked script did not run.
    const completes = messages(events, 'FrameHost.ResourceLoadComplete');
    const completeFor = (name: string) =>
      completes.find((m) => JSON.stringify(m.payload).includes(name))!.payload as { errorCode: number };
    expect(completeFor('data.json').errorCode).toBe(-32);
    expect(completeFor('same-origin.json').errorCode).toBe(0);
    const scripts = ofType(events, 'renderer.script');
    const wrongType = scripts.find((s) => s.url?.includes('wrong-type.js'))!;
    expect(wrongType.ran).toBe(false);
    expect(wrongType.blockedReason).toMatch(/ORB|nosniff/);
    expect(scripts.find((s) => s.url?.includes('real-script.js'))!.ran).toBe(true);
    // The page still loads completely.
    expect(messages(events, 'FrameHost.DidStopLoading').length).toBe(1);
  });

  it('a same-origin nosniff script with a non-JavaScript type is refused by the renderer', async () => {
    const { events } = await navigateAndCollect(session(), 'http://www.naver.com/render/nosniff-script');
    const script = ofType(events, 'renderer.script').find((s) => s.url?.includes('plain-nosniff'));
    expect(script).toBeDefined();
    expect(script!.ran).toBe(false);
    expect(script!.blockedReason).toMatch(/nosniff/);
  });

  it('display:none elements (by style, class or the hidden attribute) are left out of the render tree; visibility:hidden stays', async () => {
    const { events } = await navigateAndCollect(session(), 'http://www.naver.com/render/display');
    const final = ofType(events, 'renderer.render').find((r) => r.stage === 'final')!;
    expect(final).toBeDefined();
    const labels = final.renderTree.nodes.map((n) => n.label);
    const excluded = final.renderTree.excluded;
    const reasonFor = (id: string) => excluded.find((e) => e.label.includes(`#${id}`))?.reason;
    for (const id of ['none-inline', 'none-class', 'none-attribute']) {
      expect(reasonFor(id), `#${id} should be left out`).toMatch(/display/);
      expect(labels.some((l) => l.includes(`#${id}`))).toBe(false);
      expect(final.layout.boxes.some((b) => b.label.includes(`#${id}`))).toBe(false);
    }
    // visibility:hidden keeps its box (it takes up space) but is not painted.
    expect(labels.some((l) => l.includes('#invisible'))).toBe(true);
    const invisible = final.layout.boxes.find((b) => b.label.includes('#invisible'))!;
    expect(invisible.height).toBeGreaterThan(0);
    expect(final.paint.items.some((p) => p.label.includes('#invisible'))).toBe(false);
    // Nested boxes: the inner box lies inside the outer one.
    const outer = final.layout.boxes.find((b) => b.label.includes('#outer'))!;
    const inner = final.layout.boxes.find((b) => b.label.includes('#inner'))!;
    expect(inner.x).toBeGreaterThan(outer.x);
    expect(inner.x + inner.width).toBeLessThan(outer.x + outer.width);
    expect(outer.width).toBeGreaterThanOrEqual(600);
    expect(final.layout.boxes.length).toBeGreaterThan(3);
    expect(final.layout.boxes.every((b) => b.width >= 0 && b.height >= 0)).toBe(true);
    expect(final.paint.count).toBeGreaterThan(0);
  });

  it('a slow stylesheet in <head> delays first paint until it has arrived', async () => {
    const { events } = await navigateAndCollect(session(), 'http://www.naver.com/render/slow-css');
    const firstPaint = ofType(events, 'renderer.render').find((r) => r.stage === 'first-paint')!;
    expect(firstPaint.renderBlocking).toEqual(expect.arrayContaining([expect.stringContaining('slow.css')]));
    const slowDone = messages(events, 'FrameHost.ResourceLoadComplete').find((m) =>
      JSON.stringify(m.payload).includes('slow.css'),
    )!;
    expect(slowDone).toBeDefined();
    // The renderer sent the load-complete for slow.css before it recorded first paint.
    expect(slowDone.seq).toBeLessThan(firstPaint.seq);
    expect(firstPaint.cssom.sheets.map((s) => s.href)).toEqual(
      expect.arrayContaining([expect.stringContaining('slow.css')]),
    );
  });
});
