/**
 * Lab mode for Electron's own Chromium, without the Electron binary: the switches the
 * desktop app appends before it is ready, and which certificates the recording's own
 * session accepts (the lab's valid ones, by public key and host; nothing else).
 */
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_ACCEPT,
  CERTIFICATE_USE_CHROMIUM,
  electronLabSwitches,
  labCertificateDecision,
} from '../../../electron/hosts/desktop/electronRealLab.js';
import { Lab } from '../../../electron/lab/lab.js';

/** The certificate a lab host presents, as PEM (a real TLS handshake on loopback). */
function presented(lab: Lab, host: string): Promise<string> {
  const server = lab.config.webServers.find((s) => s.hosts.includes(host))!;
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: server.address,
      port: server.httpsPort,
      servername: host,
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      resolve(
        `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
      );
    });
    socket.once('error', reject);
  });
}

describe("lab mode for Electron's own Chromium", () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('points every lab host at its loopback address, every other name nowhere, background networking off', () => {
    const switches = new Map(electronLabSwitches(lab.config));
    const rules = switches.get('host-resolver-rules') ?? '';
    expect(rules).toMatch(/(^|, )MAP www\.naver\.com:443 127\.\d+\.\d+\.\d+:\d+, /);
    expect(rules).toMatch(/, MAP \* ~NOTFOUND$/);
    for (const name of [
      'disable-background-networking',
      'disable-component-update',
      'disable-sync',
      'no-pings',
      'disable-domain-reliability',
    ])
      expect(switches.get(name)).toBe('');
    // TLS is the recording session's business, and the app's own GPU and sandbox are left alone.
    expect([...switches.keys()]).not.toContain('ignore-certificate-errors-spki-list');
    expect([...switches.keys()]).not.toContain('disable-gpu');
  });

  it("accepts a lab host's valid certificate in the recording's session, and leaves every other to Chromium", async () => {
    const naver = await presented(lab, 'www.naver.com');
    expect(labCertificateDecision('www.naver.com', naver, lab.config)).toBe(CERTIFICATE_ACCEPT);
    expect(labCertificateDecision('WWW.NAVER.COM', naver, lab.config)).toBe(CERTIFICATE_ACCEPT);
    // The same certificate for another host, a deliberately broken one, and garbage: Chromium decides.
    expect(labCertificateDecision('www.google.com', naver, lab.config)).toBe(CERTIFICATE_USE_CHROMIUM);
    const expired = await presented(lab, 'expired.badssl-lab.com');
    expect(labCertificateDecision('expired.badssl-lab.com', expired, lab.config)).toBe(CERTIFICATE_USE_CHROMIUM);
    expect(labCertificateDecision('www.naver.com', 'not a certificate', lab.config)).toBe(CERTIFICATE_USE_CHROMIUM);
  });
});
