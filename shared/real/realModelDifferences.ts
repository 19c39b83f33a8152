/**
 * The one table of known differences between NavScope's model and the real Chromium CI
 * installs (Debian's Chromium 156.0.8078.114), for the side-by-side comparison
 * (`navscope compare-real`, the window's "Compare with real Chromium") and the
 * conformance test. Each entry says why, in English and Korean.
 *
 * - `real-only`: Chromium sends it during a navigation and NavScope does not model it. It is
 *   listed beside the journey, not counted among the navigation messages the model must have.
 * - `model-only`: NavScope sends it and Chromium's recording does not.
 * - `order`: both send it, and where it comes in the journey differs for the reason given.
 *
 * A real navigation message that is missing from the model, or comes in another order,
 * and is not listed here, is a difference the conformance test fails on.
 */
export type KnownDifferenceKind = 'real-only' | 'model-only' | 'order';

export interface KnownDifference {
  /** `Interface.Method` (a reply as `Interface.Method (reply)`); `Interface.#` for every unnamed method of an interface. */
  readonly name: string;
  readonly kind: KnownDifferenceKind;
  readonly en: string;
  readonly ko: string;
}

const PLUMBING_EN =
  'Mojo plumbing: it sets up or hands over a pipe, which NavScope’s fixed channels do not need; no step of the journey depends on it.';
const PLUMBING_KO =
  'Mojo 배관 작업: 파이프를 만들거나 넘겨주는 일로, NavScope의 고정된 채널에는 필요 없고 여정의 어느 단계도 이것에 의존하지 않습니다.';

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  // ── Chromium also sends … (not modelled) ──────────────────────────────────────────
  { name: 'URLLoaderFactory.Clone', kind: 'real-only', en: PLUMBING_EN, ko: PLUMBING_KO },
  { name: 'AgentSchedulingGroup.BindAssociatedInterfaces', kind: 'real-only', en: PLUMBING_EN, ko: PLUMBING_KO },
  { name: 'Frame.GetInterfaceProvider', kind: 'real-only', en: PLUMBING_EN, ko: PLUMBING_KO },
  { name: 'LocalFrameHost.GetKeepAliveHandleFactory', kind: 'real-only', en: PLUMBING_EN, ko: PLUMBING_KO },
  { name: 'LocalFrame.BindReportingObserver', kind: 'real-only', en: PLUMBING_EN, ko: PLUMBING_KO },
  {
    name: 'LocalFrame.BindDevToolsAgent',
    kind: 'real-only',
    en: 'Chromium also connects DevTools to the frame: the recorder drives Chromium over the DevTools protocol. NavScope records its trace itself.',
    ko: 'Chromium은 프레임에 DevTools도 연결합니다. 기록기가 DevTools 프로토콜로 Chromium을 조종하기 때문입니다. NavScope는 트레이스를 스스로 기록합니다.',
  },
  {
    name: 'LocalFrame.DispatchPageSwap',
    kind: 'real-only',
    en: 'Chromium also fires the pageswap event (view transitions) in the old document before the new one commits; NavScope models no view transitions.',
    ko: 'Chromium은 새 문서를 커밋하기 전에 이전 문서에서 pageswap 이벤트(뷰 전환)도 발생시킵니다. NavScope는 뷰 전환을 모델링하지 않습니다.',
  },
  {
    name: 'FrameHost.UpdateEncoding',
    kind: 'real-only',
    en: 'Chromium also reports the document’s character encoding to the browser (for the encoding menu); NavScope’s renderer decodes the body but does not report the encoding.',
    ko: 'Chromium은 문서의 문자 인코딩도 브라우저에 알립니다(인코딩 메뉴용). NavScope의 렌더러는 본문을 디코딩하지만 인코딩을 알리지는 않습니다.',
  },
  {
    name: 'LocalFrameHost.NotifyDocumentInteractive',
    kind: 'real-only',
    en: 'Chromium also tells the browser when the document becomes interactive (readyState "interactive", just before DOMContentLoaded); NavScope reports DOMContentLoaded only.',
    ko: 'Chromium은 문서가 상호작용 가능해지는 순간(readyState "interactive", DOMContentLoaded 직전)도 브라우저에 알립니다. NavScope는 DOMContentLoaded만 알립니다.',
  },
  {
    name: 'LocalMainFrame.FinalizeNavigationConfidence',
    kind: 'real-only',
    en: 'Chromium also sends the main frame its navigation confidence (how sure it is that the user meant this navigation, for the Navigation API’s metrics); NavScope keeps no such measure.',
    ko: 'Chromium은 메인 프레임에 내비게이션 신뢰도(사용자가 이 내비게이션을 의도했다고 얼마나 확신하는지, Navigation API 지표용)도 보냅니다. NavScope에는 그런 척도가 없습니다.',
  },
  {
    name: 'LocalFrameHost.DidFocusFrame',
    kind: 'real-only',
    en: 'Chromium also tells the browser which frame has focus; NavScope models no input focus.',
    ko: 'Chromium은 어느 프레임에 포커스가 있는지도 브라우저에 알립니다. NavScope는 입력 포커스를 모델링하지 않습니다.',
  },
  {
    name: 'URLLoaderClient.OnTransferSizeUpdated',
    kind: 'real-only',
    en: 'Chromium also reports how many bytes came over the network while a body streams (for DevTools); NavScope counts them once, in OnComplete.',
    ko: 'Chromium은 본문이 흐르는 동안 네트워크로 받은 바이트 수도 알립니다(DevTools용). NavScope는 OnComplete에서 한 번만 셉니다.',
  },
  {
    name: 'LocalFrameHost.FrameSizeChanged',
    kind: 'real-only',
    en: 'Chromium also reports the frame’s size once it is laid out; NavScope lays out a fixed 1024×768 viewport.',
    ko: 'Chromium은 레이아웃이 끝난 프레임의 크기도 알립니다. NavScope는 고정된 1024×768 뷰포트로 레이아웃합니다.',
  },
  {
    name: 'LocalFrameHost.DidInferColorScheme',
    kind: 'real-only',
    en: 'Chromium also reports the page’s inferred color scheme (light or dark) for the browser’s UI; NavScope models no color schemes.',
    ko: 'Chromium은 브라우저 UI를 위해 페이지의 색 구성(밝게, 어둡게)도 알립니다. NavScope는 색 구성을 모델링하지 않습니다.',
  },
  {
    name: 'LocalFrameHost.OnViewTransitionOptInChanged',
    kind: 'real-only',
    en: 'Chromium also tells the browser whether the page opts into cross-document view transitions; NavScope models none.',
    ko: 'Chromium은 페이지가 문서 간 뷰 전환을 쓰는지도 브라우저에 알립니다. NavScope는 모델링하지 않습니다.',
  },
  {
    name: 'LocalFrameHost.UpdateUserActivationState',
    kind: 'real-only',
    en: 'Chromium also keeps the browser’s copy of the frame’s user activation (a click or key press) up to date; NavScope runs no page input.',
    ko: 'Chromium은 프레임의 사용자 활성화(클릭, 키 입력) 상태를 브라우저 쪽 사본에도 맞춰 둡니다. NavScope는 페이지 입력을 실행하지 않습니다.',
  },
  {
    name: 'LocalMainFrameHost.OnFirstContentfulPaint',
    kind: 'real-only',
    en: 'Chromium also reports the first contentful paint to the browser for its page-load metrics; NavScope reports its first paint once, as DidFirstVisuallyNonEmptyPaint, and shows the paint itself in the renderer’s panels.',
    ko: 'Chromium은 페이지 로드 지표를 위해 첫 콘텐츠 페인트(FCP)도 브라우저에 알립니다. NavScope는 첫 페인트를 DidFirstVisuallyNonEmptyPaint로 한 번 알리고, 페인트 자체는 렌더러 패널에서 보여 줍니다.',
  },
  {
    name: 'Frame.Delete',
    kind: 'real-only',
    en: 'Chromium also deletes the frame it had made ready in the new renderer for a navigation that commits nothing (a download, a 204); NavScope makes the frame only when it commits.',
    ko: 'Chromium은 아무것도 커밋하지 않는 내비게이션(다운로드, 204)을 위해 새 렌더러에 준비해 둔 프레임도 지웁니다. NavScope는 커밋할 때에만 프레임을 만듭니다.',
  },
  {
    name: 'URLLoader.SetPriority',
    kind: 'real-only',
    en: 'Chromium also changes a subresource’s priority while it loads (an image turns out to be in the viewport, or not); NavScope loads every subresource at one priority.',
    ko: 'Chromium은 로드 중인 서브리소스의 우선순위도 바꿉니다(이미지가 화면 안에 있는지 알게 되면). NavScope는 모든 서브리소스를 같은 우선순위로 로드합니다.',
  },
  {
    name: 'LocalFrameHost.#',
    kind: 'real-only',
    en: 'A method of LocalFrameHost newer than NavScope’s name table (its hash is not in the table for this Chromium): it cannot be named, so it cannot be matched.',
    ko: 'NavScope의 이름 표보다 새로운 LocalFrameHost 메서드입니다(이 Chromium의 해시가 표에 없음). 이름을 알 수 없으므로 짝지을 수 없습니다.',
  },
  {
    name: 'LocalMainFrameHost.#',
    kind: 'real-only',
    en: 'A method of LocalMainFrameHost newer than NavScope’s name table: it cannot be named, so it cannot be matched.',
    ko: 'NavScope의 이름 표보다 새로운 LocalMainFrameHost 메서드입니다. 이름을 알 수 없으므로 짝지을 수 없습니다.',
  },
  {
    name: 'LocalMainFrame.#',
    kind: 'real-only',
    en: 'A method of LocalMainFrame newer than NavScope’s name table: it cannot be named, so it cannot be matched.',
    ko: 'NavScope의 이름 표보다 새로운 LocalMainFrame 메서드입니다. 이름을 알 수 없으므로 짝지을 수 없습니다.',
  },
  // ── NavScope models … (only in the model) ─────────────────────────────────────────
  {
    name: 'URLLoaderClient.OnReceiveRedirect',
    kind: 'model-only',
    en: 'NavScope’s omnibox turns a host typed without a scheme into http:// and upgrades it with an internal 307 (HSTS, HTTPS-Upgrades), inside the network service; the recorder hands Chromium the https:// URL. A server’s redirect is in both.',
    ko: 'NavScope의 주소창은 스킴 없이 입력한 호스트를 http://로 만든 뒤 네트워크 서비스 안에서 내부 307(HSTS, HTTPS 업그레이드)로 올립니다. 기록기는 Chromium에 https:// URL을 바로 줍니다. 서버의 리다이렉트는 양쪽 모두에 있습니다.',
  },
  {
    name: 'URLLoader.FollowRedirect',
    kind: 'model-only',
    en: 'The browser’s answer to the internal redirect above; a server’s redirect is followed in both.',
    ko: '위 내부 리다이렉트에 대한 브라우저의 답입니다. 서버의 리다이렉트는 양쪽 모두 따라갑니다.',
  },
  {
    name: 'URLLoader.Cancel',
    kind: 'model-only',
    en: 'NavScope’s own message for closing a loader’s pipe: Chromium closes the pipe and sends nothing.',
    ko: '로더의 파이프를 닫는 NavScope 고유의 메시지입니다. Chromium은 파이프를 닫을 뿐 아무것도 보내지 않습니다.',
  },
  {
    name: 'FrameHost.UpdateState',
    kind: 'order',
    en: 'Chromium’s renderer sends the page state and the commit’s reply on two different pipes, so its browser receives them in either order; NavScope sends the state first, as in the recording the issue was written from.',
    ko: 'Chromium의 렌더러는 페이지 상태와 커밋 답장을 서로 다른 파이프로 보내므로 브라우저가 받는 순서가 바뀔 수 있습니다. NavScope는 이슈를 쓸 때 기록한 것처럼 상태를 먼저 보냅니다.',
  },
  {
    name: 'AgentSchedulingGroup.CreateView',
    kind: 'order',
    en: 'Chromium creates the new renderer’s view as soon as it has a process for the page, sometimes before the request starts, sometimes after (the issue’s recording and NavScope’s runs of Chromium 156 differ); NavScope asks for it when it commits.',
    ko: 'Chromium은 페이지를 맡을 프로세스가 생기는 대로 새 렌더러의 뷰를 만들기 때문에, 요청이 시작되기 전일 때도 있고 뒤일 때도 있습니다(같은 Chromium 156에서도 기록마다 다름). NavScope는 커밋할 때 요청합니다.',
  },
  {
    name: 'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint',
    kind: 'order',
    en: 'NavScope models the first paint inside its renderer and reports it at once; Chromium reports it once the compositor has presented that frame, which headless Chromium does late (after load, or after the recording ends).',
    ko: 'NavScope는 렌더러 안에서 첫 페인트를 모델링하고 바로 알립니다. Chromium은 컴포지터가 그 프레임을 화면에 내보낸 뒤에 알리는데, 헤드리스 Chromium에서는 늦습니다(load 뒤, 또는 기록이 끝난 뒤).',
  },
];

/** The table's entry for a name (`Interface.#hash` names match their interface's `Interface.#` entry). */
export function knownDifference(name: string): KnownDifference | null {
  const exact = KNOWN_DIFFERENCES.find((d) => d.name === name);
  if (exact) return exact;
  const hash = /^([A-Za-z]+)\.#/.exec(name);
  return hash ? (KNOWN_DIFFERENCES.find((d) => d.name === `${hash[1]}.#`) ?? null) : null;
}
