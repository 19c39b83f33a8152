import { LAB_ORDINARY_SITES } from './labZones.js';
import { html, labPage } from './labPages.js';
import type { LabRoute } from './labPages.js';

/**
 * Pages with iframes, for site isolation (`/frames…` on www.naver.com, their
 * cross-site children on www.google.com). Plain data, like labSites.ts.
 *
 * - `/frames`: a same-site iframe (www.naver.com, stays in the page's process) and a
 *   cross-site one (www.google.com, an out-of-process iframe in its own process, with a
 *   RenderFrameProxy left in the page's process).
 * - `/frames/nested`: A → B → A: naver embeds google, which embeds naver again; the
 *   inner naver frame shares the outer page's process (same site, same tab).
 * - `/frames/five`: five cross-site iframes from five lab sites: six renderer processes.
 */

const NAVER = 'www.naver.com';
const GOOGLE = 'www.google.com';

const frameCss = `iframe { display: block; width: 420px; height: 120px; border: 1px solid #999; margin: 8px 0; }`;

const framePage = (site: string, title: string, content: string): string =>
  labPage({ site, title, head: `<style>${frameCss}</style>\n`, content });

/** The sites of `/frames/five`'s iframes. */
export const FIVE_FRAME_HOSTS = LAB_ORDINARY_SITES.slice(0, 5).map((site) => site.host);

export const naverFrameRoutes: Record<string, LabRoute> = {
  '/frames': html(
    framePage(
      NAVER,
      'Frames: same-site and cross-site',
      `<h1>Two iframes</h1>
<p>The first iframe is from www.naver.com, this page's own site: its document lives in this page's renderer process.
The second is from www.google.com, another site: under site isolation it gets its own renderer process (an out-of-process iframe),
and this page's process keeps only a RenderFrameProxy in its place. This page's load event waits for both.</p>
<iframe name="same-site" src="/frames/child"></iframe>
<iframe name="cross-site" src="https://${GOOGLE}/frames/embed"></iframe>`,
    ),
  ),
  '/frames/child': html(
    framePage(
      NAVER,
      'A same-site frame',
      `<h1>www.naver.com inside www.naver.com</h1>
<p>Same site as its parent: it shares the parent's renderer process.</p>`,
    ),
  ),
  '/frames/nested': html(
    framePage(
      NAVER,
      'Frames: A inside B inside A',
      `<h1>A → B → A</h1>
<p>This naver page embeds a google page, which embeds a naver page again. The innermost frame is naver's, like this page:
it shares this page's process, not google's, although its parent is in google's process.</p>
<iframe name="b" src="https://${GOOGLE}/frames/nested-b" style="height: 240px"></iframe>`,
    ),
  ),
  '/frames/five': html(
    framePage(
      NAVER,
      'Frames: five cross-site iframes',
      `<h1>Five cross-site iframes</h1>
<p>Each iframe is from another site, so each gets its own renderer process: with this page's, six.</p>
${FIVE_FRAME_HOSTS.map((host, i) => `<iframe name="site${i + 1}" src="https://${host}/"></iframe>`).join('\n')}`,
    ),
  ),
};

export const googleFrameRoutes: Record<string, LabRoute> = {
  '/frames/embed': html(
    framePage(
      GOOGLE,
      'A cross-site frame',
      `<h1>www.google.com inside www.naver.com</h1>
<p>Another site than its parent: this document lives in google's renderer process, and the parent's process holds a proxy for it.</p>`,
    ),
  ),
  '/frames/nested-b': html(
    framePage(
      GOOGLE,
      'B, between two As',
      `<h1>B: www.google.com</h1>
<p>Embedded by naver, embedding naver.</p>
<iframe name="a-again" src="https://${NAVER}/frames/child"></iframe>`,
    ),
  ),
};
