/**
 * What NavScope reads off a parsed document (the parser itself streams in
 * documentLoader.ts): the charset to decode with, then the title, node counts, an
 * outline and the subresources the document asks for. Page scripts are never executed.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { attributeOf, isElement } from './elementTraversal.js';

type Node = DefaultTreeAdapterMap['node'];

export interface SubresourceRef {
  url: string;
  destination: 'style' | 'script' | 'image';
  tag: string;
}

export interface DocumentSummary {
  title: string;
  nodeCount: number;
  elementCount: number;
  subresources: SubresourceRef[];
  outline: string[];
}

const OUTLINE_LIMIT = 200;

export function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if ('childNodes' in node) return node.childNodes.map(textOf).join('');
  return '';
}

export function resolveUrl(ref: string, base: string): string | null {
  const trimmed = ref.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function charsetOf(contentTypeCharset: string, bytes: Uint8Array): string {
  if (contentTypeCharset) return contentTypeCharset;
  // A <meta charset> in the first 1024 bytes (the HTML standard's prescan, simplified).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_-]+)/i.exec(head);
  return match?.[1] ?? 'utf-8';
}

/** A streaming decoder for the document's charset (UTF-8 when the label is unknown). */
export function textDecoderFor(charset: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Reads the summary off a document the parser built (streamed or in one go). */
export function summarizeDocument(document: DefaultTreeAdapterMap['document'], documentUrl: string): DocumentSummary {
  let nodeCount = 0;
  let elementCount = 0;
  let title = '';
  let base = documentUrl;
  const subresources: SubresourceRef[] = [];
  const outline: string[] = [];

  const visit = (node: Node, depth: number): void => {
    nodeCount++;
    if (isElement(node)) {
      elementCount++;
      const tag = node.tagName;
      if (outline.length < OUTLINE_LIMIT) {
        const id = attributeOf(node, 'id');
        const classes = (attributeOf(node, 'class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
        outline.push(`${'  '.repeat(depth)}<${tag}${id ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}>`);
      } else if (outline.length === OUTLINE_LIMIT) {
        outline.push('…');
      }
      if (tag === 'title' && title === '') title = textOf(node).trim().replace(/\s+/g, ' ');
      if (tag === 'base') {
        const href = attributeOf(node, 'href');
        const resolved = href ? resolveUrl(href, documentUrl) : null;
        if (resolved) base = resolved;
      }
      if (tag === 'link' && (attributeOf(node, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) {
        const url = resolveUrl(attributeOf(node, 'href') ?? '', base);
        if (url) subresources.push({ url, destination: 'style', tag });
      }
      if (tag === 'script') {
        const src = attributeOf(node, 'src');
        const url = src ? resolveUrl(src, base) : null;
        if (url) subresources.push({ url, destination: 'script', tag });
      }
      if (tag === 'img') {
        const url = resolveUrl(attributeOf(node, 'src') ?? '', base);
        if (url) subresources.push({ url, destination: 'image', tag });
      }
    }
    const children =
      'content' in node && node.nodeName === 'template'
        ? node.content.childNodes
        : 'childNodes' in node
          ? node.childNodes
          : [];
    for (const child of children) visit(child, depth + 1);
  };
  for (const child of document.childNodes) visit(child, 0);
  nodeCount++; // the Document node itself
  return { title, nodeCount, elementCount, subresources, outline };
}
