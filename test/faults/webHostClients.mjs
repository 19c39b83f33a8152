// Misbehaving windows for the fault run, in a process of their own so that only the web
// host's memory is measured in the test's process. Started with one JSON argument:
//   { url, origin, host, port, token, mode, count }
// and answers on the IPC channel with one result object, then exits.
import { connect } from 'node:net';
import WebSocket from 'ws';

const options = JSON.parse(process.argv[2]);

function silent() {
  // A WebSocket handshake, then not one byte read.
  return new Promise((resolve, reject) => {
    const socket = connect(options.port, '127.0.0.1', () => {
      socket.write(
        [
          `GET /api?token=${options.token} HTTP/1.1`,
          `Host: 127.0.0.1:${options.port}`,
          `Origin: ${options.origin}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
      socket.once('data', () => {
        socket.pause();
        const closed = new Promise((done) => socket.once('close', () => done(true)));
        socket.on('error', () => undefined);
        Promise.race([closed, new Promise((done) => setTimeout(() => done(false), options.holdMs))]).then((wasClosed) =>
          resolve({ closedByHost: wasClosed }),
        );
      });
    });
    socket.on('error', reject);
  });
}

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(options.url, { origin: options.origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function flood() {
  // `count` calls in one burst, then a steady flood for `seconds`, never reading an answer.
  const ws = await open();
  ws.pause();
  const closed = new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  let id = 1;
  for (; id <= options.count; id++) ws.send(JSON.stringify({ id, method: 'info', args: [] }));
  const until = Date.now() + options.seconds * 1000;
  while (Date.now() < until && ws.readyState === WebSocket.OPEN) {
    for (let i = 0; i < 100; i++) ws.send(JSON.stringify({ id: id++, method: 'info', args: [] }));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  ws.resume();
  const result = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve(null), 5000))]);
  ws.terminate();
  return { sent: id - 1, closed: result };
}

async function answer() {
  // A well-behaved window asking one question while others misbehave.
  const ws = await open();
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'result' && frame.id === 1) {
        ws.terminate();
        resolve({ answered: true });
      }
    });
    ws.send(JSON.stringify({ id: 1, method: 'info', args: [] }));
  });
}

async function readers() {
  // `count` windows, each reading the whole trace.
  const totals = await Promise.all(
    Array.from({ length: options.count }, async () => {
      const ws = await open();
      let events = 0;
      let lastSeq = -1;
      let inOrder = true;
      await new Promise((resolve) => {
        ws.on('message', (data) => {
          const frame = JSON.parse(String(data));
          if (frame.kind !== 'trace') return;
          for (const event of frame.events) {
            if (event.seq !== lastSeq + 1) inOrder = false;
            lastSeq = event.seq;
            events++;
          }
          if (events >= options.total) resolve();
        });
      });
      ws.terminate();
      return { events, inOrder };
    }),
  );
  return { totals };
}

const modes = { silent, flood, answer, readers };
modes[options.mode]().then(
  (result) => process.send({ ok: true, result }, () => process.exit(0)),
  (error) => process.send({ ok: false, error: String(error?.stack ?? error) }, () => process.exit(1)),
);
