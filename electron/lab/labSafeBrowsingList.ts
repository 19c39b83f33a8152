import { createHash } from 'node:crypto';

/**
 * The lab's Safe Browsing lists: which lab URLs the browser should treat as
 * dangerous. Like the real (Update API v4) lists, each holds sorted 4-byte
 * SHA-256 hash prefixes for the local lookup plus, here in the same file, the
 * full 32-byte hashes the browser would otherwise fetch to confirm a prefix hit.
 *
 * A listed expression is a Safe Browsing host-and-path expression, no scheme:
 * `malware.testsafebrowsing-lab.com/` (a whole host) or `www.naver.com/unsafe/`
 * (every path below it). Its hash is the SHA-256 of that exact string.
 */

export type SafeBrowsingThreatType = 'MALWARE' | 'SOCIAL_ENGINEERING' | 'UNWANTED_SOFTWARE';

export interface SafeBrowsingListFile {
  format: 'navscope-safebrowsing-list';
  version: 1;
  threatType: SafeBrowsingThreatType;
  prefixSize: 4;
  /** Base64 of the concatenated 4-byte prefixes, sorted ascending (byte-wise, i.e. as big-endian integers), no duplicates. */
  rawHashes: string;
  /** Base64 of each 32-byte SHA-256 full hash of a listed expression (sorted byte-wise). */
  fullHashes: string[];
}

const PREFIX_SIZE = 4;
/** Unrelated prefixes added to each list, so that a prefix lookup is a real search and not a lookup in a list of one. */
const DECOYS_PER_LIST = 6;

/** The expressions each lab list holds. */
export const LAB_SAFE_BROWSING_EXPRESSIONS: Readonly<Partial<Record<SafeBrowsingThreatType, readonly string[]>>> = {
  MALWARE: ['malware.testsafebrowsing-lab.com/', 'www.naver.com/unsafe/'],
  SOCIAL_ENGINEERING: ['phishing.testsafebrowsing-lab.com/'],
};

/** SHA-256 of a Safe Browsing expression, exactly as written. */
export function safeBrowsingHash(expression: string): Buffer {
  return createHash('sha256').update(expression, 'utf8').digest();
}

/**
 * Prefixes that stand for nothing in the lab: deterministic (derived from the
 * threat type), so every start of the lab serves the same lists. A URL whose
 * hash happened to start with one would be a prefix hit that the full-hash
 * check then clears, as in the real protocol.
 */
function decoyPrefixes(threatType: SafeBrowsingThreatType, avoid: readonly Buffer[]): Buffer[] {
  const decoys: Buffer[] = [];
  for (let i = 0; decoys.length < DECOYS_PER_LIST; i++) {
    const prefix = createHash('sha256')
      .update(`navscope-lab-safebrowsing-decoy:${threatType}:${i}`)
      .digest()
      .subarray(0, PREFIX_SIZE);
    if ([...avoid, ...decoys].some((other) => other.equals(prefix))) continue;
    decoys.push(prefix);
  }
  return decoys;
}

function listFile(threatType: SafeBrowsingThreatType, expressions: readonly string[]): SafeBrowsingListFile {
  const full = expressions.map(safeBrowsingHash).sort(Buffer.compare);
  const listed = full.map((hash) => hash.subarray(0, PREFIX_SIZE));
  const unique = listed.filter((prefix, i) => listed.findIndex((other) => other.equals(prefix)) === i);
  const prefixes = [...unique, ...decoyPrefixes(threatType, unique)].sort(Buffer.compare);
  return {
    format: 'navscope-safebrowsing-list',
    version: 1,
    threatType,
    prefixSize: PREFIX_SIZE,
    rawHashes: Buffer.concat(prefixes).toString('base64'),
    fullHashes: full.map((hash) => hash.toString('base64')),
  };
}

/** The lab's lists (MALWARE, then SOCIAL_ENGINEERING), built fresh on each call. */
export function buildLabSafeBrowsingLists(): SafeBrowsingListFile[] {
  const lists: SafeBrowsingListFile[] = [];
  for (const threatType of ['MALWARE', 'SOCIAL_ENGINEERING', 'UNWANTED_SOFTWARE'] as const) {
    const expressions = LAB_SAFE_BROWSING_EXPRESSIONS[threatType];
    if (expressions) lists.push(listFile(threatType, expressions));
  }
  return lists;
}
