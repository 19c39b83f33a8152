/**
 * Lab mode is the lab: its DNS and its web servers, nothing else. A local server on
 * another loopback port — however its address is spelled — is refused with
 * ERR_NETWORK_ACCESS_DENIED, and the error says how to reach it (--live). The lab's
 * own servers load as before.
 */
import { type AddressInfo, type Server, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';

describe('lab mode reaches only the lab', () => {
  const session = useLabSession();
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n<p>not the lab</p>\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(['127.0.0.1', '127.1', '0x7f000001', '2130706433', '[::ffff:127.0.0.1]'])(
    'refuses a local server that is not the lab at http://%s:<port>/',
    async (host) => {
      const { result, events } = await navigateAndCollect(session(), `http://${host}:${port}/`);
      expect(result.outcome).toBe('failed');
      expect(result.netError?.name).toBe('ERR_NETWORK_ACCESS_DENIED');
      expect(result.netError?.detail).toMatch(/is not a lab server: .*--live/);
      expect(ofType(events, 'http.request')).toEqual([]);
      expect(connections).toBe(0);
    },
  );

  it("still loads the lab's own servers, by name and by address", async () => {
    expect((await navigateAndCollect(session(), 'www.naver.com')).result.outcome).toBe('loaded');
    const address = session().lab!.config.webServers[0]!.address;
    expect((await navigateAndCollect(session(), `http://${address}/`)).result.outcome).not.toBe('failed');
  });
});
