/**
 * Blink's StyleBuilder and StyleBuilderConverter: an element's computed values from its
 * cascaded ones and its parent's style. Inherited properties (color, font-size,
 * font-weight, line-height, text-align, visibility, white-space) inherit when not set;
 * `inherit`, `initial`, `unset` (and `revert`, taken as `unset`) work for every
 * property. Font-size computes to px (em/% of the parent's, rem of the root's,
 * keywords), other lengths to px with em of the element's own font-size; percentages
 * stay percentages for layout to resolve against the containing block. Border widths
 * compute to 0 when the border style is none/hidden.
 */
import type { CssComponent } from './cssStyleSheet.js';
import {
  CSS_WIDE,
  FONT_SIZE_KEYWORDS,
  INHERITED,
  type LengthOptions,
  type LengthSpec,
  type Side,
  borderWidthSpec,
  colorOf,
  fontSizeSpec,
  fontWeightSpec,
  keyword,
  lengthOf,
  lineHeightSpec,
  single,
} from './cssPropertyParser.js';
import {
  type ComputedLength,
  type ComputedStyle,
  INITIAL_FONT_SIZE,
  INITIAL_STYLE,
  type LineHeight,
  NORMAL_LINE_HEIGHT,
  type Sides,
  type TextAlign,
  type WhiteSpace,
  layoutDisplayOf,
} from './computedStyle.js';
import type { Element } from './elementTraversal.js';

/** The viewport that vw, vh, vmin and vmax resolve against. */
export interface StyleEnvironment {
  viewportWidth: number;
  viewportHeight: number;
}

/** What computing an element's values needs: its parent's style, the root's font size, the viewport, its cascaded values. */
export interface ComputeContext {
  parent: ComputedStyle | null;
  rootFontSize: number;
  env: StyleEnvironment;
  winners: Map<string, CssComponent[]>;
}

/** The value to compute from: the cascaded components, or 'inherit' / 'initial' after CSS-wide keywords. */
function specified(property: string, ctx: ComputeContext): readonly CssComponent[] | 'inherit' | 'initial' {
  const v = ctx.winners.get(property);
  const k = v ? keyword(v) : null;
  if (!v || (k !== null && CSS_WIDE.has(k) && k !== 'inherit' && k !== 'initial')) {
    // No value, unset, revert: inherited properties inherit, others take their initial value.
    return INHERITED.has(property) && ctx.parent ? 'inherit' : 'initial';
  }
  if (k === 'inherit') return ctx.parent ? 'inherit' : 'initial';
  if (k === 'initial') return 'initial';
  return v;
}

function toPx(
  spec: { unit: string; value: number },
  fontSize: number,
  ctx: ComputeContext,
  lineHeightPx: number,
): number {
  const { env } = ctx;
  switch (spec.unit) {
    case 'px':
      return spec.value;
    case 'em':
      return spec.value * fontSize;
    case 'rem':
      return spec.value * ctx.rootFontSize;
    case 'ex':
      return spec.value * fontSize * 0.5;
    case 'ch':
      return spec.value * fontSize * 0.55;
    case 'lh':
      return spec.value * lineHeightPx;
    case 'pt':
      return (spec.value * 4) / 3;
    case 'pc':
      return spec.value * 16;
    case 'in':
      return spec.value * 96;
    case 'cm':
      return (spec.value * 96) / 2.54;
    case 'mm':
      return (spec.value * 96) / 25.4;
    case 'q':
      return (spec.value * 96) / 101.6;
    case 'vw':
      return (spec.value * env.viewportWidth) / 100;
    case 'vh':
      return (spec.value * env.viewportHeight) / 100;
    case 'vmin':
      return (spec.value * Math.min(env.viewportWidth, env.viewportHeight)) / 100;
    case 'vmax':
      return (spec.value * Math.max(env.viewportWidth, env.viewportHeight)) / 100;
    default:
      return 0;
  }
}

function computeLength(
  spec: LengthSpec | null,
  fontSize: number,
  lineHeightPx: number,
  ctx: ComputeContext,
): ComputedLength | null {
  if (!spec) return null;
  if (spec.kind === 'auto') return { type: 'auto' };
  if (spec.kind === 'none') return { type: 'none' };
  if (spec.unit === '%') return { type: 'percent', value: spec.value };
  return { type: 'px', value: toPx(spec, fontSize, ctx, lineHeightPx) };
}

function computeFontSize(ctx: ComputeContext): number {
  const parentSize = ctx.parent?.fontSize ?? INITIAL_FONT_SIZE;
  const v = specified('font-size', ctx);
  if (v === 'inherit') return parentSize;
  if (v === 'initial') return INITIAL_FONT_SIZE;
  const spec = fontSizeSpec(single(v));
  if (!spec) return parentSize;
  if (spec.kind === 'keyword') {
    if (spec.value === 'smaller') return parentSize / 1.2;
    if (spec.value === 'larger') return parentSize * 1.2;
    return FONT_SIZE_KEYWORDS[spec.value] ?? INITIAL_FONT_SIZE;
  }
  if (spec.unit === '%') return (parentSize * spec.value) / 100;
  // em (and ex, ch) of font-size are relative to the parent's font size.
  return toPx(
    { unit: spec.unit, value: spec.value },
    parentSize,
    ctx,
    ctx.parent?.lineHeightPx ?? parentSize * NORMAL_LINE_HEIGHT,
  );
}

function computeLineHeight(ctx: ComputeContext, fontSize: number): LineHeight {
  const v = specified('line-height', ctx);
  if (v === 'inherit') return ctx.parent?.lineHeight ?? { type: 'normal' };
  if (v === 'initial') return { type: 'normal' };
  const spec = lineHeightSpec(single(v));
  if (!spec || spec.kind === 'normal') return { type: 'normal' };
  if (spec.kind === 'number') return { type: 'number', value: spec.value };
  if (spec.unit === '%') return { type: 'px', value: (fontSize * spec.value) / 100 };
  return { type: 'px', value: toPx(spec, fontSize, ctx, fontSize * NORMAL_LINE_HEIGHT) };
}

function usedLineHeight(lh: LineHeight, fontSize: number): number {
  if (lh.type === 'normal') return fontSize * NORMAL_LINE_HEIGHT;
  if (lh.type === 'number') return lh.value * fontSize;
  return lh.value;
}

function computeFontWeight(ctx: ComputeContext): number {
  const parentWeight = ctx.parent?.fontWeight ?? 400;
  const v = specified('font-weight', ctx);
  if (v === 'inherit') return parentWeight;
  if (v === 'initial') return 400;
  const spec = fontWeightSpec(single(v));
  if (spec === 'bolder') return parentWeight < 350 ? 400 : parentWeight < 550 ? 700 : 900;
  if (spec === 'lighter') return parentWeight < 550 ? 100 : parentWeight < 750 ? 400 : 700;
  return spec ?? parentWeight;
}

function computeColor(ctx: ComputeContext): string {
  const parentColor = ctx.parent?.color ?? INITIAL_STYLE.color;
  const v = specified('color', ctx);
  if (v === 'inherit') return parentColor;
  if (v === 'initial') return INITIAL_STYLE.color;
  const c = colorOf(single(v));
  if (!c || c === 'currentcolor') return parentColor;
  return c;
}

function pick<T>(
  property: string,
  ctx: ComputeContext,
  inherited: T,
  initial: T,
  compute: (v: readonly CssComponent[]) => T | null,
): T {
  const v = specified(property, ctx);
  if (v === 'inherit') return inherited;
  if (v === 'initial') return initial;
  return compute(v) ?? initial;
}

function displayOf(ctx: ComputeContext, element: Element): string {
  let display = pick('display', ctx, ctx.parent?.display ?? 'inline', 'inline', (v) => keyword(v));
  // Blockification (CSS Display 3 §2.7): the root element, and flex/grid items.
  const parentDisplay = ctx.parent?.display ?? '';
  const blockify =
    element.parentNode?.nodeName === '#document' ||
    ['flex', 'inline-flex', 'grid', 'inline-grid', '-webkit-box', '-webkit-inline-box'].includes(parentDisplay);
  if (blockify && display !== 'none' && display !== 'contents') {
    if (display === 'inline' || display === 'inline-block' || display === 'ruby' || display === 'run-in')
      display = 'block';
    else if (display.startsWith('inline-')) display = display.slice(7);
    else if (display.startsWith('table-') || display === '-webkit-inline-box') display = 'block';
  }
  return display;
}

/** The computed style of `element` from its cascaded values (ctx.winners) and its parent's style. */
export function computeStyle(element: Element, ctx: ComputeContext): ComputedStyle {
  const parent = ctx.parent;
  const fontSize = computeFontSize(ctx);
  const lineHeight = computeLineHeight(ctx, fontSize);
  const lineHeightPx = usedLineHeight(lineHeight, fontSize);
  const color = computeColor(ctx);
  const display = displayOf(ctx, element);
  const length = (
    property: string,
    options: LengthOptions,
    initial: ComputedLength,
    parentValue: ComputedLength | undefined,
  ): ComputedLength =>
    pick(property, ctx, parentValue ?? initial, initial, (v) =>
      computeLength(lengthOf(single(v), options), fontSize, lineHeightPx, ctx),
    );
  const colorValue = (property: string, initial: string, parentValue: string | undefined): string => {
    const c = pick(property, ctx, parentValue ?? initial, initial, (v) => colorOf(single(v)));
    return c === 'currentcolor' ? color : c;
  };
  const sides = <T>(make: (side: Side) => T): Sides<T> => ({
    top: make('top'),
    right: make('right'),
    bottom: make('bottom'),
    left: make('left'),
  });

  const borderStyle = sides((s) =>
    pick(`border-${s}-style`, ctx, parent?.borderStyle[s] ?? 'none', 'none', (v) => keyword(v)),
  );
  const borderWidth = sides((s) => {
    if (borderStyle[s] === 'none' || borderStyle[s] === 'hidden') return 0;
    const len = pick(
      `border-${s}-width`,
      ctx,
      { type: 'px', value: parent?.borderWidth[s] ?? 3 } as ComputedLength,
      { type: 'px', value: 3 },
      (v) => computeLength(borderWidthSpec(single(v)), fontSize, lineHeightPx, ctx),
    );
    // Chromium snaps border widths to whole device pixels (at least 1 when non-zero).
    return len.type === 'px' ? (len.value > 0 && len.value < 1 ? 1 : Math.floor(len.value)) : 0;
  });
  const textAlign = pick<TextAlign>('text-align', ctx, parent?.textAlign ?? 'left', 'left', (v) => {
    const k = keyword(v);
    if (k === 'start' || k === '-webkit-left') return 'left';
    if (k === 'end' || k === '-webkit-right') return 'right';
    if (k === '-webkit-center') return 'center';
    if (k === 'match-parent') return parent?.textAlign ?? 'left';
    return k === 'left' || k === 'right' || k === 'center' || k === 'justify' ? k : null;
  });
  const whiteSpace = pick<WhiteSpace>('white-space', ctx, parent?.whiteSpace ?? 'normal', 'normal', (v) => {
    const k = keyword(v);
    if (k === 'break-spaces') return 'pre-wrap';
    return k === 'normal' || k === 'nowrap' || k === 'pre' || k === 'pre-wrap' || k === 'pre-line' ? k : null;
  });
  const visibility = pick<'visible' | 'hidden'>('visibility', ctx, parent?.visibility ?? 'visible', 'visible', (v) =>
    keyword(v) === 'visible' ? 'visible' : 'hidden',
  );

  return {
    display,
    layoutDisplay: layoutDisplayOf(display),
    visibility,
    boxSizing: pick('box-sizing', ctx, parent?.boxSizing ?? 'content-box', 'content-box', (v) =>
      keyword(v) === 'border-box' ? 'border-box' : 'content-box',
    ),
    width: length('width', { auto: true, percent: true }, { type: 'auto' }, parent?.width),
    height: length('height', { auto: true, percent: true }, { type: 'auto' }, parent?.height),
    minWidth: length('min-width', { auto: true, percent: true }, { type: 'auto' }, parent?.minWidth),
    maxWidth: length('max-width', { none: true, percent: true }, { type: 'none' }, parent?.maxWidth),
    minHeight: length('min-height', { auto: true, percent: true }, { type: 'auto' }, parent?.minHeight),
    maxHeight: length('max-height', { none: true, percent: true }, { type: 'none' }, parent?.maxHeight),
    margin: sides((s) =>
      length(`margin-${s}`, { auto: true, percent: true, negative: true }, { type: 'px', value: 0 }, parent?.margin[s]),
    ),
    padding: sides((s) => length(`padding-${s}`, { percent: true }, { type: 'px', value: 0 }, parent?.padding[s])),
    borderWidth,
    borderStyle,
    borderColor: sides((s) => colorValue(`border-${s}-color`, 'currentcolor', parent?.borderColor[s])),
    fontSize,
    fontWeight: computeFontWeight(ctx),
    lineHeight,
    lineHeightPx,
    color,
    backgroundColor: colorValue('background-color', 'transparent', parent?.backgroundColor),
    textAlign,
    whiteSpace,
  };
}
