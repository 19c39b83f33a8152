/**
 * Blink's LayoutTreeBuilder: the render tree (LayoutObjects) built from the DOM and
 * computed styles — no `head`, no `display: none` subtrees, `display: contents` elements
 * replaced by their children, the children of replaced elements (img, iframe, video,
 * canvas, svg, input, select, textarea, object, embed) not rendered. `visibility:
 * hidden` boxes stay in the tree and take space (paint skips them). An inline element
 * that contains a block is laid out as a block itself (no block-in-inline splitting).
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { ComputedStyle } from './computedStyle.js';
import { attributeOf, isElement } from './elementTraversal.js';
import { textAdvance } from './fontMetrics.js';

type Element = DefaultTreeAdapterMap['element'];
type Document = DefaultTreeAdapterMap['document'];

export type BoxKind = 'block' | 'inline' | 'text' | 'image' | 'inline-block';

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
