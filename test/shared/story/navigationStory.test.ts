/**
 * The story of a navigation, told from real traces: the lab browser navigates, and
 * every number the story tells is checked against the events it was read from.
 */
import { messageKey } from '../../../shared/ipc/messageCatalogue.js';
import { describe, expect, it } from 'vitest';
import { buildNavigationStory, chapterAt } from '../../../shared/story/navigationStory.js';
import { storyHtml, storyMarkdown } from '../../../shared/story/storyDocument.js';
import { formatMs } from '../../../shared/story/storyFormat.js';
import { PHASES } from '../../../shared/trace/phases.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { navigateAndCollect, ofType, useLabSession } from '../../electron/support/browserHarness.js';

function spanMicros(events: readonly TraceEvent[], name: string, requestId: string): number {
  const begin = ofType(events, 'span.begin').find((s) => s.name === name && s.requestId === requestId)!;
  const end = ofType(events, 'span.end').find((s) => s.spanId === begin.spanId)!;
  return end.ts - begin.ts;
}

function origin(events: readonly TraceEvent[]): number {
  return ofType(events, 'span.begin').find((s) => s.phase === 'handle-input')!.ts;
}

function message(events: readonly TraceEvent[], name: string): TraceEventOf<'message'> {
  return ofType(events, 'message').find((m) => messageKey(m) === name)!;
}

describe('the story of a navigation, from real lab traces', () => {
  const session = useLabSession();

  it('tells www.google.com in seven chapters with its own facts, in English and Korean', async () => {
    const { events } = await navigateAndCollect(session(), 'www.google.com');
    const en = buildNavigationStory(events, 'en')!;
    const ko = buildNavigationStory(events, 'ko')!;
    expect(en.outcome).toBe('loaded');
    expect(en.chapters.map((c) => c.phase)).toEqual(PHASES.map((p) => p.id));
    expect(en.chapters.every((c) => c.status === 'done')).toBe(true);
    for (const chapter of [...en.chapters, ...ko.chapters]) {
      expect(chapter.sentences.length, chapter.title).toBeGreaterThanOrEqual(2);
      expect(chapter.sentences.length, chapter.title).toBeLessThanOrEqual(6);
    }
    const text = (story: typeof en, phase: string) =>
      story.chapters.find((c) => c.phase === phase)!.sentences.join(' ');

    // Input: what was typed and how it was classified.
    const omnibox = ofType(events, 'omnibox.classified')[0]!;
    expect(text(en, 'handle-input')).toContain(`“${omnibox.text}”`);
    expect(text(en, 'handle-input')).toContain('a URL');
    expect(text(ko, 'handle-input')).toContain('URL로 판단했습니다');

    // Network: the HSTS upgrade, every DNS server that answered, the DNS time, TCP and TLS.
    const hsts = ofType(events, 'hsts.upgrade')[0]!;
    expect(text(en, 'network')).toContain(`HSTS upgraded ${hsts.from} to ${hsts.to}`);
    expect(text(ko, 'network')).toContain('HSTS가 http://www.google.com/을 https://www.google.com/으로 바꿨습니다');
    const servers = ofType(events, 'dns.response')
      .filter((r) => r.queryId.startsWith('browser/'))
      .map((r) => r.server.name);
    expect(servers).toEqual(['a.root-servers.net', 'a.gtld-servers.net', 'ns1.google.com']);
    for (const name of servers) {
      expect(text(en, 'network')).toContain(name);
      expect(text(ko, 'network')).toContain(name);
    }
    const dnsTime = formatMs(spanMicros(events, 'DNS Lookup', 'browser/nav1'));
    expect(text(en, 'network')).toContain(`3 queries in ${dnsTime}`);
    expect(text(ko, 'network')).toContain(`질의 3번, ${dnsTime} 만에`);
    const ssl = ofType(events, 'span.end').find(
      (e) =>
        e.spanId ===
        ofType(events, 'span.begin').find((s) => s.name === 'SSL' && s.requestId === 'browser/nav1')!.spanId,
    )!;
    expect(text(en, 'network')).toContain(`${String(ssl.args.protocol)} with ${String(ssl.args.cipher)}`);
    expect(text(ko, 'network')).toContain(String(ssl.args.protocol));
    const connect = ofType(events, 'span.end').find((e) => typeof e.args.connectMicros === 'number')!;
    expect(text(en, 'network')).toContain(`took ${formatMs(connect.args.connectMicros as number)}`);
    expect(text(en, 'network')).toContain('“HTTP/1.1 200 OK”');

    // Response: the sniffing rule and the Safe Browsing verdict; the CORB note.
    const sniff = ofType(events, 'mime.sniffed')[0]!;
    expect(text(en, 'read-response')).toContain(sniff.rule);
    expect(text(en, 'read-response')).toContain('verdict was safe');
    expect(text(en, 'read-response')).toContain('CORB/ORB does not apply');
    expect(text(ko, 'read-response')).toContain('안전하다고 판정');

    // Process: which one and why; commit; DOMContentLoaded and load, counted from Enter.
    // The process taken at find-renderer (the one started with the request, as Chromium does).
    const assigned = ofType(events, 'process.assigned')
      .filter((p) => !p.site.startsWith('chrome-error'))
      .at(-1)!;
    const spawn = ofType(events, 'process.spawn').find((p) => p.processId === assigned.processId)!;
    expect(text(en, 'find-renderer')).toContain(`${assigned.processId}, pid ${spawn.pid}`);
    expect(text(en, 'find-renderer')).toContain(assigned.reason);
    expect(text(ko, 'find-renderer')).toContain(`pid ${spawn.pid}`);
    const t0 = origin(events);
    const commitAt = formatMs(message(events, 'NavigationClient.CommitNavigation:reply').deliveredAt - t0);
    expect(text(en, 'commit')).toContain(`replied to CommitNavigation ${commitAt} after Enter`);
    const dcl = formatMs(message(events, 'LocalFrameHost.DidDispatchDOMContentLoadedEvent').deliveredAt - t0);
    const load = formatMs(message(events, 'LocalFrameHost.DocumentOnLoadCompleted').deliveredAt - t0);
    expect(text(en, 'load')).toContain(`DOMContentLoaded at ${dcl}`);
    expect(text(en, 'load')).toContain(`load at ${load}`);
    expect(text(ko, 'load')).toContain(`load ${load}`);
    expect(en.answer).toContain(`load fired at ${load}`);
    expect(ko.answer).toContain(`${load}에 load가 발생했습니다`);

    // Links and spans: each chapter starts at its phase, and its first message is inside it.
    for (const chapter of en.chapters) {
      const begin = events.find((e) => e.seq === chapter.firstSeq)!;
      expect(begin.type === 'span.begin' && begin.phase).toBe(chapter.phase);
      if (chapter.firstMessageSeq !== null) {
        expect(events.find((e) => e.seq === chapter.firstMessageSeq)!.type).toBe('message');
        expect(chapter.firstMessageSeq).toBeGreaterThanOrEqual(chapter.fromSeq!);
        expect(chapter.firstMessageSeq).toBeLessThanOrEqual(chapter.toSeq!);
      }
    }
    expect(en.chapters.find((c) => c.phase === 'network')!.firstMessageSeq).toBe(
      message(events, 'URLLoaderFactory.CreateLoaderAndStart').seq,
    );
    // The cursor is in the chapter whose events it has reached.
    const commitChapter = en.chapters.find((c) => c.phase === 'commit')!;
    expect(chapterAt(en, commitChapter.fromSeq! + 1)?.phase).toBe('commit');
    expect(chapterAt(en, commitChapter.toSeq! + 1)?.phase).toBe('commit');
    expect(chapterAt(en, commitChapter.toSeq! + 2)?.phase).toBe('load');
    expect(chapterAt(en, en.chapters[0]!.fromSeq!)).toBeNull();
  }, 60_000);

  it('tells an NXDOMAIN in its own words: the walk, the server that said no, the error page', async () => {
    const { events, result } = await navigateAndCollect(session(), 'www.no-such-site-lab.com');
    expect(result.outcome).toBe('failed');
    const en = buildNavigationStory(events, 'en')!;
    const ko = buildNavigationStory(events, 'ko')!;
    expect(en.outcome).toBe('error-page');
    const network = en.chapters.find((c) => c.phase === 'network')!;
    expect(network.status).toBe('failed');
    expect(network.sentences.join(' ')).toContain('a.gtld-servers.net (.com) answered NXDOMAIN');
    expect(network.sentences.join(' ')).toContain('ERR_NAME_NOT_RESOLVED');
    expect(en.chapters.find((c) => c.phase === 'read-response')!.status).toBe('skipped');
    expect(en.chapters.find((c) => c.phase === 'find-renderer')!.sentences.join(' ')).toContain('error-page process');
    expect(en.chapters.find((c) => c.phase === 'commit')!.sentences.join(' ')).toContain('CommitFailedNavigation');
    expect(en.answer).toContain('ERR_NAME_NOT_RESOLVED');
    expect(ko.chapters.find((c) => c.phase === 'network')!.sentences.join(' ')).toContain('NXDOMAIN으로 답했습니다');
  }, 60_000);

  it('tells a certificate error, a Safe Browsing hit and a download as their own stories', async () => {
    const cert = buildNavigationStory(
      (await navigateAndCollect(session(), 'https://expired.badssl-lab.com/')).events,
      'en',
    )!;
    expect(cert.outcome).toBe('interstitial');
    expect(cert.chapters.find((c) => c.phase === 'network')!.sentences.join(' ')).toMatch(
      /TLS handshake failed: .*ERR_CERT_DATE_INVALID/,
    );
    expect(cert.chapters.slice(3).every((c) => c.status === 'skipped')).toBe(true);

    const malware = buildNavigationStory(
      (await navigateAndCollect(session(), 'http://malware.testsafebrowsing-lab.com/')).events,
      'ko',
    )!;
    expect(malware.outcome).toBe('blocked');
    expect(malware.chapters.find((c) => c.phase === 'read-response')!.sentences.join(' ')).toContain(
      'MALWARE 목록에서 찾았습니다',
    );
    expect(malware.answer).toContain('세이프 브라우징이 MALWARE로 분류해 막았고');

    const download = buildNavigationStory(
      (await navigateAndCollect(session(), 'http://www.naver.com/download/report.zip')).events,
      'en',
    )!;
    expect(download.outcome).toBe('download');
    expect(download.chapters.find((c) => c.phase === 'read-response')!.sentences.join(' ')).toMatch(
      /report\.zip \(\d+ bytes\) was saved/,
    );
    expect(download.chapters.find((c) => c.phase === 'commit')!.status).toBe('skipped');
  }, 90_000);

  it('writes the story as Markdown with one section per chapter, and as an HTML page with two SVGs', async () => {
    const { events } = await navigateAndCollect(session(), 'www.naver.com');
    const story = buildNavigationStory(events, 'ko')!;
    const markdown = storyMarkdown(story);
    for (const chapter of story.chapters) expect(markdown).toContain(`## ${chapter.number}. ${chapter.title}`);
    const html = storyHtml(story);
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('<html lang="ko">');
  }, 60_000);
});
