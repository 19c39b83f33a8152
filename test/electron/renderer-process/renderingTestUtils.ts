/** Helpers for the rendering-pipeline tests: parse a page, find elements, style and lay it out. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parseStyleSheet } from '../../../electron/renderer-process/cssStyleSheet.js';
import type { LayoutBox } from '../../../electron/renderer-process/layoutBox.js';
import { layoutRenderTree, type LayoutResult } from '../../../electron/renderer-process/layoutEngine.js';
import { buildRenderTree, type RenderTree } from '../../../electron/renderer-process/layoutTreeBuilder.js';
import type { ComputedStyle } from '../../../electron/renderer-process/computedStyle.js';
import { resolveStyles, type StyleResolution } from '../../../electron/renderer-process/styleResolver.js';

export type Element = DefaultTreeAdapterMap['element'];
export type Document = DefaultTreeAdapterMap['document'];
type Node = DefaultTreeAdapterMap['node'];

export function elements(document: Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return out;
}

export function byId(document: Document, id: string): Element {
  const found = elements(document).find((e) => e.attrs.some((a) => a.name === 'id' && a.value === id));
  if (!found) throw new Error(`no element #${id}`);
  return found;
}

export interface Rendered {
  document: Document;
  styles: StyleResolution;
  tree: RenderTree;
  layout: LayoutResult;
  style(id: string): ComputedStyle;
  /** The boxes (fragments) of the element with this id. */
  boxes(id: string): LayoutBox[];
  box(id: string): LayoutBox;
}

export function render(
  html: string,
  css = '',
  viewport = { viewportWidth: 800, viewportHeight: 600 },
  imageSizes?: ReadonlyMap<string, { width: number; height: number }>,
): Rendered {
  const document = parse(html);
  const sheets = css ? [parseStyleSheet(css, 'test.css', viewport)] : [];
  const styles = resolveStyles(document, sheets, viewport);
  const tree = buildRenderTree(document, styles.styles, {
    baseUrl: 'http://lab.test/',
    ...(imageSizes ? { imageSizes } : {}),
  });
  const layout = layoutRenderTree(tree, viewport);
  const idOf = (id: string): number => {
    const object = tree.objects.find((o) => o.element?.attrs.some((a) => a.name === 'id' && a.value === id));
    if (!object) throw new Error(`#${id} is not in the render tree`);
    return object.id;
  };
  return {
    document,
    styles,
    tree,
    layout,
    style: (id) => {
      const s = styles.styles.get(byId(document, id));
      if (!s) throw new Error(`no style for #${id}`);
      return s;
    },
    boxes: (id) => layout.boxes.filter((b) => b.id === idOf(id)),
    box: (id) => {
      const b = layout.boxes.find((x) => x.id === idOf(id));
      if (!b) throw new Error(`#${id} has no box`);
      return b;
    },
  };
}
