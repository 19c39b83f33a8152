/**
 * Blink's LineBreaker, reduced: greedy — segments fill a line while they fit (the space
 * before a segment hangs when it does not), a forced break ends the line, and trailing
 * spaces are dropped from every line.
 */
import type { Piece, Token } from './inlineItemsBuilder.js';

export interface Line {
  pieces: Piece[];
  width: number;
  hasBreak: boolean;
}

/** Breaks segmented inline content into lines at most `available` px wide (a segment wider than that has a line of its own). */
export function breakLines(tokens: readonly Token[], available: number): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  const finish = (): void => {
    if (!line) return;
    while (line.pieces.at(-1)?.kind === 'space') {
      const dropped = line.pieces.pop();
      line.width -= dropped?.width ?? 0;
    }
    lines.push(line);
    line = null;
  };
  for (const token of tokens) {
    if (token.type === 'break') {
      line ??= { pieces: [], width: 0, hasBreak: false };
      line.hasBreak = true;
      finish();
      continue;
    }
    const { segment } = token;
    if (line && line.pieces.length > 0) {
      const space = segment.spaceBefore?.width ?? 0;
      if (line.width + space + segment.width > available + 0.001) finish();
      else if (segment.spaceBefore) {
        line.pieces.push({ ...segment.spaceBefore, x: line.width });
        line.width += space;
      }
    }
    line ??= { pieces: [], width: 0, hasBreak: false };
    for (const piece of segment.pieces) {
      piece.x = line.width;
      line.pieces.push(piece);
      line.width += piece.width;
    }
  }
  finish();
  return lines;
}
