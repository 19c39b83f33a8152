/**
 * One line about a trace event, as the explanation panel heads it: the CLI's timeline
 * text (shared/trace/timelineText) in English, and the same facts in Korean. Data
 * (URLs, host names, record data, header lines) stays as it is.
 */
import { describeEvent } from '../../../shared/trace/timelineText';
import type { TraceEvent } from '../../../shared/trace/traceEvent';
import { destinationName, spanName } from './traceTerms';
import { localizeText } from '../../../shared/trace/modelTextKo';

const ROLE_KO: Record<string, string> = {
  root: '루트',
  tld: 'TLD',
  authoritative: '권한 있는 서버',
  resolver: '리졸버',
};
const SOURCE_KO: Record<string, string> = {
  cache: '캐시',
  recursive: '재귀 리졸버',
  os: '운영체제',
  literal: 'IP 주소 그대로',
};
const OUTCOME_KO: Record<string, string> = {
  committed: '커밋됨',
  failed: '실패',
  'renderer-crashed': '렌더러 비정상 종료',
  'no-commit': '커밋 없음',
};
const DECISION_KO: Record<string, string> = {
  render: '렌더링',
  download: '다운로드',
  'no-commit': '커밋 없음',
  'error-page': '오류 페이지',
  blocked: '차단',
};
const HOW_KO: Record<string, string> = {
  spare: '예비 프로세스',
  speculative: '미리 띄움',
  new: '새 프로세스',
  reused: '재사용',
};
const CACHE_KO: Record<string, string> = {
  miss: '없음',
  fresh: '신선함',
  stale: '오래됨',
  revalidated: '재검증됨',
  stored: '저장함',
  'not-stored': '저장 안 함',
};
const STATE_KO: Record<string, string> = {
  loading: '로딩',
  url: '주소',
  security: '보안 표시',
  title: '제목',
  history: '세션 기록',
  crashed: '탭 비정상 종료',
  interstitial: '경고 페이지',
  loadError: '로드 오류',
};

/** A DNS zone as written in the window: "." for the root, ".com" for a top-level domain. */
export function zoneName(zone: string): string {
  return zone === '.' || zone.includes('.') ? zone : `.${zone}`;
}

function ms(micros: number): string {
  return `${(micros / 1000).toFixed(3)} ms`;
}

export function describeEventText(
  event: TraceEvent,
  spans: Map<string, { name: string; ts: number }>,
  locale: string,
): string {
  if (locale !== 'ko') return describeEvent(event, spans);
  const l = (text: string) => localizeText(text, locale);
  switch (event.type) {
    case 'trace.begin':
      return `트레이스 시작 (${event.mode === 'lab' ? '실습실' : '실제 인터넷'} 모드, 브라우저 pid ${event.browserPid}, ${event.platform})`;
    case 'thread.start':
      return `${event.info.processName}(pid ${event.info.pid})의 ${event.info.threadName} 스레드 준비됨`;
    case 'thread.exit':
      return `✖ ${event.threadName} 스레드(${event.endpointId})가 끝남: ${l(event.reason)}${event.restarting ? '. 새 스레드를 시작하는 중' : ''}`;
    case 'process.launch':
      return `● 렌더러 프로세스 ${event.processId} 띄움 ${event.spare ? '(예비 프로세스, 아직 사이트 없음)' : `(${event.site}용)`}`;
    case 'process.spawn':
      return `● ${event.processId} 생성: pid ${event.pid} (${event.site})`;
    case 'process.ready':
      return `● ${event.processId}(pid ${event.pid}) 준비됨`;
    case 'process.exit':
      return `● ${event.processId}(pid ${event.pid}) 끝남: ${l(event.reason)}`;
    case 'process.crash':
      return `✖ ${event.processId}(pid ${event.pid}) 비정상 종료: ${l(event.reason)}${event.signal ? ` (${event.signal})` : ''}`;
    case 'span.begin':
      return `▶ ${spanName(event.name, locale)}`;
    case 'span.end': {
      const begin = spans.get(event.spanId);
      const took = begin ? ` (${ms(event.ts - begin.ts)})` : '';
      const failed =
        event.status === 'error' ? ` 오류: ${l(event.error ?? '')}` : event.status === 'cancelled' ? ' 취소됨' : '';
      return `◀ ${begin ? spanName(begin.name, locale) : event.spanId}${took}${failed}`;
    }
    case 'message':
      return `✉ ${event.name}  ${event.from} → ${event.to}  ${l(event.summary)}`;
    case 'ipc.rejected':
      return `✖ ${event.receiver}에서 거부: ${event.from ?? '?'}의 ${event.name ?? '?'}: ${event.reason}`;
    case 'navigation.begin':
      return `내비게이션 ${event.navigationId} 시작: ${event.url} (${event.transition})`;
    case 'navigation.end':
      return `내비게이션 ${event.navigationId} 끝: ${OUTCOME_KO[event.outcome] ?? event.outcome}${event.netError ? ` ${event.netError.name}` : ''}`;
    case 'omnibox.classified':
      return `옴니박스: "${event.text}" → ${event.inputType}${event.url ? ` → ${event.url}` : ''} (${l(event.reason)})`;
    case 'url.parsed':
      return `URL: 스킴 ${event.scheme}, 호스트 ${event.host}, 포트 ${event.port ?? `${event.effectivePort ?? '-'} (기본값)`}, 경로 ${event.path}`;
    case 'dns.cache':
      return `DNS 호스트 캐시 ${event.outcome === 'hit' ? '적중' : event.outcome === 'expired' ? '만료' : '없음'}: ${event.host}${event.addresses.length ? ` → ${event.addresses.join(', ')}` : ''}`;
    case 'dns.query':
      return `DNS 질의 → ${event.server.name} (${event.server.address}, ${zoneName(event.server.zone)} 영역의 ${ROLE_KO[event.server.role] ?? event.server.role}): ${event.question.name} ${event.question.type}${event.attempt > 1 ? ` (${event.attempt}번째 시도)` : ''}`;
    case 'dns.response': {
      // The records themselves are in the DNS panel.
      const body = event.answers.length
        ? `응답 레코드 ${event.answers.length}개 (${event.answers.map((r) => r.data).join(', ')})`
        : event.authorities.length
          ? `위임 레코드 ${event.authorities.length}개, 추가 레코드 ${event.additionals.length}개`
          : '비어 있음';
      return `DNS 응답 ← ${event.server.name} (${event.server.address}) ${event.rcode}${event.authoritative ? ' AA' : ''}: ${body}`;
    }
    case 'dns.timeout':
      return `DNS 시간 초과: ${event.server.name}(${event.server.address})이(가) ${event.waitedMs} ms 안에 응답하지 않음 (${event.attempt}번째 시도)`;
    case 'dns.ignored':
      return `DNS 데이터그램 무시 (${event.from}에서 ${event.size}바이트): ${l(event.reason)}`;
    case 'dns.result':
      return `${event.host}의 DNS 결과: ${event.addresses.join(', ')} (${SOURCE_KO[event.source] ?? event.source}, TTL ${event.ttl}초)`;
    case 'http.request':
      return `연결 ${event.connectionId}${event.reused ? '(재사용)' : ''}로 HTTP 요청: ${event.raw.split('\r\n')[0]} (${event.raw.length}바이트)`;
    case 'http.response':
      return `HTTP 응답: ${event.statusLine} (헤더 ${event.headerBytes}바이트)`;
    case 'state':
      if (event.field === 'loading') return `◆ 로딩 스피너 ${event.value === true ? '돌기 시작' : '멈춤'}`;
      return `◆ ${STATE_KO[event.field] ?? event.field}: ${typeof event.value === 'string' ? `"${event.value}"` : event.value === true ? '예' : event.value === false || event.value === null ? '없음' : '바뀜'}`;
    case 'renderer.document':
      return `${event.url}의 DOM: 노드 ${event.nodeCount}개, 요소 ${event.elementCount}개, 서브리소스 ${event.subresources.length}개, 제목 "${event.title}"`;
    case 'renderer.preload':
      return `프리로드 스캐너 → ${event.destination} ${event.url}${event.parserBlockedOn ? ` (파서가 ${event.parserBlockedOn}을(를) 기다리는 동안)` : ''}`;
    case 'renderer.script':
      return event.ran
        ? `스크립트 #${event.order} 실행 (${event.timing}): ${event.url ?? '인라인'}`
        : `스크립트 실행 안 함 (${event.timing}): ${event.url ?? '인라인'}: ${l(event.blockedReason ?? '')}`;
    case 'renderer.render':
      return `${event.url}의 ${event.stage === 'first-paint' ? '첫 페인트' : '로드 후 렌더링'}: CSS 규칙 ${event.cssom.ruleCount}개, 렌더 객체 ${event.renderTree.count}개, 레이아웃 박스 ${event.layout.boxes.length}개, 페인트 연산 ${event.paint.count}개`;
    case 'corb.decision':
      return `ORB/CORB ${event.decision === 'block' ? '차단' : '허용'}: ${event.destination} ${event.url} (${l(event.reason)})`;
    case 'step.mode':
      return `스텝 모드 ${event.enabled ? '켜짐' : '꺼짐'}, ${event.held}개 붙잡힘`;
    case 'step.held':
      return `스텝 모드가 ${event.name}을(를) 붙잡음 (${event.from} → ${event.to}, ${event.held}개 대기)`;
    case 'step.released':
      return `스텝 모드가 ${event.name}을(를) ${(event.waitedMicros / 1000).toFixed(1)} ms 뒤에 놓아 줌 (${event.held}개 대기)`;
    case 'error':
      return `! ${event.where}: ${l(event.message)}`;
    case 'hsts.upgrade':
      return `HSTS (${event.source === 'preload' ? '사전 목록' : '학습한 항목'}, ${event.matchedHost}): ${event.from} → ${event.to}, DNS 전 내부 307 리디렉션`;
    case 'hsts.learned':
      return event.removed
        ? `${event.host}의 HSTS 항목 삭제 (max-age=0)`
        : `${event.host}의 HSTS 학습: max-age=${event.maxAge}${event.includeSubdomains ? ', includeSubDomains' : ''}`;
    case 'https.upgrade':
      return `HTTPS 먼저: ${event.from} → ${event.to} (${event.outcome === 'upgraded' ? '업그레이드' : '되돌림'}: ${l(event.reason)})`;
    case 'cookie.stored':
      return `${event.url}의 쿠키 ${event.cookies.length}개 처리`;
    case 'cookie.sent':
      return `${event.url}에 쿠키 보냄: ${event.names.join(', ')}`;
    case 'cache.lookup':
      return `HTTP 캐시 ${CACHE_KO[event.outcome] ?? event.outcome}: ${event.url} (${l(event.reason)})`;
    case 'mime.sniffed':
      return `MIME: 보낸 타입 ${event.supplied ?? '(없음)'} → ${event.computed} (${l(event.rule)})`;
    case 'safebrowsing.check':
      return `세이프 브라우징: ${event.verdict === 'safe' ? '안전' : `위험 (${event.threatType ?? '?'})`} ${event.url}: 표현식 ${event.expressions.length}개, 접두사 일치 ${event.expressions.filter((e) => e.prefixMatch).length}개`;
    case 'navigation.decision':
      return `${event.url}의 결정: ${DECISION_KO[event.decision] ?? event.decision} (${l(event.reason)})`;
    case 'download.begin':
      return `다운로드 ${event.downloadId} 시작: ${event.filename} (${event.mimeType}) → ${event.path}`;
    case 'download.progress':
      return `다운로드 ${event.downloadId}: ${event.receivedBytes}바이트`;
    case 'download.end':
      return `다운로드 ${event.downloadId} ${event.state === 'complete' ? '완료' : '중단'}: ${event.receivedBytes}바이트 → ${event.path}`;
    case 'process.assigned':
      return `● ${event.site}에 ${event.processId}: ${HOW_KO[event.how] ?? event.how} (${l(event.reason)})`;
    case 'process.discarded':
      return `● ${event.processId} 버림 (${event.site}): ${l(event.reason)}`;
    case 'process.unresponsive':
      return `⚠ ${event.processId}이(가) 응답하지 않음: ${event.waitedMs} ms 동안 ${event.waitingFor} 없음`;
    case 'process.responsive':
      return `● ${event.processId}이(가) 다시 응답함`;
    case 'tab.created':
      return `▣ 탭 ${event.tabId} 열림${event.openerTabId !== null ? ` (탭 ${event.openerTabId}에서)` : ''}, 메인 프레임 ${event.mainFrameTreeNodeId}`;
    case 'tab.activated':
      return `▣ 탭 ${event.tabId} 표시${event.previousTabId !== null ? ` (이전 탭 ${event.previousTabId})` : ''}`;
    case 'tab.closed':
      return `▣ 탭 ${event.tabId} 닫힘: ${l(event.reason)}`;
    case 'frame.created':
      return `▢ 탭 ${event.tabId}에 프레임 ${event.frameTreeNodeId} 생성${event.parentId !== null ? ` (프레임 ${event.parentId}의 자식)` : ' (메인 프레임)'}${event.url ? `: ${event.url}` : ''}${event.processId ? `, ${event.processId}` : ''}`;
    case 'frame.committed':
      return `▢ 프레임 ${event.frameTreeNodeId}(탭 ${event.tabId})이 ${event.processId}에서 ${event.url}(${event.site})을 보여 줌`;
    case 'frame.loaded':
      return `▢ 프레임 ${event.frameTreeNodeId}(탭 ${event.tabId}) 로드 완료: ${event.url}, ${event.processId}`;
    case 'frame.removed':
      return `▢ 프레임 ${event.frameTreeNodeId}(탭 ${event.tabId}) 제거: ${l(event.reason)}`;
    case 'proxy.created':
      return `▢ ${event.processId}에 프레임 ${event.frameTreeNodeId}(탭 ${event.tabId})의 프록시 생성`;
    case 'proxy.removed':
      return `▢ ${event.processId}에서 프레임 ${event.frameTreeNodeId}(탭 ${event.tabId})의 프록시 제거`;
    case 'navigation.state':
      return `내비게이션 ${event.navigationId}: ${event.from} → ${event.to} (${l(event.reason)})`;
    case 'import.source':
      return `가져온 파일 "${event.name}" (${event.format}, ${event.creator}, 시작 ${event.wallClock})${event.repaired ? `. 고친 곳: ${event.repaired}` : ''}`;
    case 'request.begin':
      return `요청 ${event.requestId}: ${event.method} ${event.url}${event.resourceType ? ` (${destinationName(event.resourceType, locale)})` : ''}${event.ownBehalf ? ', 브라우저가 스스로 보낸 요청' : event.initiator ? `, 요청한 곳 ${event.initiator}` : ''}`;
    case 'request.redirect':
      return `리디렉션 ${event.requestId}${event.status !== null ? ` ${event.status}` : ''}: ${event.from} → ${event.to}`;
    case 'request.end':
      return `요청 ${event.requestId} 끝: ${event.netError ? event.netError.name : event.status !== null ? `${event.status} ${event.statusText}`.trim() : '응답 없음'} (${event.url})`;
    case 'trace.source':
      return `출처: ${event.origin === 'real-chromium' ? '실제 Chromium' : event.origin === 'chrome-trace' ? 'Chrome 트레이스' : 'NavScope 모델'}${event.chromiumVersion ? ` ${event.chromiumVersion}` : ''}: ${event.name} (${l(event.recordedWith)})`;
    case 'real.process':
      return `● 실제 ${REAL_KIND_KO[event.kind]} 프로세스 ${event.processId}: pid ${event.pid} "${event.name}", 스레드 ${event.threads.length}개`;
    case 'real.summary': {
      const c = event.counts;
      return `실제 트레이스: 이벤트 ${c.events ?? '?'}개, Mojo 메시지 ${c.mojoMessages ?? '?'}개(이름 있음 ${c.named ?? '?'}개, 보낸 쪽 정확 ${event.senders.exact}·추정 ${event.senders.inferred}·모름 ${event.senders.unknown}), 그 밖의 이벤트 ${c.other ?? '?'}개`;
    }
  }
}

/** A real Chromium's kinds of process, in Korean. */
const REAL_KIND_KO: Record<string, string> = {
  browser: '브라우저',
  renderer: '렌더러',
  gpu: 'GPU',
  network: '네트워크',
  storage: '저장소',
  utility: '유틸리티',
  unknown: '알 수 없는',
};
