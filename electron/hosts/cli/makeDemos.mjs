// Records the demo traces that ship with the window (renderer/src/demos): real lab
// navigations, each with a fresh profile so no learned HSTS entry or cache changes them.
// Run with `npm run demos` after changing what a navigation records.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, 'bin.mjs');
const demos = path.resolve(here, '../../../renderer/src/demos');

for (const input of ['www.google.com', 'www.naver.com']) {
  const profile = mkdtempSync(path.join(tmpdir(), 'navscope-demo-'));
  try {
    execFileSync(
      process.execPath,
      [bin, 'trace', '--lab', '--json', '--spare', '--speculative', '--out', path.join(demos, `${input}.json`), input],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NAVSCOPE_DATA_DIR: profile, NAVSCOPE_DOWNLOADS_DIR: profile },
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
