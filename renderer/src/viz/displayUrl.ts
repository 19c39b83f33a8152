/**
 * A URL as people read it, like Chrome's omnibox shows it (url_formatter): percent-
 * encoded UTF-8 in the path, query and fragment is shown as the characters it
 * encodes ("naver.com/없는페이지", not "%EC%97%86…"). Display only: requests keep the
 * encoded form.
 *
 * Only non-ASCII characters are decoded. ASCII escapes stay as they are (%20, %2F,
 * %3F, %25… change what the URL means, or are invisible), and so do characters that
 * could disguise a URL: bidirectional controls, zero-width characters, other
 * invisible or space-like characters, and bytes that are not valid UTF-8. The host is
 * left in its wire form (punycode), which cannot be spoofed.
 */

/** Code points never shown decoded (they hide or reorder what is written). */
function deceptive(codePoint: number): boolean {
  return (
    codePoint < 0xa0 || // C1 controls, and anything ASCII
    codePoint === 0xa0 ||
    codePoint === 0xad ||
    codePoint === 0x034f ||
    codePoint === 0x061c ||
    (codePoint >= 0x115f && codePoint <= 0x1160) ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202f) ||
    (codePoint >= 0x205f && codePoint <= 0x206f) ||
    codePoint === 0x3000 ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff0 && codePoint <= 0xffff) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/** Decodes runs of %XX that spell non-ASCII UTF-8; everything else stays as written. */
export function decodeUnicodeEscapes(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g)!.map((h) => parseInt(h.slice(1), 16));
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
      const chunk = bytes.slice(i, i + length);
      let decoded: string | null = null;
      if (length > 1 && chunk.length === length) {
        try {
          decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(chunk));
        } catch {
          decoded = null;
        }
      }
      const codePoint = decoded?.codePointAt(0);
      if (decoded !== null && codePoint !== undefined && !deceptive(codePoint)) {
        out += decoded;
        i += length;
      } else {
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
        i += 1;
      }
    }
    return out;
  });
}

/** The URL for display; text that is not a URL is returned as it is. */
export function displayUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  const rest = parsed.pathname + parsed.search + parsed.hash;
  const head = url.slice(0, url.length - rest.length);
  // Only the part after the host is decoded (the href keeps user info and host as they are).
  if (!url.endsWith(rest)) return url;
  return head + decodeUnicodeEscapes(rest);
}
