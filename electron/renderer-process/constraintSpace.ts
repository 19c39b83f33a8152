/**
 * Blink's ConstraintSpace: what a parent gives a box to lay out in — one object instead
 * of a long list of parameters. NavScope's layout writes absolute positions directly, so
 * the space also says where the layout starts.
 */
export interface ConstraintSpace {
  /** The left edge of the containing block's content box (CSS px; inside an atomic inline, from its border box). */
  x: number;
  /** Where this layout starts vertically: a block's border-box top, the first line's top, a container's content top. */
  y: number;
  /** The containing block's content width: the space available, and what widths, margins and padding in % resolve against. */
  width: number;
  /** The containing block's height when definite (what heights in % resolve against), else null. */
  height: number | null;
  /** The atomic inline (inline-block, image) whose content is laid out, for paint order; null in normal flow. */
  atomicOwner: number | null;
}
