/**
 * Blink's HTMLDocumentParser, reduced to what NavScope shows: decode the bytes with
 * the document's charset, build the DOM with parse5 (the HTML standard's tree
 * construction), and read off the title, node counts, an outline and the
 * subresources the document asks for. Page scripts are never executed.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export type ScriptTiming = 'parser-blocking' | 'async' | 'defer';

export interface SubresourceRef {
  url: string;
  destination: 'style' | 'script' | 'image';
  tag: string;
  /** For scripts: how the script affects parsing (module scripts behave as defer). */
  scriptTiming: ScriptTiming | null;
}

export interface DocumentSummary {
  title: string;
  nodeCount: number;
  elementCount: number;
  subresources: SubresourceRef[];
  outline: string[];
}

const OUTLINE_LIMIT = 200;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attr(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

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

export function decodeHtml(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function parseHtmlDocument(html: string, documentUrl: string): DocumentSummary {
  return summarizeDocument(parse(html), documentUrl);
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
        const id = attr(node, 'id');
        const classes = (attr(node, 'class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
        outline.push(`${'  '.repeat(depth)}<${tag}${id ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}>`);
      } else if (outline.length === OUTLINE_LIMIT) {
        outline.push('…');
      }
      if (tag === 'title' && title === '') title = textOf(node).trim().replace(/\s+/g, ' ');
      if (tag === 'base') {
        const href = attr(node, 'href');
        const resolved = href ? resolveUrl(href, documentUrl) : null;
        if (resolved) base = resolved;
      }
      if (tag === 'link' && (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) {
        const url = resolveUrl(attr(node, 'href') ?? '', base);
        if (url) subresources.push({ url, destination: 'style', tag, scriptTiming: null });
      }
      if (tag === 'script') {
        const src = attr(node, 'src');
        const url = src ? resolveUrl(src, base) : null;
        if (url) {
          const isModule = (attr(node, 'type') ?? '').toLowerCase() === 'module';
          const timing: ScriptTiming = attr(node, 'async') !== null ? 'async' : attr(node, 'defer') !== null || isModule ? 'defer' : 'parser-blocking';
          subresources.push({ url, destination: 'script', tag, scriptTiming: timing });
        }
      }
      if (tag === 'img') {
        const url = resolveUrl(attr(node, 'src') ?? '', base);
        if (url) subresources.push({ url, destination: 'image', tag, scriptTiming: null });
      }
    }
    const children = 'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child, depth + 1);
  };
  for (const child of document.childNodes) visit(child, 0);
  nodeCount++; // the Document node itself
  return { title, nodeCount, elementCount, subresources, outline };
}
