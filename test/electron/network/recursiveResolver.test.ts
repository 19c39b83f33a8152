import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from 'dns-packet';
import { RecursiveResolver } from '../../../electron/network/recursiveResolver.js';
import type { RecursiveResolverOptions } from '../../../electron/network/recursiveResolver.js';
import { NetError } from '../../../shared/net/netError.js';
import type { DnsServerRef, TraceEventBody } from '../../../shared/trace/traceEvent.js';
import { AA, TC, RCODE, authoritative, replyTo, startNameServers } from './fakeNameServer.js';
import type { FakeNameServer } from './fakeNameServer.js';

// The fake internet: every name server on its own 127.53.77.x address, one shared port.
const IP = {
  root: '127.53.77.1',
  com: '127.53.77.2',
  example: '127.53.77.3',
  net: '127.53.77.4',
  exampleNet: '127.53.77.5',
  dnshost: '127.53.77.6',
  glueless: '127.53.77.7',
  silent: '127.53.77.8',
  spoof: '127.53.77.9',
  onlySpoof: '127.53.77.10',
  loopA: '127.53.77.11',
  loopB: '127.53.77.12',
  servfail: '127.53.77.13',
  partialGood: '127.53.77.14',
  truncating: '127.53.77.15',
} as const;

const a = (name: string, data: string, ttl = 3600): Answer => ({ type: 'A', name, ttl, data });
const aaaa = (name: string, data: string, ttl = 3600): Answer => ({ type: 'AAAA', name, ttl, data });
const ns = (name: string, data: string, ttl = 172800): Answer => ({ type: 'NS', name, ttl, data });
const cname = (name: string, data: string, ttl = 3600): Answer => ({ type: 'CNAME', name, ttl, data });

const rootZone = authoritative('.', [
  ns('com', 'a.gtld-servers.net'),
  a('a.gtld-servers.net', IP.com),
  ns('net', 'b.gtld-servers.net'),
  a('b.gtld-servers.net', IP.net),
]);

const comZone = authoritative('com', [
  ns('example.com', 'ns1.example.com'),
  a('ns1.example.com', IP.example),
  // Glueless: the name server lives under .net, so .com cannot give its address.
  ns('glueless.com', 'ns.dnshost.net'),
  ns('silent.com', 'ns.silent.com'),
  a('ns.silent.com', IP.silent),
  ns('spoof.com', 'ns.spoof.com'),
  a('ns.spoof.com', IP.spoof),
  ns('onlyspoof.com', 'ns.onlyspoof.com'),
  a('ns.onlyspoof.com', IP.onlySpoof),
  ns('loop.com', 'ns-a.loop.com'),
  a('ns-a.loop.com', IP.loopA),
  ns('blocked.com', 'ns.blocked.com'),
  a('ns.blocked.com', '192.0.2.53'),
  ns('partial.com', 'ns1.partial.com'),
  ns('partial.com', 'ns2.partial.com'),
  a('ns1.partial.com', IP.servfail),
  a('ns2.partial.com', IP.partialGood),
  ns('allfail.com', 'ns1.allfail.com'),
  a('ns1.allfail.com', IP.servfail),
  ns('truncated.com', 'ns.truncated.com'),
  a('ns.truncated.com', IP.truncating),
]);

const exampleZone = authoritative('example.com', [
  a('www.example.com', '93.184.215.14', 300),
  aaaa('www.example.com', '2606:2800:21f:cb07::1', 300),
  a('www.example.com', '93.184.215.15', 600),
  cname('alias.example.com', 'www.example.com', 120),
  cname('cdn.example.com', 'edge.example.net', 900),
  cname('loop1.example.com', 'loop2.example.com'),
  cname('loop2.example.com', 'loop1.example.com'),
  { type: 'TXT', name: 'text.example.com', ttl: 60, data: 'only text here' },
]);

const netZone = authoritative('net', [
  ns('example.net', 'ns.example.net'),
  a('ns.example.net', IP.exampleNet),
  ns('dnshost.net', 'ns1.dnshost.net'),
  a('ns1.dnshost.net', IP.dnshost),
]);

const exampleNetZone = authoritative('example.net', [a('edge.example.net', '198.51.100.7', 60)]);
const dnshostZone = authoritative('dnshost.net', [a('ns.dnshost.net', IP.glueless)]);
const gluelessZone = authoritative('glueless.com', [a('www.glueless.com', '203.0.113.5')]);
const spoofZone = authoritative('spoof.com', [a('www.spoof.com', '203.0.113.80')]);

let port = 0;
let servers: Map<string, FakeNameServer>;
let closeServers: () => Promise<void>;

function server(address: string): FakeNameServer {
  const s = servers.get(address);
  if (s === undefined) throw new Error(`no fake server at ${address}`);
  return s;
}

beforeAll(async () => {
  const started = await startNameServers([
    { address: IP.root, behaviour: rootZone },
    { address: IP.com, behaviour: comZone },
    { address: IP.example, behaviour: exampleZone },
    { address: IP.net, behaviour: netZone },
    { address: IP.exampleNet, behaviour: exampleNetZone },
    { address: IP.dnshost, behaviour: dnshostZone },
    { address: IP.glueless, behaviour: gluelessZone },
    { address: IP.silent, behaviour: () => [] },
    {
      address: IP.spoof,
      behaviour: (query) => {
        const good = spoofZone(query);
        const forged = replyTo(query, AA, { answers: [a('www.spoof.com', '6.6.6.6')] });
        return [
          Uint8Array.from([0xde, 0xad, 0xbe, 0xef]), // undecodable
          { ...forged, id: ((query.id ?? 0) + 1) & 0xffff }, // wrong transaction id
          { ...forged, questions: [{ type: 'A', name: 'evil.spoof.com', class: 'IN' }] }, // wrong question
          { ...forged, type: 'query' }, // not a response
          ...good,
        ];
      },
    },
    {
      address: IP.onlySpoof,
      behaviour: (query) => [
        new Uint8Array(0),
        Uint8Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff),
        {
          ...replyTo(query, AA, { answers: [a('www.onlyspoof.com', '6.6.6.6')] }),
          id: ((query.id ?? 0) ^ 0x5a5a) & 0xffff,
        },
      ],
    },
    // Each loop server claims the other one serves loop.com.
    {
      address: IP.loopA,
      behaviour: (query) => [
        replyTo(query, 0, {
          authorities: [ns('loop.com', 'ns-b.loop.com')],
          additionals: [a('ns-b.loop.com', IP.loopB)],
        }),
      ],
    },
    {
      address: IP.loopB,
      behaviour: (query) => [
        replyTo(query, 0, {
          authorities: [ns('loop.com', 'ns-a.loop.com')],
          additionals: [a('ns-a.loop.com', IP.loopA)],
        }),
      ],
    },
    { address: IP.servfail, behaviour: (query) => [replyTo(query, RCODE.SERVFAIL)] },
    { address: IP.partialGood, behaviour: authoritative('partial.com', [a('www.partial.com', '203.0.113.44')]) },
    { address: IP.truncating, behaviour: (query) => [replyTo(query, AA | TC)] },
  ]);
  port = started.port;
  servers = started.servers;
  closeServers = started.close;
});

afterAll(async () => {
  await closeServers();
});

const rootHint: () => DnsServerRef = () => ({
  address: IP.root,
  port,
  name: 'a.root-servers.net',
  zone: '.',
  role: 'root',
});

let resolver: RecursiveResolver | null = null;
let records: TraceEventBody[] = [];

function makeResolver(overrides: Partial<RecursiveResolverOptions> = {}): RecursiveResolver {
  records = [];
  resolver = new RecursiveResolver(
    {
      rootHints: [rootHint()],
      portFor: () => port,
      allowAddress: (address) => address.startsWith('127.'),
      timeoutMs: 1500,
      ...overrides,
    },
    (body) => records.push(body),
  );
  return resolver;
}

beforeEach(() => {
  for (const s of servers.values()) s.received.length = 0;
});

afterEach(() => {
  resolver?.close();
  resolver = null;
});

type Rec<T extends TraceEventBody['type']> = Extract<TraceEventBody, { type: T }>;
const queries = (): Rec<'dns.query'>[] => records.filter((r): r is Rec<'dns.query'> => r.type === 'dns.query');
const responses = (): Rec<'dns.response'>[] =>
  records.filter((r): r is Rec<'dns.response'> => r.type === 'dns.response');
const timeouts = (): Rec<'dns.timeout'>[] => records.filter((r): r is Rec<'dns.timeout'> => r.type === 'dns.timeout');

async function failure(promise: Promise<unknown>): Promise<NetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NetError);
    return error as NetError;
  }
  throw new Error('expected resolve() to fail');
}

describe('RecursiveResolver', () => {
  it('walks root → com → example.com with iterative queries', async () => {
    const result = await makeResolver().resolve('WWW.Example.com.', 'A', 'nav1.dns1');
    expect(result).toEqual({
      addresses: ['93.184.215.14', '93.184.215.15'],
      ttl: 300,
      canonicalName: 'www.example.com',
    });

    const qs = queries();
    expect(qs.map((q) => [q.queryId, q.server.address, q.server.role, q.server.zone, q.server.name])).toEqual([
      ['nav1.dns1.q1', IP.root, 'root', '.', 'a.root-servers.net'],
      ['nav1.dns1.q2', IP.com, 'tld', 'com', 'a.gtld-servers.net'],
      ['nav1.dns1.q3', IP.example, 'authoritative', 'example.com', 'ns1.example.com'],
    ]);
    for (const q of qs) {
      expect(q.host).toBe('www.example.com');
      expect(q.question).toEqual({ name: 'www.example.com', type: 'A' });
      expect(q.attempt).toBe(1);
      expect(q.server.port).toBe(port);
      expect(q.transactionId).toBeGreaterThanOrEqual(0);
      expect(q.transactionId).toBeLessThan(0x10000);
      expect(q.size).toBeGreaterThan(12);
    }
    // Records alternate query, response.
    expect(records.map((r) => r.type)).toEqual([
      'dns.query',
      'dns.response',
      'dns.query',
      'dns.response',
      'dns.query',
      'dns.response',
    ]);

    const rs = responses();
    expect(rs.map((r) => [r.queryId, r.rcode, r.authoritative, r.truncated])).toEqual([
      ['nav1.dns1.q1', 'NOERROR', false, false],
      ['nav1.dns1.q2', 'NOERROR', false, false],
      ['nav1.dns1.q3', 'NOERROR', true, false],
    ]);
    expect(rs[0]?.authorities).toEqual([{ name: 'com', type: 'NS', ttl: 172800, data: 'a.gtld-servers.net' }]);
    expect(rs[0]?.additionals).toEqual([{ name: 'a.gtld-servers.net', type: 'A', ttl: 3600, data: IP.com }]);
    expect(rs[2]?.answers.map((r) => r.data)).toEqual(['93.184.215.14', '93.184.215.15']);
    expect(rs.every((r) => r.size > 12)).toBe(true);

    // Iterative: the RD flag is never set, and the question went to each server once.
    for (const address of [IP.root, IP.com, IP.example]) {
      const got = server(address).received;
      expect(got).toHaveLength(1);
      expect(got[0]?.flag_rd).toBe(false);
      expect(got[0]?.id).toBe(qs.find((q) => q.server.address === address)?.transactionId);
    }
  });

  it('resolves AAAA', async () => {
    const result = await makeResolver().resolve('www.example.com', 'AAAA', 'p');
    expect(result.addresses).toEqual(['2606:2800:21f:cb07::1']);
    expect(queries().map((q) => q.question.type)).toEqual(['AAAA', 'AAAA', 'AAAA']);
  });

  it('follows a glueless referral by resolving the name server first', async () => {
    const result = await makeResolver().resolve('www.glueless.com', 'A', 'g');
    expect(result).toEqual({ addresses: ['203.0.113.5'], ttl: 3600, canonicalName: 'www.glueless.com' });
    expect(queries().map((q) => [q.queryId, q.question.name, q.server.address, q.server.zone])).toEqual([
      ['g.q1', 'www.glueless.com', IP.root, '.'],
      ['g.q2', 'www.glueless.com', IP.com, 'com'],
      // com referred to ns.dnshost.net without glue: resolve it from the root.
      ['g.q3', 'ns.dnshost.net', IP.root, '.'],
      ['g.q4', 'ns.dnshost.net', IP.net, 'net'],
      ['g.q5', 'ns.dnshost.net', IP.dnshost, 'dnshost.net'],
      // …then carry on with the original question.
      ['g.q6', 'www.glueless.com', IP.glueless, 'glueless.com'],
    ]);
    expect(queries().every((q) => q.host === 'www.glueless.com')).toBe(true);
    expect(queries()[5]?.server).toEqual({
      address: IP.glueless,
      port,
      name: 'ns.dnshost.net',
      zone: 'glueless.com',
      role: 'authoritative',
    });
  });

  it('follows an in-zone CNAME chain', async () => {
    const result = await makeResolver().resolve('alias.example.com', 'A', 'c');
    expect(result).toEqual({
      addresses: ['93.184.215.14', '93.184.215.15'],
      ttl: 120,
      canonicalName: 'www.example.com',
    });
    expect(queries()).toHaveLength(3);
  });

  it('restarts at the root for an out-of-zone CNAME target', async () => {
    const result = await makeResolver().resolve('cdn.example.com', 'A', 'c');
    expect(result).toEqual({ addresses: ['198.51.100.7'], ttl: 60, canonicalName: 'edge.example.net' });
    expect(queries().map((q) => [q.question.name, q.server.address])).toEqual([
      ['cdn.example.com', IP.root],
      ['cdn.example.com', IP.com],
      ['cdn.example.com', IP.example],
      ['edge.example.net', IP.root],
      ['edge.example.net', IP.net],
      ['edge.example.net', IP.exampleNet],
    ]);
    expect(responses()[2]?.answers).toEqual([
      { name: 'cdn.example.com', type: 'CNAME', ttl: 900, data: 'edge.example.net' },
    ]);
  });

  it('detects a CNAME loop', async () => {
    const error = await failure(makeResolver().resolve('loop1.example.com', 'A', 'l'));
    expect(error.netErrorName).toBe('ERR_NAME_RESOLUTION_FAILED');
    expect(error.message).toMatch(/CNAME loop/);
  });

  it('NXDOMAIN → ERR_NAME_NOT_RESOLVED naming the server', async () => {
    const error = await failure(makeResolver().resolve('nope.example.com', 'A', 'n'));
    expect(error.netErrorName).toBe('ERR_NAME_NOT_RESOLVED');
    expect(error.message).toBe(
      `net::ERR_NAME_NOT_RESOLVED: nope.example.com: ns1.example.com (${IP.example}) answered NXDOMAIN`,
    );
    expect(responses().map((r) => r.rcode)).toEqual(['NOERROR', 'NOERROR', 'NXDOMAIN']);
    expect(responses()[2]?.authorities[0]?.type).toBe('SOA');
    expect(responses()[2]?.authorities[0]?.data).toBe(
      'ns.example.com hostmaster.example.com 2024010101 7200 3600 1209600 300',
    );
  });

  it('NODATA → ERR_NAME_NOT_RESOLVED', async () => {
    const error = await failure(makeResolver().resolve('text.example.com', 'A', 'n'));
    expect(error.netErrorName).toBe('ERR_NAME_NOT_RESOLVED');
    expect(error.message).toMatch(/NODATA/);
  });

  it('a silent server → dns.timeout records, then ERR_DNS_TIMED_OUT', async () => {
    const error = await failure(makeResolver({ timeoutMs: 200 }).resolve('www.silent.com', 'A', 's'));
    expect(error.netErrorName).toBe('ERR_DNS_TIMED_OUT');
    expect(error.message).toMatch(/ns\.silent\.com/);
    const silentQueries = queries().filter((q) => q.server.address === IP.silent);
    expect(silentQueries.map((q) => [q.queryId, q.attempt])).toEqual([
      ['s.q3', 1],
      ['s.q3', 2],
    ]);
    // A fresh transaction id per attempt.
    expect(silentQueries[0]?.transactionId).not.toBe(silentQueries[1]?.transactionId);
    expect(timeouts().map((t) => [t.queryId, t.attempt, t.server.address])).toEqual([
      ['s.q3', 1, IP.silent],
      ['s.q3', 2, IP.silent],
    ]);
    expect(timeouts().every((t) => typeof t.waitedMs === 'number' && t.waitedMs >= 0)).toBe(true);
    expect(server(IP.silent).received).toHaveLength(2);
    expect(records.slice(-4).map((r) => r.type)).toEqual(['dns.query', 'dns.timeout', 'dns.query', 'dns.timeout']);
  });

  it('ignores garbage, wrong transaction ids, wrong questions and queries; takes the genuine answer', async () => {
    const result = await makeResolver().resolve('www.spoof.com', 'A', 'x');
    expect(result.addresses).toEqual(['203.0.113.80']);
    const fromSpoof = responses().filter((r) => r.server.address === IP.spoof);
    expect(fromSpoof).toHaveLength(1);
    expect(fromSpoof[0]?.answers.map((r) => r.data)).toEqual(['203.0.113.80']);
  });

  it('a server answering only with a wrong transaction id (and garbage) times out', async () => {
    const error = await failure(makeResolver({ timeoutMs: 200, attempts: 1 }).resolve('www.onlyspoof.com', 'A', 'x'));
    expect(error.netErrorName).toBe('ERR_DNS_TIMED_OUT');
    expect(responses().filter((r) => r.server.address === IP.onlySpoof)).toHaveLength(0);
    expect(timeouts()).toHaveLength(1);
    expect(server(IP.onlySpoof).received).toHaveLength(1);
  });

  it('a referral to a disallowed address fails without sending to it', async () => {
    const error = await failure(makeResolver().resolve('www.blocked.com', 'A', 'b'));
    expect(error.netErrorName).toBe('ERR_NAME_RESOLUTION_FAILED');
    expect(error.message).toMatch(/192\.0\.2\.53/);
    expect(queries().map((q) => q.server.address)).toEqual([IP.root, IP.com]);

    const error2 = await failure(
      makeResolver({ allowAddress: (address) => address.startsWith('127.') && address !== IP.example }).resolve(
        'www.example.com',
        'A',
        'b',
      ),
    );
    expect(error2.netErrorName).toBe('ERR_NAME_RESOLUTION_FAILED');
    expect(error2.message).toContain(IP.example);
    expect(queries().some((q) => q.server.address === IP.example)).toBe(false);
    expect(server(IP.example).received).toHaveLength(0);
  });

  it('disallowed root hints fail before any packet', async () => {
    const error = await failure(makeResolver({ allowAddress: () => false }).resolve('www.example.com', 'A', 'b'));
    expect(error.netErrorName).toBe('ERR_NAME_RESOLUTION_FAILED');
    expect(error.message).toContain(IP.root);
    expect(records).toEqual([]);
  });

  it('a referral loop → ERR_NAME_RESOLUTION_FAILED', async () => {
    const error = await failure(makeResolver({ maxReferrals: 6 }).resolve('www.loop.com', 'A', 'r'));
    expect(error.netErrorName).toBe('ERR_NAME_RESOLUTION_FAILED');
    expect(error.message).toMatch(/referral loop/);
    expect(queries()).toHaveLength(7);
    expect(
      queries()
        .slice(2)
        .map((q) => q.server.address),
    ).toEqual([IP.loopA, IP.loopB, IP.loopA, IP.loopB, IP.loopA]);
  });

  it('SERVFAIL → tries the next server of the zone', async () => {
    const result = await makeResolver().resolve('www.partial.com', 'A', 'f');
    expect(result.addresses).toEqual(['203.0.113.44']);
    expect(responses().map((r) => [r.server.name, r.rcode])).toEqual([
      ['a.root-servers.net', 'NOERROR'],
      ['a.gtld-servers.net', 'NOERROR'],
      ['ns1.partial.com', 'SERVFAIL'],
      ['ns2.partial.com', 'NOERROR'],
    ]);
  });

  it('SERVFAIL from every server → ERR_DNS_SERVER_FAILED', async () => {
    const error = await failure(makeResolver().resolve('www.allfail.com', 'A', 'f'));
    expect(error.netErrorName).toBe('ERR_DNS_SERVER_FAILED');
    expect(error.message).toMatch(/ns1\.allfail\.com \(127\.53\.77\.13\) answered SERVFAIL/);
  });

  it('a truncated answer → ERR_DNS_MALFORMED_RESPONSE', async () => {
    const error = await failure(makeResolver().resolve('www.truncated.com', 'A', 't'));
    expect(error.netErrorName).toBe('ERR_DNS_MALFORMED_RESPONSE');
    expect(responses().at(-1)?.truncated).toBe(true);
  });

  it('rejects invalid host names without sending', async () => {
    for (const host of ['', '.', 'a..b', `${'x'.repeat(64)}.com`, 'bad host.com']) {
      const error = await failure(makeResolver().resolve(host, 'A', 'i'));
      expect(error.netErrorName).toBe('ERR_NAME_NOT_RESOLVED');
      expect(records).toEqual([]);
    }
  });

  it('close() aborts a resolution in flight with ERR_ABORTED', async () => {
    const r = makeResolver({ timeoutMs: 10_000 });
    const pending = r.resolve('www.silent.com', 'A', 'z');
    // Wait until the silent server has the question, then close.
    while (server(IP.silent).received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    r.close();
    const error = await failure(pending);
    expect(error.netErrorName).toBe('ERR_ABORTED');
    expect((await failure(r.resolve('www.example.com', 'A', 'z'))).netErrorName).toBe('ERR_ABORTED');
  });

  it('tries the next root hint when the first one is silent', async () => {
    const result = await makeResolver({
      timeoutMs: 200,
      attempts: 1,
      rootHints: [{ address: IP.silent, port, name: 'dead.root-servers.net', zone: '.', role: 'root' }, rootHint()],
    }).resolve('www.example.com', 'A', 'h');
    expect(result.addresses).toEqual(['93.184.215.14', '93.184.215.15']);
    expect(timeouts().map((t) => t.server.name)).toEqual(['dead.root-servers.net']);
    expect(queries().map((q) => q.queryId)).toEqual(['h.q1', 'h.q2', 'h.q3', 'h.q4']);
  });
});
