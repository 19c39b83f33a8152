/**
 * Blink's ComputedStyle, reduced to what NavScope's layout and paint read: the computed
 * values of the tracked properties, their initial values, and how the simplified layout
 * treats each `display`.
 */

export type ComputedLength =
  { type: 'px'; value: number } | { type: 'percent'; value: number } | { type: 'auto' } | { type: 'none' };

export interface Sides<T> {
  top: T;
  right: T;
  bottom: T;
  left: T;
}

export type LayoutDisplay = 'block' | 'inline' | 'inline-block' | 'none';
export type WhiteSpace = 'normal' | 'nowrap' | 'pre' | 'pre-wrap' | 'pre-line';
export type TextAlign = 'left' | 'right' | 'center' | 'justify';
export type LineHeight = { type: 'normal' } | { type: 'number'; value: number } | { type: 'px'; value: number };

export interface ComputedStyle {
  /** The computed `display` keyword as CSS has it ("flex", "table-cell", "list-item"…). */
  display: string;
  /** How the simplified layout treats it: flex/grid/table/list-item → block, inline-flex/-grid/-table → inline-block. */
  layoutDisplay: LayoutDisplay;
  visibility: 'visible' | 'hidden';
  boxSizing: 'content-box' | 'border-box';
  width: ComputedLength;
  height: ComputedLength;
  minWidth: ComputedLength;
  maxWidth: ComputedLength;
  minHeight: ComputedLength;
  maxHeight: ComputedLength;
  margin: Sides<ComputedLength>;
  padding: Sides<ComputedLength>;
  /** Used border widths in px (0 where the style is none or hidden). */
  borderWidth: Sides<number>;
  borderStyle: Sides<string>;
  borderColor: Sides<string>;
  /** px */
  fontSize: number;
  fontWeight: number;
  lineHeight: LineHeight;
  /** The used line height in px ("normal" is 1.2 × font-size). */
  lineHeightPx: number;
  color: string;
  backgroundColor: string;
  textAlign: TextAlign;
  whiteSpace: WhiteSpace;
}

export const NORMAL_LINE_HEIGHT = 1.2;
export const INITIAL_FONT_SIZE = 16;

export const INITIAL_STYLE: Readonly<ComputedStyle> = {
  display: 'inline',
  layoutDisplay: 'inline',
  visibility: 'visible',
  boxSizing: 'content-box',
  width: { type: 'auto' },
  height: { type: 'auto' },
  minWidth: { type: 'auto' },
  maxWidth: { type: 'none' },
  minHeight: { type: 'auto' },
  maxHeight: { type: 'none' },
  margin: {
    top: { type: 'px', value: 0 },
    right: { type: 'px', value: 0 },
    bottom: { type: 'px', value: 0 },
    left: { type: 'px', value: 0 },
  },
  padding: {
    top: { type: 'px', value: 0 },
    right: { type: 'px', value: 0 },
    bottom: { type: 'px', value: 0 },
    left: { type: 'px', value: 0 },
  },
  borderWidth: { top: 0, right: 0, bottom: 0, left: 0 },
  borderStyle: { top: 'none', right: 'none', bottom: 'none', left: 'none' },
  borderColor: { top: 'currentcolor', right: 'currentcolor', bottom: 'currentcolor', left: 'currentcolor' },
  fontSize: INITIAL_FONT_SIZE,
  fontWeight: 400,
  lineHeight: { type: 'normal' },
  lineHeightPx: INITIAL_FONT_SIZE * NORMAL_LINE_HEIGHT,
  color: 'black',
  backgroundColor: 'transparent',
  textAlign: 'left',
  whiteSpace: 'normal',
};

/** The initial computed style (what an element with no matching rules and no parent gets). */
export function initialStyle(): ComputedStyle {
  return structuredClone(INITIAL_STYLE);
}

export function layoutDisplayOf(display: string): LayoutDisplay {
  if (display === 'none') return 'none';
  if (display === 'inline' || display === 'contents' || display === 'ruby' || display === 'run-in') return 'inline';
  if (
    display === 'inline-block' ||
    display === 'inline-flex' ||
    display === 'inline-grid' ||
    display === 'inline-table' ||
    display === '-webkit-inline-box'
  )
    return 'inline-block';
  return 'block';
}
