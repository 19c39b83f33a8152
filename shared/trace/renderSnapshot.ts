/**
 * What the renderer's rendering pipeline produced at one moment, as the trace
 * stores it: the CSSOM, the render tree (and what was left out of it), the layout
 * boxes in CSS pixels and the paint list. Plain JSON so the window can draw it;
 * declared with the schema tools so the window checks it as it checks every event.
 */
import { MAX_TRACE_STRING } from '../base/json.js';
import * as s from '../base/schema.js';

const text = s.string({ maxLength: MAX_TRACE_STRING });
const finite = s.number({ finite: true });
const int = s.number({ integer: true });
const many = { maxLength: 100_000 };

export const scriptTiming = s.literal('parser-blocking', 'async', 'defer', 'module', 'inline');
export type ScriptTiming = s.Infer<typeof scriptTiming>;

export const cssRuleSummary = s.object({
  selector: text,
  /** [a, b, c] as in Selectors Level 4 (ids, classes/attributes/pseudo-classes, types). */
  specificity: s.tuple(int, int, int),
  declarations: s.array(text, many),
});
export type CssRuleSummary = s.Infer<typeof cssRuleSummary>;

export const styleSheetSummary = s.object({
  /** The stylesheet's URL, or "inline <style> #n", or "user agent". */
  href: text,
  ruleCount: int,
  rules: s.array(cssRuleSummary, many),
  /** Rules or declarations css-tree could not make sense of. */
  parseErrors: int,
});
export type StyleSheetSummary = s.Infer<typeof styleSheetSummary>;

export const renderTreeNodeSummary = s.object({
  id: int,
  depth: int,
  /** The element's tag, or "#text". */
  tag: text,
  /** "div#main.card", or "#text" for a text run. */
  label: text,
  display: text,
  /** A text run's text (bounded). */
  text: s.optional(text),
  /** The computed values that matter for the pictures (color, background-color, font-size, …). */
  style: s.record(text),
});
export type RenderTreeNodeSummary = s.Infer<typeof renderTreeNodeSummary>;

export const excludedNodeSummary = s.object({ label: text, reason: text });
export type ExcludedNodeSummary = s.Infer<typeof excludedNodeSummary>;

export const layoutBoxSummary = s.object({
  id: int,
  depth: int,
  /** The element's tag, or "#text". */
  tag: text,
  label: text,
  /** A text run's text on this line (bounded). */
  text: s.optional(text),
  /** An image's resolved URL (bounded). */
  src: s.optional(text),
  x: finite,
  y: finite,
  width: finite,
  height: finite,
  kind: s.literal('block', 'inline', 'text', 'replaced'),
});
export type LayoutBoxSummary = s.Infer<typeof layoutBoxSummary>;

export const paintItemSummary = s.object({
  /** fillRect for backgrounds, drawText for text, drawImage for images, strokeRect for borders. */
  op: text,
  boxId: int,
  label: text,
  x: finite,
  y: finite,
  width: finite,
  height: finite,
  color: text,
  text: s.nullable(text),
});
export type PaintItemSummary = s.Infer<typeof paintItemSummary>;

export const renderSnapshotShape = {
  cssom: s.object({ sheets: s.array(styleSheetSummary, many), ruleCount: int }),
  renderTree: s.object({
    nodes: s.array(renderTreeNodeSummary, many),
    excluded: s.array(excludedNodeSummary, many),
    count: int,
  }),
  layout: s.object({
    viewportWidth: finite,
    viewportHeight: finite,
    documentHeight: finite,
    boxes: s.array(layoutBoxSummary, many),
    truncated: s.boolean(),
  }),
  paint: s.object({ items: s.array(paintItemSummary, many), count: int, truncated: s.boolean() }),
} as const;

export type RenderSnapshot = s.ObjectOf<typeof renderSnapshotShape>;
