/**
 * `node out/node/rendererSnapshotBuild.mjs`: builds the renderer's startup snapshot
 * (see rendererSnapshot.ts). electron/build.mjs runs it after bundling.
 */
import { buildRendererSnapshot } from './rendererSnapshot.js';

buildRendererSnapshot();
