/**
 * Mojo methods that Chromium 156 sends but the .mojom extracts behind the generated
 * table (mojoNameTable.ts) predate. Each was named by hashing candidate method names
 * (mojoIpcHash) until one matched an unnamed `ipc_hash` in our own recordings of
 * Chromium 156.0.8078.114 loading the lab; test/shared/real/mojoMethodNames.test.ts
 * checks each hash. Regenerating the table from 156's own .mojom files makes these
 * entries redundant (the table then wins).
 */
export interface MojoNameSupplementEntry {
  /** `blink.mojom.LocalFrameHost.NotifyDocumentInteractive`. */
  readonly fullName: string;
  /** The `ipc_hash` seen in the recordings (first 4 bytes of SHA-256 of the C++ name). */
  readonly ipcHash: number;
  readonly hasReply: boolean;
}

export const MOJO_NAME_SUPPLEMENT: readonly MojoNameSupplementEntry[] = [
  { fullName: 'blink.mojom.LocalFrameHost.NotifyDocumentInteractive', ipcHash: 0x70fd2c49, hasReply: false },
  { fullName: 'blink.mojom.LocalMainFrame.FinalizeNavigationConfidence', ipcHash: 0x03566886, hasReply: false },
];
