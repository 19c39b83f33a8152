/**
 * How a navigation ended, as the browser model reports it to every host (CLI, web host,
 * desktop) and the window: one declaration for the type and the wire check.
 */
import * as s from '../base/schema.js';
import { netErrorInfo } from '../net/netError.js';

export const navigationOutcome = s.literal(
  /** Committed, and DidStopLoading came. */
  'loaded',
  /** Committed, then its own body failed (DidFailLoadWithError). */
  'load-failed',
  /** Committed, then another page replaced it before it finished loading. */
  'load-cancelled',
  /** A net error (an error page may have committed). */
  'failed',
  /** Nothing to commit (204/205). */
  'no-commit',
  'renderer-crashed',
  /** A newer navigation took its place before it committed, or beforeunload said stay. */
  'cancelled',
  'invalid-input',
  /** An API call with nothing to act on (no page to go back to, …). */
  'nothing-to-do',
  'download',
  'download-interrupted',
  /** Safe Browsing: an interstitial instead of the page. */
  'blocked',
);
export type NavigationOutcomeName = s.Infer<typeof navigationOutcome>;

export const navigationResult = s.object({
  navigationId: s.nullable(s.string({ maxLength: 100 })),
  outcome: navigationOutcome,
  /** The URL that was (or would have been) loaded. */
  url: s.nullable(s.string({ maxLength: 8192 })),
  netError: s.nullable(netErrorInfo),
  /** A sentence for people: what happened. */
  message: s.string({ maxLength: 8192 }),
});
export type NavigationResult = s.Infer<typeof navigationResult>;
