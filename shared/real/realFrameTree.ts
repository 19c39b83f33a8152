/**
 * Which frames a real Chromium's trace shows, and which renderer process hosted each:
 * Chromium's navigation-category spans describe RenderFrameHosts in their args
 * (RenderFrameHostImpl::WriteIntoTrace: `frame_tree_node_id`, `lifecycle_state`,
 * `origin`, `parent`, and `process: { child_process_id, process_lock }`). The last
 * ACTIVE RenderFrameHost seen for a FrameTreeNode is its document's; a frame whose
 * document is in another process than its parent's is an out-of-process iframe.
 */
import type { RealTrace } from './realTrace.js';

export interface RealFrame {
  frameTreeNodeId: number;
  /** The parent's FrameTreeNode id; null for a main frame. */
  parentId: number | null;
  /** The document's origin as the trace writes it (`https://www.naver.com`). */
  origin: string;
  /** The renderer process's real pid. */
  pid: number;
  /** The site the process is locked to (`https://naver.com/`), '' when unlocked. */
  processLock: string;
}

interface Seen extends RealFrame {
  ts: number;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A RenderFrameHost description, if `record` is one with everything this needs. */
function frameOf(record: Record<string, unknown>, ts: number): Seen | null {
  const id = record.frame_tree_node_id;
  const process = asRecord(record.process);
  const origin = record.origin;
  if (typeof id !== 'number' || record.lifecycle_state !== 'ACTIVE' || typeof origin !== 'string' || !process)
    return null;
  const pid = process.child_process_id;
  if (typeof pid !== 'number') return null;
  const lock = typeof process.process_lock === 'string' ? process.process_lock : '';
  const parent = asRecord(record.parent);
  return {
    frameTreeNodeId: id,
    parentId: parent && typeof parent.frame_tree_node_id === 'number' ? parent.frame_tree_node_id : null,
    origin,
    pid,
    processLock: lock.replace(/^\{\s*|\s*\}$/g, '').trim(),
    ts,
  };
}

/** Every frame the trace's navigation spans describe, with the process of its latest document. */
export function realFrames(trace: RealTrace): RealFrame[] {
  const latest = new Map<number, Seen>();
  let budget = 2_000_000;
  for (const span of trace.navigationSpans) {
    if (!span.args) continue;
    const stack: [unknown, number][] = [[span.args, 0]];
    while (stack.length > 0 && budget-- > 0) {
      const [value, depth] = stack.pop()!;
      if (typeof value !== 'object' || value === null || depth > 16) continue;
      if (Array.isArray(value)) {
        for (const item of value) stack.push([item, depth + 1]);
        continue;
      }
      const record = value as Record<string, unknown>;
      const frame = frameOf(record, span.ts);
      if (frame) {
        const known = latest.get(frame.frameTreeNodeId);
        if (!known || known.ts <= frame.ts) latest.set(frame.frameTreeNodeId, frame);
      }
      for (const key of Object.keys(record)) stack.push([record[key], depth + 1]);
    }
  }
  return [...latest.values()]
    .sort((a, b) => a.frameTreeNodeId - b.frameTreeNodeId)
    .map(({ ts: _ts, ...frame }) => frame);
}
