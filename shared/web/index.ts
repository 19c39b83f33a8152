/** The web algorithms NavScope runs, in one place. */
export {
  classifyOmniboxInput,
  type OmniboxClassification,
  type OmniboxInputOptions,
  type OmniboxInputType,
} from './omniboxInput.js';
export { urlParts, DEFAULT_PORTS, type UrlParts } from './urlParts.js';
export { siteForUrl, originOf, isSameSite } from './siteInfo.js';
export { registrableDomainOrHost } from './siteInfo.js';
export {
  parseMimeType,
  serializeMimeType,
  makeMimeType,
  extractMimeType,
  splitHeaderValue,
  isXmlMimeType,
  isHtmlMimeType,
  isImageMimeType,
  isAudioOrVideoMimeType,
  isScriptableMimeType,
  type MimeType,
} from './mimeType.js';
export {
  sniffMimeType,
  sniffMimeTypeWithRule,
  identifyUnknownMimeType,
  distinguishTextOrBinary,
  matchImageTypePattern,
  matchAudioOrVideoTypePattern,
  matchFontTypePattern,
  matchArchiveTypePattern,
  matchesMp4Signature,
  matchesWebMSignature,
  matchesMp3WithoutId3Signature,
  isBinaryDataByte,
  containsBinaryDataBytes,
  RESOURCE_HEADER_BYTES,
  SUPPORTED_IMAGE_TYPES,
  SUPPORTED_AUDIO_VIDEO_TYPES,
  type SniffInput,
  type SniffResult,
  type SignatureMatch,
} from './mimeSniffing.js';
export {
  canonicalizeSafeBrowsingUrl,
  canonicalSafeBrowsingUrlParts,
  safeBrowsingExpressions,
  parseIpv4,
  fullHash,
  hashPrefix,
  SafeBrowsingList,
  parseSafeBrowsingListFile,
  decodeBase64,
  encodeBase64,
  THREAT_TYPES,
  SAFE_BROWSING_LIST_FORMAT,
  type ThreatType,
  type SafeBrowsingUrlParts,
  type SafeBrowsingExpressionResult,
  type SafeBrowsingLookup,
  type SafeBrowsingListOptions,
} from './safeBrowsing.js';
export {
  corbDecision,
  corbDecisionWithReason,
  CORB_SNIFF_BYTES,
  type CorbInput,
  type CorbVerdict,
  type CorbMimeClass,
  type CorbSniffer,
  type CorbRequestMode,
} from './corb.js';
