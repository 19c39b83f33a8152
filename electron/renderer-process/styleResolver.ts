/**
 * Blink's StyleResolver, reduced to what NavScope's layout and paint need: match
 * selectors against the DOM (parse5 elements), run the cascade, inherit, and
 * compute the values layout reads.
 *
 * - Selectors: type, universal, class, id, attribute (`[a]`, `=`, `~=`, `|=`, `^=`,
 *   `$=`, `*=`, with the `i` flag), the four combinators, `:first-child`,
 *   `:last-child`, `:only-child`, `:root`, `:link`, and `:not()` / `:is()` / `:where()`
 *   over such selectors. Anything else (pseudo-elements, :hover and other dynamic
 *   states, :nth-child…) never matches; such selectors are counted. Like Blink's
 *   RuleSet, rules are bucketed by the rightmost compound's id, class or tag.
 * - Cascade (CSS Cascade 4): origin and importance (UA normal < author normal <
 *   author !important < UA !important), then the `style` attribute above any
 *   selector, then specificity, then order of appearance. Presentational hints
 *   (`width`/`height` attributes on images and embedded content, `bgcolor`,
 *   `align`) sit at the bottom of the author origin. A declaration whose value the
 *   model cannot parse is dropped (as a parse-time invalid declaration is), so the
 *   next one in the cascade wins. `var()` and `calc()` are not evaluated.
 * - Inherited properties: color, font-size, font-weight, line-height, text-align,
 *   visibility, white-space. `inherit`, `initial`, `unset` (and `revert`, taken as
 *   `unset`) work for every property.
 * - Computed values: font-size in px (em/% of the parent's, rem of the root's,
 *   keywords), other lengths in px with em of the element's own font-size;
 *   percentages stay percentages for layout to resolve against the containing block.
 *   Border widths compute to 0 when the border style is none/hidden.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import {
  parseInlineStyle,
  parseStyleSheet,
  type CssComponent,
  type CssDeclaration,
  type CssRule,
  type CssStyleSheetModel,
  type ParsedSelector,
  type SimpleSelector,
} from './cssStyleSheet.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

// ----- computed style ---------------------------------------------------------------

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

export type Specificity = [number, number, number];

export interface StyleEnvironment {
  viewportWidth: number;
  viewportHeight: number;
}

export interface StyleResolution {
  styles: Map<Element, ComputedStyle>;
  elementCount: number;
  /** Author style rules taking part in the cascade. */
  authorRuleCount: number;
  userAgentRuleCount: number;
  /** Author selectors the model can never match (pseudo-elements, :hover, …). */
  unsupportedSelectorCount: number;
  /** Declarations that matched some element (after shorthand expansion). */
  matchedDeclarationCount: number;
}

/**
 * Like Blink's HTML parser (kMaximumHTMLParserDOMTreeDepth), the model stops at 512
 * levels of elements: deeper elements get no style and no box (parse5 keeps them in
 * the DOM; Blink would have flattened them).
 */
export const MAX_ELEMENT_DEPTH = 512;

const NORMAL_LINE_HEIGHT = 1.2;
const INITIAL_FONT_SIZE = 16;

// ----- the user-agent stylesheet ------------------------------------------------------

/** A small subset of Chromium's html.css: display types, margins, heading sizes. */
export const USER_AGENT_CSS = `
html, address, blockquote, body, center, dd, details, dialog, dir, div, dl, dt, fieldset, figcaption, figure,
footer, form, h1, h2, h3, h4, h5, h6, header, hgroup, hr, legend, main, menu, nav, ol, p, pre, search, section,
summary, ul, article, aside, listing, plaintext, xmp, optgroup { display: block; }
li { display: list-item; }
table { display: table; }
caption { display: table-caption; }
colgroup { display: table-column-group; }
col { display: table-column; }
thead { display: table-header-group; }
tbody { display: table-row-group; }
tfoot { display: table-footer-group; }
tr { display: table-row; }
td, th { display: table-cell; }
head, script, style, title, meta, link, base, template, noscript, datalist, param, area, source, track,
noembed, noframes, [hidden], input[type="hidden" i], audio:not([controls]) { display: none; }
input, select, textarea, button, meter, progress { display: inline-block; }
body { margin: 8px; }
p, dl, multicol, pre, listing, xmp, plaintext { margin: 1em 0; }
ul, menu, dir, ol { margin: 1em 0; padding-left: 40px; }
ul ul, ol ul, ul ol, ol ol { margin-top: 0; margin-bottom: 0; }
dd { margin-left: 40px; }
blockquote, figure { margin: 1em 40px; }
h1 { font-size: 2em; margin: 0.67em 0; }
h2 { font-size: 1.5em; margin: 0.83em 0; }
h3 { font-size: 1.17em; margin: 1em 0; }
h4 { margin: 1.33em 0; }
h5 { font-size: 0.83em; margin: 1.67em 0; }
h6 { font-size: 0.67em; margin: 2.33em 0; }
h1, h2, h3, h4, h5, h6, b, strong, th, dt { font-weight: bold; }
hr { margin: 0.5em auto; border: 1px inset gray; }
small, sub, sup { font-size: smaller; }
big { font-size: larger; }
center, th { text-align: center; }
pre, xmp, listing, plaintext, textarea { white-space: pre; }
a:link { color: #0000ee; }
input, select, textarea, button { font-size: 13.333px; }
input, textarea, select { border: 2px inset #767676; padding: 1px 2px; background-color: white; }
button { border: 2px outset #767676; padding: 1px 6px; background-color: #efefef; }
table { border-spacing: 2px; }
td, th { padding: 1px; }
fieldset { margin: 0 2px; padding: 0.35em 0.75em 0.625em; border: 2px groove #c0c0c0; }
`;

let userAgentSheet: CssStyleSheetModel | null = null;

export function userAgentStyleSheet(): CssStyleSheetModel {
  userAgentSheet ??= parseStyleSheet(USER_AGENT_CSS, 'user agent');
  return userAgentSheet;
}

// ----- DOM helpers --------------------------------------------------------------------

export function isElement(node: Node | ParentNode | null): node is Element {
  return node !== null && 'tagName' in node;
}

export function attributeOf(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

function parentElement(element: Element): Element | null {
  const parent = element.parentNode;
  return isElement(parent) ? parent : null;
}

function elementSiblings(element: Element): Element[] {
  const parent = element.parentNode;
  return parent ? parent.childNodes.filter(isElement) : [element];
}

function previousElementSibling(element: Element): Element | null {
  const siblings = elementSiblings(element);
  const index = siblings.indexOf(element);
  return index > 0 ? (siblings[index - 1] ?? null) : null;
}

function isHtmlElement(element: Element): boolean {
  return element.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

// ----- selector matching -----------------------------------------------------------------

function matchesAttribute(element: Element, part: Extract<SimpleSelector, { type: 'attribute' }>): boolean {
  const attr = element.attrs.find((a) => a.name === part.name);
  if (!attr) return false;
  if (part.matcher === null) return true;
  const actual = part.caseInsensitive ? attr.value.toLowerCase() : attr.value;
  const wanted = part.caseInsensitive ? part.value.toLowerCase() : part.value;
  switch (part.matcher) {
    case '=':
      return actual === wanted;
    case '~=':
      return wanted !== '' && !/\s/.test(wanted) && actual.split(/[ \t\n\r\f]+/).includes(wanted);
    case '|=':
      return actual === wanted || actual.startsWith(`${wanted}-`);
    case '^=':
      return wanted !== '' && actual.startsWith(wanted);
    case '$=':
      return wanted !== '' && actual.endsWith(wanted);
    case '*=':
      return wanted !== '' && actual.includes(wanted);
  }
}

function classesOf(element: Element): string[] {
  const value = attributeOf(element, 'class');
  return value ? value.split(/[ \t\n\r\f]+/).filter((c) => c !== '') : [];
}

function matchesSimple(element: Element, part: SimpleSelector): boolean {
  switch (part.type) {
    case 'universal':
      return true;
    case 'type':
      return isHtmlElement(element)
        ? element.tagName.toLowerCase() === part.name
        : element.tagName === part.name || element.tagName.toLowerCase() === part.name;
    case 'class':
      return classesOf(element).includes(part.name);
    case 'id':
      return attributeOf(element, 'id') === part.name;
    case 'attribute':
      return matchesAttribute(element, part);
    case 'pseudo-class': {
      switch (part.name) {
        case 'root':
          return element.parentNode?.nodeName === '#document';
        case 'first-child':
          return elementSiblings(element)[0] === element;
        case 'last-child':
          return elementSiblings(element).at(-1) === element;
        case 'only-child':
          return elementSiblings(element).length === 1;
        case 'link':
          return (element.tagName === 'a' || element.tagName === 'area') && attributeOf(element, 'href') !== null;
      }
      return false;
    }
    case 'logical': {
      const any = part.selectors.some((s) => matchesSelector(element, s));
      return part.name === 'not' ? !any : any;
    }
    case 'unsupported':
      return false;
  }
}

function matchesCompound(element: Element, parts: readonly SimpleSelector[]): boolean {
  for (const part of parts) if (!matchesSimple(element, part)) return false;
  return true;
}

function matchesFrom(element: Element, selector: ParsedSelector, index: number): boolean {
  const compound = selector.compounds[index];
  if (!compound || !matchesCompound(element, compound.parts)) return false;
  if (index === 0) return true;
  switch (compound.combinator) {
    case '>': {
      const parent = parentElement(element);
      return parent !== null && matchesFrom(parent, selector, index - 1);
    }
    case '+': {
      const previous = previousElementSibling(element);
      return previous !== null && matchesFrom(previous, selector, index - 1);
    }
    case '~': {
      for (let s = previousElementSibling(element); s; s = previousElementSibling(s))
        if (matchesFrom(s, selector, index - 1)) return true;
      return false;
    }
    default: {
      for (let p = parentElement(element); p; p = parentElement(p))
        if (matchesFrom(p, selector, index - 1)) return true;
      return false;
    }
  }
}

/** Whether the element matches the (complex) selector, evaluated right to left. */
export function matchesSelector(element: Element, selector: ParsedSelector): boolean {
  if (selector.unsupported !== null || selector.compounds.length === 0) return false;
  return matchesFrom(element, selector, selector.compounds.length - 1);
}

// ----- specificity ---------------------------------------------------------------------

function addSpecificity(into: Specificity, add: Specificity): void {
  into[0] += add[0];
  into[1] += add[1];
  into[2] += add[2];
}

export function compareSpecificity(a: Specificity, b: Specificity): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Selectors Level 4 §16: (ids, classes/attributes/pseudo-classes, types/pseudo-elements). */
export function specificity(selector: ParsedSelector): Specificity {
  const total: Specificity = [0, 0, 0];
  for (const compound of selector.compounds) {
    for (const part of compound.parts) {
      switch (part.type) {
        case 'id':
          total[0]++;
          break;
        case 'class':
        case 'attribute':
        case 'pseudo-class':
          total[1]++;
          break;
        case 'type':
          total[2]++;
          break;
        case 'unsupported':
          if (part.counts === 'type') total[2]++;
          else total[1]++;
          break;
        case 'logical': {
          if (part.name === 'where') break;
          // :not() and :is() take the specificity of their most specific argument.
          let best: Specificity = [0, 0, 0];
          for (const s of part.selectors) {
            const sp = specificity(s);
            if (compareSpecificity(sp, best) > 0) best = sp;
          }
          addSpecificity(total, best);
          break;
        }
        case 'universal':
          break;
      }
    }
  }
  return total;
}

// ----- values ---------------------------------------------------------------------------

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

type LengthSpec = { kind: 'length'; unit: string; value: number } | { kind: 'auto' } | { kind: 'none' };

interface LengthOptions {
  auto?: boolean;
  none?: boolean;
  percent?: boolean;
  negative?: boolean;
}

function lengthOf(c: CssComponent | undefined, options: LengthOptions): LengthSpec | null {
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

function single(components: readonly CssComponent[]): CssComponent | undefined {
  return components.length === 1 ? components[0] : undefined;
}

function keyword(components: readonly CssComponent[]): string | null {
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
function colorOf(c: CssComponent | undefined): string | null {
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
const BORDER_STYLES = new Set([
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
const FONT_SIZE_KEYWORDS: Record<string, number> = {
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

function fontSizeSpec(c: CssComponent | undefined): FontSizeSpec | null {
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

function lineHeightSpec(c: CssComponent | undefined): LineHeightSpec | null {
  if (c?.type === 'ident') return c.value.toLowerCase() === 'normal' ? { kind: 'normal' } : null;
  if (c?.type === 'number') return c.value >= 0 ? { kind: 'number', value: c.value } : null;
  const len = lengthOf(c, { percent: true });
  return len?.kind === 'length' ? len : null;
}

function fontWeightSpec(c: CssComponent | undefined): number | 'bolder' | 'lighter' | null {
  if (c?.type === 'number') return c.value >= 1 && c.value <= 1000 ? c.value : null;
  if (c?.type !== 'ident') return null;
  const k = c.value.toLowerCase();
  if (k === 'normal') return 400;
  if (k === 'bold') return 700;
  if (k === 'bolder' || k === 'lighter') return k;
  return null;
}

function borderWidthSpec(c: CssComponent | undefined): LengthSpec | null {
  if (c?.type === 'ident' && c.value.toLowerCase() in BORDER_WIDTH_KEYWORDS)
    return { kind: 'length', unit: 'px', value: BORDER_WIDTH_KEYWORDS[c.value.toLowerCase()] ?? 3 };
  return lengthOf(c, {});
}

// ----- properties -----------------------------------------------------------------------

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
type Side = (typeof SIDES)[number];

/** Longhands the model tracks, each with a parse-time validator. */
const LONGHANDS: Record<string, (v: readonly CssComponent[]) => boolean> = {
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

const INHERITED = new Set([
  'color',
  'font-size',
  'font-weight',
  'line-height',
  'text-align',
  'visibility',
  'white-space',
]);
const CSS_WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);

type Expanded = [string, CssComponent[]][];

function fourSides(
  prefix: string,
  suffix: string,
  values: readonly CssComponent[],
  valid: (c: CssComponent) => boolean,
): Expanded | null {
  if (values.length < 1 || values.length > 4 || !values.every(valid)) return null;
  const [t, r = t, b = t, l = r] = values as [CssComponent, ...CssComponent[]];
  return [
    [`${prefix}top${suffix}`, [t]],
    [`${prefix}right${suffix}`, [r]],
    [`${prefix}bottom${suffix}`, [b]],
    [`${prefix}left${suffix}`, [l]],
  ];
}

function borderSide(
  values: readonly CssComponent[],
): { width: CssComponent; style: CssComponent; color: CssComponent } | null {
  let width: CssComponent | null = null;
  let style: CssComponent | null = null;
  let color: CssComponent | null = null;
  for (const c of values) {
    if (!width && borderWidthSpec(c) !== null) width = c;
    else if (!style && c.type === 'ident' && BORDER_STYLES.has(c.value.toLowerCase())) style = c;
    else if (!color && colorOf(c) !== null) color = c;
    else return null;
  }
  if (!width && !style && !color) return null;
  return {
    width: width ?? { type: 'ident', value: 'medium' },
    style: style ?? { type: 'ident', value: 'none' },
    color: color ?? { type: 'ident', value: 'currentcolor' },
  };
}

const BACKGROUND_KEYWORDS = new Set([
  'none',
  'repeat',
  'repeat-x',
  'repeat-y',
  'no-repeat',
  'space',
  'round',
  'scroll',
  'fixed',
  'local',
  'top',
  'bottom',
  'left',
  'right',
  'center',
  'border-box',
  'padding-box',
  'content-box',
  'text',
  'auto',
  'cover',
  'contain',
]);

/** Expands a shorthand into longhands the model tracks; null when the value is invalid. */
function expandShorthand(property: string, v: readonly CssComponent[]): Expanded | null {
  const isLength = (opts: LengthOptions) => (c: CssComponent) => lengthOf(c, opts) !== null;
  switch (property) {
    case 'margin':
      return fourSides('margin-', '', v, isLength({ auto: true, percent: true, negative: true }));
    case 'padding':
      return fourSides('padding-', '', v, isLength({ percent: true }));
    case 'border-width':
      return fourSides('border-', '-width', v, (c) => borderWidthSpec(c) !== null);
    case 'border-style':
      return fourSides('border-', '-style', v, (c) => c.type === 'ident' && BORDER_STYLES.has(c.value.toLowerCase()));
    case 'border-color':
      return fourSides('border-', '-color', v, (c) => colorOf(c) !== null);
    case 'border':
    case 'border-top':
    case 'border-right':
    case 'border-bottom':
    case 'border-left': {
      const parts = borderSide(v);
      if (!parts) return null;
      const sides: readonly Side[] = property === 'border' ? SIDES : [property.slice(7) as Side];
      return sides.flatMap((s): Expanded => [
        [`border-${s}-width`, [parts.width]],
        [`border-${s}-style`, [parts.style]],
        [`border-${s}-color`, [parts.color]],
      ]);
    }
    case 'background': {
      // Only the color matters to the model: the final layer's color, if any.
      let color: CssComponent = { type: 'ident', value: 'transparent' };
      for (const c of v) {
        if (c.type === 'ident' && BACKGROUND_KEYWORDS.has(c.value.toLowerCase())) continue;
        if (colorOf(c) !== null) color = c;
      }
      return [['background-color', [color]]];
    }
    case 'font': {
      // [style || variant || weight || stretch]? size [/ line-height]? family
      let weight: CssComponent = { type: 'ident', value: 'normal' };
      let index = 0;
      for (; index < v.length; index++) {
        const c = v[index];
        if (!c) break;
        if (fontSizeSpec(c) !== null) break;
        if (fontWeightSpec(c) !== null) weight = c;
        else if (!(
          c.type === 'ident' &&
          [
            'normal',
            'italic',
            'oblique',
            'small-caps',
            'condensed',
            'expanded',
            'semi-condensed',
            'semi-expanded',
          ].includes(c.value.toLowerCase())
        ))
          return null;
      }
      const size = v[index];
      if (!size || fontSizeSpec(size) === null) return null;
      let lineHeight: CssComponent = { type: 'ident', value: 'normal' };
      let next = index + 1;
      const slash = v[next];
      if (slash?.type === 'operator' && slash.value === '/') {
        const lh = v[next + 1];
        if (!lh || lineHeightSpec(lh) === null) return null;
        lineHeight = lh;
        next += 2;
      }
      if (next >= v.length) return null; // the family is required
      return [
        ['font-size', [size]],
        ['line-height', [lineHeight]],
        ['font-weight', [weight]],
      ];
    }
    default:
      return null;
  }
}

const sideLonghands = (prefix: string, suffix: string): string[] => SIDES.map((s) => `${prefix}${s}${suffix}`);
const borderSideLonghands = (s: Side): string[] => [`border-${s}-width`, `border-${s}-style`, `border-${s}-color`];
const SHORTHAND_LONGHANDS: Record<string, string[]> = {
  margin: sideLonghands('margin-', ''),
  padding: sideLonghands('padding-', ''),
  'border-width': sideLonghands('border-', '-width'),
  'border-style': sideLonghands('border-', '-style'),
  'border-color': sideLonghands('border-', '-color'),
  border: SIDES.flatMap(borderSideLonghands),
  'border-top': borderSideLonghands('top'),
  'border-right': borderSideLonghands('right'),
  'border-bottom': borderSideLonghands('bottom'),
  'border-left': borderSideLonghands('left'),
  background: ['background-color'],
  font: ['font-size', 'line-height', 'font-weight'],
};

/** A declaration as longhands the model tracks, or [] when it tracks none of them or it is invalid. */
export function expandDeclaration(declaration: Pick<CssDeclaration, 'property' | 'components'>): Expanded {
  const { property, components } = declaration;
  const wide = keyword(components);
  if (wide !== null && CSS_WIDE.has(wide)) {
    if (LONGHANDS[property]) return [[property, [...components]]];
    // A CSS-wide keyword on a shorthand applies to each of its longhands.
    return (SHORTHAND_LONGHANDS[property] ?? []).map((p) => [p, [...components]]);
  }
  const validate = LONGHANDS[property];
  if (validate) return validate(components) ? [[property, [...components]]] : [];
  if (SHORTHAND_LONGHANDS[property]) return expandShorthand(property, components) ?? [];
  return [];
}

// ----- rule set and cascade ---------------------------------------------------------------

interface IndexedSelector {
  rule: CssRule;
  ruleIndex: number;
  selector: ParsedSelector;
  specificity: Specificity;
}

interface RuleSet {
  origin: 'ua' | 'author';
  byId: Map<string, IndexedSelector[]>;
  byClass: Map<string, IndexedSelector[]>;
  byTag: Map<string, IndexedSelector[]>;
  universal: IndexedSelector[];
  ruleCount: number;
  unsupported: number;
}

function bucket(map: Map<string, IndexedSelector[]>, key: string, entry: IndexedSelector): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Blink's RuleSet: selectors bucketed by the rightmost compound's id, class or tag. */
function buildRuleSet(sheets: readonly CssStyleSheetModel[], origin: 'ua' | 'author'): RuleSet {
  const set: RuleSet = {
    origin,
    byId: new Map(),
    byClass: new Map(),
    byTag: new Map(),
    universal: [],
    ruleCount: 0,
    unsupported: 0,
  };
  let ruleIndex = 0;
  for (const sheet of sheets) {
    for (const rule of sheet.rules) {
      set.ruleCount++;
      for (const selector of rule.selectors) {
        if (selector.unsupported !== null) {
          set.unsupported++;
          continue;
        }
        const entry: IndexedSelector = { rule, ruleIndex, selector, specificity: specificity(selector) };
        const parts = selector.compounds.at(-1)?.parts ?? [];
        const id = parts.find((p) => p.type === 'id');
        const cls = parts.find((p) => p.type === 'class');
        const tag = parts.find((p) => p.type === 'type');
        if (id?.type === 'id') bucket(set.byId, id.name, entry);
        else if (cls?.type === 'class') bucket(set.byClass, cls.name, entry);
        else if (tag?.type === 'type') bucket(set.byTag, tag.name, entry);
        else set.universal.push(entry);
      }
      ruleIndex++;
    }
  }
  return set;
}

interface CascadeEntry {
  property: string;
  components: CssComponent[];
  /** 0 UA normal, 1 author normal, 2 author important, 3 UA important. */
  rank: number;
  inline: boolean;
  specificity: Specificity;
  /** The rule's position in the cascade, then the declaration's position in the rule. */
  order: number;
  position: number;
}

function compareEntries(a: CascadeEntry, b: CascadeEntry): number {
  return (
    a.rank - b.rank ||
    Number(a.inline) - Number(b.inline) ||
    compareSpecificity(a.specificity, b.specificity) ||
    a.order - b.order ||
    a.position - b.position
  );
}

function pushDeclarations(
  out: CascadeEntry[],
  declarations: readonly CssDeclaration[],
  origin: 'ua' | 'author',
  inline: boolean,
  sp: Specificity,
  order: number,
): void {
  declarations.forEach((d, position) => {
    const rank = origin === 'ua' ? (d.important ? 3 : 0) : d.important ? 2 : 1;
    for (const [property, components] of expandDeclaration(d))
      out.push({ property, components, rank, inline, specificity: sp, order, position });
  });
}

function matchRuleSet(element: Element, set: RuleSet, out: CascadeEntry[], orderBase: number): void {
  const candidates: IndexedSelector[] = [];
  const id = attributeOf(element, 'id');
  if (id) candidates.push(...(set.byId.get(id) ?? []));
  for (const c of new Set(classesOf(element))) candidates.push(...(set.byClass.get(c) ?? []));
  candidates.push(...(set.byTag.get(element.tagName.toLowerCase()) ?? []));
  candidates.push(...set.universal);
  // A rule applies once, with the specificity of its most specific matching selector.
  const matched = new Map<number, IndexedSelector>();
  for (const candidate of candidates) {
    const previous = matched.get(candidate.ruleIndex);
    if (previous && compareSpecificity(previous.specificity, candidate.specificity) >= 0) continue;
    if (matchesSelector(element, candidate.selector)) matched.set(candidate.ruleIndex, candidate);
  }
  for (const m of matched.values())
    pushDeclarations(out, m.rule.declarations, set.origin, false, m.specificity, orderBase + m.ruleIndex);
}

const HINT_SIZE_ELEMENTS = new Set([
  'img',
  'iframe',
  'video',
  'canvas',
  'embed',
  'object',
  'svg',
  'table',
  'td',
  'th',
  'col',
  'input',
  'hr',
]);
const HINT_ALIGN_ELEMENTS = new Set(['div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'caption']);

/** HTML's presentational hints the model knows (width/height, bgcolor, align). */
function presentationalHints(element: Element): CssDeclaration[] {
  const out: CssDeclaration[] = [];
  const tag = element.tagName;
  if (HINT_SIZE_ELEMENTS.has(tag)) {
    for (const name of ['width', 'height'] as const) {
      if (tag === 'td' && name === 'height') continue;
      const raw = attributeOf(element, name);
      const m = raw === null ? null : /^\s*(\d+(?:\.\d+)?)\s*(%|px)?/i.exec(raw);
      if (!m?.[1]) continue;
      const value = Number(m[1]);
      const c: CssComponent = m[2] === '%' ? { type: 'percentage', value } : { type: 'dimension', value, unit: 'px' };
      out.push({ property: name, value: `${value}${m[2] === '%' ? '%' : 'px'}`, important: false, components: [c] });
    }
  }
  const bgcolor = attributeOf(element, 'bgcolor');
  if (bgcolor && ['body', 'table', 'tr', 'td', 'th'].includes(tag)) {
    const c: CssComponent = /^#?[0-9a-f]{6}$/i.test(bgcolor.trim())
      ? { type: 'hash', value: bgcolor.trim().replace(/^#/, '') }
      : { type: 'ident', value: bgcolor.trim() };
    out.push({ property: 'background-color', value: bgcolor, important: false, components: [c] });
  }
  const align = attributeOf(element, 'align')?.toLowerCase();
  if (align && HINT_ALIGN_ELEMENTS.has(tag) && ['left', 'right', 'center', 'justify'].includes(align)) {
    out.push({ property: 'text-align', value: align, important: false, components: [{ type: 'ident', value: align }] });
  }
  return out;
}

/** The cascaded (winning) value of every tracked longhand that has one. */
function cascade(
  element: Element,
  ua: RuleSet,
  author: RuleSet,
): { winners: Map<string, CssComponent[]>; matched: number } {
  const entries: CascadeEntry[] = [];
  matchRuleSet(element, ua, entries, 0);
  // Presentational hints: author origin, below any author rule.
  pushDeclarations(entries, presentationalHints(element), 'author', false, [0, 0, 0], -1);
  matchRuleSet(element, author, entries, 1_000_000);
  const styleAttr = attributeOf(element, 'style');
  if (styleAttr) pushDeclarations(entries, parseInlineStyle(styleAttr), 'author', true, [0, 0, 0], 2_000_000);
  entries.sort((a, b) => compareEntries(b, a));
  const winners = new Map<string, CssComponent[]>();
  for (const e of entries) if (!winners.has(e.property)) winners.set(e.property, e.components);
  return { winners, matched: entries.length };
}

// ----- computing values ----------------------------------------------------------------------

interface ComputeContext {
  parent: ComputedStyle | null;
  rootFontSize: number;
  env: StyleEnvironment;
  winners: Map<string, CssComponent[]>;
}

const INITIAL_STYLE: ComputedStyle = {
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

function computeStyle(element: Element, ctx: ComputeContext): ComputedStyle {
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

// ----- the document ------------------------------------------------------------------------

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/**
 * Computes the style of every element of the document (template contents excluded),
 * parents before children. `authorSheets` are the document's stylesheets in order.
 */
export function resolveStyles(
  document: DefaultTreeAdapterMap['document'],
  authorSheets: readonly CssStyleSheetModel[],
  env: StyleEnvironment,
): StyleResolution {
  const ua = buildRuleSet([userAgentStyleSheet()], 'ua');
  const author = buildRuleSet(authorSheets, 'author');
  const styles = new Map<Element, ComputedStyle>();
  let matchedDeclarationCount = 0;
  let rootFontSize = INITIAL_FONT_SIZE;
  const visit = (node: Node, parent: ComputedStyle | null, depth: number): void => {
    if (!isElement(node)) {
      for (const child of childrenOf(node)) visit(child, parent, depth);
      return;
    }
    if (depth >= MAX_ELEMENT_DEPTH) return;
    const { winners, matched } = cascade(node, ua, author);
    matchedDeclarationCount += matched;
    const style = computeStyle(node, { parent, rootFontSize, env, winners });
    if (node.parentNode?.nodeName === '#document') rootFontSize = style.fontSize;
    styles.set(node, style);
    for (const child of node.childNodes) visit(child, style, depth + 1);
  };
  visit(document, null, 0);
  return {
    styles,
    elementCount: styles.size,
    authorRuleCount: author.ruleCount,
    userAgentRuleCount: ua.ruleCount,
    unsupportedSelectorCount: author.unsupported,
    matchedDeclarationCount,
  };
}
