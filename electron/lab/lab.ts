import { randomInt } from 'node:crypto';
import { LabDnsServer } from './labDnsServer.js';
import { LabWebServer } from './labWebServer.js';
import { labHostRedirects, labSites } from './labSites.js';
import { labNameServers, labWebAddresses, labZones } from './labZones.js';
import type { LabConfig, LabDnsServerInfo } from './labConfig.js';
import type { LabNameServer, LabZone } from './labZones.js';

const PORT_RANGE_LOW = 20000;
const PORT_RANGE_HIGH = 60000;
const PORT_ATTEMPTS = 50;

/**
 * The embedded internet on loopback: real DNS servers (root, TLD,
 * authoritative) on 127.53.x.x and the stand-in web sites on 127.80.x.x.
 */
export class Lab {
  readonly config: LabConfig;
  /** The running DNS servers (root, gTLD, authoritative), in config order. */
  readonly dnsServers: readonly LabDnsServer[];
  readonly webServer: LabWebServer;
  private stopping: Promise<void> | undefined;

  private constructor(config: LabConfig, dnsServers: LabDnsServer[], webServer: LabWebServer) {
    this.config = config;
    this.dnsServers = dnsServers;
    this.webServer = webServer;
  }

  /** Starts every server on free ports; resolves once all of them listen. */
  static async start(): Promise<Lab> {
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
    let webPort: number;
    try {
      webPort = await onFreePort('HTTP (TCP)', (port) => webServer.listen(labWebAddresses, port));
    } catch (error) {
      await Promise.all(dnsServers.map((server) => server.close()));
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
      portMap: { '80': webPort },
      webServers: labWebAddresses.map((address) => ({ address, port: webPort, hosts: hostsResolvingTo(address) })),
    };
    return new Lab(config, dnsServers, webServer);
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
}

function zonesOf(ns: LabNameServer): LabZone[] {
  return ns.zones.map((origin) => {
    const zone = labZones.find((z) => z.origin === origin);
    if (!zone) throw new Error(`Lab zone data has no zone "${origin}" for ${ns.name}`);
    return zone;
  });
}

/** Names with an A record pointing at `address`, from the zone data. */
function hostsResolvingTo(address: string): string[] {
  const hosts = new Set<string>();
  for (const zone of labZones) {
    for (const record of zone.records) {
      if (record.type === 'A' && record.data === address) hosts.add(record.name.toLowerCase());
    }
  }
  return [...hosts].sort();
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
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
