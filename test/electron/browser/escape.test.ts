/**
 * A lab page trying to escape its own display changes nothing outside it: page script
 * never runs, HTML served as an image stays an image, an oversized response head ends
 * in a clear net error, and the browser goes on.
 */
import { describe, expect, it } from 'vitest';
import { messages, navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';

describe('a lab page trying to escape', () => {
  const session = useLabSession();

  it('keeps a markup title, a javascript: link and HTML posing as an image inside the page', async () => {
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/escape');
    expect(result.outcome).toBe('loaded');
    // The title is text, sent to the browser as text.
    expect(messages(events, 'LocalFrameHost.UpdateTitle')[0]?.summary).toBe('"<img src=x onerror=alert(1)>"');
    // The fake image was fetched as an image, never parsed as a document, and no script came of it.
    const fetch = messages(events, 'URLLoaderFactory.CreateLoaderAndStart').find((m) =>
      m.summary.includes('/escape/fake.png'),
    );
    expect(fetch?.summary).toMatch(/\(image\)/);
    expect(ofType(events, 'renderer.document').map((d) => d.url)).toEqual(['http://www.naver.com/escape']);
    expect(ofType(events, 'renderer.script')).toEqual([]);
    // The javascript: link is part of the document, and nothing navigated to it.
    expect(ofType(events, 'navigation.begin').map((n) => n.url)).toEqual(['http://www.naver.com/escape']);
  });

  it('ends a response head over 256 KB in ERR_RESPONSE_HEADERS_TOO_BIG with its trace, and goes on', async () => {
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/escape/huge-header');
    expect(result.outcome).toBe('failed');
    expect(result.netError?.name).toBe('ERR_RESPONSE_HEADERS_TOO_BIG');
    expect(ofType(events, 'navigation.end')).toHaveLength(1);
    const next = await navigateAndCollect(session(), 'www.naver.com');
    expect(next.result.outcome).toBe('loaded');
  });
});
