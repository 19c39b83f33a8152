/**
 * Blink's layout tree and LayoutNG, reduced to a simplified block-and-inline layout
 * NavScope can show.
 *
 * The render tree (LayoutObjects) is built from the DOM and computed styles: no
 * `head`, no `display: none` subtrees, `display: contents` elements replaced by their
 * children, the children of replaced elements (img, iframe, video, canvas, svg,
 * input, select, textarea, object, embed) not rendered. `visibility: hidden` boxes
 * stay in the tree and take space (paint skips them).
 *
 * Layout, in CSS px, at a given viewport (the initial containing block):
 * - Block boxes stack vertically in normal flow: margins, borders, padding,
 *   `width`/`height` (px or % of the containing block), `box-sizing`,
 *   `min-`/`max-width`/`-height`, `margin: auto` centering. Vertical margins of
 *   adjacent siblings collapse (max of positives + min of negatives); margins of a
 *   parent and its first/last child, and through empty blocks, do not.
 * - A block with both block and inline children wraps each run of inline children in
 *   an anonymous block (not reported as a box). An inline element that contains a
 *   block is laid out as a block itself (no block-in-inline splitting).
 * - Inline content is laid out in line boxes with greedy wrapping at spaces (and
 *   between CJK characters), white-space collapsing (`normal`, `nowrap`, `pre`,
 *   `pre-wrap`, `pre-line`), `<br>`, `text-align` (`justify` as left). Glyphs are not shaped: every
 *   character advances 0.55 × font-size, CJK characters 1 × font-size. Line boxes
 *   are as tall as their tallest inline box (line-height) aligned on a baseline at
 *   0.8 × font-size below the top of the glyph box.
 * - Atomic inlines: inline-block (and inline-flex/-grid/-table) boxes use
 *   shrink-to-fit width; replaced elements use their CSS width/height (where the
 *   `width`/`height` attributes arrive as presentational hints), else the image's
 *   natural size when the caller knows it, else 0×0 for an image whose pixels were
 *   not decoded, 300×150 for iframe/video/canvas/svg/object/embed.
 * - Not modelled: floats and positioning (laid out in flow), flex and grid
 *   formatting (stacked as blocks), tables (rows and cells stacked as blocks),
 *   list markers, overflow and scrolling, vertical-align other than baseline.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { ComputedLength, ComputedStyle } from './computedStyle.js';
import { attributeOf, isElement } from './elementTraversal.js';

type Element = DefaultTreeAdapterMap['element'];
type Document = DefaultTreeAdapterMap['document'];

export type BoxKind = 'block' | 'inline' | 'text' | 'image' | 'inline-block';

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

export interface LayoutObject {
  id: number;
  /** The element's tag, or "#text". */
  tag: string;
  kind: BoxKind | 'br';
  /** Block-level (stacks) or inline-level (flows in lines). */
  level: 'block' | 'inline';
  element: Element | null;
  /** A text run has its parent element's style (text inherits). */
  style: ComputedStyle;
  children: LayoutObject[];
  depth: number;
  /** A text run's text as in the DOM. */
  text: string;
  /** A text node of only spaces/newlines: kept for inline spacing, not reported as a run. */
  whitespaceOnly: boolean;
  /** Replaced content (images, embedded content, form controls). */
  replaced: ReplacedContent | null;
}

export interface ReplacedContent {
  /** Natural size when known (a decoded image), else null. */
  natural: { width: number; height: number } | null;
  /** The size used when neither CSS nor the natural size says. */
  fallback: { width: number; height: number };
  src: string | null;
}

export interface ExcludedNode {
  tag: string;
  /** "div#ad.banner" */
  label: string;
  reason: 'display:none' | 'head' | 'not rendered';
}

export interface RenderTree {
  root: LayoutObject | null;
  /** Every LayoutObject in tree order (whitespace-only text runs excluded). */
  objects: LayoutObject[];
  excluded: ExcludedNode[];
}

export interface RenderTreeOptions {
  /** To resolve `<img src>` (the document's base URL). */
  baseUrl?: string;
  /** Natural sizes of images that were decoded, by absolute URL. */
  imageSizes?: ReadonlyMap<string, { width: number; height: number }>;
}

export const CHAR_ADVANCE = 0.55;
export const CJK_ADVANCE = 1;
/** The baseline's position in a glyph box of 1 × font-size (ascent). */
const ASCENT = 0.8;

// ----- the render tree ----------------------------------------------------------------

const REPLACED_FALLBACK: Record<string, { width: number; height: number }> = {
  img: { width: 0, height: 0 },
  iframe: { width: 300, height: 150 },
  video: { width: 300, height: 150 },
  canvas: { width: 300, height: 150 },
  svg: { width: 300, height: 150 },
  object: { width: 300, height: 150 },
  embed: { width: 300, height: 150 },
  audio: { width: 300, height: 54 },
  select: { width: 80, height: 17 },
  textarea: { width: 180, height: 30 },
};

export function labelOf(element: Element): string {
  const id = attributeOf(element, 'id');
  const classes = (attributeOf(element, 'class') ?? '')
    .split(/\s+/)
    .filter((c) => c !== '')
    .slice(0, 3);
  const label = `${element.tagName}${id ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

function replacedContentOf(element: Element, options: RenderTreeOptions): ReplacedContent | null {
  const tag = element.tagName;
  if (tag === 'input') {
    const type = (attributeOf(element, 'type') ?? 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio')
      return { natural: null, fallback: { width: 13, height: 13 }, src: null };
    if (type === 'submit' || type === 'button' || type === 'reset') {
      const label = attributeOf(element, 'value') ?? (type === 'reset' ? 'Reset' : type === 'submit' ? 'Submit' : '');
      return { natural: null, fallback: { width: textAdvance(label, 13.333), height: 16 }, src: null };
    }
    if (type === 'image')
      return {
        natural: null,
        fallback: { width: 0, height: 0 },
        src: resolveSrc(attributeOf(element, 'src'), options),
      };
    return { natural: null, fallback: { width: 150, height: 16 }, src: null };
  }
  const fallback = REPLACED_FALLBACK[tag];
  if (!fallback) return null;
  if (tag === 'img') {
    const src = resolveSrc(attributeOf(element, 'src'), options);
    const natural = src ? (options.imageSizes?.get(src) ?? null) : null;
    return { natural, fallback, src };
  }
  return { natural: null, fallback, src: null };
}

function resolveSrc(src: string | null, options: RenderTreeOptions): string | null {
  if (src === null || src.trim() === '') return null;
  try {
    return new URL(src.trim(), options.baseUrl).href;
  } catch {
    return src.trim();
  }
}

const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;

/** Builds the render tree from the DOM and the computed styles. */
export function buildRenderTree(
  document: Document,
  styles: ReadonlyMap<Element, ComputedStyle>,
  options: RenderTreeOptions = {},
): RenderTree {
  const objects: LayoutObject[] = [];
  const excluded: ExcludedNode[] = [];
  let nextId = 1;

  const exclude = (element: Element, reason: ExcludedNode['reason']): void => {
    excluded.push({ tag: element.tagName, label: labelOf(element), reason });
  };

  /** Adds the DOM children of `parentNode` to `into`; text runs take `style` (their parent element's). */
  const addChildren = (parentNode: Element, into: LayoutObject, depth: number, style: ComputedStyle): void => {
    for (const child of parentNode.childNodes) {
      if (isElement(child)) addElement(child, into, depth);
      else if (child.nodeName === '#text' && 'value' in child) {
        const whitespaceOnly = WHITESPACE_ONLY.test(child.value);
        const text: LayoutObject = {
          id: nextId++,
          tag: '#text',
          kind: 'text',
          level: 'inline',
          element: null,
          style,
          children: [],
          depth,
          text: child.value,
          whitespaceOnly,
          replaced: null,
        };
        into.children.push(text);
        if (!whitespaceOnly) objects.push(text);
      }
    }
  };

  const addElement = (element: Element, parent: LayoutObject | null, depth: number): LayoutObject | null => {
    const style = styles.get(element);
    if (!style) {
      // Not styled: deeper than the model's DOM depth limit (see MAX_ELEMENT_DEPTH).
      exclude(element, 'not rendered');
      return null;
    }
    if (element.tagName === 'head') {
      exclude(element, 'head');
      return null;
    }
    if (style.layoutDisplay === 'none') {
      exclude(element, 'display:none');
      return null;
    }
    if (style.display === 'contents' && parent) {
      // The element generates no box; its children are its parent's.
      addChildren(element, parent, depth, style);
      return null;
    }
    const replaced = replacedContentOf(element, options);
    const level: LayoutObject['level'] = style.layoutDisplay === 'block' ? 'block' : 'inline';
    const kind: LayoutObject['kind'] =
      element.tagName === 'img'
        ? 'image'
        : element.tagName === 'br'
          ? 'br'
          : replaced
            ? level === 'block'
              ? 'block'
              : 'inline-block'
            : style.layoutDisplay === 'block'
              ? 'block'
              : style.layoutDisplay;
    const object: LayoutObject = {
      id: nextId++,
      tag: element.tagName,
      kind,
      level,
      element,
      style,
      children: [],
      depth,
      text: '',
      whitespaceOnly: false,
      replaced,
    };
    objects.push(object);
    parent?.children.push(object);
    if (replaced || kind === 'br') {
      for (const child of element.childNodes) if (isElement(child)) exclude(child, 'not rendered');
    } else {
      addChildren(element, object, depth + 1, style);
      // An inline that contains a block is laid out as a block (see the header comment).
      if (object.kind === 'inline' && object.children.some((c) => c.level === 'block')) {
        object.kind = 'block';
        object.level = 'block';
      }
    }
    return object;
  };

  let root: LayoutObject | null = null;
  for (const child of document.childNodes) {
    if (isElement(child)) {
      root = addElement(child, null, 0);
      break;
    }
  }
  return { root, objects, excluded };
}

// ----- text measurement -----------------------------------------------------------------

const CJK =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{2fa1f}]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** The model's text width: 0.55 × font-size per character, 1 × font-size per CJK character. */
export function textAdvance(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += (isCjk(ch) ? CJK_ADVANCE : CHAR_ADVANCE) * fontSize;
  return width;
}

// ----- layout ---------------------------------------------------------------------------------

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

interface Edges {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

interface Metrics {
  /** null where the margin is auto. */
  margin: { top: number | null; right: number | null; bottom: number | null; left: number | null };
  border: Edges;
  padding: Edges;
}

function resolveLength(length: ComputedLength, base: number | null): number | null {
  if (length.type === 'px') return length.value;
  if (length.type === 'percent') return base === null ? null : (base * length.value) / 100;
  return null;
}

function metricsOf(style: ComputedStyle, cbWidth: number): Metrics {
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

function horizontalExtras(m: Metrics): number {
  return m.border.left + m.border.right + m.padding.left + m.padding.right;
}

function verticalExtras(m: Metrics): number {
  return m.border.top + m.border.bottom + m.padding.top + m.padding.bottom;
}

/** A specified width/height as a content-box size, or null for auto/unresolvable. */
function contentSize(length: ComputedLength, base: number | null, style: ComputedStyle, extras: number): number | null {
  const v = resolveLength(length, base);
  if (v === null) return null;
  return Math.max(0, style.boxSizing === 'border-box' ? v - extras : v);
}

function clampSize(
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

function collapseMargins(a: number, b: number): number {
  return Math.max(0, a, b) + Math.min(0, a, b);
}

class LayoutContext {
  /** min-/max-content widths do not depend on the containing block (percentages count as 0): computed once per object. */
  readonly intrinsic = new Map<LayoutObject, { min: number; max: number }>();

  box(
    object: LayoutObject,
    owner: number | null,
    sink: LayoutBox[],
    x: number,
    y: number,
    width: number,
    height: number,
    text?: string,
  ): LayoutBox {
    const box: LayoutBox = {
      id: object.id,
      tag: object.tag,
      kind: object.kind === 'br' ? 'inline' : object.kind,
      x,
      y,
      width,
      height,
      depth: object.depth,
      style: object.style,
      level: object.level,
      atomicOwner: owner,
      label: object.element ? labelOf(object.element) : object.tag,
      replaced: object.replaced !== null,
    };
    if (text !== undefined) box.text = text.length > 80 ? `${text.slice(0, 79)}…` : text;
    if (object.replaced?.src)
      box.src = object.replaced.src.length > 300 ? `${object.replaced.src.slice(0, 299)}…` : object.replaced.src;
    sink.push(box);
    return box;
  }
}

// ----- replaced and atomic sizing ----------------------------------------------------------

function replacedSize(
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

// ----- inline content: items, segments, lines ---------------------------------------------

interface Piece {
  kind: 'text' | 'space' | 'edge' | 'atomic';
  object: LayoutObject;
  /** Inline elements this piece is inside (an edge piece includes its own element). */
  ancestors: readonly LayoutObject[];
  text: string;
  width: number;
  /** For edges: the margin part (outside the border box) on the outer side. */
  margin: number;
  side: 'open' | 'close' | null;
  atomic: AtomicLayout | null;
  x: number;
}

interface Segment {
  pieces: Piece[];
  width: number;
  spaceBefore: Piece | null;
}

type Token = { type: 'segment'; segment: Segment } | { type: 'break'; object: LayoutObject };

interface AtomicLayout {
  /** Boxes with the border box at (0, 0). */
  boxes: LayoutBox[];
  marginLeft: number;
  marginTop: number;
  width: number;
  height: number;
  /** Margin-box size. */
  outerWidth: number;
  outerHeight: number;
}

type AtomicSizer = (object: LayoutObject) => AtomicLayout;

/** Splits inline content into unbreakable segments and forced breaks. */
function segmentInline(objects: readonly LayoutObject[], cbWidth: number, sizeAtomic: AtomicSizer): Token[] {
  const tokens: Token[] = [];
  let current: Piece[] = [];
  let pendingSpace: Piece | null = null;
  let atLineStart = true; // collapsible spaces are dropped at the start of a line
  let lastWasSpace = true;

  const flush = (): void => {
    if (current.length === 0) return;
    tokens.push({
      type: 'segment',
      segment: { pieces: current, width: current.reduce((w, p) => w + p.width, 0), spaceBefore: pendingSpace },
    });
    current = [];
    pendingSpace = null;
    atLineStart = false;
  };
  const forcedBreak = (object: LayoutObject): void => {
    flush();
    tokens.push({ type: 'break', object });
    pendingSpace = null;
    atLineStart = true;
    lastWasSpace = true;
  };
  const appendText = (object: LayoutObject, ancestors: readonly LayoutObject[], text: string): void => {
    const width = textAdvance(text, object.style.fontSize);
    const last = current.at(-1);
    if (last && last.kind === 'text' && last.object === object) {
      last.text += text;
      last.width += width;
    } else {
      current.push({ kind: 'text', object, ancestors, text, width, margin: 0, side: null, atomic: null, x: 0 });
    }
  };

  const visit = (object: LayoutObject, ancestors: readonly LayoutObject[]): void => {
    if (object.kind === 'br') {
      forcedBreak(object);
      return;
    }
    if (object.kind === 'text') {
      const ws = object.style.whiteSpace;
      const preserveSpaces = ws === 'pre' || ws === 'pre-wrap';
      const preserveNewlines = ws !== 'normal' && ws !== 'nowrap';
      const canWrap = ws !== 'nowrap' && ws !== 'pre';
      let text = object.text.replace(/\r\n?/g, '\n');
      if (!preserveSpaces)
        text = preserveNewlines
          ? text.replace(/[ \t\f]*\n[ \t\f]*/g, '\n').replace(/[ \t\f]+/g, ' ')
          : text.replace(/[ \t\n\f]+/g, ' ');
      for (const ch of text) {
        if (ch === '\n' && preserveNewlines) {
          forcedBreak(object);
          continue;
        }
        if (ch === ' ' && !preserveSpaces) {
          if (atLineStart && current.length === 0) continue;
          if (lastWasSpace) continue;
          lastWasSpace = true;
          if (!canWrap) {
            appendText(object, ancestors, ' ');
            continue;
          }
          flush();
          pendingSpace = {
            kind: 'space',
            object,
            ancestors,
            text: ' ',
            width: textAdvance(' ', object.style.fontSize),
            margin: 0,
            side: null,
            atomic: null,
            x: 0,
          };
          continue;
        }
        lastWasSpace = false;
        if (ch === '\t' && preserveSpaces) {
          appendText(object, ancestors, '        ');
        } else if (isCjk(ch) && canWrap) {
          flush();
          appendText(object, ancestors, ch);
          flush();
          continue;
        } else {
          appendText(object, ancestors, ch);
        }
        if ((ch === ' ' || ch === '\t') && ws === 'pre-wrap') flush(); // preserved spaces hang; a break may follow
      }
      return;
    }
    if (object.kind === 'inline') {
      const m = metricsOf(object.style, cbWidth);
      const inner = [...ancestors, object];
      const open = (m.margin.left ?? 0) + m.border.left + m.padding.left;
      current.push({
        kind: 'edge',
        object,
        ancestors: inner,
        text: '',
        width: open,
        margin: m.margin.left ?? 0,
        side: 'open',
        atomic: null,
        x: 0,
      });
      for (const child of object.children) visit(child, inner);
      const close = (m.margin.right ?? 0) + m.border.right + m.padding.right;
      current.push({
        kind: 'edge',
        object,
        ancestors: inner,
        text: '',
        width: close,
        margin: m.margin.right ?? 0,
        side: 'close',
        atomic: null,
        x: 0,
      });
      return;
    }
    // An atomic inline (inline-block, image, replaced element): a break opportunity on either side.
    flush();
    const atomic = sizeAtomic(object);
    current.push({
      kind: 'atomic',
      object,
      ancestors,
      text: '',
      width: atomic.outerWidth,
      margin: 0,
      side: null,
      atomic,
      x: 0,
    });
    flush();
    lastWasSpace = false;
  };
  for (const object of objects) visit(object, []);
  flush();
  return tokens;
}

interface Line {
  pieces: Piece[];
  width: number;
  hasBreak: boolean;
}

function breakLines(tokens: readonly Token[], available: number): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  const finish = (): void => {
    if (!line) return;
    while (line.pieces.at(-1)?.kind === 'space') {
      const dropped = line.pieces.pop();
      line.width -= dropped?.width ?? 0;
    }
    lines.push(line);
    line = null;
  };
  for (const token of tokens) {
    if (token.type === 'break') {
      line ??= { pieces: [], width: 0, hasBreak: false };
      line.hasBreak = true;
      finish();
      continue;
    }
    const { segment } = token;
    if (line && line.pieces.length > 0) {
      const space = segment.spaceBefore?.width ?? 0;
      if (line.width + space + segment.width > available + 0.001) finish();
      else if (segment.spaceBefore) {
        line.pieces.push({ ...segment.spaceBefore, x: line.width });
        line.width += space;
      }
    }
    line ??= { pieces: [], width: 0, hasBreak: false };
    for (const piece of segment.pieces) {
      piece.x = line.width;
      line.pieces.push(piece);
      line.width += piece.width;
    }
  }
  finish();
  return lines;
}

/** min-content and max-content widths of inline content. */
function inlineIntrinsic(objects: readonly LayoutObject[], ctx: LayoutContext): { min: number; max: number } {
  const widest = (mode: 'min' | 'max'): Token[] => segmentInline(objects, 0, (o) => intrinsicAtomic(o, ctx, mode));
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

/** An atomic inline measured for intrinsic sizing (no boxes). */
function intrinsicAtomic(object: LayoutObject, ctx: LayoutContext, mode: 'min' | 'max'): AtomicLayout {
  const m = metricsOf(object.style, 0);
  const extras = horizontalExtras(m) + (m.margin.left ?? 0) + (m.margin.right ?? 0);
  let width: number;
  if (object.replaced) width = replacedSize(object, m, null, null).width;
  else {
    const specified = contentSize(object.style.width, null, object.style, horizontalExtras(m));
    width = specified ?? intrinsicWidths(object, ctx)[mode];
  }
  return { boxes: [], marginLeft: 0, marginTop: 0, width, height: 0, outerWidth: width + extras, outerHeight: 0 };
}

/** min-content and max-content widths of a block container's content box. */
function intrinsicWidths(object: LayoutObject, ctx: LayoutContext): { min: number; max: number } {
  const known = ctx.intrinsic.get(object);
  if (known) return known;
  let min = 0;
  let max = 0;
  for (const group of groupChildren(object.children)) {
    if (group.type === 'inline') {
      const w = inlineIntrinsic(group.objects, ctx);
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
    const inner = specified !== null ? { min: specified, max: specified } : intrinsicWidths(child, ctx);
    min = Math.max(min, inner.min + extras);
    max = Math.max(max, inner.max + extras);
  }
  const result = { min, max };
  ctx.intrinsic.set(object, result);
  return result;
}

// ----- block layout ----------------------------------------------------------------------------

type ChildGroup = { type: 'block'; object: LayoutObject } | { type: 'inline'; objects: LayoutObject[] };

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

/** Lays out a block container's children in its content box; returns the content height. */
function layoutChildren(
  container: LayoutObject,
  x: number,
  y: number,
  width: number,
  height: number | null,
  ctx: LayoutContext,
  sink: LayoutBox[],
  owner: number | null,
): number {
  let cursor = y;
  let pendingMargin = 0;
  for (const group of groupChildren(container.children)) {
    if (group.type === 'inline') {
      const scratch: LayoutBox[] = [];
      const h = layoutInline(group.objects, container.style, x, cursor + pendingMargin, width, ctx, scratch, owner);
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
    const box = layoutBlock(child, m, x, top, width, height, ctx, sink, owner);
    cursor = top + box.height;
    pendingMargin = m.margin.bottom ?? 0;
  }
  return cursor + pendingMargin - y;
}

/** Lays out a block-level box with its border box's top at `top`. */
function layoutBlock(
  object: LayoutObject,
  m: Metrics,
  cbX: number,
  top: number,
  cbWidth: number,
  cbHeight: number | null,
  ctx: LayoutContext,
  sink: LayoutBox[],
  owner: number | null,
): LayoutBox {
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
  const box = ctx.box(object, owner, sink, x, top, contentWidth + hExtras, 0);
  let contentHeight: number;
  if (replacedHeight !== null) {
    contentHeight = replacedHeight;
  } else {
    const specifiedHeight = contentSize(style.height, cbHeight, style, vExtras);
    const laidOut = layoutChildren(
      object,
      x + m.border.left + m.padding.left,
      top + m.border.top + m.padding.top,
      contentWidth,
      specifiedHeight,
      ctx,
      sink,
      owner,
    );
    contentHeight = clampSize(specifiedHeight ?? laidOut, style.minHeight, style.maxHeight, cbHeight, style, vExtras);
  }
  box.height = contentHeight + vExtras;
  return box;
}

/** Lays out an atomic inline with its border box at (0, 0), for the line to place. */
function layoutAtomic(object: LayoutObject, cbWidth: number, ctx: LayoutContext): AtomicLayout {
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
    const box = ctx.box(object, null, boxes, 0, 0, size.width + hExtras, size.height + vExtras);
    width = box.width;
    height = box.height;
  } else {
    const specifiedWidth = contentSize(style.width, cbWidth, style, hExtras);
    let contentWidth = specifiedWidth;
    if (contentWidth === null) {
      // Shrink-to-fit (CSS 2.1 §10.3.9).
      const available = Math.max(0, cbWidth - marginLeft - marginRight - hExtras);
      const intrinsic = intrinsicWidths(object, ctx);
      contentWidth = Math.min(Math.max(intrinsic.min, available), intrinsic.max);
    }
    contentWidth = clampSize(contentWidth, style.minWidth, style.maxWidth, cbWidth, style, hExtras);
    const box = ctx.box(object, null, boxes, 0, 0, contentWidth + hExtras, 0);
    const specifiedHeight = contentSize(style.height, null, style, vExtras);
    const laidOut = layoutChildren(
      object,
      m.border.left + m.padding.left,
      m.border.top + m.padding.top,
      contentWidth,
      specifiedHeight,
      ctx,
      boxes,
      object.id,
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

/** Lays out a run of inline-level objects in line boxes; returns the height of the lines. */
function layoutInline(
  objects: readonly LayoutObject[],
  containerStyle: ComputedStyle,
  x: number,
  y: number,
  width: number,
  ctx: LayoutContext,
  sink: LayoutBox[],
  owner: number | null,
): number {
  const tokens = segmentInline(objects, width, (o) => layoutAtomic(o, width, ctx));
  const lines = breakLines(tokens, width);
  const fragments = new Map<LayoutObject, LayoutBox[]>();
  const scratch: LayoutBox[] = [];
  const addFragment = (object: LayoutObject, box: LayoutBox): void => {
    const list = fragments.get(object);
    if (list) list.push(box);
    else fragments.set(object, [box]);
  };
  const strutAbove = (containerStyle.lineHeightPx - containerStyle.fontSize) / 2 + ASCENT * containerStyle.fontSize;
  const strutBelow = containerStyle.lineHeightPx - strutAbove;
  let lineTop = y;
  for (const line of lines) {
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
    const lineHeight = above + below;
    const baseline = lineTop + above;
    const free = width - line.width;
    const align = containerStyle.textAlign;
    const shift = free > 0 ? (align === 'center' ? free / 2 : align === 'right' ? free : 0) : 0;
    const left = x + shift;

    // Text fragments: consecutive pieces of one text object on this line.
    let run: { object: LayoutObject; start: number; end: number; text: string } | null = null;
    const closeRun = (): void => {
      if (!run) return;
      const s = run.object.style;
      addFragment(
        run.object,
        ctx.box(
          run.object,
          owner,
          scratch,
          left + run.start,
          baseline - ASCENT * s.fontSize,
          run.end - run.start,
          s.fontSize,
          run.text,
        ),
      );
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
        fragments.set(p.object, moved);
      }
    }
    closeRun();

    // Inline element fragments: the extent of their pieces on this line.
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
      const m = metricsOf(s, width);
      const top = baseline - ASCENT * s.fontSize - m.padding.top - m.border.top;
      addFragment(
        inline,
        ctx.box(inline, owner, scratch, left + e.from, top, Math.max(0, e.to - e.from), s.fontSize + verticalExtras(m)),
      );
    }
    lineTop += lineHeight;
  }

  // Emit in tree order: each object's fragments (in line order), then its children.
  const emit = (object: LayoutObject): void => {
    const own = fragments.get(object);
    if (own) sink.push(...own);
    if (object.kind === 'inline') for (const child of object.children) emit(child);
  };
  for (const object of objects) emit(object);
  return lineTop - y;
}

/** Lays out the render tree at a viewport size (default 1280 × 720). */
export function layoutRenderTree(tree: RenderTree, options: LayoutOptions = {}): LayoutResult {
  const viewportWidth = options.viewportWidth ?? 1280;
  const viewportHeight = options.viewportHeight ?? 720;
  const ctx = new LayoutContext();
  const boxes: LayoutBox[] = [];
  let contentHeight = 0;
  const root = tree.root;
  if (root) {
    const m = metricsOf(root.style, viewportWidth);
    const top = m.margin.top ?? 0;
    const box = layoutBlock(root, m, 0, top, viewportWidth, viewportHeight, ctx, boxes, null);
    contentHeight = top + box.height + (m.margin.bottom ?? 0);
  }
  return {
    viewport: { width: viewportWidth, height: viewportHeight },
    documentHeight: Math.max(viewportHeight, contentHeight),
    contentHeight,
    boxes,
  };
}
