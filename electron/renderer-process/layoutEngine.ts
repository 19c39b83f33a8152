/**
 * Blink's layout (LayoutNG), reduced to a simplified block-and-inline layout NavScope
 * can show: the render tree (layoutTreeBuilder.ts) laid out in CSS px at a viewport
 * size (the initial containing block), as Blink splits the work —
 * - block layout (blockLayout.ts): block boxes stacked in normal flow, margins,
 *   borders, padding, sizes, margin collapsing, atomic inlines shrink-to-fit;
 * - inline layout (inlineLayout.ts, inlineItemsBuilder.ts, lineBreaker.ts): line boxes
 *   with greedy wrapping at spaces (and between CJK characters), white-space
 *   collapsing, `<br>`, `text-align`;
 * - one ConstraintSpace (constraintSpace.ts) says what each box is laid out in;
 *   lengths resolve against it as lengthUtils.ts says; glyphs are measured by
 *   fontMetrics.ts (not shaped: 0.55 × font-size per character, 1 × for CJK).
 *
 * Atomic inlines: inline-block (and inline-flex/-grid/-table) boxes use shrink-to-fit
 * width; replaced elements use their CSS width/height (where the `width`/`height`
 * attributes arrive as presentational hints), else the image's natural size when the
 * caller knows it, else 0×0 for an image whose pixels were not decoded, 300×150 for
 * iframe/video/canvas/svg/object/embed.
 *
 * Not modelled: floats and positioning (laid out in flow), flex and grid formatting
 * (stacked as blocks), tables (rows and cells stacked as blocks), list markers, overflow
 * and scrolling, vertical-align other than baseline.
 */
import { BlockLayout } from './blockLayout.js';
import type { LayoutBox } from './layoutBox.js';
import type { RenderTree } from './layoutTreeBuilder.js';
import { metricsOf } from './lengthUtils.js';

export interface LayoutOptions {
  viewportWidth?: number;
  viewportHeight?: number;
}

export interface LayoutResult {
  viewport: { width: number; height: number };
  /** The scrollable height: the content's height, at least the viewport's. */
  documentHeight: number;
  /** The bottom of the root element's margin box. */
  contentHeight: number;
  /** Boxes in tree order (fragments of one object in line order). */
  boxes: LayoutBox[];
}

/** Lays out the render tree at a viewport size (default 1280 × 720). */
export function layoutRenderTree(tree: RenderTree, options: LayoutOptions = {}): LayoutResult {
  const viewportWidth = options.viewportWidth ?? 1280;
  const viewportHeight = options.viewportHeight ?? 720;
  const layout = new BlockLayout();
  const boxes: LayoutBox[] = [];
  let contentHeight = 0;
  const root = tree.root;
  if (root) {
    const m = metricsOf(root.style, viewportWidth);
    const top = m.margin.top ?? 0;
    const space = { x: 0, y: top, width: viewportWidth, height: viewportHeight, atomicOwner: null };
    const box = layout.layoutBlock(root, space, boxes);
    contentHeight = top + box.height + (m.margin.bottom ?? 0);
  }
  return {
    viewport: { width: viewportWidth, height: viewportHeight },
    documentHeight: Math.max(viewportHeight, contentHeight),
    contentHeight,
    boxes,
  };
}
