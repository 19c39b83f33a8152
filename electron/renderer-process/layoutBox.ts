/**
 * Layout's output: a box per LayoutObject fragment (Blink: a PhysicalBoxFragment), its
 * border box in absolute CSS px. A text run or an inline element split over lines has
 * one box per line, sharing the object's id.
 */
import type { ComputedStyle } from './computedStyle.js';
import { type BoxKind, type LayoutObject, labelOf } from './layoutTreeBuilder.js';

/** A box in the layout output: the border box (fragment) in absolute CSS px. */
export interface Box {
  /** The LayoutObject's id (a text or inline box split over lines has one box per line, sharing it). */
  id: number;
  tag: string;
  kind: BoxKind;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
  /** A text run's text on this line (bounded). */
  text?: string;
  /** An image's resolved URL (bounded). */
  src?: string;
}

export interface LayoutBox extends Box {
  style: ComputedStyle;
  level: 'block' | 'inline';
  /** The atomic inline (inline-block, image) whose content this box is, or null (paint order). */
  atomicOwner: number | null;
  /** The LayoutObject's tag + #id + .classes. */
  label: string;
  /** Replaced content (an image, iframe, video, form control…). */
  replaced: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of `object` at `rect`; `text` is a text run's text on its line. */
export function layoutBoxFor(object: LayoutObject, rect: Rect, atomicOwner: number | null, text?: string): LayoutBox {
  const box: LayoutBox = {
    id: object.id,
    tag: object.tag,
    kind: object.kind === 'br' ? 'inline' : object.kind,
    x: rect.x,
    y: rect.y,
    width: rect.width,
    height: rect.height,
    depth: object.depth,
    style: object.style,
    level: object.level,
    atomicOwner,
    label: object.element ? labelOf(object.element) : object.tag,
    replaced: object.replaced !== null,
  };
  if (text !== undefined) box.text = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  if (object.replaced?.src)
    box.src = object.replaced.src.length > 300 ? `${object.replaced.src.slice(0, 299)}…` : object.replaced.src;
  return box;
}
