import type { RealProcessKind } from './mojoInterfaceDirections.js';

/**
 * What a real Chromium trace (Chrome Trace Event JSON) says about a navigation, read
 * by chromeTraceParser.ts: the intermediate model between Chrome's format and
 * NavScope's trace events. Times are the trace's own microseconds (`ts`); pids and tids
 * are the real ones. Nothing is dropped silently: what the model does not keep is
 * counted in `counts`.
 */

export interface RealThread {
  pid: number;
  tid: number;
  /** `thread_name` metadata: CrBrowserMain, CrRendererMain, network.CrUtilityMain, Chrome_ChildIOThread… */
  name: string | null;
  /** `thread_sort_index` metadata, if any. */
  sortIndex: number | null;
}

export interface RealProcess {
  pid: number;
  /** `process_name` metadata: Browser, Renderer, GPU Process, Service: network.mojom.NetworkService… */
  name: string | null;
  /** `process_labels` metadata (Chrome puts tab titles there), if any. */
  labels: string[];
  sortIndex: number | null;
  /** From the process name, or else from its main thread's name. */
  kind: RealProcessKind;
  /** The Mojo service a utility process runs (`network.mojom.NetworkService`), if its name says. */
  serviceName: string | null;
  /** Threads in tid order. */
  threads: RealThread[];
}

/** Who sent a received Mojo message. */
export type RealMojoSender =
  /** From the trace's own flow from the "Send mojo message" event to this receive. */
  | { certainty: 'exact'; pid: number; tid: number; ts: number }
  /**
   * From the interface's direction (mojoInterfaceDirections.ts): the kinds of process
   * that send it, and the pid when exactly one process of those kinds exists.
   */
  | { certainty: 'inferred'; processKinds: RealProcessKind[]; pid: number | null }
  /** Neither a flow nor a known direction. */
  | { certainty: 'unknown' };

/** One "Receive mojo message" / "Receive mojo reply" slice. */
export interface RealMojoMessage {
  /** Order of the receives by time (0-based). */
  index: number;
  ts: number;
  /** Slice duration (µs); null for an instant or an unfinished B slice. */
  dur: number | null;
  /** The receiving process and thread. */
  pid: number;
  tid: number;
  /** `mojo_interface_tag`: `network.mojom.URLLoaderClient`. */
  interfaceTag: string | null;
  ipcHash: number | null;
  /** `URLLoaderClient.OnReceiveResponse`, or null when the name table does not know the hash. */
  name: string | null;
  /** `network.mojom.URLLoaderClient.OnReceiveResponse`, or null likewise. */
  fullName: string | null;
  /** A "Receive mojo reply": the answer to a method call this process made. */
  isReply: boolean;
  payloadSize: number | null;
  dataNumBytes: number | null;
  sender: RealMojoSender;
}

/** One "Send mojo message" instant (the JSON form names neither interface nor method). */
export interface RealMojoSend {
  pid: number;
  tid: number;
  ts: number;
  /** Index of the receive this send's flow ends at, if the trace has that flow. */
  receiveIndex: number | null;
}

/** An async (b/e/n) or complete span of the navigation or netlog categories. */
export interface RealSpan {
  name: string;
  category: string;
  /** The async track id (`id2.local`, `id2.global` or `id`), '' for thread slices. */
  id: string;
  pid: number;
  tid: number;
  ts: number;
  /** End time, or null when the trace ends first. */
  end: number | null;
  /** Nesting depth on its track (0 = outermost). */
  depth: number;
  /** The URL the span is about, from its own args or the outermost span of its track. */
  url: string | null;
  /** A bounded copy of the begin event's args (null-prototype objects). */
  args: Record<string, unknown> | null;
}

/** One navigation: a NavigationRequest span and the phases recorded around it. */
export interface RealNavigation {
  /** `navigation_id` from NavigationRequest's args. */
  navigationId: number | null;
  url: string | null;
  ts: number;
  end: number | null;
  browserInitiated: boolean | null;
  /** `net_error` as the NavigationRequest began (0 when none). */
  netError: number | null;
  /** Spans of the navigation category for the same URL during this navigation, by start time. */
  phases: RealSpan[];
}

/** A netlog-category event (DNS, connect, TLS, HTTP stream, URL request…). */
export interface RealNetLogEvent extends RealSpan {
  /** `source_type`: URL_REQUEST, SOCKET, HTTP_STREAM_JOB_CONTROLLER… */
  sourceType: string | null;
  /** `args.params`, bounded. */
  params: Record<string, unknown> | null;
  /** 'span' for b/e pairs, 'instant' for n events. */
  kind: 'span' | 'instant';
}

export interface RealChromiumInfo {
  /** `Chrome/156.0.8078.114` style product, when the trace says (`product-version` metadata). */
  product: string | null;
  /** The version number from the product or the user agent, when not reduced (`156.0.0.0` is reduced). */
  version: string | null;
  /** `revision` metadata: the source commit and branch. */
  revision: string | null;
  userAgent: string | null;
  commandLine: string | null;
  /** `trace-capture-datetime` metadata. */
  captureDateTime: string | null;
}

export interface RealTraceCounts {
  /** Trace events read (after the format checks). */
  events: number;
  /** Events by phase (`X`, `B`, `I`, `b`…), every event counted once. */
  byPhase: Record<string, number>;
  /** Events whose phase is not one the Trace Event Format defines, by phase. */
  unknownPhases: Record<string, number>;
  /** Events kept in the model (processes/threads metadata, Mojo receives and sends, navigation, netlog). */
  modelled: number;
  /** Events only counted (every other category), by name, the 50 most frequent. */
  otherTopNames: Record<string, number>;
  /** How many events were only counted. */
  other: number;
  /** "Closed mojo endpoint" slices (a pipe closed), by interface tag. */
  mojoClosed: number;
  /** "SimpleWatcher::OnHandleReady" slices (a handle, usually a data pipe, became readable). */
  mojoWatcherNotifications: number;
  /** Flow events ('s'/'f') of Mojo sends whose other end is missing. */
  unpairedMojoFlows: number;
  /** Span ends with no begin, by name. */
  unmatchedEnds: number;
}

export interface RealTrace {
  format: 'json-object' | 'json-array';
  /** True when the input was gzip. */
  gzipped: boolean;
  /** Set when the input needed repair (an unterminated array, as chrome://tracing writes). */
  repaired: string | null;
  chromium: RealChromiumInfo;
  /** Processes in pid order. */
  processes: RealProcess[];
  /** Mojo receives in time order. */
  mojoMessages: RealMojoMessage[];
  mojoSends: RealMojoSend[];
  navigations: RealNavigation[];
  /** Every navigation-category span (also those outside a NavigationRequest). */
  navigationSpans: RealSpan[];
  netLog: RealNetLogEvent[];
  /** The name table used: its Chromium version and how many of the messages it named. */
  names: { tableChromiumVersion: string; resolved: number; unresolved: number };
  counts: RealTraceCounts;
}
