import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Question } from 'dns-packet';
import { LAB_RCODE_VALUES, LabAuthority } from './labAuthority.js';
import type { LabRcode } from './labAuthority.js';
import type { LabDnsFault, LabZone } from './labZones.js';

export interface LabDnsQueryRecord {
  name: string;
  type: string;
  /**
   * The rcode answered, `DROPPED` for a query deliberately left unanswered (a
   * `silent` fault), `MALFORMED` for one answered with bytes that do not decode.
   */
  rcode: string;
  /** True when the answer was truncated (TC set). */
  truncated?: boolean;
}

export interface LabDnsServerOptions {
  /** Host name of the server, e.g. `ns1.naver.com`. */
  name: string;
  /** Loopback address to listen on. */
  address: string;
  /** The zones it is authoritative for. */
  zones: readonly LabZone[];
}

/** Largest UDP response without EDNS (RFC 1035). */
const CLASSIC_UDP_LIMIT = 512;
/** Largest UDP response we offer with EDNS (the DNS Flag Day 2020 value). */
const EDNS_UDP_LIMIT = 1232;
const OPCODE_QUERY = 0;

/**
 * A real authoritative DNS server on one loopback address: answers real DNS
 * packets over UDP from its zones, the way root, TLD and authoritative servers
 * answer an iterative resolver (never recursing: RA is always clear). Some
 * names misbehave on purpose (SERVFAIL, silence, truncation): see `LabZone.faults`.
 */
export class LabDnsServer {
  readonly name: string;
  readonly address: string;
  private readonly authority: LabAuthority;
  private socket: dgram.Socket | undefined;
  private boundPort = 0;
  private readonly served: LabDnsQueryRecord[] = [];

  constructor(options: LabDnsServerOptions) {
    this.name = options.name;
    this.address = options.address;
    this.authority = new LabAuthority(options.zones);
  }

  /** The UDP port it listens on (0 before `listen`). */
  get port(): number {
    return this.boundPort;
  }

  /** Binds the UDP socket; rejects (e.g. with code EADDRINUSE) if the port is taken. */
  listen(port: number): Promise<void> {
    if (this.socket) return Promise.reject(new Error(`${this.name} is already listening`));
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    return new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => {
        socket.close();
        reject(error);
      };
      socket.once('error', onError);
      socket.bind({ address: this.address, port, exclusive: true }, () => {
        socket.off('error', onError);
        // A send error on a datagram socket must never bring the lab down.
        socket.on('error', () => undefined);
        socket.on('message', (message, remote) => this.onMessage(socket, message, remote));
        this.socket = socket;
        this.boundPort = socket.address().port;
        resolve();
      });
    });
  }

  /** Closes the socket; safe to call more than once. */
  close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return Promise.resolve();
    return new Promise<void>((resolve) => {
      try {
        socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }

  /** Every query handled so far (answered, or deliberately dropped), oldest first. */
  queriesServed(): LabDnsQueryRecord[] {
    return this.served.map((q) => ({ ...q }));
  }

  /**
   * The response to one DNS message, or `null` when it must be dropped
   * (undecodable, a response rather than a query, unanswerable, or a name
   * whose zone is deliberately `silent` for it).
   */
  respond(message: Buffer): Buffer | null {
    let query: DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return null;
    }
    if (query.type !== 'query') return null;
    const queryFlags = query.flags ?? 0;
    const opcode = (queryFlags >> 11) & 0xf;
    const questions: Question[] = query.questions ?? [];
    // A question whose class dns-packet cannot re-encode cannot be echoed: drop it.
    if (questions.some((q) => String(q.class ?? 'IN').startsWith('UNKNOWN_'))) return null;

    const edns = (query.additionals ?? []).find((r) => r.type === 'OPT');
    const limit =
      edns && edns.type === 'OPT'
        ? Math.max(CLASSIC_UDP_LIMIT, Math.min(edns.udpPayloadSize, EDNS_UDP_LIMIT))
        : CLASSIC_UDP_LIMIT;

    let rcode: LabRcode;
    let authoritative = false;
    let answers: Answer[] = [];
    let authorities: Answer[] = [];
    let additionals: Answer[] = [];
    let fault: LabDnsFault | undefined;
    const question = questions[0];
    if (opcode !== OPCODE_QUERY) {
      rcode = 'NOTIMP';
    } else if (questions.length !== 1 || !question) {
      rcode = 'FORMERR';
    } else if (question.class !== undefined && question.class !== 'IN' && question.class !== 'ANY') {
      rcode = 'REFUSED';
    } else {
      const result = this.authority.lookup(question.name, question.type);
      ({ rcode, authoritative, answers, authorities, additionals, fault } = result);
    }
    if (fault === 'silent') {
      this.served.push({ name: question?.name ?? '', type: question?.type ?? '', rcode: 'DROPPED' });
      return null;
    }
    if (fault === 'malformed') {
      this.served.push({ name: question?.name ?? '', type: question?.type ?? '', rcode: 'MALFORMED' });
      return malformedResponse(query.id ?? 0);
    }

    const opt: Answer[] = edns
      ? [
          {
            name: '.',
            type: 'OPT',
            udpPayloadSize: EDNS_UDP_LIMIT,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: [],
          },
        ]
      : [];
    // Echo the opcode and RD; set AA when authoritative; never RA.
    const flags =
      (opcode << 11) |
      (queryFlags & dnsPacket.RECURSION_DESIRED) |
      (authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
      LAB_RCODE_VALUES[rcode];
    // `wrong-id`: a correct answer under a transaction id the resolver never sent.
    const id = fault === 'wrong-id' ? (query.id ?? 0) ^ 0x5a5a : (query.id ?? 0);
    // A truncated answer carries the question (and OPT) only, with TC set.
    const truncatedResponse = (): Buffer =>
      dnsPacket.encode({
        type: 'response',
        id,
        flags: flags | dnsPacket.TRUNCATED_RESPONSE,
        questions,
        additionals: opt,
      });
    let response: Buffer;
    let truncated = fault === 'truncated';
    try {
      response = truncated
        ? truncatedResponse()
        : dnsPacket.encode({
            type: 'response',
            id,
            flags,
            questions,
            answers,
            authorities,
            additionals: [...additionals, ...opt],
          });
      if (response.length > limit) {
        truncated = true;
        response = truncatedResponse();
      }
    } catch {
      return null;
    }
    this.served.push({
      name: question?.name ?? '',
      type: question?.type ?? '',
      rcode,
      ...(truncated ? { truncated } : {}),
    });
    return response;
  }

  private onMessage(socket: dgram.Socket, message: Buffer, remote: dgram.RemoteInfo): void {
    const response = this.respond(message);
    if (!response || this.socket !== socket) return;
    socket.send(response, remote.port, remote.address, () => undefined);
  }
}

/**
 * A `malformed` answer: a header claiming one question and one answer under the
 * query's own id (QR and AA set), followed by a name whose label runs past the
 * end of the datagram — no DNS parser can decode it.
 */
function malformedResponse(id: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x8400, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(1, 6);
  return Buffer.concat([header, Buffer.from([0x3f]), Buffer.from('broken', 'latin1')]);
}
