/**
 * Names the trace gives things (span names, which the model records in English), in
 * the window's language. DevTools' request phases keep the names Korean DevTools uses.
 */

const SPAN_NAMES_KO: Record<string, string> = {
  'Handle input': '입력 처리',
  'Start navigation': '내비게이션 시작',
  Network: '네트워크',
  'Read response': '응답 읽기',
  'Find a renderer process': '렌더러 프로세스 찾기',
  Commit: '커밋',
  Load: '로드',
  'DNS Lookup': 'DNS 조회',
  'Initial connection': '초기 연결',
  SSL: 'SSL',
  'Request sent': '요청 전송됨',
  'Waiting for server response': '서버 응답 대기 중',
  'Content Download': '콘텐츠 다운로드',
  'Load HTML and CSS parsers': 'HTML·CSS 파서 불러오기',
  'Style, layout, paint (first paint)': '스타일·레이아웃·페인트(첫 페인트)',
  'Style, layout, paint (after load)': '스타일·레이아웃·페인트(로드 후)',
};

/** Shorter names for a narrow column (the waterfall's labels); the full name is in the row's tooltip. */
const SHORT_SPAN_NAMES: Record<string, { en: string; ko: string }> = {
  'Load HTML and CSS parsers': { en: 'Load parsers', ko: '파서 불러오기' },
  'Style, layout, paint (first paint)': { en: 'Render (first paint)', ko: '렌더링(첫 페인트)' },
  'Style, layout, paint (after load)': { en: 'Render (after load)', ko: '렌더링(로드 후)' },
};

const SCRIPT_TIMINGS_KO: Record<string, string> = {
  'parser-blocking': '파서 차단',
  async: 'async',
  defer: 'defer',
  module: 'module',
  inline: '인라인',
};

export { destinationName } from '../../../shared/trace/modelTextKo';

/** How a script is timed (parser-blocking, async, defer, module, inline). */
export function scriptTimingName(timing: string, locale: string): string {
  return locale === 'ko' ? (SCRIPT_TIMINGS_KO[timing] ?? timing) : timing;
}

/** A span's name as shown ("Redirect 301" too); unknown names are shown as recorded. */
export function spanName(name: string, locale: string): string {
  if (locale !== 'ko') return name;
  const known = SPAN_NAMES_KO[name];
  if (known) return known;
  const redirect = /^Redirect (\d{3})$/.exec(name);
  if (redirect) return `리디렉션 ${redirect[1]}`;
  return name;
}

/** A span's name for a narrow column: shorter where the full one would be cut. */
export function shortSpanName(name: string, locale: string): string {
  const short = SHORT_SPAN_NAMES[name];
  return short ? (locale === 'ko' ? short.ko : short.en) : spanName(name, locale);
}
