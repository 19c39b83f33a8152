/**
 * The states a navigation goes through, named and ordered as Chromium's
 * NavigationRequest::NavigationState (content/browser/renderer_host/navigation_request.h),
 * and the transitions between them that NavigationRequest allows (Chromium checks
 * them in NavigationRequest::CheckStateTransition). NavScope's NavigationRequest
 * records every transition in the trace, so the window can show the path a
 * navigation took: WILL_START_REQUEST → WILL_PROCESS_RESPONSE → READY_TO_COMMIT → DID_COMMIT.
 */
import * as s from '../base/schema.js';

export const NAVIGATION_STATES = [
  /** Created; nothing has happened yet. */
  'NOT_STARTED',
  /** The current document's renderer runs beforeunload (LocalFrame.BeforeUnload) and has not answered yet. */
  'WAITING_FOR_RENDERER_RESPONSE',
  /** beforeunload let it go (or there was no document): the navigation may start. */
  'WILL_START_NAVIGATION',
  /** The request went to the network service (URLLoaderFactory.CreateLoaderAndStart). */
  'WILL_START_REQUEST',
  /** The server redirected; the browser follows (URLLoader.FollowRedirect). */
  'WILL_REDIRECT_REQUEST',
  /** The response head arrived: MIME sniffing, Safe Browsing and the decision what to do with it. */
  'WILL_PROCESS_RESPONSE',
  /** A renderer process was chosen and asked to commit (NavigationClient.CommitNavigation); waiting for it to say it did. */
  'READY_TO_COMMIT',
  /** The renderer committed the new document. A final state. */
  'DID_COMMIT',
  /** Cancelled: a new navigation, beforeunload said stay, or the response does not commit (a download, 204, a blocked page). A final state. */
  'CANCELING',
  /** The request failed with a net error. A final state when no error page commits. */
  'WILL_FAIL_REQUEST',
  /** The error page for the failure committed. A final state. */
  'DID_COMMIT_ERROR_PAGE',
] as const;

export type NavigationState = (typeof NAVIGATION_STATES)[number];
export const navigationState = s.literal(...NAVIGATION_STATES);

/** Where each state may go next (the rest is a bug, reported as such). */
export const NAVIGATION_TRANSITIONS: Readonly<Record<NavigationState, readonly NavigationState[]>> = {
  NOT_STARTED: ['WAITING_FOR_RENDERER_RESPONSE', 'WILL_START_NAVIGATION', 'WILL_FAIL_REQUEST', 'CANCELING'],
  WAITING_FOR_RENDERER_RESPONSE: ['WILL_START_NAVIGATION', 'CANCELING'],
  WILL_START_NAVIGATION: ['WILL_START_REQUEST', 'WILL_FAIL_REQUEST', 'CANCELING'],
  WILL_START_REQUEST: ['WILL_REDIRECT_REQUEST', 'WILL_PROCESS_RESPONSE', 'WILL_FAIL_REQUEST', 'CANCELING'],
  WILL_REDIRECT_REQUEST: ['WILL_REDIRECT_REQUEST', 'WILL_PROCESS_RESPONSE', 'WILL_FAIL_REQUEST', 'CANCELING'],
  WILL_PROCESS_RESPONSE: ['READY_TO_COMMIT', 'WILL_FAIL_REQUEST', 'CANCELING'],
  READY_TO_COMMIT: ['DID_COMMIT', 'DID_COMMIT_ERROR_PAGE', 'WILL_FAIL_REQUEST', 'CANCELING'],
  DID_COMMIT: [],
  CANCELING: [],
  WILL_FAIL_REQUEST: ['READY_TO_COMMIT', 'CANCELING'],
  DID_COMMIT_ERROR_PAGE: [],
};

export function canTransition(from: NavigationState, to: NavigationState): boolean {
  return NAVIGATION_TRANSITIONS[from].includes(to);
}
