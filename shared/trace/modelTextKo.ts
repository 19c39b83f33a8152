/**
 * Sentences the model writes into the trace (in English, for the CLI and the saved
 * file) as the window and the story tell them in Korean: message summaries, why the omnibox
 * classified an input, which MIME sniffing rule decided, why a response commits or
 * downloads, why a process was chosen, ORB verdicts, cache decisions, net error
 * details. Each rule matches one template of the model's text in full; what no rule
 * matches is shown as written (and the window's Korean test fails on it in the views
 * it walks through).
 */

/** What a request is fetched as (document, script, style…), in Korean. */
const DESTINATIONS_KO: Record<string, string> = {
  document: '문서',
  script: '스크립트',
  style: '스타일시트',
  image: '이미지',
  font: '글꼴',
  empty: '기타',
  iframe: 'iframe 문서',
  object: '객체',
  audio: '오디오',
  video: '비디오',
};

/** A request's destination (what it is fetched as: document, script, style…). */
export function destinationName(destination: string, locale: string): string {
  return locale === 'ko' ? (DESTINATIONS_KO[destination] ?? destination) : destination;
}

type Translate = (text: string) => string;
type Rule = [RegExp, string | ((m: RegExpExecArray, t: Translate) => string)];

const CLASS_KO: Record<string, string> = {
  html: 'HTML',
  xml: 'XML',
  json: 'JSON',
  image: '이미지',
  audio: '오디오',
  video: '비디오',
  font: '글꼴',
  archive: '압축 파일',
  'audio or video': '오디오·비디오',
};

/** How a navigation ended (NavigationRequest's outcomes). */
const OUTCOME_KO: Record<string, string> = {
  committed: '커밋됨',
  failed: '실패',
  'no-commit': '커밋 없음',
  blocked: '차단',
  download: '다운로드',
  'renderer-crashed': '렌더러 비정상 종료',
  cancelled: '취소',
};

const PROCESS_HOW_KO: Record<string, string> = {
  spare: '예비 프로세스',
  speculative: '미리 띄움',
  new: '새 프로세스',
  reused: '재사용',
};

const CORB_CLASS_KO: Record<string, string> = {
  'an HTML type': 'HTML 타입',
  'an XML type': 'XML 타입',
  'a JSON type': 'JSON 타입',
  'a type CORB always protects': 'CORB가 늘 보호하는 타입',
};

const RULES_KO: Rule[] = [
  // ── Omnibox classification (shared/web/omniboxInput.ts) ─────────────────────────
  [/^"\.(.+)" is a known top-level domain$/, (m) => `".${m[1]}"은(는) 알려진 최상위 도메인입니다`],
  [/^"\.(.+)" is not a known top-level domain$/, (m) => `".${m[1]}"은(는) 알려진 최상위 도메인이 아닙니다`],
  [/^explicit (\S+): scheme the browser handles$/, (m) => `브라우저가 처리하는 ${m[1]}: 스킴을 직접 입력함`],
  [/^explicit (\S+): scheme$/, (m) => `${m[1]}: 스킴을 직접 입력함`],
  [/^it contains spaces and no scheme$/, '공백이 있고 스킴이 없음'],
  [/^a single word: a search, or maybe an intranet host$/, '한 단어: 검색어이거나 인트라넷 호스트일 수 있음'],
  [/^nothing was typed$/, '아무것도 입력하지 않음'],
  [/^a leading "\?" is not a URL: it searches$/, '맨 앞의 "?"는 URL이 아니라 검색을 뜻함'],
  [/^"(.*)" is not a valid port number$/, (m) => `"${m[1]}"은(는) 올바른 포트 번호가 아님`],
  [/^there is no host name$/, '호스트 이름이 없음'],
  [/^a (\S+): URL needs a host$/, (m) => `${m[1]}: URL에는 호스트가 필요함`],
  [/^it cannot be made into a valid URL$/, '올바른 URL로 만들 수 없음'],
  [/^explicit file: scheme$/, 'file: 스킴을 직접 입력함'],
  [/^a local file path$/, '로컬 파일 경로'],
  [
    /^javascript: followed by words, not code: probably a search$/,
    'javascript: 뒤에 코드가 아닌 단어가 옴: 아마 검색어',
  ],
  [/^"(.+):" is a blocked external protocol$/, (m) => `"${m[1]}:"은(는) 차단된 외부 프로토콜`],
  [
    /^"(.+):" followed by a space and "@": a search operator, not a password$/,
    (m) => `"${m[1]}:" 뒤에 공백과 "@": 비밀번호가 아니라 검색 연산자`,
  ],
  [/^user:password@host: a URL with credentials$/, 'user:password@host: 자격 증명이 든 URL'],
  [
    /^"(.+):" is not a scheme the browser knows: maybe a search operator like "site:"$/,
    (m) => `"${m[1]}:"은(는) 브라우저가 아는 스킴이 아님: "site:" 같은 검색 연산자일 수 있음`,
  ],
  [/^(.+), though a scheme was typed$/, (m, t) => `${t(m[1]!)}. 스킴을 입력하긴 했음`],
  [/^(.+), though it ends in the known TLD "\.(.+)"$/, (m, t) => `${t(m[1]!)}. 알려진 TLD ".${m[2]}"로 끝나긴 함`],
  [/^\.invalid is reserved and never resolves$/, '.invalid는 예약되어 있어 절대 조회되지 않음'],
  [/^"(.+)" is not a valid host name$/, (m) => `"${m[1]}"은(는) 올바른 호스트 이름이 아님`],
  [/^an IPv6 address literal$/, 'IPv6 주소'],
  [/^an IPv4 address$/, 'IPv4 주소'],
  [
    /^(\S+) starts with 0: a source address, never a destination$/,
    (m) => `${m[1]}은(는) 0으로 시작함: 목적지가 아니라 출발지 주소`,
  ],
  [/^a trailing slash makes it a URL$/, '끝의 슬래시 때문에 URL임'],
  [
    /^only (\d+) parts of an IPv4 address: more likely a number$/,
    (m) => `IPv4 주소의 ${m[1]}부분뿐: 숫자일 가능성이 큼`,
  ],
  [/^the text before "@" has a space: probably not a user name$/, '"@" 앞에 공백이 있음: 아마 사용자 이름이 아님'],
  [
    /^it has several URL parts \(user, port, path, query, fragment\)$/,
    'URL의 여러 부분(사용자, 포트, 경로, 쿼리, 프래그먼트)이 있음',
  ],
  [/^user@host looks like an e-mail address$/, 'user@host는 이메일 주소처럼 보임'],
  [/^localhost$/, 'localhost'],
  [/^it has an explicit port \((\d+)\)$/, (m) => `포트(${m[1]})를 직접 입력함`],
  [/^a name under the reserved "\.(.+)"$/, (m) => `예약된 ".${m[1]}" 아래의 이름`],

  // ── MIME sniffing rules (shared/web/mimeSniffing.ts) ─────────────────────────────
  [/^supplied type (\S+) is used as is$/, (m) => `보낸 타입 ${m[1]}을(를) 그대로 씀`],
  [/^supplied type (\S+) is used$/, (m) => `보낸 타입 ${m[1]}을(를) 씀`],
  [/^nosniff: the supplied type is used$/, 'nosniff: 보낸 타입을 씀'],
  [
    /^unknown type( \(nosniff: no HTML\/XML\/PDF sniffing\))?: matched the (.+?) signature (.+)$/,
    (m) =>
      `알 수 없는 타입${m[1] ? '(nosniff: HTML/XML/PDF 스니핑 안 함)' : ''}: ${CLASS_KO[m[2]!] ?? m[2]} 시그니처 ${m[3]}와 일치`,
  ],
  [
    /^unknown type( \(nosniff: no HTML\/XML\/PDF sniffing\))?: no signature matched and no binary bytes found, so text\/plain$/,
    (m) =>
      `알 수 없는 타입${m[1] ? '(nosniff: HTML/XML/PDF 스니핑 안 함)' : ''}: 맞는 시그니처도 바이너리 바이트도 없어서 text/plain`,
  ],
  [
    /^unknown type( \(nosniff: no HTML\/XML\/PDF sniffing\))?: no signature matched and binary bytes found, so application\/octet-stream$/,
    (m) =>
      `알 수 없는 타입${m[1] ? '(nosniff: HTML/XML/PDF 스니핑 안 함)' : ''}: 맞는 시그니처가 없고 바이너리 바이트가 있어서 application/octet-stream`,
  ],
  [
    /^text\/plain check: (UTF-16BE|UTF-16LE|UTF-8) BOM found, stays text\/plain$/,
    (m) => `text/plain 검사: ${m[1]} BOM이 있어 text/plain 그대로`,
  ],
  [
    /^text\/plain check: no binary bytes found, stays text\/plain$/,
    'text/plain 검사: 바이너리 바이트가 없어 text/plain 그대로',
  ],
  [/^text\/plain check: binary bytes found$/, 'text/plain 검사: 바이너리 바이트가 있음'],
  [
    /^supplied image type (\S+): the bytes match the image signature (.+)$/,
    (m) => `보낸 이미지 타입 ${m[1]}: 바이트가 이미지 시그니처 ${m[2]}와 일치`,
  ],
  [
    /^supplied audio\/video type (\S+): the bytes match the signature (.+)$/,
    (m) => `보낸 오디오·비디오 타입 ${m[1]}: 바이트가 시그니처 ${m[2]}와 일치`,
  ],

  // ── The decision after reading the response (electron/browser/navigationRequest.ts) ──
  [/^(\S+) is shown by the renderer$/, (m) => `${m[1]}은(는) 렌더러가 보여 줌`],
  [
    /^(\S+) is shown by the renderer \(the server's (\d+) page commits\)$/,
    (m) => `${m[1]}은(는) 렌더러가 보여 줌 (서버의 ${m[2]} 페이지가 커밋됨)`,
  ],
  [
    /^(ERR_\w+): an error page commits in the error-page process \(chrome-error:\/\/chromewebdata\)$/,
    (m) => `${m[1]}: 오류 페이지 프로세스(chrome-error://chromewebdata)에 오류 페이지가 커밋됨`,
  ],
  [
    /^(\d+) (.+): there is no document; the current page stays$/,
    (m) => `${m[1]} ${m[2]}: 문서가 없어 지금 페이지가 그대로 남음`,
  ],
  [
    /^Content-Disposition: attachment: the download manager saves it, nothing commits$/,
    'Content-Disposition: attachment: 다운로드 관리자가 저장하고, 아무것도 커밋되지 않음',
  ],
  [
    /^the renderer cannot show (\S+): the download manager saves it, nothing commits$/,
    (m) => `렌더러가 ${m[1]}을(를) 보여 줄 수 없음: 다운로드 관리자가 저장하고, 아무것도 커밋되지 않음`,
  ],
  [
    /^Safe Browsing lists (\S+) as (\w+): an interstitial is shown instead$/,
    (m) => `세이프 브라우징 목록에 ${m[1]}이(가) ${m[2]}(으)로 올라 있음: 대신 경고 페이지를 보여 줌`,
  ],
  [/^Safe Browsing lists this site as (\w+)$/, (m) => `세이프 브라우징 목록에 이 사이트가 ${m[1]}(으)로 올라 있음`],

  // ── Process choice (electron/browser/browserProcess.ts) ─────────────────────────
  [
    /^the spare process was ready, so no process had to start \(taken speculatively, in parallel with the request\)$/,
    '예비 프로세스가 준비되어 있어 새로 띄울 필요가 없었음 (요청과 병렬로 미리 가져감)',
  ],
  [
    /^the spare process was ready, so no process had to start$/,
    '예비 프로세스가 준비되어 있어 새로 띄울 필요가 없었음',
  ],
  [
    /^the process started for (\S+) when the navigation began, in parallel with the request, is (ready|still starting)$/,
    (m) =>
      `내비게이션이 시작될 때 요청과 병렬로 ${m[1]}을(를) 위해 띄운 프로세스가 ${m[2] === 'ready' ? '준비됨' : '아직 시작 중'}`,
  ],
  [
    /^(\S+) already has a process: its documents share it$/,
    (m) => `${m[1]}에는 이미 프로세스가 있음: 그 사이트의 문서들이 함께 씀`,
  ],
  [
    /^(\S+) already has a process in this browsing context group: its documents share it$/,
    (m) => `이 브라우징 컨텍스트 그룹에는 이미 ${m[1]}의 프로세스가 있음: 그 사이트의 문서들이 함께 씀`,
  ],
  [
    /^an iframe of (\S+) reuses the process that already hosts \S+ \(Chromium's subframe process reuse\)$/,
    (m) => `${m[1]}의 iframe은 이미 ${m[1]}을(를) 맡은 프로세스를 다시 씀 (Chromium의 하위 프레임 프로세스 재사용)`,
  ],
  [
    /^(\d+) renderer processes reach the soft limit of (\d+): a new tab of (\S+) reuses that site's process \(ShouldTryToUseExistingProcessHost\)$/,
    (m) =>
      `렌더러 프로세스 ${m[1]}개가 소프트 한도 ${m[2]}개에 이름: ${m[3]}의 새 탭은 그 사이트의 프로세스를 다시 씀 (ShouldTryToUseExistingProcessHost)`,
  ],
  [
    /^a cross-site iframe: (\S+) gets its own renderer process \(an out-of-process iframe\)$/,
    (m) => `다른 사이트의 iframe: ${m[1]}은(는) 자기 렌더러 프로세스를 받음 (프로세스 외부 iframe)`,
  ],
  [
    /^no process for this site and no spare: a new one starts$/,
    '이 사이트의 프로세스도 예비 프로세스도 없음: 새로 띄움',
  ],
  [
    /^a cross-site navigation: the process starts in parallel with the network request$/,
    '교차 사이트 내비게이션: 네트워크 요청과 병렬로 프로세스를 띄움',
  ],
  [/^a redirect changed the site from (\S+) to (\S+)$/, (m) => `리디렉션으로 사이트가 ${m[1]}에서 ${m[2]}(으)로 바뀜`],
  [/^the navigation failed$/, '내비게이션이 실패함'],
  [/^the navigation did not commit$/, '내비게이션이 커밋되지 않음'],
  [/^navigation (\S+) was cancelled before it committed$/, (m) => `내비게이션 ${m[1]}이(가) 커밋 전에 취소됨`],
  [
    /^navigation (\S+) did not commit here \(([\w-]+)\)$/,
    (m) => `내비게이션 ${m[1]}은(는) 여기에 커밋되지 않음 (${OUTCOME_KO[m[2]!] ?? m[2]})`,
  ],
  [/^the response is a download$/, '응답이 다운로드임'],
  [/^the navigation was blocked$/, '내비게이션이 차단됨'],
  [/^no frames left: (.+)$/, (m, t) => `남은 프레임 없음: ${t(m[1]!)}`],
  [/^its frame navigated to another site$/, '프레임이 다른 사이트로 이동함'],
  [/^tab (\d+) closed$/, (m) => `탭 ${m[1]}이(가) 닫힘`],
  [/^the user closed the tab$/, '사용자가 탭을 닫음'],
  [/^its iframe moved to another process$/, 'iframe이 다른 프로세스로 옮겨 감'],
  [/^its parent document was replaced by a new one$/, '부모 문서가 새 문서로 바뀜'],
  [/^discarded: (.+)$/, (m, t) => `버림: ${t(m[1]!)}`],
  [/^the browser is shutting down$/, '브라우저가 종료되는 중'],
  [/^clean-exit$/, '정상 종료'],
  [/^killed$/, '강제 종료됨'],
  [/^crashed$/, '비정상 종료'],

  // ── HTTP cache, HTTPS-Upgrades ───────────────────────────────────────────────────
  [/^not in the cache$/, '캐시에 없음'],
  [
    /^stored; Cache-Control: no-cache, so it is revalidated before every use$/,
    '저장함. Cache-Control: no-cache라서 쓸 때마다 재검증함',
  ],
  [/^revalidating with a plain request$/, '일반 요청으로 재검증함'],
  [/^stored; fresh for (\d+) s \(max-age\)$/, (m) => `저장함. ${m[1]}초 동안 신선함 (max-age)`],
  [
    /^status (\d+) is not cacheable by default and the response has no max-age, Expires, public or private$/,
    (m) => `상태 ${m[1]}은(는) 기본적으로 캐시할 수 없고 응답에 max-age, Expires, public, private가 없음`,
  ],
  [/^typed without a scheme: https first$/, '스킴 없이 입력함: https를 먼저 시도'],

  // ── Message summaries (shared/ipc/messageSummary.ts) ─────────────────────────────
  [/^follow redirect of (\S+)$/, (m) => `${m[1]}의 리디렉션 따라가기`],
  [/^([A-Z]+) (\S+) \((\w+)\)$/, (m) => `${m[1]} ${m[2]} (${destinationName(m[3]!, 'ko')})`],
  [/^(\d{3}) (\S+) \((\w+)\)$/, (m) => `${m[1]} ${m[2]} (${destinationName(m[3]!, 'ko')})`],
  [/^cancel (\S+): (.+)$/, (m, t) => `${m[1]} 취소: ${t(m[2]!)}`],
  [/^(\d+): nothing to commit$/, (m) => `${m[1]}: 커밋할 것이 없음`],
  [/^Safe Browsing: (\w+)$/, (m) => `세이프 브라우징: ${m[1]}`],
  [/^(\d{3}) Internal Redirect → (\S+)$/, (m) => `${m[1]} 내부 리디렉션 → ${m[2]}`],
  [/^(\d{3}) (.*?) ?\(no type\)$/, (m) => `${m[1]} ${m[2]}${m[2] ? ' ' : ''}(타입 없음)`],
  [/^(.+) \(from cache\)$/, (m, t) => `${t(m[1]!)} (캐시에서)`],
  [/^([\d.]+ K?B) at offset (\d+)$/, (m) => `오프셋 ${m[2]}부터 ${m[1]}`],
  [/^data pipe: ([\d.]+ K?B) at offset (\d+)$/, (m) => `데이터 파이프: 오프셋 ${m[2]}부터 ${m[1]}`],
  [/^view and main frame (\S+) for (\S+)$/, (m) => `${m[2]}의 뷰와 메인 프레임 ${m[1]}`],
  [/^reply: (.+)$/, (m, t) => `답장: ${t(m[1]!)}`],
  [/^page state of (\S+)$/, (m) => `${m[1]}의 페이지 상태`],
  [/^(\d+) % loaded$/, (m) => `${m[1]} % 로드됨`],
  [/^html element created$/, '문서 요소 생성됨'],
  [/^first visually non-empty paint$/, '처음으로 내용이 보이는 페인트'],
  [/^no icon$/, '아이콘 없음'],
  [/^error page for (\S+) committed$/, (m) => `${m[1]}의 오류 페이지 커밋됨`],
  [/^frame (\S+) for (\S+)$/, (m) => `${m[2]}의 프레임 ${m[1]}`],
  [/^frame (\S+)( \(reload\))?$/, (m) => `프레임 ${m[1]}${m[2] ? ' (새로고침)' : ''}`],
  [/^ping #(\d+)$/, (m) => `핑 #${m[1]}`],
  [/^pong #(\d+)$/, (m) => `퐁 #${m[1]}`],
  [/^forget cached DNS answers$/, '캐시된 DNS 응답 지우기'],
  [/^drop stored responses$/, '저장된 응답 버리기'],
  [/^close idle connections$/, '쉬고 있는 연결 닫기'],
  [/^proceed$/, '계속'],
  [/^cancelled by the page$/, '페이지가 취소함'],
  [/^error page for (\S+) \((ERR_\w+)\)$/, (m) => `${m[1]}의 오류 페이지 (${m[2]})`],
  [/^(\S+) committed \((\d+)\)$/, (m) => `${m[1]} 커밋됨 (${m[2]})`],
  [/^spinner stops$/, '스피너 멈춤'],
  [
    /^child frame (\S+)(?: "(.*)")? of (\S+)$/,
    (m) => `${m[3]}의 자식 프레임 ${m[1]}${m[2] !== undefined ? ` "${m[2]}"` : ''}`,
  ],
  [/^frame (\S+) navigates to (\S+)$/, (m) => `프레임 ${m[1]}이(가) ${m[2]}(으)로 이동`],
  [/^frame (\S+) becomes proxy (\S+)$/, (m) => `프레임 ${m[1]}이(가) 프록시 ${m[2]}(으)로 바뀜`],
  [/^child frame (\S+) stopped loading$/, (m) => `자식 프레임 ${m[1]}의 로딩이 멈춤`],
  [/^delete frame (\S+): (.+)$/, (m, t) => `프레임 ${m[1]} 삭제: ${t(m[2]!)}`],
  [/^the network service was restarted after a crash$/, '네트워크 서비스가 비정상 종료 후 다시 시작됨'],

  // ── Net error details (DNS, connections, TLS, HTTP) ───────────────────────────────
  [
    /^(\S+): (\S+) \((\S+)\) answered NXDOMAIN$/,
    (m) => `${m[1]}: ${m[2]}(${m[3]})이(가) NXDOMAIN(그런 이름 없음)으로 응답함`,
  ],
  [
    /^(\S+): (\S+) \((\S+)\) answered SERVFAIL \(no other server of zone (\S+) answered\)$/,
    (m) => `${m[1]}: ${m[2]}(${m[3]})이(가) SERVFAIL로 응답함 (${m[4]} 영역의 다른 서버도 응답하지 않음)`,
  ],
  [
    /^(\S+): no answer from (\S+) \((\S+)\) for zone (\S+) \((\d+) attempts of (\d+) ms each\)$/,
    (m) => `${m[1]}: ${m[4]} 영역의 ${m[2]}(${m[3]})에서 응답 없음 (${m[6]} ms씩 ${m[5]}번 시도)`,
  ],
  [/^(\S+) refused the connection$/, (m) => `${m[1]}이(가) 연결을 거부함`],
  [/^more than (\d+) redirects, the last to (\S+)$/, (m) => `리디렉션이 ${m[1]}번을 넘음, 마지막은 ${m[2]}`],
  [
    /^(\S+): referral loop \(more than (\d+) referrals; the last one to (\S+)\)$/,
    (m) => `${m[1]}: 위임 루프 (위임이 ${m[2]}번을 넘음, 마지막은 ${m[3]})`,
  ],
  [
    /^(\S+): (\S+) \((\S+)\) sent a truncated \(TC\) answer; DNS over TCP is not implemented$/,
    (m) => `${m[1]}: ${m[2]}(${m[3]})이(가) 잘린(TC) 응답을 보냄. TCP를 통한 DNS는 구현하지 않음`,
  ],
  [/^malformed status line "(.*)"$/, (m) => `형식이 잘못된 상태 줄 "${m[1]}"`],
  [/^the response head exceeds (\d+) bytes$/, (m) => `응답 헤더가 ${m[1]}바이트를 넘음`],
  [/^invalid chunk size line "(.*)"$/, (m) => `잘못된 청크 크기 줄 "${m[1]}"`],
  [
    /^the connection closed with (\d+) body bytes still expected$/,
    (m) => `본문 ${m[1]}바이트가 더 와야 하는데 연결이 닫힘`,
  ],
  [/^(\S+): TLS handshake failed \((\w+)\)$/, (m) => `${m[1]}: TLS 핸드셰이크 실패 (${m[2]})`],
  [
    /^decompression bomb: (\d+) encoded bytes inflated to more than (\d+) bytes \(over (\d+:\d+)\); the rest is not decoded$/,
    (m) => `압축 폭탄: 인코딩된 ${m[1]}바이트가 ${m[2]}바이트 넘게 풀림 (${m[3]} 초과). 나머지는 풀지 않음`,
  ],
  [/^(ERR_\w+): (.+)$/, (m, t) => `${m[1]}: ${t(m[2]!)}`],
  [/^(ERR_\w+) \((.+)\)$/, (m, t) => `${m[1]} (${t(m[2]!)})`],
  [
    /^Opaque Response Blocking kept this cross-origin response from the renderer$/,
    'ORB가 이 교차 출처 응답을 렌더러에 넘기지 않음',
  ],
  [/^(\S+) the body ended with net::(ERR_\w+)$/, (m) => `${m[1]} 본문이 net::${m[2]}(으)로 끝남`],
  [/^(\S+) net::(ERR_\w+)$/, (m) => `${m[1]} net::${m[2]}`],
  [/^net::(ERR_\w+): (.+)$/, (m, t) => `net::${m[1]}: ${t(m[2]!)}`],

  // ── ORB/CORB verdicts (shared/web/corb.ts) ───────────────────────────────────────
  [
    /^(.+) \(no console warning: empty or error response\)$/,
    (m, t) => `${t(m[1]!)} (빈 응답이나 오류 응답이라 콘솔 경고 없음)`,
  ],
  [
    /^cross-origin no-cors response with (no Content-Type|Content-Type \S+)(?: \((an HTML type|an XML type|a JSON type|a type CORB always protects)\))?( and nosniff)?(?:(, blocked without sniffing)|: (.+))?$/,
    (m, t) =>
      `교차 출처 no-cors 응답, ${m[1] === 'no Content-Type' ? 'Content-Type 없음' : m[1]}${m[2] ? ` (${CORB_CLASS_KO[m[2]]})` : ''}${m[3] ? ', nosniff' : ''}${m[4] ? ', 스니핑 없이 차단' : ''}${m[5] ? `: ${t(m[5])}` : ''}`,
  ],
  [
    /^confirmed a JSON parser breaker by sniffing the body \((.+)\)$/,
    (m) => `본문을 스니핑해 JSON 파서 차단 문자열을 확인함 (${m[1]})`,
  ],
  [
    /^a range response \(Content-Range: (.+)\) cannot be sniffed$/,
    (m) => `범위 응답(Content-Range: ${m[1]})은 스니핑할 수 없음`,
  ],
  [
    /^a range response \(Content-Range: (.+)\), allowed without sniffing \((.+)\)$/,
    (m) => `범위 응답(Content-Range: ${m[1]}), 스니핑 없이 허용`,
  ],
  [/^confirmed (JSON|HTML|XML) by sniffing the body \((.+)\)$/, (m) => `본문을 스니핑해 ${m[1]}임을 확인함 (${m[2]})`],
  [/^the body starts with the parser breaker (.+)$/, (m) => `본문이 파서 차단 문자열 ${m[1]}(으)로 시작함`],
  [
    /^sniffing (the body|the first \d+ bytes) found no (.+), so it is allowed \(CORB fails open\)$/,
    (m) =>
      `${m[1] === 'the body' ? '본문' : m[1]!.replace(/the first (\d+) bytes/, '처음 $1바이트')}을(를) 스니핑해도 ${m[2]!.replace(' or ', ' 또는 ').replace('parser breaker', '파서 차단 문자열').replace('JSON object', 'JSON 객체')}이(가) 없어 허용함 (CORB는 열린 쪽으로 실패)`,
  ],
  [
    /^the body is empty, nothing to confirm \(CORB fails open\)$/,
    '본문이 비어 확인할 것이 없음 (CORB는 열린 쪽으로 실패)',
  ],
  [/^stylesheets are never sniffed$/, '스타일시트는 스니핑하지 않음'],
  [/^blocked without sniffing$/, '스니핑 없이 차단'],
  [
    /^browser-initiated request \(no initiator\): CORB does not apply$/,
    '브라우저가 시작한 요청(initiator 없음): CORB 적용 안 함',
  ],
  [/^same-origin request: CORB does not apply$/, '같은 출처 요청: CORB 적용 안 함'],
  [
    /^ORB \(CORB\) in the network service blocked the cross-origin response \(net::ERR_BLOCKED_BY_ORB\)$/,
    '네트워크 서비스의 ORB(CORB)가 교차 출처 응답을 차단함 (net::ERR_BLOCKED_BY_ORB)',
  ],

  // ── NavigationRequest's states (electron/browser/navigationRequest.ts) ──
  [/^the renderer acknowledged the commit$/, '렌더러가 커밋을 확인함'],
  [/^the current document runs its beforeunload handlers$/, '지금 문서가 beforeunload 핸들러를 실행함'],
  [/^beforeunload let it go$/, 'beforeunload가 허락함'],
  [/^there is no document to ask$/, '물어볼 문서가 없음'],
  [/^the request goes to the network service$/, '요청이 네트워크 서비스로 감'],
  [/^(\d{3}) to (\S+)$/, (m) => `${m[1]}, ${m[2]}(으)로`],
  [/^the response is a download: the download manager takes it$/, '응답이 다운로드임: 다운로드 관리자가 받음'],
  [/^(\S+) is asked to commit$/, (m) => `${m[1]}에 커밋을 요청함`],
  [/^the error-page process died while starting$/, '오류 페이지 프로세스가 시작하다 끝남'],
  [/^a new navigation started$/, '새 내비게이션이 시작됨'],

  // ── Compare (shared/trace/navigationComparison.ts) ──
  [/^not looked up$/, '조회 안 함'],
  [/^recursive$/, '재귀 리졸버'],
  [/^cache$/, '호스트 캐시'],
  [/^os$/, '운영체제'],
  [/^literal$/, 'IP 주소 그대로'],
  [/^not requested$/, '요청 안 함'],
  [/^failed \((\w+)\)$/, (m) => `실패 (${m[1]})`],
  [/^HTTP cache$/, 'HTTP 캐시'],
  [/^HTTP cache after 304$/, '304 뒤 HTTP 캐시'],
  [/^network, reused socket$/, '네트워크, 재사용한 소켓'],
  [/^network, new connection$/, '네트워크, 새 연결'],
  [/^(spare|speculative|new|reused) \((renderer:\d+)\)$/, (m) => `${PROCESS_HOW_KO[m[1]!]} (${m[2]})`],
  [/^none$/, '없음'],

  // ── TLS ──
  [/^the lab CA only$/, '실습실 CA만'],
  [/^the system's roots$/, '시스템의 루트 인증서'],
  [/^ok$/, '통과'],

  // ── DNS datagrams ignored ─────────────────────────────────────────────────────────
  [/^it does not decode as a DNS message$/, 'DNS 메시지로 해석되지 않음'],
  [
    /^transaction id (\d+) was never sent \(a forged or stray answer\)$/,
    (m) => `트랜잭션 ID ${m[1]}은(는) 보낸 적이 없음 (위조되었거나 길 잃은 응답)`,
  ],
];

/** A model-written sentence in the window's language (as written when no rule knows it). */
export function localizeText(text: string, locale: string): string {
  if (locale !== 'ko') return text;
  return translateKo(text);
}

function translateKo(text: string): string {
  for (const [pattern, replacement] of RULES_KO) {
    const m = pattern.exec(text);
    if (!m) continue;
    return typeof replacement === 'string' ? replacement : replacement(m, translateKo);
  }
  return text;
}

/** Whether a rule knows this text (for tests: every template the model writes has a Korean form). */
export function hasKoreanForm(text: string): boolean {
  return RULES_KO.some(([pattern]) => pattern.test(text));
}
