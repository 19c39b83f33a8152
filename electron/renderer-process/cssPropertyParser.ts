/**
 * Blink's CSSPropertyParser for the longhands the model tracks: whether a declared value
 * is valid for its property (an invalid declaration is dropped at parse time, so the
 * next one in the cascade wins), and the parsed forms of lengths, colors, font sizes,
 * line heights, font weights and border widths that computing values starts from.
 * `var()` and `calc()` are not evaluated (they are not valid here).
 */
import type { CssComponent } from './cssStyleSheet.js';

const LENGTH_UNITS = new Set([
  'px',
  'em',
  'rem',
  'ex',
  'ch',
  'pt',
  'pc',
  'in',
  'cm',
  'mm',
  'q',
  'vw',
  'vh',
  'vmin',
  'vmax',
  'lh',
]);

export type LengthSpec = { kind: 'length'; unit: string; value: number } | { kind: 'auto' } | { kind: 'none' };

export interface LengthOptions {
  auto?: boolean;
  none?: boolean;
  percent?: boolean;
  negative?: boolean;
}

export function lengthOf(c: CssComponent | undefined, options: LengthOptions): LengthSpec | null {
  if (!c) return null;
  if (c.type === 'ident') {
    const v = c.value.toLowerCase();
    if (v === 'auto' && options.auto) return { kind: 'auto' };
    if (v === 'none' && options.none) return { kind: 'none' };
    return null;
  }
  if (c.type === 'number') return c.value === 0 ? { kind: 'length', unit: 'px', value: 0 } : null;
  if (c.type === 'percentage') {
    if (!options.percent || (!options.negative && c.value < 0)) return null;
    return { kind: 'length', unit: '%', value: c.value };
  }
  if (c.type === 'dimension' && LENGTH_UNITS.has(c.unit)) {
    if (!options.negative && c.value < 0) return null;
    return { kind: 'length', unit: c.unit, value: c.value };
  }
  return null;
}

export function single(components: readonly CssComponent[]): CssComponent | undefined {
  return components.length === 1 ? components[0] : undefined;
}

export function keyword(components: readonly CssComponent[]): string | null {
  const c = single(components);
  return c?.type === 'ident' ? c.value.toLowerCase() : null;
}

const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse ' +
    'chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta ' +
    'darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green ' +
    'greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey ' +
    'lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen ' +
    'mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive ' +
    'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow ' +
    'springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent currentcolor ' +
    'canvas canvastext linktext visitedtext activetext buttonface buttontext buttonborder field fieldtext highlight highlighttext graytext'
  ).split(' '),
);
const COLOR_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'light-dark',
]);

/** A color as CSS text ("#336699", "rgb(0,0,0)", "red", "currentcolor"), or null. */
export function colorOf(c: CssComponent | undefined): string | null {
  if (!c) return null;
  if (c.type === 'hash')
    return /^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(c.value) ? `#${c.value.toLowerCase()}` : null;
  if (c.type === 'ident') return NAMED_COLORS.has(c.value.toLowerCase()) ? c.value.toLowerCase() : null;
  if (c.type === 'function') return COLOR_FUNCTIONS.has(c.name) ? c.text : null;
  return null;
}

const DISPLAY_KEYWORDS = new Set([
  'block',
  'inline',
  'inline-block',
  'none',
  'flex',
  'inline-flex',
  'grid',
  'inline-grid',
  'list-item',
  'flow-root',
  'contents',
  'table',
  'inline-table',
  'table-row',
  'table-cell',
  'table-row-group',
  'table-header-group',
  'table-footer-group',
  'table-column',
  'table-column-group',
  'table-caption',
  'ruby',
  'ruby-text',
  'run-in',
  '-webkit-box',
  '-webkit-inline-box',
]);
export const BORDER_STYLES = new Set([
  'none',
  'hidden',
  'dotted',
  'dashed',
  'solid',
  'double',
  'groove',
  'ridge',
  'inset',
  'outset',
]);
export const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};
const BORDER_WIDTH_KEYWORDS: Record<string, number> = { thin: 1, medium: 3, thick: 5 };
const TEXT_ALIGN = new Set([
  'left',
  'right',
  'center',
  'justify',
  'start',
  'end',
  'match-parent',
  '-webkit-center',
  '-webkit-left',
  '-webkit-right',
]);
const WHITE_SPACE = new Set(['normal', 'nowrap', 'pre', 'pre-wrap', 'pre-line', 'break-spaces']);

type FontSizeSpec = { kind: 'keyword'; value: string } | { kind: 'length'; unit: string; value: number };

export function fontSizeSpec(c: CssComponent | undefined): FontSizeSpec | null {
  if (c?.type === 'ident') {
    const k = c.value.toLowerCase();
    if (k in FONT_SIZE_KEYWORDS || k === 'smaller' || k === 'larger') return { kind: 'keyword', value: k };
    return null;
  }
  const len = lengthOf(c, { percent: true });
  return len?.kind === 'length' ? len : null;
}

type LineHeightSpec =
  { kind: 'normal' } | { kind: 'number'; value: number } | { kind: 'length'; unit: string; value: number };

export function lineHeightSpec(c: CssComponent | undefined): LineHeightSpec | null {
  if (c?.type === 'ident') return c.value.toLowerCase() === 'normal' ? { kind: 'normal' } : null;
  if (c?.type === 'number') return c.value >= 0 ? { kind: 'number', value: c.value } : null;
  const len = lengthOf(c, { percent: true });
  return len?.kind === 'length' ? len : null;
}

export function fontWeightSpec(c: CssComponent | undefined): number | 'bolder' | 'lighter' | null {
  if (c?.type === 'number') return c.value >= 1 && c.value <= 1000 ? c.value : null;
  if (c?.type !== 'ident') return null;
  const k = c.value.toLowerCase();
  if (k === 'normal') return 400;
  if (k === 'bold') return 700;
  if (k === 'bolder' || k === 'lighter') return k;
  return null;
}

export function borderWidthSpec(c: CssComponent | undefined): LengthSpec | null {
  if (c?.type === 'ident' && c.value.toLowerCase() in BORDER_WIDTH_KEYWORDS)
    return { kind: 'length', unit: 'px', value: BORDER_WIDTH_KEYWORDS[c.value.toLowerCase()] ?? 3 };
  return lengthOf(c, {});
}

export const SIDES = ['top', 'right', 'bottom', 'left'] as const;
export type Side = (typeof SIDES)[number];

/** Longhands the model tracks, each with a parse-time validator. */
export const LONGHANDS: Record<string, (v: readonly CssComponent[]) => boolean> = {
  display: (v) => {
    const k = keyword(v);
    return k !== null && DISPLAY_KEYWORDS.has(k);
  },
  visibility: (v) => ['visible', 'hidden', 'collapse'].includes(keyword(v) ?? ''),
  'box-sizing': (v) => ['content-box', 'border-box'].includes(keyword(v) ?? ''),
  width: (v) => lengthOf(single(v), { auto: true, percent: true }) !== null,
  height: (v) => lengthOf(single(v), { auto: true, percent: true }) !== null,
  'min-width': (v) => lengthOf(single(v), { auto: true, percent: true }) !== null,
  'min-height': (v) => lengthOf(single(v), { auto: true, percent: true }) !== null,
  'max-width': (v) => lengthOf(single(v), { none: true, percent: true }) !== null,
  'max-height': (v) => lengthOf(single(v), { none: true, percent: true }) !== null,
  'font-size': (v) => fontSizeSpec(single(v)) !== null,
  'line-height': (v) => lineHeightSpec(single(v)) !== null,
  'font-weight': (v) => fontWeightSpec(single(v)) !== null,
  color: (v) => colorOf(single(v)) !== null,
  'background-color': (v) => colorOf(single(v)) !== null,
  'text-align': (v) => TEXT_ALIGN.has(keyword(v) ?? ''),
  'white-space': (v) => WHITE_SPACE.has(keyword(v) ?? ''),
};
for (const side of SIDES) {
  LONGHANDS[`margin-${side}`] = (v) => lengthOf(single(v), { auto: true, percent: true, negative: true }) !== null;
  LONGHANDS[`padding-${side}`] = (v) => lengthOf(single(v), { percent: true }) !== null;
  LONGHANDS[`border-${side}-width`] = (v) => borderWidthSpec(single(v)) !== null;
  LONGHANDS[`border-${side}-style`] = (v) => BORDER_STYLES.has(keyword(v) ?? '');
  LONGHANDS[`border-${side}-color`] = (v) => colorOf(single(v)) !== null;
}

/** The tracked properties that inherit (take the parent's value when not set). */
export const INHERITED = new Set([
  'color',
  'font-size',
  'font-weight',
  'line-height',
  'text-align',
  'visibility',
  'white-space',
]);
/** CSS-wide keywords: valid for every property. */
export const CSS_WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
