import {
  KeyObject,
  X509Certificate as NodeX509Certificate,
  createPrivateKey,
  randomBytes,
  webcrypto,
} from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as X509 from '@peculiar/x509';
import { installReflectMetadata } from './labReflectMetadata.js';

type X509Module = typeof X509;
type CryptoKey = webcrypto.CryptoKey;

/** ECDSA P-256 with SHA-256 for every lab key and signature: fast to generate, universally supported. */
const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const EC_SIGNATURE = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_VALIDITY_YEARS = 10;
/** A stored CA closer than this to its end is replaced (leaf certificates live 90 days). */
const CA_MIN_REMAINING_MS = 120 * DAY_MS;

/** Sub-folder of the data directory holding the lab CA. */
export const LAB_CA_DIRECTORY = 'lab-ca';
export const LAB_CA_CERT_FILE = 'ca-cert.pem';
export const LAB_CA_KEY_FILE = 'ca-key.pem';

export interface LabCaName {
  commonName: string;
  organization: string;
}

/** The lab's root CA, the one NavScope trusts in lab mode. */
export const LAB_CA_NAME: LabCaName = { commonName: 'NavScope Lab Root CA', organization: 'NavScope Lab' };

export interface LabIssueOptions {
  /** Subject alternative names (dNSName); the first is also the subject CN. */
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
}

/** A certificate and its private key, both PEM (the key as PKCS#8). */
export interface LabKeyPairPem {
  certPem: string;
  keyPem: string;
}

let x509Loading: Promise<X509Module> | undefined;

/** Loads `@peculiar/x509` once, after the Reflect metadata it needs, wired to Node's WebCrypto. */
function loadX509(): Promise<X509Module> {
  x509Loading ??= (async () => {
    installReflectMetadata();
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(globalThis.crypto);
    return x509;
  })();
  return x509Loading;
}

/**
 * A certificate authority made with `@peculiar/x509`: the lab's root CA (kept in
 * `<dataDir>/lab-ca/`, or in memory only) and throwaway CAs for the
 * untrusted-root scenario. It issues server certificates; it never trusts anything.
 */
export class LabCertificateAuthority {
  /** The CA certificate, PEM. */
  readonly certPem: string;
  private readonly x509: X509Module;
  private readonly cert: X509.X509Certificate;
  private readonly signingKey: CryptoKey;
  /** PKCS#8 PEM of a CA generated here, kept only until it is stored. */
  private keyPemForStorage: string | undefined;

  private constructor(x509: X509Module, cert: X509.X509Certificate, signingKey: CryptoKey, keyPemForStorage?: string) {
    this.x509 = x509;
    this.cert = cert;
    this.signingKey = signingKey;
    this.keyPemForStorage = keyPemForStorage;
    this.certPem = cert.toString('pem');
  }

  /**
   * The lab CA. With a data directory it is loaded from `<dataDir>/lab-ca/`, or
   * generated and stored there on first use (the key as PKCS#8, mode 0600). A stored
   * CA that cannot be used (unreadable PEM, key not matching, nearly expired) is
   * moved aside to `lab-ca.invalid-<time>` and replaced. With `null` the CA lives in
   * memory only and is new on every call.
   */
  static async loadOrCreate(dataDir: string | null, name: LabCaName = LAB_CA_NAME): Promise<LabCertificateAuthority> {
    if (dataDir === null) return LabCertificateAuthority.create(name);
    const directory = path.join(dataDir, LAB_CA_DIRECTORY);
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await readStored(directory);
      if (stored) {
        const loaded = await LabCertificateAuthority.fromPem(stored);
        if (loaded) {
          await tightenKeyMode(path.join(directory, LAB_CA_KEY_FILE));
          return loaded;
        }
        await moveAside(directory);
      }
      const created = await LabCertificateAuthority.create(name);
      // Another lab may have stored its CA meanwhile: then load that one.
      if (await created.store(dataDir, directory)) return created;
    }
    throw new Error(`The NavScope lab could not create or load its CA in ${directory}`);
  }

  /** A new self-signed CA, in memory (a throwaway CA when it is not the lab CA). */
  static async create(name: LabCaName): Promise<LabCertificateAuthority> {
    const x509 = await loadX509();
    const keys = await generateKeys();
    const now = Date.now();
    const notAfter = new Date(now);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_VALIDITY_YEARS);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serialNumber(),
      name: [{ O: [name.organization] }, { CN: [name.commonName] }],
      notBefore: new Date(now - DAY_MS),
      notAfter,
      signingAlgorithm: EC_SIGNATURE,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return new LabCertificateAuthority(x509, cert, keys.privateKey, pkcs8Pem(keys.privateKey));
  }

  /** The CA's subject, e.g. `O=NavScope Lab, CN=NavScope Lab Root CA`. */
  get subject(): string {
    return this.cert.subject;
  }

  /** A server certificate signed by this CA, for a fresh ECDSA P-256 key. */
  async issue(options: LabIssueOptions): Promise<LabKeyPairPem> {
    const x509 = this.x509;
    const keys = await generateKeys();
    const commonName = options.dnsNames[0] ?? 'navscope-lab';
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serialNumber(),
      subject: [{ O: [LAB_CA_NAME.organization] }, { CN: [commonName] }],
      issuer: this.cert.subjectName,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      signingAlgorithm: EC_SIGNATURE,
      publicKey: keys.publicKey,
      signingKey: this.signingKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension(
          options.dnsNames.map((value) => ({ type: 'dns' as const, value })),
          false,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.cert.publicKey),
      ],
    });
    return {
      certPem: cert.toString('pem'),
      keyPem: pkcs8Pem(keys.privateKey),
    };
  }

  /** A CA from stored PEM, or `null` when the pair cannot serve as the lab CA. */
  private static async fromPem(stored: LabKeyPairPem): Promise<LabCertificateAuthority | null> {
    try {
      const nodeCert = new NodeX509Certificate(stored.certPem);
      const key = createPrivateKey(stored.keyPem);
      const usable =
        nodeCert.ca &&
        nodeCert.checkIssued(nodeCert) &&
        nodeCert.verify(nodeCert.publicKey) &&
        key.asymmetricKeyType === 'ec' &&
        key.asymmetricKeyDetails?.namedCurve === 'prime256v1' &&
        nodeCert.checkPrivateKey(key) &&
        Date.parse(nodeCert.validTo) - Date.now() > CA_MIN_REMAINING_MS;
      if (!usable) return null;
      const x509 = await loadX509();
      const der = key.export({ type: 'pkcs8', format: 'der' });
      const signingKey = await webcrypto.subtle.importKey('pkcs8', der, EC_KEY, false, ['sign']);
      return new LabCertificateAuthority(x509, new x509.X509Certificate(stored.certPem), signingKey);
    } catch {
      return null;
    }
  }

  /**
   * Writes the CA into `directory` atomically (a temporary folder renamed into
   * place). False when another process created `directory` first.
   */
  private async store(dataDir: string, directory: string): Promise<boolean> {
    const keyPem = this.keyPemForStorage;
    if (keyPem === undefined) throw new Error('Only a CA generated here can be stored');
    await mkdir(dataDir, { recursive: true });
    const temporary = await mkdtemp(path.join(dataDir, `${LAB_CA_DIRECTORY}.tmp-`));
    try {
      await writeFile(path.join(temporary, LAB_CA_CERT_FILE), this.certPem, { mode: 0o644 });
      const keyFile = path.join(temporary, LAB_CA_KEY_FILE);
      await writeFile(keyFile, keyPem, { mode: 0o600 });
      await chmod(keyFile, 0o600);
      await rename(temporary, directory);
      return true;
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      const code = errorCode(error);
      if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') return false;
      throw error;
    } finally {
      this.keyPemForStorage = undefined;
    }
  }
}

function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
}

function pkcs8Pem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** 16 random bytes, positive and without a leading zero byte (RFC 5280 4.1.2.2). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return bytes.toString('hex');
}

/** Both PEM files, or `null` when the CA directory does not exist; a half-written pair reads as empty text. */
async function readStored(directory: string): Promise<LabKeyPairPem | null> {
  try {
    await stat(directory);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  return {
    certPem: await readOrEmpty(path.join(directory, LAB_CA_CERT_FILE)),
    keyPem: await readOrEmpty(path.join(directory, LAB_CA_KEY_FILE)),
  };
}

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
}

/** Keeps an unusable CA for inspection instead of deleting it. */
async function moveAside(directory: string): Promise<void> {
  try {
    await rename(directory, `${directory}.invalid-${Date.now()}-${randomBytes(3).toString('hex')}`);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** The key file must be readable by its owner only (best effort: not meaningful on every file system). */
async function tightenKeyMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const { mode } = await stat(file);
    if ((mode & 0o077) !== 0) await chmod(file, 0o600);
  } catch {
    // Not ours to fix.
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}
