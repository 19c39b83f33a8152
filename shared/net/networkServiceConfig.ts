/**
 * How the network thread is set up when the browser process starts it.
 * Lab mode: names resolve through the lab's DNS hierarchy and connections go only to
 * the lab: its address range on ports 80 and 443 (mapped to the lab's real ports), and
 * its listed web servers on the ports they listen on. Any other address, loopback or not,
 * fails with ERR_NETWORK_ACCESS_DENIED: lab mode is the lab, not the machine's
 * other local servers (use live mode for those).
 * Live mode: the operating system's resolver and the real internet.
 */
import * as s from '../base/schema.js';
import { dnsServerRef } from './dnsRecords.js';

export const networkServiceConfig = s.object({
  mode: s.literal('lab', 'live'),
  lab: s.nullable(
    s.object({
      rootHints: s.array(dnsServerRef, { maxLength: 13 }),
      dnsPort: s.number({ integer: true, min: 1, max: 65535 }),
      portMap: s.record(s.number({ integer: true, min: 1, max: 65535 })),
      /** Addresses starting with this belong to the lab (ports 80 and 443 there are the lab's). */
      addressPrefix: s.string({ maxLength: 64 }),
      /** The lab's web servers, with the ports they listen on: the only places lab mode connects to. */
      servers: s.array(
        s.object({
          address: s.string({ maxLength: 64 }),
          ports: s.array(s.number({ integer: true, min: 1, max: 65535 }), { maxLength: 8 }),
        }),
        { maxLength: 256 },
      ),
      /** The lab CA certificate (PEM): in lab mode the only trust anchor. */
      caPem: s.string({ maxLength: 64 * 1024 }),
    }),
  ),
  /** Live mode: resolve with NavScope's own recursive resolver from the real root hints instead of the OS. */
  liveIterative: s.boolean(),
  /** Where HSTS entries and cookies persist; null keeps them in memory. */
  dataDir: s.nullable(s.string({ maxLength: 4096 })),
  userAgent: s.string({ maxLength: 512 }),
  acceptLanguage: s.string({ maxLength: 256 }),
  /** Per-step limits in milliseconds. */
  timeouts: s.object({
    dnsAttemptMs: s.number({ min: 1 }),
    connectMs: s.number({ min: 1 }),
    responseHeadMs: s.number({ min: 1 }),
    bodyIdleMs: s.number({ min: 1 }),
  }),
});

export type NetworkServiceConfig = s.Infer<typeof networkServiceConfig>;

export const DEFAULT_TIMEOUTS: NetworkServiceConfig['timeouts'] = {
  dnsAttemptMs: 1500,
  connectMs: 10_000,
  responseHeadMs: 30_000,
  bodyIdleMs: 30_000,
};
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) NavScope/0.1 Chrome/145.0.0.0 Safari/537.36';
export const DEFAULT_ACCEPT_LANGUAGE = 'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7';

/** Whether lab mode may connect to `address`:`port` (see above). */
export function labAllowsConnection(
  lab: Pick<NonNullable<NetworkServiceConfig['lab']>, 'servers' | 'portMap' | 'addressPrefix'>,
  address: string,
  port: number,
): boolean {
  const wellKnown = String(port) in lab.portMap;
  if (wellKnown && lab.addressPrefix !== '' && address.startsWith(lab.addressPrefix)) return true;
  return lab.servers.some((server) => server.address === address && (wellKnown || server.ports.includes(port)));
}

export function isLoopbackAddress(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1';
}
