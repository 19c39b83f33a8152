/**
 * The model's font metrics (it does not shape glyphs): every character advances
 * 0.55 × font-size, a CJK character 1 × font-size, and the baseline lies 0.8 ×
 * font-size below the top of the glyph box — what Blink's Font::Width and
 * SimpleFontData's ascent answer for real fonts.
 */

export const CHAR_ADVANCE = 0.55;
export const CJK_ADVANCE = 1;
/** The baseline's position in a glyph box of 1 × font-size (ascent). */
export const ASCENT = 0.8;

const CJK =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{2fa1f}]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** The model's text width: 0.55 × font-size per character, 1 × font-size per CJK character. */
export function textAdvance(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += (isCjk(ch) ? CJK_ADVANCE : CHAR_ADVANCE) * fontSize;
  return width;
}
