import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const root = path.resolve(__dirname, '../../..');

describe('npm start without the Electron binary and without internet', () => {
  it('says why, starts the web host, prints its URL, and the page loads', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        // No binary here, whatever this machine has…
        ELECTRON_OVERRIDE_DIST_PATH: path.join(temporaryFolder('navscope-no-electron-'), 'dist'),
        // …and no internet: the download is pointed at a closed port on loopback.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: temporaryFolder('navscope-electron-cache-'),
        NAVSCOPE_DATA_DIR: temporaryFolder('navscope-profile-'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
        const check = () => {
          const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', check);
        child.once('exit', () => reject(new Error(`npm start exited early:\n${output}`)));
      });
      expect(output).toMatch(/Electron binary not present/);
      expect(output).toMatch(/The desktop app cannot start here: the Electron [\d.]+ download failed/);
      expect(output).toMatch(/Starting the web host instead/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="app">/);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 90_000);
});
