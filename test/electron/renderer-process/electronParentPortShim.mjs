// Emulates an Electron utility process for the renderer entry script: installs a
// process.parentPort with Electron's shape (postMessage; 'message' events carrying
// { data, ports }) over Node IPC, and tags what it sends so the test can tell the
// entry used parentPort rather than process.send.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
port.postMessage = (message) => process.send({ viaParentPort: true, message });
process.on('message', (data) => port.emit('message', { data, ports: [] }));
process.parentPort = port;
