/**
 * The "In Chromium" note of every message (shared/ipc/messageCatalogue's `chromium`
 * text) in Korean. Mojo interface and method names stay as Chromium spells them.
 */
import type { MessageName } from '../../../shared/ipc/messageCatalogue.js';

export const chromiumNotesKo: Record<MessageName, string> = {
  'URLLoaderFactory.CreateLoaderAndStart':
    'network.mojom.URLLoaderFactory.CreateLoaderAndStart: 네트워크 서비스에 URL 하나를 로드하기 시작하고 결과를 URLLoaderClient에 알려 달라고 요청합니다.',
  'URLLoader.FollowRedirect':
    'network.mojom.URLLoader.FollowRedirect: 클라이언트가 리다이렉트를 받아들이면, 로더가 새 URL에서 계속합니다.',
  'URLLoader.Cancel':
    'network.mojom.URLLoader 파이프를 닫는 것을 나타내는 NavScope 고유의 메시지(Chromium은 메시지 없이 파이프를 닫음): 클라이언트가 더 이상 리소스를 원하지 않으므로 로더가 멈춥니다.',
  'URLLoaderClient.OnReceiveRedirect':
    'network.mojom.URLLoaderClient.OnReceiveRedirect: 서버가 보낸 리다이렉트(301…308)이거나 네트워크 서비스가 스스로 만든 리다이렉트(307 Internal Redirect: HSTS, HTTPS 업그레이드)입니다. 따라갈지는 클라이언트가 정합니다.',
  'URLLoaderClient.OnReceiveResponse':
    'network.mojom.URLLoaderClient.OnReceiveResponse: 응답 헤더가 도착했습니다. 본문은 데이터 파이프로 뒤따릅니다.',
  'DataPipe.Write':
    '응답 본문 바이트를 네트워크 서비스에서 소비자 쪽을 가진 곳으로 나르는 Mojo 데이터 파이프(mojo::DataPipe)입니다. Chromium에서는 메시지가 아니라 공유 메모리이며, NavScope는 지켜볼 수 있도록 조각마다 하나씩 옮기고 데이터 파이프로 표시합니다.',
  'URLLoaderClient.OnComplete':
    'network.mojom.URLLoaderClient.OnComplete: 로드가 끝났습니다. net 오류 코드(성공이면 0)와 바이트 수가 담깁니다.',
  'NetworkContext.ClearHostCache':
    'network.mojom.NetworkContext.ClearHostCache: 캐시된 DNS 응답을 모두 잊습니다. 다음 조회 때는 호스트마다 리졸버에 다시 묻습니다.',
  'NetworkContext.ClearHttpCache':
    'network.mojom.NetworkContext.ClearHttpCache: 저장된 응답을 모두 버립니다. 다음 요청은 URL마다 서버로 갑니다.',
  'NetworkContext.CloseAllConnections':
    'network.mojom.NetworkContext.CloseAllConnections: 쉬고 있는 keep-alive 연결을 모두 닫습니다. 다음 요청은 출처마다 새 연결을 엽니다.',
  'AgentSchedulingGroup.CreateView':
    'content.mojom.AgentSchedulingGroup.CreateView: 브라우저가 렌더러 프로세스에 곧 올 문서를 위한 뷰(페이지)와 메인 프레임을 만들라고 요청합니다.',
  'ChildProcess.ProcessShutdown':
    'content.mojom.ChildProcess.ProcessShutdown: 브라우저가 렌더러 프로세스에 더 이상 필요 없으니 끝나도 된다고 알립니다.',
  'Frame.UpdateSubresourceLoaderFactories':
    'content.mojom.Frame.UpdateSubresourceLoaderFactories: 네트워크 서비스가 비정상 종료되어 다시 시작되었습니다. 렌더러의 이전 URLLoaderFactory는 끊기고(그 위에 열려 있던 로드는 모두 ERR_FAILED로 실패), 새 로드는 새 네트워크 서비스로 갑니다.',
  'ChildProcess.Ping':
    'NavScope 고유의 렌더러 왕복으로, 모든 Mojo 파이프에 있는 인터페이스 제어 메시지(Remote::FlushForTesting)와 비슷합니다. 내비게이션에서는 보내지 않으며, `npm run bench`가 전송 계층의 시간을 잴 때 씁니다.',
  'ChildProcessHost.Pong': 'ChildProcess.Ping에 대한 NavScope 고유의 답으로, 핑을 처리하자마자 보냅니다.',
  'LocalFrame.BeforeUnload':
    'blink.mojom.LocalFrame.BeforeUnload: 문서를 떠나기 전에 브라우저가 렌더러에게 beforeunload 핸들러를 실행할 기회를 줍니다.',
  'LocalFrame.BeforeUnload:reply':
    'blink.mojom.LocalFrame.BeforeUnload의 답장(예전 Chromium의 FrameHostMsg_BeforeUnload_ACK): 내비게이션을 계속해도 되는지 알려 줍니다.',
  'NavigationClient.CommitNavigation':
    'content.mojom.NavigationClient.CommitNavigation: 브라우저가 응답 헤더, 본문 파이프, 로더를 렌더러에 넘기면 렌더러가 새 문서를 커밋합니다.',
  'NavigationClient.CommitFailedNavigation':
    'content.mojom.NavigationClient.CommitFailedNavigation: 실패한 내비게이션도 커밋됩니다. 별도의 오류 페이지 프로세스에 오류 페이지가 커밋되어, 실패한 URL도 방문 기록에 남습니다.',
  'NavigationClient.CommitNavigation:reply':
    'content.mojom.NavigationClient.CommitNavigation의 답장으로 DidCommitProvisionalLoadParams를 담습니다: 렌더러가 커밋했습니다. 이제서야 브라우저가 주소창, 보안 표시, 방문 기록을 바꿉니다. (예전 Chromium은 별도의 FrameHost.DidCommitProvisionalLoad를 보냈습니다.)',
  'NavigationClient.CommitFailedNavigation:reply':
    'content.mojom.NavigationClient.CommitFailedNavigation의 답장으로 DidCommitProvisionalLoadParams를 담습니다: 오류 페이지가 커밋되었고, 실패한 URL이 방문 기록 항목을 얻습니다.',
  'FrameHost.UpdateState':
    'content.mojom.FrameHost.UpdateState: 렌더러가 세션 기록 항목에 쓸 문서의 직렬화된 상태(PageState: URL, 제목, 폼 데이터, 스크롤 위치)를 보내므로, 뒤로 가기로 되살릴 수 있습니다.',
  'LocalFrameHost.UpdateTitle':
    'blink.mojom.LocalFrameHost.UpdateTitle: 문서에 제목이 생겼습니다. 브라우저가 탭에 보여 줍니다.',
  'FrameHost.SubresourceResponseStarted':
    'content.mojom.FrameHost.SubresourceResponseStarted: 렌더러가 서브리소스 응답이 시작되었다고 브라우저에 알립니다(보안 상태에 쓰임).',
  'FrameHost.ResourceLoadComplete':
    'content.mojom.FrameHost.ResourceLoadComplete: 서브리소스 하나의 로드가 끝났습니다(또는 실패했습니다). 브라우저는 페이지의 리소스 타이밍과 DevTools 보기에 씁니다.',
  'LocalFrameHost.DidDispatchDOMContentLoadedEvent':
    'blink.mojom.LocalFrameHost.DidDispatchDOMContentLoadedEvent: 파서가 끝나고 DOMContentLoaded가 발생했습니다.',
  'LocalFrameHost.DocumentOnLoadCompleted':
    'blink.mojom.LocalFrameHost.DocumentOnLoadCompleted: 메인 프레임에서 load 이벤트가 발생했습니다.',
  'LocalFrameHost.DidFinishLoad':
    'blink.mojom.LocalFrameHost.DidFinishLoad: 프레임과 모든 서브리소스의 로딩이 끝났습니다.',
  'LocalFrameHost.DidFailLoadWithError':
    'blink.mojom.LocalFrameHost.DidFailLoadWithError: 커밋된 문서의 본문 자체가 실패했습니다(연결 재설정, 본문이 잘림 등). 페이지는 도착한 만큼만 보여 주며, DidFinishLoad 대신 이 메시지가 갑니다.',
  'LocalFrameHost.DidChangeLoadProgress':
    'blink.mojom.LocalFrameHost.DidChangeLoadProgress: 프레임이 얼마나 로드되었는지(커밋 때 0.1, 끝나면 1.0) 알립니다. 탭의 진행 막대가 이를 따릅니다.',
  'LocalFrameHost.MainDocumentElementAvailable':
    'blink.mojom.LocalFrameHost.MainDocumentElementAvailable: 파서가 문서의 <html> 요소를 만들었습니다. 브라우저는 이제 그것을 기다리던 스크립트와 스타일을 넣을 수 있습니다.',
  'LocalFrameHost.UpdateFaviconURL':
    'blink.mojom.LocalFrameHost.UpdateFaviconURL: 문서의 아이콘 링크(없으면 기본 /favicon.ico)입니다. 브라우저가 탭 아이콘을 가져옵니다.',
  'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint':
    'blink.mojom.LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint: 메인 프레임이 보여 줄 만한 것(텍스트, 이미지)을 그렸습니다. 브라우저는 이전 페이지를 보여 주던 것을 멈춥니다.',
  'FrameHost.DidStopLoading':
    'content.mojom.FrameHost.DidStopLoading: 프레임의 로딩이 멈췄습니다. 탭의 스피너가 멈춥니다.',
  'AgentSchedulingGroup.CreateFrame':
    'content.mojom.AgentSchedulingGroup.CreateFrame: 브라우저가 렌더러 프로세스에, 다른 프로세스가 보여 주는 페이지 안에 들어갈 그 사이트의 iframe 문서를 위한 프레임을 만들라고 요청합니다(프로세스 외부 iframe).',
  'FrameHost.CreateChildFrame':
    'content.mojom.FrameHost.CreateChildFrame: 파서가 iframe 요소를 넣었습니다. 렌더러가 그 로컬 프레임(처음의 빈 문서)을 만들고, 브라우저에 FrameTreeNode를 추가해 달라고 요청합니다.',
  'FrameHost.BeginNavigation':
    'content.mojom.FrameHost.BeginNavigation: 렌더러가 시작한 내비게이션입니다(여기서는 iframe이 src를 로드). 브라우저가 그 프레임의 NavigationRequest로 실행합니다.',
  'Frame.Unload':
    'content.mojom.Frame.Unload: 프레임의 문서가 이제 다른 프로세스에 있습니다. 이 프로세스는 로컬 프레임을 그 프레임을 대신하는 RenderFrameProxy(RemoteFrame)로 바꿉니다.',
  'RemoteFrame.DidStopLoading':
    'blink.mojom.RemoteFrame.DidStopLoading: 자식 프레임의 로딩이 멈췄습니다(다른 프로세스에서, 또는 문서 없이). 부모 문서의 load는 더 이상 기다리지 않습니다.',
  'Frame.Delete':
    'content.mojom.Frame.Delete: 프레임이 프레임 트리에서 사라졌습니다(탭이 닫힘). 렌더러는 그 문서를 버립니다.',
};
