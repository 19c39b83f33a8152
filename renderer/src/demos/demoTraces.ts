/**
 * The demo traces that ship with the app: real lab navigations recorded with
 * `npm run demos` (the CLI's `trace --lab --json`), bundled into the window so they
 * open with no network at all.
 */
const files = import.meta.glob<string>('./*.json', { query: '?raw', import: 'default', eager: true });

export interface DemoTrace {
  /** What was typed: the file's name without .json. */
  name: string;
  text: string;
}

export const DEMO_TRACES: readonly DemoTrace[] = Object.entries(files)
  .map(([path, text]) => ({ name: path.replace(/^\.\//, '').replace(/\.json$/, ''), text }))
  .sort((a, b) => a.name.localeCompare(b.name));
