// Printed at the end of `npm install` (the "prepare" script): on a Node older than
// the one Electron 45's own tooling declares, npm warns about those packages
// (EBADENGINE). This says what the warnings mean, so nobody is alarmed by them.

import { pathToFileURL } from 'node:url';

/** Electron 45's packages (electron, @electron/get, @electron/rebuild, node-abi…) declare this. */
export const DESKTOP_NODE = [22, 12];

/** The note for a Node version ("v20.19.0"), or null when the desktop tooling is content with it. */
export function engineNote(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major > DESKTOP_NODE[0] || (major === DESKTOP_NODE[0] && minor >= DESKTOP_NODE[1])) return null;
  return [
    `NavScope: the EBADENGINE warnings above come from Electron 45's own packages (electron, @electron/get,`,
    `@electron/rebuild, @electron-internal/extract-zip, node-abi), which declare Node >= ${DESKTOP_NODE.join('.')}. This is Node ${version}.`,
    `Everything else runs on it: the browser model, the lab, the web host, the CLI and the tests (Node >= 20.19).`,
    `The desktop app's tooling (npm start fetching Electron, npm run dist) wants Node >= ${DESKTOP_NODE.join('.')};`,
    `where it cannot run, npm start starts the web host instead and says why.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const note = engineNote(process.version);
  if (note) console.warn(`\n${note}\n`);
}
