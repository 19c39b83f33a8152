import type { Answer } from 'dns-packet';
import type { LabDnsFault, LabRecord, LabRecordType, LabZone } from './labZones.js';

export type LabRcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export const LAB_RCODE_VALUES: Record<LabRcode, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

export interface LabLookupResult {
  rcode: LabRcode;
  /** The AA bit: set for answers from a zone the server is authoritative for, clear for referrals. */
  authoritative: boolean;
  answers: Answer[];
  authorities: Answer[];
  additionals: Answer[];
  /**
   * Set when the zone misbehaves for this name on purpose: `servfail` (the rcode
   * says so too), `referral-loop` (the result is a referral back to this server),
   * or one the server itself acts out (see LabDnsFault).
   */
  fault?: LabDnsFault;
}

/** Longest CNAME chain followed inside a zone. */
const MAX_CNAME_CHAIN = 8;

/** Lower case, no trailing dot; the root is the empty string. */
export function normaliseDnsName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '.' || lower === '') return '';
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True when `name` equals `ancestor` or lies below it (normalised names). */
function isAtOrBelow(name: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  return name === ancestor || name.endsWith(`.${ancestor}`);
}

/** How a normalised name is written into a packet. */
function wireName(name: string): string {
  return name === '' ? '.' : name;
}

interface IndexedZone {
  origin: string;
  zone: LabZone;
  /** Records by normalised owner name. */
  byName: Map<string, LabRecord[]>;
  /** Deliberate faults by normalised name. */
  faults: Map<string, LabDnsFault>;
}

/**
 * What an authoritative (non-recursive) DNS server answers from its zones,
 * following RFC 1034 section 4.3.2: authoritative answers, NODATA, NXDOMAIN,
 * referrals with glue at zone cuts, CNAME chains inside the zone, and REFUSED
 * for names it does not serve. Pure: no sockets.
 */
export class LabAuthority {
  private readonly zones: IndexedZone[];

  constructor(zones: readonly LabZone[]) {
    this.zones = zones.map((zone) => {
      const byName = new Map<string, LabRecord[]>();
      for (const record of zone.records) {
        const key = normaliseDnsName(record.name);
        const list = byName.get(key);
        if (list) list.push(record);
        else byName.set(key, [record]);
      }
      const faults = new Map<string, LabDnsFault>();
      for (const f of zone.faults ?? []) faults.set(normaliseDnsName(f.name), f.fault);
      return { origin: normaliseDnsName(zone.origin), zone, byName, faults };
    });
    // Most specific zone first.
    this.zones.sort((x, y) => labelCount(y.origin) - labelCount(x.origin));
  }

  /** Origins of the zones served, as written in the zone data. */
  origins(): string[] {
    return this.zones.map((z) => z.zone.origin);
  }

  lookup(queryName: string, queryType: string): LabLookupResult {
    const qname = normaliseDnsName(queryName);
    const zone = this.zones.find((z) => isAtOrBelow(qname, z.origin));
    if (!zone) return emptyResult('REFUSED', false);

    const cut = this.findCut(zone, qname, queryType);
    if (cut !== undefined) return this.referral(zone, cut);

    const fault = zone.faults.get(qname);
    if (fault === 'servfail') return { ...emptyResult('SERVFAIL', false), fault };
    if (fault === 'referral-loop') return { ...this.selfReferral(zone, qname), fault };
    if (fault !== undefined) return { ...emptyResult('NOERROR', true), fault };

    const result = emptyResult('NOERROR', true);
    let name = qname;
    let ownerText = queryName === '.' ? '.' : queryName.replace(/\.$/, '');
    for (let step = 0; step <= MAX_CNAME_CHAIN; step++) {
      const records = this.recordsAt(zone, name);
      if (records.length === 0) {
        if (!this.hasDescendants(zone, name)) result.rcode = 'NXDOMAIN';
        result.authorities.push(negativeSoa(zone));
        return result;
      }
      const matching = queryType === 'ANY' ? records : records.filter((r) => r.type === queryType);
      if (matching.length > 0) {
        for (const r of matching) result.answers.push(this.toAnswer(zone, r, ownerText));
        const nsRecords = matching.filter((r): r is LabRecord => r.type === 'NS');
        if (nsRecords.length > 0) this.addGlue(zone, nsRecords, result.additionals);
        return result;
      }
      const alias = records.find((r) => r.type === 'CNAME');
      if (!alias || alias.type !== 'CNAME') {
        result.authorities.push(negativeSoa(zone));
        return result;
      }
      result.answers.push(this.toAnswer(zone, alias, ownerText));
      const target = normaliseDnsName(alias.data);
      // Follow the chain only while it stays in this zone's authoritative data.
      if (!isAtOrBelow(target, zone.origin) || this.findCut(zone, target, queryType) !== undefined) {
        return result;
      }
      name = target;
      ownerText = wireName(target);
    }
    return result;
  }

  /** The closest delegation point at or above `qname` (below the apex), if any. */
  private findCut(zone: IndexedZone, qname: string, queryType: string): string | undefined {
    const labels = qname === '' ? [] : qname.split('.');
    const originLabels = labelCount(zone.origin);
    for (let n = originLabels + 1; n <= labels.length; n++) {
      const candidate = labels.slice(labels.length - n).join('.');
      const hasNs = (zone.byName.get(candidate) ?? []).some((r) => r.type === 'NS');
      if (!hasNs) continue;
      // The parent side of a cut is authoritative for the DS record at the cut.
      if (candidate === qname && queryType === 'DS') return undefined;
      return candidate;
    }
    return undefined;
  }

  private referral(zone: IndexedZone, cut: string): LabLookupResult {
    const result = emptyResult('NOERROR', false);
    const nsRecords = (zone.byName.get(cut) ?? []).filter((r) => r.type === 'NS');
    for (const r of nsRecords) result.authorities.push(this.toAnswer(zone, r, wireName(cut)));
    this.addGlue(zone, nsRecords, result.additionals);
    return result;
  }

  /**
   * A referral for `qname` back to this zone's own name servers (with glue): the
   * resolver asks the same server again, gets the same referral, and so on — a
   * referral loop only its referral limit ends.
   */
  private selfReferral(zone: IndexedZone, qname: string): LabLookupResult {
    const result = emptyResult('NOERROR', false);
    const nsRecords = (zone.byName.get(zone.origin) ?? []).filter((r) => r.type === 'NS');
    for (const r of nsRecords) result.authorities.push(this.toAnswer(zone, { ...r, name: qname }, wireName(qname)));
    this.addGlue(zone, nsRecords, result.additionals);
    return result;
  }

  /** Address records of the given NS targets, from this zone first, then the server's other zones. */
  private addGlue(zone: IndexedZone, nsRecords: LabRecord[], into: Answer[]): void {
    for (const ns of nsRecords) {
      const target = normaliseDnsName(ns.data);
      const sources = [zone, ...this.zones.filter((z) => z !== zone)];
      for (const source of sources) {
        const glue = (source.byName.get(target) ?? []).filter((r) => r.type === 'A' || r.type === 'AAAA');
        if (glue.length === 0) continue;
        for (const r of glue) into.push(this.toAnswer(source, r, wireName(target)));
        break;
      }
    }
  }

  /** Authoritative records owned by `name` (including the SOA at the apex). */
  private recordsAt(zone: IndexedZone, name: string): LabRecordOrSoa[] {
    const records: LabRecordOrSoa[] = [...(zone.byName.get(name) ?? [])];
    if (name === zone.origin) records.unshift({ type: 'SOA' });
    return records;
  }

  /** True for an empty non-terminal: the name owns nothing but names below it exist. */
  private hasDescendants(zone: IndexedZone, name: string): boolean {
    for (const owner of zone.byName.keys()) {
      if (owner !== name && isAtOrBelow(owner, name)) return true;
    }
    return false;
  }

  private toAnswer(zone: IndexedZone, record: LabRecordOrSoa, owner: string): Answer {
    if (record.type === 'SOA') return soaAnswer(zone, zone.zone.soa.ttl);
    return toStringAnswer(record, owner);
  }
}

type LabRecordOrSoa = LabRecord | { type: 'SOA' };

function toStringAnswer(record: LabRecord, owner: string): Answer {
  const type: LabRecordType = record.type;
  if (type === 'TXT') return { name: owner, type: 'TXT', class: 'IN', ttl: record.ttl, data: record.data };
  return { name: owner, type, class: 'IN', ttl: record.ttl, data: record.data };
}

function soaAnswer(zone: IndexedZone, ttl: number): Answer {
  const soa = zone.zone.soa;
  return {
    name: wireName(zone.origin),
    type: 'SOA',
    class: 'IN',
    ttl,
    data: {
      mname: soa.mname,
      rname: soa.rname,
      serial: soa.serial,
      refresh: soa.refresh,
      retry: soa.retry,
      expire: soa.expire,
      minimum: soa.minimum,
    },
  };
}

/** The SOA for a negative answer: its TTL is the negative-caching TTL (RFC 2308). */
function negativeSoa(zone: IndexedZone): Answer {
  return soaAnswer(zone, Math.min(zone.zone.soa.ttl, zone.zone.soa.minimum));
}

function labelCount(name: string): number {
  return name === '' ? 0 : name.split('.').length;
}

function emptyResult(rcode: LabRcode, authoritative: boolean): LabLookupResult {
  return { rcode, authoritative, answers: [], authorities: [], additionals: [] };
}
