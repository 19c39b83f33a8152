/**
 * Blink's CSSDefaultStyleSheets: the user-agent stylesheet every document starts from,
 * parsed once per process.
 */
import { type CssStyleSheetModel, parseStyleSheet } from './cssStyleSheet.js';

/** A small subset of Chromium's html.css: display types, margins, heading sizes. */
export const USER_AGENT_CSS = `
html, address, blockquote, body, center, dd, details, dialog, dir, div, dl, dt, fieldset, figcaption, figure,
footer, form, h1, h2, h3, h4, h5, h6, header, hgroup, hr, legend, main, menu, nav, ol, p, pre, search, section,
summary, ul, article, aside, listing, plaintext, xmp, optgroup { display: block; }
li { display: list-item; }
table { display: table; }
caption { display: table-caption; }
colgroup { display: table-column-group; }
col { display: table-column; }
thead { display: table-header-group; }
tbody { display: table-row-group; }
tfoot { display: table-footer-group; }
tr { display: table-row; }
td, th { display: table-cell; }
head, script, style, title, meta, link, base, template, noscript, datalist, param, area, source, track,
noembed, noframes, [hidden], input[type="hidden" i], audio:not([controls]) { display: none; }
input, select, textarea, button, meter, progress { display: inline-block; }
body { margin: 8px; }
p, dl, multicol, pre, listing, xmp, plaintext { margin: 1em 0; }
ul, menu, dir, ol { margin: 1em 0; padding-left: 40px; }
ul ul, ol ul, ul ol, ol ol { margin-top: 0; margin-bottom: 0; }
dd { margin-left: 40px; }
blockquote, figure { margin: 1em 40px; }
h1 { font-size: 2em; margin: 0.67em 0; }
h2 { font-size: 1.5em; margin: 0.83em 0; }
h3 { font-size: 1.17em; margin: 1em 0; }
h4 { margin: 1.33em 0; }
h5 { font-size: 0.83em; margin: 1.67em 0; }
h6 { font-size: 0.67em; margin: 2.33em 0; }
h1, h2, h3, h4, h5, h6, b, strong, th, dt { font-weight: bold; }
hr { margin: 0.5em auto; border: 1px inset gray; }
small, sub, sup { font-size: smaller; }
big { font-size: larger; }
center, th { text-align: center; }
pre, xmp, listing, plaintext, textarea { white-space: pre; }
a:link { color: #0000ee; }
input, select, textarea, button { font-size: 13.333px; }
input, textarea, select { border: 2px inset #767676; padding: 1px 2px; background-color: white; }
button { border: 2px outset #767676; padding: 1px 6px; background-color: #efefef; }
table { border-spacing: 2px; }
td, th { padding: 1px; }
fieldset { margin: 0 2px; padding: 0.35em 0.75em 0.625em; border: 2px groove #c0c0c0; }
`;

let userAgentSheet: CssStyleSheetModel | null = null;

export function userAgentStyleSheet(): CssStyleSheetModel {
  userAgentSheet ??= parseStyleSheet(USER_AGENT_CSS, 'user agent');
  return userAgentSheet;
}
