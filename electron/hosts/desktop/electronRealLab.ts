/**
 * Lab mode for Electron's own Chromium (the desktop app's "Real Chromium"), as plain
 * functions (no `electron` import, so they are tested without the binary):
 *
 * - the command-line switches the app appends before it is ready: the same
 *   `--host-resolver-rules` (every lab host at its loopback address and real port,
 *   `MAP * ~NOTFOUND` for every other name) and background-networking switches as every
 *   lab-mode Chromium NavScope starts (electron/node/chromiumLabFlags.ts). They apply to
 *   the whole app, whose own window loads only app://navscope and whose model does its
 *   networking in Node, not through Chromium. `--ignore-certificate-errors-spki-list`
 *   is not used: TLS is decided per session instead (below), so only the recording's
 *   session trusts the lab;
 * - the certificate decision for the recording's own session
 *   (`session.setCertificateVerifyProc`): a lab host's certificate is accepted when its
 *   public key is one of the lab's valid certificates' (the same SPKI hashes the system
 *   Chromium is given); everything else, the lab's deliberately broken certificates
 *   included, is left to Chromium's own verification.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { type ChromiumLabTargets, chromiumLabFlags } from '../../node/chromiumLabFlags.js';

/** Chromium's answers to a certificate verify proc (Electron: 0 accept, -3 use Chromium's own result). */
export const CERTIFICATE_ACCEPT = 0;
export const CERTIFICATE_USE_CHROMIUM = -3;

/** [switch, value] pairs for app.commandLine.appendSwitch, before the app is ready. */
export function electronLabSwitches(targets: ChromiumLabTargets): [string, string][] {
  const { args } = chromiumLabFlags(targets, { asRoot: false });
  const wanted = (name: string) =>
    name === 'host-resolver-rules' ||
    name.startsWith('disable-background-networking') ||
    name === 'disable-component-update' ||
    name === 'disable-sync' ||
    name === 'no-pings' ||
    name === 'disable-domain-reliability';
  const out: [string, string][] = [];
  for (const arg of args) {
    const body = arg.replace(/^--/, '');
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    if (wanted(name)) out.push([name, eq === -1 ? '' : body.slice(eq + 1)]);
  }
  return out;
}

/** The base64 SHA-256 of a PEM certificate's public key (SubjectPublicKeyInfo), or null when it does not parse. */
export function spkiSha256(pem: string): string | null {
  try {
    const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('base64');
  } catch {
    return null;
  }
}

/** The verify proc's answer for a certificate a lab host presented (see the module comment). */
export function labCertificateDecision(hostname: string, pem: string, targets: ChromiumLabTargets): number {
  const host = hostname.toLowerCase();
  const hash = spkiSha256(pem);
  if (hash === null) return CERTIFICATE_USE_CHROMIUM;
  const valid = targets.serverCertificates.some(
    (c) => c.kind === 'valid' && c.host.toLowerCase() === host && c.spkiSha256 === hash,
  );
  return valid ? CERTIFICATE_ACCEPT : CERTIFICATE_USE_CHROMIUM;
}
