import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { installReflectMetadata } from '../../../electron/lab/labReflectMetadata.js';
import { httpGet, httpsGet, httpsOutcome } from './labTestClient.js';

const NAVER_WEB = '127.80.0.1';
const GOOGLE_WEB = '127.80.0.2';
const BADSSL_WEB = '127.80.0.3';
const GLUELESS_WEB = '127.80.0.4';

let lab: Lab;
let httpsPort: number;
let ca: string;

beforeAll(async () => {
  lab = await Lab.start({ dataDir: null });
  httpsPort = lab.config.portMap['443'] ?? 0;
  ca = lab.config.ca.certPem;
});

afterAll(async () => {
  await lab.stop();
});

describe('Lab CA', () => {
  it('is an ECDSA P-256 root named NavScope Lab Root CA, valid for ten years', () => {
    const cert = new X509Certificate(ca);
    expect(cert.ca).toBe(true);
    expect(cert.subject).toContain('CN=NavScope Lab Root CA');
    expect(cert.subject).toContain('O=NavScope Lab');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const years = (Date.parse(cert.validTo) - Date.now()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(9.9);
    expect(years).toBeLessThan(10.1);
  });

  it('is a CA with keyCertSign and cRLSign only (critical extensions)', async () => {
    installReflectMetadata();
    const x509 = await import('@peculiar/x509');
    const cert = new x509.X509Certificate(ca);
    const basic = cert.getExtension(x509.BasicConstraintsExtension);
    expect(basic?.ca).toBe(true);
    expect(basic?.critical).toBe(true);
    const usage = cert.getExtension(x509.KeyUsagesExtension);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(usage?.critical).toBe(true);
    expect(cert.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
  });

  it('issues each leaf for its host only, as a serverAuth certificate valid for 90 days', () => {
    const served = lab.certificates.certificateFor('www.naver.com');
    expect(served?.kind).toBe('valid');
    const leaf = new X509Certificate(served?.chainPem ?? '');
    const root = new X509Certificate(ca);
    expect(leaf.ca).toBe(false);
    expect(leaf.subjectAltName).toBe('DNS:www.naver.com');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(leaf.checkIssued(root)).toBe(true);
    expect(leaf.verify(root.publicKey)).toBe(true);
    const day = 24 * 3600 * 1000;
    expect(Date.now() - Date.parse(leaf.validFrom)).toBeGreaterThan(0.9 * day);
    expect(Date.parse(leaf.validTo) - Date.now()).toBeGreaterThan(89 * day);
    expect(Date.parse(leaf.validTo) - Date.now()).toBeLessThan(91 * day);
  });

  it('has a certificate for every served host', () => {
    for (const server of lab.config.webServers) {
      for (const host of server.hosts) {
        if (host === 'refused.naver.com') continue;
        expect(lab.certificates.certificateFor(host), host).toBeDefined();
      }
    }
  });
});

describe('Lab HTTPS', () => {
  it('serves www.naver.com over TLS 1.3 with ALPN http/1.1 and HSTS, trusting only the lab CA', async () => {
    const reply = await httpsGet(NAVER_WEB, httpsPort, '/', { ca, servername: 'www.naver.com' });
    expect(reply.status).toBe(200);
    expect(reply.tlsProtocol).toBe('TLSv1.3');
    expect(reply.alpnProtocol).toBe('http/1.1');
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(reply.peerCertificate.subjectaltname).toBe('DNS:www.naver.com');
    expect(reply.body.toString('utf8')).toContain('<title>NAVER — NavScope lab</title>');
  });

  it('uses the same routes as HTTP', async () => {
    const reply = await httpsGet(NAVER_WEB, httpsPort, '/news', { ca, servername: 'www.naver.com' });
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain('/static/naver.css');
    const google = await httpsGet(GOOGLE_WEB, httpsPort, '/search?q=tls', { ca, servername: 'www.google.com' });
    expect(google.status).toBe(200);
    expect(google.body.toString('utf8')).toContain('<title>tls - Google Search — NavScope lab</title>');
    const glueless = await httpsGet(GLUELESS_WEB, httpsPort, '/', { ca, servername: 'www.glueless-lab.com' });
    expect(glueless.body.toString('utf8')).toContain('glueless referral');
  });

  it('/hsts over HTTPS adds includeSubDomains; HTTP never sends Strict-Transport-Security', async () => {
    const secure = await httpsGet(NAVER_WEB, httpsPort, '/hsts', { ca, servername: 'www.naver.com' });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(secure.body.toString('utf8')).toContain('Strict-Transport-Security');
    const webPort = lab.config.portMap['80'] ?? 0;
    for (const path of ['/', '/hsts', '/no/such/page']) {
      const plain = await httpGet(NAVER_WEB, webPort, 'www.naver.com', path);
      expect(plain.headers['strict-transport-security'], path).toBeUndefined();
    }
    const notFound = await httpsGet(NAVER_WEB, httpsPort, '/no/such/page', { ca, servername: 'www.naver.com' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('keeps the scheme on host redirects', async () => {
    const reply = await httpsGet(NAVER_WEB, httpsPort, '/news?x=1', { ca, servername: 'naver.com' });
    expect(reply.status).toBe(301);
    expect(reply.headers['location']).toBe('https://www.naver.com/news?x=1');
  });

  it('chooses the certificate by SNI', async () => {
    const reply = await httpsGet(NAVER_WEB, httpsPort, '/', { ca, servername: 'm.naver.com' });
    expect(reply.peerCertificate.subjectaltname).toBe('DNS:m.naver.com');
    expect(reply.status).toBe(200);
  });

  it('refuses a client that offers only h2 (ALPN http/1.1 only)', async () => {
    const { connect } = await import('node:tls');
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(
        { host: NAVER_WEB, port: httpsPort, servername: 'www.naver.com', ca, ALPNProtocols: ['h2'] },
        () => {
          resolve(`connected:${String(socket.alpnProtocol)}`);
          socket.destroy();
        },
      );
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
  });
});

describe('Lab HTTPS: certificate errors', () => {
  it('expired.badssl-lab.com presents an expired lab-CA certificate', async () => {
    expect(await httpsOutcome(BADSSL_WEB, httpsPort, '/', { ca, servername: 'expired.badssl-lab.com' })).toBe(
      'CERT_HAS_EXPIRED',
    );
    const leaf = new X509Certificate(lab.certificates.certificateFor('expired.badssl-lab.com')?.chainPem ?? '');
    expect(Date.parse(leaf.validTo)).toBeLessThan(Date.now());
    expect(leaf.checkIssued(new X509Certificate(ca))).toBe(true);
  });

  it('wrong-host.badssl-lab.com presents a certificate for some-other-host.badssl-lab.com only', async () => {
    expect(await httpsOutcome(BADSSL_WEB, httpsPort, '/', { ca, servername: 'wrong-host.badssl-lab.com' })).toBe(
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
  });

  it('untrusted-root.badssl-lab.com chains to a throwaway root that is not the lab CA', async () => {
    expect(await httpsOutcome(BADSSL_WEB, httpsPort, '/', { ca, servername: 'untrusted-root.badssl-lab.com' })).toBe(
      'SELF_SIGNED_CERT_IN_CHAIN',
    );
    const chain = lab.certificates.certificateFor('untrusted-root.badssl-lab.com')?.chainPem ?? '';
    expect(chain.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const root = new X509Certificate(chain.slice(chain.lastIndexOf('-----BEGIN CERTIFICATE-----')));
    expect(root.subject).toContain('CN=NavScope Lab Untrusted Root CA');
    expect(root.fingerprint256).not.toBe(new X509Certificate(ca).fingerprint256);
  });

  it('each bad host serves a page naming its error to a client that does not verify', async () => {
    const expected: Record<string, string> = {
      'expired.badssl-lab.com': 'Expired certificate',
      'wrong-host.badssl-lab.com': 'Wrong host name',
      'untrusted-root.badssl-lab.com': 'Untrusted root',
    };
    const { request } = await import('node:https');
    for (const [host, text] of Object.entries(expected)) {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: BADSSL_WEB,
            port: httpsPort,
            path: '/',
            servername: host,
            headers: { Host: host },
            rejectUnauthorized: false,
            agent: false,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(body, host).toContain(text);
      expect(body, host).toContain('NavScope lab stand-in');
    }
  });
});
