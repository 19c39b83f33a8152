/**
 * Blink's paint phase, reduced to a display list NavScope can draw: rectangles for
 * backgrounds, border boxes, text runs and images, in painting order.
 *
 * Order (CSS 2.1 Appendix E, simplified; no positioning, floats or z-index, so the
 * whole page is one stacking context in document order):
 *   0. the canvas: the root element's background, or the body's when the root has
 *      none (that background then does not paint again on its own box), or white;
 *   1. backgrounds and borders of block-level boxes, in tree order;
 *   2. inline content, in tree order: inline boxes' backgrounds and borders, text
 *      runs, images; an inline-block paints atomically at its place in the line
 *      (its own background and border, then steps 1–2 for its content).
 * Boxes with `visibility: hidden` take space but paint nothing (their children may
 * be visible again and do paint).
 */
import type { LayoutBox } from './layoutBox.js';
import type { LayoutResult } from './layoutEngine.js';

export type PaintOp = 'rect' | 'border' | 'text' | 'image';

export interface PaintItem {
  op: PaintOp;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Background color (rect), border color (border, the top side's), text color (text). */
  color?: string;
  /** Text runs: the text (bounded). */
  text?: string;
  /** Text runs: font size (px) and weight. */
  fontSize?: number;
  fontWeight?: number;
  /** Images: the image URL. */
  src?: string;
  /** Borders: widths in px. */
  borderWidths?: { top: number; right: number; bottom: number; left: number };
  /** The layout box (LayoutObject id) this item paints; absent for the canvas. */
  boxId?: number;
  /** The box's label ("div#main.card", "#text"); "canvas" for the canvas. */
  label: string;
}

function isTransparent(color: string): boolean {
  const c = color.replace(/\s+/g, '').toLowerCase();
  return (
    c === 'transparent' ||
    /^#([0-9a-f]{3}0|[0-9a-f]{6}00)$/.test(c) ||
    /^(rgba|hsla)\(.*,0(\.0*)?\)$/.test(c) ||
    /\/0(\.0*)?\)$/.test(c)
  );
}

function paintBackgroundAndBorder(box: LayoutBox, out: PaintItem[], skipBackground: boolean): void {
  const s = box.style;
  if (!skipBackground && !isTransparent(s.backgroundColor) && box.width > 0 && box.height > 0) {
    out.push({
      op: 'rect',
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      color: s.backgroundColor,
      boxId: box.id,
      label: box.label,
    });
  }
  const w = s.borderWidth;
  if ((w.top > 0 || w.right > 0 || w.bottom > 0 || w.left > 0) && box.width > 0 && box.height > 0) {
    const color =
      w.top > 0
        ? s.borderColor.top
        : w.right > 0
          ? s.borderColor.right
          : w.bottom > 0
            ? s.borderColor.bottom
            : s.borderColor.left;
    if (!isTransparent(color)) {
      out.push({
        op: 'border',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        color,
        borderWidths: { ...w },
        boxId: box.id,
        label: box.label,
      });
    }
  }
}

/** The display list for a layout, in painting order. */
export function buildPaintList(layout: LayoutResult): PaintItem[] {
  const out: PaintItem[] = [];
  const byOwner = new Map<number | null, LayoutBox[]>();
  for (const box of layout.boxes) {
    const list = byOwner.get(box.atomicOwner);
    if (list) list.push(box);
    else byOwner.set(box.atomicOwner, [box]);
  }

  // 0. The canvas, with the root's (or body's) background propagated to it.
  const top = byOwner.get(null) ?? [];
  const root = top[0] ?? null;
  const body = top.find((b) => b.tag === 'body' && root !== null && b.depth === root.depth + 1) ?? null;
  let propagated: LayoutBox | null = null;
  if (root && !isTransparent(root.style.backgroundColor)) propagated = root;
  else if (body && !isTransparent(body.style.backgroundColor)) propagated = body;
  out.push({
    op: 'rect',
    x: 0,
    y: 0,
    width: layout.viewport.width,
    height: layout.documentHeight,
    color: propagated?.style.backgroundColor ?? 'white',
    label: 'canvas',
  });

  const visible = (box: LayoutBox): boolean => box.style.visibility !== 'hidden';

  const paintContext = (owner: number | null): void => {
    const boxes = byOwner.get(owner) ?? [];
    // 1. Block-level backgrounds and borders.
    for (const box of boxes) {
      if (box.level === 'block' && box.kind !== 'text' && visible(box))
        paintBackgroundAndBorder(box, out, box === propagated);
    }
    // 2. Inline content (and the content of block-level images).
    for (const box of boxes) {
      if (!visible(box)) {
        if (box.kind === 'inline-block' || (box.kind === 'image' && box.level === 'inline')) paintContext(box.id); // visible descendants still paint
        continue;
      }
      if (box.kind === 'text') {
        if (box.text && box.text.trim() !== '')
          out.push({
            op: 'text',
            x: box.x,
            y: box.y,
            width: box.width,
            height: box.height,
            color: box.style.color,
            text: box.text,
            fontSize: box.style.fontSize,
            fontWeight: box.style.fontWeight,
            boxId: box.id,
            label: box.label,
          });
      } else if (box.kind === 'image') {
        if (box.level === 'inline') paintBackgroundAndBorder(box, out, false);
        const s = box.style;
        const x = box.x + s.borderWidth.left + paddingPx(s.padding.left);
        const y = box.y + s.borderWidth.top + paddingPx(s.padding.top);
        const width =
          box.width - s.borderWidth.left - s.borderWidth.right - paddingPx(s.padding.left) - paddingPx(s.padding.right);
        const height =
          box.height -
          s.borderWidth.top -
          s.borderWidth.bottom -
          paddingPx(s.padding.top) -
          paddingPx(s.padding.bottom);
        if (width > 0 && height > 0) {
          const item: PaintItem = { op: 'image', x, y, width, height, boxId: box.id, label: box.label };
          if (box.src) item.src = box.src;
          out.push(item);
        }
      } else if (box.kind === 'inline-block' && box.level === 'inline') {
        paintBackgroundAndBorder(box, out, false);
        paintContext(box.id);
      } else if (box.kind === 'inline') {
        paintBackgroundAndBorder(box, out, false);
      }
    }
  };
  paintContext(null);
  return out;
}

/** Padding in px as laid out (percentages are rare on images; they resolve to 0 here). */
function paddingPx(length: LayoutBox['style']['padding']['left']): number {
  return length.type === 'px' ? length.value : 0;
}
