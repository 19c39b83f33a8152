/**
 * Suites that need the system Chromium (Debian's /usr/bin/chromium in CI, or
 * NAVSCOPE_CHROMIUM): skipped with the reason and how to get one where there is none,
 * a failure instead where CI requires Chromium (NAVSCOPE_REQUIRE_CHROMIUM).
 */
import { describe } from 'vitest';
import { findSystemChromium } from '../../../electron/node/systemChromium.js';

const systemChromium = findSystemChromium();

/** The system Chromium's path, or '' when there is none. */
export const CHROMIUM = systemChromium.found ? systemChromium.path : '';

/** Why no Chromium can be used (with how to get one), or null. */
export function chromiumMissing(): string | null {
  return systemChromium.found ? null : systemChromium.message;
}

export function describeWithChromium(title: string, body: () => void): void {
  const missing = chromiumMissing();
  if (missing && process.env.NAVSCOPE_REQUIRE_CHROMIUM) throw new Error(missing);
  if (missing) console.warn(`skipped: ${missing}`);
  describe.skipIf(missing !== null)(title, body);
}
