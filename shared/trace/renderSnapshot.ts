/**
 * What the renderer's rendering pipeline produced at one moment, as the trace
 * stores it: the CSSOM, the render tree (and what was left out of it), the layout
 * boxes in CSS pixels and the paint list. Plain JSON so the window can draw it.
 */

export type ScriptTiming = 'parser-blocking' | 'async' | 'defer' | 'module' | 'inline';

export interface CssRuleSummary {
  selector: string;
  /** [a, b, c] as in Selectors Level 4 (ids, classes/attributes/pseudo-classes, types). */
  specificity: [number, number, number];
  declarations: string[];
}

export interface StyleSheetSummary {
  /** The stylesheet's URL, or "inline <style> #n", or "user agent". */
  href: string;
  ruleCount: number;
  rules: CssRuleSummary[];
  /** Rules or declarations css-tree could not make sense of. */
  parseErrors: number;
}

export interface RenderTreeNodeSummary {
  id: number;
  depth: number;
  /** "div#main.card", or "#text" for a text run. */
  label: string;
  display: string;
  /** The computed values that matter for the pictures (color, background-color, font-size, …). */
  style: Record<string, string>;
}

export interface ExcludedNodeSummary {
  label: string;
  reason: string;
}

export interface LayoutBoxSummary {
  id: number;
  depth: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'block' | 'inline' | 'text' | 'replaced';
}

export interface PaintItemSummary {
  /** fillRect for backgrounds, drawText for text, drawImage for images, strokeRect for borders. */
  op: string;
  boxId: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  text: string | null;
}

export interface RenderSnapshot {
  cssom: { sheets: StyleSheetSummary[]; ruleCount: number };
  renderTree: { nodes: RenderTreeNodeSummary[]; excluded: ExcludedNodeSummary[]; count: number };
  layout: {
    viewportWidth: number;
    viewportHeight: number;
    documentHeight: number;
    boxes: LayoutBoxSummary[];
    truncated: boolean;
  };
  paint: { items: PaintItemSummary[]; count: number; truncated: boolean };
}
