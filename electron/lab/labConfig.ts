import type { SafeBrowsingListFile } from './labSafeBrowsingList.js';
import type { LabScenario } from './labScenarios.js';
import type { LabSiteCertificate } from './labSites.js';

/**
 * What the lab tells the rest of NavScope about itself once it listens: plain,
 * JSON-serialisable data (it is posted to the network thread).
 */

/** One lab DNS server: a real UDP socket on its own loopback address. */
export interface LabDnsServerInfo {
  /** Host name of the server, e.g. `a.root-servers.net`. */
  name: string;
  /** Loopback address it listens on, e.g. `127.53.0.1`. */
  address: string;
  /** UDP port (the same `dnsPort` for every lab DNS server). */
  port: number;
  /** The (first) zone it is authoritative for: `.` for the root, `com`, `naver.com`, ... */
  zone: string;
  role: 'root' | 'tld' | 'authoritative';
}

export interface LabConfig {
  /** Every lab DNS server listens on this one UDP port, each on its own loopback address. */
  dnsPort: number;
  /** The root server(s) a recursive resolver starts from. */
  rootHints: LabDnsServerInfo[];
  /** All lab DNS servers (root, TLD, authoritative). */
  dnsServers: LabDnsServerInfo[];
  /** Well-known port -> real lab port: `{ "80": <HTTP port>, "443": <HTTPS port> }`. */
  portMap: Record<string, number>;
  /**
   * The lab's listening web servers and the host names that resolve to each
   * (directly or through CNAMEs in the lab zones). `port` serves HTTP, `httpsPort` HTTPS.
   */
  webServers: { address: string; port: number; httpsPort: number; hosts: string[] }[];
  /**
   * Every lab host name resolves into this loopback range (e.g. "127.80."), served or
   * not (refused.naver.com resolves to an address where nothing listens).
   */
  webAddressPrefix: string;
  /**
   * The lab's root CA (public certificate only, PEM). Every lab HTTPS host's
   * certificate chains to it, except the deliberately broken ones; in lab mode
   * NavScope's network stack trusts this CA and nothing else.
   */
  ca: { certPem: string };
  /**
   * The certificate each lab HTTPS host presents: its kind (only `valid` ones chain
   * correctly to the lab CA) and the base64 SHA-256 of its SubjectPublicKeyInfo, so
   * that a real Chromium can trust exactly the lab's valid certificates
   * (`--ignore-certificate-errors-spki-list`) without trusting the lab CA system-wide.
   */
  serverCertificates: { host: string; kind: LabSiteCertificate['kind']; spkiSha256: string }[];
  /** Ready-made inputs that each demonstrate one branch of the journey. */
  scenarios: LabScenario[];
  /**
   * The lab's Safe Browsing lists (MALWARE, SOCIAL_ENGINEERING): hash prefixes
   * and full hashes of the expressions for the lab's known-bad URLs
   * (`*.testsafebrowsing-lab.com/`, `www.naver.com/unsafe/`). In lab mode they
   * stand in for the lists a browser downloads from Google.
   */
  safeBrowsingLists: SafeBrowsingListFile[];
}
