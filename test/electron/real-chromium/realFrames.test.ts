/**
 * The model's site isolation checked against a real Chromium (issue 20): the lab's
 * frame pages recorded with the real-Chromium recorder in lab mode, and the same pages
 * loaded by NavScope's model. Both must use the same number of renderer processes for
 * the page and put the same frames together: Debian's Chromium isolates every site on
 * desktop, as the model does. The real frames and their processes come from the
 * trace's RenderFrameHost descriptions (shared/real/realFrameTree.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { Lab } from '../../../electron/lab/lab.js';
import { recordRealChromium } from '../../../electron/real-chromium/realChromiumRecorder.js';
import { parseChromeTrace } from '../../../shared/real/chromeTraceParser.js';
import { type RealFrame, realFrames } from '../../../shared/real/realFrameTree.js';
import { foldTrace, framesOfTab } from '../../../shared/trace/browserViewState.js';
import { siteForUrl } from '../../../shared/web/siteInfo.js';
import { describeWithChromium } from '../support/chromiumSuite.js';

const PAGES = [
  'https://www.naver.com/frames',
  'https://www.naver.com/frames/nested',
  'https://www.naver.com/frames/five',
];

/** Frames grouped by the process hosting them: for each process, its frames' sites, sorted. */
function partition(frames: { site: string; process: string | number }[]): string[][] {
  const byProcess = new Map<string | number, string[]>();
  for (const frame of frames) byProcess.set(frame.process, [...(byProcess.get(frame.process) ?? []), frame.site]);
  return [...byProcess.values()].map((sites) => sites.sort()).sort((a, b) => a.join().localeCompare(b.join()));
}

/** The page's main frame (its URL's origin, no parent) and its descendants. */
function pageFrames(frames: RealFrame[], url: string): RealFrame[] {
  const main = frames.find((f) => f.parentId === null && f.origin === new URL(url).origin);
  if (!main) return [];
  const found = [main];
  for (let grew = true; grew;) {
    grew = false;
    for (const frame of frames)
      if (!found.includes(frame) && found.some((f) => f.frameTreeNodeId === frame.parentId)) {
        found.push(frame);
        grew = true;
      }
  }
  return found;
}

describeWithChromium('site isolation: the model against a real Chromium', () => {
  let lab: Lab;
  const real = new Map<string, string[][]>();
  const model = new Map<string, string[][]>();

  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
    for (const url of PAGES) {
      const recording = await recordRealChromium({ urls: [url], lab: lab.config });
      expect(recording.metadata.pages[0]).toMatchObject({ error: null, status: 200 });
      const frames = pageFrames(realFrames(await parseChromeTrace(recording.trace)), url);
      real.set(url, partition(frames.map((f) => ({ site: siteForUrl(f.origin), process: f.pid }))));
      const session = await BrowserSession.start({ lab });
      try {
        const result = await session.browser.webContents.navigateFromOmnibox(url);
        expect(result.outcome).toBe('loaded');
        const state = foldTrace(session.browser.recorder.events);
        model.set(url, partition(framesOfTab(state, 1).map((f) => ({ site: f.site, process: f.processId ?? '?' }))));
      } finally {
        await session.stop();
      }
    }
  }, 240_000);

  afterAll(async () => {
    await lab?.stop();
  });

  it('puts /frames in two processes: naver with its naver iframe, google alone', () => {
    const expected = [['https://google.com'], ['https://naver.com', 'https://naver.com']];
    expect(real.get(PAGES[0]!)).toEqual(expected);
    expect(model.get(PAGES[0]!)).toEqual(expected);
  });

  it('puts the inner naver frame of A → B → A in the outer naver page’s process', () => {
    const expected = [['https://google.com'], ['https://naver.com', 'https://naver.com']];
    expect(real.get(PAGES[1]!)).toEqual(expected);
    expect(model.get(PAGES[1]!)).toEqual(expected);
  });

  it('gives five cross-site iframes five processes besides the page’s: six, in both', () => {
    expect(real.get(PAGES[2]!)).toHaveLength(6);
    expect(model.get(PAGES[2]!)).toEqual(real.get(PAGES[2]!));
  });
});
