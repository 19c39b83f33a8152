import { describe, expect, it } from 'vitest';
import { MESSAGE_NAMES, type MessageName } from '../../shared/ipc/messageCatalogue.js';
import { IMPORTED_NET_SPANS, NET_SPANS, PHASES, type PhaseId } from '../../shared/trace/phases.js';
import type { TraceEventType } from '../../shared/trace/traceEvent.js';

/*
 * The explanations live in renderer/, which has its own tsconfig (DOM, bundler
 * resolution) and is not a project test/tsconfig.json can reference. Importing them
 * statically would pull renderer files into the test project and break `tsc -b`, so
 * they are loaded at run time, and the shapes checked here are rebuilt from shared/.
 * renderer/tsconfig.json type-checks that both objects satisfy `Explanations`.
 */
interface Explanation {
  title: string;
  what: string;
  why: string;
}
type ExplainedEventType = Exclude<TraceEventType, 'message' | 'span.begin' | 'span.end'>;
type NetSpanName =
  (typeof NET_SPANS)[keyof typeof NET_SPANS] | (typeof IMPORTED_NET_SPANS)[keyof typeof IMPORTED_NET_SPANS];
interface Explanations {
  phases: Record<PhaseId, Explanation>;
  netSpans: Record<NetSpanName, Explanation>;
  rendererSpans: Record<'Parse HTML', Explanation>;
  messages: Record<MessageName, Explanation>;
  events: Record<ExplainedEventType, Explanation>;
}

async function load(file: string, name: string): Promise<Explanations> {
  const specifier: string = `../../renderer/src/explain/${file}.js`;
  const module = (await import(/* @vite-ignore */ specifier)) as Record<string, Explanations | undefined>;
  const explanations = module[name];
  if (!explanations) throw new Error(`${file} does not export ${name}`);
  return explanations;
}

const explanationsEn = await load('explanationsEn', 'explanationsEn');
const explanationsKo = await load('explanationsKo', 'explanationsKo');

/** Every member of ExplainedEventType; the type checks below fail to compile if one is missing or extra. */
const EVENT_TYPES = [
  'trace.begin',
  'thread.start',
  'process.launch',
  'process.spawn',
  'process.ready',
  'process.exit',
  'process.crash',
  'ipc.rejected',
  'navigation.begin',
  'navigation.state',
  'navigation.end',
  'omnibox.classified',
  'url.parsed',
  'dns.cache',
  'dns.query',
  'dns.response',
  'dns.timeout',
  'dns.ignored',
  'thread.exit',
  'dns.result',
  'http.request',
  'http.response',
  'state',
  'renderer.document',
  'renderer.preload',
  'renderer.script',
  'renderer.render',
  'corb.decision',
  'error',
  'hsts.upgrade',
  'hsts.learned',
  'https.upgrade',
  'cookie.stored',
  'cookie.sent',
  'cache.lookup',
  'mime.sniffed',
  'safebrowsing.check',
  'navigation.decision',
  'download.begin',
  'download.progress',
  'download.end',
  'process.assigned',
  'process.discarded',
  'process.unresponsive',
  'process.responsive',
  'tab.created',
  'tab.activated',
  'tab.closed',
  'frame.created',
  'frame.committed',
  'frame.loaded',
  'frame.removed',
  'proxy.created',
  'proxy.removed',
  'step.mode',
  'step.held',
  'step.released',
  'trace.source',
  'real.process',
  'real.summary',
  'import.source',
  'request.begin',
  'request.redirect',
  'request.end',
] as const satisfies readonly ExplainedEventType[];

type MissingEventType = Exclude<ExplainedEventType, (typeof EVENT_TYPES)[number]>;
const _allEventTypesListed: [MissingEventType] extends [never] ? true : MissingEventType = true;

const LANGUAGES: [string, Explanations][] = [
  ['en', explanationsEn],
  ['ko', explanationsKo],
];

function expectFilled(explanation: Explanation | undefined, where: string): void {
  expect(explanation, where).toBeDefined();
  for (const field of ['title', 'what', 'why'] as const) {
    const text = explanation?.[field];
    expect(typeof text, `${where}.${field}`).toBe('string');
    expect(text?.trim().length ?? 0, `${where}.${field} is empty`).toBeGreaterThan(0);
  }
}

function allStrings(explanations: Explanations): [string, string][] {
  const out: [string, string][] = [];
  for (const [section, entries] of Object.entries(explanations)) {
    for (const [key, explanation] of Object.entries(entries as Record<string, Explanation>)) {
      for (const [field, text] of Object.entries(explanation)) out.push([`${section}.${key}.${field}`, text]);
    }
  }
  return out;
}

describe.each(LANGUAGES)('explanations (%s)', (_language, explanations) => {
  it('explain every message of the catalogue', () => {
    expect(MESSAGE_NAMES.length).toBeGreaterThan(0);
    for (const name of MESSAGE_NAMES) expectFilled(explanations.messages[name], `messages.${name}`);
    expect(Object.keys(explanations.messages).sort()).toEqual([...MESSAGE_NAMES].sort());
  });

  it('explain every phase', () => {
    for (const phase of PHASES) expectFilled(explanations.phases[phase.id], `phases.${phase.id}`);
    expect(Object.keys(explanations.phases).sort()).toEqual(PHASES.map((p) => p.id).sort());
  });

  it('explain every network span and the renderer span', () => {
    const netSpans = [...Object.values(NET_SPANS), ...Object.values(IMPORTED_NET_SPANS)];
    for (const name of netSpans) expectFilled(explanations.netSpans[name], `netSpans.${name}`);
    expect(Object.keys(explanations.netSpans).sort()).toEqual([...netSpans].sort());
    expectFilled(explanations.rendererSpans['Parse HTML'], 'rendererSpans.Parse HTML');
  });

  it('explain every trace event kind', () => {
    for (const type of EVENT_TYPES) expectFilled(explanations.events[type], `events.${type}`);
    expect(Object.keys(explanations.events).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('contain no HTML tags (they are rendered as text)', () => {
    for (const [where, text] of allStrings(explanations)) expect(text, where).not.toMatch(/<[a-z!/]/i);
  });

  it('avoid characters that message formatters treat specially', () => {
    for (const [where, text] of allStrings(explanations)) expect(text, where).not.toMatch(/[{}@|]/);
  });
});

describe('Korean explanations', () => {
  it('are written in Korean, not copied from English', () => {
    for (const [where, text] of allStrings(explanationsKo)) {
      if (where.endsWith('.title')) continue; // titles may be a code name such as DOMContentLoaded
      expect(text, where).toMatch(/[가-힣]/);
    }
    for (const [where, text] of allStrings(explanationsEn)) expect(text, where).not.toMatch(/[가-힣]/);
  });
});
