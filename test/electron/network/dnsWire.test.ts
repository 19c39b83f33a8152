import { describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import type { Answer } from 'dns-packet';
import {
  answersQuery,
  decodePacket,
  encodeQuery,
  findReferral,
  inZone,
  rcodeOf,
  roleForZone,
  summarizeRecord,
} from '../../../electron/network/dnsWire.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const referral = dnsPacket.encode({
  type: 'response',
  id: 4242,
  flags: 0,
  questions: [{ type: 'A', name: 'www.example.com', class: 'IN' }],
  authorities: [
    { type: 'NS', name: 'example.com', ttl: 172800, data: 'ns1.example.com' },
    { type: 'NS', name: 'example.com', ttl: 172800, data: 'ns2.example.com' },
  ],
  additionals: [
    { type: 'A', name: 'ns1.example.com', ttl: 172800, data: '192.0.2.1' },
    { type: 'AAAA', name: 'ns1.example.com', ttl: 172800, data: '2001:db8::1' },
  ],
});

describe('dnsWire', () => {
  it('encodes an iterative query: no RD, EDNS(0)', () => {
    const decoded = dnsPacket.decode(Buffer.from(encodeQuery(7, 'www.example.com', 'A')));
    expect(decoded.id).toBe(7);
    expect(decoded.flag_rd).toBe(false);
    expect(decoded.flag_qr).toBe(false);
    expect(decoded.questions).toEqual([{ name: 'www.example.com', type: 'A', class: 'IN' }]);
    expect(decoded.additionals?.[0]?.type).toBe('OPT');
  });

  it('reads a referral', () => {
    const packet = decodePacket(referral);
    expect(packet).not.toBeNull();
    if (packet === null) return;
    expect(rcodeOf(packet)).toBe('NOERROR');
    expect(answersQuery(packet, new Set([4242]), 'WWW.example.com.', 'A')).toBe(true);
    expect(answersQuery(packet, new Set([4243]), 'www.example.com', 'A')).toBe(false);
    expect(answersQuery(packet, new Set([4242]), 'www.example.com', 'AAAA')).toBe(false);
    expect(findReferral(packet, 'www.example.com', 'com')).toEqual({
      zone: 'example.com',
      nsNames: ['ns1.example.com', 'ns2.example.com'],
    });
    // From a server of another zone the same NS records lead nowhere.
    expect(findReferral(packet, 'www.example.com', 'org')).toBe('lame');
    expect(packet.additionals?.map(summarizeRecord)).toEqual([
      { name: 'ns1.example.com', type: 'A', ttl: 172800, data: '192.0.2.1' },
      { name: 'ns1.example.com', type: 'AAAA', ttl: 172800, data: '2001:db8::1' },
    ]);
  });

  it('summarises records as presentation text', () => {
    const records: Answer[] = [
      { type: 'MX', name: 'example.com', ttl: 1, data: { preference: 10, exchange: 'mail.example.com' } },
      { type: 'TXT', name: 'example.com', ttl: 1, data: ['v=spf1 -all', Buffer.from('second')] },
      {
        type: 'SRV',
        name: '_x._tcp.example.com',
        ttl: 1,
        data: { priority: 1, weight: 2, port: 443, target: 'x.example.com' },
      },
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
      { type: 'NULL', name: 'example.com', ttl: 1, data: Buffer.from([1, 2, 255]) },
    ];
    expect(records.map((r) => summarizeRecord(r).data)).toEqual([
      '10 mail.example.com',
      '"v=spf1 -all" "second"',
      '1 2 443 x.example.com',
      'EDNS0 udp=1232',
      '\\# 3 0102ff',
    ]);
  });

  it('knows zones and roles', () => {
    expect(inZone('www.example.com', '.')).toBe(true);
    expect(inZone('www.example.com', 'example.com.')).toBe(true);
    expect(inZone('wwwexample.com', 'example.com')).toBe(false);
    expect([roleForZone('.'), roleForZone('com'), roleForZone('example.com'), roleForZone('co.uk')]).toEqual([
      'root',
      'tld',
      'authoritative',
      'authoritative',
    ]);
  });

  it('never throws on mutated or random datagrams', () => {
    const rand = random(1);
    for (let round = 0; round < 3000; round++) {
      let bytes: Buffer;
      if (round % 3 === 0) {
        bytes = Buffer.from(Array.from({ length: Math.floor(rand() * 80) }, () => Math.floor(rand() * 256)));
      } else {
        bytes = Buffer.from(referral);
        const flips = 1 + Math.floor(rand() * 6);
        for (let i = 0; i < flips; i++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        if (round % 3 === 2) bytes = bytes.subarray(0, Math.floor(rand() * bytes.length));
      }
      const packet = decodePacket(bytes);
      if (packet === null) continue;
      expect(() => {
        rcodeOf(packet);
        answersQuery(packet, new Set([4242]), 'www.example.com', 'A');
        findReferral(packet, 'www.example.com', 'com');
        for (const r of [...(packet.answers ?? []), ...(packet.authorities ?? []), ...(packet.additionals ?? [])])
          summarizeRecord(r);
      }).not.toThrow();
    }
  });
});
