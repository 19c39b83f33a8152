/**
 * Shorthands as Blink's StylePropertyShorthand and CSSPropertyParser expand them: margin,
 * padding, border (and its sides, widths, styles, colors), background (its color only)
 * and font (size, line height, weight), into the longhands the model tracks. A CSS-wide
 * keyword on a shorthand applies to each of its longhands.
 */
import type { CssComponent, CssDeclaration } from './cssStyleSheet.js';
import {
  BORDER_STYLES,
  CSS_WIDE,
  LONGHANDS,
  type LengthOptions,
  SIDES,
  type Side,
  borderWidthSpec,
  colorOf,
  fontSizeSpec,
  fontWeightSpec,
  keyword,
  lengthOf,
  lineHeightSpec,
} from './cssPropertyParser.js';

type Expanded = [string, CssComponent[]][];

function fourSides(
  prefix: string,
  suffix: string,
  values: readonly CssComponent[],
  valid: (c: CssComponent) => boolean,
): Expanded | null {
  if (values.length < 1 || values.length > 4 || !values.every(valid)) return null;
  const [t, r = t, b = t, l = r] = values as [CssComponent, ...CssComponent[]];
  return [
    [`${prefix}top${suffix}`, [t]],
    [`${prefix}right${suffix}`, [r]],
    [`${prefix}bottom${suffix}`, [b]],
    [`${prefix}left${suffix}`, [l]],
  ];
}

function borderSide(
  values: readonly CssComponent[],
): { width: CssComponent; style: CssComponent; color: CssComponent } | null {
  let width: CssComponent | null = null;
  let style: CssComponent | null = null;
  let color: CssComponent | null = null;
  for (const c of values) {
    if (!width && borderWidthSpec(c) !== null) width = c;
    else if (!style && c.type === 'ident' && BORDER_STYLES.has(c.value.toLowerCase())) style = c;
    else if (!color && colorOf(c) !== null) color = c;
    else return null;
  }
  if (!width && !style && !color) return null;
  return {
    width: width ?? { type: 'ident', value: 'medium' },
    style: style ?? { type: 'ident', value: 'none' },
    color: color ?? { type: 'ident', value: 'currentcolor' },
  };
}

const BACKGROUND_KEYWORDS = new Set([
  'none',
  'repeat',
  'repeat-x',
  'repeat-y',
  'no-repeat',
  'space',
  'round',
  'scroll',
  'fixed',
  'local',
  'top',
  'bottom',
  'left',
  'right',
  'center',
  'border-box',
  'padding-box',
  'content-box',
  'text',
  'auto',
  'cover',
  'contain',
]);

/** Expands a shorthand into longhands the model tracks; null when the value is invalid. */
function expandShorthand(property: string, v: readonly CssComponent[]): Expanded | null {
  const isLength = (opts: LengthOptions) => (c: CssComponent) => lengthOf(c, opts) !== null;
  switch (property) {
    case 'margin':
      return fourSides('margin-', '', v, isLength({ auto: true, percent: true, negative: true }));
    case 'padding':
      return fourSides('padding-', '', v, isLength({ percent: true }));
    case 'border-width':
      return fourSides('border-', '-width', v, (c) => borderWidthSpec(c) !== null);
    case 'border-style':
      return fourSides('border-', '-style', v, (c) => c.type === 'ident' && BORDER_STYLES.has(c.value.toLowerCase()));
    case 'border-color':
      return fourSides('border-', '-color', v, (c) => colorOf(c) !== null);
    case 'border':
    case 'border-top':
    case 'border-right':
    case 'border-bottom':
    case 'border-left': {
      const parts = borderSide(v);
      if (!parts) return null;
      const sides: readonly Side[] = property === 'border' ? SIDES : [property.slice(7) as Side];
      return sides.flatMap((s): Expanded => [
        [`border-${s}-width`, [parts.width]],
        [`border-${s}-style`, [parts.style]],
        [`border-${s}-color`, [parts.color]],
      ]);
    }
    case 'background': {
      // Only the color matters to the model: the final layer's color, if any.
      let color: CssComponent = { type: 'ident', value: 'transparent' };
      for (const c of v) {
        if (c.type === 'ident' && BACKGROUND_KEYWORDS.has(c.value.toLowerCase())) continue;
        if (colorOf(c) !== null) color = c;
      }
      return [['background-color', [color]]];
    }
    case 'font': {
      // [style || variant || weight || stretch]? size [/ line-height]? family
      let weight: CssComponent = { type: 'ident', value: 'normal' };
      let index = 0;
      for (; index < v.length; index++) {
        const c = v[index];
        if (!c) break;
        if (fontSizeSpec(c) !== null) break;
        if (fontWeightSpec(c) !== null) weight = c;
        else if (!(
          c.type === 'ident' &&
          [
            'normal',
            'italic',
            'oblique',
            'small-caps',
            'condensed',
            'expanded',
            'semi-condensed',
            'semi-expanded',
          ].includes(c.value.toLowerCase())
        ))
          return null;
      }
      const size = v[index];
      if (!size || fontSizeSpec(size) === null) return null;
      let lineHeight: CssComponent = { type: 'ident', value: 'normal' };
      let next = index + 1;
      const slash = v[next];
      if (slash?.type === 'operator' && slash.value === '/') {
        const lh = v[next + 1];
        if (!lh || lineHeightSpec(lh) === null) return null;
        lineHeight = lh;
        next += 2;
      }
      if (next >= v.length) return null; // the family is required
      return [
        ['font-size', [size]],
        ['line-height', [lineHeight]],
        ['font-weight', [weight]],
      ];
    }
    default:
      return null;
  }
}

const sideLonghands = (prefix: string, suffix: string): string[] => SIDES.map((s) => `${prefix}${s}${suffix}`);
const borderSideLonghands = (s: Side): string[] => [`border-${s}-width`, `border-${s}-style`, `border-${s}-color`];
const SHORTHAND_LONGHANDS: Record<string, string[]> = {
  margin: sideLonghands('margin-', ''),
  padding: sideLonghands('padding-', ''),
  'border-width': sideLonghands('border-', '-width'),
  'border-style': sideLonghands('border-', '-style'),
  'border-color': sideLonghands('border-', '-color'),
  border: SIDES.flatMap(borderSideLonghands),
  'border-top': borderSideLonghands('top'),
  'border-right': borderSideLonghands('right'),
  'border-bottom': borderSideLonghands('bottom'),
  'border-left': borderSideLonghands('left'),
  background: ['background-color'],
  font: ['font-size', 'line-height', 'font-weight'],
};

/** A declaration as longhands the model tracks, or [] when it tracks none of them or it is invalid. */
export function expandDeclaration(declaration: Pick<CssDeclaration, 'property' | 'components'>): Expanded {
  const { property, components } = declaration;
  const wide = keyword(components);
  if (wide !== null && CSS_WIDE.has(wide)) {
    if (LONGHANDS[property]) return [[property, [...components]]];
    // A CSS-wide keyword on a shorthand applies to each of its longhands.
    return (SHORTHAND_LONGHANDS[property] ?? []).map((p) => [p, [...components]]);
  }
  const validate = LONGHANDS[property];
  if (validate) return validate(components) ? [[property, [...components]]] : [];
  if (SHORTHAND_LONGHANDS[property]) return expandShorthand(property, components) ?? [];
  return [];
}
