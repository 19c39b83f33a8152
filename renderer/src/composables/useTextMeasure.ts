import { onBeforeUnmount, shallowRef } from 'vue';
import type { TextMeasure } from '../viz/processDiagramLayout';

/** The diagram's text styles (app.css: .node-title, .node-line, .node-state). */
const FONTS = { title: '600 12px', line: '11px', state: '600 11px' } as const;

/**
 * Measures text as the window draws it (a canvas in the page's font), so that boxes
 * cut a name only when it really does not fit. A new measure is given when a web font
 * finishes loading (Korean glyphs arrive later than the first layout).
 */
export function useTextMeasure() {
  const measure = shallowRef<TextMeasure | undefined>(create());
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  const refresh = () => (measure.value = create());
  fonts?.addEventListener('loadingdone', refresh);
  onBeforeUnmount(() => fonts?.removeEventListener('loadingdone', refresh));
  return measure;
}

function create(): TextMeasure | undefined {
  if (typeof document === 'undefined') return undefined;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const cache = new Map<string, number>();
  return (text, style) => {
    const key = `${style}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = `${FONTS[style]} ${family}`;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
