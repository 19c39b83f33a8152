/**
 * Blink's BlockLayoutAlgorithm, reduced: block-level boxes stack vertically in normal
 * flow — margins, borders, padding, `width`/`height` (px or % of the containing block),
 * `box-sizing`, `min-`/`max-width`/`-height`, `margin: auto` centering. Vertical
 * margins of adjacent siblings collapse (max of positives + min of negatives); margins
 * of a parent and its first/last child, and through empty blocks, do not. A block with
 * both block and inline children wraps each run of inline children in an anonymous
 * block (not reported as a box), laid out by inline layout. Atomic inlines
 * (inline-block and the like) are laid out here too, shrink-to-fit, with the intrinsic
 * (min-/max-content) widths that needs.
 */
import type { ConstraintSpace } from './constraintSpace.js';
import type { AtomicLayout } from './inlineItemsBuilder.js';
import { type AtomicInlineLayout, InlineLayout } from './inlineLayout.js';
import { type LayoutBox, layoutBoxFor } from './layoutBox.js';
import type { LayoutObject } from './layoutTreeBuilder.js';
import { clampSize, contentSize, horizontalExtras, metricsOf, replacedSize, verticalExtras } from './lengthUtils.js';

type ChildGroup = { type: 'block'; object: LayoutObject } | { type: 'inline'; objects: LayoutObject[] };

/** A block container's children: each block-level child, and each run of inline-level ones (an anonymous block). */
function groupChildren(children: readonly LayoutObject[]): ChildGroup[] {
  const groups: ChildGroup[] = [];
  let run: LayoutObject[] = [];
  for (const child of children) {
    if (child.level === 'block') {
      if (run.length > 0) groups.push({ type: 'inline', objects: run });
      run = [];
      groups.push({ type: 'block', object: child });
    } else {
      run.push(child);
    }
  }
  if (run.length > 0) groups.push({ type: 'inline', objects: run });
  return groups;
}

function collapseMargins(a: number, b: number): number {
  return Math.max(0, a, b) + Math.min(0, a, b);
}

/** Block layout for one layout pass (it keeps the intrinsic widths it has computed). */
export class BlockLayout implements AtomicInlineLayout {
  /** min-/max-content widths do not depend on the containing block (percentages count as 0): computed once per object. */
  private readonly intrinsic = new Map<LayoutObject, { min: number; max: number }>();
  private readonly inline = new InlineLayout(this);

  /** Lays out a block-level box with its border box's top at `space.y`. */
  layoutBlock(object: LayoutObject, space: ConstraintSpace, sink: LayoutBox[]): LayoutBox {
    const { x: cbX, y: top, width: cbWidth, height: cbHeight } = space;
    const m = metricsOf(object.style, cbWidth);
    const style = object.style;
    const hExtras = horizontalExtras(m);
    const vExtras = verticalExtras(m);
    let contentWidth: number;
    let replacedHeight: number | null = null;
    let specified: boolean;
    if (object.replaced) {
      const size = replacedSize(object, m, cbWidth, cbHeight);
      contentWidth = size.width;
      replacedHeight = size.height;
      specified = true;
    } else {
      const w = contentSize(style.width, cbWidth, style, hExtras);
      specified = w !== null;
      contentWidth = w ?? Math.max(0, cbWidth - (m.margin.left ?? 0) - (m.margin.right ?? 0) - hExtras);
      const clamped = clampSize(contentWidth, style.minWidth, style.maxWidth, cbWidth, style, hExtras);
      if (clamped !== contentWidth) specified = true;
      contentWidth = clamped;
    }
    let marginLeft = m.margin.left ?? 0;
    if (specified) {
      // Over-constrained or auto margins (CSS 2.1 §10.3.3, left-to-right).
      const remaining = cbWidth - contentWidth - hExtras - (m.margin.left ?? 0) - (m.margin.right ?? 0);
      if (m.margin.left === null && m.margin.right === null) marginLeft = Math.max(0, remaining / 2);
      else if (m.margin.left === null) marginLeft = remaining;
    }
    const x = cbX + marginLeft;
    const box = layoutBoxFor(object, { x, y: top, width: contentWidth + hExtras, height: 0 }, space.atomicOwner);
    sink.push(box);
    let contentHeight: number;
    if (replacedHeight !== null) {
      contentHeight = replacedHeight;
    } else {
      const specifiedHeight = contentSize(style.height, cbHeight, style, vExtras);
      const laidOut = this.layoutChildren(
        object,
        {
          x: x + m.border.left + m.padding.left,
          y: top + m.border.top + m.padding.top,
          width: contentWidth,
          height: specifiedHeight,
          atomicOwner: space.atomicOwner,
        },
        sink,
      );
      contentHeight = clampSize(specifiedHeight ?? laidOut, style.minHeight, style.maxHeight, cbHeight, style, vExtras);
    }
    box.height = contentHeight + vExtras;
    return box;
  }

  /** Lays out a block container's children in its content box (`space`); returns the content height. */
  layoutChildren(container: LayoutObject, space: ConstraintSpace, sink: LayoutBox[]): number {
    const { y, width } = space;
    let cursor = y;
    let pendingMargin = 0;
    for (const group of groupChildren(container.children)) {
      if (group.type === 'inline') {
        const scratch: LayoutBox[] = [];
        const h = this.inline.layout(group.objects, container.style, { ...space, y: cursor + pendingMargin }, scratch);
        if (h === 0 && scratch.every((b) => b.width === 0)) {
          // Only collapsible whitespace: no line boxes, margins collapse through it.
          sink.push(...scratch);
          continue;
        }
        sink.push(...scratch);
        cursor += pendingMargin + h;
        pendingMargin = 0;
        continue;
      }
      const child = group.object;
      const m = metricsOf(child.style, width);
      const top = cursor + collapseMargins(pendingMargin, m.margin.top ?? 0);
      const box = this.layoutBlock(child, { ...space, y: top }, sink);
      cursor = top + box.height;
      pendingMargin = m.margin.bottom ?? 0;
    }
    return cursor + pendingMargin - y;
  }

  /** Lays out an atomic inline with its border box at (0, 0), for the line to place. */
  layoutAtomic(object: LayoutObject, cbWidth: number): AtomicLayout {
    const m = metricsOf(object.style, cbWidth);
    const style = object.style;
    const hExtras = horizontalExtras(m);
    const vExtras = verticalExtras(m);
    const marginLeft = m.margin.left ?? 0;
    const marginRight = m.margin.right ?? 0;
    const marginTop = m.margin.top ?? 0;
    const marginBottom = m.margin.bottom ?? 0;
    const boxes: LayoutBox[] = [];
    let width: number;
    let height: number;
    if (object.replaced) {
      const size = replacedSize(object, m, cbWidth, null);
      const box = layoutBoxFor(
        object,
        { x: 0, y: 0, width: size.width + hExtras, height: size.height + vExtras },
        null,
      );
      boxes.push(box);
      width = box.width;
      height = box.height;
    } else {
      const specifiedWidth = contentSize(style.width, cbWidth, style, hExtras);
      let contentWidth = specifiedWidth;
      if (contentWidth === null) {
        // Shrink-to-fit (CSS 2.1 §10.3.9).
        const available = Math.max(0, cbWidth - marginLeft - marginRight - hExtras);
        const intrinsic = this.intrinsicWidths(object);
        contentWidth = Math.min(Math.max(intrinsic.min, available), intrinsic.max);
      }
      contentWidth = clampSize(contentWidth, style.minWidth, style.maxWidth, cbWidth, style, hExtras);
      const box = layoutBoxFor(object, { x: 0, y: 0, width: contentWidth + hExtras, height: 0 }, null);
      boxes.push(box);
      const specifiedHeight = contentSize(style.height, null, style, vExtras);
      const laidOut = this.layoutChildren(
        object,
        {
          x: m.border.left + m.padding.left,
          y: m.border.top + m.padding.top,
          width: contentWidth,
          height: specifiedHeight,
          atomicOwner: object.id,
        },
        boxes,
      );
      box.height =
        clampSize(specifiedHeight ?? laidOut, style.minHeight, style.maxHeight, null, style, vExtras) + vExtras;
      width = box.width;
      height = box.height;
    }
    return {
      boxes,
      marginLeft,
      marginTop,
      width,
      height,
      outerWidth: marginLeft + width + marginRight,
      outerHeight: marginTop + height + marginBottom,
    };
  }

  /** An atomic inline measured for intrinsic sizing (no boxes). */
  intrinsicAtomic(object: LayoutObject, mode: 'min' | 'max'): AtomicLayout {
    const m = metricsOf(object.style, 0);
    const extras = horizontalExtras(m) + (m.margin.left ?? 0) + (m.margin.right ?? 0);
    let width: number;
    if (object.replaced) width = replacedSize(object, m, null, null).width;
    else {
      const specified = contentSize(object.style.width, null, object.style, horizontalExtras(m));
      width = specified ?? this.intrinsicWidths(object)[mode];
    }
    return { boxes: [], marginLeft: 0, marginTop: 0, width, height: 0, outerWidth: width + extras, outerHeight: 0 };
  }

  /** min-content and max-content widths of a block container's content box. */
  intrinsicWidths(object: LayoutObject): { min: number; max: number } {
    const known = this.intrinsic.get(object);
    if (known) return known;
    let min = 0;
    let max = 0;
    for (const group of groupChildren(object.children)) {
      if (group.type === 'inline') {
        const w = this.inline.intrinsicWidths(group.objects);
        min = Math.max(min, w.min);
        max = Math.max(max, w.max);
        continue;
      }
      const child = group.object;
      const m = metricsOf(child.style, 0);
      const extras = horizontalExtras(m) + (m.margin.left ?? 0) + (m.margin.right ?? 0);
      const specified = child.replaced
        ? replacedSize(child, m, null, null).width
        : contentSize(child.style.width, null, child.style, horizontalExtras(m));
      const inner = specified !== null ? { min: specified, max: specified } : this.intrinsicWidths(child);
      min = Math.max(min, inner.min + extras);
      max = Math.max(max, inner.max + extras);
    }
    const result = { min, max };
    this.intrinsic.set(object, result);
    return result;
  }
}
