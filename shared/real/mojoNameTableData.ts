/**
 * The shape of the generated Mojo method name table (mojoNameTable.ts, written by
 * electron/hosts/cli/makeMojoNameTable.mjs from Chromium's .mojom files).
 */

export interface MojoInterfaceEntry {
  /** Full mojom name: `network.mojom.URLLoaderClient` (the `mojo_interface_tag` a trace carries). */
  name: string;
  /** The .mojom file it was read from, relative to the Chromium source root. */
  file: string;
  /** The first sentence of the comment above the interface, where the file has one. */
  purpose: string | null;
  /** Its method names, in file order. */
  methods: string[];
  /** The methods that have a reply (`=> (…)`). */
  replies: string[];
}

export interface MojoNameTableData {
  /** The Chromium version the .mojom files are meant to match (`chromium --version`). */
  chromiumVersion: string;
  /** Where the .mojom files came from (checkout, commit). */
  source: string;
  /** How many .mojom files were read. */
  files: number;
  interfaces: MojoInterfaceEntry[];
  /** ipc_hash → `network.mojom.URLLoaderClient.OnReceiveResponse`. */
  hashes: Record<number, string>;
}
