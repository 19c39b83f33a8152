/**
 * How the story writes numbers and names taken from the trace. Shared by both
 * languages, so a number reads the same in the English and the Korean story.
 */
import type { StoryFacts } from './storyFacts.js';

/** A duration or moment recorded in µs, in milliseconds: 707.6 ms, 2.17 ms. */
export function formatMs(micros: number): string {
  const ms = micros / 1000;
  return `${ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}

/** How the navigation ended, as the story tells it. */
export type StoryOutcome =
  | 'loaded'
  | 'load-failed'
  | 'error-page'
  | 'interstitial'
  | 'blocked'
  | 'download'
  | 'no-commit'
  | 'crashed'
  | 'unfinished';

export function storyOutcome(facts: StoryFacts): StoryOutcome {
  if (facts.outcome === 'renderer-crashed') return 'crashed';
  if (facts.response.decision?.decision === 'blocked') return 'blocked';
  if (facts.download) return 'download';
  if (facts.outcome === 'no-commit') return 'no-commit';
  if (facts.commit?.message === 'NavigationClient.CommitFailedNavigation') return 'error-page';
  if (facts.outcome === 'failed') return facts.interstitial ? 'interstitial' : 'error-page';
  if (facts.outcome === 'committed') return facts.load?.failed ? 'load-failed' : 'loaded';
  return 'unfinished';
}

/** "a.root-servers.net (.)" — a name server with the zone it answers for. */
export function serverName(server: { name: string; zone: string; address: string }): string {
  // The zone it answers for: "." (root), ".com", "google.com".
  const zone = server.zone === '.' || server.zone.includes('.') ? server.zone : `.${server.zone}`;
  return `${server.name || server.address} (${zone})`;
}

/** "a, b and c" / "a, b 그리고 c" */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The host of a URL, or the text itself when it is not one. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** DOMContentLoaded, first paint and load, in the order they happened. */
export function loadMoments(
  load: NonNullable<StoryFacts['load']>,
  labels: { paint: string; dcl: string; load: string },
): { label: string; micros: number }[] {
  const moments = [
    { label: labels.paint, micros: load.firstPaintMicros },
    { label: labels.dcl, micros: load.domContentLoadedMicros },
    { label: labels.load, micros: load.loadMicros },
  ].filter((m): m is { label: string; micros: number } => m.micros !== null);
  return moments.sort((a, b) => a.micros - b.micros);
}
