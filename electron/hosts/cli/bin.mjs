#!/usr/bin/env node
// `navscope` command: runs the built CLI, building it first on a fresh checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(root, 'out/node/cli.mjs');
if (!existsSync(cli)) {
  const { buildNode } = await import(pathToFileURL(path.join(root, 'electron/build.mjs')).href);
  await buildNode();
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
