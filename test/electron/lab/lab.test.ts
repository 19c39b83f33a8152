import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { dnsExchange, dnsQuery, dnsQueryPacket, httpGet } from './labTestClient.js';

const ROOT = '127.53.0.1';
const GTLD = '127.53.1.1';
const NAVER_NS = '127.53.2.1';
const GOOGLE_NS = '127.53.2.2';
const BADSSL_NS = '127.53.2.3';
const LAB_DNS_NS = '127.53.2.4';
const GLUELESS_NS = '127.53.2.5';
const SAFE_BROWSING_NS = '127.53.2.6';
const NAVER_WEB = '127.80.0.1';
const GOOGLE_WEB = '127.80.0.2';
const BADSSL_WEB = '127.80.0.3';
const GLUELESS_WEB = '127.80.0.4';
const SAFE_BROWSING_WEB = '127.80.0.5';
const SITES_NS = '127.53.2.7';
const SITES_WEB = '127.80.0.6';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const NOERROR = 0;
const SERVFAIL = 2;
const NXDOMAIN = 3;
const REFUSED = 5;

let lab: Lab;
let dnsPort: number;
let webPort: number;
let httpsPort: number;

beforeAll(async () => {
  lab = await Lab.start();
  dnsPort = lab.config.dnsPort;
  webPort = lab.config.portMap['80'] ?? 0;
  httpsPort = lab.config.portMap['443'] ?? 0;
});

afterAll(async () => {
  await lab.stop();
});

describe('Lab config', () => {
  it('describes the address plan as plain JSON data', () => {
    const config = lab.config;
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config.dnsPort).toBeGreaterThanOrEqual(20000);
    expect(config.dnsPort).toBeLessThanOrEqual(60000);
    expect(config.rootHints).toEqual([
      { name: 'a.root-servers.net', address: ROOT, port: dnsPort, zone: '.', role: 'root' },
    ]);
    expect(config.dnsServers).toEqual([
      { name: 'a.root-servers.net', address: ROOT, port: dnsPort, zone: '.', role: 'root' },
      { name: 'a.gtld-servers.net', address: GTLD, port: dnsPort, zone: 'com', role: 'tld' },
      { name: 'ns1.naver.com', address: NAVER_NS, port: dnsPort, zone: 'naver.com', role: 'authoritative' },
      { name: 'ns1.google.com', address: GOOGLE_NS, port: dnsPort, zone: 'google.com', role: 'authoritative' },
      { name: 'ns1.badssl-lab.com', address: BADSSL_NS, port: dnsPort, zone: 'badssl-lab.com', role: 'authoritative' },
      { name: 'ns1.lab-dns.net', address: LAB_DNS_NS, port: dnsPort, zone: 'lab-dns.net', role: 'authoritative' },
      { name: 'ns.lab-dns.net', address: GLUELESS_NS, port: dnsPort, zone: 'glueless-lab.com', role: 'authoritative' },
      {
        name: 'ns1.testsafebrowsing-lab.com',
        address: SAFE_BROWSING_NS,
        port: dnsPort,
        zone: 'testsafebrowsing-lab.com',
        role: 'authoritative',
      },
      { name: 'ns1.sites-lab.net', address: SITES_NS, port: dnsPort, zone: 'sites-lab.net', role: 'authoritative' },
    ]);
    expect(webPort).toBeGreaterThan(0);
    expect(httpsPort).toBeGreaterThan(0);
    expect(httpsPort).not.toBe(webPort);
    expect(config.portMap).toEqual({ '80': webPort, '443': httpsPort });
    expect(config.webServers).toEqual([
      {
        address: NAVER_WEB,
        port: webPort,
        httpsPort,
        hosts: ['alias1.naver.com', 'cname.naver.com', 'm.naver.com', 'naver.com', 'www.naver.com'],
      },
      { address: GOOGLE_WEB, port: webPort, httpsPort, hosts: ['google.com', 'search.naver.com', 'www.google.com'] },
      {
        address: BADSSL_WEB,
        port: webPort,
        httpsPort,
        hosts: [
          'expired.badssl-lab.com',
          'handshake-abort.badssl-lab.com',
          'untrusted-root.badssl-lab.com',
          'wrong-host.badssl-lab.com',
        ],
      },
      { address: GLUELESS_WEB, port: webPort, httpsPort, hosts: ['www.glueless-lab.com'] },
      {
        address: SAFE_BROWSING_WEB,
        port: webPort,
        httpsPort,
        hosts: ['malware.testsafebrowsing-lab.com', 'phishing.testsafebrowsing-lab.com'],
      },
      {
        address: SITES_WEB,
        port: webPort,
        httpsPort,
        hosts: Array.from({ length: 20 }, (_, i) => `www.site${i + 1}-lab.com`).sort(),
      },
    ]);
    expect(config.ca.certPem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n?$/);
    expect(config.scenarios.length).toBeGreaterThanOrEqual(25);
    expect(config.safeBrowsingLists.map((list) => list.threatType)).toEqual(['MALWARE', 'SOCIAL_ENGINEERING']);
  });
});

describe('Lab DNS: an iterative resolution of www.naver.com', () => {
  it('the root refers com. to a.gtld-servers.net with glue', async () => {
    const { packet, rcode } = await dnsQuery(ROOT, dnsPort, 'www.naver.com', 'A', 101);
    expect(packet.type).toBe('response');
    expect(packet.id).toBe(101);
    expect(packet.questions).toEqual([{ name: 'www.naver.com', type: 'A', class: 'IN' }]);
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(false);
    expect(packet.flag_ra).toBe(false);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([
      expect.objectContaining({ name: 'com', type: 'NS', ttl: 172800, data: 'a.gtld-servers.net' }),
    ]);
    expect(packet.additionals).toEqual([
      expect.objectContaining({ name: 'a.gtld-servers.net', type: 'A', ttl: 172800, data: GTLD }),
    ]);
  });

  it('the gTLD server refers naver.com. to ns1.naver.com with glue', async () => {
    const { packet, rcode } = await dnsQuery(GTLD, dnsPort, 'www.naver.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(false);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([
      expect.objectContaining({ name: 'naver.com', type: 'NS', ttl: 172800, data: 'ns1.naver.com' }),
    ]);
    expect(packet.additionals).toEqual([expect.objectContaining({ name: 'ns1.naver.com', type: 'A', data: NAVER_NS })]);
  });

  it('ns1.naver.com answers authoritatively', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'www.naver.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(true);
    expect(packet.flag_ra).toBe(false);
    expect(packet.answers).toEqual([
      expect.objectContaining({ name: 'www.naver.com', type: 'A', ttl: 300, data: NAVER_WEB }),
    ]);
    const served = lab.dnsServers.find((s) => s.name === 'ns1.naver.com')?.queriesServed() ?? [];
    expect(served).toContainEqual({ name: 'www.naver.com', type: 'A', rcode: 'NOERROR' });
  });

  it('the gTLD server also serves net. and refers google.com', async () => {
    const gtld = await dnsQuery(GTLD, dnsPort, 'a.gtld-servers.net', 'A');
    expect(gtld.packet.flag_aa).toBe(true);
    expect(gtld.packet.answers).toEqual([expect.objectContaining({ type: 'A', data: GTLD })]);
    const google = await dnsQuery(GTLD, dnsPort, 'www.google.com', 'A');
    expect(google.packet.authorities).toEqual([
      expect.objectContaining({ name: 'google.com', type: 'NS', data: 'ns1.google.com' }),
    ]);
    expect(google.packet.additionals).toEqual([expect.objectContaining({ name: 'ns1.google.com', data: GOOGLE_NS })]);
    const answer = await dnsQuery(GOOGLE_NS, dnsPort, 'www.google.com', 'A');
    expect(answer.packet.answers).toEqual([expect.objectContaining({ name: 'www.google.com', data: GOOGLE_WEB })]);
  });

  it('refused.naver.com resolves to an address where nothing listens', async () => {
    const { packet } = await dnsQuery(NAVER_NS, dnsPort, 'refused.naver.com', 'A');
    expect(packet.answers).toEqual([expect.objectContaining({ data: '127.80.0.99' })]);
  });
});

describe('Lab DNS: negative answers and edge cases', () => {
  it('NXDOMAIN with the SOA in authority for an unknown name', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'nope.naver.com', 'A');
    expect(rcode).toBe(NXDOMAIN);
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([
      expect.objectContaining({
        name: 'naver.com',
        type: 'SOA',
        ttl: 300,
        data: expect.objectContaining({ mname: 'ns1.naver.com', minimum: 300 }),
      }),
    ]);
  });

  it('NODATA (NOERROR, SOA in authority) for AAAA of a name that only has A', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'www.naver.com', 'AAAA');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([expect.objectContaining({ type: 'SOA', name: 'naver.com' })]);
  });

  it('REFUSED for a name outside every zone the server serves', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'example.org', 'A', 777);
    expect(rcode).toBe(REFUSED);
    expect(packet.id).toBe(777);
    expect(packet.questions).toEqual([{ name: 'example.org', type: 'A', class: 'IN' }]);
    expect(packet.flag_aa).toBe(false);
    expect(packet.answers).toEqual([]);
  });

  it('the root answers NXDOMAIN for an unknown TLD', async () => {
    const { packet, rcode } = await dnsQuery(ROOT, dnsPort, 'example.invalid', 'A');
    expect(rcode).toBe(NXDOMAIN);
    expect(packet.authorities).toEqual([expect.objectContaining({ type: 'SOA', name: '.' })]);
  });

  it('a CNAME is answered with its in-zone target', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'm.naver.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([
      expect.objectContaining({ name: 'm.naver.com', type: 'CNAME', data: 'www.naver.com' }),
      expect.objectContaining({ name: 'www.naver.com', type: 'A', data: NAVER_WEB }),
    ]);
  });

  it('NS and SOA at the zone apex', async () => {
    const ns = await dnsQuery(NAVER_NS, dnsPort, 'naver.com', 'NS');
    expect(ns.packet.flag_aa).toBe(true);
    expect(ns.packet.answers).toEqual([expect.objectContaining({ type: 'NS', data: 'ns1.naver.com' })]);
    expect(ns.packet.additionals).toEqual([expect.objectContaining({ name: 'ns1.naver.com', data: NAVER_NS })]);
    const soa = await dnsQuery(NAVER_NS, dnsPort, 'naver.com', 'SOA');
    expect(soa.packet.answers).toEqual([expect.objectContaining({ type: 'SOA', name: 'naver.com' })]);
  });

  it('names are matched case-insensitively', async () => {
    const { packet } = await dnsQuery(NAVER_NS, dnsPort, 'WwW.NaVeR.CoM', 'A');
    expect(packet.answers).toEqual([expect.objectContaining({ type: 'A', data: NAVER_WEB })]);
  });

  it('ignores a malformed packet and still answers afterwards', async () => {
    const server = lab.dnsServers.find((s) => s.name === 'ns1.naver.com');
    const before = server?.queriesServed().length ?? 0;
    const garbage = Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00]);
    // Both go from one socket: had the garbage been answered, that reply would come first.
    const { packet } = await dnsExchange(NAVER_NS, dnsPort, [garbage, dnsQueryPacket('www.naver.com', 'A', 9999)]);
    expect(packet.id).toBe(9999);
    expect(packet.answers).toEqual([expect.objectContaining({ data: NAVER_WEB })]);
    expect(server?.queriesServed().length).toBe(before + 1);
    expect(server?.respond(garbage)).toBeNull();
  });

  it('does not answer a response', () => {
    const server = lab.dnsServers[0];
    const response = dnsQueryPacket('www.naver.com', 'A', 1, { type: 'response' });
    expect(server?.respond(response)).toBeNull();
  });
});

describe('Lab DNS: the badssl-lab.com zone', () => {
  it('com delegates badssl-lab.com with glue; its server answers the scenario hosts', async () => {
    const referral = await dnsQuery(GTLD, dnsPort, 'expired.badssl-lab.com', 'A');
    expect(referral.packet.authorities).toEqual([
      expect.objectContaining({ name: 'badssl-lab.com', type: 'NS', data: 'ns1.badssl-lab.com' }),
    ]);
    expect(referral.packet.additionals).toEqual([
      expect.objectContaining({ name: 'ns1.badssl-lab.com', data: BADSSL_NS }),
    ]);
    for (const host of ['expired.badssl-lab.com', 'wrong-host.badssl-lab.com', 'untrusted-root.badssl-lab.com']) {
      const answer = await dnsQuery(BADSSL_NS, dnsPort, host, 'A');
      expect(answer.packet.flag_aa).toBe(true);
      expect(answer.packet.answers).toEqual([expect.objectContaining({ name: host, type: 'A', data: BADSSL_WEB })]);
    }
  });
});

describe('Lab DNS: a glueless delegation', () => {
  it('com refers glueless-lab.com to ns.lab-dns.net without glue', async () => {
    const { packet, rcode } = await dnsQuery(GTLD, dnsPort, 'www.glueless-lab.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(false);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([
      expect.objectContaining({ name: 'glueless-lab.com', type: 'NS', data: 'ns.lab-dns.net' }),
    ]);
    expect(packet.additionals).toEqual([]);
  });

  it('the resolver finds ns.lab-dns.net through net (with glue) and lab-dns.net', async () => {
    const net = await dnsQuery(GTLD, dnsPort, 'ns.lab-dns.net', 'A');
    expect(net.packet.flag_aa).toBe(false);
    expect(net.packet.authorities).toEqual([
      expect.objectContaining({ name: 'lab-dns.net', type: 'NS', data: 'ns1.lab-dns.net' }),
    ]);
    expect(net.packet.additionals).toEqual([
      expect.objectContaining({ name: 'ns1.lab-dns.net', type: 'A', data: LAB_DNS_NS }),
    ]);
    const address = await dnsQuery(LAB_DNS_NS, dnsPort, 'ns.lab-dns.net', 'A');
    expect(address.packet.flag_aa).toBe(true);
    expect(address.packet.answers).toEqual([
      expect.objectContaining({ name: 'ns.lab-dns.net', type: 'A', data: GLUELESS_NS }),
    ]);
  });

  it('ns.lab-dns.net answers for www.glueless-lab.com', async () => {
    const { packet } = await dnsQuery(GLUELESS_NS, dnsPort, 'www.glueless-lab.com', 'A');
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([
      expect.objectContaining({ name: 'www.glueless-lab.com', type: 'A', data: GLUELESS_WEB }),
    ]);
  });
});

describe('Lab DNS: naver.com scenario names', () => {
  it('a CNAME chain is answered whole: cname -> alias1 -> www -> A', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'cname.naver.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([
      expect.objectContaining({ name: 'cname.naver.com', type: 'CNAME', data: 'alias1.naver.com' }),
      expect.objectContaining({ name: 'alias1.naver.com', type: 'CNAME', data: 'www.naver.com' }),
      expect.objectContaining({ name: 'www.naver.com', type: 'A', data: NAVER_WEB }),
    ]);
  });

  it('a cross-zone CNAME is answered with the CNAME only', async () => {
    const { packet } = await dnsQuery(NAVER_NS, dnsPort, 'search.naver.com', 'A');
    expect(packet.flag_aa).toBe(true);
    expect(packet.answers).toEqual([
      expect.objectContaining({ name: 'search.naver.com', type: 'CNAME', data: 'www.google.com' }),
    ]);
  });

  it('v6only.naver.com has an AAAA record and no A record (NODATA)', async () => {
    const aaaa = await dnsQuery(NAVER_NS, dnsPort, 'v6only.naver.com', 'AAAA');
    expect(aaaa.packet.answers).toEqual([expect.objectContaining({ type: 'AAAA', data: '::1' })]);
    const a = await dnsQuery(NAVER_NS, dnsPort, 'v6only.naver.com', 'A');
    expect(a.rcode).toBe(NOERROR);
    expect(a.packet.answers).toEqual([]);
    expect(a.packet.authorities).toEqual([expect.objectContaining({ type: 'SOA', name: 'naver.com' })]);
  });

  it('servfail.naver.com is answered SERVFAIL', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'servfail.naver.com', 'A', 31);
    expect(rcode).toBe(SERVFAIL);
    expect(packet.id).toBe(31);
    expect(packet.flag_aa).toBe(false);
    expect(packet.answers).toEqual([]);
  });

  it('truncated.naver.com is answered with TC set and no records', async () => {
    const { packet, rcode } = await dnsQuery(NAVER_NS, dnsPort, 'truncated.naver.com', 'A');
    expect(rcode).toBe(NOERROR);
    expect(packet.flag_tc).toBe(true);
    expect(packet.questions).toEqual([{ name: 'truncated.naver.com', type: 'A', class: 'IN' }]);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities).toEqual([]);
    const served = lab.dnsServers.find((s) => s.name === 'ns1.naver.com')?.queriesServed() ?? [];
    expect(served).toContainEqual({ name: 'truncated.naver.com', type: 'A', rcode: 'NOERROR', truncated: true });
  });

  it('silent.naver.com is never answered (the next query on the socket is)', async () => {
    const server = lab.dnsServers.find((s) => s.name === 'ns1.naver.com');
    const before = server?.queriesServed().length ?? 0;
    // Both go from one socket: had the silent query been answered, that reply would come first.
    const { packet } = await dnsExchange(NAVER_NS, dnsPort, [
      dnsQueryPacket('silent.naver.com', 'A', 1111),
      dnsQueryPacket('silent.naver.com', 'AAAA', 1112),
      dnsQueryPacket('www.naver.com', 'A', 2222),
    ]);
    expect(packet.id).toBe(2222);
    const served = server?.queriesServed().slice(before) ?? [];
    expect(served).toEqual([
      { name: 'silent.naver.com', type: 'A', rcode: 'DROPPED' },
      { name: 'silent.naver.com', type: 'AAAA', rcode: 'DROPPED' },
      { name: 'www.naver.com', type: 'A', rcode: 'NOERROR' },
    ]);
    expect(server?.respond(dnsQueryPacket('SILENT.naver.com.', 'A'))).toBeNull();
  });
});

describe('Lab web: www.naver.com', () => {
  it('serves the portal page with its subresources', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['server']).toBe('navscope-lab');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['date']).toBeTruthy();
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    const html = reply.body.toString('utf8');
    expect(html).toContain('NavScope lab');
    expect(html).toContain('lang="ko"');
    expect(html).toContain('<title>NAVER — NavScope lab</title>');
    expect(html).toContain('검색');
    expect(html).toContain('<link rel="stylesheet" href="/static/naver.css">');
    expect(html).toContain('<script src="/static/search.js"></script>');
    expect(html).toContain('<script src="/static/analytics.js" async></script>');
    expect(html).toContain('<img src="/static/logo.png" alt="NAVER" width="120" height="40">');
    expect(html).toContain('<a href="/news">뉴스</a>');
  });

  it('accepts a Host header with a port', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, `www.naver.com:${webPort}`, '/news');
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain('/static/naver.css');
  });

  it('serves the subresources with the right content types', async () => {
    const css = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/static/naver.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const path of ['/static/search.js', '/static/analytics.js']) {
      const js = await httpGet(NAVER_WEB, webPort, 'www.naver.com', path);
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('application/javascript; charset=utf-8');
    }
    const png = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/static/logo.png');
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: 120 x 40.
    expect(png.body.readUInt32BE(16)).toBe(120);
    expect(png.body.readUInt32BE(20)).toBe(40);
  });

  it('serves the CNAME aliases as www.naver.com', async () => {
    for (const host of ['m.naver.com', 'cname.naver.com', 'alias1.naver.com']) {
      const reply = await httpGet(NAVER_WEB, webPort, host, '/');
      expect(reply.status, host).toBe(200);
      expect(reply.body.toString('utf8')).toContain('<title>NAVER — NavScope lab</title>');
    }
  });

  it('redirects search.naver.com (a CNAME to www.google.com) to www.google.com', async () => {
    const reply = await httpGet(GOOGLE_WEB, webPort, 'search.naver.com', '/search?q=x');
    expect(reply.status).toBe(302);
    expect(reply.headers['location']).toBe('http://www.google.com/search?q=x');
  });

  it('redirects naver.com to www.naver.com with 301', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'naver.com', '/');
    expect(reply.status).toBe(301);
    expect(reply.headers['location']).toBe('http://www.naver.com/');
  });

  it('answers 421 for a host it does not serve', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'example.org', '/');
    expect(reply.status).toBe(421);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers 404 with an HTML page for an unknown path', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/no/such/page');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body.toString('utf8')).toContain('404 Not Found');
  });

  it('answers HEAD without a body', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(0);
    expect(reply.body.length).toBe(0);
  });
});

describe('Lab web: www.google.com', () => {
  it('serves the search home', async () => {
    const reply = await httpGet(GOOGLE_WEB, webPort, 'www.google.com', '/');
    expect(reply.status).toBe(200);
    const html = reply.body.toString('utf8');
    expect(html).toContain('<title>Google — NavScope lab</title>');
    expect(html).toContain('/static/google.css');
    expect(html).toContain('<script src="/static/gsearch.js" defer></script>');
    const logo = await httpGet(GOOGLE_WEB, webPort, 'www.google.com', '/static/logo.png');
    expect(logo.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('escapes the query on the results page and puts it in the title', async () => {
    const q = encodeURIComponent('<script>alert("x")</script> & 네이버');
    const reply = await httpGet(GOOGLE_WEB, webPort, 'www.google.com', `/search?q=${q}`);
    expect(reply.status).toBe(200);
    const html = reply.body.toString('utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 네이버');
    expect(html).toContain(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 네이버 - Google Search — NavScope lab</title>',
    );
    const plain = await httpGet(GOOGLE_WEB, webPort, 'www.google.com', '/search?q=what+is+dns');
    expect(plain.body.toString('utf8')).toContain('<title>what is dns - Google Search — NavScope lab</title>');
  });

  it('routes by Host, not by address', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'www.google.com', '/');
    expect(reply.body.toString('utf8')).toContain('<title>Google — NavScope lab</title>');
  });
});

describe('Lab web: /hold/', () => {
  it('holds a request until releaseHeld()', async () => {
    expect(lab.heldCount()).toBe(0);
    const arrived = new Promise<string>((resolve) => {
      const unsubscribe = lab.onHeld((path) => {
        unsubscribe();
        resolve(path);
      });
    });
    const reply = httpGet(NAVER_WEB, webPort, 'www.naver.com', '/hold/x.png');
    let settled = false;
    void reply.then(() => {
      settled = true;
    });
    expect(await arrived).toBe('/hold/x.png');
    expect(lab.heldCount()).toBe(1);
    expect(settled).toBe(false);
    lab.releaseHeld();
    expect(lab.heldCount()).toBe(0);
    const response = await reply;
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('releases a non-PNG hold as text', async () => {
    const arrived = new Promise<void>((resolve) => {
      const unsubscribe = lab.onHeld(() => {
        unsubscribe();
        resolve();
      });
    });
    const reply = httpGet(GOOGLE_WEB, webPort, 'www.google.com', '/hold/step');
    await arrived;
    lab.releaseHeld();
    const response = await reply;
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('the /slow page references the held image', async () => {
    const reply = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/slow');
    expect(reply.body.toString('utf8')).toContain('<img src="/hold/slow.png"');
  });
});
