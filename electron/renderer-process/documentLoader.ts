/**
 * Blink's DocumentLoader + HTMLDocumentParser + ScriptRunner for one committed
 * document, in the renderer stand-in:
 *
 * - the body arrives in DataPipe chunks and is decoded and parsed as it streams
 *   (parse5's ParserStream: the HTML standard's tokenizer and tree builder);
 * - the preload scanner (a SAX tokenizer over the same text) runs ahead of the
 *   parser and starts stylesheet, script and image fetches early, even while the
 *   parser waits for a script;
 * - scripts follow the HTML standard's timing: parser-blocking scripts stop the
 *   parser until they are fetched (and until earlier stylesheets have loaded),
 *   async scripts run as soon as they arrive, defer and module scripts run in
 *   document order once parsing ends, then DOMContentLoaded fires. Page JavaScript
 *   is never executed: "ran" is the moment it would have run;
 * - a nosniff script whose MIME type is not JavaScript is refused;
 * - first paint waits for the render-blocking stylesheets in <head>; style, layout
 *   and paint are computed then and again once the page has loaded;
 * - load fires when every subresource has completed.
 */
import type { ParserStream } from 'parse5-parser-stream';
import type { SAXParser, StartTag } from 'parse5-sax-parser';
import { blinkLibraries } from './blinkLibraries.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { headerValue } from '../../shared/net/httpHeaders.js';
import { NET_ERRORS } from '../../shared/net/netError.js';
import { BROWSER_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { RequestDestination, ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import type { ScriptTiming } from '../../shared/trace/renderSnapshot.js';
import type { TraceEventBody } from '../../shared/trace/traceEvent.js';
import { isJavaScriptMimeType } from '../../shared/web/mimeType.js';
import {
  charsetOf,
  resolveUrl,
  summarizeDocument,
  textDecoderFor,
  textOf,
  type DocumentSummary,
} from './htmlDocumentParser.js';
import { renderDocumentSnapshot } from './renderingPipeline.js';
import { ResourceFetcher, type FetchedResource } from './resourceFetcher.js';

/** At most this many iframes per document get a frame (a page of thousands would start as many loads). */
const MAX_CHILD_FRAMES = 64;

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type Document = DefaultTreeAdapterMap['document'];

export interface FrameRecorder {
  /** Records a trace event stamped with this process's endpoint and the shared clock. */
  event(body: TraceEventBody): void;
  now(): number;
  span<T>(name: string, args: Record<string, string | number>, run: () => T): T;
}

export const VIEWPORT = { width: 1024, height: 768 };

/** How a document gets child frames (its RenderFrame asks the browser: FrameHost.CreateChildFrame). */
export interface ChildFrameHost {
  /** Creates a child frame that loads `url`; settles when the child has stopped loading. */
  createChildFrame(name: string, url: string): Promise<void>;
  /** The document fired load and the frame stopped loading. */
  didStopLoading(): void;
}

interface ScriptEntry {
  url: string | null;
  timing: ScriptTiming;
  discoveredTs: number;
  fetch: Promise<FetchedResource> | null;
  fetched: FetchedResource | null;
  fetchEndTs: number;
  done: boolean;
}

function attrOf(attrs: readonly { name: string; value: string }[], name: string): string | null {
  return attrs.find((a) => a.name === name)?.value ?? null;
}

function isStylesheetLink(attrs: readonly { name: string; value: string }[]): boolean {
  return (attrOf(attrs, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet');
}

/** A stylesheet applies to the screen (and so blocks rendering) unless its media says otherwise. */
function mediaMatchesScreen(media: string | null): boolean {
  if (media === null) return true;
  const list = media
    .toLowerCase()
    .split(',')
    .map((m) => m.trim());
  return list.some(
    (m) =>
      m === '' || m === 'all' || m === 'screen' || m.startsWith('screen ') || m.startsWith('all ') || m.startsWith('('),
  );
}

/** The script types the HTML standard runs as classic scripts, plus "module". */
function scriptKind(attrs: readonly { name: string; value: string }[]): 'classic' | 'module' | 'data' {
  const type = attrOf(attrs, 'type');
  const language = attrOf(attrs, 'language');
  if (type === null || type.trim() === '')
    return language === null || language === '' || /^javascript/i.test(language) ? 'classic' : 'data';
  const t = type.trim().toLowerCase();
  if (t === 'module') return 'module';
  return isJavaScriptMimeType(t) ? 'classic' : 'data';
}

export class DocumentLoader {
  readonly fetcher: ResourceFetcher;
  private readonly isHtml: boolean;
  private parser: ParserStream | null = null;
  private scanner: SAXParser | null = null;
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private firstBytes = true;
  private receivedBytes = 0;
  private bodyFinished = false;
  private parsingFinished = false;
  private domContentLoaded = false;
  private loadFired = false;
  /** Set when the document's own body ended with a net error. */
  private bodyError: { code: number; name: string; detail: string } | null = null;
  private firstPainted = false;
  private documentElementAvailable = false;
  private abandoned = false;
  private readonly scripts: ScriptEntry[] = [];
  private readonly deferred: ScriptEntry[] = [];
  private executionOrder = 0;
  private blockingScript: ScriptEntry | null = null;
  private scannerBase: string;
  private scannerInBody = false;
  private readonly stylesheets = new Map<string, { fetched: FetchedResource | null; renderBlocking: boolean }>();
  private summary: DocumentSummary | null = null;
  /** Iframes whose loads this document's load event still waits for (the HTML standard's "delay the load event"). */
  private childFramesLoading = 0;
  private childFrameCount = 0;

  constructor(
    private readonly endpoint: MessageEndpoint,
    private readonly frameToken: string,
    readonly url: string,
    readonly origin: string,
    readonly head: ResponseHead,
    /** The request id of the navigation's body (its data pipe); '' for an error page. */
    readonly requestId: string,
    private readonly recorder: FrameRecorder,
    nextRequestId: () => string,
    private readonly childFrames: ChildFrameHost | null = null,
  ) {
    this.fetcher = new ResourceFetcher(endpoint, frameToken, url, origin, nextRequestId);
    this.isHtml = head.mimeType === 'text/html' || head.mimeType === '';
    this.scannerBase = url;
    if (this.isHtml) this.startParser();
  }

  /** The commit was acknowledged: loading has begun (Chromium's ProgressTracker starts at 0.1). */
  didCommit(): void {
    this.sendLoadProgress(0.1);
  }

  private sendLoadProgress(loadProgress: number): void {
    this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DidChangeLoadProgress', {
      frameToken: this.frameToken,
      loadProgress,
    });
  }

  /** Between 0.1 and 0.9 while loading, by the share of the document's loads that have finished. */
  private currentLoadProgress(): number {
    const started = this.fetcher.started + 1;
    const finished = started - this.fetcher.pending - (this.bodyFinished ? 0 : 1);
    return Math.round((0.1 + (0.8 * finished) / started) * 100) / 100;
  }

  /** The parser has created <html>: Chromium's MainDocumentElementAvailable, once per document. */
  private maybeDocumentElementAvailable(): void {
    if (this.documentElementAvailable || this.abandoned || !this.parser) return;
    const html = this.parser.document.childNodes.some((n) => 'tagName' in n && n.tagName === 'html');
    if (!html) return;
    this.documentElementAvailable = true;
    this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.MainDocumentElementAvailable', {
      frameToken: this.frameToken,
    });
  }

  // ----- body ------------------------------------------------------------------

  receive(chunk: Uint8Array): void {
    if (this.abandoned || this.bodyFinished) return;
    this.receivedBytes += chunk.byteLength;
    if (!this.isHtml) return;
    if (this.firstBytes) {
      this.firstBytes = false;
      this.decoder = textDecoderFor(charsetOf(this.head.charset, chunk));
    }
    this.feed(this.decoder!.decode(chunk, { stream: true }));
  }

  /**
   * The body is complete, or ended with `error` (the page keeps what arrived and the
   * load ends with DidFailLoadWithError instead of DidFinishLoad).
   */
  /** The document's own body is still arriving. */
  get bodyOpen(): boolean {
    return !this.abandoned && !this.bodyFinished;
  }

  finishBody(error: { code: number; name: string; detail: string } | null = null): void {
    if (this.abandoned || this.bodyFinished) return;
    this.bodyFinished = true;
    this.bodyError = error;
    if (!this.isHtml) {
      this.summary = {
        title: '',
        nodeCount: 1,
        elementCount: 0,
        subresources: [],
        outline: [`(${this.head.mimeType} document, ${this.receivedBytes} bytes)`],
      };
      this.recordDocument();
      this.parsingFinished = true;
      this.advance();
      return;
    }
    const tail = this.decoder ? this.decoder.decode() : '';
    if (tail) this.feed(tail);
    this.scanner!.end();
    this.parser!.end();
  }

  abandon(reason: string): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.fetcher.cancelAll(reason);
    this.parser?.removeAllListeners();
    this.scanner?.removeAllListeners();
  }

  // ----- parser and preload scanner ----------------------------------------------

  private startParser(): void {
    const parser = new (blinkLibraries().ParserStream)();
    parser.on('script', (element: Element, _documentWrite: (html: string) => void, resume: () => void) =>
      this.onParserScript(element, resume),
    );
    parser.on('finish', () => this.onParsingFinished());
    parser.on('error', (error: Error) =>
      this.recorder.event({ type: 'error', where: 'HTML parser', message: `${this.url}: ${error.message}` }),
    );
    this.parser = parser;

    const scanner = new (blinkLibraries().SAXParser)();
    scanner.on('startTag', (tag: StartTag) => this.onScannerTag(tag));
    scanner.on('error', () => undefined);
    // The scanner's output (the HTML itself) is not needed: let it flow away.
    scanner.resume();
    this.scanner = scanner;
  }

  private feed(text: string): void {
    if (text === '') return;
    // The parser takes the text until a script stops it; the preload scanner then reads
    // on through the same text, so it looks ahead exactly when the parser is waiting.
    this.parser!.write(text, () => {
      this.maybeDocumentElementAvailable();
      this.maybeFirstPaint();
    });
    this.scanner!.write(text);
  }

  private onScannerTag(tag: StartTag): void {
    if (this.abandoned) return;
    const name = tag.tagName;
    if (name === 'body') this.scannerInBody = true;
    let url: string | null = null;
    let destination: RequestDestination | null = null;
    if (name === 'base') {
      const href = attrOf(tag.attrs, 'href');
      const resolved = href ? resolveUrl(href, this.url) : null;
      if (resolved) this.scannerBase = resolved;
      return;
    }
    if (name === 'link' && isStylesheetLink(tag.attrs)) {
      url = resolveUrl(attrOf(tag.attrs, 'href') ?? '', this.scannerBase);
      destination = 'style';
    } else if (name === 'script' && attrOf(tag.attrs, 'src') !== null && scriptKind(tag.attrs) !== 'data') {
      url = resolveUrl(attrOf(tag.attrs, 'src') ?? '', this.scannerBase);
      destination = 'script';
    } else if (name === 'img') {
      url = resolveUrl(attrOf(tag.attrs, 'src') ?? '', this.scannerBase);
      destination = 'image';
    } else if (name === 'iframe') {
      this.insertChildFrame(attrOf(tag.attrs, 'name') ?? '', attrOf(tag.attrs, 'src'));
      return;
    }
    if (!url || !destination || this.fetcher.isFetching(url)) return;
    this.recorder.event({
      type: 'renderer.preload',
      url,
      destination,
      tag: name,
      parserBlockedOn: this.blockingScript ? (this.blockingScript.url ?? 'inline script') : null,
    });
    if (destination === 'style')
      this.requestStylesheet(url, !this.scannerInBody && mediaMatchesScreen(attrOf(tag.attrs, 'media')));
    else this.startFetch(url, destination);
  }

  /**
   * An <iframe src> was parsed: a child frame is created and loads its src through the
   * browser, and this document's load event waits until it has stopped loading.
   * (NavScope finds the tag as the body streams in; an iframe without an http(s) src
   * gets no frame.)
   */
  private insertChildFrame(name: string, src: string | null): void {
    const url = src ? resolveUrl(src, this.scannerBase) : null;
    if (!this.childFrames || !url || this.childFrameCount >= MAX_CHILD_FRAMES) {
      if (url && this.childFrameCount >= MAX_CHILD_FRAMES)
        this.recorder.event({
          type: 'error',
          where: 'HTML parser',
          message: `${this.url}: more than ${MAX_CHILD_FRAMES} iframes; ${url} gets no frame`,
        });
      return;
    }
    this.childFrameCount++;
    this.childFramesLoading++;
    void this.childFrames.createChildFrame(name, url).then(() => {
      this.childFramesLoading--;
      this.advance();
    });
  }

  private startFetch(url: string, destination: RequestDestination): Promise<FetchedResource> {
    const load = this.fetcher.fetch(url, destination);
    void load.then(() => this.advance());
    return load;
  }

  /** A stylesheet load, once per URL; those in <head> for the screen block rendering. */
  private requestStylesheet(url: string, renderBlocking: boolean): Promise<FetchedResource> {
    if (!this.stylesheets.has(url)) {
      const sheet: { fetched: FetchedResource | null; renderBlocking: boolean } = { fetched: null, renderBlocking };
      this.stylesheets.set(url, sheet);
      void this.fetcher.fetch(url, 'style').then((resource) => {
        sheet.fetched = resource;
        this.maybeFirstPaint();
        this.advance();
      });
    }
    return this.fetcher.fetch(url, 'style');
  }

  private onParserScript(element: Element, resume: () => void): void {
    if (this.abandoned) return;
    const kind = scriptKind(element.attrs);
    if (kind === 'data') {
      resume();
      return;
    }
    const src = attrOf(element.attrs, 'src');
    const url = src !== null ? resolveUrl(src, this.documentBase()) : null;
    if (src !== null && url === null) {
      // A src that does not resolve to an http(s) URL: the script errors and never runs.
      this.recordScript(
        {
          url: src,
          timing: 'parser-blocking',
          discoveredTs: this.recorder.now(),
          fetch: null,
          fetched: null,
          fetchEndTs: -1,
          done: true,
        },
        0,
        `src "${src}" is not a fetchable URL`,
      );
      resume();
      return;
    }
    const timing: ScriptTiming =
      url === null
        ? kind === 'module'
          ? 'module'
          : 'inline'
        : kind === 'module'
          ? attrOf(element.attrs, 'async') !== null
            ? 'async'
            : 'module'
          : attrOf(element.attrs, 'async') !== null
            ? 'async'
            : attrOf(element.attrs, 'defer') !== null
              ? 'defer'
              : 'parser-blocking';
    const entry: ScriptEntry = {
      url,
      timing,
      discoveredTs: this.recorder.now(),
      fetch: null,
      fetched: null,
      fetchEndTs: -1,
      done: false,
    };
    this.scripts.push(entry);
    if (url !== null) {
      entry.fetch = this.startFetch(url, 'script');
      void entry.fetch.then((resource) => {
        entry.fetched = resource;
        entry.fetchEndTs = this.recorder.now();
      });
    }
    switch (timing) {
      case 'async':
        void entry.fetch!.then(() => {
          if (!this.abandoned) this.runScript(entry, 0);
          this.advance();
        });
        resume();
        return;
      case 'defer':
      case 'module':
        this.deferred.push(entry);
        resume();
        return;
      case 'inline':
      case 'parser-blocking': {
        // The parser stops here. The script runs once it has arrived and once every
        // stylesheet above it has loaded (scripts may read computed style).
        this.blockingScript = entry;
        const blockedSince = this.recorder.now();
        const sheetsAbove = this.stylesheetsInDom().map(({ url: sheetUrl, renderBlocking }) =>
          this.requestStylesheet(sheetUrl, renderBlocking),
        );
        const ready = Promise.all([entry.fetch ?? Promise.resolve(null), ...sheetsAbove]);
        void ready.then(() => {
          if (this.abandoned) return;
          this.blockingScript = null;
          this.runScript(entry, this.recorder.now() - blockedSince);
          this.maybeFirstPaint();
          resume();
        });
        return;
      }
    }
  }

  private onParsingFinished(): void {
    if (this.abandoned) return;
    this.parsingFinished = true;
    this.summary = summarizeDocument(this.parser!.document, this.url);
    this.recordDocument();
    // Deferred and module scripts run in document order, each once it has arrived.
    void this.deferred
      .reduce<Promise<unknown>>(
        (previous, entry) =>
          previous
            .then(() => entry.fetch ?? null)
            .then(() => {
              if (!this.abandoned) this.runScript(entry, 0);
            }),
        Promise.resolve(),
      )
      .then(() => {
        if (this.abandoned) return;
        this.maybeDocumentElementAvailable();
        this.sendLoadProgress(this.currentLoadProgress());
        this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DidDispatchDOMContentLoadedEvent', {
          frameToken: this.frameToken,
        });
        this.domContentLoaded = true;
        this.maybeFirstPaint();
        this.advance();
      });
  }

  private recordDocument(): void {
    const summary = this.summary!;
    this.recorder.event({
      type: 'renderer.document',
      url: this.url,
      title: summary.title,
      nodeCount: summary.nodeCount,
      elementCount: summary.elementCount,
      subresources: summary.subresources.map((s) => ({ url: s.url, destination: s.destination, tag: s.tag })),
      outline: summary.outline,
    });
    if (summary.title)
      this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.UpdateTitle', {
        frameToken: this.frameToken,
        title: summary.title,
      });
  }

  // ----- scripts ---------------------------------------------------------------

  private runScript(entry: ScriptEntry, parserBlockedMicros: number): void {
    if (entry.done) return;
    entry.done = true;
    const refusal = this.scriptRefusal(entry);
    this.recordScript(entry, parserBlockedMicros, refusal);
  }

  /** Why a fetched script may not run: the fetch failed, CORB emptied it, or nosniff with a non-JavaScript type. */
  private scriptRefusal(entry: ScriptEntry): string | null {
    const fetched = entry.fetched;
    if (entry.url === null || fetched === null) return null;
    if (fetched.errorCode === NET_ERRORS.ERR_BLOCKED_BY_ORB)
      return 'ORB (CORB) in the network service blocked the cross-origin response (net::ERR_BLOCKED_BY_ORB)';
    if (fetched.errorCode !== 0) return `the fetch failed (net::${fetched.errorName})`;
    if (fetched.status < 200 || fetched.status > 299) return `HTTP ${fetched.status}`;
    const nosniff = (headerValue(fetched.head?.headers ?? [], 'x-content-type-options') ?? '')
      .trim()
      .toLowerCase()
      .startsWith('nosniff');
    if (nosniff && !isJavaScriptMimeType(fetched.mimeType)) {
      return `Refused to execute script: its MIME type ('${fetched.mimeType || 'none'}') is not executable and strict MIME type checking is enabled (X-Content-Type-Options: nosniff)`;
    }
    return null;
  }

  private recordScript(entry: ScriptEntry, parserBlockedMicros: number, blockedReason: string | null): void {
    const ran = blockedReason === null;
    this.recorder.event({
      type: 'renderer.script',
      url: entry.url,
      timing: entry.timing,
      order: ran ? ++this.executionOrder : 0,
      ran,
      blockedReason,
      mimeType: entry.fetched?.mimeType ?? (entry.url === null ? 'text/javascript' : ''),
      discoveredTs: entry.discoveredTs,
      fetchEndTs: entry.fetchEndTs,
      ranTs: this.recorder.now(),
      parserBlockedMicros,
    });
  }

  // ----- style, layout, paint ----------------------------------------------------

  private documentBase(): string {
    const base = this.findFirst(
      this.parser?.document ?? null,
      (e) => e.tagName === 'base' && attrOf(e.attrs, 'href') !== null,
    );
    return (base && resolveUrl(attrOf(base.attrs, 'href') ?? '', this.url)) || this.url;
  }

  private findFirst(node: Node | null, test: (element: Element) => boolean): Element | null {
    if (!node) return null;
    if ('tagName' in node && test(node)) return node;
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) {
      const found = this.findFirst(child, test);
      if (found) return found;
    }
    return null;
  }

  private elementsInDom(test: (element: Element) => boolean): Element[] {
    const found: Element[] = [];
    const visit = (node: Node): void => {
      if ('tagName' in node && test(node)) found.push(node);
      if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    };
    if (this.parser) visit(this.parser.document);
    return found;
  }

  /** The stylesheet links the parser has inserted so far, and whether each blocks rendering. */
  private stylesheetsInDom(): { url: string; renderBlocking: boolean }[] {
    const base = this.documentBase();
    const found: { url: string; renderBlocking: boolean }[] = [];
    for (const e of this.elementsInDom((el) => el.tagName === 'link' && isStylesheetLink(el.attrs))) {
      const url = resolveUrl(attrOf(e.attrs, 'href') ?? '', base);
      const inHead = e.parentNode !== null && 'tagName' in e.parentNode && e.parentNode.tagName === 'head';
      if (url) found.push({ url, renderBlocking: inHead && mediaMatchesScreen(attrOf(e.attrs, 'media')) });
    }
    return found;
  }

  private pendingRenderBlocking(): string[] {
    return [...this.stylesheets.entries()].filter(([, s]) => s.renderBlocking && s.fetched === null).map(([u]) => u);
  }

  /** First paint: the body has started, and every render-blocking stylesheet has arrived. */
  private maybeFirstPaint(): void {
    if (this.abandoned || this.firstPainted || !this.isHtml || !this.parser) return;
    const bodyStarted =
      this.parsingFinished ||
      this.findFirst(this.parser.document, (e) => e.tagName === 'body' && e.childNodes.length > 0) !== null;
    if (!bodyStarted || this.pendingRenderBlocking().length > 0) return;
    this.firstPainted = true;
    this.render('first-paint');
    this.didFirstVisuallyNonEmptyPaint();
  }

  /** The first paint put something on screen: the main frame tells the browser (LocalMainFrameHost). */
  private didFirstVisuallyNonEmptyPaint(): void {
    this.endpoint.send(BROWSER_ENDPOINT, 'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint', {
      frameToken: this.frameToken,
    });
  }

  private render(stage: 'first-paint' | 'final'): void {
    const document: Document = this.parser!.document;
    const sheets: { href: string; cssText: string }[] = [];
    let inlineIndex = 0;
    const base = this.documentBase();
    for (const element of this.elementsInDom(
      (e) => e.tagName === 'style' || (e.tagName === 'link' && isStylesheetLink(e.attrs)),
    )) {
      if (element.tagName === 'style') {
        sheets.push({ href: `inline <style> #${++inlineIndex}`, cssText: textOf(element) });
        continue;
      }
      if (!mediaMatchesScreen(attrOf(element.attrs, 'media'))) continue;
      const href = resolveUrl(attrOf(element.attrs, 'href') ?? '', base);
      const fetched = href ? this.stylesheets.get(href)?.fetched : null;
      if (!href || !fetched || fetched.errorCode !== 0 || fetched.status < 200 || fetched.status > 299) continue;
      sheets.push({ href, cssText: new TextDecoder('utf-8').decode(fetched.body) });
    }
    const renderBlocking = [...this.stylesheets.entries()].filter(([, s]) => s.renderBlocking).map(([u]) => u);
    const snapshot = this.recorder.span(
      stage === 'first-paint' ? 'Style, layout, paint (first paint)' : 'Style, layout, paint (after load)',
      { url: this.url, stylesheets: sheets.length },
      () =>
        renderDocumentSnapshot(document, sheets, {
          viewportWidth: VIEWPORT.width,
          viewportHeight: VIEWPORT.height,
          baseUrl: base,
        }),
    );
    this.recorder.event({ type: 'renderer.render', stage, url: this.url, renderBlocking, ...snapshot });
  }

  // ----- lifecycle ---------------------------------------------------------------

  /** load waits for DOMContentLoaded and for every subresource; then the frame stops loading. */
  private advance(): void {
    if (this.abandoned || this.loadFired) return;
    if (!this.isHtml && this.parsingFinished && !this.domContentLoaded) {
      this.domContentLoaded = true;
      this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DidDispatchDOMContentLoadedEvent', {
        frameToken: this.frameToken,
      });
    }
    if (!this.domContentLoaded || this.fetcher.pending > 0 || this.childFramesLoading > 0) return;
    if (this.scripts.some((s) => !s.done)) return;
    this.loadFired = true;
    if (this.isHtml) {
      if (!this.firstPainted) {
        this.firstPainted = true;
        this.render('first-paint');
        this.didFirstVisuallyNonEmptyPaint();
      }
      this.render('final');
    }
    this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DocumentOnLoadCompleted', { frameToken: this.frameToken });
    if (this.bodyError) {
      const { code, name, detail } = this.bodyError;
      this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DidFailLoadWithError', {
        frameToken: this.frameToken,
        url: this.url,
        errorCode: code,
        errorName: name,
        errorDetail: detail.slice(0, 2048),
      });
    } else {
      this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.DidFinishLoad', {
        frameToken: this.frameToken,
        url: this.url,
      });
    }
    this.sendLoadProgress(1);
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidStopLoading', { frameToken: this.frameToken });
    this.childFrames?.didStopLoading();
    if (this.isHtml) this.updateFaviconUrl();
  }

  /** The document's icon links, or the default /favicon.ico of its origin (Chromium's default favicon URL). */
  private updateFaviconUrl(): void {
    const base = this.documentBase();
    const icons = this.parser
      ? this.elementsInDom((e) => e.tagName === 'link' && /(^|\s)icon(\s|$)/i.test(attrOf(e.attrs, 'rel') ?? ''))
          .map((e) => resolveUrl(attrOf(e.attrs, 'href') ?? '', base))
          .filter((u): u is string => u !== null)
      : [];
    const fallback = resolveUrl('/favicon.ico', this.url);
    const faviconUrls = (icons.length ? icons : fallback ? [fallback] : []).slice(0, 20);
    this.endpoint.send(BROWSER_ENDPOINT, 'LocalFrameHost.UpdateFaviconURL', {
      frameToken: this.frameToken,
      faviconUrls,
    });
  }
}
