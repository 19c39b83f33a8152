import dgram from 'node:dgram';
import http from 'node:http';
import dnsPacket from 'dns-packet';
import type { DecodedPacket, Packet, RecordType } from 'dns-packet';

/** Safety net so a broken server fails the test instead of hanging it (not a timing assertion). */
const GIVE_UP_MS = 5000;

export interface DnsReply {
  packet: DecodedPacket;
  rcode: number;
}

/** Sends `messages` in order from one UDP socket and resolves with the first reply received. */
export function dnsExchange(address: string, port: number, messages: Buffer[]): Promise<DnsReply> {
  const socket = dgram.createSocket('udp4');
  return new Promise<DnsReply>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no DNS reply from ${address}:${port}`));
    }, GIVE_UP_MS);
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.once('message', (message) => {
      clearTimeout(timer);
      socket.close();
      const packet = dnsPacket.decode(message);
      resolve({ packet, rcode: (packet.flags ?? 0) & 0xf });
    });
    socket.bind(0, '127.0.0.1', () => {
      for (const message of messages) socket.send(message, port, address);
    });
  });
}

export function dnsQueryPacket(name: string, type: RecordType, id = 4242, extra: Partial<Packet> = {}): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: 0, questions: [{ name, type, class: 'IN' }], ...extra });
}

export function dnsQuery(address: string, port: number, name: string, type: RecordType, id = 4242): Promise<DnsReply> {
  return dnsExchange(address, port, [dnsQueryPacket(name, type, id)]);
}

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function httpGet(address: string, port: number, host: string, path: string, method = 'GET'): Promise<HttpReply> {
  return new Promise<HttpReply>((resolve, reject) => {
    const request = http.request({ host: address, port, path, method, headers: { Host: host }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}
