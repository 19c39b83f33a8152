/**
 * The fault run for imported files (`npm run test:faults`): seeded, reproducible hostile
 * NetLogs, HARs and files of every kind thrown at the importers, as a user (or an
 * attacker) might hand them to "Open trace…" or `navscope import`: truncated, bytes
 * flipped, values of the wrong type, too big (a smaller configured limit stands in for
 * 1 GB), nested far too deep, "__proto__" and "constructor" keys, timestamps out of range.
 *
 * Each input must end either in a trace every view can show (each event passes the
 * window's check; the fold, the waterfall, the timeline text and every export run) or in
 * an ImportError naming the problem. Anything else is a crash; 0 are allowed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../electron/lab/lab.js';
import { layoutWaterfall } from '../../renderer/src/viz/waterfallLayout.js';
import { ImportError } from '../../shared/import/importError.js';
import type { ImportLimits } from '../../shared/import/importLimits.js';
import { importTraceFile } from '../../shared/import/traceImport.js';
import { foldTrace } from '../../shared/trace/browserViewState.js';
import { toChromeTrace } from '../../shared/trace/chromeTraceExport.js';
import { toHar } from '../../shared/trace/harExport.js';
import { toNetLog } from '../../shared/trace/netLogExport.js';
import { formatTimeline } from '../../shared/trace/timelineText.js';
import { traceEventProblem } from '../../shared/trace/traceEventCheck.js';
import { parseTraceFileText } from '../../shared/trace/traceFile.js';
import { chromiumMissing } from '../electron/support/chromiumSuite.js';
import { recordLabPages } from '../electron/support/labChromium.js';
import { seededRandom } from './faultTally.js';
import { errorMessage } from '../../shared/base/errors.js';

const SEED = Number(process.env.NAVSCOPE_FAULT_SEED ?? 20261121);
type Random = ReturnType<typeof seededRandom>;

/** The limits of the run: small enough that "too big" is cheap to build. */
const LIMITS: Partial<ImportLimits> = { maxBytes: 4 * 1024 * 1024, maxEvents: 50_000 };

class ImportTally {
  inputs = 0;
  imported = 0;
  refused = 0;
  readonly byMutation = new Map<string, { imported: number; refused: number }>();
  readonly crashes: string[] = [];

  count(mutation: string, outcome: 'imported' | 'refused'): void {
    const row = this.byMutation.get(mutation) ?? { imported: 0, refused: 0 };
    row[outcome]++;
    this.byMutation.set(mutation, row);
    this[outcome]++;
  }

  summary(): string {
    return [
      'NavScope fault run: imported files',
      `  inputs tried:   ${this.inputs}`,
      `  imported:       ${this.imported}`,
      `  refused clearly: ${this.refused}`,
      `  crashes:        ${this.crashes.length}`,
      ...[...this.byMutation].map(([m, r]) => `    ${m.padEnd(22)} ${r.imported} imported, ${r.refused} refused`),
      ...this.crashes.slice(0, 20).map((c) => `    crash: ${c}`),
    ].join('\n');
  }
}

const tally = new ImportTally();

// ── mutations ───────────────────────────────────────────────────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const WRONG_VALUES: Json[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 60,
  '',
  'x',
  '-5',
  '1e400',
  [],
  {},
  true,
  [[[]]],
  { id: '1' },
];
const TIME_FIELDS = new Set(['time', 'start_time', 'timeTickOffset', 'startedDateTime', 'ts', 'sentAt', 'deliveredAt']);
const BAD_TIMES: Json[] = [
  -1,
  -1e15,
  1e300,
  2 ** 60,
  'NaN',
  '1e400',
  '-5',
  '+275760-09-13T00:00:00.001Z',
  '0000-00-00',
  '',
];

/** Every container in a value with the key or index that leads to each of its children (bounded). */
function slots(root: Json, limit = 20_000): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const value = stack.pop()!;
    if (Array.isArray(value)) value.forEach((child, i) => (out.push({ parent: value, key: i }), stack.push(child)));
    else if (value !== null && typeof value === 'object')
      for (const key of Object.keys(value)) {
        out.push({ parent: value, key });
        stack.push(value[key]!);
      }
  }
  return out;
}

function set(slot: { parent: Json[] | { [key: string]: Json }; key: string | number }, value: Json): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else Object.defineProperty(slot.parent, slot.key, { value, enumerable: true, writable: true, configurable: true });
}

const MUTATIONS: Record<string, (text: string, random: Random) => string | Uint8Array> = {
  truncated: (text, random) => text.slice(0, random.int(text.length)),
  'bytes flipped': (text, random) => {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0, n = 1 + random.int(8); i < n; i++) bytes[random.int(bytes.length)] = random.int(256);
    return bytes;
  },
  'wrong types': (text, random) => {
    const json = JSON.parse(text) as Json;
    const all = slots(json);
    for (let i = 0, n = 1 + random.int(6); i < n && all.length; i++) set(random.pick(all), random.pick(WRONG_VALUES));
    return JSON.stringify(json);
  },
  'timestamps out of range': (text, random) => {
    const json = JSON.parse(text) as Json;
    const times = slots(json).filter((s) => typeof s.key === 'string' && TIME_FIELDS.has(s.key));
    for (let i = 0, n = 1 + random.int(10); i < n && times.length; i++) set(random.pick(times), random.pick(BAD_TIMES));
    return JSON.stringify(json);
  },
  'nested deep': (text, random) => {
    const json = JSON.parse(text) as Json;
    const all = slots(json);
    if (!all.length) return text;
    // Within the limit (64) or far past it; spliced in as text (stringifying it would overflow here).
    set(random.pick(all), '\u0000deep\u0000');
    const depth = random.next() < 0.5 ? 1 + random.int(40) : 65 + random.int(20_000);
    const [open, close] = random.next() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
    return JSON.stringify(json).replace('"\\u0000deep\\u0000"', `${open.repeat(depth)}"bottom"${close.repeat(depth)}`);
  },
  '__proto__ keys': (text, random) => {
    const json = JSON.parse(text) as Json;
    const objects = slots(json)
      .map((s) => (Array.isArray(s.parent) ? s.parent[s.key as number] : s.parent[s.key as string]))
      .filter((v): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v));
    for (let i = 0, n = 1 + random.int(6); i < n && objects.length; i++) {
      const target = random.pick(objects);
      const key = random.pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']);
      Object.defineProperty(target, key, {
        value: random.pick<Json>([{ polluted: true }, { prototype: { polluted: true } }, 'x', 7, null]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return JSON.stringify(json);
  },
  'too big': (text) => {
    // Past maxBytes: as it is, by repeating its records, or as a small gzip that unpacks past it.
    const big = text.padEnd((LIMITS.maxBytes ?? 0) + 1024, ' ');
    return big;
  },
  'gzip bomb': () => gzipSync(new Uint8Array((LIMITS.maxBytes ?? 0) * 2)),
  gzipped: (text, random) => {
    const inner = MUTATIONS[random.pick(['truncated', 'wrong types', 'timestamps out of range', '__proto__ keys'])]!(
      text,
      random,
    );
    return gzipSync(typeof inner === 'string' ? new TextEncoder().encode(inner) : inner);
  },
};

// ── checking one input ───────────────────────────────────────────────────────────────────

async function tryImport(input: string | Uint8Array, mutation: string, what: string): Promise<void> {
  tally.inputs++;
  let events;
  try {
    events = (await importTraceFile(input, 'fuzzed', LIMITS)).trace.events;
  } catch (error) {
    if (error instanceof ImportError && !error.internal && error.message.trim() !== '') {
      tally.count(mutation, 'refused');
      if (mutation === 'too big' || mutation === 'gzip bomb')
        if (!error.message.includes('maxBytes'))
          tally.crashes.push(`${what}: refused without naming maxBytes: ${error.message}`);
    } else tally.crashes.push(`${what}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return;
  }
  if (mutation === 'too big' || mutation === 'gzip bomb') tally.crashes.push(`${what}: read past maxBytes`);
  tally.count(mutation, 'imported');
  for (const event of events) {
    const problem = traceEventProblem(event);
    if (problem) {
      tally.crashes.push(`${what}: imported event ${event.seq} (${event.type}) the window would refuse: ${problem}`);
      break;
    }
  }
  for (const [view, run] of [
    ['the views', () => foldTrace(events)],
    ['the waterfall', () => layoutWaterfall(foldTrace(events), 800)],
    ['the timeline text', () => formatTimeline(events)],
    ['the HAR export', () => toHar(events)],
    ['the NetLog export', () => toNetLog(events)],
    ['the Perfetto export', () => JSON.stringify(toChromeTrace(events))],
  ] as const) {
    try {
      run();
    } catch (error) {
      tally.crashes.push(`${what}, ${view}: ${errorMessage(error)}`);
    }
  }
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))
    tally.crashes.push(`${what}: Object.prototype was polluted`);
}

// ── the run ───────────────────────────────────────────────────────────────────────────────

describe('faults: hostile files at the importers', () => {
  const demoText = readFileSync(path.resolve(__dirname, '../../renderer/src/demos/www.naver.com.json'), 'utf8');
  const demo = parseTraceFileText(demoText);
  const netLogs: string[] = [JSON.stringify(toNetLog(demo.events))];
  const hars: string[] = [JSON.stringify(toHar(demo.events))];
  let cleanup: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    // What the real Chromium and Playwright write, when Chromium is here.
    if (chromiumMissing()) return;
    const lab = await Lab.start({ dataDir: null });
    const recording = await recordLabPages(lab, ['https://www.naver.com/', 'https://www.naver.com/status/404']);
    netLogs.push(readFileSync(recording.netLog, 'utf8'));
    hars.push(readFileSync(recording.har, 'utf8'));
    cleanup = () => lab.stop();
  }, 90_000);
  afterAll(async () => {
    await cleanup?.();
    process.stdout.write(`\n${tally.summary()}\n`);
  });

  async function run(bases: readonly string[], count: number, seed: number, label: string): Promise<void> {
    const random = seededRandom(seed);
    const names = Object.keys(MUTATIONS);
    for (let i = 0; i < count; i++) {
      const mutation = names[i % names.length]!;
      const base = random.pick(bases);
      const input = MUTATIONS[mutation]!(base, random);
      await tryImport(input, mutation, `${label} #${i} (${mutation}, seed ${seed})`);
    }
  }

  it('1,000 hostile NetLogs: each imported whole or refused with its reason', async () => {
    await run(netLogs, 1000, SEED + 11, 'NetLog');
    expect(tally.crashes).toEqual([]);
  }, 240_000);

  it('1,000 hostile HARs: each imported whole or refused with its reason', async () => {
    await run(hars, 1000, SEED + 12, 'HAR');
    expect(tally.crashes).toEqual([]);
  }, 240_000);

  it('1,000 hostile files of any kind at the dispatcher: each opened or refused with its reason', async () => {
    const random = seededRandom(SEED + 13);
    const garbage = () =>
      random.pick([
        () => '',
        () => ' '.repeat(random.int(100)),
        () => String.fromCharCode(...Array.from({ length: random.int(200) }, () => random.int(0x3000))),
        () => JSON.stringify(random.pick(WRONG_VALUES)),
        () => `{"traceEvents": ${JSON.stringify(random.pick(WRONG_VALUES))}}`,
        () => `{"format": "navscope-trace", "version": 1, "events": ${JSON.stringify(random.pick(WRONG_VALUES))}}`,
        () => `{"constants": ${JSON.stringify(random.pick(WRONG_VALUES))}, "events": []}`,
        () => `{"log": ${JSON.stringify(random.pick(WRONG_VALUES))}}`,
      ])();
    await run([demoText, ...netLogs, ...hars], 900, SEED + 14, 'any file');
    for (let i = 0; i < 100; i++) await tryImport(garbage(), 'garbage', `any file, garbage #${i}`);
    expect(tally.crashes).toEqual([]);
  }, 240_000);
});
