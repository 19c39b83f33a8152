/**
 * Blink's StyleCascade (CSS Cascade 4), with the rule collection before it
 * (ElementRuleCollector): the declarations that apply to an element — user-agent and
 * author rules whose selectors match, presentational hints, the `style` attribute —
 * expanded to longhands and ordered by origin and importance (UA normal < author normal
 * < author !important < UA !important), then the `style` attribute above any selector,
 * then specificity, then order of appearance. Presentational hints (`width`/`height`
 * attributes on images and embedded content, `bgcolor`, `align`) sit at the bottom of
 * the author origin. The winner of each longhand is its cascaded value.
 */
import { type CssComponent, type CssDeclaration, parseInlineStyle } from './cssStyleSheet.js';
import { type Element, attributeOf, classesOf } from './elementTraversal.js';
import type { IndexedSelector, RuleSet } from './ruleSet.js';
import { matchesSelector } from './selectorChecker.js';
import { type Specificity, compareSpecificity } from './selectorSpecificity.js';
import { expandDeclaration } from './stylePropertyShorthand.js';

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
export function cascade(
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
