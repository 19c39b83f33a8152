/**
 * How every shell serves the built window (out/renderer): the Content-Security-Policy
 * and security headers, content types, and the rules that map a request path to a
 * file — never outside the window's folder, never a dot-file, symlinks checked too.
 * Used by the web host (HTTP) and the desktop shell (the app:// protocol).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The file a request path names inside the window's folder, or null when it names
 * nothing that may be served: `..`, `.`, dot-files, NUL, backslashes — raw or
 * percent-encoded. `/` is index.html.
 */
export function relativeFileFor(rawPath: string): string | null {
  const pathOnly = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (decoded === '/') return 'index.html';
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return null;
  return segments.join('/');
}

/** The real path of a regular file inside `dir` (symlinks resolved and checked too), or null. */
export async function resolveWindowFile(dir: string, relative: string): Promise<string | null> {
  const candidate = path.resolve(dir, relative);
  if (!isInside(dir, candidate)) return null;
  try {
    const [root, real] = await Promise.all([realpath(dir), realpath(candidate)]);
    if (!isInside(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
