/**
 * The recursive resolver — the ISP's DNS server, outside the browser — walking
 * root → TLD → authoritative with real DNS packets over UDP. Queries go out without
 * the RD flag (each server answers from its own zone data) and referrals are
 * followed; every datagram sent and received is reported as a trace record body.
 *
 * Choices worth knowing:
 * - One UDP socket (random source port) per exchange with one server; a retry after
 *   a timeout goes out on the same socket with a fresh random transaction id, and a
 *   late answer to an earlier attempt is still accepted.
 * - A datagram that does not decode, comes from another address/port, is not a
 *   response, carries a transaction id we did not send or echoes another question
 *   is ignored and we keep waiting: that is what makes blind spoofing hard. Each
 *   ignored datagram is recorded (`dns.ignored`, with the reason; the first few
 *   per query) so the trace shows what arrived.
 * - Name servers of a zone are tried in the order the referral lists them (glued
 *   A addresses first, then AAAA); only glue inside the referring server's zone is
 *   trusted (bailiwick rule), and only answer records inside the answering server's
 *   zone are used — an out-of-zone CNAME target is resolved again from the root.
 * - SERVFAIL, REFUSED and any other failure rcode move on to the next server of the
 *   zone; when a zone runs out of servers, a failure rcode wins over timeouts
 *   (ERR_DNS_SERVER_FAILED), then socket errors (ERR_NAME_RESOLUTION_FAILED), then
 *   timeouts (ERR_DNS_TIMED_OUT).
 * - Disallowed name-server addresses are skipped; a referral whose addresses are
 *   all disallowed fails with ERR_NAME_RESOLUTION_FAILED naming them, before any
 *   packet is sent there. Root hints keep their own port; referred servers use
 *   portFor(address).
 * - maxReferrals counts referrals within one walk from the root.
 * - resolve() after close() fails with ERR_ABORTED, as do walks in flight.
 */
import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Answer, DecodedPacket, RecordType } from 'dns-packet';
import type { DnsServerRef, TraceEventBody } from '../../shared/trace/traceEvent.js';
import { NetError } from '../../shared/net/netError.js';
import {
  addressData,
  whyNotAnswer,
  decodePacket,
  describeServer,
  encodeQuery,
  findReferral,
  inZone,
  isValidQueryName,
  nameData,
  normalizeName,
  rcodeOf,
  roleForZone,
  sameName,
  summarizeRecord,
  ttlOf,
} from './dnsWire.js';
import type { Referral } from './dnsWire.js';
import { errorMessage } from '../../shared/base/errors.js';

export interface RecursiveResolverOptions {
  /** The root servers to start from (role 'root', zone '.'). */
  rootHints: DnsServerRef[];
  /** Which UDP port a name server listens on (lab: one port; live: 53). */
  portFor(address: string): number;
  /** E.g. loopback-only in lab mode; a referral to a disallowed address is an error, never a packet. */
  allowAddress(address: string): boolean;
  /** Per attempt, default 1500. */
  timeoutMs?: number;
  /** Per server, default 2 (one retry). */
  attempts?: number;
  /** Referrals per walk from the root, default 16 (guards referral loops). */
  maxReferrals?: number;
}

export interface ResolveResult {
  addresses: string[];
  /** The smallest TTL along the CNAME chain and the address records. */
  ttl: number;
  /** The name the addresses belong to (the end of the CNAME chain). */
  canonicalName: string;
}

const MAX_CNAMES = 8;
/** Ignored datagrams recorded per query (a flood is not copied into the trace). */
const MAX_IGNORED_RECORDED = 8;
/** How deep glueless referrals may nest (resolving a name server's name needs another name server's name …). */
const MAX_GLUELESS_DEPTH = 4;

interface ResolveContext {
  host: string;
  prefix: string;
  queries: number;
  /** Name-server names being resolved for glueless referrals (cycle guard). */
  nsLookups: Set<string>;
}

type ExchangeOutcome =
  { kind: 'response'; packet: DecodedPacket } | { kind: 'timeout' } | { kind: 'error'; message: string };

interface ZoneAnswer {
  server: DnsServerRef;
  packet: DecodedPacket;
}

function isLoopback(address: string): boolean {
  return isIP(address) === 4 ? address.startsWith('127.') : address === '::1';
}

function toNetError(error: unknown): NetError {
  if (error instanceof NetError) return error;
  const message = errorMessage(error);
  return new NetError('ERR_NAME_RESOLUTION_FAILED', `internal resolver error: ${message}`);
}

export class RecursiveResolver {
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly maxReferrals: number;
  /** Aborts every exchange in flight (close()). */
  private readonly inFlight = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly options: RecursiveResolverOptions,
    private readonly record: (body: TraceEventBody) => void,
  ) {
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 1500);
    this.attempts = Math.max(1, Math.floor(options.attempts ?? 2));
    this.maxReferrals = Math.max(1, Math.floor(options.maxReferrals ?? 16));
  }

  async resolve(host: string, family: 'A' | 'AAAA', queryIdPrefix: string): Promise<ResolveResult> {
    try {
      if (this.closed) throw new NetError('ERR_ABORTED', 'the recursive resolver is closed');
      const name = normalizeName(String(host));
      if (!isValidQueryName(name))
        throw new NetError('ERR_NAME_NOT_RESOLVED', `${JSON.stringify(host)} is not a valid host name`);
      if (family !== 'A' && family !== 'AAAA')
        throw new NetError('ERR_INVALID_ARGUMENT', `unsupported address family ${String(family)}`);
      const ctx: ResolveContext = { host: name, prefix: queryIdPrefix, queries: 0, nsLookups: new Set() };
      return await this.resolveName(ctx, name, family, 0);
    } catch (error) {
      throw toNetError(error);
    }
  }

  close(): void {
    this.closed = true;
    for (const abort of [...this.inFlight]) abort();
    this.inFlight.clear();
  }

  /** Walks from the root for `name`, following CNAMEs (restarting at the root for out-of-zone targets). */
  private async resolveName(
    ctx: ResolveContext,
    name: string,
    family: 'A' | 'AAAA',
    depth: number,
  ): Promise<ResolveResult> {
    const seen = new Set<string>([name]);
    let cnames = 0;
    let ttl = Number.POSITIVE_INFINITY;
    let current = name;
    for (;;) {
      const { server, packet } = await this.walk(ctx, current, family, depth);
      const answers = packet.answers ?? [];
      let owner = current;
      for (;;) {
        const inBailiwick = inZone(owner, server.zone);
        const addresses = answers.filter((r) => r.type === family && sameName(r.name, owner) && inBailiwick);
        if (addresses.length > 0) {
          for (const r of addresses) ttl = Math.min(ttl, ttlOf(r));
          const unique = [...new Set(addresses.map(addressData))].filter(
            (a): a is string => a !== null && isIP(a) !== 0,
          );
          if (unique.length === 0)
            throw new NetError(
              'ERR_DNS_MALFORMED_RESPONSE',
              `${owner}: ${describeServer(server)} sent unusable ${family} records`,
            );
          return { addresses: unique, ttl, canonicalName: owner };
        }
        const cname = answers.find((r) => r.type === 'CNAME' && sameName(r.name, owner) && inBailiwick);
        if (cname === undefined) break;
        const target = nameData(cname);
        if (target === null || !isValidQueryName(target)) {
          throw new NetError(
            'ERR_DNS_MALFORMED_RESPONSE',
            `${owner}: ${describeServer(server)} sent an invalid CNAME target`,
          );
        }
        cnames += 1;
        if (cnames > MAX_CNAMES)
          throw new NetError('ERR_NAME_RESOLUTION_FAILED', `${ctx.host}: CNAME chain longer than ${MAX_CNAMES}`);
        if (seen.has(target)) throw new NetError('ERR_NAME_RESOLUTION_FAILED', `${ctx.host}: CNAME loop at ${target}`);
        seen.add(target);
        ttl = Math.min(ttl, ttlOf(cname));
        owner = target;
      }
      if (owner === current) {
        throw new NetError(
          'ERR_NAME_NOT_RESOLVED',
          `${this.label(ctx, current)}: ${describeServer(server)} answered without ${family} records`,
        );
      }
      // The answer ended in a CNAME whose target this server does not serve: start again at the root.
      current = owner;
    }
  }

  /** One walk root → … → the server that answers (or fails) for `qname`. */
  private async walk(ctx: ResolveContext, qname: string, type: RecordType, depth: number): Promise<ZoneAnswer> {
    let servers = this.allowed(
      this.options.rootHints.map((hint) => ({ ...hint, zone: '.', role: 'root' as const })),
      ctx,
      '.',
    );
    let zone = '.';
    for (let referrals = 0; ; referrals += 1) {
      const { server, packet } = await this.queryZone(ctx, servers, zone, qname, type);
      const rcode = rcodeOf(packet);
      if (rcode === 'NXDOMAIN') {
        throw new NetError(
          'ERR_NAME_NOT_RESOLVED',
          `${this.label(ctx, qname)}: ${describeServer(server)} answered NXDOMAIN`,
        );
      }
      const answers = packet.answers ?? [];
      if (answers.some((r) => sameName(r.name, qname) && (r.type === type || r.type === 'CNAME')))
        return { server, packet };
      const referral = findReferral(packet, qname, zone);
      if (referral === 'lame') {
        throw new NetError(
          'ERR_NAME_RESOLUTION_FAILED',
          `${this.label(ctx, qname)}: ${describeServer(server)} sent a referral that does not lead to ${qname} (lame delegation)`,
        );
      }
      if (referral === null) {
        throw new NetError(
          'ERR_NAME_NOT_RESOLVED',
          `${this.label(ctx, qname)}: ${describeServer(server)} answered ${rcode} with no ${type} records (NODATA)`,
        );
      }
      if (referrals + 1 > this.maxReferrals) {
        throw new NetError(
          'ERR_NAME_RESOLUTION_FAILED',
          `${this.label(ctx, qname)}: referral loop (more than ${this.maxReferrals} referrals; the last one to ${referral.zone})`,
        );
      }
      servers = await this.referralServers(ctx, packet, referral, zone, depth);
      zone = referral.zone;
    }
  }

  /** The name servers a referral points to: glued ones, or else the first glueless name we can resolve. */
  private async referralServers(
    ctx: ResolveContext,
    packet: DecodedPacket,
    referral: Referral,
    parentZone: string,
    depth: number,
  ): Promise<DnsServerRef[]> {
    const role = roleForZone(referral.zone);
    const glue = (packet.additionals ?? []).filter(
      (r): r is Answer & { data: string } => (r.type === 'A' || r.type === 'AAAA') && typeof r.data === 'string',
    );
    const candidates: DnsServerRef[] = [];
    for (const family of ['A', 'AAAA']) {
      for (const ns of referral.nsNames) {
        if (!inZone(ns, parentZone)) continue; // out-of-bailiwick glue is not trusted
        for (const r of glue) {
          if (r.type !== family || !sameName(r.name, ns) || isIP(r.data) === 0) continue;
          if (candidates.some((c) => c.address === r.data)) continue;
          candidates.push({ address: r.data, port: this.options.portFor(r.data), name: ns, zone: referral.zone, role });
        }
      }
    }
    if (candidates.length > 0) return this.allowed(candidates, ctx, referral.zone);

    // Glueless referral: find a name server's address with a walk of its own.
    if (depth >= MAX_GLUELESS_DEPTH) {
      throw new NetError(
        'ERR_NAME_RESOLUTION_FAILED',
        `${ctx.host}: glueless referrals nested too deeply at ${referral.zone}`,
      );
    }
    let lastError: NetError | null = null;
    for (const ns of referral.nsNames) {
      if (ctx.nsLookups.has(ns)) continue;
      ctx.nsLookups.add(ns);
      try {
        const result = await this.resolveName(ctx, ns, 'A', depth + 1);
        const servers = result.addresses.map((address) => ({
          address,
          port: this.options.portFor(address),
          name: ns,
          zone: referral.zone,
          role,
        }));
        return this.allowed(servers, ctx, referral.zone);
      } catch (error) {
        const netError = toNetError(error);
        if (netError.netErrorName === 'ERR_ABORTED') throw netError;
        lastError = netError;
      } finally {
        ctx.nsLookups.delete(ns);
      }
    }
    throw new NetError(
      'ERR_NAME_RESOLUTION_FAILED',
      `${ctx.host}: found no address for any name server of ${referral.zone} (glueless referral to ${referral.nsNames.join(', ')}): ${lastError?.message ?? 'name server lookup cycle'}`,
    );
  }

  /** Keeps the allowed servers; none allowed is an error naming the refused addresses. */
  private allowed(servers: DnsServerRef[], ctx: ResolveContext, zone: string): DnsServerRef[] {
    const ok = servers.filter((s) => this.options.allowAddress(s.address));
    if (ok.length > 0) return ok;
    const refused = servers.map(describeServer).join(', ');
    throw new NetError(
      'ERR_NAME_RESOLUTION_FAILED',
      `${ctx.host}: name servers for ${zone} are at disallowed addresses: ${refused || '(none given)'}`,
    );
  }

  /** Asks the servers of one zone in turn until one answers NOERROR or NXDOMAIN. */
  private async queryZone(
    ctx: ResolveContext,
    servers: DnsServerRef[],
    zone: string,
    qname: string,
    type: RecordType,
  ): Promise<ZoneAnswer> {
    let failure: { server: DnsServerRef; rcode: string } | null = null;
    let socketError: string | null = null;
    for (const server of servers) {
      const outcome = await this.exchange(ctx, server, qname, type);
      if (outcome.kind === 'timeout') continue;
      if (outcome.kind === 'error') {
        socketError = `${describeServer(server)}: ${outcome.message}`;
        continue;
      }
      const { packet } = outcome;
      if (packet.flag_tc) {
        throw new NetError(
          'ERR_DNS_MALFORMED_RESPONSE',
          `${this.label(ctx, qname)}: ${describeServer(server)} sent a truncated (TC) answer; DNS over TCP is not implemented`,
        );
      }
      const rcode = rcodeOf(packet);
      if (rcode === 'NOERROR' || rcode === 'NXDOMAIN') return { server, packet };
      failure = { server, rcode };
    }
    const zoneText = zone === '.' ? 'the root zone' : `zone ${zone}`;
    if (failure !== null) {
      throw new NetError(
        'ERR_DNS_SERVER_FAILED',
        `${this.label(ctx, qname)}: ${describeServer(failure.server)} answered ${failure.rcode} (no other server of ${zoneText} answered)`,
      );
    }
    if (socketError !== null) {
      throw new NetError(
        'ERR_NAME_RESOLUTION_FAILED',
        `${this.label(ctx, qname)}: could not query ${zoneText}: ${socketError}`,
      );
    }
    throw new NetError(
      'ERR_DNS_TIMED_OUT',
      `${this.label(ctx, qname)}: no answer from ${servers.map(describeServer).join(', ')} for ${zoneText} (${this.attempts} attempt${this.attempts === 1 ? '' : 's'} of ${this.timeoutMs} ms each)`,
    );
  }

  /** One question to one server over its own UDP socket, with retries. Settles with the first matching answer. */
  private exchange(
    ctx: ResolveContext,
    server: DnsServerRef,
    qname: string,
    type: RecordType,
  ): Promise<ExchangeOutcome> {
    if (this.closed) return Promise.reject(new NetError('ERR_ABORTED', 'the recursive resolver is closed'));
    ctx.queries += 1;
    const queryId = `${ctx.prefix}.q${ctx.queries}`;
    const v6 = isIP(server.address) === 6;
    if (isIP(server.address) === 0) {
      return Promise.resolve({ kind: 'error', message: `${JSON.stringify(server.address)} is not an IP address` });
    }
    if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535) {
      return Promise.resolve({ kind: 'error', message: `invalid port ${String(server.port)}` });
    }
    const socket = dgram.createSocket(v6 ? 'udp6' : 'udp4');

    return new Promise<ExchangeOutcome>((resolve, reject) => {
      const ids = new Set<number>();
      let attempt = 0;
      let sentAt = 0;
      let ignored = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;

      const settle = (finish: () => void): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        this.inFlight.delete(abort);
        socket.removeAllListeners('message');
        try {
          socket.close();
        } catch {
          // already closed
        }
        finish();
      };
      const fail = (error: unknown): void => settle(() => reject(toNetError(error)));
      const abort = (): void => fail(new NetError('ERR_ABORTED', 'the recursive resolver was closed'));
      this.inFlight.add(abort);

      const sendAttempt = (): void => {
        attempt += 1;
        let id = randomInt(0, 0x10000);
        while (ids.has(id)) id = randomInt(0, 0x10000);
        ids.add(id);
        const bytes = encodeQuery(id, qname, type);
        this.record({
          type: 'dns.query',
          queryId,
          host: ctx.host,
          server,
          question: { name: qname, type },
          transactionId: id,
          size: bytes.length,
          attempt,
        });
        sentAt = performance.now();
        socket.send(bytes, server.port, server.address, (error) => {
          if (error) settle(() => resolve({ kind: 'error', message: error.message }));
        });
        timer = setTimeout(onTimeout, this.timeoutMs);
      };

      const onTimeout = (): void => {
        try {
          timer = undefined;
          this.record({
            type: 'dns.timeout',
            queryId,
            server,
            attempt,
            waitedMs: Math.round(performance.now() - sentAt),
          });
          if (attempt < this.attempts) sendAttempt();
          else settle(() => resolve({ kind: 'timeout' }));
        } catch (error) {
          fail(error);
        }
      };

      socket.on('error', (error) => settle(() => resolve({ kind: 'error', message: error.message })));
      socket.on('message', (message, remote) => {
        try {
          if (settled) return;
          const from = `${remote.address}:${remote.port}`;
          const ignore = (reason: string): void => {
            ignored += 1;
            if (ignored <= MAX_IGNORED_RECORDED)
              this.record({
                type: 'dns.ignored',
                queryId,
                server,
                from,
                size: message.length,
                reason:
                  ignored === MAX_IGNORED_RECORDED
                    ? `${reason} (later ignored datagrams of this query are not recorded)`
                    : reason,
              });
          };
          if (remote.address !== server.address || remote.port !== server.port) {
            ignore(`it came from ${from}, not from the server asked (${server.address}:${server.port})`);
            return;
          }
          const packet = decodePacket(message);
          if (packet === null) {
            ignore('it does not decode as a DNS message');
            return;
          }
          const notAnswer = whyNotAnswer(packet, ids, qname, type);
          if (notAnswer !== null) {
            ignore(notAnswer);
            return;
          }
          this.record({
            type: 'dns.response',
            queryId,
            server,
            rcode: rcodeOf(packet),
            authoritative: packet.flag_aa,
            truncated: packet.flag_tc,
            answers: (packet.answers ?? []).map(summarizeRecord),
            authorities: (packet.authorities ?? []).map(summarizeRecord),
            additionals: (packet.additionals ?? []).map(summarizeRecord),
            size: message.length,
          });
          settle(() => resolve({ kind: 'response', packet }));
        } catch (error) {
          fail(error);
        }
      });

      const start = (): void => {
        try {
          if (!settled) sendAttempt();
        } catch (error) {
          fail(error);
        }
      };
      // Keep lab traffic on loopback: talk to a loopback server from a loopback address.
      if (isLoopback(server.address)) socket.bind({ address: v6 ? '::1' : '127.0.0.1', port: 0 }, start);
      else start();
    });
  }

  private label(ctx: ResolveContext, qname: string): string {
    return qname === ctx.host ? ctx.host : `${ctx.host} (resolving ${qname})`;
  }
}
