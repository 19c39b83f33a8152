/**
 * Blink's StyleResolver, reduced to what NavScope's layout and paint need: for every
 * element of the document, parents first, match the rules (selectorChecker.ts, ruleSet.ts),
 * run the cascade (styleCascade.ts) and compute the values layout reads
 * (styleBuilder.ts, computedStyle.ts). Values are parsed and shorthands expanded as
 * cssPropertyParser.ts and stylePropertyShorthand.ts say; the user-agent sheet is
 * cssDefaultStyleSheets.ts.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { userAgentStyleSheet } from './cssDefaultStyleSheets.js';
import type { CssStyleSheetModel } from './cssStyleSheet.js';
import { type ComputedStyle, INITIAL_FONT_SIZE } from './computedStyle.js';
import { type Element, type Node, childrenOf, isElement } from './elementTraversal.js';
import { buildRuleSet } from './ruleSet.js';
import { cascade } from './styleCascade.js';
import { type StyleEnvironment, computeStyle } from './styleBuilder.js';

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
