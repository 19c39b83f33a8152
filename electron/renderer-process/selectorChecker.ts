/**
 * Blink's SelectorChecker: whether an element matches a parsed selector, evaluated
 * right to left — type, universal, class, id, attribute (`[a]`, `=`, `~=`, `|=`, `^=`,
 * `$=`, `*=`, with the `i` flag), the four combinators, `:first-child`, `:last-child`,
 * `:only-child`, `:root`, `:link`, and `:not()` / `:is()` / `:where()` over such
 * selectors. Anything else (pseudo-elements, :hover and other dynamic states,
 * :nth-child…) never matches.
 */
import type { ParsedSelector, SimpleSelector } from './cssStyleSheet.js';
import {
  type Element,
  attributeOf,
  classesOf,
  elementSiblings,
  isHtmlElement,
  parentElement,
  previousElementSibling,
} from './elementTraversal.js';

function matchesAttribute(element: Element, part: Extract<SimpleSelector, { type: 'attribute' }>): boolean {
  const attr = element.attrs.find((a) => a.name === part.name);
  if (!attr) return false;
  if (part.matcher === null) return true;
  const actual = part.caseInsensitive ? attr.value.toLowerCase() : attr.value;
  const wanted = part.caseInsensitive ? part.value.toLowerCase() : part.value;
  switch (part.matcher) {
    case '=':
      return actual === wanted;
    case '~=':
      return wanted !== '' && !/\s/.test(wanted) && actual.split(/[ \t\n\r\f]+/).includes(wanted);
    case '|=':
      return actual === wanted || actual.startsWith(`${wanted}-`);
    case '^=':
      return wanted !== '' && actual.startsWith(wanted);
    case '$=':
      return wanted !== '' && actual.endsWith(wanted);
    case '*=':
      return wanted !== '' && actual.includes(wanted);
  }
}

function matchesSimple(element: Element, part: SimpleSelector): boolean {
  switch (part.type) {
    case 'universal':
      return true;
    case 'type':
      return isHtmlElement(element)
        ? element.tagName.toLowerCase() === part.name
        : element.tagName === part.name || element.tagName.toLowerCase() === part.name;
    case 'class':
      return classesOf(element).includes(part.name);
    case 'id':
      return attributeOf(element, 'id') === part.name;
    case 'attribute':
      return matchesAttribute(element, part);
    case 'pseudo-class': {
      switch (part.name) {
        case 'root':
          return element.parentNode?.nodeName === '#document';
        case 'first-child':
          return elementSiblings(element)[0] === element;
        case 'last-child':
          return elementSiblings(element).at(-1) === element;
        case 'only-child':
          return elementSiblings(element).length === 1;
        case 'link':
          return (element.tagName === 'a' || element.tagName === 'area') && attributeOf(element, 'href') !== null;
      }
      return false;
    }
    case 'logical': {
      const any = part.selectors.some((s) => matchesSelector(element, s));
      return part.name === 'not' ? !any : any;
    }
    case 'unsupported':
      return false;
  }
}

function matchesCompound(element: Element, parts: readonly SimpleSelector[]): boolean {
  for (const part of parts) if (!matchesSimple(element, part)) return false;
  return true;
}

function matchesFrom(element: Element, selector: ParsedSelector, index: number): boolean {
  const compound = selector.compounds[index];
  if (!compound || !matchesCompound(element, compound.parts)) return false;
  if (index === 0) return true;
  switch (compound.combinator) {
    case '>': {
      const parent = parentElement(element);
      return parent !== null && matchesFrom(parent, selector, index - 1);
    }
    case '+': {
      const previous = previousElementSibling(element);
      return previous !== null && matchesFrom(previous, selector, index - 1);
    }
    case '~': {
      for (let s = previousElementSibling(element); s; s = previousElementSibling(s))
        if (matchesFrom(s, selector, index - 1)) return true;
      return false;
    }
    default: {
      for (let p = parentElement(element); p; p = parentElement(p))
        if (matchesFrom(p, selector, index - 1)) return true;
      return false;
    }
  }
}

/** Whether the element matches the (complex) selector, evaluated right to left. */
export function matchesSelector(element: Element, selector: ParsedSelector): boolean {
  if (selector.unsupported !== null || selector.compounds.length === 0) return false;
  return matchesFrom(element, selector, selector.compounds.length - 1);
}
