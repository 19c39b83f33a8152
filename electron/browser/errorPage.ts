/**
 * Chromium's net error page ("This site can't be reached"), made by the browser and
 * committed into the error-page process. Every piece of text is escaped.
 */
import type { NetErrorInfo } from '../../shared/net/netError.js';

/** The site of error pages: their own process, never a web site's (chrome-error://chromewebdata). */
export const ERROR_PAGE_SITE = 'chrome-error://chromewebdata';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function errorPageHtml(url: string, error: NetErrorInfo): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(host)}</title></head>
<body>
<main id="main-frame-error">
<h1>This site can’t be reached</h1>
<p>${escape(host)}: ${escape(error.detail)}</p>
<p id="error-code">${escape(error.name)}</p>
</main>
</body></html>`;
}
