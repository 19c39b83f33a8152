/**
 * Korean on a machine without CJK fonts: Chromium is given a fontconfig that rejects
 * every font covering Korean (CI installs fonts-noto-cjk; this hides it), so Hangul can
 * only come from the web font the window ships (renderer/src/styles/fonts.css).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { temporaryFolder } from '../support/temporaryFolder.js';
import { ARTIFACTS, type WindowSession, describeWindow, navigate } from './chromiumHarness.js';

function fontconfigWithoutKorean(): { env: Record<string, string> } {
  const folder = temporaryFolder('navscope-fonts-');
  const file = path.join(folder, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont>
      <pattern><patelt name="lang"><string>ko</string></patelt></pattern>
    </rejectfont>
  </selectfont>
</fontconfig>
`,
  );
  return { env: { FONTCONFIG_FILE: file } };
}

/** Draws two different syllables with a font and says whether the pictures differ (tofu boxes are all alike). */
function glyphsDiffer(page: WindowSession['page'], font: string): Promise<boolean> {
  return page.evaluate(async (fontFamily) => {
    await document.fonts.load(`32px ${fontFamily}`, '가나');
    const draw = (text: string): string => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d')!;
      context.font = `32px ${fontFamily}`;
      context.fillText(text, 4, 36);
      return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
    };
    return draw('가') !== draw('나');
  }, font);
}

describeWindow(
  'Korean without system CJK fonts (web host)',
  (window) => {
    let w: WindowSession;
    beforeAll(() => {
      w = window();
    });

    it('this Chromium has no Korean font of its own: Hangul is drawn as alike boxes without the web font', async () => {
      expect(await glyphsDiffer(w.page, '"DejaVu Sans", sans-serif')).toBe(false);
    });

    it('shows the Korean window with the bundled Noto Sans KR, served by the window itself', async () => {
      const { page, host } = w;
      await navigate(page, 'www.google.com', host);
      await page.getByTestId('language').selectOption('ko');
      await expect.poll(() => page.locator('.panel-title').first().textContent()).toMatch(/[가-힣]/);
      await page.evaluate(() => document.fonts.ready);
      // The face was needed and loaded: nothing earlier in the font stack had Hangul.
      const faces = await page.evaluate(() =>
        [...document.fonts].filter((f) => f.family.includes('NavScope Hangul')).map((f) => `${f.weight} ${f.status}`),
      );
      expect(faces).toContain('400 loaded');
      // With the window's own font stack, two syllables are two different glyphs…
      const stack = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(stack).toContain('NavScope Hangul');
      expect(await glyphsDiffer(page, stack)).toBe(true);
      // …and a Korean label is laid out wider or narrower than the same label in tofu boxes.
      const widths = await page.evaluate(() => {
        const label = [...document.querySelectorAll('button, h2, label')].find((e) =>
          /^[가-힣\s]+$/.test(e.textContent?.trim() ?? ''),
        ) as HTMLElement | undefined;
        if (!label) return null;
        const measure = (family: string | null): number => {
          const span = document.createElement('span');
          span.textContent = label.textContent!.trim();
          span.style.position = 'absolute';
          span.style.whiteSpace = 'nowrap';
          if (family) span.style.fontFamily = family;
          document.body.append(span);
          const width = span.getBoundingClientRect().width;
          span.remove();
          return width;
        };
        return { text: label.textContent!.trim(), shown: measure(null), tofu: measure('"DejaVu Sans"') };
      });
      expect(widths, 'a label written only in Hangul').not.toBeNull();
      expect(Math.abs(widths!.shown - widths!.tofu), `"${widths!.text}"`).toBeGreaterThan(2);
      // The font came from the window's own origin (no network, font-src 'self').
      const fontRequests = w.requests.filter((url) => url.endsWith('.woff2'));
      expect(fontRequests.length).toBeGreaterThan(0);
      for (const url of fontRequests) expect(new URL(url).origin).toBe(new URL(host.url).origin);
      // Every Hangul text shown (HTML and SVG, every size and weight) is drawn with real glyphs.
      const tofu = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const bad: string[] = [];
        let checked = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const parent = node.parentElement;
          if (!parent || !/[가-힣]/.test(text) || parent.getClientRects().length === 0) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const shown = range.getBoundingClientRect().width;
          const style = getComputedStyle(parent);
          const probe = document.createElement('span');
          probe.textContent = text;
          probe.style.cssText = `position:absolute;white-space:pre;font-size:${style.fontSize};font-weight:${style.fontWeight};font-family:"DejaVu Sans"`;
          document.body.append(probe);
          const boxes = probe.getBoundingClientRect().width;
          probe.remove();
          checked++;
          if (Math.abs(shown - boxes) < 1)
            bad.push(`${text.trim().slice(0, 40)} (${style.fontSize} ${style.fontWeight})`);
        }
        return { checked, bad };
      });
      expect(tofu.checked).toBeGreaterThan(20);
      expect(tofu.bad).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'window-ko-without-cjk-fonts.png') });
      expect(w.problems).toEqual([]);
    });
  },
  undefined,
  fontconfigWithoutKorean,
);
