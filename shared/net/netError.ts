/**
 * Chromium's net error codes (net/base/net_error_list.h) for the failures NavScope
 * can produce. Code 0 is OK; every error is negative, as in Chromium.
 */
import * as s from '../base/schema.js';
export const NET_ERRORS = {
  OK: 0,
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_INVALID_ARGUMENT: -4,
  ERR_TIMED_OUT: -7,
  ERR_FILE_TOO_BIG: -8,
  ERR_ACCESS_DENIED: -10,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_BLOCKED_BY_RESPONSE: -27,
  ERR_BLOCKED_BY_ORB: -32,
  ERR_CONNECTION_CLOSED: -100,
  ERR_CONNECTION_RESET: -101,
  ERR_CONNECTION_REFUSED: -102,
  ERR_CONNECTION_ABORTED: -103,
  ERR_CONNECTION_FAILED: -104,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_SSL_PROTOCOL_ERROR: -107,
  ERR_INTERNET_DISCONNECTED: -106,
  ERR_ADDRESS_UNREACHABLE: -109,
  ERR_CONNECTION_TIMED_OUT: -118,
  ERR_NAME_RESOLUTION_FAILED: -137,
  ERR_NETWORK_ACCESS_DENIED: -138,
  ERR_CERT_COMMON_NAME_INVALID: -200,
  ERR_CERT_DATE_INVALID: -201,
  ERR_CERT_AUTHORITY_INVALID: -202,
  ERR_CERT_INVALID: -207,
  ERR_INVALID_URL: -300,
  ERR_DISALLOWED_URL_SCHEME: -301,
  ERR_UNKNOWN_URL_SCHEME: -302,
  ERR_INVALID_REDIRECT: -303,
  ERR_TOO_MANY_REDIRECTS: -310,
  ERR_UNSAFE_PORT: -312,
  ERR_INVALID_RESPONSE: -320,
  ERR_INVALID_CHUNKED_ENCODING: -321,
  ERR_EMPTY_RESPONSE: -324,
  ERR_RESPONSE_HEADERS_TOO_BIG: -325,
  ERR_CONTENT_LENGTH_MISMATCH: -354,
  ERR_INCOMPLETE_CHUNKED_ENCODING: -355,
  ERR_INVALID_HTTP_RESPONSE: -370,
  ERR_CONTENT_DECODING_FAILED: -330,
  ERR_DNS_MALFORMED_RESPONSE: -800,
  ERR_DNS_SERVER_FAILED: -802,
  ERR_DNS_TIMED_OUT: -803,
} as const;

export type NetErrorName = keyof typeof NET_ERRORS;

const BY_CODE = new Map<number, NetErrorName>(
  (Object.entries(NET_ERRORS) as [NetErrorName, number][]).map(([name, code]) => [code, name]),
);

/** Certificate errors (net::IsCertificateError): they show an interstitial, not an error page. */
export function isCertificateError(code: number): boolean {
  return code <= -200 && code > -300;
}

export function netErrorName(code: number): string {
  return BY_CODE.get(code) ?? `NET_ERROR(${code})`;
}

/** A failure carrying a Chromium net error, thrown inside the network stack. */
export class NetError extends Error {
  readonly code: number;
  readonly netErrorName: string;
  /** Why, without the `net::NAME:` prefix the message carries. */
  readonly detail: string;
  constructor(name: NetErrorName, detail: string) {
    super(`net::${name}: ${detail}`);
    this.detail = detail;
    this.name = 'NetError';
    this.code = NET_ERRORS[name];
    this.netErrorName = name;
  }
}

/** A net error as the trace, the API and the window carry it: code, name, and why. */
export const netErrorInfo = s.object({
  code: s.number({ integer: true }),
  name: s.string({ maxLength: 100 }),
  /** Why, in words (which server, which step); never repeats the name. */
  detail: s.string({ maxLength: 8192 }),
});
export type NetErrorInfo = s.Infer<typeof netErrorInfo>;
