import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumLabFlags, labHostResolverRules } from '../../../electron/node/chromiumLabFlags.js';
import { findSystemChromium } from '../../../electron/node/systemChromium.js';

const HASH_A = 'Qz5X/cKxqHBUdDdzQfggjJzBmhQfdsb34hp5naFS2A4=';
const HASH_B = '8d2R1d4DlMTIWiEe4unLTvc0DFWlJVmTTnntc6oj/c0=';
const lab = {
  webServers: [
    { address: '127.80.0.1', port: 20080, httpsPort: 20443, hosts: ['www.naver.com', 'naver.com'] },
    { address: '127.80.0.3', port: 20080, httpsPort: 20443, hosts: ['expired.badssl-lab.com'] },
  ],
  serverCertificates: [
    { host: 'www.naver.com', kind: 'valid', spkiSha256: HASH_A },
    { host: 'naver.com', kind: 'valid', spkiSha256: HASH_B },
    { host: 'expired.badssl-lab.com', kind: 'expired', spkiSha256: 'x'.repeat(43) + '=' },
  ],
};

describe('the lab-mode flags of a real Chromium', () => {
  it('map each lab host at ports 80 and 443 to its lab address, and every other name nowhere', () => {
    expect(labHostResolverRules(lab, ['127.0.0.1'])).toBe(
      'EXCLUDE 127.0.0.1, ' +
        'MAP www.naver.com:80 127.80.0.1:20080, MAP www.naver.com:443 127.80.0.1:20443, ' +
        'MAP naver.com:80 127.80.0.1:20080, MAP naver.com:443 127.80.0.1:20443, ' +
        'MAP expired.badssl-lab.com:80 127.80.0.3:20080, MAP expired.badssl-lab.com:443 127.80.0.3:20443, ' +
        'MAP * ~NOTFOUND',
    );
  });

  it('switch background networking off and trust only the lab’s valid certificates', () => {
    const { args, tls } = chromiumLabFlags(lab, { asRoot: false, userDataDir: '/tmp/profile' });
    expect(args).toEqual([
      expect.stringMatching(/^--host-resolver-rules=MAP www\.naver\.com:80 .*, MAP \* ~NOTFOUND$/),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pings',
      '--disable-domain-reliability',
      `--ignore-certificate-errors-spki-list=${HASH_A},${HASH_B}`,
      '--disable-gpu',
      '--no-first-run',
      '--user-data-dir=/tmp/profile',
    ]);
    expect(tls).toMatchObject({
      mode: 'lab-certificates-trusted-by-spki',
      trustedHosts: ['www.naver.com', 'naver.com'],
      untrustedHosts: ['expired.badssl-lab.com'],
    });
    expect(chromiumLabFlags(lab, { asRoot: true }).args).toContain('--no-sandbox');
    expect(chromiumLabFlags(lab, { asRoot: false }).args).not.toContain('--no-sandbox');
  });

  it('refuse a rule a host name could inject, and a lab without hosts or valid certificates', () => {
    const injected = { ...lab, webServers: [{ ...lab.webServers[0]!, hosts: ['evil.com, MAP * 1.2.3.4'] }] };
    expect(() => labHostResolverRules(injected)).toThrow(/is not a host name/);
    expect(() => labHostResolverRules(lab, ['a b'])).toThrow(/is not a host name or IPv4 address/);
    expect(() => labHostResolverRules({ ...lab, webServers: [] })).toThrow(/publishes no web host/);
    expect(() => chromiumLabFlags({ ...lab, serverCertificates: [] })).toThrow(/no valid server certificate/);
  });
});

describe('finding the system Chromium', () => {
  it('takes NAVSCOPE_CHROMIUM when set, and says how to get one when it is wrong or nothing is found', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'navscope-chromium-'));
    try {
      const fake = path.join(dir, 'chrome');
      writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
      expect(findSystemChromium({ NAVSCOPE_CHROMIUM: fake })).toEqual({
        found: true,
        path: fake,
        source: 'NAVSCOPE_CHROMIUM',
      });
      const missing = findSystemChromium({ NAVSCOPE_CHROMIUM: path.join(dir, 'none') });
      expect(missing.found).toBe(false);
      expect(!missing.found && missing.message).toMatch(
        /NAVSCOPE_CHROMIUM is .*none, which does not exist\. Install Chromium/,
      );
      writeFileSync(path.join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
      const onPath = findSystemChromium({ PATH: dir });
      // A default location (Debian's /usr/bin/chromium) wins over the PATH where it exists.
      expect(onPath.found).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
