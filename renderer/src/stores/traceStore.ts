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
import type { ImportFormat } from '../../../shared/import/traceImport';
import { BackgroundWork, isJourneyStep } from '../viz/journeySteps';
import { isNetworkOnly } from '../workers/traceOpenMessages';
import { TraceOpener } from '../workers/traceOpener';

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
  /** Reads files in a Web Worker; the first part is shown while the rest arrives. */
  const opener = new TraceOpener();
  opener.warmUp();
  /** The replay still receiving parts of its file (its open id), or 0. */
  let streaming = 0;
  /** Ends the file being opened (its promise settles), when it is forgotten. */
  let forgetOpening: (() => void) | null = null;
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
    if (!replay.value) timeline.update(events);
    // A host's history arrives in full frames (1,500 events) one after another: the views redraw at
    // most five times a second meanwhile, not once a frame. A live navigation's events, in small
    // batches, show at once.
    if (batch.length >= 1000) catchUp ??= setTimeout(showLive, 200);
    else showLive();
  }

  let catchUp: ReturnType<typeof setTimeout> | null = null;
  function showLive(): void {
    if (catchUp !== null) clearTimeout(catchUp);
    catchUp = null;
    liveVersion.value++;
    if (!replay.value) version.value++;
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
    whole: { total: number; networkOnly: boolean } = {
      total: file.events.length,
      networkOnly: isNetworkOnly(file.events),
    },
  ): void {
    streaming = 0;
    const networkOnly = whole.networkOnly;
    replay.value = {
      name,
      eventCount: whole.total,
      format: source.format,
      repaired: source.repaired !== null,
      networkOnly,
    };
    lastError.value = null;
    show(file.events);
  }

  /**
   * Opens a file the user picked or dropped (the file, its bytes, or text): any format the
   * import dispatcher knows, gzipped or not, read in a Web Worker. A file that cannot be
   * read leaves what is shown as it is and sets openProblem; one found damaged after its
   * first part was shown (a long NavScope trace) is closed again, back to live.
   */
  function openFile(input: Uint8Array | string | Blob, name: string): Promise<void> {
    forgetOpening?.();
    const mine = ++openCount;
    opening.value = name;
    openProblem.value = null;
    // Read in a Web Worker: the first part is shown as soon as it is read, the rest is added as it arrives.
    return new Promise<void>((resolve) => {
      // The views follow the parts at most a few times a second (each time they redraw); the last part at once.
      let redraw: ReturnType<typeof setTimeout> | null = null;
      const showParts = () => {
        if (redraw !== null) clearTimeout(redraw);
        redraw = null;
        if (streaming === mine && replay.value) version.value++;
      };
      const done = () => {
        showParts();
        if (mine === openCount) opening.value = null;
        if (streaming === mine) streaming = 0;
        if (forgetOpening === done) forgetOpening = null;
        resolve();
      };
      forgetOpening = done;
      opener.open(input, name, {
        begin(part) {
          if (mine !== openCount) return; // a later file was opened meanwhile
          messageFilter.value = 'navigation';
          openReplay(
            { format: 'navscope-trace', version: 1, events: part.events },
            name,
            { format: part.format, repaired: part.repaired },
            { total: part.total, networkOnly: part.networkOnly },
          );
          streaming = mine;
        },
        events(more) {
          if (streaming !== mine || !replay.value) return;
          for (const event of more) index(event);
          timeline.update(events);
          redraw ??= setTimeout(showParts, 300);
        },
        end: done,
        fail(reason) {
          if (mine === openCount) {
            // A file refused after its first part was shown (damaged further on): it is not shown at all.
            if (streaming === mine) backToLive();
            openProblem.value = { name, reason };
          }
          done();
        },
      });
    });
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
    if (streaming) {
      opener.cancel();
      forgetOpening?.();
    }
    streaming = 0;
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
    newTab: () => call((m) => m.newTab()),
    closeTab: (tabId: number) => call((m) => m.closeTab(tabId)),
    switchTab: (tabId: number) => call((m) => m.switchTab(tabId)),
  };
});
