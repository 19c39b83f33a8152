import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { LAB_SAFE_BROWSING_EXPRESSIONS, buildLabSafeBrowsingLists } from '../../../electron/lab/labSafeBrowsingList.js';
import type { SafeBrowsingListFile } from '../../../electron/lab/labSafeBrowsingList.js';
import { partitionPoint } from '../../../shared/base/partitionPoint.js';
import { dnsQuery, httpGet, httpsGet } from './labTestClient.js';

const ROOT = '127.53.0.1';
const GTLD = '127.53.1.1';
const SAFE_BROWSING_NS = '127.53.2.6';
const SAFE_BROWSING_WEB = '127.80.0.5';
const NAVER_WEB = '127.80.0.1';
const HOSTS = ['malware.testsafebrowsing-lab.com', 'phishing.testsafebrowsing-lab.com'];

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

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function listOf(threatType: SafeBrowsingListFile['threatType']): SafeBrowsingListFile {
  const list = lab.config.safeBrowsingLists.find((l) => l.threatType === threatType);
  if (!list) throw new Error(`no ${threatType} list`);
  return list;
}

function prefixesOf(list: SafeBrowsingListFile): Buffer[] {
  const raw = Buffer.from(list.rawHashes, 'base64');
  const prefixes: Buffer[] = [];
  for (let at = 0; at < raw.length; at += list.prefixSize) prefixes.push(raw.subarray(at, at + list.prefixSize));
  return prefixes;
}

/** Binary search of a hash's prefix in the sorted raw prefixes, as a client does. */
function prefixListed(list: SafeBrowsingListFile, hash: Buffer): boolean {
  const prefixes = prefixesOf(list);
  const wanted = hash.subarray(0, list.prefixSize);
  const at = partitionPoint(prefixes.length, (i) => Buffer.compare(prefixes[i]!, wanted) < 0);
  return at < prefixes.length && Buffer.compare(prefixes[at]!, wanted) === 0;
}

function fullHashListed(list: SafeBrowsingListFile, hash: Buffer): boolean {
  return list.fullHashes.includes(hash.toString('base64'));
}

describe('Lab DNS: the testsafebrowsing-lab.com zone', () => {
  it('the root refers com; com delegates testsafebrowsing-lab.com with glue', async () => {
    const root = await dnsQuery(ROOT, dnsPort, 'malware.testsafebrowsing-lab.com', 'A');
    expect(root.packet.authorities).toEqual([
      expect.objectContaining({ name: 'com', type: 'NS', data: 'a.gtld-servers.net' }),
    ]);
    const referral = await dnsQuery(GTLD, dnsPort, 'malware.testsafebrowsing-lab.com', 'A');
    expect(referral.rcode).toBe(0);
    expect(referral.packet.flag_aa).toBe(false);
    expect(referral.packet.answers).toEqual([]);
    expect(referral.packet.authorities).toEqual([
      expect.objectContaining({
        name: 'testsafebrowsing-lab.com',
        type: 'NS',
        ttl: 172800,
        data: 'ns1.testsafebrowsing-lab.com',
      }),
    ]);
    expect(referral.packet.additionals).toEqual([
      expect.objectContaining({ name: 'ns1.testsafebrowsing-lab.com', type: 'A', ttl: 172800, data: SAFE_BROWSING_NS }),
    ]);
  });

  it('ns1.testsafebrowsing-lab.com answers authoritatively for both hosts', async () => {
    for (const host of HOSTS) {
      const { packet, rcode } = await dnsQuery(SAFE_BROWSING_NS, dnsPort, host, 'A');
      expect(rcode, host).toBe(0);
      expect(packet.flag_aa).toBe(true);
      expect(packet.answers).toEqual([
        expect.objectContaining({ name: host, type: 'A', ttl: 300, data: SAFE_BROWSING_WEB }),
      ]);
    }
    const missing = await dnsQuery(SAFE_BROWSING_NS, dnsPort, 'www.testsafebrowsing-lab.com', 'A');
    expect(missing.rcode).toBe(3);
    expect(missing.packet.authorities).toEqual([
      expect.objectContaining({
        name: 'testsafebrowsing-lab.com',
        type: 'SOA',
        data: expect.objectContaining({ mname: 'ns1.testsafebrowsing-lab.com' }),
      }),
    ]);
  });

  it('is in the config: its name server and its web address', () => {
    expect(lab.config.dnsServers).toContainEqual({
      name: 'ns1.testsafebrowsing-lab.com',
      address: SAFE_BROWSING_NS,
      port: dnsPort,
      zone: 'testsafebrowsing-lab.com',
      role: 'authoritative',
    });
    expect(lab.config.webServers).toContainEqual({
      address: SAFE_BROWSING_WEB,
      port: webPort,
      httpsPort,
      hosts: HOSTS,
    });
  });
});

describe('Lab web: the Safe Browsing test hosts', () => {
  it('serve harmless stand-in pages over HTTP', async () => {
    for (const host of HOSTS) {
      const reply = await httpGet(SAFE_BROWSING_WEB, webPort, host, '/');
      expect(reply.status, host).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = reply.body.toString('utf8');
      expect(html).toContain('NavScope lab stand-in');
      expect(html).toContain('harmless test page');
      expect(html).toContain(`<code>${host}/</code>`);
      expect(html).toContain(host.startsWith('malware.') ? 'MALWARE' : 'SOCIAL_ENGINEERING');
    }
    expect((await httpGet(SAFE_BROWSING_WEB, webPort, HOSTS[0] ?? '', '/nope')).status).toBe(404);
  });

  it('serve the same pages over HTTPS with lab-CA certificates', async () => {
    for (const host of HOSTS) {
      const reply = await httpsGet(SAFE_BROWSING_WEB, httpsPort, '/', { ca: lab.config.ca.certPem, servername: host });
      expect(reply.status, host).toBe(200);
      expect(reply.peerCertificate.subjectaltname).toBe(`DNS:${host}`);
      expect(reply.body.toString('utf8')).toContain('harmless test page');
    }
  });

  it('www.naver.com/unsafe/payload.html is a page (HTTP and HTTPS)', async () => {
    const plain = await httpGet(NAVER_WEB, webPort, 'www.naver.com', '/unsafe/payload.html');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.body.toString('utf8')).toContain('NavScope lab stand-in');
    expect(plain.body.toString('utf8')).toContain('<code>www.naver.com/unsafe/</code>');
    const secure = await httpsGet(NAVER_WEB, httpsPort, '/unsafe/payload.html', {
      ca: lab.config.ca.certPem,
      servername: 'www.naver.com',
    });
    expect(secure.status).toBe(200);
  });
});

describe('Lab Safe Browsing lists', () => {
  it('are in the config as plain JSON, MALWARE and SOCIAL_ENGINEERING, identical on every build', () => {
    const lists = lab.config.safeBrowsingLists;
    expect(JSON.parse(JSON.stringify(lists))).toEqual(lists);
    expect(lists.map((l) => l.threatType)).toEqual(['MALWARE', 'SOCIAL_ENGINEERING']);
    expect(buildLabSafeBrowsingLists()).toEqual(lists);
    for (const list of lists) {
      expect(Object.keys(list).sort()).toEqual([
        'format',
        'fullHashes',
        'prefixSize',
        'rawHashes',
        'threatType',
        'version',
      ]);
      expect(list.format).toBe('navscope-safebrowsing-list');
      expect(list.version).toBe(1);
      expect(list.prefixSize).toBe(4);
    }
  });

  it('decode: base64, prefixes a multiple of 4 bytes (sorted, unique), full hashes of 32 bytes', () => {
    for (const list of lab.config.safeBrowsingLists) {
      expect(list.rawHashes).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      const raw = Buffer.from(list.rawHashes, 'base64');
      expect(raw.toString('base64')).toBe(list.rawHashes);
      expect(raw.length % 4).toBe(0);
      const prefixes = prefixesOf(list);
      for (let i = 1; i < prefixes.length; i++) {
        expect(
          Buffer.compare(prefixes[i - 1] ?? Buffer.alloc(0), prefixes[i] ?? Buffer.alloc(0)),
          list.threatType,
        ).toBe(-1);
      }
      for (const full of list.fullHashes) {
        const hash = Buffer.from(full, 'base64');
        expect(hash.toString('base64')).toBe(full);
        expect(hash.length).toBe(32);
        // Every full hash has its prefix in the list.
        expect(prefixListed(list, hash)).toBe(true);
      }
      // Decoys: more prefixes than listed expressions, so the lookup is a real search.
      expect(prefixes.length).toBeGreaterThanOrEqual(list.fullHashes.length + 3);
    }
  });

  it('hold exactly the SHA-256 hashes of the listed expressions', () => {
    const expected: Record<string, string[]> = {
      MALWARE: ['malware.testsafebrowsing-lab.com/', 'www.naver.com/unsafe/'],
      SOCIAL_ENGINEERING: ['phishing.testsafebrowsing-lab.com/'],
    };
    expect(LAB_SAFE_BROWSING_EXPRESSIONS).toEqual(expected);
    for (const [threatType, expressions] of Object.entries(expected)) {
      const list = lab.config.safeBrowsingLists.find((l) => l.threatType === threatType);
      const hashes = expressions.map(sha256);
      expect([...(list?.fullHashes ?? [])].sort()).toEqual(hashes.map((h) => h.toString('base64')).sort());
      for (const hash of hashes) {
        expect(list && prefixListed(list, hash)).toBe(true);
      }
    }
    // Each expression is on its own list only.
    expect(prefixListed(listOf('SOCIAL_ENGINEERING'), sha256('malware.testsafebrowsing-lab.com/'))).toBe(false);
    expect(prefixListed(listOf('MALWARE'), sha256('phishing.testsafebrowsing-lab.com/'))).toBe(false);
  });

  it('flag a path prefix on www.naver.com, not the rest of the site', () => {
    const malware = listOf('MALWARE');
    // The host-suffix x path-prefix expressions a client checks for http://www.naver.com/unsafe/payload.html.
    const unsafe = [
      'www.naver.com/unsafe/payload.html',
      'www.naver.com/',
      'www.naver.com/unsafe/',
      'naver.com/unsafe/payload.html',
      'naver.com/',
      'naver.com/unsafe/',
    ];
    const hits = unsafe.filter(
      (expression) => prefixListed(malware, sha256(expression)) && fullHashListed(malware, sha256(expression)),
    );
    expect(hits).toEqual(['www.naver.com/unsafe/']);
    // http://www.naver.com/news: nothing matches.
    for (const expression of ['www.naver.com/news', 'www.naver.com/', 'naver.com/news', 'naver.com/']) {
      expect(fullHashListed(malware, sha256(expression)), expression).toBe(false);
    }
    // Any path on the malware host matches through its host expression.
    expect(fullHashListed(malware, sha256('malware.testsafebrowsing-lab.com/'))).toBe(true);
  });
});
