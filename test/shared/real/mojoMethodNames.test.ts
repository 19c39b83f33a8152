import { describe, expect, it } from 'vitest';
import {
  MojoMethodNames,
  mojoCppMethodName,
  mojoInterfaceShortName,
  mojoIpcHash,
} from '../../../shared/real/mojoMethodNames.js';
import { MOJO_NAME_SUPPLEMENT } from '../../../shared/real/mojoNameSupplement.js';
import { MOJO_NAME_TABLE } from '../../../shared/real/mojoNameTable.js';

const names = new MojoMethodNames();

describe("the Mojo method name table (real Chromium's ipc_hash → Interface.Method)", () => {
  it('hashes C++ method names as Chromium does (pairs checked on Debian’s Chromium)', () => {
    expect(mojoIpcHash('network::mojom::URLLoaderFactory::CreateLoaderAndStart')).toBe(3952305403);
    expect(mojoIpcHash('network::mojom::URLLoaderClient::OnReceiveResponse')).toBe(3373195563);
    expect(mojoIpcHash('content::mojom::FrameHost::DidStopLoading')).toBe(300641215);
    expect(mojoCppMethodName('network.mojom.URLLoaderClient', 'OnReceiveResponse')).toBe(
      'network::mojom::URLLoaderClient::OnReceiveResponse',
    );
    expect(mojoInterfaceShortName('blink.mojom.LocalFrameHost')).toBe('LocalFrameHost');
  });

  it('names the known pairs', () => {
    expect(names.resolve('network.mojom.URLLoaderFactory', 3952305403)).toMatchObject({
      name: 'URLLoaderFactory.CreateLoaderAndStart',
      fullName: 'network.mojom.URLLoaderFactory.CreateLoaderAndStart',
      interfaceName: 'network.mojom.URLLoaderFactory',
      method: 'CreateLoaderAndStart',
    });
    expect(names.resolve('network.mojom.URLLoaderClient', 3373195563)?.name).toBe('URLLoaderClient.OnReceiveResponse');
    expect(names.resolve('content.mojom.FrameHost', 300641215)?.name).toBe('FrameHost.DidStopLoading');
  });

  it('names hashes seen in recordings of the lab’s www.naver.com with Chromium 156', () => {
    const seen: [string, number, string][] = [
      ['content.mojom.NavigationClient', 1138358817, 'NavigationClient.CommitNavigation'],
      ['content.mojom.AgentSchedulingGroup', 3765550628, 'AgentSchedulingGroup.CreateView'],
      ['blink.mojom.LocalFrameHost', 3661261057, 'LocalFrameHost.DidFinishLoad'],
      ['blink.mojom.LocalFrameHost', 1866187525, 'LocalFrameHost.DocumentOnLoadCompleted'],
      ['blink.mojom.LocalMainFrameHost', 2282109389, 'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint'],
      ['blink.mojom.LocalMainFrameHost', 3200670462, 'LocalMainFrameHost.OnFirstContentfulPaint'],
      ['content.mojom.FrameHost', 2630368500, 'FrameHost.SubresourceResponseStarted'],
      ['content.mojom.FrameHost', 740667026, 'FrameHost.UpdateState'],
      ['network.mojom.URLLoaderClient', 2759509506, 'URLLoaderClient.OnComplete'],
    ];
    for (const [tag, hash, name] of seen) expect(names.resolve(tag, hash)?.name, `${tag} ${hash}`).toBe(name);
  });

  it('knows which methods reply, and the purpose of an interface from its mojom comment', () => {
    expect(names.resolve('content.mojom.NavigationClient', 1138358817)?.hasReply).toBe(true);
    expect(names.resolve('content.mojom.FrameHost', 300641215)?.hasReply).toBe(false);
    expect(names.interfaceEntry('network.mojom.URLLoaderClient')?.purpose).toBe(
      'Receives messages from a single URLLoader.',
    );
  });

  it('refuses a hash under another interface’s tag, and unknown hashes', () => {
    expect(names.resolve('content.mojom.FrameHost', 3952305403)).toBeNull();
    expect(names.resolve('network.mojom.URLLoaderFactory', 12345)).toBeNull();
  });

  it('has every generated hash equal to the SHA-256 of its C++ name, for the version it says', () => {
    expect(MOJO_NAME_TABLE.chromiumVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const entries = Object.entries(MOJO_NAME_TABLE.hashes);
    expect(entries.length).toBeGreaterThan(200);
    for (const [hash, fullName] of entries) {
      const dot = fullName.lastIndexOf('.');
      expect(mojoIpcHash(mojoCppMethodName(fullName.slice(0, dot), fullName.slice(dot + 1))), fullName).toBe(
        Number(hash),
      );
    }
    for (const entry of MOJO_NAME_TABLE.interfaces)
      for (const method of entry.methods)
        expect(MOJO_NAME_TABLE.hashes[mojoIpcHash(mojoCppMethodName(entry.name, method))]).toBe(
          `${entry.name}.${method}`,
        );
  });

  it('names the methods newer than the table from the supplement, each hash the SHA-256 of its C++ name', () => {
    for (const { fullName, ipcHash } of MOJO_NAME_SUPPLEMENT) {
      const dot = fullName.lastIndexOf('.');
      expect(mojoIpcHash(mojoCppMethodName(fullName.slice(0, dot), fullName.slice(dot + 1))), fullName).toBe(ipcHash);
      expect(names.resolve(fullName.slice(0, dot), ipcHash)?.fullName).toBe(fullName);
    }
    expect(names.resolve('blink.mojom.LocalFrameHost', 0x70fd2c49)?.name).toBe(
      'LocalFrameHost.NotifyDocumentInteractive',
    );
    // A table given explicitly gets no supplement.
    expect(new MojoMethodNames(MOJO_NAME_TABLE, []).resolve('blink.mojom.LocalFrameHost', 0x70fd2c49)).toBeNull();
  });
});
