/**
 * Blink's document lifecycle from style to paint, run once over a parsed document:
 * CSSOM (parse the stylesheets) → style recalc (cascade and computed values) →
 * layout tree (the render tree) → layout → paint (a display list). Each stage is a
 * pure synchronous function; this file runs them in order and returns bounded,
 * JSON-ready summaries for the trace, with how long each stage took.
 *
 * The caller passes every author stylesheet in document order — linked sheets it
 * fetched and the text of inline `<style>` elements alike — already filtered by
 * their `media` attribute; the user-agent stylesheet is added here.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { RenderSnapshot, RenderTreeNodeSummary } from '../../shared/trace/renderSnapshot.js';
import {
  clip,
  parseStyleSheet,
  type CssRuleSummary,
  type CssStyleSheetModel,
  type CssStyleSheetSummary,
} from './cssStyleSheet.js';
import type { Box, LayoutBox } from './layoutBox.js';
import { type LayoutResult, layoutRenderTree } from './layoutEngine.js';
import { type ExcludedNode, type LayoutObject, buildRenderTree, labelOf } from './layoutTreeBuilder.js';
import { buildPaintList, type PaintItem } from './paintList.js';
import type { ComputedLength, ComputedStyle } from './computedStyle.js';
import { type Specificity, compareSpecificity, specificity } from './selectorSpecificity.js';
import { resolveStyles } from './styleResolver.js';

type Document = DefaultTreeAdapterMap['document'];

export interface StyleSheetInput {
  /** The sheet's URL, or a name such as "inline <style> #1". */
  href: string;
  cssText: string;
}

export interface RenderingOptions {
  viewportWidth: number;
  viewportHeight: number;
  /** The document's base URL (to resolve image URLs). */
  baseUrl: string;
  /** Natural sizes of decoded images, by absolute URL (images not listed are 0×0 unless CSS sizes them). */
  imageSizes?: ReadonlyMap<string, { width: number; height: number }>;
}

export const RENDERING_LIMITS = {
  sheets: 20,
  rulesPerSheet: 40,
  rulesTotal: 200,
  renderTreeNodes: 300,
  excluded: 100,
  boxes: 400,
  paintItems: 400,
  text: 80,
} as const;

export interface CssomRuleSummary extends CssRuleSummary {
  /** The highest specificity among the rule's selectors. */
  specificity: Specificity;
}

export interface CssomSheetSummary extends Omit<CssStyleSheetSummary, 'rules'> {
  rules: CssomRuleSummary[];
}

export interface CssomSummary {
  sheets: CssomSheetSummary[];
  sheetsTruncated: boolean;
  /** Author style rules in the cascade (all sheets). */
  ruleCount: number;
  /** Rules and declarations the parser dropped (all sheets). */
  errorCount: number;
  declarationCount: number;
  importsIgnored: number;
  unsupportedSelectorCount: number;
  userAgentRuleCount: number;
}

export type { RenderTreeNodeSummary } from '../../shared/trace/renderSnapshot.js';

export interface LayoutBoxSummary extends Box {
  label: string;
}

export interface RenderingTimings {
  cssomMs: number;
  styleMs: number;
  renderTreeMs: number;
  layoutMs: number;
  paintMs: number;
  totalMs: number;
}

export interface RenderingResult {
  cssom: CssomSummary;
  style: { elementCount: number; matchedDeclarationCount: number };
  renderTree: {
    nodes: RenderTreeNodeSummary[];
    count: number;
    truncated: boolean;
    excluded: ExcludedNode[];
    excludedCount: number;
  };
  layout: {
    viewport: { width: number; height: number };
    documentHeight: number;
    contentHeight: number;
    boxes: LayoutBoxSummary[];
    boxCount: number;
    truncated: boolean;
  };
  paint: { items: PaintItem[]; count: number; truncated: boolean };
  timings: RenderingTimings;
}

// ----- summaries ---------------------------------------------------------------------

const round = (v: number): number => Math.round(v * 100) / 100;

function lengthText(l: ComputedLength): string {
  if (l.type === 'px') return `${round(l.value)}px`;
  if (l.type === 'percent') return `${round(l.value)}%`;
  return l.type;
}

function styleSummary(style: ComputedStyle, isText: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isText) out.display = style.display;
  out['font-size'] = `${round(style.fontSize)}px`;
  out.color = style.color;
  if (style.visibility !== 'visible') out.visibility = style.visibility;
  if (isText) return out;
  if (style.backgroundColor !== 'transparent') out['background-color'] = style.backgroundColor;
  if (style.fontWeight !== 400) out['font-weight'] = String(style.fontWeight);
  if (style.lineHeight.type !== 'normal') out['line-height'] = `${round(style.lineHeightPx)}px`;
  if (style.textAlign !== 'left') out['text-align'] = style.textAlign;
  if (style.whiteSpace !== 'normal') out['white-space'] = style.whiteSpace;
  if (style.width.type !== 'auto') out.width = lengthText(style.width);
  if (style.height.type !== 'auto') out.height = lengthText(style.height);
  if (style.maxWidth.type !== 'none') out['max-width'] = lengthText(style.maxWidth);
  if (style.boxSizing !== 'content-box') out['box-sizing'] = style.boxSizing;
  const sides = (s: {
    top: ComputedLength;
    right: ComputedLength;
    bottom: ComputedLength;
    left: ComputedLength;
  }): string | null => {
    const all = [s.top, s.right, s.bottom, s.left];
    return all.every((l) => l.type === 'px' && l.value === 0) ? null : all.map(lengthText).join(' ');
  };
  const margin = sides(style.margin);
  if (margin) out.margin = margin;
  const padding = sides(style.padding);
  if (padding) out.padding = padding;
  const b = style.borderWidth;
  if (b.top || b.right || b.bottom || b.left) out['border-width'] = `${b.top}px ${b.right}px ${b.bottom}px ${b.left}px`;
  return out;
}

function collapsedText(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), RENDERING_LIMITS.text);
}

function nodeSummary(object: LayoutObject): RenderTreeNodeSummary {
  const isText = object.kind === 'text';
  const node: RenderTreeNodeSummary = {
    id: object.id,
    depth: object.depth,
    tag: object.tag,
    label: object.element ? labelOf(object.element) : '#text',
    display: isText ? 'text' : object.style.display,
    style: styleSummary(object.style, isText),
  };
  if (isText) node.text = collapsedText(object.text);
  return node;
}

function boxSummary(box: LayoutBox): LayoutBoxSummary {
  const out: LayoutBoxSummary = {
    id: box.id,
    tag: box.tag,
    kind: box.kind,
    label: box.label,
    x: round(box.x),
    y: round(box.y),
    width: round(box.width),
    height: round(box.height),
    depth: box.depth,
  };
  if (box.text !== undefined) out.text = clip(box.text, RENDERING_LIMITS.text);
  if (box.src !== undefined) out.src = box.src;
  return out;
}

function paintSummary(item: PaintItem): PaintItem {
  const out: PaintItem = {
    ...item,
    x: round(item.x),
    y: round(item.y),
    width: round(item.width),
    height: round(item.height),
  };
  if (item.text !== undefined) out.text = clip(item.text, RENDERING_LIMITS.text);
  return out;
}

function cssomSummary(sheets: readonly CssStyleSheetModel[], userAgentRuleCount: number): CssomSummary {
  let budget: number = RENDERING_LIMITS.rulesTotal;
  const summaries: CssomSheetSummary[] = [];
  for (const sheet of sheets.slice(0, RENDERING_LIMITS.sheets)) {
    const max = Math.min(RENDERING_LIMITS.rulesPerSheet, budget);
    const summary = sheet.summary(max);
    budget -= summary.rules.length;
    const rules = summary.rules.map((rule, i): CssomRuleSummary => {
      let best: Specificity = [0, 0, 0];
      for (const selector of sheet.rules[i]?.selectors ?? []) {
        const sp = specificity(selector);
        if (compareSpecificity(sp, best) > 0) best = sp;
      }
      return { ...rule, specificity: best };
    });
    summaries.push({ ...summary, rules });
  }
  return {
    sheets: summaries,
    sheetsTruncated: sheets.length > RENDERING_LIMITS.sheets,
    ruleCount: sheets.reduce((n, s) => n + s.ruleCount, 0),
    errorCount: sheets.reduce((n, s) => n + s.errorCount, 0),
    declarationCount: sheets.reduce((n, s) => n + s.declarationCount, 0),
    importsIgnored: sheets.reduce((n, s) => n + s.importsIgnored.length, 0),
    unsupportedSelectorCount: sheets.reduce((n, s) => n + s.unsupportedSelectorCount, 0),
    userAgentRuleCount,
  };
}

// ----- the pipeline --------------------------------------------------------------------

/** Style → render tree → layout → paint over a parsed document. */
export function renderDocument(
  document: Document,
  stylesheets: readonly StyleSheetInput[],
  options: RenderingOptions,
): RenderingResult {
  return runPipeline(document, stylesheets, options).result;
}

function runPipeline(
  document: Document,
  stylesheets: readonly StyleSheetInput[],
  options: RenderingOptions,
): { result: RenderingResult; layout: LayoutResult } {
  const env = { viewportWidth: options.viewportWidth, viewportHeight: options.viewportHeight };
  const t0 = performance.now();
  const sheets = stylesheets.map((s) => parseStyleSheet(s.cssText, s.href, env));
  const t1 = performance.now();
  const resolution = resolveStyles(document, sheets, env);
  const t2 = performance.now();
  const tree = buildRenderTree(document, resolution.styles, {
    baseUrl: options.baseUrl,
    ...(options.imageSizes ? { imageSizes: options.imageSizes } : {}),
  });
  const t3 = performance.now();
  const layout = layoutRenderTree(tree, env);
  const t4 = performance.now();
  const paint = buildPaintList(layout);
  const t5 = performance.now();

  const ms = (a: number, b: number): number => Math.round((b - a) * 1000) / 1000;
  const result: RenderingResult = {
    cssom: cssomSummary(sheets, resolution.userAgentRuleCount),
    style: { elementCount: resolution.elementCount, matchedDeclarationCount: resolution.matchedDeclarationCount },
    renderTree: {
      nodes: tree.objects.slice(0, RENDERING_LIMITS.renderTreeNodes).map(nodeSummary),
      count: tree.objects.length,
      truncated: tree.objects.length > RENDERING_LIMITS.renderTreeNodes,
      excluded: tree.excluded.slice(0, RENDERING_LIMITS.excluded),
      excludedCount: tree.excluded.length,
    },
    layout: {
      viewport: { ...layout.viewport },
      documentHeight: round(layout.documentHeight),
      contentHeight: round(layout.contentHeight),
      boxes: layout.boxes.slice(0, RENDERING_LIMITS.boxes).map(boxSummary),
      boxCount: layout.boxes.length,
      truncated: layout.boxes.length > RENDERING_LIMITS.boxes,
    },
    paint: {
      items: paint.slice(0, RENDERING_LIMITS.paintItems).map(paintSummary),
      count: paint.length,
      truncated: paint.length > RENDERING_LIMITS.paintItems,
    },
    timings: {
      cssomMs: ms(t0, t1),
      styleMs: ms(t1, t2),
      renderTreeMs: ms(t2, t3),
      layoutMs: ms(t3, t4),
      paintMs: ms(t4, t5),
      totalMs: ms(t0, t5),
    },
  };
  return { result, layout };
}

const SNAPSHOT_OPS = { rect: 'fillRect', border: 'strokeRect', text: 'drawText', image: 'drawImage' } as const;

/** `renderDocument` shaped as the trace's RenderSnapshot (shared/trace/renderSnapshot.ts). */
export function renderDocumentSnapshot(
  document: Document,
  stylesheets: readonly StyleSheetInput[],
  options: RenderingOptions,
): RenderSnapshot {
  const { result, layout } = runPipeline(document, stylesheets, options);
  return {
    cssom: {
      sheets: result.cssom.sheets.map((s) => ({
        href: s.href,
        ruleCount: s.ruleCount,
        parseErrors: s.parseErrors,
        rules: s.rules.map((r) => ({ selector: r.selector, specificity: r.specificity, declarations: r.declarations })),
      })),
      ruleCount: result.cssom.ruleCount,
    },
    renderTree: {
      nodes: result.renderTree.nodes,
      excluded: result.renderTree.excluded.map((e) => ({ label: e.label, reason: e.reason })),
      count: result.renderTree.count,
    },
    layout: {
      viewportWidth: result.layout.viewport.width,
      viewportHeight: result.layout.viewport.height,
      documentHeight: result.layout.documentHeight,
      boxes: result.layout.boxes.map((b, i) => {
        const { kind, ...rest } = b;
        // The snapshot knows block, inline, text and replaced; an inline-block is a block container.
        const replaced = kind === 'image' || (layout.boxes[i]?.replaced ?? false);
        return { ...rest, kind: kind === 'image' || replaced ? 'replaced' : kind === 'inline-block' ? 'block' : kind };
      }),
      truncated: result.layout.truncated,
    },
    paint: {
      items: result.paint.items.map((item) => ({
        op: SNAPSHOT_OPS[item.op],
        boxId: item.boxId ?? 0,
        label: item.label,
        x: item.x,
        y: item.y,
        width: item.width,
        height: item.height,
        color: item.color ?? '',
        text: item.text ?? null,
      })),
      count: result.paint.count,
      truncated: result.paint.truncated,
    },
  };
}
