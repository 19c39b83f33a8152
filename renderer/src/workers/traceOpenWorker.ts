/**
 * The Web Worker that opens trace files, off the window's main thread: the bytes go
 * through the import dispatcher (shared/import: format, gzip, limits, parse, check), and
 * the checked events come back in parts — a first part as soon as it is read (the
 * window shows its first screen from it), then the rest in larger parts.
 */
import { errorMessage } from '../../../shared/base/errors';
import { ImportError } from '../../../shared/import/importError';
import { importTraceFile } from '../../../shared/import/traceImport';
import type { TraceEvent } from '../../../shared/trace/traceEvent';
import { FIRST_PART, isNetworkOnly, LATER_PART, type TraceOpenReply, type TraceOpenRequest } from './traceOpenMessages';

/** The worker's side of its channel (the DOM library types `self` as a window). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<TraceOpenRequest>) => void) | null;
  postMessage(message: TraceOpenReply): void;
};

async function open(request: TraceOpenRequest): Promise<void> {
  const { id, name } = request;
  let sent = 0;
  let began = false;
  try {
    const input = request.input instanceof Blob ? new Uint8Array(await request.input.arrayBuffer()) : request.input;
    const imported = await importTraceFile(
      input,
      name,
      {},
      {
        count: FIRST_PART,
        read(events, total) {
          // A NavScope trace: its first part is checked; the window shows it while the rest is read.
          began = true;
          sent = events.length;
          scope.postMessage({
            kind: 'begin',
            id,
            format: 'navscope',
            repaired: null,
            total,
            networkOnly: isNetworkOnly(events),
            events,
          });
        },
      },
    );
    const all: TraceEvent[] = imported.trace.events;
    if (!began) {
      const first = all.slice(0, FIRST_PART);
      sent = first.length;
      scope.postMessage({
        kind: 'begin',
        id,
        format: imported.format,
        repaired: imported.repaired,
        total: all.length,
        networkOnly: isNetworkOnly(all),
        events: first,
      });
    }
    for (let from = sent; from < all.length; from += LATER_PART)
      scope.postMessage({ kind: 'events', id, events: all.slice(from, from + LATER_PART) });
    scope.postMessage({ kind: 'end', id });
  } catch (error) {
    scope.postMessage({
      kind: 'error',
      id,
      message: errorMessage(error),
      internal: !(error instanceof ImportError) || error.internal === true,
    });
  }
}

scope.onmessage = (event) => void open(event.data);
