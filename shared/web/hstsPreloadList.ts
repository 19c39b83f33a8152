/**
 * The HSTS preload list that ships with NavScope, in Chromium's format: the shape of
 * net/http/transport_security_state_static.json (`{ "entries": [ … ] }`, snake_case
 * member names, `"mode": "force-https"` for names that must be loaded over HTTPS).
 *
 * This is A SMALL EXCERPT, not the real list (which holds well over 100,000 names and
 * is compiled into Chromium as a Huffman-coded trie). Every entry below, except the
 * lab's own, is copied from Chromium's list as it was published; the certificate-
 * pinning data ("pins") that older versions kept on the same entries now lives in
 * transport_security_state_static_pins.json and is left out here.
 *
 * Teaching cases, for the seeds people type:
 * - google.com: in Chromium's list the entry carries key pins but no "mode":
 *   "force-https" (www.google.com gets HSTS from its own header). NavScope's copy adds
 *   force-https to it, deliberately and marked as such (policy "custom", a
 *   `navscope_note` saying so), so that the classic seed — typing www.google.com —
 *   shows the preload list's internal 307 before any DNS. This is the one entry that
 *   differs from Chromium.
 * - naver.com is NOT preloaded in Chromium. It is the lab's case of HSTS learned from a
 *   header: the first visit goes out over http://, later ones are upgraded internally.
 * - badssl-lab.com (the lab's certificate-error site) is NOT preloaded either, so that
 *   its interstitial can be clicked through.
 */

/** Why an entry is on the list (Chromium uses this for list maintenance only). */
export type HstsPreloadPolicy =
  | 'test'
  | 'google'
  | 'custom'
  | 'bulk-legacy'
  | 'bulk-18-weeks'
  | 'bulk-1-year'
  | 'public-suffix'
  | 'public-suffix-requested';

/** One entry of transport_security_state_static.json. */
export interface HstsPreloadEntry {
  /** Set only where NavScope's copy deliberately differs from Chromium's list. */
  navscope_note?: string;
  /** The DNS name, lower case, without a trailing dot (may be a whole TLD, e.g. "dev"). */
  readonly name: string;
  readonly policy: HstsPreloadPolicy;
  /** "force-https" iff the name (and, with include_subdomains, its subdomains) must use HTTPS. */
  readonly mode?: 'force-https';
  /** Whether subdomains of `name` are covered too. Absent means false. */
  readonly include_subdomains?: boolean;
}

export interface HstsPreloadList {
  readonly entries: readonly HstsPreloadEntry[];
}

export const HSTS_PRELOAD_LIST: HstsPreloadList = {
  entries: [
    // NavScope's lab: a preloaded name, so that the "HSTS from the preload list" branch
    // (an internal redirect before any DNS, on the very first visit) can be shown offline.
    { name: 'hsts-preloaded-lab.com', policy: 'test', mode: 'force-https', include_subdomains: true },

    // Whole top-level domains preloaded at their registry's request: every name under
    // them is HTTPS-only, even one that has never been visited.
    { name: 'app', policy: 'public-suffix', mode: 'force-https', include_subdomains: true },
    { name: 'dev', policy: 'public-suffix', mode: 'force-https', include_subdomains: true },
    { name: 'page', policy: 'public-suffix', mode: 'force-https', include_subdomains: true },
    { name: 'google', policy: 'public-suffix', mode: 'force-https', include_subdomains: true },

    // Google. google.com: force-https is NavScope's addition (see above); Chromium lists pins only.
    {
      name: 'google.com',
      policy: 'custom',
      mode: 'force-https',
      include_subdomains: true,
      navscope_note:
        'force-https added by NavScope for the www.google.com seed; Chromium lists google.com for key pinning only',
    },
    { name: 'accounts.google.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'mail.google.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'docs.google.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'drive.google.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'myaccount.google.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'gmail.com', policy: 'google', mode: 'force-https' },
    { name: 'www.gmail.com', policy: 'google', mode: 'force-https' },
    { name: 'youtube.com', policy: 'google', mode: 'force-https', include_subdomains: true },
    { name: 'chrome.com', policy: 'google', mode: 'force-https', include_subdomains: true },

    // Sites that asked for custom entries.
    { name: 'facebook.com', policy: 'custom', mode: 'force-https' },
    { name: 'www.facebook.com', policy: 'custom', mode: 'force-https', include_subdomains: true },
    { name: 'twitter.com', policy: 'custom', mode: 'force-https' },
    { name: 'www.twitter.com', policy: 'custom', mode: 'force-https', include_subdomains: true },
    { name: 'paypal.com', policy: 'custom', mode: 'force-https' },
    { name: 'www.paypal.com', policy: 'custom', mode: 'force-https' },

    // Early bulk entries.
    { name: 'stripe.com', policy: 'bulk-legacy', mode: 'force-https', include_subdomains: true },
    { name: 'eff.org', policy: 'bulk-legacy', mode: 'force-https', include_subdomains: true },
    { name: 'medium.com', policy: 'bulk-legacy', mode: 'force-https', include_subdomains: true },
    { name: 'www.gov.uk', policy: 'bulk-legacy', mode: 'force-https', include_subdomains: true },
  ],
};
