import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { dnsQuery, httpGet, until } from './labTestClient.js';

function canBindUdp(address: string, port: number): Promise<boolean> {
  const socket = dgram.createSocket('udp4');
  return new Promise<boolean>((resolve) => {
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, address, () => {
      socket.close(() => resolve(true));
    });
  });
}

function connectOutcome(address: string, port: number): Promise<string> {
  return new Promise<string>((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('Lab lifecycle', () => {
  it('stop() closes every socket, is idempotent, and the lab can start again', async () => {
    const first = await Lab.start();
    const { dnsPort, portMap } = first.config;
    const webPort = portMap['80'] ?? 0;
    const httpsPort = portMap['443'] ?? 0;
    expect((await dnsQuery('127.53.0.1', dnsPort, '.', 'NS')).packet.answers?.length).toBe(1);
    expect(await connectOutcome('127.80.0.1', webPort)).toBe('connected');
    expect(await connectOutcome('127.80.0.3', httpsPort)).toBe('connected');

    // A held request in flight is dropped when the lab stops.
    const held = new Promise<void>((resolve) => first.onHeld(() => resolve()));
    const pending = httpGet('127.80.0.1', webPort, 'www.naver.com', '/hold/never.png').then(
      () => 'answered',
      () => 'dropped',
    );
    await held;
    // So is a slow response waiting on its timer.
    const slow = httpGet('127.80.0.1', webPort, 'www.naver.com', '/slow-head').then(
      () => 'answered',
      () => 'dropped',
    );
    await until(() => first.slowResponseCount() === 1, 'the slow response to start');
    // And a connection still in the TLS handshake (nothing sent yet).
    const idleTls = net.connect({ host: '127.80.0.1', port: httpsPort });
    const idleClosed = new Promise<void>((resolve) => idleTls.once('close', () => resolve()));
    idleTls.on('error', () => undefined);
    await new Promise<void>((resolve) => idleTls.once('connect', () => resolve()));

    await first.stop();
    await first.stop();
    expect(await pending).toBe('dropped');
    expect(await slow).toBe('dropped');
    expect(first.slowResponseCount()).toBe(0);
    await idleClosed;
    for (const server of first.config.dnsServers) {
      expect(await canBindUdp(server.address, server.port)).toBe(true);
    }
    expect(await connectOutcome('127.80.0.1', webPort)).toBe('ECONNREFUSED');
    expect(await connectOutcome('127.80.0.2', webPort)).toBe('ECONNREFUSED');
    for (const address of ['127.80.0.1', '127.80.0.2', '127.80.0.3', '127.80.0.4']) {
      expect(await connectOutcome(address, httpsPort)).toBe('ECONNREFUSED');
    }

    const second = await Lab.start();
    try {
      const reply = await dnsQuery('127.53.2.1', second.config.dnsPort, 'www.naver.com', 'A');
      expect(reply.packet.answers).toEqual([expect.objectContaining({ data: '127.80.0.1' })]);
      const page = await httpGet('127.80.0.1', second.config.portMap['80'] ?? 0, 'www.naver.com', '/');
      expect(page.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('nothing listens on the connection-refused address', async () => {
    const lab = await Lab.start();
    try {
      expect(await connectOutcome('127.80.0.99', lab.config.portMap['80'] ?? 0)).toBe('ECONNREFUSED');
      expect(await connectOutcome('127.80.0.99', lab.config.portMap['443'] ?? 0)).toBe('ECONNREFUSED');
    } finally {
      await lab.stop();
    }
  });
});
