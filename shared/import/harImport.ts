/**
 * HAR import (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/): the files
 * DevTools, Playwright (`recordHar`), Firefox and NavScope (harExport.ts) write, read
 * into NavScope's trace so that the waterfall and the request panels show them.
 *
 * - Each page is a navigation; each entry is one hop of a request. Hops are joined into
 *   one request along redirect chains: NavScope's own `_requestId`, else an entry whose
 *   redirectURL (or Location) names the URL of a later entry of the same page.
 * - An entry's timings become spans laid end to end from its startedDateTime, named as
 *   DevTools names them (blocked is Stalled; HAR's connect includes ssl, which is shown
 *   as its own SSL step after Initial connection, as NavScope records its own).
 * - Headers become raw request and response heads; cookies sent, status, sizes, server
 *   IP and connection id are kept.
 * - DevTools' fields (_initiator, _resourceType, _priority, _transferSize, _fromCache,
 *   _error) and Playwright's (_securityDetails, _serverPort, _failureText, _wasAborted).
 * - An entry with status 0 or -1 failed: its error text (net::ERR_… names are kept as
 *   net errors) ends the request.
 */
import { headerValue } from '../net/httpHeaders.js';
import { NET_ERRORS, type NetErrorName } from '../net/netError.js';
import { IMPORTED_NET_SPANS, NET_SPANS } from '../trace/phases.js';
import type { JsonValue, TraceFile } from '../trace/traceEvent.js';
import { ImportError } from './importError.js';
import type { ImportLimits } from './importLimits.js';
import { ImportedTrace } from './importedTrace.js';
import {
  type UntrustedRecord,
  isRecord,
  kindOf,
  ownArray,
  ownBoolean,
  ownField,
  ownNumber,
  ownRecord,
  ownString,
} from './untrustedJson.js';

export interface HarImportContext {
  name: string;
  limits: ImportLimits;
}

/** A duration longer than this (ms) in an entry's timings is out of range (a day). */
const MAX_TIMING_MS = 24 * 3600 * 1000;
/** Ordering keys each entry may use for its events at one moment (see importEntry). */
const KEYS_PER_ENTRY = 1000;
/** The latest wall-clock time an entry may start at (year 9999). */
const MAX_WALL_MS = Date.UTC(9999, 11, 31);

interface Entry {
  index: number;
  raw: UntrustedRecord;
  start: number;
  url: string;
  method: string;
  pageref: string | null;
  status: number;
}

interface Page {
  id: string;
  start: number;
  title: string;
  onLoad: number | null;
}

function nameValues(list: readonly unknown[] | null): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const item of list ?? []) {
    const name = ownString(item, 'name');
    const value = ownString(item, 'value');
    if (name !== null && value !== null) out.push({ name, value });
  }
  return out;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** "HTTP/1.1" → "http/1.1", "HTTP/2.0" / "h2" → "h2", "h3" → "h3". */
function protocolOf(version: string): string | null {
  const v = version.trim().toLowerCase();
  if (v === '') return null;
  if (v === 'h2' || v === 'http/2' || v === 'http/2.0') return 'h2';
  if (v === 'h3' || v === 'http/3' || v === 'http/3.0' || v.startsWith('h3-')) return 'h3';
  return v;
}

/** A net error named in an error text ("net::ERR_NAME_NOT_RESOLVED", "ERR_ABORTED"), or ERR_FAILED with the text as detail. */
function netErrorOf(text: string): { code: number; name: string; detail: string } {
  const m = /(?:net::)?(ERR_[A-Z0-9_]+)/.exec(text);
  if (m) {
    const name = m[1]!;
    const code = Object.hasOwn(NET_ERRORS, name) ? NET_ERRORS[name as NetErrorName] : -2;
    return { code, name, detail: text === name || text === `net::${name}` ? '' : text };
  }
  return { code: NET_ERRORS.ERR_FAILED, name: 'ERR_FAILED', detail: text };
}

/** The TLS version (and cipher) of Playwright's _securityDetails, present on every https entry. */
function tlsOf(details: UntrustedRecord | null): string | null {
  const protocol = ownString(details, 'protocol');
  const cipher = ownString(details, 'cipher');
  return protocol ? (cipher ? `${protocol}, ${cipher}` : protocol) : null;
}

/** Playwright's _securityDetails validFrom/validTo are Unix seconds; shown as OpenSSL writes dates. */
function certificateDate(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 8.64e12) return '';
  const d = new Date(value * 1000);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

class HarReader {
  private readonly trace = new ImportedTrace('har');
  private t0 = 0;

  constructor(private readonly context: HarImportContext) {}

  read(json: unknown): TraceFile {
    if (!isRecord(json)) throw new ImportError(`not a HAR: the file is ${kindOf(json)}, not a JSON object`);
    const log = ownRecord(json, 'log');
    if (!log) throw new ImportError(`not a HAR: "log" is ${kindOf(ownField(json, 'log'))}, expected an object`);
    const rawEntries = ownArray(log, 'entries');
    if (!rawEntries)
      throw new ImportError(`not a HAR: "log.entries" is ${kindOf(ownField(log, 'entries'))}, expected a list`);
    if (rawEntries.length > this.context.limits.maxEvents)
      throw new ImportError(
        `the HAR has ${rawEntries.length} entries, more than NavScope reads (limit maxEvents = ${this.context.limits.maxEvents})`,
      );
    const version = ownString(log, 'version');
    const notes: string[] = [];
    if (version !== null && version !== '1.2' && version !== '1.1')
      notes.push(`HAR version ${JSON.stringify(version.slice(0, 20))}: read as 1.2`);
    const creator = ownRecord(log, 'creator');
    const browser = ownRecord(log, 'browser');
    const creatorText = [
      `${ownString(creator, 'name') ?? 'unknown'}${ownString(creator, 'version') ? ` ${ownString(creator, 'version')}` : ''}`,
      browser ? `${ownString(browser, 'name') ?? ''} ${ownString(browser, 'version') ?? ''}`.trim() : '',
    ]
      .filter(Boolean)
      .join(', ');

    const pages = this.readPages(ownArray(log, 'pages'));
    const entries = this.readEntries(rawEntries);
    const starts = [...pages.map((p) => p.start), ...entries.map((e) => e.start)];
    this.t0 = starts.reduce((min, t) => Math.min(min, t), Number.POSITIVE_INFINITY);
    if (!Number.isFinite(this.t0)) this.t0 = 0;

    const navigationOf = new Map<string, string>();
    for (const page of pages) {
      const navigationId = `har/page:${page.id}`;
      navigationOf.set(page.id, navigationId);
      const first = entries.find((e) => e.pageref === page.id);
      const url = first?.url ?? page.title;
      this.trace.add(
        this.ts(page.start),
        {
          type: 'navigation.begin',
          navigationId,
          url,
          transition: 'imported from a HAR',
          input: page.title,
        },
        -1,
      );
      const pageEntries = entries.filter((e) => e.pageref === page.id);
      const firstStatus = first ? first.status : 0;
      const lastEnd = pageEntries.reduce((max, e) => Math.max(max, e.start + this.entryDuration(e.raw)), page.start);
      this.trace.add(
        this.ts(page.onLoad !== null ? page.start + page.onLoad : lastEnd),
        {
          type: 'navigation.end',
          navigationId,
          url,
          outcome: first && firstStatus > 0 ? 'committed' : 'failed',
          netError:
            first && firstStatus <= 0
              ? netErrorOf(this.errorText(first.raw) ?? 'the page’s first request failed')
              : first
                ? null
                : { code: NET_ERRORS.ERR_FAILED, name: 'ERR_FAILED', detail: 'the HAR has no entry for this page' },
        },
        Number.MAX_SAFE_INTEGER,
      );
    }

    for (const chain of this.chains(entries)) this.importChain(chain, navigationOf);

    notes.unshift(`${entries.length} entries, ${pages.length} page${pages.length === 1 ? '' : 's'}`);
    return this.trace.trace({
      format: 'har',
      name: this.context.name,
      creator: creatorText,
      wallClock: new Date(this.t0).toISOString(),
      repaired: null,
      notes,
    });
  }

  /** µs since the file's first moment. */
  private ts(wallMs: number): number {
    return (wallMs - this.t0) * 1000;
  }

  private wallTime(value: unknown): number | null {
    if (typeof value !== 'string') return null;
    const t = Date.parse(value);
    return Number.isFinite(t) && t >= 0 && t <= MAX_WALL_MS ? t : null;
  }

  private readPages(list: readonly unknown[] | null): Page[] {
    const pages: Page[] = [];
    const ids = new Set<string>();
    for (const [index, raw] of (list ?? []).entries()) {
      const where = `page ${index}`;
      const id = ownString(raw, 'id');
      if (id === null) {
        this.trace.problem('a page has no "id" (not shown)', where);
        continue;
      }
      if (ids.has(id)) {
        this.trace.problem('two pages have the same "id" (the second is not shown)', where);
        continue;
      }
      const start = this.wallTime(ownField(raw, 'startedDateTime'));
      if (start === null) {
        this.trace.problem('a page\'s "startedDateTime" is not a date between 1970 and 9999 (not shown)', where);
        continue;
      }
      const onLoad = ownNumber(ownRecord(raw, 'pageTimings'), 'onLoad');
      ids.add(id);
      pages.push({
        id,
        start,
        title: ownString(raw, 'title') ?? id,
        onLoad: onLoad !== null && onLoad >= 0 && onLoad <= MAX_TIMING_MS ? onLoad : null,
      });
    }
    return pages;
  }

  private readEntries(list: readonly unknown[]): Entry[] {
    const entries: Entry[] = [];
    for (const [index, raw] of list.entries()) {
      const where = `entry ${index}`;
      if (!isRecord(raw)) {
        this.trace.problem('an entry is not an object (not shown)', where);
        continue;
      }
      const request = ownRecord(raw, 'request');
      const url = ownString(request, 'url');
      if (url === null) {
        this.trace.problem('an entry has no "request.url" (not shown)', where);
        continue;
      }
      const start = this.wallTime(ownField(raw, 'startedDateTime'));
      if (start === null) {
        this.trace.problem('an entry\'s "startedDateTime" is not a date between 1970 and 9999 (not shown)', where);
        continue;
      }
      const timings = ownRecord(raw, 'timings');
      if (timings)
        for (const key of Object.keys(timings)) {
          const value = timings[key];
          if (typeof value === 'number' && (!Number.isFinite(value) || value > MAX_TIMING_MS))
            this.trace.problem(
              `an entry's timings.${key.slice(0, 30)} is out of range (over a day; read as unknown)`,
              where,
            );
        }
      entries.push({
        index,
        raw,
        start,
        url,
        method: ownString(request, 'method') ?? 'GET',
        pageref: ownString(raw, 'pageref'),
        status: ownNumber(ownRecord(raw, 'response'), 'status') ?? 0,
      });
    }
    return entries.sort((a, b) => a.start - b.start || a.index - b.index);
  }

  private timing(raw: UntrustedRecord, key: string): number {
    const value = ownNumber(ownRecord(raw, 'timings'), key);
    return value !== null && value >= 0 && value <= MAX_TIMING_MS ? value : -1;
  }

  private entryDuration(raw: UntrustedRecord): number {
    let total = 0;
    for (const key of ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'])
      total += Math.max(0, this.timing(raw, key));
    const time = ownNumber(raw, 'time');
    return total > 0 ? total : time !== null && time >= 0 && time <= MAX_TIMING_MS ? time : 0;
  }

  private errorText(raw: UntrustedRecord): string | null {
    const response = ownRecord(raw, 'response');
    if (ownBoolean(raw, '_wasAborted') === true) return ownString(response, '_failureText') ?? 'net::ERR_ABORTED';
    return ownString(response, '_error') ?? ownString(response, '_failureText') ?? ownString(raw, '_failureText');
  }

  /** Entries joined along redirects: NavScope's _requestId, else redirectURL → a later entry's URL on the same page. */
  private chains(entries: Entry[]): Entry[][] {
    const chains: Entry[][] = [];
    const byRequestId = new Map<string, Entry[]>();
    const claimed = new Set<Entry>();
    for (const entry of entries) {
      const requestId = ownString(entry.raw, '_requestId');
      if (requestId === null) continue;
      const chain = byRequestId.get(requestId);
      if (chain) chain.push(entry);
      else {
        const created = [entry];
        byRequestId.set(requestId, created);
        chains.push(created);
      }
      claimed.add(entry);
    }
    for (const entry of entries) {
      if (claimed.has(entry)) continue;
      const chain = [entry];
      claimed.add(entry);
      let current = entry;
      for (;;) {
        const response = ownRecord(current.raw, 'response');
        const location =
          ownString(response, 'redirectURL') ||
          headerValue(nameValues(ownArray(response, 'headers')), 'location') ||
          '';
        if (location === '' || current.status < 300 || current.status > 399) break;
        let target: string;
        try {
          target = withoutFragment(new URL(location, current.url).href);
        } catch {
          break;
        }
        const next = entries.find(
          (e) =>
            !claimed.has(e) &&
            e.start >= current.start &&
            e.pageref === current.pageref &&
            withoutFragment(e.url) === target,
        );
        if (!next) break;
        chain.push(next);
        claimed.add(next);
        current = next;
      }
      chains.push(chain);
    }
    return chains.sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.index - b[0]!.index);
  }

  private importChain(chain: Entry[], navigationOf: Map<string, string>): void {
    const trace = this.trace;
    const first = chain[0]!;
    const requestId = `har/${first.index}`;
    const navigationId = first.pageref !== null ? (navigationOf.get(first.pageref) ?? null) : null;
    const initiatorField = ownField(first.raw, '_initiator');
    const initiator = isRecord(initiatorField)
      ? (ownString(initiatorField, 'url') ?? ownString(initiatorField, 'type'))
      : typeof initiatorField === 'string'
        ? initiatorField
        : null;
    const priority = ownString(first.raw, '_priority');
    trace.add(
      this.ts(first.start),
      {
        type: 'request.begin',
        requestId,
        url: first.url,
        method: first.method,
        navigationId,
        resourceType: ownString(first.raw, '_resourceType') ?? '',
        initiator,
        priority,
        ownBehalf: false,
        source: `HAR entr${chain.length === 1 ? 'y' : 'ies'} ${chain.map((e) => e.index).join(', ')}`,
      },
      first.index * KEYS_PER_ENTRY,
    );
    for (const [hop, entry] of chain.entries()) {
      const last = hop === chain.length - 1;
      const end = this.importEntry(entry, requestId, navigationId, last);
      const next = chain[hop + 1];
      if (next)
        trace.add(
          this.ts(Math.max(end, next.start)),
          {
            type: 'request.redirect',
            requestId,
            from: entry.url,
            to: next.url,
            status: entry.status > 0 ? entry.status : null,
            reason: /^internal redirect$/i.test(ownString(ownRecord(entry.raw, 'response'), 'statusText') ?? '')
              ? `internal redirect, no request sent (HAR entries ${entry.index} → ${next.index})`
              : `${entry.status} redirect (HAR entries ${entry.index} → ${next.index})`,
          },
          entry.index * KEYS_PER_ENTRY + KEYS_PER_ENTRY - 1,
        );
    }
  }

  /** One entry (one hop): its spans, heads, cache and, for the last hop, the request's end. Returns its end (wall ms). */
  private importEntry(entry: Entry, requestId: string, navigationId: string | null, last: boolean): number {
    const trace = this.trace;
    const raw = entry.raw;
    const request = ownRecord(raw, 'request');
    const response = ownRecord(raw, 'response');
    const responseHeaders = nameValues(ownArray(response, 'headers'));
    const requestHeaders = nameValues(ownArray(request, 'headers'));
    const errorText = this.errorText(raw);
    const noResponse = entry.status <= 0;
    const failed = noResponse || errorText !== null;
    const httpVersion = ownString(response, 'httpVersion') || ownString(request, 'httpVersion') || '';
    const serverIp = ownString(raw, 'serverIPAddress')?.replace(/^\[(.*)\]$/, '$1') ?? null;
    let port = ownNumber(raw, '_serverPort');
    if (port === null)
      try {
        const u = new URL(entry.url);
        port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
      } catch {
        port = null;
      }
    const remote = serverIp
      ? `${serverIp.includes(':') ? `[${serverIp}]` : serverIp}${port !== null ? `:${port}` : ''}`
      : null;
    const connectionText = ownField(raw, 'connection');
    const connectionId =
      typeof connectionText === 'string' && /^\d{1,15}$/.test(connectionText)
        ? Number(connectionText)
        : typeof connectionText === 'number' && Number.isSafeInteger(connectionText)
          ? connectionText
          : null;
    const fromCacheField = ownString(raw, '_fromCache');
    const fromCache = fromCacheField === 'disk' || fromCacheField === 'memory' ? fromCacheField : null;

    let host = '';
    try {
      host = new URL(entry.url).hostname;
    } catch {
      // host stays ''
    }

    // Steps laid end to end from startedDateTime (HAR's connect includes ssl).
    const blocked = this.timing(raw, 'blocked');
    const dns = this.timing(raw, 'dns');
    const connect = this.timing(raw, 'connect');
    const ssl = this.timing(raw, 'ssl');
    const send = this.timing(raw, 'send');
    const wait = this.timing(raw, 'wait');
    const receive = this.timing(raw, 'receive');
    const source = `HAR entry ${entry.index}`;
    const content = ownRecord(response, 'content');
    const bodySize = ownNumber(response, 'bodySize');
    const transferSize = ownNumber(response, '_transferSize');
    const contentSize = ownNumber(content, 'size');
    const headersSize = ownNumber(response, 'headersSize');
    const encoded =
      bodySize !== null && bodySize >= 0
        ? bodySize
        : transferSize !== null && transferSize >= 0 && headersSize !== null && headersSize >= 0
          ? Math.max(0, transferSize - headersSize)
          : null;
    const decoded = contentSize !== null && contentSize >= 0 ? contentSize : null;
    // A failed entry whose request never went out has send/wait/receive of 0 or -1: they are not drawn.
    // DevTools (and NavScope) write a browser-internal redirect (HSTS, HTTPS-Upgrades) as a 307
    // "Internal Redirect": nothing went on the wire.
    const internal = /^internal redirect$/i.test(ownString(response, 'statusText') ?? '');
    const wentOut = !internal && (!noResponse || wait > 0 || receive > 0);

    interface Step {
      name: string;
      ms: number;
      args: Record<string, JsonValue>;
      endArgs?: Record<string, JsonValue>;
    }
    const steps: Step[] = [];
    if (blocked > 0) steps.push({ name: IMPORTED_NET_SPANS.stalled, ms: blocked, args: { source } });
    if (dns >= 0)
      steps.push({
        name: NET_SPANS.dns,
        ms: dns,
        args: {
          host,
          url: entry.url,
          source,
          inferred: 'a HAR gives the time of the lookup, not how the name was resolved',
        },
      });
    if (connect >= 0) {
      steps.push({
        name: NET_SPANS.connect,
        ms: ssl >= 0 ? Math.max(0, connect - ssl) : connect,
        args: { remote: remote ?? '', ...(connectionId !== null ? { connectionId } : {}), source },
      });
      if (ssl >= 0) {
        const details = ownRecord(raw, '_securityDetails');
        const subject = ownString(details, 'subjectName');
        const issuer = ownString(details, 'issuer');
        steps.push({
          name: NET_SPANS.ssl,
          ms: ssl,
          args: { host, remote: remote ?? '', source },
          endArgs: {
            protocol: ownString(details, 'protocol') ?? '',
            cipher: ownString(details, 'cipher') ?? '',
            alpn: protocolOf(httpVersion) ?? '',
            chain: details
              ? [
                  {
                    subject: subject ? `CN=${subject}` : '',
                    issuer: issuer ? `CN=${issuer}` : '',
                    validFrom: certificateDate(ownField(details, 'validFrom')),
                    validTo: certificateDate(ownField(details, 'validTo')),
                    subjectAltNames: [],
                  },
                ]
              : [],
            verification: details ? 'accepted by the browser' : 'the HAR does not say',
          },
        });
      }
    }
    if (wentOut) {
      if (send >= 0) steps.push({ name: NET_SPANS.send, ms: send, args: { url: entry.url, source } });
      if (wait >= 0) steps.push({ name: NET_SPANS.wait, ms: wait, args: { source } });
      if (receive >= 0)
        steps.push({
          name: NET_SPANS.download,
          ms: receive,
          args: { source },
          endArgs: {
            ...(encoded !== null ? { encodedBodyBytes: encoded } : {}),
            ...(decoded !== null ? { decodedBodyBytes: decoded } : {}),
          },
        });
    }
    const time = ownNumber(raw, 'time');
    if (steps.length === 0)
      steps.push({
        name: IMPORTED_NET_SPANS.stalled,
        ms: time !== null && time >= 0 && time <= MAX_TIMING_MS ? time : 0,
        args: { source },
      });
    const error = failed ? netErrorOf(errorText ?? `no response (status ${entry.status})`) : null;

    // Ordering keys among events at the same moment: the request's begin, each step's begin and
    // end (the request head just after "Request sent" begins, the response head just after
    // "Waiting for server response" ends), the request's end.
    const base = entry.index * KEYS_PER_ENTRY;
    let at = entry.start;
    let sendAt: number | null = null;
    let sendKey = base + 1;
    let responseAt: number | null = null;
    let responseKey = base + 1;
    for (const [i, step] of steps.entries()) {
      const beginKey = base + 10 + 10 * i;
      if (step.name === NET_SPANS.send) {
        sendAt = at;
        sendKey = beginKey + 1;
      }
      const from = at;
      at += step.ms;
      if (step.name === NET_SPANS.wait) {
        responseAt = at;
        responseKey = beginKey + 6;
      }
      const stepError = error !== null && i === steps.length - 1 ? error.name : null;
      trace.span({
        name: step.name,
        requestId,
        navigationId,
        begin: this.ts(from),
        end: this.ts(at),
        status: stepError ? 'error' : 'ok',
        error: stepError,
        args: step.args,
        endArgs: step.endArgs ?? {},
        beginKey,
        endKey: beginKey + 5,
      });
    }
    const end = at;

    // The request head as sent, cookies sent, the response head, the cache.
    if (sendAt !== null && !fromCache && !internal) {
      const requestVersion = ownString(request, 'httpVersion') || httpVersion || 'HTTP/1.1';
      const head = `${entry.method} ${pathOf(entry.url)} ${requestVersion}\r\n${requestHeaders.map((h) => `${h.name}: ${h.value}\r\n`).join('')}\r\n`;
      trace.add(
        this.ts(sendAt),
        {
          type: 'http.request',
          requestId,
          url: entry.url,
          raw: head,
          connectionId: connectionId ?? -1,
          reused: connect < 0,
          remote: remote ?? '',
        },
        sendKey,
      );
      const cookies = nameValues(ownArray(request, 'cookies')).map((c) => c.name);
      if (cookies.length > 0)
        trace.add(this.ts(sendAt), { type: 'cookie.sent', requestId, url: entry.url, names: cookies }, sendKey);
    }
    if (fromCache)
      trace.add(
        this.ts(entry.start),
        {
          type: 'cache.lookup',
          requestId,
          url: entry.url,
          outcome: 'fresh',
          reason: `served from the ${fromCache} cache (the HAR's _fromCache)`,
        },
        base + 1,
      );
    if (!noResponse && !internal) {
      const statusText = ownString(response, 'statusText') ?? '';
      const statusLine = `${httpVersion || 'HTTP/1.1'} ${entry.status}${statusText ? ` ${statusText}` : ''}`;
      const rawHead = `${statusLine}\r\n${responseHeaders.map((h) => `${h.name}: ${h.value}\r\n`).join('')}\r\n`;
      const at = this.ts(responseAt ?? end);
      trace.add(
        at,
        {
          type: 'http.response',
          requestId,
          statusLine,
          rawHeaders: rawHead,
          headerBytes:
            headersSize !== null && Number.isInteger(headersSize) && headersSize >= 0 ? headersSize : rawHead.length,
        },
        responseKey,
      );
      if (entry.status === 304)
        trace.add(
          at,
          {
            type: 'cache.lookup',
            requestId,
            url: entry.url,
            outcome: 'revalidated',
            reason: '304 Not Modified: the cached response is still good',
          },
          responseKey,
        );
    }
    if (last)
      trace.add(
        this.ts(end),
        {
          type: 'request.end',
          requestId,
          url: entry.url,
          status: noResponse ? null : entry.status,
          statusText: noResponse ? '' : (ownString(response, 'statusText') ?? ''),
          netError: error,
          fromCache,
          protocol: protocolOf(httpVersion),
          tls: tlsOf(ownRecord(raw, '_securityDetails')),
          remote,
          connectionId,
          reused: connectionId === null ? null : connect < 0,
          encodedBodyBytes: encoded,
          decodedBodyBytes: decoded,
        },
        base + KEYS_PER_ENTRY - 2,
      );
    return end;
  }
}

/** Reads parsed HAR JSON into a NavScope trace. */
export function importHar(json: unknown, context: HarImportContext): TraceFile {
  return new HarReader(context).read(json);
}
