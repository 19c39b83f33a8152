import type { PhaseId } from '../trace/phases.js';

/**
 * The timing spans of Chromium's `navigation` category that the waterfall shows as a
 * real navigation's phases (content/browser's NavigationRequest and the page-load
 * metrics record them as async spans), in the order a navigation goes through them,
 * each with the phase of NavScope's journey it belongs to. Every other navigation span
 * is kept in the trace too, as a span of its own.
 */
export const REAL_NAVIGATION_PHASES = [
  { name: 'NavigationRequestToBeginNavigation', journey: 'start-navigation' },
  { name: 'BeginNavigationToLoaderStart', journey: 'start-navigation' },
  { name: 'LoaderStartToFetchStart', journey: 'network' },
  { name: 'FetchStartToReceiveHeaders', journey: 'network' },
  { name: 'ReceiveHeadersToReceiveResponse', journey: 'network' },
  { name: 'ReceiveResponseToCommit', journey: 'find-renderer' },
  { name: 'CommitToDidCommit', journey: 'commit' },
  { name: 'RendererCommitToDidCommit', journey: 'commit' },
  { name: 'DidCommitToFinish', journey: 'load' },
  { name: 'NavigationCommitSentToParseStart', journey: 'load' },
  { name: 'ParseStartToDOMContentLoaded', journey: 'load' },
  { name: 'ParseStartToFCP', journey: 'load' },
] as const satisfies readonly { name: string; journey: PhaseId }[];

export type RealNavigationPhaseName = (typeof REAL_NAVIGATION_PHASES)[number]['name'];

const NAMES = new Set<string>(REAL_NAVIGATION_PHASES.map((p) => p.name));

export function isRealNavigationPhase(name: string): name is RealNavigationPhaseName {
  return NAMES.has(name);
}

/** The order of a phase in the journey (for the waterfall's rows). */
export function realPhaseOrder(name: string): number {
  const index = REAL_NAVIGATION_PHASES.findIndex((p) => p.name === name);
  return index === -1 ? REAL_NAVIGATION_PHASES.length : index;
}
