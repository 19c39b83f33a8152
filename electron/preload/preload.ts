/**
 * The desktop window's preload (sandboxed, context-isolated; bundled into one
 * CommonJS file): exposes NavScope's API, frozen, as window.navscope.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preloadApi.js';

contextBridge.exposeInMainWorld('navscope', createPreloadApi(ipcRenderer));
