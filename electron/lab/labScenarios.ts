/**
 * Ready-made inputs for the lab: each one, typed into the omnibox, walks one
 * branch of the navigation journey. Plain data (it travels in LabConfig).
 */

export interface LabScenario {
  /** Stable identifier (kebab-case). */
  id: string;
  /** What the user types into the omnibox. */
  input: string;
  title: { en: string; ko: string };
  /** What it demonstrates, in one or two sentences. */
  description: { en: string; ko: string };
}

export const LAB_SCENARIOS: LabScenario[] = [
  {
    id: 'typed-naver',
    input: 'www.naver.com',
    title: { en: 'Typed host name', ko: '호스트 이름 입력' },
    description: {
      en: 'A host name without a scheme becomes http://www.naver.com/: a full DNS resolution from the root, a TCP connection and one page with its subresources.',
      ko: '스킴 없이 입력한 호스트 이름은 http://www.naver.com/이 됩니다. 루트부터 시작하는 DNS 조회, TCP 연결, 하위 리소스가 딸린 페이지 하나를 보여 줍니다.',
    },
  },
  {
    id: 'hsts-preload',
    input: 'www.google.com',
    title: { en: 'HSTS preload list', ko: 'HSTS 사전 목록' },
    description: {
      en: 'www.google.com is covered by the built-in HSTS preload list (google.com with includeSubDomains), so the network service turns http:// into https:// with an internal 307 before any DNS. In Chromium’s own list google.com is there for key pinning; NavScope’s copy marks it force-https for this classic case and says so.',
      ko: 'www.google.com은 내장 HSTS 사전 목록(includeSubDomains가 붙은 google.com)에 해당하므로, 네트워크 서비스가 DNS 전에 내부 307로 http://를 https://로 바꿉니다. Chromium의 실제 목록에서 google.com은 키 고정 용도로 올라 있으며, NavScope의 목록은 이 고전적인 예를 보여 주려고 force-https로 표시했고 그 사실을 밝혀 둡니다.',
    },
  },
  {
    id: 'hsts-learned',
    input: 'https://www.naver.com/hsts',
    title: { en: 'HSTS learned from a header', ko: '헤더로 배우는 HSTS' },
    description: {
      en: 'The HTTPS response carries Strict-Transport-Security; afterwards the browser upgrades every http://www.naver.com URL to https:// by itself.',
      ko: 'HTTPS 응답에 Strict-Transport-Security 헤더가 실려 옵니다. 그 뒤로 브라우저는 http://www.naver.com 주소를 스스로 https://로 바꿉니다.',
    },
  },
  {
    id: 'same-site-redirect',
    input: 'naver.com',
    title: { en: 'Same-site redirect', ko: '동일 사이트 리디렉션' },
    description: {
      en: 'naver.com answers 301 Moved Permanently to www.naver.com: the navigation follows the redirect and stays on the same site.',
      ko: 'naver.com이 301 Moved Permanently로 www.naver.com을 알려 줍니다. 내비게이션은 리디렉션을 따라가며 같은 사이트에 머무릅니다.',
    },
  },
  {
    id: 'cross-site-redirect',
    input: 'http://www.naver.com/go/google',
    title: { en: 'Cross-site redirect', ko: '교차 사이트 리디렉션' },
    description: {
      en: 'A 302 from www.naver.com to www.google.com: the destination is another site, so the page may need a different renderer process.',
      ko: 'www.naver.com이 302로 www.google.com을 가리킵니다. 도착지가 다른 사이트이므로 다른 렌더러 프로세스가 필요할 수 있습니다.',
    },
  },
  {
    id: 'search-query',
    input: 'what is dns',
    title: { en: 'Search query', ko: '검색어 입력' },
    description: {
      en: "Text with spaces is not a URL: the omnibox sends it to the default search engine (the lab's www.google.com/search).",
      ko: '공백이 있는 텍스트는 URL이 아닙니다. 주소창은 이를 기본 검색 엔진(실험실의 www.google.com/search)으로 보냅니다.',
    },
  },
  {
    id: 'unknown-input',
    input: 'naver',
    title: { en: 'Ambiguous single word', ko: '애매한 한 단어' },
    description: {
      en: 'A single word could be an intranet host or a search: the omnibox classifies it as UNKNOWN and searches, as Chrome does by default.',
      ko: '한 단어는 사내 호스트일 수도, 검색어일 수도 있습니다. 주소창은 이를 UNKNOWN으로 분류하고 Chrome의 기본 동작처럼 검색합니다.',
    },
  },
  {
    id: 'cname-chain',
    input: 'cname.naver.com',
    title: { en: 'CNAME chain', ko: 'CNAME 체인' },
    description: {
      en: 'cname.naver.com is an alias of alias1.naver.com, itself an alias of www.naver.com: one answer carries the whole chain of CNAME records and the final A record.',
      ko: 'cname.naver.com은 alias1.naver.com의 별칭이고, 그것은 다시 www.naver.com의 별칭입니다. 하나의 응답에 CNAME 레코드 체인과 마지막 A 레코드가 함께 담깁니다.',
    },
  },
  {
    id: 'glueless-delegation',
    input: 'www.glueless-lab.com',
    title: { en: 'Glueless delegation', ko: '글루 없는 위임' },
    description: {
      en: 'The com servers name ns.lab-dns.net as the name server but give no address for it, so the resolver pauses to resolve that name first.',
      ko: 'com 서버는 네임서버로 ns.lab-dns.net을 알려 주지만 주소(글루)는 주지 않습니다. 그래서 리졸버는 먼저 그 이름부터 조회합니다.',
    },
  },
  {
    id: 'nxdomain',
    input: 'www.no-such-site-lab.com',
    title: { en: 'Name does not exist (NXDOMAIN)', ko: '존재하지 않는 이름(NXDOMAIN)' },
    description: {
      en: 'The com servers answer NXDOMAIN with their SOA record: the name does not exist, and the navigation fails with ERR_NAME_NOT_RESOLVED.',
      ko: 'com 서버가 SOA 레코드와 함께 NXDOMAIN으로 답합니다. 이름이 존재하지 않으므로 내비게이션은 ERR_NAME_NOT_RESOLVED로 실패합니다.',
    },
  },
  {
    id: 'servfail',
    input: 'servfail.naver.com',
    title: { en: 'Server failure (SERVFAIL)', ko: '서버 오류(SERVFAIL)' },
    description: {
      en: 'The naver.com name server answers SERVFAIL: it cannot give an answer, which is different from saying the name does not exist.',
      ko: 'naver.com 네임서버가 SERVFAIL로 답합니다. 이름이 없다는 뜻이 아니라 답을 줄 수 없다는 뜻입니다.',
    },
  },
  {
    id: 'dns-timeout',
    input: 'silent.naver.com',
    title: { en: 'DNS timeout with retry', ko: 'DNS 시간 초과와 재시도' },
    description: {
      en: 'The naver.com name server never answers this name: the resolver waits, retries the query, and finally gives up.',
      ko: 'naver.com 네임서버가 이 이름에는 끝내 답하지 않습니다. 리졸버는 기다렸다가 질의를 다시 보내고, 결국 포기합니다.',
    },
  },
  {
    id: 'connection-refused',
    input: 'refused.naver.com',
    title: { en: 'Connection refused', ko: '연결 거부' },
    description: {
      en: 'The name resolves, but nothing listens at that address: the TCP connection attempt is refused (ERR_CONNECTION_REFUSED).',
      ko: '이름은 조회되지만 그 주소에서 기다리는 서버가 없습니다. TCP 연결 시도가 거부됩니다(ERR_CONNECTION_REFUSED).',
    },
  },
  {
    id: 'slow-server',
    input: 'http://www.naver.com/slow-head',
    title: { en: 'Slow server', ko: '느린 서버' },
    description: {
      en: 'The server accepts the request and then sends nothing for a minute: the browser waits for the response head until its timeout fires.',
      ko: '서버가 요청을 받고는 1분 동안 아무것도 보내지 않습니다. 브라우저는 시간 제한에 걸릴 때까지 응답 헤더를 기다립니다.',
    },
  },
  {
    id: 'cert-expired',
    input: 'https://expired.badssl-lab.com/',
    title: { en: 'Expired certificate', ko: '만료된 인증서' },
    description: {
      en: "The server's certificate was issued by the lab CA but its validity has ended: the TLS handshake is rejected with a date error.",
      ko: '서버 인증서는 실험실 CA가 발급했지만 유효 기간이 지났습니다. TLS 핸드셰이크가 날짜 오류로 거부됩니다.',
    },
  },
  {
    id: 'cert-wrong-host',
    input: 'https://wrong-host.badssl-lab.com/',
    title: { en: 'Certificate for another host', ko: '다른 호스트의 인증서' },
    description: {
      en: 'The certificate is valid but names some-other-host.badssl-lab.com only: it does not match the host the browser asked for.',
      ko: '인증서 자체는 유효하지만 some-other-host.badssl-lab.com 만을 위한 것입니다. 브라우저가 요청한 호스트와 일치하지 않습니다.',
    },
  },
  {
    id: 'cert-untrusted-root',
    input: 'https://untrusted-root.badssl-lab.com/',
    title: { en: 'Untrusted root', ko: '신뢰할 수 없는 루트' },
    description: {
      en: 'The certificate chains to a throwaway root CA that the browser does not trust, so the authority is invalid.',
      ko: '인증서가 브라우저가 신뢰하지 않는 임시 루트 CA로 이어집니다. 따라서 발급 기관이 유효하지 않습니다.',
    },
  },
  {
    id: 'redirect-loop',
    input: 'http://www.naver.com/loop',
    title: { en: 'Redirect loop', ko: '리디렉션 루프' },
    description: {
      en: '/loop redirects to /loop2, which redirects back to /loop: the browser gives up after too many redirects (ERR_TOO_MANY_REDIRECTS).',
      ko: '/loop는 /loop2로, /loop2는 다시 /loop로 리디렉션합니다. 브라우저는 리디렉션이 너무 많으면 포기합니다(ERR_TOO_MANY_REDIRECTS).',
    },
  },
  {
    id: 'cookie-set',
    input: 'http://www.naver.com/cookie/set',
    title: { en: 'Cookies set', ko: '쿠키 설정' },
    description: {
      en: 'The response sets two cookies with Set-Cookie: an HttpOnly session cookie and a persistent one with Max-Age. Run the next scenario to see them sent back.',
      ko: '응답이 Set-Cookie로 쿠키 두 개를 설정합니다. HttpOnly 세션 쿠키와 Max-Age가 있는 영구 쿠키입니다. 다음 시나리오에서 쿠키가 되돌아가는 모습을 볼 수 있습니다.',
    },
  },
  {
    id: 'cookie-show',
    input: 'http://www.naver.com/cookie/show',
    title: { en: 'Cookies sent back', ko: '되돌려 보내는 쿠키' },
    description: {
      en: 'After the previous scenario, the request carries a Cookie header and the page lists what the server received.',
      ko: '이전 시나리오를 실행한 뒤에는 요청에 Cookie 헤더가 실리고, 페이지에 서버가 받은 쿠키가 나열됩니다.',
    },
  },
  {
    id: 'http-cache',
    input: 'http://www.naver.com/cached/page',
    title: { en: 'HTTP cache (visit twice)', ko: 'HTTP 캐시(두 번 방문)' },
    description: {
      en: 'Visit twice: the second time the script is fresh in the cache, while the stylesheet and image are revalidated and answered 304 Not Modified.',
      ko: '두 번 방문해 보세요. 두 번째에는 스크립트를 캐시에서 바로 쓰고, 스타일시트와 이미지는 재검증하여 304 Not Modified로 응답받습니다.',
    },
  },
  {
    id: 'gzip',
    input: 'http://www.naver.com/gzip',
    title: { en: 'gzip content encoding', ko: 'gzip 콘텐츠 인코딩' },
    description: {
      en: 'The HTML arrives compressed with Content-Encoding: gzip; the network stack decodes it before the renderer sees it.',
      ko: 'HTML이 Content-Encoding: gzip으로 압축되어 도착합니다. 네트워크 스택이 렌더러에 넘기기 전에 압축을 풉니다.',
    },
  },
  {
    id: 'brotli',
    input: 'http://www.naver.com/br',
    title: { en: 'Brotli content encoding', ko: 'Brotli 콘텐츠 인코딩' },
    description: {
      en: 'The same idea with Content-Encoding: br (Brotli), which usually compresses text better than gzip.',
      ko: '같은 방식이지만 Content-Encoding: br(Brotli)을 씁니다. 보통 텍스트를 gzip보다 더 작게 압축합니다.',
    },
  },
  {
    id: 'chunked',
    input: 'http://www.naver.com/chunked',
    title: { en: 'Chunked transfer', ko: '청크 전송' },
    description: {
      en: 'The response has no Content-Length: the body arrives in several chunks with Transfer-Encoding: chunked, and the renderer can start before the end.',
      ko: '응답에 Content-Length가 없습니다. 본문이 Transfer-Encoding: chunked로 여러 조각에 나뉘어 도착하며, 렌더러는 끝나기 전에 처리를 시작할 수 있습니다.',
    },
  },
  {
    id: 'status-404',
    input: 'http://www.naver.com/status/404',
    title: { en: '404 Not Found', ko: '404 Not Found' },
    description: {
      en: "The server answers 404 with an HTML body: the navigation still commits and shows the server's error page.",
      ko: '서버가 HTML 본문과 함께 404로 답합니다. 내비게이션은 그대로 커밋되어 서버의 오류 페이지를 보여 줍니다.',
    },
  },
  {
    id: 'status-500',
    input: 'http://www.naver.com/status/500',
    title: { en: '500 Internal Server Error', ko: '500 Internal Server Error' },
    description: {
      en: 'The server reports its own failure with 500; like a 404, the error page it sends is displayed.',
      ko: '서버가 500으로 자신의 오류를 알립니다. 404와 마찬가지로 서버가 보낸 오류 페이지가 표시됩니다.',
    },
  },
  {
    id: 'status-204',
    input: 'http://www.naver.com/status/204',
    title: { en: '204 No Content', ko: '204 No Content' },
    description: {
      en: 'A 204 response has no body: the navigation does not commit and the current page stays.',
      ko: '204 응답에는 본문이 없습니다. 내비게이션은 커밋되지 않고 현재 페이지가 그대로 남습니다.',
    },
  },
  {
    id: 'status-205',
    input: 'http://www.naver.com/status/205',
    title: { en: '205 Reset Content', ko: '205 Reset Content' },
    description: {
      en: 'A 205 response also has no body (Content-Length: 0): like a 204, the navigation does not commit and the current page stays.',
      ko: '205 응답에도 본문이 없습니다(Content-Length: 0). 204와 마찬가지로 내비게이션은 커밋되지 않고 현재 페이지가 그대로 남습니다.',
    },
  },
  {
    id: 'download-zip',
    input: 'http://www.naver.com/download/report.zip',
    title: { en: 'Download: ZIP archive', ko: '다운로드: ZIP 압축 파일' },
    description: {
      en: 'The response is a real ZIP archive sent as application/zip with Content-Disposition: attachment, so the browser hands it to the download manager instead of a renderer; the navigation does not commit.',
      ko: '응답은 application/zip과 Content-Disposition: attachment로 보낸 실제 ZIP 압축 파일입니다. 브라우저는 이를 렌더러가 아닌 다운로드 관리자에게 넘기며, 내비게이션은 커밋되지 않습니다.',
    },
  },
  {
    id: 'download-progress',
    input: 'http://www.naver.com/download/data.bin',
    title: { en: 'Download with progress', ko: '진행률이 보이는 다운로드' },
    description: {
      en: '200 KB of application/octet-stream without Content-Disposition: no renderer can show that type, so it becomes a download. The body arrives in pieces a few milliseconds apart, with a Content-Length, so the progress is visible.',
      ko: 'Content-Disposition이 없는 200 KB의 application/octet-stream입니다. 이 형식을 보여 줄 렌더러가 없으므로 다운로드가 됩니다. 본문은 Content-Length와 함께 몇 밀리초 간격으로 나뉘어 도착하므로 진행률을 볼 수 있습니다.',
    },
  },
  {
    id: 'sniff-no-content-type',
    input: 'http://www.naver.com/mime/no-content-type',
    title: { en: 'No Content-Type: sniffed as HTML', ko: 'Content-Type 없음: HTML로 판별' },
    description: {
      en: 'The response has no Content-Type header at all. The browser sniffs the first bytes, finds <!DOCTYPE HTML and renders the page as text/html.',
      ko: '응답에 Content-Type 헤더가 전혀 없습니다. 브라우저는 앞부분 바이트를 살펴(스니핑) <!DOCTYPE HTML을 찾아내고, 페이지를 text/html로 렌더링합니다.',
    },
  },
  {
    id: 'sniff-unknown-type',
    input: 'http://www.naver.com/mime/unknown-type',
    title: { en: 'unknown/unknown: sniffed as HTML', ko: 'unknown/unknown: HTML로 판별' },
    description: {
      en: 'Content-Type: unknown/unknown means the server does not know the type; the browser treats it like a missing type, sniffs and renders HTML.',
      ko: 'Content-Type: unknown/unknown은 서버가 형식을 모른다는 뜻입니다. 브라우저는 형식이 없는 경우처럼 스니핑하여 HTML로 렌더링합니다.',
    },
  },
  {
    id: 'sniff-binary-as-text',
    input: 'http://www.naver.com/mime/binary-as-text',
    title: { en: 'Binary served as text/plain', ko: 'text/plain으로 보낸 바이너리' },
    description: {
      en: 'Binary bytes are served as text/plain. For text/plain the browser only checks text against binary: it finds control bytes, so the type becomes application/octet-stream and the response is downloaded.',
      ko: '바이너리 바이트를 text/plain으로 보냅니다. text/plain에 대해 브라우저는 텍스트인지 바이너리인지만 확인합니다. 제어 바이트가 있으므로 형식은 application/octet-stream이 되고 응답은 다운로드됩니다.',
    },
  },
  {
    id: 'nosniff',
    input: 'http://www.naver.com/mime/nosniff-mislabeled',
    title: { en: 'nosniff: HTML shown as text', ko: 'nosniff: 텍스트로 보이는 HTML' },
    description: {
      en: 'An HTML document served as text/plain with X-Content-Type-Options: nosniff: the browser takes the type as given and shows the markup as plain text.',
      ko: 'HTML 문서를 X-Content-Type-Options: nosniff와 함께 text/plain으로 보냅니다. 브라우저는 주어진 형식을 그대로 따르며 마크업을 일반 텍스트로 보여 줍니다.',
    },
  },
  {
    id: 'sniff-png',
    input: 'http://www.naver.com/mime/png-no-type',
    title: { en: 'PNG without Content-Type', ko: 'Content-Type 없는 PNG' },
    description: {
      en: 'A PNG image is sent without Content-Type: its 8-byte signature identifies it as image/png, and the browser shows it as an image document.',
      ko: 'PNG 이미지를 Content-Type 없이 보냅니다. 8바이트 시그니처로 image/png 임을 알아내며, 브라우저는 이를 이미지 문서로 보여 줍니다.',
    },
  },
  {
    id: 'safebrowsing-malware',
    input: 'http://malware.testsafebrowsing-lab.com/',
    title: { en: 'Safe Browsing: malware', ko: '세이프 브라우징: 악성 소프트웨어' },
    description: {
      en: "The host is on the lab's MALWARE list: the browser hashes the URL's expressions, finds a matching 4-byte prefix, confirms the full SHA-256 hash and shows a warning instead of the page. The page itself is harmless.",
      ko: '이 호스트는 실험실의 MALWARE 목록에 있습니다. 브라우저는 URL의 표현식을 해시하고, 일치하는 4바이트 접두어를 찾고, 전체 SHA-256 해시로 확인한 뒤 페이지 대신 경고를 보여 줍니다. 페이지 자체는 무해합니다.',
    },
  },
  {
    id: 'safebrowsing-phishing',
    input: 'http://phishing.testsafebrowsing-lab.com/',
    title: { en: 'Safe Browsing: phishing', ko: '세이프 브라우징: 피싱' },
    description: {
      en: "The host is on the lab's SOCIAL_ENGINEERING list, so the warning is a deceptive-site warning. The page behind it is a harmless stand-in.",
      ko: '이 호스트는 실험실의 SOCIAL_ENGINEERING 목록에 있으므로 경고는 사기성 사이트 경고입니다. 그 뒤의 페이지는 무해한 대역입니다.',
    },
  },
  {
    id: 'safebrowsing-path-prefix',
    input: 'http://www.naver.com/unsafe/payload.html',
    title: { en: 'Safe Browsing: listed path on a good site', ko: '세이프 브라우징: 정상 사이트의 등록된 경로' },
    description: {
      en: "The MALWARE list holds www.naver.com/unsafe/, not the whole host: of the URL's host-and-path expressions only that path prefix matches, so this page is flagged while the rest of www.naver.com is not.",
      ko: 'MALWARE 목록에는 호스트 전체가 아니라 www.naver.com/unsafe/가 있습니다. URL의 호스트·경로 표현식 가운데 그 경로 접두어만 일치하므로, 이 페이지는 경고 대상이 되지만 www.naver.com의 나머지는 그렇지 않습니다.',
    },
  },
  {
    id: 'markup-title',
    input: 'http://www.naver.com/escape',
    title: { en: 'Markup in the page title', ko: '페이지 제목 속 마크업' },
    description: {
      en: "The page's title is HTML markup: NavScope must show it as plain text everywhere, never run it.",
      ko: '페이지 제목이 HTML 마크업입니다. NavScope는 이를 어디서나 일반 텍스트로 보여 주어야 하며, 절대 실행해서는 안 됩니다.',
    },
  },
  {
    id: 'render-scripts',
    input: 'http://www.naver.com/render/scripts',
    title: { en: 'Script timing: blocking, async, defer, module', ko: '스크립트 실행 순서: 차단, async, defer, 모듈' },
    description: {
      en: 'A parser-blocking script, two async scripts, two defer scripts and a module script, each served after its own delay. The blocking script pauses the parser; async-fast and then async-slow run as they arrive; after parsing, defer-1, defer-2 and the module run in document order even though defer-2 arrives first, and only then comes DOMContentLoaded.',
      ko: '파서를 멈추는 스크립트 하나, async 스크립트 두 개, defer 스크립트 두 개, 모듈 스크립트 하나가 각자 다른 지연 뒤에 도착합니다. 차단 스크립트는 파서를 멈추게 하고, async-fast와 async-slow는 도착하는 대로 실행됩니다. 파싱이 끝나면 defer-1, defer-2, 모듈이 문서 순서대로 실행되며, defer-2가 먼저 도착해도 순서는 바뀌지 않습니다. 그다음에 DOMContentLoaded가 발생합니다.',
    },
  },
  {
    id: 'render-corb',
    input: 'http://www.naver.com/render/corb',
    title: { en: 'Cross-Origin Read Blocking (CORB)', ko: '교차 출처 읽기 차단(CORB)' },
    description: {
      en: "A www.naver.com page embeds resources from www.google.com as images and scripts. JSON, a response behind the )]}' parser breaker and a script mislabeled text/plain with nosniff are kept out of the renderer; a real image, a real script and same-origin JSON are allowed.",
      ko: "www.naver.com 페이지가 www.google.com의 리소스를 이미지와 스크립트로 불러옵니다. JSON, )]}' 파서 차단 문자열로 시작하는 응답, nosniff와 함께 text/plain으로 잘못 표시된 스크립트는 렌더러에 전달되지 않습니다. 진짜 이미지와 스크립트, 같은 출처의 JSON은 허용됩니다.",
    },
  },
  {
    id: 'render-display',
    input: 'http://www.naver.com/render/display',
    title: { en: 'Render tree and layout', ko: '렌더 트리와 레이아웃' },
    description: {
      en: 'Elements hidden with display:none (an inline style, a class from the stylesheet, the hidden attribute) stay out of the render tree, while a visibility:hidden one keeps its space. Nested boxes with margins and padding, inline elements and a sized image show where layout puts each box.',
      ko: 'display:none으로 숨긴 요소(인라인 스타일, 스타일시트의 클래스, hidden 속성)는 렌더 트리에 들어가지 않지만, visibility:hidden 요소는 자리를 그대로 차지합니다. 바깥 여백과 안쪽 여백이 있는 중첩 상자, 인라인 요소, 크기가 정해진 이미지로 레이아웃이 각 상자를 어디에 놓는지 보여 줍니다.',
    },
  },
  {
    id: 'render-slow-css',
    input: 'http://www.naver.com/render/slow-css',
    title: { en: 'Render-blocking stylesheet', ko: '렌더링을 막는 스타일시트' },
    description: {
      en: 'The head links a stylesheet the server sends after 400 ms. Stylesheets block rendering, not parsing: the parser keeps going, but nothing is painted until the stylesheet has arrived.',
      ko: '페이지의 head가 서버에서 400 ms 뒤에 도착하는 스타일시트를 불러옵니다. 스타일시트는 파싱이 아니라 렌더링을 막습니다. 파서는 계속 진행하지만, 스타일시트가 도착할 때까지 아무것도 그려지지 않습니다.',
    },
  },
  {
    id: 'fault-dns-malformed',
    input: 'malformed.naver.com',
    title: { en: 'DNS answer that does not decode', ko: '해석되지 않는 DNS 응답' },
    description: {
      en: 'The naver.com name server answers this name with bytes that are not a DNS message. The resolver ignores them (a forged answer looks the same), keeps waiting, retries, and the lookup times out: ERR_NAME_NOT_RESOLVED, with every ignored datagram in the DNS panel.',
      ko: 'naver.com 네임서버가 이 이름에 DNS 메시지가 아닌 바이트로 답합니다. 리졸버는 이를 무시하고(위조된 응답도 똑같이 보입니다) 계속 기다리다 재시도하고, 결국 시간 초과로 끝납니다. ERR_NAME_NOT_RESOLVED이며, 무시한 데이터그램은 모두 DNS 패널에 나옵니다.',
    },
  },
  {
    id: 'fault-dns-wrong-id',
    input: 'wrong-id.naver.com',
    title: { en: 'DNS answer with the wrong transaction id', ko: '트랜잭션 ID가 틀린 DNS 응답' },
    description: {
      en: 'The answer is correct except for its transaction id, which the resolver never sent. Accepting it would let anyone poison the cache by guessing, so it is ignored like a forged answer; the lookup times out.',
      ko: '응답 내용은 맞지만 트랜잭션 ID가 리졸버가 보낸 적 없는 값입니다. 이런 응답을 받아들이면 누구나 추측만으로 캐시를 오염시킬 수 있으므로 위조된 응답처럼 무시하고, 조회는 시간 초과로 끝납니다.',
    },
  },
  {
    id: 'fault-dns-referral-loop',
    input: 'loop.naver.com',
    title: { en: 'DNS referral loop', ko: 'DNS 위임 루프' },
    description: {
      en: 'The naver.com name server refers loop.naver.com back to itself, again and again. The resolver counts referrals and gives up after 16: ERR_NAME_NOT_RESOLVED (referral loop).',
      ko: 'naver.com 네임서버가 loop.naver.com을 계속 자기 자신에게 다시 위임합니다. 리졸버는 위임 횟수를 세다가 16번을 넘으면 포기합니다. ERR_NAME_NOT_RESOLVED(위임 루프)입니다.',
    },
  },
  {
    id: 'fault-dns-truncated',
    input: 'truncated.naver.com',
    title: { en: 'Truncated DNS answer', ko: '잘린 DNS 응답' },
    description: {
      en: 'The answer comes back with the TC (truncated) bit set and no records: the full answer would need DNS over TCP, which this resolver does not implement, so the lookup fails with ERR_DNS_MALFORMED_RESPONSE.',
      ko: '응답에 TC(잘림) 비트가 켜져 있고 레코드가 없습니다. 전체 응답을 받으려면 TCP로 DNS를 다시 물어야 하는데 이 리졸버는 그것을 구현하지 않으므로 ERR_DNS_MALFORMED_RESPONSE로 실패합니다.',
    },
  },
  {
    id: 'fault-http-garbage-status',
    input: 'http://www.naver.com/fault/garbage-status',
    title: { en: 'Garbage status line', ko: '엉터리 상태 줄' },
    description: {
      en: 'The server answers "HTTP/1.1 2OO 0K": letters where the status code belongs. The response cannot be parsed, so the navigation fails with ERR_INVALID_HTTP_RESPONSE and an error page.',
      ko: '서버가 "HTTP/1.1 2OO 0K"로 답합니다. 상태 코드 자리에 숫자가 아닌 문자가 있습니다. 응답을 해석할 수 없으므로 내비게이션은 ERR_INVALID_HTTP_RESPONSE와 오류 페이지로 끝납니다.',
    },
  },
  {
    id: 'fault-http-huge-header',
    input: 'http://www.naver.com/fault/huge-header',
    title: { en: 'Response head over 256 KB', ko: '256 KB가 넘는 응답 헤더' },
    description: {
      en: 'One header of 300 KB. A browser stops reading a response head at 256 KB rather than buffering whatever a server sends: ERR_RESPONSE_HEADERS_TOO_BIG.',
      ko: '헤더 하나가 300 KB입니다. 브라우저는 서버가 보내는 것을 한없이 쌓아 두지 않고 응답 헤더를 256 KB에서 끊습니다. ERR_RESPONSE_HEADERS_TOO_BIG입니다.',
    },
  },
  {
    id: 'fault-http-broken-chunked',
    input: 'http://www.naver.com/fault/broken-chunked',
    title: { en: 'Broken chunked encoding', ko: '깨진 청크 인코딩' },
    description: {
      en: 'After one good chunk the server sends "ZZ" where a hexadecimal chunk size must be. The body framing is broken: ERR_INVALID_CHUNKED_ENCODING.',
      ko: '정상적인 청크 하나 뒤에, 16진수 청크 크기가 와야 할 자리에 "ZZ"를 보냅니다. 본문의 경계를 알 수 없으므로 ERR_INVALID_CHUNKED_ENCODING입니다.',
    },
  },
  {
    id: 'fault-http-truncated-body',
    input: 'http://www.naver.com/fault/truncated-body',
    title: { en: 'Body shorter than Content-Length', ko: 'Content-Length보다 짧은 본문' },
    description: {
      en: 'Content-Length promises 20,000 bytes; the server sends 600 and closes. The page has already committed, so it keeps what arrived, and the load ends with ERR_CONTENT_LENGTH_MISMATCH (DidFailLoadWithError).',
      ko: 'Content-Length는 20,000 바이트라고 했지만 서버는 600 바이트만 보내고 연결을 닫습니다. 페이지는 이미 커밋되었으므로 도착한 부분을 유지하고, 로드는 ERR_CONTENT_LENGTH_MISMATCH(DidFailLoadWithError)로 끝납니다.',
    },
  },
  {
    id: 'fault-http-reset',
    input: 'http://www.naver.com/fault/reset-mid-body',
    title: { en: 'Connection reset mid-body', ko: '본문 도중 연결 리셋' },
    description: {
      en: 'Part of the body, then a TCP reset. The committed page keeps the part that arrived; the load ends with ERR_CONNECTION_RESET.',
      ko: '본문 일부를 보낸 뒤 TCP 리셋이 옵니다. 커밋된 페이지는 도착한 부분을 유지하고, 로드는 ERR_CONNECTION_RESET으로 끝납니다.',
    },
  },
  {
    id: 'fault-http-one-byte-a-second',
    input: 'http://www.naver.com/fault/one-byte-a-second',
    title: { en: 'One byte a second', ko: '1초에 1바이트' },
    description: {
      en: 'The server sends its response head one byte per second (a "slowloris" server). Each byte keeps the connection alive, so an idle timeout would never fire; the browser gives the whole head a deadline (30 s) and ends with ERR_TIMED_OUT.',
      ko: '서버가 응답 헤더를 1초에 1바이트씩 보냅니다("slowloris" 서버). 바이트가 올 때마다 연결이 살아 있으므로 유휴 시간 제한으로는 끝나지 않습니다. 브라우저는 헤더 전체에 마감 시간(30초)을 두고 ERR_TIMED_OUT으로 끝냅니다.',
    },
  },
  {
    id: 'fault-http-decompression-bomb',
    input: 'http://www.naver.com/fault/decompression-bomb',
    title: { en: 'Decompression bomb', ko: '압축 폭탄' },
    description: {
      en: 'About 1 MB of gzip that inflates to 1 GiB of zeros. Past 4 MiB, a body growing more than 100 times its compressed size is stopped: ERR_CONTENT_DECODING_FAILED, and the browser never holds the gigabyte.',
      ko: '약 1 MB의 gzip이 풀면 1 GiB의 0 바이트가 됩니다. 4 MiB를 넘어서도 압축 크기의 100배 넘게 불어나는 본문은 멈춥니다. ERR_CONTENT_DECODING_FAILED이며, 브라우저는 그 1기가바이트를 끝내 들고 있지 않습니다.',
    },
  },
  {
    id: 'fault-tls-handshake-abort',
    input: 'https://handshake-abort.badssl-lab.com/',
    title: { en: 'TLS handshake aborted', ko: '중단된 TLS 핸드셰이크' },
    description: {
      en: 'The server reads the ClientHello and drops the connection without a ServerHello. No secure channel exists, nothing is sent over it: ERR_CONNECTION_RESET, and an error page.',
      ko: '서버가 ClientHello를 읽고 ServerHello 없이 연결을 끊습니다. 보안 채널이 만들어지지 않았으므로 아무것도 보내지 않습니다. ERR_CONNECTION_RESET과 오류 페이지입니다.',
    },
  },
  {
    id: 'frames-cross-site',
    input: 'www.naver.com/frames',
    title: { en: 'Iframes: same-site and cross-site', ko: 'iframe: 같은 사이트와 다른 사이트' },
    description: {
      en: 'A naver page with a naver iframe and a google iframe. The naver iframe stays in the page’s renderer process; the google iframe gets its own (an out-of-process iframe), and the page’s process keeps a proxy for it. The page’s load waits for both frames.',
      ko: 'naver iframe과 google iframe이 있는 naver 페이지입니다. naver iframe은 페이지의 렌더러 프로세스에 남고, google iframe은 자기 프로세스를 받으며(프로세스 외부 iframe), 페이지의 프로세스에는 그 프록시가 남습니다. 페이지의 load는 두 프레임을 모두 기다립니다.',
    },
  },
  {
    id: 'frames-nested',
    input: 'www.naver.com/frames/nested',
    title: { en: 'Iframes: A inside B inside A', ko: 'iframe: A 안의 B 안의 A' },
    description: {
      en: 'naver embeds google, which embeds naver again. The innermost naver frame joins the outer naver page’s process, not its google parent’s: processes follow sites, not the frame tree.',
      ko: 'naver가 google을 넣고, google이 다시 naver를 넣습니다. 가장 안쪽 naver 프레임은 부모인 google의 프로세스가 아니라 바깥 naver 페이지의 프로세스에 들어갑니다. 프로세스는 프레임 트리가 아니라 사이트를 따릅니다.',
    },
  },
  {
    id: 'frames-five-sites',
    input: 'www.naver.com/frames/five',
    title: { en: 'Five cross-site iframes', ko: '다른 사이트 iframe 다섯 개' },
    description: {
      en: 'One page with five iframes from five other sites: six renderer processes for one tab. This is why a browser shows so many processes in its task manager.',
      ko: '다른 사이트 다섯 곳의 iframe 다섯 개가 있는 페이지 하나입니다. 탭 하나에 렌더러 프로세스가 여섯 개 생깁니다. 브라우저 작업 관리자에 프로세스가 그렇게 많은 이유입니다.',
    },
  },
];
