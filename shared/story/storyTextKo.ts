/**
 * 한국어 이야기: 장마다 이번 내비게이션에서 실제로 일어난 일을 두세 문장으로,
 * "주소창에 URL을 치고 Enter를 누르면 무슨 일이 일어나나요?"를 준비하는 학생을 위해 씁니다.
 * 숫자와 이름은 모두 사실(트레이스)에서 가져옵니다.
 */
import { hasKoreanForm, localizeText } from '../trace/modelTextKo.js';
import type { PhaseId } from '../trace/phases.js';
import type { TraceEventOf } from '../trace/traceEvent.js';
import type { StoryFacts } from './storyFacts.js';
import { type StoryOutcome, formatMs as ms, loadMoments, serverName, storyOutcome } from './storyFormat.js';
import type { StoryTeller } from './storyTeller.js';

const TITLES: Record<PhaseId, string> = {
  'handle-input': '입력 처리',
  'start-navigation': '내비게이션 시작',
  network: '네트워크: HSTS, DNS, TCP, TLS, HTTP',
  'read-response': '응답 읽기',
  'find-renderer': '렌더러 프로세스 찾기',
  commit: '커밋',
  load: '로드와 렌더링',
};

const ROLE: Record<string, string> = {
  root: '루트 서버',
  tld: '최상위 도메인(TLD) 서버',
  authoritative: '권한 있는 네임서버',
  resolver: '리졸버',
};

/** Does the word, read aloud in Korean, end in a consonant (받침)? 'ㄹ' is told apart for (으)로. */
function finalSound(word: string): 'none' | 'rieul' | 'other' {
  const trimmed = word.replace(/[^\p{L}\p{N}]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  if (!last) return 'none';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  // Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
  const digits: Record<string, 'none' | 'rieul' | 'other'> = {
    '0': 'other',
    '1': 'rieul',
    '2': 'none',
    '3': 'other',
    '4': 'none',
    '5': 'none',
    '6': 'other',
    '7': 'rieul',
    '8': 'rieul',
    '9': 'none',
  };
  if (last in digits) return digits[last]!;
  const lower = trimmed.toLowerCase();
  if (lower.endsWith('l')) return 'rieul';
  if (/(ng|[mnkpbt])$/.test(lower)) return 'other';
  return 'none';
}

type Particle = '을' | '이' | '은' | '과' | '으로' | '이에요' | '이라고';
const PAIRS: Record<Particle, [string, string]> = {
  을: ['을', '를'],
  이: ['이', '가'],
  은: ['은', '는'],
  과: ['과', '와'],
  으로: ['으로', '로'],
  이에요: ['이에요', '예요'],
  이라고: ['이라고', '라고'],
};

/** The word with its particle: josa('www.google.com', '을') → 'www.google.com을'. */
export function josa(word: string, particle: Particle): string {
  const sound = finalSound(word);
  const [after, afterVowel] = PAIRS[particle];
  if (particle === '으로') return word + (sound === 'other' ? after : afterVowel);
  return word + (sound === 'none' ? afterVowel : after);
}

/** The security indicator's state, as the omnibox chip names it. */
const SECURITY_KO: Record<string, string> = {
  secure: '보안 연결',
  'not-secure': '주의 요함',
  neutral: '정보',
  dangerous: '위험',
};

/** The omnibox's reason, told in Korean where NavScope knows its form. */
function omniboxReason(reason: string): string {
  const tld = /^"(\.[^"]+)" is a known top-level domain$/.exec(reason);
  if (tld) return `알려진 최상위 도메인(${tld[1]})으로 끝나기 때문입니다`;
  const scheme = /^explicit (\S+) scheme$/.exec(reason);
  if (scheme) return `스킴(${scheme[1]})을 직접 적었기 때문입니다`;
  return hasKoreanForm(reason) ? `판단 근거: ${localizeText(reason, 'ko')}` : `모델의 설명: ${reason}`;
}

/** The sniffing rule, told in Korean where NavScope knows its form. */
function sniffRule(sniff: TraceEventOf<'mime.sniffed'>): string {
  if (/^supplied type .* is used( as is)?$/.test(sniff.rule)) return '서버가 알려 준 타입을 그대로 썼습니다';
  if (sniff.noSniff) return `nosniff라서 서버가 준 타입을 믿었습니다: ${localizeText(sniff.rule, 'ko')}`;
  return `적용된 규칙: ${localizeText(sniff.rule, 'ko')}`;
}

const DECISION: Record<string, string> = {
  render: '그래서 렌더러 프로세스에서 보여 주기로(render) 결정했습니다',
  'no-commit': '그래서 아무것도 커밋하지 않기로 결정했습니다',
  'error-page': '그래서 오류 페이지를 보여 주기로 결정했습니다',
};

function input(f: StoryFacts): string[] {
  const o = f.omnibox;
  const p = f.parsed;
  const out: string[] = [];
  if (o) {
    const kind =
      o.inputType === 'QUERY'
        ? '주소가 아니라 검색어'
        : o.inputType === 'UNKNOWN'
          ? '주소일 수도 검색어일 수도 있는 입력(UNKNOWN)'
          : o.inputType === 'URL'
            ? '검색어가 아니라 URL'
            : '빈 입력';
    out.push(
      `${josa(`“${o.text}”`, '을')} 입력하자 브라우저의 UI 스레드가 이것을 ${josa(kind, '으로')} 판단했습니다. ${omniboxReason(o.reason)}.`,
    );
    if (o.inputType === 'QUERY' && o.url) out.push(`그래서 검색 주소 ${josa(o.url, '으로')} 바뀌었습니다.`);
    if (o.didYouMean) out.push(`“${josa(o.didYouMean, '을')} 찾으셨나요?”도 함께 제안합니다.`);
  } else {
    out.push(`이 내비게이션은 ${josa(f.input, '을')} 요청했습니다.`);
  }
  if (p && o?.inputType !== 'QUERY')
    out.push(
      `주소 ${josa(p.url, '을')} 스킴 ${p.scheme}, 호스트 ${p.hostUnicode}${p.isIdn ? `(퓨니코드로 ${p.host})` : ''}, 포트 ${p.effectivePort ?? p.port ?? '—'}${p.port === null ? '(기본값)' : ''}, 경로 ${p.path}로 나누어 읽었습니다.`,
    );
  const extent = f.phases['handle-input'];
  if (extent?.durationMicros != null)
    out.push(
      `여기까지 브라우저 프로세스 안에서 ${ms(extent.durationMicros)}가 걸렸고, 아직 네트워크로는 아무것도 나가지 않았습니다.`,
    );
  return out;
}

function start(f: StoryFacts): string[] {
  const s = f.start;
  if (!s) return [];
  const out = [
    `Enter를 누르면 브라우저가 시작하는 내비게이션(전환 유형 “${s.transition}”)이 시작됩니다. UI 스레드가 ${s.url}에 대한 NavigationRequest를 만들고 탭의 로딩 스피너가 돌기 시작했습니다.`,
  ];
  out.push(
    s.beforeUnloadAsked
      ? `먼저 이미 열려 있던 페이지(${s.beforeUnloadAsked})에게 떠나도 되는지 물었습니다(beforeunload).`
      : '먼저 물어볼 페이지가 없었고(beforeunload 없음), 주소가 브라우저 자신의 주소창에서 왔기 때문에 렌더러에게 시작을 부탁하지도 않았습니다.',
  );
  if (s.speculative)
    out.push(
      `동시에 ${s.speculative.site}를 위한 렌더러 프로세스 ${josa(s.speculative.processId, '을')} 미리(speculative) 띄웠습니다.`,
    );
  return out;
}

function dnsSentence(f: StoryFacts): string | null {
  const d = f.dns;
  if (!d) return null;
  const took = d.micros !== null ? ` ${ms(d.micros)} 만에` : '';
  if (d.source === 'cache')
    return `브라우저의 호스트 캐시가 이미 ${d.host}의 주소(${d.addresses.join(', ')})를 알고 있어서 DNS 패킷을 하나도 보내지 않았습니다.`;
  if (d.hops.length === 0) {
    if (d.error) return `${d.host}의 주소를 찾지 못했습니다: ${localizeText(d.error, 'ko')}.`;
    return `${josa(d.host, '은')} ${d.source ?? '시스템'} 리졸버가${took} ${josa(d.addresses.join(', '), '으로')} 찾아 주었습니다.`;
  }
  const chain = d.hops.map((h, i) => {
    const who = `${serverName(h.server)}${i === 0 ? `(${ROLE[h.server.role] ?? h.server.role})` : ''}`;
    if (h.answer) return `${josa(who, '이')} ${josa(h.answer, '이라고')} 답했습니다`;
    if (h.referral) return `${josa(who, '이')} ${h.referral.split(' NS ')[1]}에게 물어보라고 알려 주었고`;
    return `${josa(who, '이')} ${josa(h.rcode, '으로')} 답했습니다`;
  });
  const cache =
    d.cache === 'miss'
      ? '호스트 캐시에 기록이 없어서 '
      : d.cache === 'expired'
        ? '호스트 캐시의 기록이 만료되어서 '
        : '';
  return `${cache}리졸버가 ${d.host}의 주소를 찾아 DNS 트리를 따라 내려갔습니다. ${chain.join(', ')} — 질의 ${d.hops.length}번,${took || ''} 끝났습니다.`;
}

function network(f: StoryFacts, outcome: StoryOutcome): string[] {
  const out: string[] = [];
  if (f.hsts)
    out.push(
      `DNS보다도 먼저 HSTS가 ${josa(f.hsts.from, '을')} ${josa(f.hsts.to, '으로')} 바꿨습니다. ${f.hsts.source === 'preload' ? `${josa(f.hsts.matchedHost, '이')} 브라우저에 내장된 HSTS 목록에 ${f.hsts.includeSubdomains ? '하위 도메인까지 포함해 ' : ''}올라 있기 때문` : `${josa(f.hsts.matchedHost, '이')} 예전에 Strict-Transport-Security 헤더로 https만 쓰라고 알려 두었기 때문`}이며, 그래서 평문 http 요청은 한 번도 나가지 않았습니다(내부 307 리다이렉트).`,
    );
  else if (f.httpsUpgrade)
    out.push(
      f.httpsUpgrade.outcome === 'upgraded'
        ? `스킴 없이 입력했기 때문에 먼저 https로 시도했습니다(${f.httpsUpgrade.to}).`
        : `https가 되지 않아 ${josa(f.httpsUpgrade.to, '으로')} 되돌아갔습니다(${localizeText(f.httpsUpgrade.reason, 'ko')}).`,
    );
  const dns = dnsSentence(f);
  if (dns) out.push(dns);
  if (f.dns?.error) {
    out.push(
      `내비게이션은 여기서 ${josa(f.netError?.name ?? '오류', '으로')} 멈췄고, 웹 서버에는 한 번도 연결하지 않았습니다.`,
    );
    return out;
  }
  const tcp = f.tcp;
  const tls = f.tls;
  if (tcp?.reused)
    out.push(`${josa(tcp.remote, '으로')} 열려 있던 keep-alive 연결을 재사용해서 새 TCP·TLS 핸드셰이크가 없었습니다.`);
  else if (tcp) {
    if (tcp.error) out.push(`${josa(tcp.remote, '으로')}의 TCP 연결이 실패했습니다: ${localizeText(tcp.error, 'ko')}.`);
    else {
      const connect = `${josa(tcp.remote, '으로')} TCP 연결(SYN, SYN-ACK, ACK)을 여는 데 ${tcp.micros !== null ? ms(tcp.micros) : '잠깐'}가 걸렸고`;
      if (tls && !tls.error)
        out.push(
          `${connect}, 이어서 TLS 핸드셰이크가 ${tls.micros !== null ? ms(tls.micros) : '잠깐'} 동안 ${tls.protocol}, 암호 스위트 ${tls.cipher}${tls.alpn ? `, ALPN ${tls.alpn}` : ''}에 합의하고 서버 인증서를 확인했습니다.`,
        );
      else if (tls?.error)
        out.push(
          `${connect}, TLS 핸드셰이크에서 실패했습니다: ${localizeText(tls.error, 'ko')}. 브라우저는 요청을 한 바이트도 보내기 전에 멈춥니다.`,
        );
      else out.push(`${connect}, 평문 http라서 TLS는 없었습니다.`);
    }
  }
  const http = f.http;
  if (http && http.statusLine) {
    const redirects =
      f.redirects.length > 0
        ? ` 리다이렉트 ${f.redirects.length}번(${f.redirects.map((r) => `${r.status} → ${r.to}`).join(', ')})을 거쳐`
        : '';
    const wait = http.waitMicros !== null ? ` 첫 바이트까지 ${ms(http.waitMicros)}를 기다려` : '';
    const total = f.phases.network?.durationMicros;
    out.push(
      `요청 “${http.requestLine}”에${redirects}${wait} “${http.statusLine}” 응답을 받았습니다${http.fromCache ? `(HTTP 캐시: ${http.fromCache})` : ''}${total != null ? `. 네트워크 단계 전체는 ${ms(total)}였습니다` : ''}.`,
    );
  } else if (outcome !== 'loaded' && f.netError && !tls?.error && !tcp?.error)
    out.push(`네트워크 단계는 ${josa(f.netError.name, '으로')} 끝났습니다: ${localizeText(f.netError.detail, 'ko')}.`);
  return out;
}

function readResponse(f: StoryFacts, outcome: StoryOutcome): string[] {
  const r = f.response;
  const out: string[] = [];
  const sniff = r.sniff;
  if (sniff)
    out.push(
      `응답은 ${r.status ?? '—'}, Content-Type ${sniff.supplied ?? '(없음)'}${sniff.noSniff ? ', nosniff' : ''}였고, MIME 스니핑이 앞 ${sniff.byteCount}바이트를 보고 ${josa(sniff.computed, '으로')} 정했습니다(${sniffRule(sniff)}).`,
    );
  const sb = r.safeBrowsing;
  if (sb) {
    const hits = sb.expressions.filter((x) => x.prefixMatch).length;
    out.push(
      sb.verdict === 'unsafe'
        ? `세이프 브라우징이 ${josa(sb.url, '을')} ${sb.threatType ?? '위험'} 목록에서 찾았습니다(해시한 표현식 ${sb.expressions.length}개 중 ${hits}개의 접두사가 맞고 전체 해시로 확인). 그래서 페이지를 막고 대신 빨간 경고 페이지를 보여 주었으며, 어떤 렌더러도 그 바이트를 받지 않았습니다.`
        : `세이프 브라우징이 URL의 표현식 ${sb.expressions.length}개(${sb.expressions.map((x) => x.expression).join(', ')})를 해시해 로컬 목록과 비교했고, 맞는 것이 ${hits}개라서 안전하다고 판정했습니다.`,
    );
  }
  const decision = r.decision;
  if (outcome === 'download' && f.download)
    out.push(
      `다운로드로 받으라는 응답이므로 브라우저의 다운로드 매니저가 ${f.download.filename}(${f.download.bytes}바이트)를 ${f.download.state === 'complete' ? '저장했고' : `저장하다 중단했고(${f.download.error ?? '오류'})`}, 화면의 페이지는 그대로 남았습니다.`,
    );
  else if (decision && decision.decision !== 'blocked')
    out.push(`${DECISION[decision.decision] ?? `결정: ${decision.decision}`}.`);
  if (r.corbNote && out.length < 4)
    out.push(
      'CORB/ORB는 여기에는 적용되지 않습니다. 교차 출처 no-cors 서브리소스를 보호하는 장치이지, 내비게이션 응답에 쓰는 것이 아니기 때문입니다.',
    );
  return out;
}

function renderer(f: StoryFacts): string[] {
  const r = f.renderer;
  if (!r) return [];
  const errorPage = r.site.startsWith('chrome-error:');
  const out = [
    errorPage
      ? `오류 페이지는 어느 웹사이트에도 속하지 않으므로 오류 페이지 전용 프로세스(${r.site})로 갑니다.`
      : `이 페이지의 사이트는 ${r.site}(스킴 + eTLD+1)이고, 사이트마다 렌더러 프로세스를 따로 둡니다(사이트 격리).`,
  ];
  const pid = r.pid !== null ? `, pid ${r.pid}` : '';
  const how =
    r.how === 'reused'
      ? `이미 이 사이트를 맡고 있던 ${josa(`${r.processId}${pid}`, '을')} 재사용했습니다`
      : r.how === 'spare'
        ? `브라우저가 미리 띄워 둔 예비(spare) 렌더러 ${josa(`${r.processId}${pid}`, '이')} 맡았습니다`
        : r.how === 'speculative'
          ? `미리(speculative) 띄운 렌더러 ${josa(`${r.processId}${pid}`, '이')} 맡았습니다`
          : `이 사이트를 맡은 프로세스도, 예비 프로세스도 없어서 새 렌더러 프로세스 ${josa(`${r.processId}${pid}`, '을')} 띄웠습니다`;
  out.push(`${how}.`);
  if (r.launchMicros !== null) out.push(`프로세스가 준비됐다고 알릴 때까지 ${ms(r.launchMicros)}가 걸렸습니다.`);
  return out;
}

function commit(f: StoryFacts): string[] {
  const c = f.commit;
  if (!c) return [];
  const failed = c.message === 'NavigationClient.CommitFailedNavigation';
  const out = [
    failed
      ? `브라우저가 ${c.processId}에게 ${f.netError?.name ?? '오류'}에 대한 오류 페이지를 담아 ${josa(c.message, '을')} 보냈습니다.`
      : `브라우저가 ${c.processId}에게 응답 헤더를 담아 ${josa(c.message, '을')} 보냈고, 본문은 네트워크 스레드에서 그 렌더러로 곧바로 흘러갔습니다.`,
  ];
  if (c.ackMicros !== null)
    out.push(
      `렌더러가 Enter 후 ${ms(c.ackMicros)}에 CommitNavigation에 답장했고, 그제야 주소창에 ${josa(c.url, '이')} 표시되고${c.security ? `(보안 상태: ${SECURITY_KO[c.security] ?? c.security})` : ''} 방문 기록에 항목이 생겼습니다.`,
    );
  const extent = f.phases.commit;
  if (extent?.durationMicros != null) out.push(`커밋 단계는 ${ms(extent.durationMicros)}가 걸렸습니다.`);
  return out;
}

function load(f: StoryFacts): string[] {
  const l = f.load;
  if (!l) return [];
  const out: string[] = [];
  const who = f.commit?.processId ?? '렌더러';
  const kinds = [...new Set(l.subresources.map((s) => s.destination))];
  out.push(
    l.subresources.length > 0
      ? `${josa(who, '이')} HTML이 도착하는 대로 파싱해${l.nodeCount !== null ? ` DOM 노드 ${l.nodeCount}개를 만들고` : ''} 네트워크 스레드에 서브리소스 ${l.subresources.length}개(${kinds.join(', ')})를 요청했습니다${l.orbBlocked > 0 ? `. ORB가 교차 출처 응답 ${l.orbBlocked}개를 막았습니다` : ''}.`
      : `${josa(who, '이')} HTML을 파싱해${l.nodeCount !== null ? ` DOM 노드 ${l.nodeCount}개를 만들었고` : ''} 서브리소스는 필요하지 않았습니다.`,
  );
  const moments = loadMoments(l, { paint: '첫 페인트', dcl: 'DOMContentLoaded', load: 'load' }).map(
    (m) => `${m.label} ${ms(m.micros)}`,
  );
  if (moments.length > 0) out.push(`Enter부터 센 시각은 ${moments.join(', ')}입니다.`);
  if (l.failed) out.push(`커밋 뒤에 본문이 실패해서(${l.failed}) 도착한 만큼만 보여 줍니다.`);
  if (l.stopMicros !== null)
    out.push(`${ms(l.stopMicros)}에 DidStopLoading이 스피너를 멈추면서 내비게이션이 끝났습니다.`);
  return out;
}

function skipped(phase: PhaseId, f: StoryFacts, outcome: StoryOutcome): string[] {
  const error = f.netError ? f.netError.name : '실패';
  switch (outcome) {
    case 'interstitial':
      return phase === 'read-response'
        ? [
            `읽을 응답이 없었습니다. 내비게이션이 네트워크 단계에서 ${josa(error, '으로')} 멈췄고, 브라우저가 직접 경고 페이지(interstitial)를 그렸습니다. 웹사이트의 내용은 전혀 없습니다.`,
          ]
        : [
            '이 단계는 일어나지 않았습니다. 경고 페이지는 브라우저가 그리므로 렌더러 프로세스를 고르지 않고, 아무것도 커밋하지 않습니다.',
          ];
    case 'blocked':
      return [
        '이 단계는 일어나지 않았습니다. 세이프 브라우징이 페이지를 막아서 어떤 렌더러도 받지 않았고 커밋도 없었습니다.',
      ];
    case 'download':
      return [
        '이 단계는 일어나지 않았습니다. 다운로드는 브라우저 프로세스가 저장하므로 렌더러가 필요 없고, 커밋도 없으며 화면의 페이지는 그대로입니다.',
      ];
    case 'no-commit':
      return [
        `이 단계는 일어나지 않았습니다. ${f.response.status ?? ''} 응답에는 문서가 없어서 아무것도 커밋하지 않고 화면의 페이지가 그대로 남습니다.`,
      ];
    case 'error-page':
      return phase === 'read-response'
        ? [
            `읽을 응답이 없었습니다. 요청이 ${josa(error, '으로')} 실패했기 때문에 브라우저는 오류 페이지를 보여 주기로 했습니다.`,
          ]
        : ['이 내비게이션에서는 이 단계가 일어나지 않았습니다.'];
    default:
      return ['이 단계는 이 트레이스에 기록되지 않았습니다(그 전에 트레이스가 끝납니다).'];
  }
}

function failureOf(f: StoryFacts, outcome: StoryOutcome): string | null {
  switch (outcome) {
    case 'error-page':
      return f.netError
        ? `실패했습니다: ${f.netError.name}(${localizeText(f.netError.detail, 'ko')}). 대신 브라우저가 자체 오류 페이지를 커밋했습니다.`
        : '실패했고, 브라우저가 오류 페이지를 커밋했습니다.';
    case 'interstitial':
      return `실패했습니다: ${f.netError?.name ?? f.interstitial?.error}(${localizeText(f.netError?.detail ?? f.interstitial?.detail ?? '', 'ko')}). 사이트 대신 경고 페이지를 보여 주었습니다.`;
    case 'blocked':
      return `세이프 브라우징이 ${josa(f.response.safeBrowsing?.threatType ?? '위험', '으로')} 분류해 막았고, 경고 페이지를 보여 주었습니다.`;
    case 'crashed':
      return '렌더러 프로세스가 죽어서 탭에 슬픈 얼굴이 표시됩니다.';
    case 'load-failed':
      return `페이지는 커밋됐지만 본문이 실패했습니다(${f.load?.failed}).`;
    default:
      return null;
  }
}

function answer(f: StoryFacts, outcome: StoryOutcome): string {
  const out: string[] = [];
  const o = f.omnibox;
  if (o)
    out.push(`브라우저가 ${josa(`“${o.text}”`, '을')} ${o.inputType === 'QUERY' ? '검색어로' : 'URL로'} 읽었습니다.`);
  if (f.hsts) out.push('패킷이 나가기 전에 HSTS가 http를 https로 바꿨습니다.');
  const d = f.dns;
  if (d?.hops.length)
    out.push(
      `DNS는 ${d.hops.map((h) => (h.server.zone === '.' ? '루트' : h.server.zone.includes('.') ? h.server.zone : `.${h.server.zone}`)).join(' → ')} 순서로 내려가${d.addresses.length ? ` ${josa(d.addresses.join(', '), '을')} 찾았습니다` : '다 멈췄습니다'}.`,
    );
  else if (d?.source === 'cache') out.push('DNS는 호스트 캐시에서 답을 얻었습니다.');
  const connected = f.tcp && !f.tcp.reused && !f.tcp.error;
  const secured = f.tls && !f.tls.error;
  if (connected || f.http?.statusLine)
    out.push(
      `${connected ? `TCP로 연결하고${secured ? ` TLS(${f.tls!.protocol})로 보호한 뒤` : ''} ` : ''}${f.http?.statusLine ? `서버가 ${josa(String(f.http.status), '으로')} 답했습니다.` : '연결했습니다.'}`,
    );
  if (f.response.sniff && f.response.safeBrowsing?.verdict === 'safe')
    out.push(`브라우저가 타입(${f.response.sniff.computed})과 세이프 브라우징을 확인했습니다.`);
  if (f.renderer && !f.renderer.site.startsWith('chrome-error:'))
    out.push(`${josa(f.renderer.processId, '이')} 사이트 ${josa(f.renderer.site, '을')} 맡았습니다.`);
  if (outcome === 'loaded' && f.commit?.ackMicros != null)
    out.push(
      `${ms(f.commit.ackMicros)}에 커밋했고${f.load?.loadMicros != null ? ` ${ms(f.load.loadMicros)}에 load가 발생했습니다` : ''}.`,
    );
  const ending = failureOf(f, outcome) ?? endingOf(f, outcome);
  if (ending) out.push(ending);
  return out.join(' ');
}

function endingOf(f: StoryFacts, outcome: StoryOutcome): string | null {
  if (outcome === 'download' && f.download)
    return `다운로드였으므로 ${f.download.filename}(${f.download.bytes}바이트)를 저장했고, 아무것도 커밋하지 않았습니다.`;
  if (outcome === 'no-commit')
    return `${f.response.status ?? ''} 응답이라 아무것도 커밋하지 않았고 화면의 페이지가 그대로 남았습니다.`;
  return null;
}

export const storyTextKo: StoryTeller = {
  lang: 'ko',
  chapterTitle: (phase) => TITLES[phase],
  headline: (f) => `주소창에 ${josa(`“${f.input}”`, '을')} 입력하고 Enter를 누르면 일어나는 일`,
  answer: (f) => answer(f, storyOutcome(f)),
  chapter(phase, f) {
    const outcome = storyOutcome(f);
    if (!f.phases[phase]) return skipped(phase, f, outcome);
    switch (phase) {
      case 'handle-input':
        return input(f);
      case 'start-navigation':
        return start(f);
      case 'network':
        return network(f, outcome);
      case 'read-response': {
        const told = readResponse(f, outcome);
        return told.length > 0 ? told : skipped(phase, f, outcome);
      }
      case 'find-renderer':
        return renderer(f);
      case 'commit':
        return commit(f);
      case 'load':
        return load(f);
    }
  },
  labels: {
    recorded: (mode, when) =>
      `NavScope가 기록했습니다(${mode === 'live' ? '실제 인터넷' : '실습실 모드, 오프라인'}${when ? `, ${when}` : ''}). 아래의 모든 숫자는 이 트레이스에서 나왔습니다.`,
    chapter: '장',
    firstMessage: '첫 메시지',
    events: '트레이스 이벤트',
    processes: '프로세스',
    waterfall: '타임라인',
    answer: '짧은 답',
    phase: '단계',
    startMs: '시작 (ms)',
    durationMs: '걸린 시간 (ms)',
    process: '프로세스',
    pid: 'pid',
    none: '—',
    skipped: '일어나지 않음',
    failed: '여기서 실패',
  },
};
