/**
 * Hostile Chrome traces at the real-Chromium importer: a seeded run of mutated traces.
 * Each one is either mapped into events the window accepts as they are, or refused
 * with a TraceInputError naming the problem; nothing throws anything else, and nothing
 * reaches Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { importChromeTraceJson } from '../../../shared/real/chromeTraceImport.js';
import { TraceInputError } from '../../../shared/real/traceInput.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { sampleEvents } from './realTraceSample.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: (() => unknown)[] = [
  () => -1,
  () => 1.5,
  () => 1e300,
  () => 0,
  () => 'x'.repeat(200_000),
  () => '',
  () => null,
  () => true,
  () => [],
  () => ({}),
  () => Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as unknown,
  () => '??',
  () => 'Q',
  () => ({ chrome_mojo_event_info: { mojo_interface_tag: 'y'.repeat(5_000), ipc_hash: -7, payload_size: 'big' } }),
  () => ({ navigation: { url: 'z'.repeat(50_000), navigation_id: 'one', net_error: 2.5 } }),
];

function mutate(events: Record<string, unknown>[], next: () => number): Record<string, unknown>[] {
  const out = events.map((e) => ({ ...e }));
  const changes = 1 + Math.floor(next() * 4);
  for (let c = 0; c < changes; c++) {
    const event = out[Math.floor(next() * out.length)]!;
    const keys = [...Object.keys(event), 'name', 'ph', 'pid', 'tid', 'ts', 'args', 'id2', 'dur', 'cat'];
    const key = keys[Math.floor(next() * keys.length)]!;
    if (next() < 0.1) delete event[key];
    else event[key] = HOSTILE[Math.floor(next() * HOSTILE.length)]!();
  }
  return out;
}

describe('hostile Chrome traces at the real-Chromium importer', () => {
  it('maps each into events the window accepts, or refuses it naming the problem', () => {
    const next = random(20261204);
    let mapped = 0;
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const events = mutate(sampleEvents(), next);
      const json = JSON.parse(JSON.stringify({ traceEvents: events })) as unknown;
      let imported;
      try {
        imported = importChromeTraceJson(json, { name: `hostile-${i}.json` });
      } catch (error) {
        expect(error, `trace #${i}`).toBeInstanceOf(TraceInputError);
        expect((error as Error).message.length).toBeGreaterThan(10);
        refused++;
        continue;
      }
      mapped++;
      for (const event of imported.events) {
        const problem = traceEventProblem(JSON.parse(JSON.stringify(event)));
        expect(problem, `trace #${i}, event ${event.type} #${event.seq}`).toBeNull();
      }
    }
    expect(mapped).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
