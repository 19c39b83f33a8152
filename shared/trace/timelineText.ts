/**
 * The trace as a readable timeline, one line per event: time since the trace began,
 * the process/thread that recorded it, and what happened. Used by the CLI.
 */
import type { EndpointInfo } from '../ipc/endpoints.js';
import type { DnsRecordSummary, TraceEvent } from './traceEvent.js';

function ms(micros: number): string {
  return (micros / 1000).toFixed(3).padStart(10);
}

function records(list: DnsRecordSummary[]): string {
  return list.map((r) => `${r.name} ${r.type} ${r.data}`).join(', ');
}

const IMPORT_FORMATS = { har: 'HAR', netlog: 'NetLog', 'chrome-trace': 'Chrome trace' } as const;

function firstLine(text: string): string {
  const end = text.indexOf('\r\n');
  return end === -1 ? text : text.slice(0, end);
}

export function describeEvent(event: TraceEvent, spanNames: Map<string, { name: string; ts: number }>): string {
  switch (event.type) {
    case 'trace.begin':
      return `trace begins (${event.mode} mode, browser pid ${event.browserPid}, ${event.platform}, ${event.wallClock})`;
    case 'thread.start':
      return `thread ${event.info.threadName} of ${event.info.processName} (pid ${event.info.pid}) is ready`;
    case 'thread.exit':
      return `✖ thread ${event.threadName} (${event.endpointId}) ended: ${event.reason}${event.restarting ? '; a new one is starting' : ''}`;
    case 'process.launch':
      return `● launch renderer process ${event.processId} ${event.spare ? '(the spare, not yet for a site)' : `for ${event.site}`}`;
    case 'process.spawn':
      return `● spawned ${event.processId}: pid ${event.pid} (${event.site})`;
    case 'process.ready':
      return `● ${event.processId} (pid ${event.pid}) is ready`;
    case 'process.exit':
      return `● ${event.processId} (pid ${event.pid}) exited: ${event.reason}`;
    case 'process.crash':
      return `✖ ${event.processId} (pid ${event.pid}) CRASHED: ${event.reason}${event.signal ? ` (${event.signal})` : ''}${event.code !== null ? ` code ${event.code}` : ''}`;
    case 'span.begin':
      return `▶ ${event.name}${Object.keys(event.args).length ? ` ${JSON.stringify(event.args)}` : ''}`;
    case 'span.end': {
      const begin = spanNames.get(event.spanId);
      const took = begin ? ` (${((event.ts - begin.ts) / 1000).toFixed(3)} ms)` : '';
      return `◀ ${begin?.name ?? event.spanId}${took}${event.status !== 'ok' ? ` ${event.status.toUpperCase()}: ${event.error ?? ''}` : ''}`;
    }
    case 'message':
      return `✉ ${event.name}${event.replyTo !== undefined || event.real?.isReply ? ' ↩ reply' : ''}  ${event.from} → ${event.to}  ${event.summary}  (delivered after ${((event.deliveredAt - event.sentAt) / 1000).toFixed(3)} ms)`;
    case 'ipc.rejected':
      return `✖ rejected at ${event.receiver}: ${event.name ?? '?'} from ${event.from ?? '?'}: ${event.reason}`;
    case 'navigation.begin':
      return `navigation ${event.navigationId} begins: ${event.url} (${event.transition})`;
    case 'navigation.state':
      return `navigation ${event.navigationId}: ${event.from} → ${event.to} (${event.reason})`;
    case 'navigation.end':
      return `navigation ${event.navigationId} ends: ${event.outcome}${event.netError ? ` ${event.netError.name} (${event.netError.detail})` : ''}`;
    case 'omnibox.classified':
      return `omnibox: "${event.text}" is ${event.inputType}${event.url ? ` → ${event.url}` : ''} (${event.reason})`;
    case 'url.parsed':
      return `URL: scheme ${event.scheme}, host ${event.host}, port ${event.port ?? `${event.effectivePort ?? '-'} (default)`}, path ${event.path}${event.query ? `, query ${event.query}` : ''}${event.fragment ? `, fragment ${event.fragment}` : ''}`;
    case 'dns.cache':
      return `DNS host cache ${event.outcome} for ${event.host}${event.addresses.length ? `: ${event.addresses.join(', ')}` : ''}`;
    case 'dns.query':
      return `DNS query → ${event.server.name} (${event.server.address}:${event.server.port}, ${event.server.role} for ${event.server.zone}): ${event.question.name} ${event.question.type} id ${event.transactionId}${event.attempt > 1 ? ` attempt ${event.attempt}` : ''}`;
    case 'dns.response': {
      const body = event.answers.length
        ? `answer ${records(event.answers)}`
        : event.authorities.length
          ? `authority ${records(event.authorities)}${event.additionals.length ? `; additional ${records(event.additionals)}` : ''}`
          : 'empty';
      return `DNS response ← ${event.server.name} (${event.server.address}) ${event.rcode}${event.authoritative ? ' AA' : ''}: ${body}`;
    }
    case 'dns.timeout':
      return `DNS timeout: ${event.server.name} (${event.server.address}) did not answer within ${event.waitedMs} ms (attempt ${event.attempt})`;
    case 'dns.ignored':
      return `DNS datagram ignored (${event.size} bytes from ${event.from}) while waiting for ${event.server.name}: ${event.reason}`;
    case 'dns.result':
      return `DNS result for ${event.host}: ${event.addresses.join(', ')} (from ${event.source}${event.ttl >= 0 ? `, TTL ${event.ttl} s` : ''})`;
    case 'http.request':
      return `HTTP request${event.connectionId >= 0 ? ` on connection ${event.connectionId}${event.reused ? ' (reused)' : ''}` : ''}: ${firstLine(event.raw)} (${event.raw.length} bytes)`;
    case 'http.response':
      return `HTTP response: ${event.statusLine} (${event.headerBytes} header bytes)`;
    case 'state':
      return `◆ ${event.field} = ${JSON.stringify(event.value)} (${event.cause})`;
    case 'renderer.document':
      return `DOM built for ${event.url}: ${event.nodeCount} nodes, ${event.elementCount} elements, ${event.subresources.length} subresources, title "${event.title}"`;
    case 'renderer.preload':
      return `preload scanner → ${event.destination} ${event.url}${event.parserBlockedOn ? ` (while the parser waits for ${event.parserBlockedOn})` : ''}`;
    case 'renderer.script':
      return event.ran
        ? `script #${event.order} ran (${event.timing}): ${event.url ?? 'inline'}${event.parserBlockedMicros > 0 ? `, parser blocked ${(event.parserBlockedMicros / 1000).toFixed(1)} ms` : ''}`
        : `script not run (${event.timing}): ${event.url ?? 'inline'}: ${event.blockedReason ?? ''}`;
    case 'renderer.render':
      return `${event.stage === 'first-paint' ? 'first paint' : 'render after load'} of ${event.url}: ${event.cssom.ruleCount} CSS rules, ${event.renderTree.count} render objects (${event.renderTree.excluded.length} left out), ${event.layout.boxes.length} layout boxes, ${event.paint.count} paint ops`;
    case 'corb.decision':
      return `ORB/CORB ${event.decision === 'block' ? 'BLOCKED' : 'allowed'} ${event.destination} ${event.url} from ${event.initiatorOrigin} (${event.mimeType || 'no type'}${event.noSniff ? ' + nosniff' : ''}): ${event.reason}`;
    case 'step.mode':
      return `step mode ${event.enabled ? `on (${event.pace === 'playing' ? `playing, one message every ${event.intervalMs} ms` : event.pace === 'next-phase' ? 'running to the next phase' : 'paused: one message per step'})` : 'off'}, ${event.held} held`;
    case 'step.held':
      return `step mode holds ${event.name} ${event.from} → ${event.to} (${event.held} waiting)`;
    case 'step.released':
      return `step mode released ${event.name} ${event.from} → ${event.to} after ${(event.waitedMicros / 1000).toFixed(1)} ms${event.into === 'loader' ? ' into the navigation loader (kept for MIME sniffing until commit)' : ''} (${event.held} still waiting)`;
    case 'error':
      return `! ${event.where}: ${event.message}`;
    case 'hsts.upgrade':
      return `HSTS (${event.source}, ${event.matchedHost}${event.includeSubdomains ? ', includeSubDomains' : ''}): ${event.from} → ${event.to} before any DNS (307 Internal Redirect)`;
    case 'hsts.learned':
      return event.removed
        ? `HSTS entry for ${event.host} removed (max-age=0)`
        : `HSTS learned for ${event.host}: max-age=${event.maxAge}${event.includeSubdomains ? ', includeSubDomains' : ''}`;
    case 'https.upgrade':
      return `HTTPS first: ${event.from} → ${event.to} (${event.outcome}: ${event.reason})`;
    case 'cookie.stored':
      return `cookies from ${event.url}: ${event.cookies.map((c) => `${c.name ?? '?'} ${c.stored ? 'stored' : `refused (${c.reason ?? ''})`}`).join(', ')}`;
    case 'cookie.sent':
      return `cookies sent to ${event.url}: ${event.names.join(', ')}`;
    case 'cache.lookup':
      return `HTTP cache ${event.outcome} for ${event.url} (${event.reason})`;
    case 'mime.sniffed':
      return `MIME: supplied ${event.supplied ?? '(none)'}${event.noSniff ? ' + nosniff' : ''} → ${event.computed} (${event.rule}; ${event.byteCount} bytes looked at)`;
    case 'safebrowsing.check':
      return `Safe Browsing: ${event.verdict.toUpperCase()}${event.threatType ? ` (${event.threatType})` : ''} for ${event.url}: ${event.expressions.length} expressions, ${event.expressions.filter((e) => e.prefixMatch).length} prefix hits${event.bypassed ? ', the user chose to proceed' : ''}`;
    case 'navigation.decision':
      return `decision for ${event.url}: ${event.decision} (${event.reason})`;
    case 'download.begin':
      return `download ${event.downloadId} begins: ${event.filename} (${event.mimeType}, ${event.totalBytes >= 0 ? `${event.totalBytes} bytes` : 'size unknown'}) → ${event.path}`;
    case 'download.progress':
      return `download ${event.downloadId}: ${event.receivedBytes}${event.totalBytes >= 0 ? ` / ${event.totalBytes}` : ''} bytes`;
    case 'download.end':
      return `download ${event.downloadId} ${event.state}: ${event.receivedBytes} bytes${event.error ? ` (${event.error})` : ''} → ${event.path}`;
    case 'process.assigned':
      return `● ${event.processId}${event.pid ? ` (pid ${event.pid})` : ''} for ${event.site}: ${event.how} (${event.reason})`;
    case 'process.discarded':
      return `● ${event.processId} discarded (${event.site}): ${event.reason}`;
    case 'process.unresponsive':
      return `⚠ ${event.processId}${event.pid ? ` (pid ${event.pid})` : ''} is not responding: no ${event.waitingFor} for ${event.waitedMs} ms`;
    case 'import.source':
      return `imported ${IMPORT_FORMATS[event.format]} "${event.name}" (${event.creator}, begins ${event.wallClock})${event.repaired ? `; repaired: ${event.repaired}` : ''}${event.notes.length ? `; ${event.notes.join('; ')}` : ''}`;
    case 'request.begin':
      return `request ${event.requestId}: ${event.method} ${event.url}${event.resourceType ? ` (${event.resourceType})` : ''}${event.ownBehalf ? ", Chromium's own request (no page asked for it)" : event.initiator ? ` from ${event.initiator}` : ''}${event.priority ? `, priority ${event.priority}` : ''}`;
    case 'request.redirect':
      return `redirect ${event.requestId}${event.status !== null ? ` ${event.status}` : ''}: ${event.from} → ${event.to} (${event.reason})`;
    case 'request.end': {
      const outcome = event.netError
        ? `${event.netError.name}${event.netError.detail ? ` (${event.netError.detail})` : ''}`
        : event.status !== null
          ? `${event.status} ${event.statusText}`.trim()
          : 'no response';
      const facts = [
        event.fromCache ? `from the ${event.fromCache} cache` : '',
        event.protocol ?? '',
        event.tls ?? '',
        event.remote ? `server ${event.remote}` : '',
        event.connectionId !== null ? `connection ${event.connectionId}${event.reused ? ' (reused)' : ''}` : '',
        event.decodedBodyBytes !== null ? `${event.decodedBodyBytes} bytes` : '',
      ].filter(Boolean);
      return `request ${event.requestId} ends: ${outcome} for ${event.url}${facts.length ? ` — ${facts.join(', ')}` : ''}`;
    }
    case 'process.responsive':
      return `● ${event.processId}${event.pid ? ` (pid ${event.pid})` : ''} is responding again`;
    case 'tab.created':
      return `▣ tab ${event.tabId} opened${event.openerTabId !== null ? ` from tab ${event.openerTabId}` : ''} (main frame ${event.mainFrameTreeNodeId}): ${event.reason}`;
    case 'tab.activated':
      return `▣ tab ${event.tabId} is shown${event.previousTabId !== null ? ` (was tab ${event.previousTabId})` : ''}: ${event.reason}`;
    case 'tab.closed':
      return `▣ tab ${event.tabId} closed: ${event.reason}`;
    case 'frame.created':
      return `▢ frame ${event.frameTreeNodeId} created in tab ${event.tabId}${event.parentId !== null ? ` as a child of frame ${event.parentId}` : ' (main frame)'}${event.url ? ` for ${event.url}` : ''}${event.processId ? ` in ${event.processId}` : ''}: ${event.reason}`;
    case 'frame.committed':
      return `▢ frame ${event.frameTreeNodeId} (tab ${event.tabId}) now shows ${event.url} (${event.site}) in ${event.processId}: ${event.reason}`;
    case 'frame.loaded':
      return `▢ frame ${event.frameTreeNodeId} (tab ${event.tabId}) loaded ${event.url} in ${event.processId}`;
    case 'frame.removed':
      return `▢ frame ${event.frameTreeNodeId} (tab ${event.tabId}) removed: ${event.reason}`;
    case 'proxy.created':
      return `▢ ${event.processId} holds a proxy for frame ${event.frameTreeNodeId} (tab ${event.tabId}): ${event.reason}`;
    case 'proxy.removed':
      return `▢ ${event.processId} dropped its proxy for frame ${event.frameTreeNodeId} (tab ${event.tabId}): ${event.reason}`;
    case 'trace.source':
      return `source: ${event.origin === 'real-chromium' ? 'real Chromium' : event.origin === 'chrome-trace' ? 'a Chrome trace' : "NavScope's model"}${event.chromiumVersion ? ` ${event.chromiumVersion}` : ''}: ${event.name} (${event.recordedWith})`;
    case 'real.process':
      return `● real ${event.kind} process ${event.processId}: pid ${event.pid} "${event.name}", ${event.threads.length} thread${event.threads.length === 1 ? '' : 's'}`;
    case 'real.summary': {
      const c = event.counts;
      return `real trace: ${c.events ?? '?'} events, ${c.mojoMessages ?? '?'} Mojo messages (${c.named ?? '?'} named; senders ${event.senders.exact} exact, ${event.senders.inferred} inferred, ${event.senders.unknown} unknown), ${c.other ?? '?'} other events counted`;
    }
  }
}

export function formatTimeline(events: readonly TraceEvent[]): string[] {
  const threads = new Map<string, EndpointInfo>();
  const spans = new Map<string, { name: string; ts: number }>();
  const origin = events.reduce((min, e) => Math.min(min, e.ts), Number.POSITIVE_INFINITY);
  const lines: string[] = [];
  for (const event of events) {
    if (event.type === 'thread.start') threads.set(event.info.id, event.info);
    if (event.type === 'span.begin') spans.set(event.spanId, { name: event.name, ts: event.ts });
    const info = threads.get(event.endpoint);
    const where = info ? `${info.processName.split(' ')[0]}:${info.pid}/${info.threadName}` : event.endpoint;
    lines.push(`${ms(event.ts - origin)} ms  ${where.padEnd(30)}  ${describeEvent(event, spans)}`);
  }
  return lines;
}
