/**
 * The lab's DNS data: zones and the name servers that serve them. Plain data, so
 * that more sites can be added by editing this file only.
 *
 * Names are written without the trailing dot (`www.naver.com`); the root is `.`.
 * A zone holds its authoritative records, its delegations (NS records at a name
 * below the apex) and the glue for those delegations (A records of the
 * delegated name servers), exactly like a real zone file.
 */

export type LabRecordType = 'A' | 'AAAA' | 'NS' | 'CNAME' | 'TXT';

export interface LabRecord {
  name: string;
  type: LabRecordType;
  /** Address for A/AAAA, a host name for NS/CNAME, text for TXT. */
  data: string;
  ttl: number;
}

export interface LabSoa {
  /** Primary name server. */
  mname: string;
  /** Mailbox of the person responsible, in DNS form (`hostmaster.naver.com`). */
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  /** Negative-caching TTL (RFC 2308). */
  minimum: number;
  /** TTL of the SOA record itself. */
  ttl: number;
}

/**
 * Deliberate misbehaviour of a zone's server for one name, for the failure
 * scenarios: `servfail` answers SERVFAIL, `silent` never answers (the resolver
 * times out and retries), `truncated` answers with the TC bit set and no records,
 * `malformed` answers with bytes that are not a DNS message, `wrong-id` answers
 * correctly but with a transaction id the resolver never sent (both are ignored,
 * as a forged answer would be, so the resolver times out), `referral-loop`
 * refers the name back to the same server again and again.
 */
export type LabDnsFault = 'servfail' | 'silent' | 'truncated' | 'malformed' | 'wrong-id' | 'referral-loop';

export interface LabZoneFault {
  /** The exact name (any query type) the server misbehaves for. */
  name: string;
  fault: LabDnsFault;
}

export interface LabZone {
  /** The zone apex: `.`, `com`, `naver.com`, ... */
  origin: string;
  soa: LabSoa;
  records: LabRecord[];
  /** Names the zone's server misbehaves for on purpose (checked before the records). */
  faults?: LabZoneFault[];
}

export interface LabNameServer {
  /** Host name of the server, e.g. `a.root-servers.net`. */
  name: string;
  /** Loopback address it listens on. */
  address: string;
  role: 'root' | 'tld' | 'authoritative';
  /** Origins of the zones it is authoritative for (first one is the one it is known for). */
  zones: string[];
}

/** TTLs in seconds. */
export const LAB_TTL = {
  /** A and AAAA records. */
  address: 300,
  /** NS records and glue. */
  delegation: 172800,
  /** SOA minimum (negative caching). */
  soaMinimum: 300,
  /** The SOA record itself. */
  soa: 3600,
} as const;

function soa(origin: string, mname: string): LabSoa {
  const base = origin === '.' ? '' : `.${origin}`;
  return {
    mname,
    rname: origin === '.' ? 'nstld.verisign-grs.com' : `hostmaster${base}`,
    serial: 2024010101,
    refresh: 1800,
    retry: 900,
    expire: 604800,
    minimum: LAB_TTL.soaMinimum,
    ttl: LAB_TTL.soa,
  };
}

function a(name: string, address: string, ttl: number = LAB_TTL.address): LabRecord {
  return { name, type: 'A', data: address, ttl };
}

function aaaa(name: string, address: string, ttl: number = LAB_TTL.address): LabRecord {
  return { name, type: 'AAAA', data: address, ttl };
}

function ns(name: string, server: string): LabRecord {
  return { name, type: 'NS', data: server, ttl: LAB_TTL.delegation };
}

function cname(name: string, target: string): LabRecord {
  return { name, type: 'CNAME', data: target, ttl: LAB_TTL.address };
}

/** Loopback addresses of the lab's servers. */
export const LAB_ADDRESSES = {
  rootServer: '127.53.0.1',
  gtldServer: '127.53.1.1',
  naverNameServer: '127.53.2.1',
  googleNameServer: '127.53.2.2',
  badsslNameServer: '127.53.2.3',
  /** ns1.lab-dns.net: serves lab-dns.net (delegated from net with glue). */
  labDnsNameServer: '127.53.2.4',
  /** ns.lab-dns.net: serves glueless-lab.com (delegated from com without glue). */
  gluelessNameServer: '127.53.2.5',
  /** ns1.testsafebrowsing-lab.com: serves testsafebrowsing-lab.com (the Safe Browsing test hosts). */
  safeBrowsingNameServer: '127.53.2.6',
  naverWeb: '127.80.0.1',
  googleWeb: '127.80.0.2',
  /** The certificate-error scenario hosts (*.badssl-lab.com). */
  badsslWeb: '127.80.0.3',
  /** www.glueless-lab.com. */
  gluelessWeb: '127.80.0.4',
  /** The Safe Browsing test hosts (*.testsafebrowsing-lab.com). */
  safeBrowsingWeb: '127.80.0.5',
  /** ns1.sites-lab.net: serves the row of ordinary sites site1-lab.com … site20-lab.com. */
  sitesNameServer: '127.53.2.7',
  /** www.site1-lab.com … www.site20-lab.com: ordinary sites, for many sites at once. */
  sitesWeb: '127.80.0.6',
  /** Resolves, but nothing listens there: connection refused. */
  refused: '127.80.0.99',
} as const;

/** Every lab web address (served or not) starts with this: the lab owns 127.80.0.0/16. */
export const LAB_WEB_ADDRESS_PREFIX = '127.80.';

/**
 * A row of ordinary sites, each its own registrable domain (so its own site and its
 * own renderer process): site1-lab.com … site20-lab.com, all delegated from com to
 * ns1.sites-lab.net (out of bailiwick: the resolver looks that name up under net).
 */
export const LAB_ORDINARY_SITES = Array.from({ length: 20 }, (_, i) => ({
  zone: `site${i + 1}-lab.com`,
  host: `www.site${i + 1}-lab.com`,
  number: i + 1,
}));

export const labNameServers: LabNameServer[] = [
  { name: 'a.root-servers.net', address: LAB_ADDRESSES.rootServer, role: 'root', zones: ['.'] },
  { name: 'a.gtld-servers.net', address: LAB_ADDRESSES.gtldServer, role: 'tld', zones: ['com', 'net'] },
  { name: 'ns1.naver.com', address: LAB_ADDRESSES.naverNameServer, role: 'authoritative', zones: ['naver.com'] },
  { name: 'ns1.google.com', address: LAB_ADDRESSES.googleNameServer, role: 'authoritative', zones: ['google.com'] },
  {
    name: 'ns1.badssl-lab.com',
    address: LAB_ADDRESSES.badsslNameServer,
    role: 'authoritative',
    zones: ['badssl-lab.com'],
  },
  { name: 'ns1.lab-dns.net', address: LAB_ADDRESSES.labDnsNameServer, role: 'authoritative', zones: ['lab-dns.net'] },
  {
    name: 'ns.lab-dns.net',
    address: LAB_ADDRESSES.gluelessNameServer,
    role: 'authoritative',
    zones: ['glueless-lab.com'],
  },
  {
    name: 'ns1.testsafebrowsing-lab.com',
    address: LAB_ADDRESSES.safeBrowsingNameServer,
    role: 'authoritative',
    zones: ['testsafebrowsing-lab.com'],
  },
  {
    name: 'ns1.sites-lab.net',
    address: LAB_ADDRESSES.sitesNameServer,
    role: 'authoritative',
    zones: ['sites-lab.net', ...LAB_ORDINARY_SITES.map((site) => site.zone)],
  },
];

/** Addresses on which the lab's web server listens (one port for all). */
export const labWebAddresses: string[] = [
  LAB_ADDRESSES.naverWeb,
  LAB_ADDRESSES.googleWeb,
  LAB_ADDRESSES.badsslWeb,
  LAB_ADDRESSES.gluelessWeb,
  LAB_ADDRESSES.safeBrowsingWeb,
  LAB_ADDRESSES.sitesWeb,
];

export const labZones: LabZone[] = [
  {
    origin: '.',
    soa: soa('.', 'a.root-servers.net'),
    records: [
      ns('.', 'a.root-servers.net'),
      a('a.root-servers.net', LAB_ADDRESSES.rootServer, LAB_TTL.delegation),
      // Delegations to the TLDs, with glue.
      ns('com', 'a.gtld-servers.net'),
      ns('net', 'a.gtld-servers.net'),
      a('a.gtld-servers.net', LAB_ADDRESSES.gtldServer, LAB_TTL.delegation),
    ],
  },
  {
    origin: 'com',
    soa: soa('com', 'a.gtld-servers.net'),
    records: [
      ns('com', 'a.gtld-servers.net'),
      // naver.com
      ns('naver.com', 'ns1.naver.com'),
      a('ns1.naver.com', LAB_ADDRESSES.naverNameServer, LAB_TTL.delegation),
      // google.com
      ns('google.com', 'ns1.google.com'),
      a('ns1.google.com', LAB_ADDRESSES.googleNameServer, LAB_TTL.delegation),
      // badssl-lab.com: the certificate-error scenario hosts.
      ns('badssl-lab.com', 'ns1.badssl-lab.com'),
      a('ns1.badssl-lab.com', LAB_ADDRESSES.badsslNameServer, LAB_TTL.delegation),
      // glueless-lab.com: its name server lives under net, so com can give no glue;
      // the resolver must first resolve ns.lab-dns.net itself.
      ns('glueless-lab.com', 'ns.lab-dns.net'),
      // testsafebrowsing-lab.com: the Safe Browsing test hosts, with glue.
      ns('testsafebrowsing-lab.com', 'ns1.testsafebrowsing-lab.com'),
      a('ns1.testsafebrowsing-lab.com', LAB_ADDRESSES.safeBrowsingNameServer, LAB_TTL.delegation),
      // The ordinary sites: their name server lives under net (no glue here).
      ...LAB_ORDINARY_SITES.map((site) => ns(site.zone, 'ns1.sites-lab.net')),
    ],
  },
  {
    origin: 'net',
    soa: soa('net', 'a.gtld-servers.net'),
    records: [
      ns('net', 'a.gtld-servers.net'),
      a('a.gtld-servers.net', LAB_ADDRESSES.gtldServer, LAB_TTL.delegation),
      a('a.root-servers.net', LAB_ADDRESSES.rootServer, LAB_TTL.delegation),
      // lab-dns.net, with glue.
      ns('lab-dns.net', 'ns1.lab-dns.net'),
      a('ns1.lab-dns.net', LAB_ADDRESSES.labDnsNameServer, LAB_TTL.delegation),
      // sites-lab.net, with glue.
      ns('sites-lab.net', 'ns1.sites-lab.net'),
      a('ns1.sites-lab.net', LAB_ADDRESSES.sitesNameServer, LAB_TTL.delegation),
    ],
  },
  {
    origin: 'sites-lab.net',
    soa: soa('sites-lab.net', 'ns1.sites-lab.net'),
    records: [
      ns('sites-lab.net', 'ns1.sites-lab.net'),
      a('ns1.sites-lab.net', LAB_ADDRESSES.sitesNameServer, LAB_TTL.delegation),
    ],
  },
  ...LAB_ORDINARY_SITES.map((site): LabZone => ({
    origin: site.zone,
    soa: soa(site.zone, 'ns1.sites-lab.net'),
    records: [ns(site.zone, 'ns1.sites-lab.net'), a(site.host, LAB_ADDRESSES.sitesWeb)],
  })),
  {
    origin: 'naver.com',
    soa: soa('naver.com', 'ns1.naver.com'),
    records: [
      ns('naver.com', 'ns1.naver.com'),
      a('ns1.naver.com', LAB_ADDRESSES.naverNameServer, LAB_TTL.delegation),
      a('naver.com', LAB_ADDRESSES.naverWeb),
      a('www.naver.com', LAB_ADDRESSES.naverWeb),
      cname('m.naver.com', 'www.naver.com'),
      // A CNAME chain inside the zone: cname -> alias1 -> www.
      cname('cname.naver.com', 'alias1.naver.com'),
      cname('alias1.naver.com', 'www.naver.com'),
      // A CNAME into another zone: the resolver must go and resolve www.google.com.
      cname('search.naver.com', 'www.google.com'),
      // AAAA only, for the DNS panel: the network stack does not connect to it in lab mode.
      aaaa('v6only.naver.com', '::1'),
      a('refused.naver.com', LAB_ADDRESSES.refused),
    ],
    faults: [
      { name: 'servfail.naver.com', fault: 'servfail' },
      { name: 'silent.naver.com', fault: 'silent' },
      { name: 'truncated.naver.com', fault: 'truncated' },
      { name: 'malformed.naver.com', fault: 'malformed' },
      { name: 'wrong-id.naver.com', fault: 'wrong-id' },
      { name: 'loop.naver.com', fault: 'referral-loop' },
    ],
  },
  {
    origin: 'google.com',
    soa: soa('google.com', 'ns1.google.com'),
    records: [
      ns('google.com', 'ns1.google.com'),
      a('ns1.google.com', LAB_ADDRESSES.googleNameServer, LAB_TTL.delegation),
      a('google.com', LAB_ADDRESSES.googleWeb),
      a('www.google.com', LAB_ADDRESSES.googleWeb),
    ],
  },
  {
    origin: 'badssl-lab.com',
    soa: soa('badssl-lab.com', 'ns1.badssl-lab.com'),
    records: [
      ns('badssl-lab.com', 'ns1.badssl-lab.com'),
      a('ns1.badssl-lab.com', LAB_ADDRESSES.badsslNameServer, LAB_TTL.delegation),
      a('expired.badssl-lab.com', LAB_ADDRESSES.badsslWeb),
      a('handshake-abort.badssl-lab.com', LAB_ADDRESSES.badsslWeb),
      a('wrong-host.badssl-lab.com', LAB_ADDRESSES.badsslWeb),
      a('untrusted-root.badssl-lab.com', LAB_ADDRESSES.badsslWeb),
    ],
  },
  {
    origin: 'lab-dns.net',
    soa: soa('lab-dns.net', 'ns1.lab-dns.net'),
    records: [
      ns('lab-dns.net', 'ns1.lab-dns.net'),
      a('ns1.lab-dns.net', LAB_ADDRESSES.labDnsNameServer, LAB_TTL.delegation),
      a('ns.lab-dns.net', LAB_ADDRESSES.gluelessNameServer, LAB_TTL.delegation),
    ],
  },
  {
    origin: 'glueless-lab.com',
    soa: soa('glueless-lab.com', 'ns.lab-dns.net'),
    records: [ns('glueless-lab.com', 'ns.lab-dns.net'), a('www.glueless-lab.com', LAB_ADDRESSES.gluelessWeb)],
  },
  {
    // Harmless pages standing in for known-bad sites (like Google's testsafebrowsing.appspot.com):
    // the lab's Safe Browsing lists name these hosts.
    origin: 'testsafebrowsing-lab.com',
    soa: soa('testsafebrowsing-lab.com', 'ns1.testsafebrowsing-lab.com'),
    records: [
      ns('testsafebrowsing-lab.com', 'ns1.testsafebrowsing-lab.com'),
      a('ns1.testsafebrowsing-lab.com', LAB_ADDRESSES.safeBrowsingNameServer, LAB_TTL.delegation),
      a('malware.testsafebrowsing-lab.com', LAB_ADDRESSES.safeBrowsingWeb),
      a('phishing.testsafebrowsing-lab.com', LAB_ADDRESSES.safeBrowsingWeb),
    ],
  },
];
