/**
 * Blink's InlineLayoutAlgorithm, reduced: a run of inline-level content laid out in line
 * boxes — segmented (inlineItemsBuilder.ts), broken into lines (lineBreaker.ts), each
 * line as tall as its tallest inline box (line-height) aligned on a baseline at
 * ASCENT × font-size below the top of the glyph box, shifted by `text-align`
 * (`justify` as left). Text runs and inline elements get one box per line; atomic
 * inlines (inline-block, images, replaced elements) are laid out by block layout and
 * placed on the baseline.
 */
import type { ComputedStyle } from './computedStyle.js';
import type { ConstraintSpace } from './constraintSpace.js';
import { ASCENT } from './fontMetrics.js';
import { type AtomicLayout, type Token, segmentInline } from './inlineItemsBuilder.js';
import { type LayoutBox, layoutBoxFor } from './layoutBox.js';
import type { LayoutObject } from './layoutTreeBuilder.js';
import { metricsOf, verticalExtras } from './lengthUtils.js';
import { type Line, breakLines } from './lineBreaker.js';

/** What inline layout asks of block layout: the atomic inlines on its lines. */
export interface AtomicInlineLayout {
  /** Lays out an atomic inline with its border box at (0, 0), in a containing block `availableWidth` wide. */
  layoutAtomic(object: LayoutObject, availableWidth: number): AtomicLayout;
  /** An atomic inline measured for intrinsic sizing (no boxes). */
  intrinsicAtomic(object: LayoutObject, mode: 'min' | 'max'): AtomicLayout;
}

/** The line box's extent above and below its baseline: the strut, its text's line heights, its atomic inlines. */
function lineExtent(line: Line, containerStyle: ComputedStyle): { above: number; below: number } {
  const strutAbove = (containerStyle.lineHeightPx - containerStyle.fontSize) / 2 + ASCENT * containerStyle.fontSize;
  const strutBelow = containerStyle.lineHeightPx - strutAbove;
  // A line with only empty inlines (no text, atomic, break or inline padding/border) has no height.
  const hasContent =
    line.hasBreak ||
    line.pieces.some((p) => p.kind === 'text' || p.kind === 'atomic' || (p.kind === 'edge' && p.width > 0));
  let above = hasContent ? strutAbove : 0;
  let below = hasContent ? strutBelow : 0;
  for (const p of line.pieces) {
    if (p.kind === 'text') {
      const s = p.object.style;
      const a = (s.lineHeightPx - s.fontSize) / 2 + ASCENT * s.fontSize;
      above = Math.max(above, a);
      below = Math.max(below, s.lineHeightPx - a);
    } else if (p.kind === 'atomic' && p.atomic) {
      above = Math.max(above, p.atomic.outerHeight);
    }
  }
  return { above, below };
}

/** Where a line's boxes go. */
interface LinePosition {
  /** The line's left edge, after text-align. */
  left: number;
  baseline: number;
  /** The containing block's content width (what inline padding and borders in % resolve against). */
  width: number;
  atomicOwner: number | null;
}

/** The boxes of a run of inline content, by LayoutObject (several per object split over lines), in line order. */
class InlineFragments {
  private readonly byObject = new Map<LayoutObject, LayoutBox[]>();

  add(object: LayoutObject, box: LayoutBox): void {
    const list = this.byObject.get(object);
    if (list) list.push(box);
    else this.byObject.set(object, [box]);
  }

  /** An atomic inline's boxes (its own first, then its content's), placed on its line. */
  setAtomic(object: LayoutObject, boxes: LayoutBox[]): void {
    this.byObject.set(object, boxes);
  }

  /** Emits in tree order: each object's fragments (in line order), then its children. */
  emit(objects: readonly LayoutObject[], sink: LayoutBox[]): void {
    const emit = (object: LayoutObject): void => {
      const own = this.byObject.get(object);
      if (own) sink.push(...own);
      if (object.kind === 'inline') for (const child of object.children) emit(child);
    };
    for (const object of objects) emit(object);
  }
}

/** Text fragments (consecutive pieces of one text object on the line) and the line's atomic inlines. */
function placeTextAndAtomics(line: Line, at: LinePosition, fragments: InlineFragments): void {
  const { left, baseline, atomicOwner: owner } = at;
  let run: { object: LayoutObject; start: number; end: number; text: string } | null = null;
  const closeRun = (): void => {
    if (!run) return;
    const s = run.object.style;
    const rect = {
      x: left + run.start,
      y: baseline - ASCENT * s.fontSize,
      width: run.end - run.start,
      height: s.fontSize,
    };
    fragments.add(run.object, layoutBoxFor(run.object, rect, owner, run.text));
    run = null;
  };
  for (const p of line.pieces) {
    if (p.kind === 'text' || p.kind === 'space') {
      if (run && run.object === p.object) {
        run.end = p.x + p.width;
        run.text += p.text;
      } else {
        closeRun();
        run = { object: p.object, start: p.x, end: p.x + p.width, text: p.text };
      }
      continue;
    }
    closeRun();
    if (p.kind === 'atomic' && p.atomic) {
      const dx = left + p.x + p.atomic.marginLeft;
      const dy = baseline - p.atomic.outerHeight + p.atomic.marginTop;
      const moved = p.atomic.boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy }));
      const own = moved[0];
      if (own) own.atomicOwner = owner; // the atomic box itself paints in its line's context
      fragments.setAtomic(p.object, moved);
    }
  }
  closeRun();
}

/** Inline element fragments: the extent of their pieces on the line. */
function placeInlineBoxes(line: Line, at: LinePosition, fragments: InlineFragments): void {
  const extents = new Map<LayoutObject, { from: number; to: number }>();
  for (const p of line.pieces) {
    for (const inline of p.ancestors) {
      let from = p.x;
      let to = p.x + p.width;
      if (p.kind === 'edge' && p.object === inline) {
        if (p.side === 'open') from += p.margin;
        else to -= p.margin;
      }
      const e = extents.get(inline);
      if (e) {
        e.from = Math.min(e.from, from);
        e.to = Math.max(e.to, to);
      } else extents.set(inline, { from, to });
    }
  }
  for (const [inline, e] of extents) {
    const s = inline.style;
    const m = metricsOf(s, at.width);
    const top = at.baseline - ASCENT * s.fontSize - m.padding.top - m.border.top;
    const rect = {
      x: at.left + e.from,
      y: top,
      width: Math.max(0, e.to - e.from),
      height: s.fontSize + verticalExtras(m),
    };
    fragments.add(inline, layoutBoxFor(inline, rect, at.atomicOwner));
  }
}

export class InlineLayout {
  constructor(private readonly atomics: AtomicInlineLayout) {}

  /** Lays out a run of inline-level objects in line boxes; returns the height of the lines. */
  layout(
    objects: readonly LayoutObject[],
    containerStyle: ComputedStyle,
    space: ConstraintSpace,
    sink: LayoutBox[],
  ): number {
    const { x, y, width, atomicOwner } = space;
    const tokens = segmentInline(objects, width, (o) => this.atomics.layoutAtomic(o, width));
    const fragments = new InlineFragments();
    let lineTop = y;
    for (const line of breakLines(tokens, width)) {
      const { above, below } = lineExtent(line, containerStyle);
      const free = width - line.width;
      const align = containerStyle.textAlign;
      const shift = free > 0 ? (align === 'center' ? free / 2 : align === 'right' ? free : 0) : 0;
      const at: LinePosition = { left: x + shift, baseline: lineTop + above, width, atomicOwner };
      placeTextAndAtomics(line, at, fragments);
      placeInlineBoxes(line, at, fragments);
      lineTop += above + below;
    }
    fragments.emit(objects, sink);
    return lineTop - y;
  }

  /** min-content and max-content widths of inline content. */
  intrinsicWidths(objects: readonly LayoutObject[]): { min: number; max: number } {
    const widest = (mode: 'min' | 'max'): Token[] =>
      segmentInline(objects, 0, (o) => this.atomics.intrinsicAtomic(o, mode));
    let min = 0;
    for (const t of widest('min')) if (t.type === 'segment') min = Math.max(min, t.segment.width);
    let max = 0;
    let lineWidth = 0;
    for (const t of widest('max')) {
      if (t.type === 'break') {
        max = Math.max(max, lineWidth);
        lineWidth = 0;
        continue;
      }
      lineWidth += (lineWidth > 0 ? (t.segment.spaceBefore?.width ?? 0) : 0) + t.segment.width;
    }
    return { min, max: Math.max(max, lineWidth) };
  }
}
