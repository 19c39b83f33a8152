import dgram from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ConnectionOptions, PeerCertificate, TLSSocket } from 'node:tls';
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

export function httpGet(
  address: string,
  port: number,
  host: string,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  return new Promise<HttpReply>((resolve, reject) => {
    const request = http.request(
      { host: address, port, path, method, headers: { Host: host, ...headers }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

export interface HttpsReply extends HttpReply {
  tlsProtocol: string | null;
  alpnProtocol: string | false | null;
  peerCertificate: PeerCertificate;
}

export interface HttpsGetOptions {
  /** Trusted CA(s), PEM. */
  ca: string;
  /** SNI name and name checked against the certificate; also the Host header. */
  servername: string;
  headers?: Record<string, string>;
}

/** A GET over HTTPS to `address:port` that trusts `ca` only; rejects with Node's TLS error (its `code`) on a bad certificate. */
export function httpsGet(address: string, port: number, path: string, options: HttpsGetOptions): Promise<HttpsReply> {
  return new Promise<HttpsReply>((resolve, reject) => {
    // Node's https agent hands ALPNProtocols on to tls.connect; its RequestOptions type does not list it.
    const requestOptions: https.RequestOptions & Pick<ConnectionOptions, 'ALPNProtocols'> = {
      host: address,
      port,
      path,
      servername: options.servername,
      ca: options.ca,
      ALPNProtocols: ['http/1.1'],
      headers: { Host: options.servername, ...options.headers },
      agent: false,
    };
    const request = https.request(requestOptions, (response) => {
      const socket = response.socket as TLSSocket;
      const tlsProtocol = socket.getProtocol();
      const alpnProtocol = socket.alpnProtocol;
      const peerCertificate = socket.getPeerCertificate();
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          tlsProtocol,
          alpnProtocol,
          peerCertificate,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** The error code an HTTPS GET fails with, or `ok`. */
export function httpsOutcome(address: string, port: number, path: string, options: HttpsGetOptions): Promise<string> {
  return httpsGet(address, port, path, options).then(
    () => 'ok',
    (error: NodeJS.ErrnoException) => error.code ?? String(error),
  );
}

/** Sends `text` on a raw TCP connection and resolves with every byte received until the server closes it. */
export function rawExchange(address: string, port: number, text: string): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const socket = net.connect({ host: address, port }, () => socket.write(text));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no end of response from ${address}:${port}`));
    }, GIVE_UP_MS);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Resolves once `condition()` holds, checking on every turn of the event loop (gives up after GIVE_UP_MS). */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}
