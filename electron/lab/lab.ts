import { X509Certificate, createHash, randomInt } from 'node:crypto';
import { LabCertificateAuthority } from './labCertificateAuthority.js';
import { LabDnsServer } from './labDnsServer.js';
import { buildLabSafeBrowsingLists } from './labSafeBrowsingList.js';
import { LAB_SCENARIOS } from './labScenarios.js';
import { LabServerCertificates } from './labServerCertificates.js';
import { LabWebServer } from './labWebServer.js';
import { labHostRedirects, labSites } from './labSites.js';
import type { LabSiteCertificate } from './labSites.js';
import { LAB_WEB_ADDRESS_PREFIX, labNameServers, labWebAddresses, labZones } from './labZones.js';
import type { LabConfig, LabDnsServerInfo } from './labConfig.js';
import type { LabNameServer, LabZone } from './labZones.js';

const PORT_RANGE_LOW = 20000;
const PORT_RANGE_HIGH = 60000;
const PORT_ATTEMPTS = 50;
/** Longest CNAME chain followed when listing the names that reach a web address. */
const MAX_CNAME_CHAIN = 8;

export interface LabStartOptions {
  /**
   * Where the lab CA is kept (`<dataDir>/lab-ca/`): generated on first start,
   * loaded afterwards. `null` or omitted: a fresh CA in memory only.
   */
  dataDir?: string | null;
}

/**
 * The embedded internet on loopback: real DNS servers (root, TLD,
 * authoritative) on 127.53.x.x and the stand-in web sites on 127.80.x.x, over
 * HTTP and over HTTPS with certificates from the lab CA.
 */
export class Lab {
  readonly config: LabConfig;
  /** The running DNS servers (root, gTLD, authoritative), in config order. */
  readonly dnsServers: readonly LabDnsServer[];
  readonly webServer: LabWebServer;
  /** The certificates the HTTPS server presents, by host. */
  readonly certificates: LabServerCertificates;
  private stopping: Promise<void> | undefined;

  private constructor(
    config: LabConfig,
    dnsServers: LabDnsServer[],
    webServer: LabWebServer,
    certificates: LabServerCertificates,
  ) {
    this.config = config;
    this.dnsServers = dnsServers;
    this.webServer = webServer;
    this.certificates = certificates;
  }

  /** Loads (or makes) the CA, issues the certificates, starts every server on free ports; resolves once all of them listen. */
  static async start(options: LabStartOptions = {}): Promise<Lab> {
    const ca = await LabCertificateAuthority.loadOrCreate(options.dataDir ?? null);
    const served = servedHosts();
    const certificates = await LabServerCertificates.issue(ca, served);

    const dnsServers = labNameServers.map(
      (ns) => new LabDnsServer({ name: ns.name, address: ns.address, zones: zonesOf(ns) }),
    );
    const webServer = new LabWebServer({ sites: labSites, redirects: labHostRedirects });

    const dnsPort = await onFreePort('DNS (UDP)', async (port) => {
      const bound: LabDnsServer[] = [];
      try {
        for (const server of dnsServers) {
          await server.listen(port);
          bound.push(server);
        }
      } catch (error) {
        await Promise.all(bound.map((server) => server.close()));
        throw error;
      }
    });
    const hostsByAddress = new Map(labWebAddresses.map((address) => [address, hostsResolvingTo(address)] as const));
    let webPort: number;
    let httpsPort: number;
    try {
      webPort = await onFreePort('HTTP (TCP)', (port) => webServer.listen(labWebAddresses, port));
      const endpoints = labWebAddresses.map((address) => ({
        address,
        defaultHost: defaultHostFor(hostsByAddress.get(address) ?? [], served),
      }));
      httpsPort = await onFreePort('HTTPS (TCP)', (port) => webServer.listenHttps(endpoints, port, certificates));
    } catch (error) {
      await Promise.all([webServer.close(), ...dnsServers.map((server) => server.close())]);
      throw error;
    }

    const info = labNameServers.map((ns): LabDnsServerInfo => ({
      name: ns.name,
      address: ns.address,
      port: dnsPort,
      zone: ns.zones[0] ?? '.',
      role: ns.role,
    }));
    const config: LabConfig = {
      dnsPort,
      rootHints: info.filter((s) => s.role === 'root'),
      dnsServers: info,
      portMap: { '80': webPort, '443': httpsPort },
      webServers: labWebAddresses.map((address) => ({
        address,
        port: webPort,
        httpsPort,
        hosts: hostsByAddress.get(address) ?? [],
      })),
      webAddressPrefix: LAB_WEB_ADDRESS_PREFIX,
      ca: { certPem: ca.certPem },
      serverCertificates: certificates.hosts().map((host) => {
        const served = certificates.certificateFor(host)!;
        return { host, kind: served.kind, spkiSha256: spkiSha256(served.chainPem) };
      }),
      scenarios: structuredClone(LAB_SCENARIOS),
      safeBrowsingLists: buildLabSafeBrowsingLists(),
    };
    return new Lab(config, dnsServers, webServer, certificates);
  }

  /** Closes every socket and server. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all([this.webServer.close(), ...this.dnsServers.map((server) => server.close())]);
    })();
    return this.stopping;
  }

  /** Answers every /hold/ request currently waiting. */
  releaseHeld(): void {
    this.webServer.releaseHeld();
  }

  /** Number of /hold/ requests currently waiting. */
  heldCount(): number {
    return this.webServer.heldCount();
  }

  /** Calls `listener` with the path of each /hold/ request as it arrives; returns the unsubscribe function. */
  onHeld(listener: (path: string) => void): () => void {
    return this.webServer.onHeld(listener);
  }

  /** Number of responses still being sent on a timer (/slow-head, /slow-body, /chunked, /download/data.bin). */
  slowResponseCount(): number {
    return this.webServer.slowResponseCount();
  }
}

/** Base64 SHA-256 of the first certificate's SubjectPublicKeyInfo (Chromium's SPKI hash form). */
function spkiSha256(chainPem: string): string {
  const spki = new X509Certificate(chainPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function zonesOf(ns: LabNameServer): LabZone[] {
  return ns.zones.map((origin) => {
    const zone = labZones.find((z) => z.origin === origin);
    if (!zone) throw new Error(`Lab zone data has no zone "${origin}" for ${ns.name}`);
    return zone;
  });
}

/** Every host the web server answers for, with the certificate its site asks for (sites first, then redirect-only hosts). */
function servedHosts(): { host: string; certificate: LabSiteCertificate }[] {
  const valid: LabSiteCertificate = { kind: 'valid' };
  return [
    ...labSites.flatMap((site) =>
      site.hosts.map((host) => ({ host: host.toLowerCase(), certificate: site.certificate ?? valid })),
    ),
    ...labHostRedirects.flatMap((r) => r.hosts.map((host) => ({ host: host.toLowerCase(), certificate: valid }))),
  ];
}

/** The certificate an HTTPS address presents without SNI: the first served host that resolves there. */
function defaultHostFor(hosts: readonly string[], served: readonly { host: string }[]): string {
  const match = served.find((s) => hosts.includes(s.host)) ?? served[0];
  if (!match) throw new Error('The lab serves no host');
  return match.host;
}

/** Names whose A records point at `address`, directly or through CNAMEs, from the zone data. */
function hostsResolvingTo(address: string): string[] {
  const byName = new Map<string, { type: string; data: string }[]>();
  for (const zone of labZones) {
    for (const record of zone.records) {
      if (record.type !== 'A' && record.type !== 'CNAME') continue;
      const name = record.name.toLowerCase();
      const list = byName.get(name) ?? [];
      list.push({ type: record.type, data: record.data.toLowerCase() });
      byName.set(name, list);
    }
  }
  const reaches = (name: string): boolean => {
    let current = name;
    for (let step = 0; step <= MAX_CNAME_CHAIN; step++) {
      const records = byName.get(current) ?? [];
      if (records.some((r) => r.type === 'A' && r.data === address)) return true;
      const alias = records.find((r) => r.type === 'CNAME');
      if (!alias) return false;
      current = alias.data;
    }
    return false;
  };
  return [...byName.keys()].filter(reaches).sort();
}

/** Runs `bind` on random ports until one is free on every address it needs. */
async function onFreePort(what: string, bind: (port: number) => Promise<void>): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = randomInt(PORT_RANGE_LOW, PORT_RANGE_HIGH + 1);
    try {
      await bind(port);
      return port;
    } catch (error) {
      if (errorCode(error) !== 'EADDRINUSE' && errorCode(error) !== 'EACCES') {
        if (errorCode(error) === 'EADDRNOTAVAIL') {
          throw new Error(
            `The NavScope lab cannot bind its ${what} loopback addresses (127.53.x.x / 127.80.x.x): ` +
              'this system does not route all of 127.0.0.0/8 to the loopback interface.',
            { cause: error },
          );
        }
        throw error;
      }
      lastError = error;
    }
  }
  throw new Error(`The NavScope lab found no free ${what} port after ${PORT_ATTEMPTS} attempts`, { cause: lastError });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}
