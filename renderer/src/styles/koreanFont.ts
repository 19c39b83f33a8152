/**
 * The bundled Korean font (fonts.css) is loaded before the window first shows any text.
 * Loaded lazily, as unicode-range faces are, Chromium lays out Hangul drawn while the face
 * is still loading with the system's fallback and, where the system has no Korean font,
 * keeps those boxes for that size and weight even after the face has arrived. The file is
 * the window's own (no network); a face that cannot load leaves the system's fonts.
 */
export function loadKoreanFont(timeoutMs = 2_000): Promise<void> {
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "NavScope Hangul"`, '한'));
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs));
  return Promise.race([Promise.allSettled(loads).then(() => undefined), timeout]);
}
