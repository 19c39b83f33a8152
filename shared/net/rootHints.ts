/**
 * The DNS root servers (IANA's root hints, IPv4): where a recursive resolver starts
 * its walk. Used in live mode when the iterative walk is asked for.
 */
import type { DnsServerRef } from './dnsRecords.js';

const ROOTS: [string, string][] = [
  ['a', '198.41.0.4'],
  ['b', '170.247.170.2'],
  ['c', '192.33.4.12'],
  ['d', '199.7.91.13'],
  ['e', '192.203.230.10'],
  ['f', '192.5.5.241'],
  ['g', '192.112.36.4'],
  ['h', '198.97.190.53'],
  ['i', '192.36.148.17'],
  ['j', '192.58.128.30'],
  ['k', '193.0.14.129'],
  ['l', '199.7.83.42'],
  ['m', '202.12.27.33'],
];

export const ROOT_HINTS: readonly DnsServerRef[] = ROOTS.map(([letter, address]) => ({
  address,
  port: 53,
  name: `${letter}.root-servers.net`,
  zone: '.',
  role: 'root',
}));
