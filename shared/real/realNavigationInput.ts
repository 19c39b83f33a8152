import { MAX_URL_LENGTH } from '../ipc/messageCatalogue.js';
import { classifyOmniboxInput } from '../web/omniboxInput.js';

/**
 * What a real Chromium is asked to load for what the user typed: the input goes
 * through NavScope's omnibox classification first (AutocompleteInput's port), as it
 * does before NavScope's own navigation, so that both browsers get the same URL:
 * - a URL typed without a scheme is loaded over https, as Chrome's HTTPS-Upgrades
 *   (and NavScope's model) try first;
 * - a search (QUERY, or UNKNOWN text) goes to the lab's search engine, the one
 *   NavScope's model uses (electron/browser/webContents.ts SEARCH_URL);
 * - only http(s) can be recorded: other schemes are refused, saying why.
 */

/** The lab's search engine, as NavScope's browser model uses it. */
export const REAL_SEARCH_URL = 'http://www.google.com/search?q=';

export class RealInputError extends Error {
  override readonly name = 'RealInputError';
}

export interface RealNavigationTarget {
  input: string;
  url: string;
  /** How the input became the URL, in words. */
  how: string;
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The URL to record for `input` (see the module comment); throws RealInputError when there is none. */
export function realNavigationTarget(input: string): RealNavigationTarget {
  const classification = classifyOmniboxInput(input);
  let url: string;
  let how: string;
  switch (classification.type) {
    case 'EMPTY':
      throw new RealInputError('nothing was typed: there is nothing to record');
    case 'URL': {
      url = classification.url!;
      const typedScheme = /^\s*[a-z][a-z0-9+.-]*:/i.test(input);
      if (!typedScheme && url.startsWith('http://')) {
        url = `https://${url.slice('http://'.length)}`;
        how = `"${input}" is a URL (${classification.reason}); typed without a scheme, it is loaded over https first, as Chrome does`;
      } else how = `"${input}" is a URL (${classification.reason})`;
      break;
    }
    default:
      url = `${REAL_SEARCH_URL}${encodeURIComponent(wellFormed(input.trim()))}`;
      how = `"${input}" is ${classification.type === 'QUERY' ? 'a search' : 'not clearly a URL, so it is searched'} (${classification.reason}): the lab's search engine`;
  }
  if (!/^https?:\/\//i.test(url))
    throw new RealInputError(
      `"${input}" leads to ${url.slice(0, 200)}: only http and https pages are recorded in a real Chromium`,
    );
  if (url.length > MAX_URL_LENGTH)
    throw new RealInputError(
      `the address is ${url.length.toLocaleString('en')} characters long: NavScope's limit is ${MAX_URL_LENGTH.toLocaleString('en')}`,
    );
  return { input, url, how };
}
