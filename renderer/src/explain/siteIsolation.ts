/**
 * Site isolation, told with this page's own processes: which renderer process runs
 * which of the tab's frames, which process holds a proxy for a frame it does not run,
 * and which processes the tab shares with other tabs. In English and Korean.
 */
import type { FrameItem, IsolationSummary } from '../viz/tabsAndFrames';
import { frameHost } from '../viz/tabsAndFrames';

export interface SiteIsolationText {
  /** What site isolation is, in general. */
  rule: string;
  /** This tab, process by process. */
  lines: string[];
}

const list = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

function frameName(frame: FrameItem, lang: 'en' | 'ko'): string {
  const host = frameHost(frame);
  if (frame.parentId === null) return lang === 'ko' ? `메인 프레임(${host})` : `the main frame (${host})`;
  return lang === 'ko' ? `iframe ${host}` : `the iframe ${host}`;
}

export function siteIsolationText(summary: IsolationSummary, lang: 'en' | 'ko'): SiteIsolationText {
  const tab = summary.tab.number;
  const count = summary.processes.length;
  if (lang === 'ko') {
    const lines: string[] = [
      `탭 ${tab}의 프레임 ${summary.processes.reduce((n, p) => n + p.hosted.length, 0)}개는 렌더러 프로세스 ${count}개에서 실행됩니다.`,
    ];
    for (const p of summary.processes) {
      const site = p.site ? ` (${p.site})` : '';
      let line = `${p.processId}${site}에서 실행되는 프레임: ${p.hosted.map((f) => frameName(f, 'ko')).join(', ')}.`;
      if (p.proxies.length > 0)
        line += ` 다른 프로세스에 있는 ${list(
          p.proxies.map((f) => frameHost(f)),
          '및',
        )} 프레임 자리에는 프록시(RenderFrameProxy)만 둡니다.`;
      if (p.sharedWith.length > 0)
        line += ` 같은 사이트이므로 탭 ${p.sharedWith.join(', ')}의 프레임도 이 프로세스에서 실행됩니다.`;
      lines.push(line);
    }
    for (const f of summary.outOfProcess)
      lines.push(
        `${frameHost(f)} iframe은 부모와 사이트가 달라 ${f.processId ?? '다른 프로세스'}에서 따로 실행됩니다(프로세스 밖 iframe, OOPIF).`,
      );
    if (summary.sameProcessChildren.length > 0)
      lines.push(
        `${list(
          summary.sameProcessChildren.map((f) => frameHost(f)),
          '및',
        )} iframe은 같은 사이트의 프레임과 같은 프로세스를 씁니다.`,
      );
    return {
      rule: '사이트 격리: Chromium은 사이트(스킴 + eTLD+1)마다 렌더러 프로세스를 따로 둡니다. 한 페이지 안에서도 그렇습니다. 사이트가 다른 iframe은 부모와 다른 프로세스에서 실행되고, 부모의 프로세스에는 그 자리에 프록시(RenderFrameProxy)가 놓입니다. 그래서 부모 페이지는 iframe이 어디에 있는지는 알지만 그 문서를 읽을 수는 없습니다. 같은 사이트의 프레임은 탭이 달라도 한 프로세스를 함께 씁니다.',
      lines,
    };
  }
  const frames = summary.processes.reduce((n, p) => n + p.hosted.length, 0);
  const lines: string[] = [
    `Tab ${tab}’s ${frames === 1 ? 'frame runs' : `${frames} frames run`} in ${count === 1 ? 'one renderer process' : `${count} renderer processes`}.`,
  ];
  for (const p of summary.processes) {
    const site = p.site ? ` (${p.site})` : '';
    let line = `${p.processId}${site} runs ${list(
      p.hosted.map((f) => frameName(f, 'en')),
      'and',
    )}.`;
    if (p.proxies.length > 0)
      line += ` In place of ${list(
        p.proxies.map((f) => `the frame of ${frameHost(f)}`),
        'and',
      )}, which another process runs, it holds only a proxy (RenderFrameProxy).`;
    if (p.sharedWith.length > 0)
      line += ` Same site: it also runs the frames of tab ${list(p.sharedWith.map(String), 'and')}.`;
    lines.push(line);
  }
  for (const f of summary.outOfProcess)
    lines.push(
      `The iframe ${frameHost(f)} is another site than its parent, so it runs apart, in ${f.processId ?? 'another process'}: an out-of-process iframe (OOPIF).`,
    );
  if (summary.sameProcessChildren.length > 0)
    lines.push(
      `The ${summary.sameProcessChildren.length === 1 ? 'iframe' : 'iframes'} ${list(
        summary.sameProcessChildren.map((f) => frameHost(f)),
        'and',
      )} share a process with the frames of the same site.`,
    );
  return {
    rule: 'Site isolation: Chromium gives each site (scheme + eTLD+1) a renderer process of its own, also within one page. A cross-site iframe runs in another process than its parent, and the parent’s process holds a proxy (RenderFrameProxy) in its place: the page knows where the frame is, but cannot read its document. Frames of the same site share a process, also across tabs.',
    lines,
  };
}
