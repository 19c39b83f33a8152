/**
 * Walking the DOM (parse5's tree) the way style and layout need it — Blink's
 * ElementTraversal and the Element accessors: elements only, their attributes, classes,
 * parent and siblings.
 */
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export function isElement(node: Node | ParentNode | null): node is Element {
  return node !== null && 'tagName' in node;
}

export function attributeOf(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

export function parentElement(element: Element): Element | null {
  const parent = element.parentNode;
  return isElement(parent) ? parent : null;
}

export function elementSiblings(element: Element): Element[] {
  const parent = element.parentNode;
  return parent ? parent.childNodes.filter(isElement) : [element];
}

export function previousElementSibling(element: Element): Element | null {
  const siblings = elementSiblings(element);
  const index = siblings.indexOf(element);
  return index > 0 ? (siblings[index - 1] ?? null) : null;
}

export function isHtmlElement(element: Element): boolean {
  return element.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

/** The element's classes, in order. */
export function classesOf(element: Element): string[] {
  const value = attributeOf(element, 'class');
  return value ? value.split(/[ \t\n\r\f]+/).filter((c) => c !== '') : [];
}

/** A node's children (none for text and comments). */
export function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}
