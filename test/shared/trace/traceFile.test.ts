import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTraceFileText, readTraceFile, traceFileOf, TraceFileError } from '../../../shared/trace/traceFile.js';

const demoDir = path.resolve(__dirname, '../../../renderer/src/demos');
const demos = readdirSync(demoDir).filter((f) => f.endsWith('.json'));

describe('reading a saved trace', () => {
  it('ships demo traces for www.google.com and www.naver.com that read back as complete navigations', () => {
    expect(demos.sort()).toEqual(['www.google.com.json', 'www.naver.com.json']);
    for (const file of demos) {
      const trace = parseTraceFileText(readFileSync(path.join(demoDir, file), 'utf8'));
      expect(trace.events.map((e) => e.seq)).toEqual(trace.events.map((_, i) => i));
      const names = trace.events.map((e) => (e.type === 'message' ? e.name : e.type));
      expect(names).toContain('NavigationClient.CommitNavigation');
      expect(trace.events.some((e) => e.type === 'message' && e.replyTo !== undefined)).toBe(true);
      expect(names).toContain('FrameHost.DidStopLoading');
      expect(names).not.toContain('FrameHost.DidCommitProvisionalLoad');
      expect(trace.events.find((e) => e.type === 'navigation.end')).toMatchObject({ outcome: 'committed' });
    }
  });

  it('round-trips what it writes', () => {
    const trace = parseTraceFileText(readFileSync(path.join(demoDir, demos[0]!), 'utf8'));
    expect(readTraceFile(JSON.parse(JSON.stringify(traceFileOf(trace.events))))).toEqual(trace);
  });

  it('renumbers events in file order', () => {
    const trace = readTraceFile({
      format: 'navscope-trace',
      version: 1,
      events: [{ type: 'error', ts: 5, endpoint: 'browser', seq: 9, where: 'x', message: 'y' }],
    });
    expect(trace.events[0]!.seq).toBe(0);
  });

  it.each([
    ['not json', '{', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['another format', '{"format":"har","version":1,"events":[]}', /"format" is "har"/],
    ['a newer version', '{"format":"navscope-trace","version":3,"events":[]}', /unsupported NavScope trace version 3/],
    ['events that are not a list', '{"format":"navscope-trace","version":1,"events":{}}', /"events" is not a list/],
    [
      'an event without a timestamp',
      '{"format":"navscope-trace","version":1,"events":[{"type":"error","endpoint":"browser"}]}',
      /event 0 \(error\) has no numeric timestamp/,
    ],
    [
      'a message without its ends',
      '{"format":"navscope-trace","version":1,"events":[{"type":"message","ts":1,"endpoint":"browser","name":"X.Y"}]}',
      /event 0 is a message without name, from and to/,
    ],
    ['a foreign Chrome trace', '{"traceEvents":[]}', /Chrome trace without NavScope data/],
  ])('refuses %s with a message that names the problem', (_what, text, message) => {
    expect(() => parseTraceFileText(text)).toThrow(TraceFileError);
    expect(() => parseTraceFileText(text)).toThrow(message);
  });
});
