/**
 * The network service on the network thread (Chromium's services/network): owns the
 * host resolver, the socket pool and every URLLoader, and answers the loader
 * interfaces of the message catalogue.
 */
import type { MessageEndpoint, TraceSink } from '../../shared/ipc/messageEndpoint.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { isLoopbackAddress } from '../../shared/net/networkServiceConfig.js';
import { ROOT_HINTS } from '../../shared/net/rootHints.js';
import { ClientSocketPool } from './clientSocketPool.js';
import { CookieStore } from './cookieStore.js';
import { HostResolver } from './hostResolver.js';
import { HttpCache } from './httpCache.js';
import { NetLog } from './netLog.js';
import { RecursiveResolver } from './recursiveResolver.js';
import { TransportSecurityState } from './transportSecurityState.js';
import { URLLoader } from './urlLoader.js';

export class NetworkService {
  private readonly loaders = new Map<string, URLLoader>();
  private readonly netLog: NetLog;
  private readonly hostResolver: HostResolver;
  private readonly socketPool: ClientSocketPool;
  private readonly recursiveResolver: RecursiveResolver | null;
  private readonly transportSecurity: TransportSecurityState;
  private readonly cookies: CookieStore;
  private readonly cache: HttpCache;

  constructor(
    private readonly endpoint: MessageEndpoint,
    sink: TraceSink,
    private readonly config: NetworkServiceConfig,
  ) {
    this.netLog = new NetLog(endpoint.id, sink);
    const lab = config.lab;
    const record = (body: Parameters<NetLog['record']>[0]): void => this.netLog.record(body);
    this.recursiveResolver = lab
      ? new RecursiveResolver(
          {
            rootHints: lab.rootHints,
            portFor: () => lab.dnsPort,
            allowAddress: isLoopbackAddress,
            timeoutMs: config.timeouts.dnsAttemptMs,
          },
          record,
        )
      : config.liveIterative
        ? // The real root → TLD → authoritative walk, over the internet (port 53).
          new RecursiveResolver(
            {
              rootHints: [...ROOT_HINTS],
              portFor: () => 53,
              allowAddress: (address) => !isLoopbackAddress(address),
              timeoutMs: config.timeouts.dnsAttemptMs,
            },
            record,
          )
        : null;
    this.hostResolver = new HostResolver(this.netLog, this.recursiveResolver);
    const onError = (message: string): void =>
      this.netLog.record({ type: 'error', where: 'network service storage', message });
    this.transportSecurity = new TransportSecurityState({ dataDir: config.dataDir, onError });
    this.cookies = new CookieStore({ dataDir: config.dataDir, onError });
    this.cache = new HttpCache({ maxBytes: 64 * 1024 * 1024 });
    this.socketPool = new ClientSocketPool(this.netLog, {
      lab: lab ? { portMap: lab.portMap, servers: lab.servers, addressPrefix: lab.addressPrefix } : null,
      connectTimeoutMs: config.timeouts.connectMs,
      trustAnchorsPem: lab ? lab.caPem : null,
    });

    endpoint.on('URLLoaderFactory.CreateLoaderAndStart', (p, envelope) => {
      if (this.loaders.has(p.requestId)) throw new Error(`a loader with id ${p.requestId} already exists`);
      const loader = new URLLoader(
        {
          endpoint,
          netLog: this.netLog,
          hostResolver: this.hostResolver,
          socketPool: this.socketPool,
          transportSecurity: this.transportSecurity,
          cookies: this.cookies,
          cache: this.cache,
          config: this.config,
        },
        p.requestId,
        envelope.from,
        p.request,
      );
      this.loaders.set(p.requestId, loader);
      loader.start(() => {
        if (this.loaders.get(p.requestId) === loader) this.loaders.delete(p.requestId);
      });
    });
    endpoint.on('NetworkContext.ClearHostCache', () => this.hostResolver.clear());
    endpoint.on('NetworkContext.ClearHttpCache', () => this.cache.clear());
    endpoint.on('NetworkContext.CloseAllConnections', () => this.socketPool.closeAll());
    endpoint.on('URLLoader.FollowRedirect', (p) => this.loaders.get(p.requestId)?.followRedirect());
    endpoint.on('URLLoader.Cancel', (p) => {
      this.loaders.get(p.requestId)?.cancel(p.reason);
      this.loaders.delete(p.requestId);
    });
  }

  shutdown(): void {
    for (const loader of this.loaders.values()) loader.cancel('network service shutting down');
    this.loaders.clear();
    this.socketPool.closeAll();
    this.recursiveResolver?.close();
  }
}
