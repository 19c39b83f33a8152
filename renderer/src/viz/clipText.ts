/**
 * What a view shows of a text that may be huge (a summary or payload from a hostile or
 * broken trace): at most `max` characters, with a visible note of how much was left out.
 * Laying out a megabyte of text freezes the window; the full value stays available on
 * demand (ClippedText saves it as a file).
 */
export interface ClippedText {
  shown: string;
  /** Characters left out (0 when the text is shown whole). */
  omitted: number;
}

export function clipText(text: string, max: number): ClippedText {
  if (text.length <= max) return { shown: text, omitted: 0 };
  return { shown: `${text.slice(0, max)}…[truncated]`, omitted: text.length - max };
}
