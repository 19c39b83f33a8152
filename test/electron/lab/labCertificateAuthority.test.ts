import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { LabCertificateAuthority } from '../../../electron/lab/labCertificateAuthority.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'navscope-lab-ca-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('Lab CA storage', () => {
  it('is generated on the first start, stored in <dataDir>/lab-ca/, and loaded by the next start', async () => {
    const first = await Lab.start({ dataDir });
    const firstPem = first.config.ca.certPem;
    await first.stop();

    const certFile = path.join(dataDir, 'lab-ca', 'ca-cert.pem');
    const keyFile = path.join(dataDir, 'lab-ca', 'ca-key.pem');
    expect(await readFile(certFile, 'utf8')).toBe(firstPem);
    const keyPem = await readFile(keyFile, 'utf8');
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/); // PKCS#8
    expect(new X509Certificate(firstPem).checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const second = await Lab.start({ dataDir });
    try {
      expect(second.config.ca.certPem).toBe(firstPem);
      // Leaves are issued anew, by the same CA.
      const leaf = new X509Certificate(second.certificates.certificateFor('www.naver.com')?.chainPem ?? '');
      expect(leaf.verify(new X509Certificate(firstPem).publicKey)).toBe(true);
    } finally {
      await second.stop();
    }
    expect(await readdir(dataDir)).toEqual(['lab-ca']);
  });

  it('without a data directory, every start makes a fresh CA in memory', async () => {
    const a = await LabCertificateAuthority.loadOrCreate(null);
    const b = await LabCertificateAuthority.loadOrCreate(null);
    expect(a.certPem).not.toBe(b.certPem);
    const lab = await Lab.start();
    try {
      expect(lab.config.ca.certPem).not.toBe(a.certPem);
      expect(new X509Certificate(lab.config.ca.certPem).subject).toContain('CN=NavScope Lab Root CA');
    } finally {
      await lab.stop();
    }
  });

  it('replaces a stored CA that cannot be used, keeping the old files aside', async () => {
    const original = await LabCertificateAuthority.loadOrCreate(dataDir);
    const other = await LabCertificateAuthority.loadOrCreate(null);
    // A certificate that does not match the stored key.
    await writeFile(path.join(dataDir, 'lab-ca', 'ca-cert.pem'), other.certPem);
    const replaced = await LabCertificateAuthority.loadOrCreate(dataDir);
    expect(replaced.certPem).not.toBe(original.certPem);
    expect(replaced.certPem).not.toBe(other.certPem);
    const entries = (await readdir(dataDir)).sort();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe('lab-ca');
    expect(entries[1]).toMatch(/^lab-ca\.invalid-/);
    expect((await LabCertificateAuthority.loadOrCreate(dataDir)).certPem).toBe(replaced.certPem);
  });

  it('two labs starting at once agree on one stored CA', async () => {
    const [a, b] = await Promise.all([
      LabCertificateAuthority.loadOrCreate(dataDir),
      LabCertificateAuthority.loadOrCreate(dataDir),
    ]);
    const stored = await readFile(path.join(dataDir, 'lab-ca', 'ca-cert.pem'), 'utf8');
    // One of them stored its CA; the other either lost the race (and loaded it) or found it.
    expect([a.certPem, b.certPem]).toContain(stored);
    expect((await LabCertificateAuthority.loadOrCreate(dataDir)).certPem).toBe(stored);
    expect((await readdir(dataDir)).filter((e) => e.includes('.tmp-'))).toEqual([]);
  });

  it('issues leaf certificates with the requested names and dates', async () => {
    const ca = await LabCertificateAuthority.loadOrCreate(null);
    const notBefore = new Date(Date.UTC(2030, 0, 1));
    const notAfter = new Date(Date.UTC(2030, 3, 1));
    const { certPem, keyPem } = await ca.issue({ dnsNames: ['a.example', 'b.example'], notBefore, notAfter });
    const leaf = new X509Certificate(certPem);
    expect(leaf.subjectAltName).toBe('DNS:a.example, DNS:b.example');
    expect(leaf.subject).toContain('CN=a.example');
    expect(new Date(leaf.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(leaf.validTo).getTime()).toBe(notAfter.getTime());
    expect(leaf.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(leaf.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
    expect(leaf.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
  });
});
