/**
 * "Explain this navigation": the story as one document, in Markdown or as a
 * self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched), for the
 * CLI (`navscope explain`) and the window's Save / export alike.
 */
import { PHASES } from '../trace/phases.js';
import type { NavigationStory } from './navigationStory.js';
import { STORY_TELLERS } from './navigationStory.js';
import { formatMs } from './storyFormat.js';
import { escapeXml, processDiagramSvg, waterfallSvg } from './storySvg.js';

function ms(micros: number | null): string {
  return micros === null ? '—' : (micros / 1000).toFixed(2);
}

function evidence(story: NavigationStory, chapter: NavigationStory['chapters'][number]): string {
  const labels = STORY_TELLERS[story.lang].labels;
  if (chapter.firstSeq === null) return labels.skipped;
  const parts = [`${labels.events} #${chapter.fromSeq}–#${chapter.toSeq}`];
  if (chapter.firstMessageSeq !== null) parts.push(`${labels.firstMessage} #${chapter.firstMessageSeq}`);
  if (chapter.durationMicros !== null) parts.push(formatMs(chapter.durationMicros));
  if (chapter.status === 'failed') parts.push(labels.failed);
  return parts.join(' · ');
}

/** Escapes what Markdown would read as markup in text taken from the trace (intraword _ and # mid-line are plain). */
function md(text: string): string {
  return text.replace(/([\\`*[\]<>|])/g, '\\$1');
}

export function storyMarkdown(story: NavigationStory): string {
  const teller = STORY_TELLERS[story.lang];
  const labels = teller.labels;
  const lines: string[] = [];
  lines.push(`# ${md(story.headline)}`, '');
  lines.push(`*${md(labels.recorded(story.facts.mode, story.facts.wallClock))}*`, '');
  lines.push(`## ${labels.answer}`, '', md(story.answer), '');
  for (const chapter of story.chapters) {
    lines.push(`## ${chapter.number}. ${md(chapter.title)}`, '');
    lines.push(md(chapter.sentences.join(' ')), '');
    lines.push(`<sub>${md(evidence(story, chapter))}</sub>`, '');
  }
  lines.push(`## ${labels.waterfall}`, '');
  lines.push(`| ${labels.phase} | ${labels.startMs} | ${labels.durationMs} |`, '| --- | ---: | ---: |');
  for (const phase of PHASES) {
    const extent = story.facts.phases[phase.id];
    lines.push(
      `| ${md(teller.chapterTitle(phase.id))} | ${extent ? ms(extent.startMicros) : labels.none} | ${extent ? ms(extent.durationMicros) : labels.none} |`,
    );
  }
  lines.push('');
  lines.push(`## ${labels.processes}`, '', `| ${labels.process} | ${labels.pid} |`, '| --- | ---: |');
  for (const p of story.facts.processes) lines.push(`| ${md(p.label)} | ${p.pid ?? labels.none} |`);
  lines.push('');
  return lines.join('\n');
}

const STYLE = `
body{margin:0;background:#f3f5f8;color:#1d2433;font:15px/1.6 'NavScope Hangul',system-ui,'Noto Sans','Noto Sans CJK KR','Apple SD Gothic Neo',sans-serif}
main{max-width:860px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:24px;line-height:1.3;margin:0 0 6px}
.recorded{color:#5c6678;font-size:13px;margin:0 0 20px}
.answer{background:#fff;border-left:4px solid #1a73e8;border-radius:6px;padding:12px 16px;margin:0 0 24px}
section{background:#fff;border:1px solid #d9dee7;border-radius:8px;padding:12px 18px;margin:0 0 12px}
section.skipped{opacity:.75}
section.failed{border-color:#c5221f}
h2{font-size:17px;margin:4px 0 6px}
h2 .n{display:inline-block;min-width:26px;height:26px;border-radius:13px;background:#1a73e8;color:#fff;text-align:center;font-size:14px;line-height:26px;margin-right:8px}
section.failed h2 .n{background:#c5221f}
section.skipped h2 .n{background:#9aa3b2}
.evidence{color:#5c6678;font-size:12px;margin:6px 0 0}
figure{background:#fff;border:1px solid #d9dee7;border-radius:8px;margin:18px 0;padding:12px;overflow-x:auto}
figcaption{font-weight:600;margin:0 0 8px}
html:lang(ko) body{word-break:keep-all;overflow-wrap:break-word}
`;

export interface HtmlOptions {
  /**
   * A data: URL of a Korean font to embed (for machines without one); omitted when not given. It comes
   * first in the font stack, limited to Hangul: Chromium keeps boxes for Hangul laid out while a
   * fallback face further down the stack was still loading.
   */
  koreanFontDataUrl?: string | null;
}

export function storyHtml(story: NavigationStory, options: HtmlOptions = {}): string {
  const teller = STORY_TELLERS[story.lang];
  const labels = teller.labels;
  const font = options.koreanFontDataUrl
    ? `@font-face{font-family:'NavScope Hangul';font-display:block;src:url(${options.koreanFontDataUrl}) format('woff2');unicode-range:U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7A3,U+D7B0-D7FF}`
    : '';
  const chapters = story.chapters
    .map(
      (c) =>
        `<section class="${c.status}" data-phase="${c.phase}"><h2><span class="n">${c.number}</span>${escapeXml(c.title)}</h2><p>${escapeXml(c.sentences.join(' '))}</p><p class="evidence">${escapeXml(evidence(story, c))}</p></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${story.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(story.headline)}</title>
<style>${font}${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeXml(story.headline)}</h1>
<p class="recorded">${escapeXml(labels.recorded(story.facts.mode, story.facts.wallClock))}</p>
<div class="answer"><strong>${escapeXml(labels.answer)}</strong><p>${escapeXml(story.answer)}</p></div>
<figure data-figure="processes"><figcaption>${escapeXml(labels.processes)}</figcaption>${processDiagramSvg(story.facts, teller)}</figure>
${chapters}
<figure data-figure="waterfall"><figcaption>${escapeXml(labels.waterfall)}</figcaption>${waterfallSvg(story.facts, teller)}</figure>
</main>
</body>
</html>
`;
}
