/**
 * Tiny fake DNS name servers for tests: each binds its own 127.53.x.y address (Linux
 * routes all of 127/8 to loopback) on a port shared by all of them, records every
 * query it receives and answers with whatever its behaviour returns (nothing, one
 * packet, or several datagrams — spoofs first, say).
 */
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';

/** Datagrams to send back for one query, in order (an empty list = stay silent). */
export type Behaviour = (query: DecodedPacket) => (Packet | Uint8Array)[];

export const AA = dnsPacket.AUTHORITATIVE_ANSWER;
export const TC = dnsPacket.TRUNCATED_RESPONSE;
export const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

function norm(name: string): string {
  const lower = name.toLowerCase();
  return lower === '.' || lower === '' ? '.' : lower.replace(/\.$/, '');
}

function within(name: string, zone: string): boolean {
  const n = norm(name);
  const z = norm(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

function dataOf(record: Answer): string {
  return String((record as { data?: unknown }).data);
}

function depth(name: string): number {
  return norm(name) === '.' ? 0 : norm(name).split('.').length;
}

/** A reply skeleton echoing the query's id and question. */
export function replyTo(
  query: DecodedPacket,
  flags = 0,
  sections: Pick<Packet, 'answers' | 'authorities' | 'additionals'> = {},
): Packet {
  return {
    type: 'response',
    id: query.id ?? 0,
    flags,
    questions: query.questions ?? [],
    answers: [],
    authorities: [],
    additionals: [],
    ...sections,
  };
}

/**
 * An authoritative server for `zone` holding `records`: refers delegated names
 * (NS records below the apex, with whatever glue `records` holds for them), answers
 * names it has (following in-zone CNAMEs), NODATA for names with other types only,
 * NXDOMAIN otherwise, REFUSED for names outside the zone.
 */
export function authoritative(zone: string, records: Answer[]): Behaviour {
  const apex = norm(zone);
  const soa: Answer = {
    type: 'SOA',
    name: apex,
    ttl: 900,
    data: {
      mname: `ns.${apex === '.' ? 'root' : apex}`,
      rname: `hostmaster.${apex === '.' ? 'root' : apex}`,
      serial: 2024010101,
      refresh: 7200,
      retry: 3600,
      expire: 1209600,
      minimum: 300,
    },
  };
  return (query) => {
    const question = query.questions?.[0];
    if (question === undefined) return [replyTo(query, 1)];
    const qname = norm(question.name);
    if (!within(qname, apex)) return [replyTo(query, RCODE.REFUSED)];

    const cuts = records.filter((r) => r.type === 'NS' && norm(r.name) !== apex && within(qname, r.name));
    if (cuts.length > 0) {
      const cut = cuts.reduce((a, b) => (depth(b.name) > depth(a.name) ? b : a)).name;
      const ns = records.filter((r) => r.type === 'NS' && norm(r.name) === norm(cut));
      const hosts = new Set(ns.map((r) => norm(dataOf(r))));
      const glue = records.filter((r) => (r.type === 'A' || r.type === 'AAAA') && hosts.has(norm(r.name)));
      return [replyTo(query, 0, { authorities: ns, additionals: glue })];
    }

    const answers: Answer[] = [];
    let current = qname;
    for (let i = 0; i < 10; i++) {
      const exact = records.filter((r) => norm(r.name) === current && r.type === question.type);
      if (exact.length > 0) {
        answers.push(...exact);
        break;
      }
      const cname = records.find((r) => norm(r.name) === current && r.type === 'CNAME');
      if (cname === undefined) break;
      answers.push(cname);
      current = norm(dataOf(cname));
      if (!within(current, apex)) break;
    }
    if (answers.length > 0) return [replyTo(query, AA, { answers })];
    const exists = records.some((r) => within(r.name, qname));
    return [replyTo(query, AA | (exists ? RCODE.NOERROR : RCODE.NXDOMAIN), { authorities: [soa] })];
  };
}

export class FakeNameServer {
  /** Every query received, decoded, in order. */
  readonly received: DecodedPacket[] = [];

  private constructor(
    readonly address: string,
    private readonly socket: dgram.Socket,
    public behaviour: Behaviour,
  ) {
    socket.on('message', (message, remote) => {
      let query: DecodedPacket;
      try {
        query = dnsPacket.decode(message);
      } catch {
        return;
      }
      this.received.push(query);
      for (const reply of this.behaviour(query)) {
        const bytes = reply instanceof Uint8Array ? reply : dnsPacket.encode(reply as Packet);
        socket.send(bytes, remote.port, remote.address);
      }
    });
  }

  get port(): number {
    return this.socket.address().port;
  }

  static bind(address: string, port: number, behaviour: Behaviour): Promise<FakeNameServer> {
    const socket = dgram.createSocket('udp4');
    return new Promise((resolve, reject) => {
      socket.once('error', (error) => {
        socket.close();
        reject(error);
      });
      socket.bind({ address, port, exclusive: true }, () => resolve(new FakeNameServer(address, socket, behaviour)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** Starts one server per address, all on one free port. */
export async function startNameServers(
  specs: { address: string; behaviour: Behaviour }[],
): Promise<{ port: number; servers: Map<string, FakeNameServer>; close(): Promise<void> }> {
  for (let tries = 0; ; tries++) {
    const started: FakeNameServer[] = [];
    try {
      let port = 0;
      for (const spec of specs) {
        const server = await FakeNameServer.bind(spec.address, port, spec.behaviour);
        started.push(server);
        port = server.port;
      }
      const servers = new Map(started.map((s) => [s.address, s]));
      return { port, servers, close: async () => void (await Promise.all(started.map((s) => s.close()))) };
    } catch (error) {
      await Promise.all(started.map((s) => s.close()));
      if (tries >= 5) throw error;
    }
  }
}
