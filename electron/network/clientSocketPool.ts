/**
 * Chromium's ClientSocketPool for HTTP/1.1: at most six connections per group
 * (scheme://host:port), idle keep-alive sockets reused, the rest queued. Connect time
 * is measured; the three-way handshake inside it is not observable from user space,
 * so the span carries a modelled SYN / SYN-ACK / ACK with random initial sequence
 * numbers, labelled as modelled.
 */
import { randomInt } from 'node:crypto';
import { type Socket, connect } from 'node:net';
import { labAllowsConnection } from '../../shared/net/networkServiceConfig.js';
import { NetError } from '../../shared/net/netError.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { NetLog } from './netLog.js';
import { type TlsInfo, startTls } from './tlsConnector.js';
import { errorMessage } from '../../shared/base/errors.js';

export const MAX_SOCKETS_PER_GROUP = 6;

export interface PooledSocket {
  readonly socket: Socket;
  readonly id: number;
  readonly group: string;
  readonly reused: boolean;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly connectStart: number;
  readonly connectEnd: number;
  /** TLS handshake (-1 when plain TCP or reused). */
  readonly sslStart: number;
  readonly sslEnd: number;
  readonly tls: TlsInfo | null;
}

interface IdleSocket {
  socket: Socket;
  id: number;
  remoteAddress: string;
  remotePort: number;
  tls: TlsInfo | null;
}

interface Group {
  idle: IdleSocket[];
  active: number;
  queue: (() => void)[];
}

export interface SocketPoolOptions {
  /** Lab mode: only the lab's web servers, with well-known ports mapped to the lab's (labAllowsConnection). */
  lab: {
    portMap: Record<string, number>;
    servers: { address: string; ports: number[] }[];
    addressPrefix: string;
  } | null;
  connectTimeoutMs: number;
  /** PEM trust anchors for TLS (the lab CA in lab mode); null = the system's roots. */
  trustAnchorsPem: string | null;
}

function connectError(error: NodeJS.ErrnoException, target: string): NetError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return new NetError('ERR_CONNECTION_REFUSED', `${target} refused the connection`);
    case 'ECONNRESET':
      return new NetError('ERR_CONNECTION_RESET', `${target} reset the connection`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NetError('ERR_ADDRESS_UNREACHABLE', `${target} is unreachable`);
    case 'ETIMEDOUT':
      return new NetError('ERR_CONNECTION_TIMED_OUT', `${target} did not answer`);
    default:
      return new NetError('ERR_CONNECTION_FAILED', `${target}: ${error.code ?? error.message}`);
  }
}

export class ClientSocketPool {
  private readonly groups = new Map<string, Group>();
  private nextId = 1;

  constructor(
    private readonly netLog: NetLog,
    private readonly options: SocketPoolOptions,
  ) {}

  private group(key: string): Group {
    let group = this.groups.get(key);
    if (!group) {
      group = { idle: [], active: 0, queue: [] };
      this.groups.set(key, group);
    }
    return group;
  }

  /** A socket for the group: an idle keep-alive one, or a new connection (with TLS for `tlsHost`). */
  async acquire(
    groupKey: string,
    addresses: string[],
    port: number,
    requestId: string,
    tlsHost: string | null = null,
  ): Promise<PooledSocket> {
    const group = this.group(groupKey);
    for (;;) {
      const idle = group.idle.pop();
      if (idle) {
        if (idle.socket.destroyed || !idle.socket.writable) continue;
        idle.socket.removeAllListeners('close');
        idle.socket.removeAllListeners('error');
        group.active++;
        const now = monotonicMicros();
        return { ...idle, group: groupKey, reused: true, connectStart: now, connectEnd: now, sslStart: -1, sslEnd: -1 };
      }
      if (group.active < MAX_SOCKETS_PER_GROUP) break;
      const queuedAt = monotonicMicros();
      await new Promise<void>((resume, reject) => {
        const timer = setTimeout(() => {
          const index = group.queue.indexOf(wake);
          if (index >= 0) group.queue.splice(index, 1);
          reject(
            new NetError(
              'ERR_TIMED_OUT',
              `no free socket in ${groupKey} (all ${MAX_SOCKETS_PER_GROUP} busy) within ${this.options.connectTimeoutMs} ms`,
            ),
          );
        }, this.options.connectTimeoutMs);
        const wake = (): void => {
          clearTimeout(timer);
          resume();
        };
        group.queue.push(wake);
      });
      this.netLog.record({
        type: 'error',
        where: 'socket pool',
        message: `request ${requestId} waited ${Math.round((monotonicMicros() - queuedAt) / 1000)} ms for a free socket in ${groupKey} (at most ${MAX_SOCKETS_PER_GROUP} per group)`,
      });
    }
    group.active++;
    try {
      const connected = await this.connectAny(groupKey, addresses, port, requestId);
      return tlsHost === null ? connected : await this.handshake(connected, tlsHost, requestId);
    } catch (error) {
      this.releaseSlot(group);
      throw error;
    }
  }

  /** Returns a socket: kept idle for reuse when the response allows keep-alive. */
  release(pooled: PooledSocket, reusable: boolean): void {
    const group = this.group(pooled.group);
    if (reusable && !pooled.socket.destroyed) {
      const entry: IdleSocket = {
        socket: pooled.socket,
        id: pooled.id,
        remoteAddress: pooled.remoteAddress,
        remotePort: pooled.remotePort,
        tls: pooled.tls,
      };
      pooled.socket.removeAllListeners('data');
      pooled.socket.removeAllListeners('end');
      pooled.socket.removeAllListeners('timeout');
      pooled.socket.setTimeout(0);
      pooled.socket.on('error', () => pooled.socket.destroy());
      pooled.socket.once('close', () => {
        const index = group.idle.indexOf(entry);
        if (index >= 0) group.idle.splice(index, 1);
      });
      group.idle.push(entry);
    } else {
      pooled.socket.destroy();
    }
    this.releaseSlot(group);
  }

  private releaseSlot(group: Group): void {
    group.active--;
    group.queue.shift()?.();
  }

  private async connectAny(
    groupKey: string,
    addresses: string[],
    port: number,
    requestId: string,
  ): Promise<PooledSocket> {
    let lastError: NetError | null = null;
    for (const address of addresses) {
      const lab = this.options.lab;
      if (lab && !labAllowsConnection(lab, address, port)) {
        lastError = new NetError(
          'ERR_NETWORK_ACCESS_DENIED',
          `${address.includes(':') ? `[${address}]` : address}:${port} is not a lab server: lab mode connects only to the lab's own servers (run with --live to reach other addresses)`,
        );
        continue;
      }
      const realPort = lab?.portMap[String(port)] ?? port;
      const target = `${address}:${port}`;
      const spanId = this.netLog.beginSpan('Initial connection', requestId, {
        group: groupKey,
        remote: target,
        ...(realPort !== port ? { labPort: realPort, note: `the lab serves port ${port} on port ${realPort}` } : {}),
      });
      const connectStart = monotonicMicros();
      try {
        const socket = await this.connectOne(address, realPort, target);
        const connectEnd = monotonicMicros();
        const clientIsn = randomInt(0, 2 ** 32);
        const serverIsn = randomInt(0, 2 ** 32);
        this.netLog.endSpan(spanId, 'ok', null, {
          local: `${socket.localAddress ?? '?'}:${socket.localPort ?? 0}`,
          connectMicros: connectEnd - connectStart,
          handshake: {
            modelled: true,
            note: 'connect() time is measured; the segments inside it are drawn from that measurement, not captured',
            segments: [
              { flags: 'SYN', from: 'client', seq: clientIsn, ack: 0 },
              { flags: 'SYN-ACK', from: 'server', seq: serverIsn, ack: (clientIsn + 1) % 2 ** 32 },
              { flags: 'ACK', from: 'client', seq: (clientIsn + 1) % 2 ** 32, ack: (serverIsn + 1) % 2 ** 32 },
            ],
          },
        });
        return {
          socket,
          id: this.nextId++,
          group: groupKey,
          reused: false,
          remoteAddress: address,
          remotePort: port,
          connectStart,
          connectEnd,
          sslStart: -1,
          sslEnd: -1,
          tls: null,
        };
      } catch (error) {
        lastError =
          error instanceof NetError ? error : new NetError('ERR_CONNECTION_FAILED', `${target}: ${String(error)}`);
        this.netLog.endSpan(spanId, 'error', lastError.message);
      }
    }
    throw lastError ?? new NetError('ERR_NAME_NOT_RESOLVED', 'no address to connect to');
  }

  private async handshake(plain: PooledSocket, host: string, requestId: string): Promise<PooledSocket> {
    const spanId = this.netLog.beginSpan('SSL', requestId, {
      host,
      remote: `${plain.remoteAddress}:${plain.remotePort}`,
      trust: this.options.trustAnchorsPem ? 'the lab CA only' : "the system's roots",
    });
    const sslStart = monotonicMicros();
    try {
      const { socket, info } = await startTls(plain.socket, {
        host,
        trustAnchorsPem: this.options.trustAnchorsPem,
        timeoutMs: this.options.connectTimeoutMs,
      });
      const sslEnd = monotonicMicros();
      this.netLog.endSpan(spanId, 'ok', null, info);
      // connectEnd includes the handshake, as in Chromium's LoadTimingInfo.
      return { ...plain, socket, sslStart, sslEnd, connectEnd: sslEnd, tls: info };
    } catch (error) {
      const info = (error as { tlsInfo?: TlsInfo }).tlsInfo;
      this.netLog.endSpan(spanId, 'error', errorMessage(error), info ?? {});
      plain.socket.destroy();
      throw error;
    }
  }

  private connectOne(address: string, port: number, target: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new NetError(
            'ERR_CONNECTION_TIMED_OUT',
            `${target} did not complete the TCP handshake within ${this.options.connectTimeoutMs} ms`,
          ),
        );
      }, this.options.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(connectError(error, target));
      });
    });
  }

  closeAll(): void {
    for (const group of this.groups.values()) for (const idle of group.idle) idle.socket.destroy();
    this.groups.clear();
  }
}
