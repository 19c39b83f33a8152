/**
 * Explanations of a real Chromium's navigation phases (the timing spans the waterfall
 * shows for a real trace), in each language. Plain text, rendered as text. Real Mojo
 * messages are explained with NavScope's own explanation of their counterpart
 * (shared/real/modelCounterparts.ts), or said to be not modelled.
 */
import type { RealNavigationPhaseName } from '../../../shared/real/realNavigationPhases';
import type { Explanation } from './explanationTypes';

export interface RealExplanations {
  phases: Record<RealNavigationPhaseName, Explanation>;
}

export const realExplanationsEn: RealExplanations = {
  phases: {
    NavigationRequestToBeginNavigation: {
      title: 'Start navigation (real Chromium)',
      what: 'From the moment the browser’s UI thread creates the NavigationRequest to BeginNavigation. If a page is showing, its renderer first gets to run beforeunload (the trace shows WaitingForRendererResponse while it does); NavScope’s “Start navigation” phase is the same step.',
      why: 'The browser owns the navigation, but the current page may still ask the user to stay, so nothing is fetched before it has answered.',
    },
    BeginNavigationToLoaderStart: {
      title: 'BeginNavigation → loader start',
      what: 'Chromium’s NavigationRequest runs its navigation throttles (WillStartRequest: policies, extensions, Safe Browsing’s start check), decides whether a service worker or a prerendered page could serve the navigation, and creates the NavigationURLLoader that asks the network service for the URL with URLLoaderFactory.CreateLoaderAndStart.',
      why: 'Every check that can cancel or redirect the navigation runs before a single byte is requested, in the trusted browser process.',
    },
    LoaderStartToFetchStart: {
      title: 'Loader start → fetch start',
      what: 'The loader has started; the request reaches the network service, which looks in the HTTP cache and finds or opens a connection. In lab mode Chromium resolves no names: --host-resolver-rules maps each lab host to its loopback address.',
      why: 'Interceptors (service workers, the cache) get their chance before the network is used.',
    },
    FetchStartToReceiveHeaders: {
      title: 'Fetch start → response headers',
      what: 'The network service connects (TCP, TLS) or reuses a connection, sends the request and waits for the response headers: the network steps of NavScope’s “Network” phase. The request’s own row below shows them one by one, read from the trace’s netlog events.',
      why: 'This is usually the longest wait of a navigation: round trips to the server and its own work. Connection reuse and caches shorten it.',
    },
    ReceiveHeadersToReceiveResponse: {
      title: 'Response headers → response delivered',
      what: 'The network service has parsed the headers and hands the response head to the browser’s NavigationURLLoader with URLLoaderClient.OnReceiveResponse, the body following in a data pipe.',
      why: 'The browser, not the renderer, looks at the response first: it decides what to do with it before any renderer sees a byte.',
    },
    ReceiveResponseToCommit: {
      title: 'Response → commit sent',
      what: 'The browser runs its response checks (WillProcessResponse: MIME type, downloads, Safe Browsing), picks the renderer process for the response’s site (a speculative RenderFrameHost may already be waiting) and sends it NavigationClient.CommitNavigation: NavScope’s “Read response” and “Find a renderer process”.',
      why: 'Site isolation is decided from the final response, after redirects, so the process is chosen only now.',
    },
    CommitToDidCommit: {
      title: 'Commit sent → commit acknowledged',
      what: 'From CommitNavigation to its reply, the renderer’s acknowledgement that the new document is committed; only then does the browser update the address bar and session history. There are two rows when the trace records this on two tracks.',
      why: 'Commit means the renderer acknowledged: if it crashed or refused, the old page and URL stay.',
    },
    RendererCommitToDidCommit: {
      title: 'Commit inside the renderer',
      what: 'The part of the commit the renderer itself spends: creating the document, its loader and its frame state before it answers the browser.',
      why: 'It shows how much of the commit round trip is the renderer’s own work rather than message delivery.',
    },
    DidCommitToFinish: {
      title: 'After the commit',
      what: 'From the commit acknowledgement to the end of the NavigationRequest: the browser finishes the navigation (DidFinishNavigation) and tells its observers; the page keeps loading after it.',
      why: 'A navigation ends at commit; loading the page is what happens in the new document afterwards.',
    },
    NavigationCommitSentToParseStart: {
      title: 'Commit sent → parsing starts',
      what: 'A page-load metric: from CommitNavigation to the moment the renderer’s HTML parser starts on the body that streams in from the network service.',
      why: 'The body flows straight from the network service to the renderer through the data pipe the commit handed over.',
    },
    ParseStartToDOMContentLoaded: {
      title: 'Parsing → DOMContentLoaded',
      what: 'A page-load metric: from the start of parsing to DOMContentLoaded, once the document is parsed and its parser-blocking and defer scripts have run (LocalFrameHost.DidDispatchDOMContentLoadedEvent tells the browser).',
      why: 'Scripts that block the parser lengthen this span; that is why async and defer exist.',
    },
    ParseStartToFCP: {
      title: 'Parsing → first contentful paint',
      what: 'A page-load metric: from the start of parsing to the first paint that shows content (text or an image), after the render-blocking stylesheets have arrived.',
      why: 'First contentful paint is when the user first sees the page; render-blocking CSS and slow responses delay it.',
    },
  },
};

export const realExplanationsKo: RealExplanations = {
  phases: {
    NavigationRequestToBeginNavigation: {
      title: '내비게이션 시작 (실제 Chromium)',
      what: '브라우저 UI 스레드가 NavigationRequest를 만든 순간부터 BeginNavigation까지입니다. 페이지가 떠 있으면 그 렌더러가 먼저 beforeunload를 실행합니다(그동안 트레이스에 WaitingForRendererResponse가 보입니다). NavScope의 “내비게이션 시작” 단계와 같은 단계입니다.',
      why: '내비게이션은 브라우저가 주도하지만, 현재 페이지가 사용자에게 머물지 물어볼 수 있으므로 그 답이 오기 전에는 아무것도 가져오지 않습니다.',
    },
    BeginNavigationToLoaderStart: {
      title: 'BeginNavigation → 로더 시작',
      what: 'Chromium의 NavigationRequest가 내비게이션 스로틀(WillStartRequest: 정책, 확장 프로그램, 세이프 브라우징의 시작 검사)을 실행하고, 서비스 워커나 미리 렌더링된 페이지가 처리할 수 있는지 정한 뒤, URLLoaderFactory.CreateLoaderAndStart로 네트워크 서비스에 URL을 요청할 NavigationURLLoader를 만듭니다.',
      why: '내비게이션을 취소하거나 바꿀 수 있는 모든 검사가 한 바이트도 요청하기 전에, 신뢰할 수 있는 브라우저 프로세스에서 실행됩니다.',
    },
    LoaderStartToFetchStart: {
      title: '로더 시작 → 가져오기 시작',
      what: '로더가 시작되었고 요청이 네트워크 서비스에 도착해 HTTP 캐시를 확인하고 연결을 찾거나 엽니다. 랩 모드의 Chromium은 이름을 조회하지 않습니다. --host-resolver-rules가 랩의 호스트를 루프백 주소로 연결합니다.',
      why: '네트워크를 쓰기 전에 가로채는 쪽(서비스 워커, 캐시)이 먼저 처리할 기회를 얻습니다.',
    },
    FetchStartToReceiveHeaders: {
      title: '가져오기 시작 → 응답 헤더',
      what: '네트워크 서비스가 연결(TCP, TLS)하거나 기존 연결을 재사용하고, 요청을 보내 응답 헤더를 기다립니다. NavScope “네트워크” 단계의 네트워크 과정입니다. 아래 요청 행이 트레이스의 netlog 이벤트에서 읽은 각 과정을 보여 줍니다.',
      why: '대개 내비게이션에서 가장 긴 기다림입니다. 서버까지의 왕복과 서버의 작업 시간이 들어 있고, 연결 재사용과 캐시가 이를 줄여 줍니다.',
    },
    ReceiveHeadersToReceiveResponse: {
      title: '응답 헤더 → 응답 전달',
      what: '네트워크 서비스가 헤더를 해석하고 URLLoaderClient.OnReceiveResponse로 응답 헤더를 브라우저의 NavigationURLLoader에 넘깁니다. 본문은 데이터 파이프로 뒤따릅니다.',
      why: '응답을 먼저 보는 것은 렌더러가 아니라 브라우저입니다. 어떤 렌더러도 한 바이트를 보기 전에 처리 방법을 정합니다.',
    },
    ReceiveResponseToCommit: {
      title: '응답 → 커밋 전송',
      what: '브라우저가 응답 검사(WillProcessResponse: MIME 타입, 다운로드, 세이프 브라우징)를 하고, 응답의 사이트에 맞는 렌더러 프로세스를 고른 뒤(추측으로 만든 RenderFrameHost가 기다리고 있을 수도 있습니다) NavigationClient.CommitNavigation을 보냅니다. NavScope의 “응답 읽기”와 “렌더러 프로세스 찾기”입니다.',
      why: '사이트 격리는 리디렉션이 끝난 최종 응답으로 정해지므로 프로세스는 이때에야 고릅니다.',
    },
    CommitToDidCommit: {
      title: '커밋 전송 → 커밋 확인',
      what: 'CommitNavigation부터 그 응답, 즉 새 문서가 커밋되었다는 렌더러의 확인까지입니다. 이때에야 브라우저가 주소창과 세션 기록을 바꿉니다. 트레이스가 두 트랙에 기록하면 행이 두 개입니다.',
      why: '커밋은 렌더러가 확인했다는 뜻입니다. 렌더러가 충돌하거나 거부하면 이전 페이지와 URL이 그대로 남습니다.',
    },
    RendererCommitToDidCommit: {
      title: '렌더러 안의 커밋',
      what: '커밋 중 렌더러 자신이 쓰는 부분입니다. 브라우저에 답하기 전에 문서와 로더, 프레임 상태를 만듭니다.',
      why: '커밋 왕복 중 얼마가 메시지 전달이 아니라 렌더러의 일인지 보여 줍니다.',
    },
    DidCommitToFinish: {
      title: '커밋 이후',
      what: '커밋 확인부터 NavigationRequest가 끝날 때까지입니다. 브라우저가 내비게이션을 마무리하고(DidFinishNavigation) 관찰자들에게 알립니다. 페이지 로드는 그 뒤에도 계속됩니다.',
      why: '내비게이션은 커밋에서 끝나고, 페이지를 불러오는 일은 그 뒤 새 문서에서 일어납니다.',
    },
    NavigationCommitSentToParseStart: {
      title: '커밋 전송 → 파싱 시작',
      what: '페이지 로드 지표입니다. CommitNavigation부터 네트워크 서비스에서 흘러 들어오는 본문을 렌더러의 HTML 파서가 읽기 시작할 때까지입니다.',
      why: '본문은 커밋이 넘겨준 데이터 파이프를 통해 네트워크 서비스에서 렌더러로 곧바로 흐릅니다.',
    },
    ParseStartToDOMContentLoaded: {
      title: '파싱 → DOMContentLoaded',
      what: '페이지 로드 지표입니다. 파싱 시작부터, 문서를 다 읽고 파서를 막는 스크립트와 defer 스크립트가 실행된 뒤의 DOMContentLoaded까지입니다(LocalFrameHost.DidDispatchDOMContentLoadedEvent가 브라우저에 알립니다).',
      why: '파서를 막는 스크립트가 이 구간을 늘립니다. async와 defer가 있는 이유입니다.',
    },
    ParseStartToFCP: {
      title: '파싱 → 첫 콘텐츠 페인트',
      what: '페이지 로드 지표입니다. 파싱 시작부터, 렌더링을 막는 스타일시트가 도착한 뒤 콘텐츠(텍스트나 이미지)를 처음 그린 순간까지입니다.',
      why: '첫 콘텐츠 페인트는 사용자가 페이지를 처음 보는 때입니다. 렌더링을 막는 CSS와 느린 응답이 이를 늦춥니다.',
    },
  },
};
