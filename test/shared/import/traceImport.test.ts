import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/importError.js';
import { detectFormat, importTraceFile } from '../../../shared/import/traceImport.js';
import { toChromeTrace } from '../../../shared/trace/chromeTraceExport.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { toNetLog } from '../../../shared/trace/netLogExport.js';
import { parseTraceFileText, traceFileOf } from '../../../shared/trace/traceFile.js';

const demoText = readFileSync(path.resolve(__dirname, '../../../renderer/src/demos/www.naver.com.json'), 'utf8');
const demo = parseTraceFileText(demoText);
const bytes = (text: string) => new TextEncoder().encode(text);

async function refusal(input: Uint8Array | string, limits = {}): Promise<ImportError> {
  try {
    await importTraceFile(input, 'file', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).internal).toBe(false);
    return error as ImportError;
  }
  throw new Error('the file was read');
}

describe('opening a file: the import dispatcher', () => {
  it('tells the format from the content: NavScope trace, its Chrome trace export, HAR, NetLog', async () => {
    expect((await importTraceFile(demoText, 'demo.json')).format).toBe('navscope');
    const fromChrome = await importTraceFile(JSON.stringify(toChromeTrace(demo.events)), 'demo.trace.json');
    expect(fromChrome.format).toBe('navscope');
    expect(fromChrome.trace.events).toEqual(demo.events);
    expect((await importTraceFile(JSON.stringify(toHar(demo.events)), 'demo.json')).format).toBe('har');
    expect((await importTraceFile(JSON.stringify(toNetLog(demo.events)), 'demo.har')).format).toBe('netlog');
    expect(detectFormat({ traceEvents: [] })).toBe('chrome-trace');
    expect(detectFormat([{ ph: 'X' }])).toBe('chrome-trace');
    expect(detectFormat({ hello: 1 })).toBeNull();
  });

  it('hands Chrome traces recorded by Chromium to the real-Chromium importer, which names what is wrong', async () => {
    const object = await importTraceFile(
      '{"traceEvents": [{"ph": "M", "pid": 1, "tid": 1, "name": "process_name", "args": {"name": "Browser"}}]}',
      'trace.json',
    );
    expect(object.format).toBe('chrome-trace');
    expect(object.trace.events[0]).toMatchObject({ type: 'trace.source', origin: 'chrome-trace', name: 'trace.json' });
    expect(object.trace.events[2]).toMatchObject({ type: 'real.process', pid: 1, kind: 'browser' });
    // The array form may lack its closing bracket; it is closed, then handed to the same importer.
    const array = await importTraceFile(
      '[{"ph": "X", "pid": 1, "tid": 1, "ts": 1, "name": "a"},\n{"ph": "X", "pid": 1, "tid": 1, "ts": 2, "name": "b"},\n',
      'array.json',
    );
    expect(array.repaired).toMatch(/closed/);
    expect(array.trace.events[1]).toMatchObject({ type: 'real.summary', counts: { events: 2 } });
    expect((await refusal('{"traceEvents": [{"ph": "M", "name": "process_name"}]}')).message).toBe(
      'trace event #0 ("process_name") has no numeric pid',
    );
  });

  it('gunzips, and refuses a gzip that is broken or unpacks past the size limit', async () => {
    const imported = await importTraceFile(gzipSync(bytes(demoText)), 'demo.json.gz');
    expect(imported.gzipped).toBe(true);
    expect(imported.trace.events).toEqual(demo.events);
    const broken = gzipSync(bytes(demoText)).subarray(0, 200);
    expect((await refusal(broken)).message).toMatch(/^the file starts like a gzip file but does not decompress: /);
    // 10 MB of zeros in 10 KB: stopped as soon as the output passes the limit.
    const bomb = gzipSync(new Uint8Array(10_000_000));
    expect(bomb.byteLength).toBeLessThan(20_000);
    expect((await refusal(bomb, { maxBytes: 1_000_000 })).message).toBe(
      'the file, gunzipped, is larger than NavScope opens (977 KiB; limit maxBytes = 1000000)',
    );
  });

  it('names the limit a file exceeds: size, nesting, record count', async () => {
    expect((await refusal(bytes(demoText), { maxBytes: 1000 })).message).toMatch(
      /^the file is \d+ KiB, more than NavScope opens \(1000 bytes; limit maxBytes = 1000\)$/,
    );
    const deep = `{"log": {"entries": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expect((await refusal(deep)).message).toBe(
      'the file nests lists and objects more than 64 deep (at character 82; limit maxDepth = 64)',
    );
    const entries = JSON.stringify({ log: { entries: Array.from({ length: 11 }, () => ({})) } });
    expect((await refusal(entries, { maxEvents: 10 })).message).toBe(
      'the HAR has 11 entries, more than NavScope reads (limit maxEvents = 10)',
    );
    expect((await refusal(JSON.stringify(traceFileOf(demo.events)), { maxEvents: 10 })).message).toMatch(
      /^the NavScope trace has \d+ events, more than NavScope opens \(limit maxEvents = 10\)$/,
    );
  });

  it('says what is wrong with a file that is not one it knows', async () => {
    expect((await refusal('')).message).toBe(
      'not a file NavScope can open: the file is empty; NavScope opens JSON files (NavScope traces, HARs, NetLogs, Chrome traces)',
    );
    expect((await refusal('<html>')).message).toContain('it begins with "<html>"');
    expect((await refusal('{"log": ')).message).toMatch(/^the file is not valid JSON: /);
    expect((await refusal(new Uint8Array([0x0a, 0x9f, 0xff, 0x00, 0x12]))).message).toMatch(
      /^the file is not text: it has bytes that are not UTF-8/,
    );
    expect((await refusal('[1, 2')).message).toMatch(/not valid JSON/);
    expect((await refusal('{"format": "navscope-trace", "version": 3, "events": []}')).message).toBe(
      'unsupported NavScope trace version 3 (this NavScope reads versions 1 and 2)',
    );
  });

  it('reads UTF-16 text with a byte-order mark and UTF-8 with one', async () => {
    const json = JSON.stringify(toHar(demo.events));
    const utf16 = new Uint8Array(2 + json.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < json.length; i++) {
      utf16[2 + i * 2] = json.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = json.charCodeAt(i) >> 8;
    }
    expect((await importTraceFile(utf16, 'x.har')).format).toBe('har');
    expect((await importTraceFile(bytes(`\ufeff${json}`), 'x.har')).format).toBe('har');
  });

  it('keeps "__proto__" and "constructor" in a file as data', async () => {
    const text =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "log": {"entries": []}}';
    expect((await importTraceFile(text, 'x.har')).format).toBe('har');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await refusal('{"__proto__": {"log": {"entries": []}}}')).message).toContain('"__proto__"');
  });
});
