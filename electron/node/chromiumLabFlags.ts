/**
 * The command-line flags of every real Chromium that NavScope starts in lab mode: the
 * recorder of real navigations, the end-to-end tests' Chromium and the bench's. One
 * place, so that all of them see the same lab and nothing else:
 *
 * - `--host-resolver-rules` maps each lab host name, at the well-known ports 80 and 443,
 *   to the lab web server's loopback address and real port, and ends with
 *   `MAP * ~NOTFOUND`, so every other name (Chromium's own background requests
 *   included) fails locally with ERR_NAME_NOT_RESOLVED. Chromium does no DNS for the
 *   lab hosts: the rules replace resolution.
 * - background networking is switched off (`--disable-background-networking`,
 *   `--disable-component-update`, `--disable-sync`, `--no-pings`,
 *   `--disable-domain-reliability`);
 * - TLS: the lab CA is not in Chromium's trust store, so the base64 SHA-256 hashes of
 *   the lab's *valid* server certificates' public keys go in
 *   `--ignore-certificate-errors-spki-list`. Chromium then accepts exactly those
 *   certificates; the lab's deliberately broken ones (expired, wrong host, untrusted
 *   root) still fail as they should. Chromium honours that flag only with a
 *   `--user-data-dir`, which Playwright always passes (its own fresh profile).
 * - `--no-sandbox` only when running as root (Chromium refuses to start otherwise),
 *   `--disable-gpu`, `--no-first-run`, and `--user-data-dir` when the caller owns one.
 *
 * This module knows the lab only through the plain data it publishes (LabConfig's
 * `webServers` and `serverCertificates`), so it needs nothing from electron/lab/.
 */

/** What Chromium needs to know of the lab: LabConfig satisfies it. */
export interface ChromiumLabTargets {
  webServers: readonly { address: string; port: number; httpsPort: number; hosts: readonly string[] }[];
  serverCertificates: readonly { host: string; kind: string; spkiSha256: string }[];
}

export interface ChromiumLabFlagOptions {
  /**
   * Hosts (or IP literals) that stay reachable outside the lab, e.g. `127.0.0.1` for
   * the web host that serves NavScope's window to the test's Chromium. Default none.
   */
  allowHosts?: readonly string[];
  /** A fresh profile directory owned by the caller. Omit it under Playwright's `launch` (it makes its own). */
  userDataDir?: string;
  /** `--no-sandbox` is added when this is true (default: running as root). */
  asRoot?: boolean;
}

/** How the lab's certificates are accepted, for the record of a recording and for the UI. */
export interface ChromiumLabTls {
  mode: 'lab-certificates-trusted-by-spki';
  /** Hosts whose certificate is trusted (the lab's valid ones). */
  trustedHosts: string[];
  /** Hosts whose certificate is left to fail (expired, wrong host, untrusted root). */
  untrustedHosts: string[];
  description: string;
}

export interface ChromiumLabFlags {
  args: string[];
  tls: ChromiumLabTls;
}

/** Chromium's background traffic, off in lab mode. */
export const BACKGROUND_NETWORKING_FLAGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-pings',
  '--disable-domain-reliability',
];

const HOST_PATTERN = /^[a-z0-9.-]+$/i;

/** The `--host-resolver-rules` value: lab hosts at ports 80 and 443, allowed hosts, then nothing. */
export function labHostResolverRules(targets: ChromiumLabTargets, allowHosts: readonly string[] = []): string {
  const rules: string[] = [];
  for (const host of allowHosts) {
    if (!HOST_PATTERN.test(host)) throw new Error(`chromium lab flags: "${host}" is not a host name or IPv4 address`);
    rules.push(`EXCLUDE ${host}`);
  }
  const seen = new Set<string>();
  for (const server of targets.webServers) {
    for (const host of server.hosts) {
      const name = host.toLowerCase();
      if (!HOST_PATTERN.test(name)) throw new Error(`chromium lab flags: the lab host "${host}" is not a host name`);
      if (seen.has(name)) continue;
      seen.add(name);
      rules.push(
        `MAP ${name}:80 ${server.address}:${server.port}`,
        `MAP ${name}:443 ${server.address}:${server.httpsPort}`,
      );
    }
  }
  if (seen.size === 0) throw new Error('chromium lab flags: the lab publishes no web host');
  rules.push('MAP * ~NOTFOUND');
  return rules.join(', ');
}

/** How the lab's valid certificates are trusted, and the flag that does it. */
export function labTls(targets: ChromiumLabTargets): { flag: string; tls: ChromiumLabTls } {
  const valid = targets.serverCertificates.filter((c) => c.kind === 'valid');
  const hashes = [...new Set(valid.map((c) => c.spkiSha256))];
  if (hashes.length === 0) throw new Error('chromium lab flags: the lab publishes no valid server certificate');
  for (const hash of hashes)
    if (!/^[A-Za-z0-9+/]{43}=$/.test(hash))
      throw new Error(`chromium lab flags: "${hash}" is not a base64 SHA-256 hash`);
  return {
    flag: `--ignore-certificate-errors-spki-list=${hashes.join(',')}`,
    tls: {
      mode: 'lab-certificates-trusted-by-spki',
      trustedHosts: valid.map((c) => c.host),
      untrustedHosts: targets.serverCertificates.filter((c) => c.kind !== 'valid').map((c) => c.host),
      description:
        "The lab's valid server certificates are trusted by their public-key hashes for this Chromium only " +
        "(--ignore-certificate-errors-spki-list); the lab's deliberately broken certificates still fail.",
    },
  };
}

/** Every flag of a lab-mode Chromium (see the module comment). */
export function chromiumLabFlags(targets: ChromiumLabTargets, options: ChromiumLabFlagOptions = {}): ChromiumLabFlags {
  const asRoot = options.asRoot ?? process.getuid?.() === 0;
  const { flag, tls } = labTls(targets);
  const args = [
    `--host-resolver-rules=${labHostResolverRules(targets, options.allowHosts)}`,
    ...BACKGROUND_NETWORKING_FLAGS,
    flag,
    '--disable-gpu',
    '--no-first-run',
    ...(asRoot ? ['--no-sandbox'] : []),
    ...(options.userDataDir === undefined ? [] : [`--user-data-dir=${options.userDataDir}`]),
  ];
  return { args, tls };
}
