/** The web algorithms NavScope runs, in one place. */
export { classifyOmniboxInput, type OmniboxClassification, type OmniboxInputOptions, type OmniboxInputType } from './omniboxInput.js';
export { urlParts, DEFAULT_PORTS, type UrlParts } from './urlParts.js';
export { siteForUrl, originOf, isSameSite } from './siteInfo.js';
