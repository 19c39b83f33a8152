/**
 * The browser's Safe Browsing database: hash-prefix lists per threat type (the lab's
 * lists, or real ones converted to the same format). A URL is checked by
 * canonicalizing it, hashing its host-suffix / path-prefix expressions and looking up
 * their 4-byte prefixes; a prefix hit counts only when the full hash confirms it.
 * The URL itself never leaves the browser.
 */
import { errorMessage } from '../../shared/base/errors.js';
import { type SafeBrowsingList, parseSafeBrowsingListFile } from '../../shared/web/safeBrowsing.js';

export interface SafeBrowsingVerdict {
  url: string;
  verdict: 'safe' | 'unsafe';
  threatType: string | null;
  expressions: {
    expression: string;
    hash: string;
    prefix: string;
    prefixMatch: boolean;
    fullHashMatch: boolean;
    list: string | null;
  }[];
}

function threatTypeOf(file: unknown): string {
  const value = typeof file === 'object' && file !== null ? (file as { threatType?: unknown }).threatType : undefined;
  return typeof value === 'string' ? value : 'UNKNOWN';
}

export class SafeBrowsingDatabase {
  private readonly lists: { threatType: string; list: SafeBrowsingList }[] = [];

  /** Loads list files; a malformed one is reported and skipped, never fatal. */
  constructor(files: readonly unknown[], onError: (message: string) => void = () => undefined) {
    for (const file of files) {
      try {
        this.lists.push({ threatType: threatTypeOf(file), list: parseSafeBrowsingListFile(file) });
      } catch (error) {
        onError(`a Safe Browsing list was not loaded: ${errorMessage(error)}`);
      }
    }
  }

  get listCount(): number {
    return this.lists.length;
  }

  check(url: string): SafeBrowsingVerdict {
    let expressions: SafeBrowsingVerdict['expressions'] = [];
    for (const { threatType, list } of this.lists) {
      const result = list.lookup(url);
      const tagged = result.expressions.map((e) => ({ ...e, list: e.prefixMatch ? threatType : null }));
      if (expressions.length === 0) expressions = tagged;
      else expressions = expressions.map((e, i) => (tagged[i]?.prefixMatch ? tagged[i]! : e));
      if (result.verdict === 'unsafe') return { url, verdict: 'unsafe', threatType, expressions };
    }
    return { url, verdict: 'safe', threatType: null, expressions };
  }
}
