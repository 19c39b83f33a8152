/**
 * `npm run test:faults`: seeded, reproducible bad input against the real browser model
 * (network thread, renderer processes, the lab on loopback) and at the window's views.
 * Nothing may crash, every
 * bad input must be recorded, every navigation keeps its whole trace, and the browser
 * must still load a page afterwards. Prints the tally at the end.
 */
import { createSocket } from 'node:dgram';
import { type AddressInfo, type Socket, createServer } from 'node:net';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import { Lab } from '../../electron/lab/lab.js';
import { classifyOmniboxInput } from '../../shared/web/index.js';
import { FaultTally, seededRandom } from './faultTally.js';
import { foldTrace } from '../../shared/trace/browserViewState.js';
import { toChromeTrace } from '../../shared/trace/chromeTraceExport.js';
import { toHar } from '../../shared/trace/harExport.js';
import { formatTimeline } from '../../shared/trace/timelineText.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { checkedTraceEvent, traceEventProblem } from '../../shared/trace/traceEventCheck.js';
import {
  malformedDnsAnswer,
  malformedFrame,
  malformedHttpResponse,
  malformedTraceEvent,
  omniboxInput,
} from './faultInputs.js';
import { errorMessage } from '../../shared/base/errors.js';

const SEED = Number(process.env.NAVSCOPE_FAULT_SEED ?? 20261121);
const TIMEOUTS = { dnsAttemptMs: 150, connectMs: 2_000, responseHeadMs: 2_000, bodyIdleMs: 1_000 };
const tally = new FaultTally();

async function navigate(session: BrowserSession, input: string, what: string): Promise<void> {
  const from = session.browser.recorder.events.length;
  const result = await session.browser.webContents.navigateFromOmnibox(input);
  tally.checkTrace(session.browser.recorder.events.slice(from), result, what);
  tally.checkCrashes(session, from, what);
}

async function stillWorks(session: BrowserSession): Promise<void> {
  const result = await session.browser.webContents.navigateFromOmnibox('www.naver.com');
  expect(result.outcome, 'the browser loads www.naver.com after the faults').toBe('loaded');
}

function rejections(session: BrowserSession, from: number, receiver: string): number {
  return session.browser.recorder.events.slice(from).filter((e) => e.type === 'ipc.rejected' && e.receiver === receiver)
    .length;
}

describe('faults: bad input at every boundary, nothing lost', () => {
  let lab: Lab;
  let session: BrowserSession;
  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
    session = await BrowserSession.start({ lab, timeouts: TIMEOUTS });
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
    await lab?.stop();
    process.stdout.write(`\n${tally.summary()}\n`);
  });

  it('10,000 random omnibox inputs: each is classified; a sample of 150 is navigated with its trace whole', async () => {
    const random = seededRandom(SEED);
    const inputs = Array.from({ length: 10_000 }, () => omniboxInput(random));
    for (const input of inputs) {
      tally.inputs++;
      try {
        classifyOmniboxInput(input);
      } catch (error) {
        tally.crashes.push(`omnibox ${JSON.stringify(input.slice(0, 80))}: ${errorMessage(error)}`);
      }
    }
    for (let i = 0; i < inputs.length; i += 67)
      await navigate(session, inputs[i]!, `omnibox input #${i} ${JSON.stringify(inputs[i]!.slice(0, 60))}`);
    await stillWorks(session);
    expect(tally.crashes).toEqual([]);
    expect(tally.lost).toEqual([]);
  }, 240_000);

  it('1,000 malformed IPC messages at each boundary are refused and recorded; every thread and process keeps working', async () => {
    await stillWorks(session);
    const renderer = session.browser.renderProcesses.find((p) => p.state === 'ready');
    if (!renderer) throw new Error('no renderer process to send malformed messages to');
    const random = seededRandom(SEED + 1);
    const from = session.browser.recorder.events.length;
    const channel = { endpointId: 'network', role: 'network' as const, post: () => undefined };
    for (let i = 0; i < 1000; i++) {
      session.browser.router.injectRaw('network', malformedFrame(random, 'browser', 'network'));
      session.browser.router.injectRaw(renderer.endpointId, malformedFrame(random, 'browser', renderer.endpointId));
      // Into the browser process, as if the network thread had sent it.
      session.browser.router.receive(channel, malformedFrame(random, 'network', 'browser'), () => undefined);
      tally.inputs += 3;
      tally.faults += 3;
    }
    // The children report their refusals with their trace records, a little later.
    await expect.poll(() => rejections(session, from, 'network'), { timeout: 20_000 }).toBe(1000);
    await expect.poll(() => rejections(session, from, renderer.endpointId), { timeout: 20_000 }).toBe(1000);
    expect(rejections(session, from, 'browser')).toBeGreaterThanOrEqual(1000);
    tally.checkCrashes(session, from, 'malformed IPC');
    expect(await session.browser.pingRenderer(renderer.endpointId)).toBeGreaterThan(0);
    await stillWorks(session);
    expect(tally.crashes).toEqual([]);
  }, 120_000);

  it('1,000 malformed HTTP responses end in a page or a clear net error, with the trace whole', async () => {
    const random = seededRandom(SEED + 2);
    const responses = Array.from({ length: 1000 }, () => malformedHttpResponse(random));
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let request = '';
      socket.on('data', (chunk) => {
        request += chunk.toString('latin1');
        if (!request.includes('\r\n\r\n')) return;
        const index = Number(/^GET \/case\/(\d+)/.exec(request)?.[1] ?? -1);
        const response = responses[index] ?? Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
        socket.end(response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    // Lab mode reaches only the lab's servers: this one joins the lab for the run.
    const httpSession = await BrowserSession.start({
      lab: {
        ...lab.config,
        webServers: [...lab.config.webServers, { address: '127.0.0.1', port, httpsPort: port, hosts: [] }],
      },
      timeouts: TIMEOUTS,
    });
    try {
      for (let i = 0; i < responses.length; i++) {
        tally.inputs++;
        tally.faults++;
        await navigate(httpSession, `http://127.0.0.1:${port}/case/${i}`, `HTTP response #${i}`);
      }
      await stillWorks(httpSession);
    } finally {
      await httpSession.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(tally.crashes).toEqual([]);
    expect(tally.lost).toEqual([]);
  }, 300_000);

  it('1,000 malformed DNS answers end in a clear net error or an answer, with the trace whole', async () => {
    const random = seededRandom(SEED + 3);
    // A root server that answers every question with a broken answer.
    const fuzzRoot = createSocket('udp4');
    fuzzRoot.on('message', (message, remote) => {
      try {
        const query = dnsPacket.decode(message);
        const question = query.questions?.[0];
        if (!question) return;
        fuzzRoot.send(
          malformedDnsAnswer(random, { id: query.id ?? 0, name: question.name, type: question.type }),
          remote.port,
          remote.address,
        );
      } catch {
        // Not a DNS question: no answer.
      }
    });
    await new Promise<void>((resolve) => fuzzRoot.bind(lab.config.dnsPort, '127.53.9.9', resolve));
    const dnsSession = await BrowserSession.start({
      lab: {
        ...lab.config,
        rootHints: [
          { name: 'fuzz-root.lab', address: '127.53.9.9', port: lab.config.dnsPort, zone: '.', role: 'root' },
        ],
      },
      timeouts: TIMEOUTS,
    });
    try {
      for (let i = 0; i < 1000; i++) {
        tally.inputs++;
        tally.faults++;
        await navigate(dnsSession, `http://www.case${i}.com/`, `DNS answer #${i}`);
      }
      const result = await dnsSession.browser.webContents.navigateFromOmnibox('http://127.80.0.1/');
      expect(result.outcome, 'the browser still loads a page after the DNS faults').not.toBe('renderer-crashed');
    } finally {
      await dnsSession.stop();
      fuzzRoot.close();
    }
    expect(tally.crashes).toEqual([]);
    expect(tally.lost).toEqual([]);
  }, 300_000);

  it('1,000 malformed trace events reach the window: each is shown as an error in its place; no view, text or export throws', async () => {
    const random = seededRandom(SEED + 5);
    // A real trace with every kind of step in it, broken one event at a time as a hostile host might send it.
    const from = session.browser.recorder.events.length;
    for (const input of [
      'www.naver.com',
      'http://www.naver.com/render/scripts',
      'http://www.naver.com/cookie/set',
      'https://expired.badssl-lab.com/',
      'wrong-id.naver.com',
      'http://www.naver.com/fault/truncated-body',
    ])
      await navigate(session, input, `trace for the window: ${input}`);
    const recorded = session.browser.recorder.events.slice(from).map((e, seq) => ({ ...e, seq }));
    const types = [...new Set(recorded.map((e) => e.type))];
    for (let round = 0; round < 50; round++) {
      const trace: TraceEvent[] = [...recorded];
      for (let i = 0; i < 20; i++) {
        const at = random.int(trace.length);
        const raw = malformedTraceEvent(random, trace[at]!, types);
        tally.inputs++;
        tally.faults++;
        const shown = checkedTraceEvent(raw, at);
        if (traceEventProblem(raw) !== null && (shown.type !== 'error' || shown.where !== 'window'))
          tally.crashes.push(`trace event ${at}: refused without an error in its place`);
        trace[at] = shown;
      }
      for (const [what, view] of [
        ['the views', foldTrace],
        ['the timeline text', formatTimeline],
        ['the HAR export', toHar],
        ['the Perfetto export', toChromeTrace],
      ] as const) {
        try {
          view(trace);
        } catch (error) {
          tally.crashes.push(`window, ${what}, round ${round}: ${errorMessage(error)}`);
        }
      }
    }
    expect(tally.crashes).toEqual([]);
  }, 60_000);
});
