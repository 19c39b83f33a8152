/// <reference types="vite/client" />
import type { BrowserModelApi } from '../shared/api/browserModelApi';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** Exposed by the desktop shell's preload (contextBridge); absent in the web host. */
    navscope?: BrowserModelApi;
  }
}
