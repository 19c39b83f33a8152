import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
// electron-builder's config loader makes a jiti instance as it loads, and jiti keeps a
// compile cache folder in the temporary folder for good; this YAML config needs none.
process.env.JITI_FS_CACHE = 'false';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: unknown[];
  asarUnpack?: string[];
  linux?: { target?: unknown[]; icon?: string };
  mac?: { target?: unknown };
  win?: { target?: unknown };
  directories?: { buildResources?: string };
  [key: string]: unknown;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator really checks: an unknown key is refused.
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /configuration/i,
    );
  });

  it('builds the installers users expect, from the built entries', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.appId).toBe('dev.navscope.app');
    expect(config.productName).toBe('NavScope');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    expect(existsSync(path.join(root, config.directories!.buildResources!, config.linux!.icon!))).toBe(true);
    for (const entry of [
      'out/desktop/main.mjs',
      'out/desktop/preload.cjs',
      'out/node/networkThread.mjs',
      'out/node/rendererProcess.cjs',
      'out/renderer/index.html',
    ]) {
      expect(existsSync(path.join(root, entry)), `${entry} is built`).toBe(true);
    }
    expect(config.asarUnpack).toEqual(['out/node/networkThread.mjs', 'out/node/rendererProcess.cjs']);
    const pkg = require('./package.json') as { main: string };
    expect(pkg.main).toBe('out/desktop/main.mjs');
  });
});
