import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTraceFileText } from '../../shared/trace/traceFile.js';
import { buildRendererView, isRendererStep } from '../../renderer/src/viz/rendererView.js';

const demo = parseTraceFileText(
  readFileSync(path.resolve(__dirname, '../../renderer/src/demos/www.naver.com.json'), 'utf8'),
).events;
// Two navigations in one trace: the second document's view must not carry the first one's rows.
const twice = [...demo, ...demo.map((e) => ({ ...e, seq: e.seq + demo.length, ts: e.ts + 10_000_000 }))];

describe('"Inside the renderer" while stepping', () => {
  it("continues the last step's view going forward and shows the same as one built from scratch, both ways", () => {
    const steps = twice.filter((e) => isRendererStep(twice, e));
    expect(steps.length).toBeGreaterThan(10);
    const orders = [steps, [...steps].reverse()];
    for (const order of orders) {
      // Stepped one after the other (each continues the last when it can)…
      const stepped = order.map((step) => buildRendererView(twice, step.seq, step.seq + 1));
      // …and each built from its commit (a copy of the list: nothing to continue).
      const fresh = order.map((step) => buildRendererView(twice.slice(), step.seq, step.seq + 1));
      expect(stepped).toEqual(fresh);
    }
    const last = steps[steps.length - 1]!;
    const view = buildRendererView(twice, last.seq, twice.length)!;
    expect(view.commitSeq).toBeGreaterThanOrEqual(demo.length);
    expect(view.subresources.map((r) => r.url).some((url) => url.includes('naver.css'))).toBe(true);
  });

  it('gives each step its own view object, so a panel sees the change', () => {
    // The first renderer step that has a committed document to show (CreateView and
    // CommitNavigation come before the commit's reply).
    const step = twice.find((e) => isRendererStep(twice, e) && buildRendererView(twice, e.seq, e.seq + 1))!;
    const a = buildRendererView(twice, step.seq, step.seq + 1);
    const b = buildRendererView(twice, step.seq, step.seq + 1);
    expect(a).not.toBeNull();
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});
