import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommitAck } from '../../../shared/ipc/messageCatalogue.js';
import {
  LEGACY_MESSAGE_NAMES,
  UNLINKED_REPLY,
  upgradeLegacyMessages,
} from '../../../shared/trace/legacyMessageNames.js';
import { parseTraceFileText } from '../../../shared/trace/traceFile.js';

const fixture = path.resolve(__dirname, 'fixtures/pre-chromium156-names.trace.json');

describe('a trace saved before the messages had Chromium 156’s names', () => {
  it('opens with the old names mapped: the commit acknowledgement is CommitNavigation’s reply', () => {
    const text = readFileSync(fixture, 'utf8');
    expect(text).toContain('"FrameHost.DidCommitProvisionalLoad"');
    const trace = parseTraceFileText(text);
    const messages = trace.events.filter((e) => e.type === 'message');
    const names = messages.map((m) => m.name);
    for (const old of Object.keys(LEGACY_MESSAGE_NAMES)) expect(names).not.toContain(old);
    for (const now of [
      'AgentSchedulingGroup.CreateView',
      'LocalFrameHost.UpdateTitle',
      'LocalFrameHost.DidDispatchDOMContentLoadedEvent',
      'LocalFrameHost.DocumentOnLoadCompleted',
      'LocalFrameHost.DidFinishLoad',
    ])
      expect(names).toContain(now);
    const commit = messages.find((m) => m.name === 'NavigationClient.CommitNavigation' && m.replyTo === undefined)!;
    const ack = messages.find((m) => isCommitAck(m))!;
    expect(ack).toMatchObject({ name: 'NavigationClient.CommitNavigation', replyTo: commit.flowId, from: commit.to });
    // The address bar's change names the new cause.
    const url = trace.events.find((e) => e.type === 'state' && e.field === 'url');
    expect(url).toMatchObject({ cause: 'CommitNavigation reply' });
    // Nothing else was lost: every event is still there, in order.
    expect(trace.events).toHaveLength((JSON.parse(text) as { events: unknown[] }).events.length);
  });

  it('links an old beforeunload ACK to its request, and says so when the request is not in the trace', () => {
    const message = (flowId: string, name: string, from: string, to: string) => ({
      type: 'message',
      ts: 1,
      endpoint: 'browser',
      seq: 0,
      flowId,
      name,
      from,
      to,
    });
    const { events, renamed } = upgradeLegacyMessages([
      message('browser#1', 'LocalFrame.BeforeUnload', 'browser', 'renderer:1'),
      message('renderer:1#1', 'FrameHost.BeforeUnloadACK', 'renderer:1', 'browser'),
      message('renderer:2#1', 'FrameHost.BeforeUnloadACK', 'renderer:2', 'browser'),
    ]);
    expect(renamed).toBe(2);
    expect(events[1]).toMatchObject({ name: 'LocalFrame.BeforeUnload', replyTo: 'browser#1' });
    expect(events[2]).toMatchObject({ name: 'LocalFrame.BeforeUnload', replyTo: UNLINKED_REPLY });
  });

  it('leaves a current trace alone, AgentSchedulingGroup.CreateFrame included (a child frame’s)', () => {
    const current = [{ type: 'message', name: 'AgentSchedulingGroup.CreateFrame', from: 'browser', to: 'renderer:1' }];
    expect(upgradeLegacyMessages(current)).toEqual({ events: current, renamed: 0 });
  });
});
