/**
 * Blink's InlineItemsBuilder, reduced: a run of inline content turned into unbreakable
 * segments (text between break opportunities, the edges of inline elements, atomic
 * inlines) and forced breaks, with white-space collapsed as `white-space` says
 * (`normal`, `nowrap`, `pre`, `pre-wrap`, `pre-line`). Break opportunities are spaces
 * and the gaps between CJK characters; `<br>` and preserved newlines force a break.
 */
import { isCjk, textAdvance } from './fontMetrics.js';
import type { LayoutBox } from './layoutBox.js';
import type { LayoutObject } from './layoutTreeBuilder.js';
import { metricsOf } from './lengthUtils.js';

export interface Piece {
  kind: 'text' | 'space' | 'edge' | 'atomic';
  object: LayoutObject;
  /** Inline elements this piece is inside (an edge piece includes its own element). */
  ancestors: readonly LayoutObject[];
  text: string;
  width: number;
  /** For edges: the margin part (outside the border box) on the outer side. */
  margin: number;
  side: 'open' | 'close' | null;
  atomic: AtomicLayout | null;
  x: number;
}

export interface Segment {
  pieces: Piece[];
  width: number;
  spaceBefore: Piece | null;
}

export type Token = { type: 'segment'; segment: Segment } | { type: 'break'; object: LayoutObject };

export interface AtomicLayout {
  /** Boxes with the border box at (0, 0). */
  boxes: LayoutBox[];
  marginLeft: number;
  marginTop: number;
  width: number;
  height: number;
  /** Margin-box size. */
  outerWidth: number;
  outerHeight: number;
}

export type AtomicSizer = (object: LayoutObject) => AtomicLayout;

/** Splits inline content into unbreakable segments and forced breaks. */
export function segmentInline(objects: readonly LayoutObject[], cbWidth: number, sizeAtomic: AtomicSizer): Token[] {
  const tokens: Token[] = [];
  let current: Piece[] = [];
  let pendingSpace: Piece | null = null;
  let atLineStart = true; // collapsible spaces are dropped at the start of a line
  let lastWasSpace = true;

  const flush = (): void => {
    if (current.length === 0) return;
    tokens.push({
      type: 'segment',
      segment: { pieces: current, width: current.reduce((w, p) => w + p.width, 0), spaceBefore: pendingSpace },
    });
    current = [];
    pendingSpace = null;
    atLineStart = false;
  };
  const forcedBreak = (object: LayoutObject): void => {
    flush();
    tokens.push({ type: 'break', object });
    pendingSpace = null;
    atLineStart = true;
    lastWasSpace = true;
  };
  const appendText = (object: LayoutObject, ancestors: readonly LayoutObject[], text: string): void => {
    const width = textAdvance(text, object.style.fontSize);
    const last = current.at(-1);
    if (last && last.kind === 'text' && last.object === object) {
      last.text += text;
      last.width += width;
    } else {
      current.push({ kind: 'text', object, ancestors, text, width, margin: 0, side: null, atomic: null, x: 0 });
    }
  };

  const visit = (object: LayoutObject, ancestors: readonly LayoutObject[]): void => {
    if (object.kind === 'br') {
      forcedBreak(object);
      return;
    }
    if (object.kind === 'text') {
      const ws = object.style.whiteSpace;
      const preserveSpaces = ws === 'pre' || ws === 'pre-wrap';
      const preserveNewlines = ws !== 'normal' && ws !== 'nowrap';
      const canWrap = ws !== 'nowrap' && ws !== 'pre';
      let text = object.text.replace(/\r\n?/g, '\n');
      if (!preserveSpaces)
        text = preserveNewlines
          ? text.replace(/[ \t\f]*\n[ \t\f]*/g, '\n').replace(/[ \t\f]+/g, ' ')
          : text.replace(/[ \t\n\f]+/g, ' ');
      for (const ch of text) {
        if (ch === '\n' && preserveNewlines) {
          forcedBreak(object);
          continue;
        }
        if (ch === ' ' && !preserveSpaces) {
          if (atLineStart && current.length === 0) continue;
          if (lastWasSpace) continue;
          lastWasSpace = true;
          if (!canWrap) {
            appendText(object, ancestors, ' ');
            continue;
          }
          flush();
          pendingSpace = {
            kind: 'space',
            object,
            ancestors,
            text: ' ',
            width: textAdvance(' ', object.style.fontSize),
            margin: 0,
            side: null,
            atomic: null,
            x: 0,
          };
          continue;
        }
        lastWasSpace = false;
        if (ch === '\t' && preserveSpaces) {
          appendText(object, ancestors, '        ');
        } else if (isCjk(ch) && canWrap) {
          flush();
          appendText(object, ancestors, ch);
          flush();
          continue;
        } else {
          appendText(object, ancestors, ch);
        }
        if ((ch === ' ' || ch === '\t') && ws === 'pre-wrap') flush(); // preserved spaces hang; a break may follow
      }
      return;
    }
    if (object.kind === 'inline') {
      const m = metricsOf(object.style, cbWidth);
      const inner = [...ancestors, object];
      const open = (m.margin.left ?? 0) + m.border.left + m.padding.left;
      current.push({
        kind: 'edge',
        object,
        ancestors: inner,
        text: '',
        width: open,
        margin: m.margin.left ?? 0,
        side: 'open',
        atomic: null,
        x: 0,
      });
      for (const child of object.children) visit(child, inner);
      const close = (m.margin.right ?? 0) + m.border.right + m.padding.right;
      current.push({
        kind: 'edge',
        object,
        ancestors: inner,
        text: '',
        width: close,
        margin: m.margin.right ?? 0,
        side: 'close',
        atomic: null,
        x: 0,
      });
      return;
    }
    // An atomic inline (inline-block, image, replaced element): a break opportunity on either side.
    flush();
    const atomic = sizeAtomic(object);
    current.push({
      kind: 'atomic',
      object,
      ancestors,
      text: '',
      width: atomic.outerWidth,
      margin: 0,
      side: null,
      atomic,
      x: 0,
    });
    flush();
    lastWasSpace = false;
  };
  for (const object of objects) visit(object, []);
  flush();
  return tokens;
}
