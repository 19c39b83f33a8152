/**
 * Blink's CSSStyleSheet / StyleSheetContents, reduced to what NavScope shows: the
 * stylesheet text is parsed with css-tree (a CSS Syntax Level 3 parser) into style
 * rules — selectors ready for matching, declarations as authored — the way the
 * renderer builds the CSSOM.
 *
 * Like a browser, the parser is tolerant: a rule or declaration it cannot make
 * sense of is dropped and counted, and parsing goes on. `@media` blocks are
 * evaluated for a screen of the viewport's size (Blink's MediaQueryEvaluator) and
 * only the rules of matching blocks are kept. `@import` is counted but not
 * followed (the model loads only the stylesheets the document links). `@supports`
 * and `@layer` blocks contribute their rules (the condition is assumed true; layer
 * order is not modelled); other at-rules (`@font-face`, `@keyframes`, `@page`…) do
 * not affect style or layout here and are counted as ignored.
 */
import { blinkLibraries } from './blinkLibraries.js';
import type { Atrule, CssNode, List, MediaQuery, MediaQueryList, Rule, Selector as CssTreeSelector } from 'css-tree';

/** One component value of a declaration, simplified from css-tree's value nodes. */
export type CssComponent =
  | { type: 'ident'; value: string }
  | { type: 'number'; value: number }
  | { type: 'dimension'; value: number; unit: string }
  | { type: 'percentage'; value: number }
  | { type: 'hash'; value: string }
  | { type: 'function'; name: string; text: string }
  | { type: 'string'; value: string }
  | { type: 'url'; value: string }
  | { type: 'operator'; value: string }
  | { type: 'other'; text: string };

export interface CssDeclaration {
  property: string;
  /** The value as authored (re-serialized from the parsed components). */
  value: string;
  important: boolean;
  /** The parsed component values the style resolver reads. */
  components: CssComponent[];
}

export type Combinator = ' ' | '>' | '+' | '~';
export type AttributeMatcher = '=' | '~=' | '|=' | '^=' | '$=' | '*=';

export type SimpleSelector =
  | { type: 'universal' }
  | { type: 'type'; name: string }
  | { type: 'class'; name: string }
  | { type: 'id'; name: string }
  | { type: 'attribute'; name: string; matcher: AttributeMatcher | null; value: string; caseInsensitive: boolean }
  | { type: 'pseudo-class'; name: 'first-child' | 'last-child' | 'only-child' | 'root' | 'link' }
  /** `:not()`, `:is()`, `:where()` with their selector-list argument. */
  | { type: 'logical'; name: 'not' | 'is' | 'where'; selectors: ParsedSelector[] }
  /**
   * Something the model never matches (pseudo-elements, dynamic states such as
   * :hover, structural pseudo-classes it does not implement). It still counts
   * towards specificity: a pseudo-element as a type, the rest as a class.
   */
  | { type: 'unsupported'; text: string; counts: 'type' | 'class' };

export interface CompoundSelector {
  /** How this compound relates to the previous (left-hand) one; null for the first. */
  combinator: Combinator | null;
  parts: SimpleSelector[];
}

export interface ParsedSelector {
  text: string;
  /** Compound selectors from left to right. */
  compounds: CompoundSelector[];
  /** Why the selector can never match in the model, or null when it is fully supported. */
  unsupported: string | null;
}

export interface CssRule {
  selectorText: string;
  selectors: ParsedSelector[];
  declarations: CssDeclaration[];
  /** The `@media` condition this rule was kept under, or null. */
  media: string | null;
}

export interface MediaEnvironment {
  viewportWidth: number;
  viewportHeight: number;
}

export const DEFAULT_MEDIA: MediaEnvironment = { viewportWidth: 1280, viewportHeight: 720 };

export interface MediaRuleSummary {
  condition: string;
  matches: boolean;
  /** Style rules inside the block (all of them, kept or not). */
  ruleCount: number;
}

export interface CssRuleSummary {
  selector: string;
  declarations: string[];
  media: string | null;
}

export interface CssStyleSheetSummary {
  href: string;
  ruleCount: number;
  declarationCount: number;
  parseErrors: number;
  importsIgnored: string[];
  mediaRules: MediaRuleSummary[];
  ignoredAtRules: string[];
  unsupportedSelectors: number;
  rules: CssRuleSummary[];
  truncated: boolean;
}

const SUMMARY_DECLARATIONS_PER_RULE = 12;
const SUMMARY_TEXT = 160;
const SUMMARY_LIST = 20;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export class CssStyleSheetModel {
  constructor(
    /** The stylesheet's URL, "inline <style> #n", "user agent", or whatever the caller named it. */
    readonly source: string,
    /** Style rules in cascade order (rules of matching `@media` blocks included in place). */
    readonly rules: readonly CssRule[],
    /** Rules, declarations and preludes the parser dropped. */
    readonly errorCount: number,
    readonly importsIgnored: readonly string[],
    readonly mediaRules: readonly MediaRuleSummary[],
    readonly ignoredAtRules: readonly string[],
  ) {}

  get ruleCount(): number {
    return this.rules.length;
  }

  get declarationCount(): number {
    return this.rules.reduce((n, r) => n + r.declarations.length, 0);
  }

  /** Selectors the model can never match (pseudo-elements, :hover, …). */
  get unsupportedSelectorCount(): number {
    return this.rules.reduce((n, r) => n + r.selectors.filter((s) => s.unsupported !== null).length, 0);
  }

  /** A bounded, JSON-ready description for the trace. */
  summary(maxRules = 50): CssStyleSheetSummary {
    const rules = this.rules.slice(0, Math.max(0, maxRules)).map((rule) => {
      const declarations = rule.declarations
        .slice(0, SUMMARY_DECLARATIONS_PER_RULE)
        .map((d) => clip(`${d.property}: ${d.value}${d.important ? ' !important' : ''}`, SUMMARY_TEXT));
      if (rule.declarations.length > SUMMARY_DECLARATIONS_PER_RULE)
        declarations.push(`… ${rule.declarations.length - SUMMARY_DECLARATIONS_PER_RULE} more`);
      return {
        selector: clip(rule.selectorText, SUMMARY_TEXT),
        declarations,
        media: rule.media === null ? null : clip(rule.media, SUMMARY_TEXT),
      };
    });
    return {
      href: clip(this.source, 300),
      ruleCount: this.ruleCount,
      declarationCount: this.declarationCount,
      parseErrors: this.errorCount,
      importsIgnored: this.importsIgnored.slice(0, SUMMARY_LIST).map((u) => clip(u, 300)),
      mediaRules: this.mediaRules
        .slice(0, SUMMARY_LIST)
        .map((m) => ({ ...m, condition: clip(m.condition, SUMMARY_TEXT) })),
      ignoredAtRules: this.ignoredAtRules.slice(0, SUMMARY_LIST),
      unsupportedSelectors: this.unsupportedSelectorCount,
      rules,
      truncated: rules.length < this.rules.length,
    };
  }
}

// ----- values -------------------------------------------------------------------

function component(node: CssNode): CssComponent | null {
  switch (node.type) {
    case 'Identifier':
      return { type: 'ident', value: node.name };
    case 'Number':
      return { type: 'number', value: Number(node.value) };
    case 'Dimension':
      return { type: 'dimension', value: Number(node.value), unit: node.unit.toLowerCase() };
    case 'Percentage':
      return { type: 'percentage', value: Number(node.value) };
    case 'Hash':
      return { type: 'hash', value: node.value };
    case 'Function':
      return { type: 'function', name: node.name.toLowerCase(), text: blinkLibraries().generateCss(node) };
    case 'String':
      return { type: 'string', value: node.value };
    case 'Url':
      return { type: 'url', value: node.value };
    case 'Operator':
      return { type: 'operator', value: node.value };
    case 'WhiteSpace':
    case 'Comment':
      return null;
    default:
      return { type: 'other', text: blinkLibraries().generateCss(node) };
  }
}

function componentText(c: CssComponent): string {
  switch (c.type) {
    case 'ident':
      return c.value;
    case 'number':
      return String(c.value);
    case 'dimension':
      return `${c.value}${c.unit}`;
    case 'percentage':
      return `${c.value}%`;
    case 'hash':
      return `#${c.value}`;
    case 'function':
      return c.text;
    case 'string':
      return JSON.stringify(c.value);
    case 'url':
      return `url(${JSON.stringify(c.value)})`;
    case 'operator':
      return c.value;
    case 'other':
      return c.text;
  }
}

/** Serializes components with the spacing an author would write ("12px/1.5 Arial, sans-serif"). */
export function serializeComponents(components: readonly CssComponent[]): string {
  let out = '';
  let glue = false;
  for (const c of components) {
    if (c.type === 'operator' && c.value === ',') {
      out += ', ';
      glue = true;
    } else if (c.type === 'operator' && c.value === '/') {
      out += '/';
      glue = true;
    } else {
      out += (out === '' || glue ? '' : ' ') + componentText(c);
      glue = false;
    }
  }
  return out.trim();
}

/** Declarations of a block, or null for a declaration the model drops (empty value, `!ie` hacks). */
function declarationsOf(children: List<CssNode>, onDropped: () => void): CssDeclaration[] {
  const out: CssDeclaration[] = [];
  for (const child of children) {
    if (child.type !== 'Declaration') {
      // A nested rule or an unparsable chunk (css-tree reports the latter as an error already).
      if (child.type === 'Rule' || child.type === 'Atrule') onDropped();
      continue;
    }
    const property = child.property.startsWith('--') ? child.property : child.property.toLowerCase();
    if (child.important !== true && child.important !== false) {
      onDropped(); // "!ie" and similar hacks: not valid CSS, dropped by browsers.
      continue;
    }
    let components: CssComponent[];
    if (child.value.type === 'Raw') {
      const text = child.value.value.trim();
      components = text === '' ? [] : [{ type: 'other', text }];
    } else {
      components = [];
      for (const node of child.value.children) {
        const c = component(node);
        if (c) components.push(c);
      }
    }
    if (components.length === 0) {
      onDropped();
      continue;
    }
    out.push({ property, value: serializeComponents(components), important: child.important === true, components });
  }
  return out;
}

// ----- selectors ----------------------------------------------------------------

const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);
const SUPPORTED_PSEUDO_CLASSES = new Set(['first-child', 'last-child', 'only-child', 'root', 'link', 'any-link']);
const ATTRIBUTE_MATCHERS = new Set<string>(['=', '~=', '|=', '^=', '$=', '*=']);

function isAttributeMatcher(m: string): m is AttributeMatcher {
  return ATTRIBUTE_MATCHERS.has(m);
}

function selectorListOf(children: List<CssNode> | null): ParsedSelector[] | null {
  if (!children) return null;
  for (const child of children) {
    if (child.type !== 'SelectorList') continue;
    const list: ParsedSelector[] = [];
    for (const s of child.children) {
      if (s.type !== 'Selector') return null;
      list.push(convertSelector(s));
    }
    return list;
  }
  return null;
}

function simpleSelector(node: CssNode): SimpleSelector {
  switch (node.type) {
    case 'TypeSelector': {
      const name = node.name;
      if (name === '*' || name === '*|*') return { type: 'universal' };
      if (name.includes('|')) {
        if (name.startsWith('*|')) return { type: 'type', name: name.slice(2).toLowerCase() };
        return { type: 'unsupported', text: name, counts: 'type' }; // namespace prefixes are not modelled
      }
      return { type: 'type', name: name.toLowerCase() };
    }
    case 'ClassSelector':
      return { type: 'class', name: node.name };
    case 'IdSelector':
      return { type: 'id', name: node.name };
    case 'AttributeSelector': {
      const matcher = node.matcher;
      if (matcher !== null && !isAttributeMatcher(matcher))
        return { type: 'unsupported', text: blinkLibraries().generateCss(node), counts: 'class' };
      const value = node.value === null ? '' : node.value.type === 'String' ? node.value.value : node.value.name;
      return {
        type: 'attribute',
        name: node.name.name.toLowerCase(),
        matcher,
        value,
        caseInsensitive: (node.flags ?? '').toLowerCase() === 'i',
      };
    }
    case 'PseudoClassSelector': {
      const name = node.name.toLowerCase();
      if (LEGACY_PSEUDO_ELEMENTS.has(name)) return { type: 'unsupported', text: `:${name}`, counts: 'type' };
      if (name === 'not' || name === 'is' || name === 'where' || name === 'matches') {
        const selectors = selectorListOf(node.children);
        if (selectors === null)
          return { type: 'unsupported', text: blinkLibraries().generateCss(node), counts: 'class' };
        return { type: 'logical', name: name === 'matches' ? 'is' : name, selectors };
      }
      if (SUPPORTED_PSEUDO_CLASSES.has(name) && node.children === null) {
        return {
          type: 'pseudo-class',
          name: name === 'any-link' ? 'link' : (name as 'first-child' | 'last-child' | 'only-child' | 'root' | 'link'),
        };
      }
      return { type: 'unsupported', text: blinkLibraries().generateCss(node), counts: 'class' };
    }
    case 'PseudoElementSelector':
      return { type: 'unsupported', text: blinkLibraries().generateCss(node), counts: 'type' };
    default:
      return { type: 'unsupported', text: blinkLibraries().generateCss(node), counts: 'class' };
  }
}

function unsupportedReason(parts: readonly SimpleSelector[]): string | null {
  for (const part of parts) {
    if (part.type === 'unsupported') return `${part.text} is not modelled`;
    if (part.type === 'logical') {
      for (const s of part.selectors) if (s.unsupported) return s.unsupported;
    }
  }
  return null;
}

function convertSelector(selector: CssTreeSelector): ParsedSelector {
  const compounds: CompoundSelector[] = [];
  let pending: Combinator | null = null;
  let text = '';
  let current: CompoundSelector | null = null;
  for (const child of selector.children) {
    if (child.type === 'Combinator') {
      const name = child.name.trim() === '' ? ' ' : child.name.trim();
      pending = name === '>' || name === '+' || name === '~' ? name : ' ';
      if (current) current = null;
      continue;
    }
    if (child.type === 'WhiteSpace' || child.type === 'Comment') continue;
    if (!current) {
      current = { combinator: compounds.length === 0 ? null : (pending ?? ' '), parts: [] };
      if (compounds.length > 0) text += current.combinator === ' ' ? ' ' : ` ${current.combinator} `;
      compounds.push(current);
      pending = null;
    }
    current.parts.push(simpleSelector(child));
    text += blinkLibraries().generateCss(child);
  }
  let unsupported: string | null = null;
  for (const c of compounds) {
    unsupported = unsupportedReason(c.parts);
    if (unsupported) break;
  }
  if (compounds.length === 0 || pending !== null) unsupported = 'an empty or dangling selector';
  return { text, compounds, unsupported };
}

/** Parses a selector list ("div > p.note, #main a"); null when css-tree cannot. */
export function parseSelectorList(text: string): ParsedSelector[] | null {
  let failed = false;
  let ast: CssNode;
  try {
    ast = blinkLibraries().parseCss(text, {
      context: 'selectorList',
      positions: false,
      onParseError: () => (failed = true),
    });
  } catch {
    return null;
  }
  if (failed || ast.type !== 'SelectorList') return null;
  const out: ParsedSelector[] = [];
  for (const s of ast.children) {
    if (s.type !== 'Selector') return null;
    out.push(convertSelector(s));
  }
  return out;
}

// ----- media queries ------------------------------------------------------------

type MediaValue = CssNode;

function mediaLength(node: MediaValue | null): number {
  if (!node) return Number.NaN;
  if (node.type === 'Dimension') {
    const v = Number(node.value);
    const unit = node.unit.toLowerCase();
    if (unit === 'px') return v;
    if (unit === 'em' || unit === 'rem') return v * 16;
    if (unit === 'pt') return (v * 4) / 3;
    if (unit === 'in') return v * 96;
    if (unit === 'cm') return (v * 96) / 2.54;
    if (unit === 'mm') return (v * 96) / 25.4;
    return Number.NaN;
  }
  if (node.type === 'Number') return Number(node.value);
  return Number.NaN;
}

function featureValue(name: string, env: MediaEnvironment): number | null {
  switch (name) {
    case 'width':
    case 'device-width':
      return env.viewportWidth;
    case 'height':
    case 'device-height':
      return env.viewportHeight;
    case 'resolution':
    case '-webkit-device-pixel-ratio':
      return 1;
    default:
      return null;
  }
}

function evalFeature(name: string, value: MediaValue | null, env: MediaEnvironment): boolean {
  const lower = name.toLowerCase();
  const prefix = lower.startsWith('min-') ? 'min' : lower.startsWith('max-') ? 'max' : '';
  const base = prefix ? lower.slice(4) : lower.replace(/^-webkit-(min|max)-/, (_m, p: string) => `-webkit-${p}-`);
  if (base === 'orientation') {
    const want = value?.type === 'Identifier' ? value.name.toLowerCase() : '';
    const actual = env.viewportHeight >= env.viewportWidth ? 'portrait' : 'landscape';
    return value === null || want === actual;
  }
  const keyword = value?.type === 'Identifier' ? value.name.toLowerCase() : null;
  // A desktop screen with a mouse and the light scheme (what the lab's Chromium would report).
  const keywords: Record<string, (k: string | null) => boolean> = {
    'prefers-color-scheme': (k) => k === null || k === 'light',
    'prefers-reduced-motion': (k) => k === null || k === 'no-preference',
    'prefers-contrast': (k) => k === 'no-preference',
    hover: (k) => k === null || k === 'hover',
    'any-hover': (k) => k === null || k === 'hover',
    pointer: (k) => k === null || k === 'fine',
    'any-pointer': (k) => k === null || k === 'fine',
    color: () => true,
    scripting: (k) => k === 'enabled',
    'display-mode': (k) => k === 'browser',
  };
  const byKeyword = keywords[base];
  if (byKeyword && !prefix) return byKeyword(keyword);
  if (base === '-webkit-min-device-pixel-ratio') return mediaLength(value) <= 1;
  if (base === '-webkit-max-device-pixel-ratio') return mediaLength(value) >= 1;
  const actual = featureValue(base, env);
  if (actual === null) return false; // a feature the model does not know: the query does not match
  if (value === null) return actual > 0;
  const wanted = base === 'resolution' ? resolutionOf(value) : mediaLength(value);
  if (Number.isNaN(wanted)) return false;
  if (prefix === 'min') return actual >= wanted;
  if (prefix === 'max') return actual <= wanted;
  return actual === wanted;
}

function resolutionOf(node: MediaValue): number {
  if (node.type !== 'Dimension') return Number.NaN;
  const v = Number(node.value);
  const unit = node.unit.toLowerCase();
  return unit === 'dppx' || unit === 'x' ? v : unit === 'dpi' ? v / 96 : unit === 'dpcm' ? (v * 2.54) / 96 : Number.NaN;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    default:
      return false;
  }
}

function evalRange(node: Extract<CssNode, { type: 'FeatureRange' }>, env: MediaEnvironment): boolean {
  const valueOf = (n: MediaValue | null): number => {
    if (n?.type === 'Identifier') return featureValue(n.name.toLowerCase(), env) ?? Number.NaN;
    return mediaLength(n);
  };
  const left = valueOf(node.left);
  const middle = valueOf(node.middle);
  if (Number.isNaN(left) || Number.isNaN(middle) || !compare(left, node.leftComparison, middle)) return false;
  if (node.rightComparison === null || node.right === null) return true;
  const right = valueOf(node.right);
  return !Number.isNaN(right) && compare(middle, node.rightComparison, right);
}

function evalConditionTerm(node: CssNode, env: MediaEnvironment): boolean {
  if (node.type === 'Feature') return evalFeature(node.name, node.value, env);
  if (node.type === 'FeatureRange') return evalRange(node, env);
  if (node.type === 'Condition') return evalCondition(node.children, env);
  return false; // general-enclosed and the like: unknown, so false
}

function evalCondition(children: List<CssNode>, env: MediaEnvironment): boolean {
  const items = children.toArray().filter((c) => c.type !== 'WhiteSpace');
  const first = items[0];
  if (first?.type === 'Identifier' && first.name.toLowerCase() === 'not') {
    const term = items[1];
    return term ? !evalConditionTerm(term, env) : false;
  }
  let useOr = false;
  const results: boolean[] = [];
  for (const item of items) {
    if (item.type === 'Identifier') {
      if (item.name.toLowerCase() === 'or') useOr = true;
      continue;
    }
    results.push(evalConditionTerm(item, env));
  }
  if (results.length === 0) return false;
  return useOr ? results.some(Boolean) : results.every(Boolean);
}

function evalMediaQuery(query: MediaQuery, env: MediaEnvironment): boolean {
  const type = query.mediaType?.toLowerCase() ?? 'all';
  const typeMatches = type === 'all' || type === 'screen';
  const result = typeMatches && (query.condition === null || evalCondition(query.condition.children, env));
  return query.modifier?.toLowerCase() === 'not' ? !result : result;
}

function evalMediaQueryList(list: MediaQueryList, env: MediaEnvironment): boolean {
  const queries = list.children.toArray();
  if (queries.length === 0) return true; // an empty list matches everything
  return queries.some((q) => q.type === 'MediaQuery' && evalMediaQuery(q, env));
}

/** Whether a media query list ("screen and (min-width: 600px)") matches a screen of this size. */
export function matchesMediaQueryList(text: string, env: MediaEnvironment = DEFAULT_MEDIA): boolean {
  if (text.trim() === '') return true;
  let failed = false;
  let ast: CssNode;
  try {
    ast = blinkLibraries().parseCss(text, {
      context: 'mediaQueryList',
      positions: false,
      onParseError: () => (failed = true),
    });
  } catch {
    return false;
  }
  if (failed || ast.type !== 'MediaQueryList') return false;
  return evalMediaQueryList(ast, env);
}

// ----- the stylesheet -----------------------------------------------------------

const IGNORED_AT_RULE_LIMIT = 50;

interface ParseState {
  env: MediaEnvironment;
  rules: CssRule[];
  errors: number;
  imports: string[];
  mediaRules: MediaRuleSummary[];
  ignored: string[];
}

function countStyleRules(children: List<CssNode> | undefined): number {
  if (!children) return 0;
  let n = 0;
  for (const c of children) {
    if (c.type === 'Rule') n++;
    else if (c.type === 'Atrule' && c.block) n += countStyleRules(c.block.children);
  }
  return n;
}

function styleRule(rule: Rule, media: string | null, state: ParseState): void {
  if (rule.prelude.type !== 'SelectorList') {
    // css-tree reported the selector error already (and counted it): the rule is dropped.
    return;
  }
  const selectors: ParsedSelector[] = [];
  for (const s of rule.prelude.children) if (s.type === 'Selector') selectors.push(convertSelector(s));
  if (selectors.length === 0) {
    state.errors++;
    return;
  }
  const declarations = declarationsOf(rule.block.children, () => state.errors++);
  state.rules.push({ selectorText: selectors.map((s) => s.text).join(', '), selectors, declarations, media });
}

function atRule(node: Atrule, media: string | null, state: ParseState): void {
  const name = node.name.toLowerCase();
  if (name === 'import') {
    let href = '';
    if (node.prelude && node.prelude.type === 'AtrulePrelude') {
      const first = node.prelude.children.first;
      if (first?.type === 'Url' || first?.type === 'String') href = first.value;
    }
    state.imports.push(href || (node.prelude ? blinkLibraries().generateCss(node.prelude) : ''));
    return;
  }
  if (name === 'media') {
    let condition = '';
    let matches = true;
    if (node.prelude?.type === 'Raw') {
      condition = node.prelude.value.trim();
      matches = false; // unparsable media queries are "not all"
    } else if (node.prelude) {
      condition = blinkLibraries().generateCss(node.prelude);
      const list = node.prelude.children.first;
      matches = list?.type === 'MediaQueryList' ? evalMediaQueryList(list, state.env) : false;
    }
    state.mediaRules.push({ condition, matches, ruleCount: countStyleRules(node.block?.children) });
    if (matches && node.block) {
      const label = media ? `${media} and ${condition}` : condition;
      walk(node.block.children, label, state);
    }
    return;
  }
  if ((name === 'supports' || name === 'layer') && node.block) {
    walk(node.block.children, media, state);
    return;
  }
  if (state.ignored.length < IGNORED_AT_RULE_LIMIT) state.ignored.push(`@${name}`);
}

function walk(children: List<CssNode>, media: string | null, state: ParseState): void {
  for (const node of children) {
    if (node.type === 'Rule') styleRule(node, media, state);
    else if (node.type === 'Atrule') atRule(node, media, state);
    // Raw (already reported), CDO/CDC and comments carry no rules.
  }
}

/**
 * Parses a stylesheet into the model's CSSOM. Never throws: whatever css-tree cannot
 * parse is skipped and counted in `errorCount`.
 */
export function parseStyleSheet(
  cssText: string,
  source: string,
  media: MediaEnvironment = DEFAULT_MEDIA,
): CssStyleSheetModel {
  const state: ParseState = { env: media, rules: [], errors: 0, imports: [], mediaRules: [], ignored: [] };
  let ast: CssNode;
  try {
    ast = blinkLibraries().parseCss(cssText, { positions: false, onParseError: () => state.errors++ });
  } catch {
    return new CssStyleSheetModel(source, [], state.errors + 1, [], [], []);
  }
  if (ast.type === 'StyleSheet') walk(ast.children, null, state);
  return new CssStyleSheetModel(source, state.rules, state.errors, state.imports, state.mediaRules, state.ignored);
}

/** The declarations of a `style` attribute (errors are dropped silently, as browsers do). */
export function parseInlineStyle(attr: string): CssDeclaration[] {
  try {
    const ast = blinkLibraries().parseCss(attr, {
      context: 'declarationList',
      positions: false,
      onParseError: () => undefined,
    });
    if (ast.type !== 'DeclarationList') return [];
    return declarationsOf(ast.children, () => undefined);
  } catch {
    return [];
  }
}
