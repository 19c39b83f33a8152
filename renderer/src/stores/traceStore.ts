/**
 * The trace as the window knows it: an append-only list of events streamed from the
 * browser model, with indexes of where the messages and phases are. The list is not
 * deeply reactive (10,000s of events): `version` changes when it grows.
 *
 * A saved trace (a file, or a demo) can be opened instead: the views then show it,
 * and the live trace keeps growing behind it until the user goes back to live. A file
 * may be NavScope's own or one another tool wrote (HAR, NetLog, Chrome trace): the
 * import dispatcher (shared/import) reads it into a NavScope trace first. So can a real
 * Chromium's trace recorded for the user's input ("Real Chromium"); a real trace's
 * messages can be filtered to the navigation interfaces (on by default: a real page
 * load has thousands of unrelated ones).
 */
import { checkedTraceEvent } from '../../../shared/trace/traceEventCheck';
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { BrowserModelApi, HostInfo, NavigationResult, StepCommand } from '../../../shared/api/browserModelApi';
import { type RealSummaryView, type TraceSourceView, TraceTimeline } from '../../../shared/trace/browserViewState';
import { readTraceFile } from '../../../shared/trace/traceFile';
import { type StepGateState, foldStepGate, initialStepGateState } from '../../../shared/trace/stepGateState';
import type { TraceEvent, TraceFile } from '../../../shared/trace/traceEvent';
import { errorMessage } from '../../../shared/base/errors';
import { partitionPoint } from '../../../shared/base/partitionPoint';
import { type ImportFormat, importTraceFile } from '../../../shared/import/traceImport';
import { BackgroundWork, isJourneyStep } from '../viz/journeySteps';

export const useTraceStore = defineStore('trace', () => {
  const events = markRaw([] as TraceEvent[]);
  const messageSeqs = markRaw([] as number[]);
  const phaseSeqs = markRaw([] as number[]);
  /** The journey's steps (background work left out), in trace order. */
  const journeySeqs = markRaw([] as number[]);
  /** Where a step's consequences end: every journey step and every message. */
  const boundarySeqs = markRaw([] as number[]);
  /** Events that are background work (the spare's start-up, shutdowns of unused processes). */
  const backgroundSeqs = markRaw(new Set<number>());
  const background = new BackgroundWork();
  /** Where each navigation begins (its "Handle input" phase): times are shown relative to it. */
  const navigationStarts = markRaw([] as { seq: number; ts: number }[]);
  const timeline = markRaw(new TraceTimeline());
  const version = ref(0);
  const info = ref<HostInfo | null>(null);
  const connected = ref<boolean | null>(null);
  const lastResult = shallowRef<NavigationResult | null>(null);
  const lastError = ref<string | null>(null);
  let api: BrowserModelApi | null = null;

  /** Every live event, whether shown or not (a replay hides them for a while). */
  const liveEvents = markRaw([] as TraceEvent[]);
  /** The live browser's state, also while a saved trace is shown (history for back and forward). */
  const liveTimeline = markRaw(new TraceTimeline());
  const liveVersion = ref(0);
  /** Step mode at the live browser's gate (always the live state, also while a saved trace is shown). */
  const gate = shallowRef<StepGateState>(initialStepGateState());
  /** The saved trace being shown instead of the live one, if any, and what kind of file it was. */
  const replay = ref<{
    name: string;
    eventCount: number;
    format: ImportFormat;
    repaired: boolean;
    /** It has no processes and no messages (a HAR or a NetLog records the network only). */
    networkOnly: boolean;
  } | null>(null);
  /** A file being read, and why the last one could not be opened. */
  const opening = ref<string | null>(null);
  const openProblem = ref<{ name: string; reason: string } | null>(null);
  let openCount = 0;
  /** Where the shown trace came from, when it says (real Chromium, a Chrome trace), and what it held. */
  const source = shallowRef<TraceSourceView | null>(null);
  const realSummary = shallowRef<RealSummaryView | null>(null);
  /** Which messages a real trace's sequence and stepping show: its navigation interfaces, or all. */
  const messageFilter = ref<'navigation' | 'all'>('navigation');
  /** Events before the first step of a real trace (its source, summary and processes): a replay opens after them. */
  const startCursor = ref(0);
  /** The input a real Chromium is recording now, and why the last recording failed. */
  const recordingReal = ref<string | null>(null);
  const realProblem = ref<string | null>(null);

  function shownInSequence(event: TraceEvent & { type: 'message' }): boolean {
    return messageFilter.value === 'all' || !event.real || event.real.navigation;
  }

  function index(event: TraceEvent): void {
    events.push(event);
    if (event.type === 'trace.source') {
      const { type: _t, seq: _s, ts: _ts, endpoint: _e, ...rest } = event;
      source.value = rest;
    }
    if (event.type === 'real.summary') {
      const { type: _t, seq: _s, ts: _ts, endpoint: _e, ...rest } = event;
      realSummary.value = rest;
    }
    if (
      event.seq === startCursor.value &&
      (event.type === 'trace.source' || event.type === 'real.summary' || event.type === 'real.process')
    )
      startCursor.value = event.seq + 1;
    const isBackground = background.observe(event);
    if (isBackground) backgroundSeqs.add(event.seq);
    // A real trace's messages the filter hides are neither listed nor stepped to.
    const shown = event.type !== 'message' || shownInSequence(event);
    const isStep = !isBackground && shown && isJourneyStep(event);
    if (isStep) journeySeqs.push(event.seq);
    if (isStep || event.type === 'message') boundarySeqs.push(event.seq);
    if (event.type === 'message' && shown) messageSeqs.push(event.seq);
    // Imported requests are steps too: ▶▶ goes from one to the next in a HAR or a NetLog.
    if ((event.type === 'span.begin' && event.category === 'phase') || event.type === 'request.begin')
      phaseSeqs.push(event.seq);
    if (event.type === 'span.begin' && event.phase === 'handle-input')
      navigationStarts.push({ seq: event.seq, ts: event.ts });
  }

  function append(batch: readonly TraceEvent[]): void {
    for (const received of batch) {
      // A new session on the same host (Clear): its trace starts again at seq 0.
      if (received.seq === 0 && received.type === 'trace.begin' && liveEvents.length > 0) startOver();
      if (received.seq !== liveEvents.length) continue; // duplicates or gaps are never folded
      // Checked before any view reads it: a malformed event is shown as an error in its place.
      const event = checkedTraceEvent(received, liveEvents.length);
      liveEvents.push(event);
      gate.value = foldStepGate(gate.value, event);
      if (!replay.value) index(event);
    }
    liveTimeline.update(liveEvents);
    liveVersion.value++;
    if (replay.value) return;
    timeline.update(events);
    version.value++;
  }

  /** Forgets the live trace (a new one begins). */
  function startOver(): void {
    liveEvents.length = 0;
    liveTimeline.reset();
    gate.value = initialStepGateState();
    if (!replay.value) show([]);
  }

  function show(list: readonly TraceEvent[]): void {
    events.length = 0;
    messageSeqs.length = 0;
    phaseSeqs.length = 0;
    journeySeqs.length = 0;
    boundarySeqs.length = 0;
    backgroundSeqs.clear();
    background.reset();
    navigationStarts.length = 0;
    source.value = null;
    realSummary.value = null;
    startCursor.value = 0;
    timeline.reset();
    for (const event of list) index(event);
    timeline.update(events);
    version.value++;
  }

  /** Shows a saved trace (already read and renumbered by readTraceFile or an importer). */
  function openReplay(
    file: TraceFile,
    name: string,
    source: { format: ImportFormat; repaired: string | null } = { format: 'navscope', repaired: null },
  ): void {
    const networkOnly = !file.events.some(
      (e) =>
        e.type === 'message' ||
        e.type === 'trace.begin' ||
        e.type === 'thread.start' ||
        e.type === 'process.launch' ||
        e.type === 'process.spawn',
    );
    replay.value = {
      name,
      eventCount: file.events.length,
      format: source.format,
      repaired: source.repaired !== null,
      networkOnly,
    };
    lastError.value = null;
    show(file.events);
  }

  /**
   * Opens a file the user picked or dropped (its bytes, or text): any format the import
   * dispatcher knows, gzipped or not. A file that cannot be read leaves what is shown as
   * it is and sets openProblem.
   */
  async function openFile(input: Uint8Array | string, name: string): Promise<void> {
    const mine = ++openCount;
    opening.value = name;
    openProblem.value = null;
    try {
      const imported = await importTraceFile(input, name);
      if (mine !== openCount) return; // a later file was opened meanwhile
      messageFilter.value = 'navigation';
      openReplay(imported.trace, name, { format: imported.format, repaired: imported.repaired });
    } catch (error) {
      if (mine !== openCount) return;
      openProblem.value = { name, reason: errorMessage(error) };
    } finally {
      if (mine === openCount) opening.value = null;
    }
  }

  /** Shows a real trace's navigation messages only, or all of them (the sequence and stepping follow). */
  function setMessageFilter(filter: 'navigation' | 'all'): void {
    if (messageFilter.value === filter) return;
    messageFilter.value = filter;
    // The messages shown and the journey's steps both follow the filter: the shown trace is indexed again.
    show(events.slice());
  }

  /** Has a real Chromium perform what the user typed, and shows its trace like an opened one. */
  async function recordReal(input: string): Promise<void> {
    if (!api || recordingReal.value !== null) return;
    recordingReal.value = input;
    realProblem.value = null;
    try {
      const recording = await api.recordReal(input);
      const file = readTraceFile({ format: 'navscope-trace', version: 1, events: recording.events });
      messageFilter.value = 'navigation';
      openReplay(file, recording.url);
    } catch (error) {
      realProblem.value = errorMessage(error);
    } finally {
      recordingReal.value = null;
    }
  }

  /**
   * Has a real Chromium load `input` in lab mode and returns its trace (mapped into
   * NavScope's events) without showing it: for the comparison with the model's run.
   */
  async function recordRealEvents(input: string): Promise<TraceEvent[]> {
    if (!api) throw new Error('not connected to the browser model');
    if (recordingReal.value !== null) throw new Error(`a real Chromium is already recording ${recordingReal.value}`);
    recordingReal.value = input;
    try {
      const recording = await api.recordReal(input);
      return readTraceFile({ format: 'navscope-trace', version: 1, events: recording.events }).events;
    } finally {
      recordingReal.value = null;
    }
  }

  function backToLive(): void {
    if (!replay.value) return;
    replay.value = null;
    show(liveEvents);
  }

  function connect(model: BrowserModelApi): void {
    api = model;
    model.subscribeTrace((batch) => append(batch));
    model.info().then(
      (value) => {
        info.value = value;
        connected.value = true;
      },
      (error: unknown) => {
        connected.value = false;
        lastError.value = errorMessage(error);
      },
    );
  }

  /** The start of the navigation an event belongs to (µs), or the trace's first moment. */
  function timeOrigin(seq: number): number {
    const lo = partitionPoint(navigationStarts.length, (i) => navigationStarts[i]!.seq <= seq);
    return lo > 0 ? navigationStarts[lo - 1]!.ts : (events[0]?.ts ?? 0);
  }

  async function call(run: (model: BrowserModelApi) => Promise<NavigationResult>): Promise<void> {
    if (!api) return;
    // Acting on the live browser while a saved trace is shown: show the live one again.
    backToLive();
    lastError.value = null;
    try {
      lastResult.value = await run(api);
    } catch (error) {
      lastError.value = errorMessage(error);
    }
  }

  /** A step-mode control (see StepCommand); the new state arrives with the trace. */
  async function stepMode(command: StepCommand): Promise<void> {
    if (!api) return;
    backToLive();
    try {
      await api.stepMode(command);
    } catch (error) {
      lastError.value = errorMessage(error);
    }
  }

  /** The live browser's state now (not the cursor's, not a saved trace's). */
  function liveState() {
    void liveVersion.value;
    // While live, the shown timeline holds the same events: fold them once, there.
    return (replay.value ? liveTimeline : timeline).stateAt(liveEvents.length);
  }

  return {
    events,
    gate,
    liveState,
    stepMode,
    messageSeqs,
    phaseSeqs,
    journeySeqs,
    boundarySeqs,
    backgroundSeqs,
    timeline,
    version,
    info,
    connected,
    lastResult,
    lastError,
    replay,
    opening,
    openProblem,
    source,
    realSummary,
    messageFilter,
    setMessageFilter,
    startCursor,
    recordingReal,
    realProblem,
    recordReal,
    recordRealEvents,
    append,
    openReplay,
    openFile,
    backToLive,
    connect,
    timeOrigin,
    navigate: (input: string) => call((m) => m.navigate(input)),
    goBack: () => call((m) => m.goBack()),
    goForward: () => call((m) => m.goForward()),
    reload: () => call((m) => m.reload()),
    proceedInterstitial: () => call((m) => m.proceedInterstitial()),
    killRenderer: (processId: string) => call((m) => m.killRenderer(processId)),
    killNetworkThread: () => call((m) => m.killNetworkThread()),
    newSession: () => call((m) => m.newSession()),
  };
});
