import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { dnsQuery, httpGet } from './labTestClient.js';

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
    expect((await dnsQuery('127.53.0.1', dnsPort, '.', 'NS')).packet.answers?.length).toBe(1);
    expect(await connectOutcome('127.80.0.1', webPort)).toBe('connected');

    // A held request in flight is dropped when the lab stops.
    const held = new Promise<void>((resolve) => first.onHeld(() => resolve()));
    const pending = httpGet('127.80.0.1', webPort, 'www.naver.com', '/hold/never.png').then(
      () => 'answered',
      () => 'dropped',
    );
    await held;

    await first.stop();
    await first.stop();
    expect(await pending).toBe('dropped');
    for (const server of first.config.dnsServers) {
      expect(await canBindUdp(server.address, server.port)).toBe(true);
    }
    expect(await connectOutcome('127.80.0.1', webPort)).toBe('ECONNREFUSED');
    expect(await connectOutcome('127.80.0.2', webPort)).toBe('ECONNREFUSED');

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
    } finally {
      await lab.stop();
    }
  });
});
