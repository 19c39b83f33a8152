/**
 * DNS wire helpers for the RecursiveResolver: encoding queries, decoding answers
 * defensively, and turning records into the presentation text the trace shows.
 * Names are handled lower-case and without the trailing dot ("." is the root).
 */
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, RecordType } from 'dns-packet';
import type { DnsRecordSummary, DnsServerRef } from '../../shared/trace/traceEvent.js';

/** The UDP payload size advertised with EDNS(0), the DNS Flag Day 2020 value. */
export const EDNS_UDP_PAYLOAD_SIZE = 1232;

const RCODE_NAMES = [
  'NOERROR',
  'FORMERR',
  'SERVFAIL',
  'NXDOMAIN',
  'NOTIMP',
  'REFUSED',
  'YXDOMAIN',
  'YXRRSET',
  'NXRRSET',
  'NOTAUTH',
  'NOTZONE',
];

/** At most this many characters of presentation data per record in the trace. */
const MAX_DATA_CHARS = 512;

/** Lower-case, without the trailing dot; the root is ".". */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '.' || lower === '') return '.';
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** A host name we can put in a question: ASCII labels of 1..63 bytes, at most 253 in all. */
export function isValidQueryName(name: string): boolean {
  if (name === '.' || name.length === 0 || name.length > 253) return false;
  if (/[^\x21-\x7e]/.test(name)) return false;
  return name.split('.').every((label) => label.length >= 1 && label.length <= 63);
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** True when `name` is `zone` or below it. */
export function inZone(name: string, zone: string): boolean {
  const n = normalizeName(name);
  const z = normalizeName(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

export function labelCount(zone: string): number {
  const z = normalizeName(zone);
  return z === '.' ? 0 : z.split('.').length;
}

export function roleForZone(zone: string): DnsServerRef['role'] {
  const labels = labelCount(zone);
  if (labels === 0) return 'root';
  if (labels === 1) return 'tld';
  return 'authoritative';
}

export function describeServer(server: DnsServerRef): string {
  return `${server.name} (${server.address})`;
}

/** A query as a recursive resolver sends it: no RD flag, EDNS(0) with a 1232-byte payload. */
export function encodeQuery(id: number, name: string, type: RecordType): Uint8Array {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: 0,
    questions: [{ name, type, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_UDP_PAYLOAD_SIZE,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
    ],
  });
}

/** Decodes a datagram; null for anything dns-packet cannot make sense of. */
export function decodePacket(bytes: Buffer): DecodedPacket | null {
  try {
    const packet = dnsPacket.decode(bytes);
    if (
      !Array.isArray(packet.questions) ||
      !Array.isArray(packet.answers) ||
      !Array.isArray(packet.authorities) ||
      !Array.isArray(packet.additionals)
    ) {
      return null;
    }
    const records = [...packet.answers, ...packet.authorities, ...packet.additionals];
    if (
      records.some(
        (r) => typeof r !== 'object' || r === null || typeof r.name !== 'string' || typeof r.type !== 'string',
      )
    )
      return null;
    if (packet.questions.some((q) => typeof q !== 'object' || q === null || typeof q.name !== 'string')) return null;
    return packet;
  } catch {
    return null;
  }
}

/** The header RCODE as text (NOERROR, NXDOMAIN, SERVFAIL, …). */
export function rcodeOf(packet: DecodedPacket): string {
  const code = (packet.flags ?? 0) & 0xf;
  return RCODE_NAMES[code] ?? `RCODE_${code}`;
}

/**
 * Why a decoded datagram is not the answer to our question, or null when it is: it
 * must be a response, with one of the transaction ids we sent, echoing the question
 * we asked (name case-insensitively).
 */
export function whyNotAnswer(
  packet: DecodedPacket,
  ids: ReadonlySet<number>,
  name: string,
  type: RecordType,
): string | null {
  if (!packet.flag_qr) return 'it is a query, not a response';
  if (packet.id === undefined || !ids.has(packet.id))
    return `transaction id ${packet.id ?? '?'} was never sent (a forged or stray answer)`;
  const questions = packet.questions ?? [];
  const q = questions[0];
  const same =
    questions.length === 1 &&
    q !== undefined &&
    sameName(q.name, name) &&
    q.type === type &&
    (q.class === undefined || q.class === 'IN');
  return same ? null : `it answers another question than ${name} ${type}`;
}

/** Whether a decoded datagram answers our question (see whyNotAnswer). */
export function answersQuery(packet: DecodedPacket, ids: ReadonlySet<number>, name: string, type: RecordType): boolean {
  return whyNotAnswer(packet, ids, name, type) === null;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function txt(data: unknown): string {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => JSON.stringify(p instanceof Uint8Array ? new TextDecoder().decode(p) : String(p))).join(' ');
}

function presentationData(record: Answer): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'DNAME':
    case 'NS':
    case 'PTR':
      return String(record.data);
    case 'SOA': {
      const d = record.data;
      return [d.mname, d.rname, d.serial, d.refresh, d.retry, d.expire, d.minimum].map((v) => String(v ?? 0)).join(' ');
    }
    case 'MX':
      return `${record.data.preference ?? 0} ${record.data.exchange}`;
    case 'SRV':
      return `${record.data.priority ?? 0} ${record.data.weight ?? 0} ${record.data.port} ${record.data.target}`;
    case 'TXT':
      return txt(record.data);
    case 'CAA':
      return `${record.data.flags ?? 0} ${record.data.tag} ${JSON.stringify(record.data.value)}`;
    case 'DS':
      return `${record.data.keyTag} ${record.data.algorithm} ${record.data.digestType} ${hex(record.data.digest)}`;
    case 'DNSKEY':
      return `${record.data.flags} 3 ${record.data.algorithm} (${record.data.key.length}-byte key)`;
    case 'RRSIG':
      return `${record.data.typeCovered} ${record.data.algorithm} ${record.data.labels} ${record.data.originalTTL} ${record.data.expiration} ${record.data.inception} ${record.data.keyTag} ${record.data.signersName}`;
    case 'NSEC':
      return `${record.data.nextDomain} ${record.data.rrtypes.join(' ')}`;
    case 'OPT':
      return `EDNS${record.ednsVersion} udp=${record.udpPayloadSize}${record.flag_do ? ' do' : ''}`;
    default: {
      const data: unknown = (record as { data?: unknown }).data;
      if (data instanceof Uint8Array) return `\\# ${data.length} ${hex(data)}`;
      if (typeof data === 'string') return data;
      try {
        return JSON.stringify(data, (_key, value: unknown) => (value instanceof Uint8Array ? hex(value) : value)) ?? '';
      } catch {
        return '';
      }
    }
  }
}

/** One record as the trace shows it: owner name, type, TTL and presentation text. */
export function summarizeRecord(record: Answer): DnsRecordSummary {
  let data: string;
  try {
    data = presentationData(record);
  } catch {
    data = '';
  }
  if (data.length > MAX_DATA_CHARS) data = `${data.slice(0, MAX_DATA_CHARS)}…`;
  const ttl = 'ttl' in record && typeof record.ttl === 'number' ? record.ttl : 0;
  return { name: normalizeName(record.name), type: record.type, ttl, data };
}

/** A string-valued record's data, normalized as a name (CNAME target, NS host). */
export function nameData(record: Answer): string | null {
  const data: unknown = (record as { data?: unknown }).data;
  return typeof data === 'string' ? normalizeName(data) : null;
}

/** An A/AAAA record's address, or null when it is not one. */
export function addressData(record: Answer): string | null {
  const data: unknown = (record as { data?: unknown }).data;
  return (record.type === 'A' || record.type === 'AAAA') && typeof data === 'string' ? data : null;
}

export function ttlOf(record: Answer): number {
  return 'ttl' in record && typeof record.ttl === 'number' ? record.ttl : 0;
}

export interface Referral {
  /** The delegated zone, lower-case without the trailing dot. */
  zone: string;
  /** Its name servers' host names, in the order the referral listed them. */
  nsNames: string[];
}

/**
 * Reads a referral out of a NOERROR answer without answers: NS records in the
 * authority section for a zone that contains `qname` and lies within the zone of
 * the server that answered (downward or, for loops, sideways). An authoritative
 * answer listing its own zone's NS is NODATA, not a referral.
 * Returns `lame` when NS records were present but none was usable.
 */
export function findReferral(packet: DecodedPacket, qname: string, serverZone: string): Referral | 'lame' | null {
  const ns = (packet.authorities ?? []).filter((r) => r.type === 'NS');
  if (ns.length === 0) return null;
  let best: string | null = null;
  for (const record of ns) {
    const owner = normalizeName(record.name);
    if (!inZone(qname, owner) || !inZone(owner, serverZone)) continue;
    if (packet.flag_aa && owner === normalizeName(serverZone)) continue;
    if (best === null || labelCount(owner) > labelCount(best)) best = owner;
  }
  if (best === null) return packet.flag_aa ? null : 'lame';
  const zone = best;
  const nsNames: string[] = [];
  for (const record of ns) {
    if (normalizeName(record.name) !== zone) continue;
    const host = nameData(record);
    if (host !== null && isValidQueryName(host) && !nsNames.includes(host)) nsNames.push(host);
  }
  return nsNames.length > 0 ? { zone, nsNames } : 'lame';
}
