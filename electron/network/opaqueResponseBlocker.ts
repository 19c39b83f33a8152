/**
 * network::orb::OpaqueResponseBlocker (formerly CORB) in the network service: a
 * cross-origin no-cors response is held back from the renderer until its type, its
 * nosniff header and its first bytes show whether the page could legitimately use
 * it (an image, a script, a stylesheet) or whether it is data the renderer must
 * never see (HTML, XML, JSON). A blocked response reaches the renderer as
 * net::ERR_BLOCKED_BY_ORB with no headers and no bytes; the decision is recorded.
 *
 * The loader sends its client messages through this gate; same-origin, CORS and
 * navigation requests pass straight through.
 */
import { concatBytes } from '../../shared/base/bytes.js';
import type { ResponseHead, URLRequest } from '../../shared/ipc/messageCatalogue.js';
import { CORB_SNIFF_BYTES, corbDecisionWithReason, type CorbVerdict } from '../../shared/web/corb.js';

export interface OrbClient {
  response(head: ResponseHead): void;
  data(offset: number, chunk: Uint8Array): void;
  /** Delivers OnComplete; `blocked` replaces the load's own outcome with ERR_BLOCKED_BY_ORB. */
  complete(blocked: boolean): void;
  recordDecision(verdict: CorbVerdict, head: ResponseHead): void;
}

type State = 'passthrough' | 'waiting-for-response' | 'sniffing' | 'allowed' | 'blocked';

export class OpaqueResponseBlocker {
  private state: State;
  private head: ResponseHead | null = null;
  private held: { offset: number; chunk: Uint8Array }[] = [];
  private heldBytes = 0;
  private requestUrl: string;

  constructor(
    private readonly request: Pick<URLRequest, 'url' | 'mode' | 'destination' | 'initiatorOrigin'>,
    private readonly client: OrbClient,
  ) {
    this.requestUrl = request.url;
    this.state = OpaqueResponseBlocker.applies(request, request.url) ? 'waiting-for-response' : 'passthrough';
  }

  /** ORB looks at no-cors requests whose response comes from another origin than the initiator's. */
  static applies(request: Pick<URLRequest, 'mode' | 'initiatorOrigin' | 'destination'>, responseUrl: string): boolean {
    if (request.mode !== 'no-cors' || request.destination === 'document' || request.initiatorOrigin === null)
      return false;
    try {
      return new URL(responseUrl).origin !== request.initiatorOrigin;
    } catch {
      return false;
    }
  }

  /** A redirect moved the request: whether ORB applies is decided again for the new URL. */
  redirected(newUrl: string): void {
    if (this.state === 'passthrough' || this.state === 'waiting-for-response') {
      this.state = OpaqueResponseBlocker.applies(this.request, newUrl) ? 'waiting-for-response' : 'passthrough';
    }
    this.requestUrl = newUrl;
  }

  response(head: ResponseHead): void {
    if (this.state === 'passthrough') {
      this.client.response(head);
      return;
    }
    this.head = head;
    this.state = 'sniffing';
    // Some decisions need no body (an image type, a nosniff JSON): try at once.
    this.decide(false);
  }

  data(offset: number, chunk: Uint8Array): void {
    switch (this.state) {
      case 'passthrough':
      case 'allowed':
        this.client.data(offset, chunk);
        return;
      case 'blocked':
        return;
      default:
        this.held.push({ offset, chunk });
        this.heldBytes += chunk.byteLength;
        if (this.heldBytes >= CORB_SNIFF_BYTES) this.decide(true);
    }
  }

  complete(succeeded: boolean): void {
    if (this.state === 'sniffing') {
      if (succeeded) this.decide(true);
      else this.allow(); // a failed load reports its own error
    }
    this.client.complete(this.state === 'blocked');
  }

  private decide(final: boolean): void {
    const head = this.head!;
    const body = concatBytes(this.held.map(({ chunk }) => chunk));
    const verdict = corbDecisionWithReason({
      requestUrl: this.requestUrl,
      initiatorOrigin: this.request.initiatorOrigin,
      requestMode: this.request.mode === 'no-cors' ? 'no-cors' : this.request.mode === 'cors' ? 'cors' : 'same-origin',
      destination: this.request.destination,
      status: head.status,
      headers: head.headers.map(([n, v]): [string, string] => [n, v]),
      body,
    });
    // Before the first 1024 bytes (or the end of the body) only a block that needs no
    // sniffing is final: any sniffer, even for unprotected types, could still match.
    if (!final && !(verdict.decision === 'block' && verdict.sniffed === null)) return;
    this.client.recordDecision(verdict, head);
    if (verdict.decision === 'block') {
      this.state = 'blocked';
      this.held = [];
      return;
    }
    this.allow();
  }

  private allow(): void {
    this.state = 'allowed';
    this.client.response(this.head!);
    for (const { offset, chunk } of this.held) this.client.data(offset, chunk);
    this.held = [];
  }
}
