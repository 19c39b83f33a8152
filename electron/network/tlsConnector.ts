/**
 * The TLS handshake on top of a connected TCP socket (Chromium's SSLClientSocket):
 * SNI and ALPN (http/1.1), TLS 1.2 or newer. The certificate is verified by NavScope
 * itself right after the handshake and before any byte of the request is written,
 * so the panel can show the chain even when it is refused:
 *   - lab mode trusts only the lab CA; live mode the system's trust store;
 *   - an expired or not-yet-valid certificate is ERR_CERT_DATE_INVALID, a name that
 *     does not match ERR_CERT_COMMON_NAME_INVALID, an unknown issuer
 *     ERR_CERT_AUTHORITY_INVALID — Chromium's codes, which lead to an interstitial.
 */
import type { Socket } from 'node:net';
import {
  type DetailedPeerCertificate,
  type TLSSocket,
  checkServerIdentity,
  connect as tlsConnect,
  rootCertificates,
} from 'node:tls';
import { NetError, type NetErrorName } from '../../shared/net/netError.js';
import type { JsonValue } from '../../shared/trace/traceEvent.js';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltNames: string[];
  serialNumber: string;
  fingerprint256: string;
  [key: string]: JsonValue;
}

export interface TlsInfo {
  protocol: string;
  cipher: string;
  alpn: string;
  chain: CertificateSummary[];
  verification: string;
  [key: string]: JsonValue;
}

/** Node's verification codes, in Chromium's net error vocabulary. */
export function certificateErrorFor(code: string): NetErrorName {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return 'ERR_CERT_DATE_INVALID';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'ERR_CERT_COMMON_NAME_INVALID';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'CERT_UNTRUSTED':
      return 'ERR_CERT_AUTHORITY_INVALID';
    default:
      return 'ERR_CERT_INVALID';
  }
}

function name(entity: Record<string, string | string[] | undefined> | undefined): string {
  if (!entity) return '';
  return ['CN', 'O', 'OU', 'C']
    .filter((k) => entity[k] !== undefined)
    .map((k) => `${k}=${String(entity[k])}`)
    .join(', ');
}

function summarizeChain(leaf: DetailedPeerCertificate): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  let cert: DetailedPeerCertificate | undefined = leaf;
  const seen = new Set<string>();
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256) && chain.length < 8) {
    seen.add(cert.fingerprint256);
    chain.push({
      subject: name(cert.subject as unknown as Record<string, string>),
      issuer: name(cert.issuer as unknown as Record<string, string>),
      validFrom: cert.valid_from,
      validTo: cert.valid_to,
      subjectAltNames: (cert.subjectaltname ?? '').split(', ').filter(Boolean),
      serialNumber: cert.serialNumber,
      fingerprint256: cert.fingerprint256,
    });
    cert = cert.issuerCertificate;
  }
  return chain;
}

export interface TlsOptions {
  host: string;
  /** PEM trust anchors; null = the system's (Node's bundled) roots. */
  trustAnchorsPem: string | null;
  timeoutMs: number;
}

/** Runs the handshake and verification. Resolves with the secure socket and what the panel shows. */
export function startTls(socket: Socket, options: TlsOptions): Promise<{ socket: TLSSocket; info: TlsInfo }> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      socket,
      servername: /^[\d.]+$/.test(options.host) ? undefined : options.host,
      ALPNProtocols: ['http/1.1'],
      minVersion: 'TLSv1.2',
      ca: options.trustAnchorsPem ? [options.trustAnchorsPem] : [...rootCertificates],
      // Verified below, after the handshake, so that a refused chain can still be shown.
      rejectUnauthorized: false,
    });
    const fail = (error: NetError): void => {
      clearTimeout(timer);
      secure.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new NetError(
            'ERR_TIMED_OUT',
            `${options.host}: the TLS handshake did not finish within ${options.timeoutMs} ms`,
          ),
        ),
      options.timeoutMs,
    );
    secure.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new NetError(
          error.code === 'ECONNRESET' ? 'ERR_CONNECTION_RESET' : 'ERR_SSL_PROTOCOL_ERROR',
          `${options.host}: TLS handshake failed (${error.code ?? error.message})`,
        ),
      ),
    );
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeAllListeners('error');
      const info: TlsInfo = {
        protocol: secure.getProtocol() ?? 'unknown',
        cipher: secure.getCipher()?.standardName ?? secure.getCipher()?.name ?? 'unknown',
        alpn: secure.alpnProtocol || 'none',
        chain: summarizeChain(secure.getPeerCertificate(true)),
        verification: 'ok',
      };
      let problem: { code: string; text: string } | null = null;
      if (!secure.authorized) {
        const code = String(
          (secure.authorizationError as unknown as { code?: string } | null)?.code ??
            secure.authorizationError ??
            'CERT_INVALID',
        );
        problem = { code, text: String(secure.authorizationError) };
      } else {
        const mismatch = checkServerIdentity(options.host, secure.getPeerCertificate());
        if (mismatch)
          problem = {
            code: (mismatch as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID',
            text: mismatch.message,
          };
      }
      if (problem) {
        info.verification = `${problem.code}: ${problem.text}`;
        const error = new NetError(certificateErrorFor(problem.code), `${options.host}: ${problem.text}`);
        Object.assign(error, { tlsInfo: info });
        secure.destroy();
        reject(error);
        return;
      }
      resolve({ socket: secure, info });
    });
  });
}
