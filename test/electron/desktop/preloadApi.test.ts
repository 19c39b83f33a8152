import { describe, expect, it } from 'vitest';
import {
  PRELOAD_CHANNELS,
  checkedChannel,
  createPreloadApi,
  type IpcRendererLike,
} from '../../../electron/preload/preloadApi.js';

function fakeIpc(answers: Record<string, unknown> = {}) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return answers[channel];
    },
    on: (channel, listener) => handlers.set(channel, listener),
  };
  return {
    ipc,
    invoked,
    emit: (channel: string, payload: unknown) => handlers.get(channel)?.({ sender: 'ipc event' }, payload),
  };
}

const loaded = {
  navigationId: 'nav1',
  outcome: 'loaded',
  url: 'http://www.naver.com/',
  message: 'Loaded',
  netError: null,
};

describe('the preload API', () => {
  it('is one frozen object with exactly the API’s methods', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'closeTab',
      'goBack',
      'goForward',
      'info',
      'killNetworkThread',
      'killRenderer',
      'navigate',
      'navigateInTab',
      'newSession',
      'newTab',
      'proceedInterstitial',
      'recordReal',
      'reload',
      'stepMode',
      'subscribeTrace',
      'switchTab',
    ]);
    expect(() => {
      (api as unknown as Record<string, unknown>).navigate = () => 'hijacked';
    }).toThrow();
  });

  it('invokes only catalogue channels, with checked arguments and checked results', async () => {
    const { ipc, invoked } = fakeIpc({
      'navscope:navigate': loaded,
      'navscope:info': {
        mode: 'lab',
        shell: 'desktop',
        version: '0.1.0',
        rendererLauncher: 'utilityProcess.fork',
        scenarios: [],
      },
    });
    const api = createPreloadApi(ipc);
    await expect(api.navigate('www.naver.com')).resolves.toEqual(loaded);
    await expect(api.info()).resolves.toMatchObject({ shell: 'desktop' });
    expect(invoked.map((i) => i.channel)).toEqual(['navscope:navigate', 'navscope:info']);
    expect(invoked.every((i) => PRELOAD_CHANNELS.has(i.channel))).toBe(true);
    await expect(api.navigate('x'.repeat(9000))).rejects.toThrow(/invalid call/);
    await expect(api.goBack()).rejects.toThrow(/invalid goBack result/);
    expect(() => checkedChannel('navscope:shell.openExternal')).toThrow(/not in NavScope's catalogue/);
  });

  it('carries step mode commands and checks the state that comes back', async () => {
    const gate = {
      enabled: true,
      pace: 'paused',
      intervalMs: 500,
      held: 1,
      next: { flowId: 'browser#1', name: 'URLLoaderFactory.CreateLoaderAndStart', from: 'browser', to: 'network' },
    };
    const { ipc, invoked } = fakeIpc({ 'navscope:stepMode': gate });
    const api = createPreloadApi(ipc);
    await expect(api.stepMode('step')).resolves.toEqual(gate);
    expect(invoked).toEqual([{ channel: 'navscope:stepMode', args: ['step'] }]);
    const broken = createPreloadApi(fakeIpc({ 'navscope:stepMode': { ...gate, pace: 'sideways' } }).ipc);
    await expect(broken.stepMode('on')).rejects.toThrow(/invalid stepMode result/);
  });

  it('passes on only well-formed trace batches, in order, once, and replays them to late subscribers', () => {
    const { ipc, invoked, emit } = fakeIpc();
    const api = createPreloadApi(ipc);
    const seen: number[] = [];
    api.subscribeTrace((events) => seen.push(...events.map((e) => e.seq)));
    expect(invoked.map((i) => i.channel)).toEqual(['navscope:subscribe']);
    const event = (seq: number) => ({ seq, ts: seq, endpoint: 'browser', type: 'error', where: 'x', message: 'y' });
    emit('navscope:trace', [event(0), event(1)]);
    emit('navscope:trace', 'not an array');
    emit('navscope:trace', [{ seq: 'two' }]);
    emit('navscope:trace', [event(1), event(2), event(4)]);
    expect(seen).toEqual([0, 1, 2]);
    const late: number[] = [];
    api.subscribeTrace((events) => late.push(...events.map((e) => e.seq)));
    expect(late).toEqual([0, 1, 2]);
    expect(invoked).toHaveLength(1);
    // A new session (Clear) starts a new trace at seq 0: it is passed on, and numbering starts again.
    const begin = {
      seq: 0,
      ts: 9,
      endpoint: 'browser',
      type: 'trace.begin',
      mode: 'lab',
      browserPid: 1,
      wallClock: '',
      platform: '',
    };
    emit('navscope:trace', [begin, event(1)]);
    emit('navscope:trace', [event(1), event(2)]);
    expect(seen).toEqual([0, 1, 2, 0, 1, 2]);
  });
});
