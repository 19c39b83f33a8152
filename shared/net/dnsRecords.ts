/**
 * What the trace and the network configuration say about DNS: a name server (its
 * address, name, zone and role in the walk) and a resource record as shown.
 */
import * as s from '../base/schema.js';

export const dnsServerRef = s.object({
  address: s.string({ maxLength: 64 }),
  port: s.number({ integer: true, min: 0, max: 65535 }),
  /** The name server's host name (a.root-servers.net, …) when known. */
  name: s.string({ maxLength: 255 }),
  /** The zone this server answers for ("." for the root). */
  zone: s.string({ maxLength: 255 }),
  role: s.literal('root', 'tld', 'authoritative', 'resolver'),
});
export type DnsServerRef = s.Infer<typeof dnsServerRef>;

export const dnsRecordSummary = s.object({
  name: s.string({ maxLength: 1024 }),
  type: s.string({ maxLength: 32 }),
  ttl: s.number({ integer: true }),
  data: s.string({ maxLength: 64 * 1024 }),
});
export type DnsRecordSummary = s.Infer<typeof dnsRecordSummary>;
