import tls from 'node:tls';
import { LabCertificateAuthority } from './labCertificateAuthority.js';
import type { LabSiteCertificate } from './labSites.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Leaf certificates: valid from a day ago (clock skew) for 90 days. */
const LEAF_NOT_BEFORE_MS = DAY_MS;
const LEAF_VALIDITY_MS = 90 * DAY_MS;
/** The expired scenario's certificate: valid for 90 days, ended 30 days ago. */
const EXPIRED_NOT_AFTER_AGO_MS = 30 * DAY_MS;

/** The throwaway CA of the untrusted-root scenario (made anew on every start, never stored). */
export const LAB_UNTRUSTED_CA_NAME = {
  commonName: 'NavScope Lab Untrusted Root CA',
  organization: 'NavScope Lab (untrusted)',
};

export interface LabServedCertificate {
  /** The host it is presented for (the SNI name). */
  host: string;
  kind: LabSiteCertificate['kind'];
  /** PEM chain the server sends: the leaf, then (untrusted-root only) its throwaway root. */
  chainPem: string;
  /** The leaf's private key, PKCS#8 PEM. */
  keyPem: string;
}

/**
 * The certificate every lab HTTPS host presents, issued at lab start, and the
 * TLS contexts the HTTPS server picks from by SNI.
 */
export class LabServerCertificates {
  private readonly byHost = new Map<string, LabServedCertificate>();
  private readonly contexts = new Map<string, tls.SecureContext>();

  private constructor(certificates: LabServedCertificate[]) {
    for (const certificate of certificates) {
      this.byHost.set(certificate.host, certificate);
      this.contexts.set(
        certificate.host,
        tls.createSecureContext({ cert: certificate.chainPem, key: certificate.keyPem }),
      );
    }
  }

  /** Issues one certificate per host, as each host's site asks (`valid` when it does not say). */
  static async issue(
    ca: LabCertificateAuthority,
    hosts: readonly { host: string; certificate: LabSiteCertificate }[],
    now = new Date(),
  ): Promise<LabServerCertificates> {
    const t = now.getTime();
    let untrustedCa: Promise<LabCertificateAuthority> | undefined;
    const issued = await Promise.all(
      hosts.map(async ({ host, certificate }): Promise<LabServedCertificate> => {
        const name = host.toLowerCase();
        const current = { notBefore: new Date(t - LEAF_NOT_BEFORE_MS), notAfter: new Date(t + LEAF_VALIDITY_MS) };
        switch (certificate.kind) {
          case 'valid': {
            const pair = await ca.issue({ dnsNames: [name], ...current });
            return { host: name, kind: certificate.kind, chainPem: pair.certPem, keyPem: pair.keyPem };
          }
          case 'expired': {
            const notAfter = new Date(t - EXPIRED_NOT_AFTER_AGO_MS);
            const pair = await ca.issue({
              dnsNames: [name],
              notBefore: new Date(notAfter.getTime() - LEAF_VALIDITY_MS),
              notAfter,
            });
            return { host: name, kind: certificate.kind, chainPem: pair.certPem, keyPem: pair.keyPem };
          }
          case 'wrong-host': {
            const pair = await ca.issue({ dnsNames: [certificate.presentedName.toLowerCase()], ...current });
            return { host: name, kind: certificate.kind, chainPem: pair.certPem, keyPem: pair.keyPem };
          }
          case 'untrusted-root': {
            untrustedCa ??= LabCertificateAuthority.create(LAB_UNTRUSTED_CA_NAME);
            const other = await untrustedCa;
            const pair = await other.issue({ dnsNames: [name], ...current });
            return {
              host: name,
              kind: certificate.kind,
              chainPem: `${pair.certPem.trimEnd()}\n${other.certPem}`,
              keyPem: pair.keyPem,
            };
          }
        }
      }),
    );
    return new LabServerCertificates(issued);
  }

  /** Hosts with a certificate, in issue order. */
  hosts(): string[] {
    return [...this.byHost.keys()];
  }

  /** What is presented for `host` (lower case, no trailing dot), if anything. */
  certificateFor(host: string): LabServedCertificate | undefined {
    return this.byHost.get(normaliseServerName(host));
  }

  /** The TLS context for an SNI server name, if the lab has a certificate for it. */
  contextFor(serverName: string): tls.SecureContext | undefined {
    return this.contexts.get(normaliseServerName(serverName));
  }
}

function normaliseServerName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
