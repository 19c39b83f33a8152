/**
 * Blink's RuleSet: a stylesheet origin's selectors, bucketed by the rightmost compound's
 * id, class or tag (else universal), each with its rule's position and its specificity,
 * so an element is matched only against the selectors that could apply to it.
 */
import type { CssRule, CssStyleSheetModel, ParsedSelector } from './cssStyleSheet.js';
import { type Specificity, specificity } from './selectorSpecificity.js';

export interface IndexedSelector {
  rule: CssRule;
  ruleIndex: number;
  selector: ParsedSelector;
  specificity: Specificity;
}

export interface RuleSet {
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
export function buildRuleSet(sheets: readonly CssStyleSheetModel[], origin: 'ua' | 'author'): RuleSet {
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
