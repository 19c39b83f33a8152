/**
 * The explanation panel's content: for every phase, network step, message and trace
 * event kind, what happens and why — in each language. Plain strings, always
 * rendered as text.
 */
import type { MessageName } from '../../../shared/ipc/messageCatalogue.js';
import type { PhaseId } from '../../../shared/trace/phases.js';
import type { TraceEventType } from '../../../shared/trace/traceEvent.js';

export interface Explanation {
  /** A short heading. */
  title: string;
  /** What happens at this step, concretely, in NavScope and in Chromium. */
  what: string;
  /** Why the browser does it this way. */
  why: string;
}

export type NetSpanName =
  | 'DNS Lookup'
  | 'Initial connection'
  | 'SSL'
  | 'Request sent'
  | 'Waiting for server response'
  | 'Content Download'
  // Steps that appear in imported files (HAR, NetLog): NavScope's own model records neither.
  | 'Stalled'
  | 'Read from cache';
export type RendererSpanName = 'Parse HTML';
export type ExplainedEventType = Exclude<TraceEventType, 'message' | 'span.begin' | 'span.end'>;

export interface Explanations {
  phases: Record<PhaseId, Explanation>;
  netSpans: Record<NetSpanName, Explanation>;
  rendererSpans: Record<RendererSpanName, Explanation>;
  messages: Record<MessageName, Explanation>;
  events: Record<ExplainedEventType, Explanation>;
}
