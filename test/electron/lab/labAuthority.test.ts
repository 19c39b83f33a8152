import { describe, expect, it } from 'vitest';
import { LabAuthority } from '../../../electron/lab/labAuthority.js';
import { labNameServers, labZones } from '../../../electron/lab/labZones.js';
import type { LabZone } from '../../../electron/lab/labZones.js';

function zones(...origins: string[]): LabZone[] {
  return origins.map((origin) => {
    const zone = labZones.find((z) => z.origin === origin);
    if (!zone) throw new Error(origin);
    return zone;
  });
}

describe('LabAuthority', () => {
  it('the root refers net. names to the gTLD server', () => {
    const result = new LabAuthority(zones('.')).lookup('a.gtld-servers.net', 'A');
    expect(result.rcode).toBe('NOERROR');
    expect(result.authoritative).toBe(false);
    expect(result.authorities).toEqual([expect.objectContaining({ name: 'net', type: 'NS' })]);
  });

  it('the root answers its own NS authoritatively with glue', () => {
    const result = new LabAuthority(zones('.')).lookup('.', 'NS');
    expect(result.authoritative).toBe(true);
    expect(result.answers).toEqual([expect.objectContaining({ name: '.', type: 'NS', data: 'a.root-servers.net' })]);
    expect(result.additionals).toEqual([expect.objectContaining({ name: 'a.root-servers.net', data: '127.53.0.1' })]);
  });

  it('prefers the most specific zone it serves', () => {
    const authority = new LabAuthority(zones('com', 'net'));
    expect(authority.lookup('example.net', 'A').rcode).toBe('NXDOMAIN');
    expect(authority.lookup('example.net', 'A').authorities).toEqual([
      expect.objectContaining({ name: 'net', type: 'SOA' }),
    ]);
    expect(authority.lookup('com', 'SOA').answers).toEqual([expect.objectContaining({ name: 'com', type: 'SOA' })]);
  });

  it('refers deep names below a cut, not only the child apex', () => {
    const result = new LabAuthority(zones('com')).lookup('a.b.c.naver.com', 'AAAA');
    expect(result.authorities).toEqual([expect.objectContaining({ name: 'naver.com', type: 'NS' })]);
  });

  it('answers CNAME queries with the CNAME only', () => {
    const result = new LabAuthority(zones('naver.com')).lookup('m.naver.com', 'CNAME');
    expect(result.answers).toEqual([expect.objectContaining({ type: 'CNAME', data: 'www.naver.com' })]);
  });

  it('answers NODATA for an empty non-terminal', () => {
    const zone: LabZone = {
      origin: 'example.com',
      soa: { mname: 'ns', rname: 'h', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60, ttl: 3600 },
      records: [{ name: 'a.b.example.com', type: 'A', data: '127.0.0.2', ttl: 300 }],
    };
    const result = new LabAuthority([zone]).lookup('b.example.com', 'A');
    expect(result.rcode).toBe('NOERROR');
    expect(result.authorities).toEqual([expect.objectContaining({ type: 'SOA', ttl: 60 })]);
  });

  it('reports the zone faults: SERVFAIL, silence and truncation', () => {
    const authority = new LabAuthority(zones('naver.com'));
    expect(authority.lookup('servfail.naver.com', 'A')).toMatchObject({
      rcode: 'SERVFAIL',
      authoritative: false,
      fault: 'servfail',
      answers: [],
    });
    expect(authority.lookup('silent.naver.com', 'AAAA')).toMatchObject({ fault: 'silent', answers: [] });
    expect(authority.lookup('Truncated.Naver.Com.', 'A')).toMatchObject({
      rcode: 'NOERROR',
      authoritative: true,
      fault: 'truncated',
      answers: [],
    });
    // Only the exact name misbehaves.
    expect(authority.lookup('x.servfail.naver.com', 'A')).toMatchObject({ rcode: 'NXDOMAIN' });
    expect(authority.lookup('x.servfail.naver.com', 'A').fault).toBeUndefined();
  });

  it('gives no glue for an out-of-zone name server it does not know (glueless)', () => {
    const result = new LabAuthority(zones('com', 'net')).lookup('www.glueless-lab.com', 'A');
    expect(result.authoritative).toBe(false);
    expect(result.authorities).toEqual([
      expect.objectContaining({ name: 'glueless-lab.com', type: 'NS', data: 'ns.lab-dns.net' }),
    ]);
    expect(result.additionals).toEqual([]);
  });

  it('every delegation in the lab zones reaches a server that serves the child zone', () => {
    const served = new Set(labNameServers.flatMap((ns) => ns.zones));
    for (const zone of labZones) {
      for (const record of zone.records) {
        if (record.type !== 'NS' || record.name === zone.origin) continue;
        expect(served.has(record.name), record.name).toBe(true);
        const server = labNameServers.find((ns) => ns.name === record.data);
        expect(server?.zones, `${record.name} -> ${record.data}`).toContain(record.name);
      }
    }
  });
});
