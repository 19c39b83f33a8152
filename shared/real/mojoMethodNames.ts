import { sha256 } from '../base/sha256.js';
import { MOJO_NAME_SUPPLEMENT, type MojoNameSupplementEntry } from './mojoNameSupplement.js';
import { MOJO_NAME_TABLE } from './mojoNameTable.js';
import type { MojoInterfaceEntry, MojoNameTableData } from './mojoNameTableData.js';

/**
 * Names for real Chromium's Mojo messages. A trace names each received message only
 * by its interface tag (`network.mojom.URLLoaderClient`) and `ipc_hash`: the first 4
 * bytes, big-endian, of SHA-256 of the method's C++ name
 * (`network::mojom::URLLoaderClient::OnReceiveResponse`). The generated table
 * (mojoNameTable.ts, from Chromium's .mojom files) turns the hash back into the name.
 */

export interface MojoMethodName {
  /** Full mojom interface name: `network.mojom.URLLoaderClient`. */
  interfaceName: string;
  /** `OnReceiveResponse`. */
  method: string;
  /** `URLLoaderClient.OnReceiveResponse`: NavScope's Interface.Method form (README, "Messages"). */
  name: string;
  /** `network.mojom.URLLoaderClient.OnReceiveResponse`. */
  fullName: string;
  /** Whether the method has a reply in its mojom declaration. */
  hasReply: boolean;
}

/** `network.mojom.URLLoaderClient` + `OnReceiveResponse` → `network::mojom::URLLoaderClient::OnReceiveResponse`. */
export function mojoCppMethodName(interfaceName: string, method: string): string {
  return `${interfaceName.split('.').join('::')}::${method}`;
}

/** The `ipc_hash` Chromium records for a method's C++ name. */
export function mojoIpcHash(cppMethodName: string): number {
  const digest = sha256(new TextEncoder().encode(cppMethodName));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** `network.mojom.URLLoaderClient` → `URLLoaderClient`. */
export function mojoInterfaceShortName(interfaceName: string): string {
  const dot = interfaceName.lastIndexOf('.');
  return dot === -1 ? interfaceName : interfaceName.slice(dot + 1);
}

/** Looks names up in one table (by default the generated one). */
export class MojoMethodNames {
  private readonly byHash = new Map<number, MojoMethodName>();
  private readonly interfaces = new Map<string, MojoInterfaceEntry>();

  constructor(
    readonly table: MojoNameTableData = MOJO_NAME_TABLE,
    supplement: readonly MojoNameSupplementEntry[] = table === MOJO_NAME_TABLE ? MOJO_NAME_SUPPLEMENT : [],
  ) {
    for (const entry of table.interfaces) this.interfaces.set(entry.name, entry);
    for (const { fullName, ipcHash, hasReply } of supplement) {
      const dot = fullName.lastIndexOf('.');
      const interfaceName = fullName.slice(0, dot);
      const method = fullName.slice(dot + 1);
      const name = `${mojoInterfaceShortName(interfaceName)}.${method}`;
      this.byHash.set(ipcHash, { interfaceName, method, name, fullName, hasReply });
    }
    for (const [hashText, fullName] of Object.entries(table.hashes)) {
      const dot = fullName.lastIndexOf('.');
      const interfaceName = fullName.slice(0, dot);
      const method = fullName.slice(dot + 1);
      this.byHash.set(Number(hashText), {
        interfaceName,
        method,
        name: `${mojoInterfaceShortName(interfaceName)}.${method}`,
        fullName,
        hasReply: this.interfaces.get(interfaceName)?.replies.includes(method) ?? false,
      });
    }
  }

  /**
   * The method a received message called, or null when the table does not know the
   * hash. A hash that names a method of another interface than `interfaceTag` is not
   * trusted either (null): the tag comes from the same message and must agree.
   */
  resolve(interfaceTag: string | null, ipcHash: number): MojoMethodName | null {
    const found = this.byHash.get(ipcHash);
    if (!found) return null;
    if (interfaceTag !== null && interfaceTag !== found.interfaceName) return null;
    return found;
  }

  /** The interface's entry (methods, one-line purpose), if the table has it. */
  interfaceEntry(interfaceName: string): MojoInterfaceEntry | null {
    return this.interfaces.get(interfaceName) ?? null;
  }

  /** Chromium version the table was generated for. */
  get chromiumVersion(): string {
    return this.table.chromiumVersion;
  }
}
