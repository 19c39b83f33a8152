/**
 * A selector's specificity (Selectors Level 4 §16; Blink: CSSSelector::Specificity):
 * (ids, classes/attributes/pseudo-classes, types/pseudo-elements), compared in that order.
 */
import type { ParsedSelector } from './cssStyleSheet.js';

export type Specificity = [number, number, number];

function addSpecificity(into: Specificity, add: Specificity): void {
  into[0] += add[0];
  into[1] += add[1];
  into[2] += add[2];
}

export function compareSpecificity(a: Specificity, b: Specificity): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Selectors Level 4 §16: (ids, classes/attributes/pseudo-classes, types/pseudo-elements). */
export function specificity(selector: ParsedSelector): Specificity {
  const total: Specificity = [0, 0, 0];
  for (const compound of selector.compounds) {
    for (const part of compound.parts) {
      switch (part.type) {
        case 'id':
          total[0]++;
          break;
        case 'class':
        case 'attribute':
        case 'pseudo-class':
          total[1]++;
          break;
        case 'type':
          total[2]++;
          break;
        case 'unsupported':
          if (part.counts === 'type') total[2]++;
          else total[1]++;
          break;
        case 'logical': {
          if (part.name === 'where') break;
          // :not() and :is() take the specificity of their most specific argument.
          let best: Specificity = [0, 0, 0];
          for (const s of part.selectors) {
            const sp = specificity(s);
            if (compareSpecificity(sp, best) > 0) best = sp;
          }
          addSpecificity(total, best);
          break;
        }
        case 'universal':
          break;
      }
    }
  }
  return total;
}
