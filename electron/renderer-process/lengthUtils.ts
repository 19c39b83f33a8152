/**
 * Resolving a box's lengths against its containing block, as Blink's length_utils does:
 * margins, borders and padding (ComputeMarginsFor / ComputeBorders / ComputePadding),
 * specified sizes as content-box sizes, min-/max- clamping, and replaced elements' sizes
 * (ComputeReplacedSize): CSS width/height, else the natural size, else the fallback,
 * keeping the natural aspect ratio.
 */
import type { ComputedLength, ComputedStyle } from './computedStyle.js';
import type { LayoutObject } from './layoutTreeBuilder.js';

export interface Edges {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A box's margins, borders and padding in px (Blink: BoxStrut). */
export interface Metrics {
  /** null where the margin is auto. */
  margin: { top: number | null; right: number | null; bottom: number | null; left: number | null };
  border: Edges;
  padding: Edges;
}

export function resolveLength(length: ComputedLength, base: number | null): number | null {
  if (length.type === 'px') return length.value;
  if (length.type === 'percent') return base === null ? null : (base * length.value) / 100;
  return null;
}

/** Margins, borders and padding of a box whose containing block is `cbWidth` wide (percentages of it). */
export function metricsOf(style: ComputedStyle, cbWidth: number): Metrics {
  const pad = (l: ComputedLength): number => Math.max(0, resolveLength(l, cbWidth) ?? 0);
  const mar = (l: ComputedLength): number | null => (l.type === 'auto' ? null : (resolveLength(l, cbWidth) ?? 0));
  return {
    margin: {
      top: mar(style.margin.top),
      right: mar(style.margin.right),
      bottom: mar(style.margin.bottom),
      left: mar(style.margin.left),
    },
    border: { ...style.borderWidth },
    padding: {
      top: pad(style.padding.top),
      right: pad(style.padding.right),
      bottom: pad(style.padding.bottom),
      left: pad(style.padding.left),
    },
  };
}

export function horizontalExtras(m: Metrics): number {
  return m.border.left + m.border.right + m.padding.left + m.padding.right;
}

export function verticalExtras(m: Metrics): number {
  return m.border.top + m.border.bottom + m.padding.top + m.padding.bottom;
}

/** A specified width/height as a content-box size, or null for auto/unresolvable. */
export function contentSize(
  length: ComputedLength,
  base: number | null,
  style: ComputedStyle,
  extras: number,
): number | null {
  const v = resolveLength(length, base);
  if (v === null) return null;
  return Math.max(0, style.boxSizing === 'border-box' ? v - extras : v);
}

export function clampSize(
  value: number,
  min: ComputedLength,
  max: ComputedLength,
  base: number | null,
  style: ComputedStyle,
  extras: number,
): number {
  const maxV = max.type === 'none' ? null : contentSize(max, base, style, extras);
  const minV = min.type === 'auto' ? null : contentSize(min, base, style, extras);
  let v = value;
  if (maxV !== null) v = Math.min(v, maxV);
  if (minV !== null) v = Math.max(v, minV);
  return v;
}

/** A replaced element's content-box size in a containing block of `cbWidth` × `cbHeight` (null: indefinite). */
export function replacedSize(
  object: LayoutObject,
  m: Metrics,
  cbWidth: number | null,
  cbHeight: number | null,
): { width: number; height: number } {
  const replaced = object.replaced;
  const style = object.style;
  const fallback = replaced?.fallback ?? { width: 0, height: 0 };
  const natural = replaced?.natural ?? null;
  let width = contentSize(style.width, cbWidth, style, horizontalExtras(m));
  let height = contentSize(style.height, cbHeight, style, verticalExtras(m));
  const ratio = natural && natural.width > 0 && natural.height > 0 ? natural.width / natural.height : null;
  if (width === null && height === null) {
    width = natural?.width ?? fallback.width;
    height = natural?.height ?? fallback.height;
  } else if (width === null) {
    width = ratio !== null ? (height ?? 0) * ratio : (natural?.width ?? fallback.width);
  } else if (height === null) {
    height = ratio !== null ? width / ratio : (natural?.height ?? fallback.height);
  }
  return { width: width ?? 0, height: height ?? 0 };
}
