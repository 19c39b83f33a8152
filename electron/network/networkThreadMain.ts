/**
 * Entry point of the network thread: a worker_threads Worker inside the browser
 * process (Chromium's network service running in-process, on its own thread).
 */
import { workerData } from 'node:worker_threads';
import { THREAD_NAMES } from '../../shared/ipc/endpoints.js';
import { networkServiceConfig, type NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { ChildEndpoint } from '../node/childEndpoint.js';
import { getParentPort } from '../node/parentPort.js';
import { NetworkService } from './networkService.js';

const problem = networkServiceConfig.check(workerData, 'workerData');
if (problem) throw new Error(`network thread started with a bad configuration: ${problem}`);
const config = workerData as NetworkServiceConfig;

const child = new ChildEndpoint(
  { id: 'network', role: 'network', pid: process.pid, processName: 'Browser', threadName: THREAD_NAMES.network },
  getParentPort(),
);
new NetworkService(child.endpoint, child.sink, config);
child.start();
