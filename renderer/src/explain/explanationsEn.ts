/**
 * English explanations: for every phase, network span, renderer span, message and
 * trace event kind, what happens (in Chromium and in NavScope) and why. Plain text:
 * rendered as text, never as HTML.
 */
import type { Explanations } from './explanationTypes.js';

export const explanationsEn: Explanations = {
  phases: {
    'handle-input': {
      title: 'Handle input',
      what: 'The UI thread of the browser process reads what you typed and decides, like Chrome’s omnibox, whether it is a URL or a search query (OmniboxInputType URL, QUERY, UNKNOWN or EMPTY) — the box above shows what it decided for your input, and why. For example, www.naver.com has no spaces and ends in a known top-level domain, so it is a URL; what is dns has spaces, so it is a search. The omnibox fills in the missing scheme and the URL is split into scheme, host, port, path, query and fragment. If the host is on the HSTS list (preloaded, or learned from an earlier Strict-Transport-Security header), http is rewritten to https before any DNS lookup, as an internal 307 redirect that never touches the network.',
      why: 'Classifying the input first lets one box serve both addresses and searches. Upgrading HSTS hosts before anything is sent means an attacker on the network never sees a plain-http request it could intercept or downgrade.',
    },
    'start-navigation': {
      title: 'Start navigation',
      what: 'Pressing Enter starts a browser-initiated navigation: the UI thread creates a NavigationRequest and the tab’s spinner starts (DidStartLoading). Because the address came from the browser’s own UI, no renderer is asked first and there is no FrameHost.BeginNavigation; only if a document is already showing does its renderer get LocalFrame.BeforeUnload, so the page can ask you to stay. Then the request goes to the network thread, and Chromium may start a renderer process speculatively in parallel so that one is ready when the response arrives.',
      why: 'The browser process, not a renderer, owns navigation: it is the trusted process that decides what loads where, so a compromised renderer cannot steer it. Starting the network request and the renderer process in parallel hides the process start-up time.',
    },
    network: {
      title: 'Network',
      what: 'The network thread turns the URL into bytes on the wire: DNS (browser host cache, then the operating system, then a recursive resolver that asks a root, a TLD and an authoritative server), a TCP connection or a kept-alive one from the socket pool, a TLS handshake for https, then the HTTP request and response with their raw header bytes. Redirects come back to the UI thread one hop at a time, and each hop is checked again, HSTS included. Cookies are attached and stored, and the HTTP cache may answer without going to the server. In Kosaka’s “Inside look at modern web browser” this is the browser process’s network thread; in today’s Chromium it is the network service, on desktop usually a utility process of its own.',
      why: 'All network access lives in one privileged place outside the renderers, so sandboxed page code never opens sockets itself and HSTS, cookies, caching and connection reuse apply the same way for every tab. Following redirects from the browser means every new URL is checked before anything is loaded from it.',
    },
    'read-response': {
      title: 'Read response',
      what: 'When the response head arrives, the browser decides what it is before any renderer sees it. It reads Content-Type, sniffs the first bytes with the WHATWG MIME sniffing algorithm when the type is missing and nosniff is not set, asks SafeBrowsing whether the URL is known to be dangerous, and chooses: render it, hand it to the download manager (no commit), keep the current page for a 204 or 205, or show an error page or interstitial. CORB/ORB does not apply here: it protects cross-origin no-cors subresources such as images and scripts, not the navigation response.',
      why: 'Making the decision in the trusted browser process means a dangerous or non-renderable response never reaches a renderer. The navigation response needs no CORB/ORB because it is committed into a process for its own site, so its bytes never land in another site’s process.',
    },
    'find-renderer': {
      title: 'Find a renderer process',
      what: 'The browser computes the response’s site, scheme plus eTLD+1 (https://naver.com for www.naver.com), and picks a renderer process for it: the process that already hosts that site, the spare process Chromium keeps warm, or a newly spawned one. A process started speculatively is discarded if a cross-site redirect changed the site. In NavScope a renderer process is a real operating-system process with its own pid.',
      why: 'Site isolation: one renderer process per site means a page from another site, even one exploiting a renderer bug, cannot read this site’s memory. Grouping by site (eTLD+1) rather than by full origin keeps same-site subdomains that may script each other in one process.',
    },
    commit: {
      title: 'Commit',
      what: 'The browser sends NavigationClient.CommitNavigation to the chosen renderer with the response head, the body data pipe and the loader itself, so the body streams straight from the network service to the renderer. The renderer creates the new document and acknowledges in CommitNavigation’s reply (DidCommitProvisionalLoadParams). Only after that acknowledgement does the browser change the address bar, the security indicator and the session history, which is saved to disk so the tab can be restored.',
      why: 'Commit means the renderer acknowledged, not that the response arrived. Changing the UI only then keeps the address bar truthful: if the renderer crashed or refused, the old page and its URL stay.',
    },
    load: {
      title: 'Load',
      what: 'The renderer parses the HTML into the DOM (Chromium does this while the bytes stream in), asks the network thread for subresources such as CSS, scripts and images (cross-origin no-cors ones pass the CORB/ORB check), builds the CSSOM and the render tree, lays out and paints. DOMContentLoaded fires once parsing and the parser-blocking and defer scripts are done; load fires when every subresource has finished, and then DidStopLoading stops the spinner. NavScope builds the DOM with parse5 and models script timing, but never executes page JavaScript.',
      why: 'Parsing and rendering happen in the sandboxed renderer so that bugs in the complex HTML, CSS and JavaScript engines cannot reach the rest of the system. Subresources still go through the network service, where CORB/ORB, cookies and caching are enforced.',
    },
  },

  netSpans: {
    'DNS Lookup': {
      title: 'DNS lookup',
      what: 'The host name becomes an IP address: the browser’s host cache first, then the operating system’s resolver, and on a miss a recursive resolver asks a root server, which refers it to the com TLD servers, which refer it to naver.com’s authoritative servers, each question one UDP packet. In real life that walk is done by the recursive resolver, usually your ISP’s server, outside the browser. NavScope runs it on the network thread (in the lab, against its own root, TLD and authoritative servers) so that every packet is visible; in live mode it asks the operating system.',
      why: 'Caches at every level make repeat visits fast, and the delegated hierarchy means no single server has to know every name. Each answer carries a TTL that says how long it may be cached.',
    },
    'Initial connection': {
      title: 'TCP connection',
      what: 'The network thread opens a TCP connection to the server’s IP address and port (443 for https, 80 for http), unless the socket pool already holds a kept-alive connection to the same host and port, in which case this step is skipped. The connect is real and its duration is measured; the three segments inside it, SYN, SYN-ACK and ACK (the 3-way handshake), are handled by the operating system’s kernel, so NavScope draws them from the measured time instead of capturing them. In DevTools’ timing, Initial connection also includes the TLS handshake, shown separately as SSL.',
      why: 'TCP gives a reliable, ordered byte stream over an unreliable network, and the handshake lets both sides agree on their starting sequence numbers. Reusing a connection saves this round trip, which is why browsers keep connections alive and pool them per host.',
    },
    SSL: {
      title: 'TLS handshake',
      what: 'For https, a TLS handshake runs over the new TCP connection: the browser offers TLS versions, cipher suites and ALPN protocols (h2, http/1.1); the server picks one of each and sends its certificate chain; both derive the session keys. The browser checks that the chain leads to a trusted root and that the certificate names the host. In the lab, sites are signed by a lab CA that only NavScope’s network stack trusts.',
      why: 'TLS gives confidentiality, integrity and server authentication: without it anyone on the path could read or change the page. ALPN settles which HTTP version the connection speaks without an extra round trip.',
    },
    'Request sent': {
      title: 'Request sent',
      what: 'The network thread writes the request onto the socket as raw HTTP/1.1 bytes: a request line such as GET / HTTP/1.1, the headers (Host, User-Agent, Accept, Accept-Encoding, Accept-Language, Cookie when there are cookies) and an empty line. NavScope shows exactly the bytes it wrote. Chrome usually speaks HTTP/2 or HTTP/3 to large sites, where the same fields travel as binary frames with compressed headers.',
      why: 'The Host header lets one IP address serve many sites, Accept and Accept-Encoding let the server pick a format and compression the browser understands, and cookies carry session state over stateless HTTP.',
    },
    'Waiting for server response': {
      title: 'Waiting for the server (TTFB)',
      what: 'The time from the last request byte sent to the first response byte, often called time to first byte. It covers the network round trip plus the server’s own work: routing the request, running application code, querying databases. The network thread just waits on the socket.',
      why: 'This is usually where a slow page loses its time, and the browser cannot shorten it: it depends on the server and on the distance to it. That is why sites use CDNs close to users and why the browser reuses warm connections.',
    },
    'Content Download': {
      title: 'Content download',
      what: 'From the first response byte to the last: the network thread parses the status line and headers, then reads the body, undoing chunked transfer encoding and Content-Encoding (gzip, deflate, br), and passes the bytes on through a data pipe. For the navigation the body reaches the renderer only after the browser has decided where it goes; a subresource body flows straight to the renderer that asked for it.',
      why: 'Streaming the body lets the renderer start parsing before the download ends, and compression trades a little CPU for far fewer bytes on the wire.',
    },
    Stalled: {
      title: 'Stalled (waiting to start)',
      what: 'Time the request spent waiting before any of its network steps could begin: DevTools calls it Stalled or Queueing and HAR calls it blocked. Chromium holds a request back while it waits for a free connection (at most six per host over HTTP/1.1), while higher-priority requests go first, or while the cache entry it needs is being written by another request. In an imported file this step also marks a request that failed before it reached the network.',
      why: 'Limiting connections per host keeps one page from flooding a server and the network, and ordering by priority gets the resources that block rendering (the document, stylesheets, parser-blocking scripts) first.',
    },
    'Read from cache': {
      title: 'Read from the HTTP cache',
      what: 'The response came from Chromium’s HTTP cache on disk instead of the network: the stored headers are read (HTTP_CACHE_READ_INFO), checked for freshness, and the body is read back (HTTP_CACHE_READ_DATA). A fresh entry needs no request at all; a stale one is revalidated first, and a 304 Not Modified lets the cached body be used.',
      why: 'A cached response saves the whole round trip to the server and the bytes of the body; Cache-Control, ETag and Last-Modified say how long it may be used and how to check it cheaply afterwards.',
    },
  },

  rendererSpans: {
    'Parse HTML': {
      title: 'Parse HTML',
      what: 'The renderer decodes the body with the document’s charset (from Content-Type, a meta tag or a byte order mark) and runs the HTML standard’s tokenizer and tree builder to produce the DOM. NavScope uses parse5, which implements that same algorithm, and reads off the title, an outline and the subresources the document asks for (stylesheets, scripts, images). Script elements are only classified as parser-blocking, async or defer; their JavaScript is never executed.',
      why: 'The HTML standard defines exactly how every byte sequence, even broken markup, becomes a DOM, so all browsers build the same tree. Finding subresources while parsing lets the renderer request them early; Chromium’s preload scanner does this even while the parser waits for a script.',
    },
  },

  messages: {
    'URLLoaderFactory.CreateLoaderAndStart': {
      title: 'Start loading a URL',
      what: 'A Mojo message asking the network service to load one URL and report back to a URLLoaderClient. For the main document the browser’s UI thread sends it, with mode navigate and no initiator origin, because a typed URL is browser-initiated; for subresources the renderer sends it through a URLLoaderFactory the browser handed it. In NavScope it crosses from the UI thread or a renderer process to the network thread as a real, validated message.',
      why: 'Loading is a capability: a renderer can only fetch through the factory the browser gave it, which is bound to its origin, so the network service knows who is asking and applies CORS, CORB/ORB and cookies accordingly.',
    },
    'URLLoader.FollowRedirect': {
      title: 'Follow the redirect',
      what: 'The client’s answer to OnReceiveRedirect: go on to the new URL. For a navigation the UI thread sends it after looking at the new URL (another site may need another renderer process, and HSTS applies again). The network service then sends a fresh request, with a new DNS lookup and connection if the host changed.',
      why: 'The network service never follows a redirect on its own: the client must agree, so the browser can run its security checks again for every hop.',
    },
    'URLLoader.Cancel': {
      title: 'Cancel the load',
      what: 'The client no longer wants the resource, so the loader stops and its connection is closed or released. In Chromium this is not a method call: the client closes its URLLoader pipe and the network service notices. NavScope sends it when a new navigation replaces this one, for a 204 or 205 response, or when a document goes away while its subresources are still loading.',
      why: 'Closing the pipe frees sockets and bandwidth at once and guarantees that no bytes of an abandoned load can arrive later for the wrong document.',
    },
    'URLLoaderClient.OnReceiveRedirect': {
      title: 'Redirect received',
      what: 'The network service reports a redirect: the new URL, the method to use next (a 303 turns POST into GET) and the redirect’s response head. Either the server answered with one (301, 302, 303, 307 or 308 with a Location header), or the network service made it itself before contacting any server: a 307 Internal Redirect (Non-Authoritative-Reason: HSTS) for a host on the HSTS list, or HTTPS-Upgrades trying https first. The loader then waits for FollowRedirect. Each hop shows as a request of its own, so redirect chains and loops are visible.',
      why: 'A redirect changes where the page comes from, possibly to another site, so following it is the client’s decision. The network service still caps a chain at 20 redirects (ERR_TOO_MANY_REDIRECTS).',
    },
    'URLLoaderClient.OnReceiveResponse': {
      title: 'Response head received',
      what: 'The response head has arrived: status line, headers, MIME type and charset, the server’s address, whether the connection was reused, and the timing of DNS, connect, TLS, send and wait. The body follows separately through a data pipe. For the navigation this goes to the browser’s UI thread, which reads the response before picking a renderer; for a subresource it goes to the renderer that asked.',
      why: 'Sending the head before the body lets the browser decide (render, download, block, show an error) without waiting for the whole download.',
    },
    'DataPipe.Write': {
      title: 'Body bytes (Mojo data pipe)',
      what: 'A chunk of response body travelling through a Mojo data pipe from the network service to whoever holds the consumer end. A data pipe is shared memory, not a message: Chromium’s trace shows no message for it. NavScope moves each chunk (up to 64 KiB) the way it moves messages so that it can be watched and stepped. For the navigation the chunks wait in the transport until CommitNavigation has moved the pipe to the renderer.',
      why: 'Body bytes are the bulk of the traffic: shared memory avoids copying them through message queues, and the pipe’s fixed capacity slows the writer down when the reader falls behind.',
    },
    'URLLoaderClient.OnComplete': {
      title: 'Load complete',
      what: 'The load is over. It carries a net error code, 0 (OK) for success or a negative Chromium code such as -105 ERR_NAME_NOT_RESOLVED or -102 ERR_CONNECTION_REFUSED, and the byte counts: on the wire, encoded body and decoded body. No more data arrives for this request after it.',
      why: 'Ending every load with one explicit status means success and every kind of failure (DNS, connection, TLS, timeout) reach the client the same way; for a navigation the error code decides which error page is shown.',
    },
    'AgentSchedulingGroup.CreateView': {
      title: 'Create the view and its main frame in the renderer',
      what: 'The browser asks a renderer process to create a view (the page) with its main RenderFrame, the renderer-side object the new document will live in. It is sent when the chosen process does not host this tab’s main frame yet, for example a fresh process for a new site; a navigation that stays in the same process reuses the existing frame.',
      why: 'The browser keeps the authoritative frame tree (its RenderFrameHost objects) and tells each renderer which frames to host, so a renderer only ever holds frames of its own site.',
    },
    'ChildProcess.ProcessShutdown': {
      title: 'Shut the process down',
      what: 'The browser tells a renderer process it is no longer needed, typically because its last frame navigated to another site, and the process exits. If it does not exit within a short grace period, NavScope kills it; the trace records a clean exit or a crash with the real pid.',
      why: 'Every renderer process costs memory; once no frame of its site is left, keeping it alive would only waste resources.',
    },
    'NetworkContext.ClearHostCache': {
      title: 'Clear the DNS cache',
      what: 'The browser tells the network service to forget every cached DNS answer. The next visit to each host resolves it again, from the recursive resolver.',
      why: 'Part of clearing cached data: it makes the next load a cold one, so its DNS lookups can be seen again.',
    },
    'NetworkContext.ClearHttpCache': {
      title: 'Clear the HTTP cache',
      what: 'The browser tells the network service to drop every stored response. The next request for each URL goes to the server again.',
      why: 'Part of clearing cached data: the next load fetches everything, as a first visit does.',
    },
    'NetworkContext.CloseAllConnections': {
      title: 'Close idle connections',
      what: 'The browser tells the network service to close every idle keep-alive connection. The next request to each origin opens a new TCP connection and TLS session.',
      why: 'Part of clearing cached data: the next load pays for its connections again, as a first visit does.',
    },
    'ChildProcess.Ping': {
      title: 'Ping a renderer process',
      what: 'The browser sends a renderer process a numbered ping and waits for the pong. It crosses the same transport as every other message: sent, validated on arrival, recorded at both ends.',
      why: 'A round trip measures what one IPC hop costs. Mojo has the same on every pipe (interface control messages); NavScope’s benchmark uses it to compare its transport with raw Node IPC.',
    },
    'ChildProcessHost.Pong': {
      title: 'Pong from the renderer',
      what: 'The renderer process answers a ping with the same number, as soon as it has handled it.',
      why: 'The time from ping to pong is one full round trip between the browser process and the renderer process.',
    },
    'LocalFrame.BeforeUnload': {
      title: 'Run beforeunload',
      what: 'Before leaving a document, the browser asks the renderer showing it to run the page’s beforeunload handlers, which may ask you to confirm leaving, for example with an unsaved form. It is sent only when a document is already showing; the first navigation of a new tab skips it. NavScope never runs page JavaScript, so its renderer always answers proceed.',
      why: 'Only the renderer holding the page knows whether the page objects, and the browser must not start replacing a page the user decides to keep.',
    },
    'LocalFrame.BeforeUnload:reply': {
      title: 'beforeunload answered (reply)',
      what: 'The reply to LocalFrame.BeforeUnload, on the same Mojo call: proceed, or stay on the page. On proceed the browser starts the network request; on stay the navigation is cancelled and nothing changes. If the renderer does not answer in time, the browser goes ahead anyway.',
      why: 'A hung or hostile page must not be able to keep the user from leaving, so the browser does not wait forever for this reply.',
    },
    'NavigationClient.CommitNavigation': {
      title: 'Commit the navigation',
      what: 'The browser tells the chosen renderer to commit the new document and hands it the response head, the body data pipe and the navigation’s URLLoaderClient end, so the rest of the body flows straight from the network service to the renderer. It also carries the URL, the origin, the transition type (typed) and the redirect chain. At this point the old document is still showing, and the committed URL, the security indicator and the history have not changed.',
      why: 'The browser picks the process and gives it exactly one document of a site it may host; the renderer never fetches the main document itself, so it cannot load a document of a site it should not see.',
    },
    'NavigationClient.CommitFailedNavigation': {
      title: 'Commit an error page',
      what: 'The navigation failed, for example with ERR_NAME_NOT_RESOLVED or ERR_CONNECTION_REFUSED, and the browser still commits something: it sends the net error code and name, with the error page it built, to a renderer that shows it in place of the document. That renderer is a separate error-page process, neither the failed site’s process nor the old page’s. As with CommitNavigation, the address bar and the history change only after the renderer acknowledges, and then they show the failed URL.',
      why: 'Committing an error page instead of nothing gives the failed URL a history entry, so Back and Reload work as for any page and Reload retries the URL. Using a separate error-page process means no site’s process is used for a page that site never sent.',
    },
    'NavigationClient.CommitNavigation:reply': {
      title: 'Commit acknowledged (reply)',
      what: 'The reply to CommitNavigation, on the same Mojo call: the renderer has created the new document and answers with DidCommitProvisionalLoadParams, its URL, origin, HTTP status and MIME type. This is the moment of commit. Only now does the browser update the address bar, the security indicator (the lock for https) and the session history, which is saved to disk so a closed tab can be restored. Older Chromium sent a separate FrameHost.DidCommitProvisionalLoad message; today it is this reply.',
      why: 'Commit means the renderer acknowledged, not that the response arrived: if the browser changed its UI earlier, a renderer that crashed or refused would leave the address bar showing a page that is not there.',
    },
    'NavigationClient.CommitFailedNavigation:reply': {
      title: 'Error page committed (reply)',
      what: 'The reply to CommitFailedNavigation, carrying DidCommitProvisionalLoadParams as for any commit: the error page now shows, and the browser updates the address bar (to the failed URL) and the history.',
      why: 'An error page commits like a document, so Back and Reload behave as for any page; the browser still waits for the renderer’s word before changing its UI.',
    },
    'FrameHost.UpdateState': {
      title: 'Page state for history',
      what: 'The renderer sends the document’s serialized state (Chromium’s PageState: URL, title, form contents, scroll position) for the session history entry. Chromium sends it as soon as the new document exists, just before the commit is acknowledged, and again whenever the state changes.',
      why: 'Back and Forward restore a page from its history entry, which the browser keeps; only the renderer knows the document’s state, so it keeps the browser’s copy up to date.',
    },
    'LocalFrameHost.UpdateTitle': {
      title: 'Title update',
      what: 'The renderer found the document’s title element and sends its text; the browser shows it on the tab and stores it in the history entry. Until then the tab shows the host name.',
      why: 'The tab strip and the history are browser UI drawn by the browser process, so the renderer reports the title instead of drawing it.',
    },
    'FrameHost.SubresourceResponseStarted': {
      title: 'Subresource response started',
      what: 'The renderer tells the browser that the response for one subresource (stylesheet, script, image) has started, with its URL, status and MIME type. In Chromium it also carries the certificate status, which feeds the page’s security indicator.',
      why: 'The security indicator is the browser’s job but subresource loads are driven by the renderer: this report lets the browser notice, for example, a resource loaded despite a certificate error and downgrade the lock.',
    },
    'FrameHost.ResourceLoadComplete': {
      title: 'Subresource finished',
      what: 'One subresource finished loading, successfully or with a net error, with the number of body bytes received. Chromium uses these reports for page-load metrics and DevTools; NavScope uses them to show each subresource’s outcome.',
      why: 'The renderer does the loading, but the browser needs the full picture of the page for its metrics and tools, so each load is reported back.',
    },
    'LocalFrameHost.DidDispatchDOMContentLoadedEvent': {
      title: 'DOMContentLoaded',
      what: 'The parser has finished building the DOM, every parser-blocking and defer script has run, and DOMContentLoaded has fired. Images, async scripts and other subresources may still be loading. NavScope decides this from the script elements’ attributes without running any script.',
      why: 'DOMContentLoaded marks the point where scripts can use the whole DOM without waiting for slow images; defer scripts run just before it, so they see the complete document.',
    },
    'LocalFrameHost.DocumentOnLoadCompleted': {
      title: 'load event fired',
      what: 'The load event has fired in the main frame: the document and every subresource it asked for, including images, stylesheets and async scripts, have finished. It comes after DOMContentLoaded and before DidFinishLoad.',
      why: 'The browser needs to know when the page has fully loaded, for the tab’s state and for page-load metrics, and only the renderer can tell.',
    },
    'LocalFrameHost.DidFinishLoad': {
      title: 'Frame finished loading',
      what: 'The frame and all its subresources finished loading; the message carries the frame’s URL. In Chromium this is where WebContentsObserver::DidFinishLoad runs for the frame.',
      why: 'Completion is reported per frame so the browser can follow pages with several frames (iframes), each of which may live in a different renderer process.',
    },
    'Frame.UpdateSubresourceLoaderFactories': {
      title: 'New loader factories after a network crash',
      what: 'The network service crashed and the browser restarted it. Every renderer’s URLLoaderFactory pointed at the dead service, so each load still open on it is disconnected and fails with net::ERR_FAILED (a committed page whose own body was still arriving stops with DidFailLoadWithError); from now on the renderer’s requests go to the new network service.',
      why: 'In Chromium the network service runs in its own process (here: its own thread) precisely so that a crash there does not take the browser or the pages down with it. The browser notices the crash, starts a new service, and hands every frame fresh factories.',
    },
    'LocalFrameHost.DidFailLoadWithError': {
      title: 'Frame load failed after commit',
      what: 'The document had already committed when its own body failed: the connection was reset, the server closed it before Content-Length was reached, the chunked encoding broke, or the body would not decode. The parser finished with the bytes that arrived, the load event ran, and instead of DidFinishLoad the renderer reports the net error. The tab shows the partial page and says why it stopped.',
      why: 'Once a page has committed, the browser does not swap it for an error page: the user already sees it and may be reading it. Chromium reports the failure per frame (WebContentsObserver::DidFailLoad), and DevTools marks the document request as failed with the same net error.',
    },
    'LocalFrameHost.DidChangeLoadProgress': {
      title: 'Load progress',
      what: 'The renderer reports how far the frame has loaded, from 0.1 when loading starts to 1.0 when it is done; the browser draws the tab’s progress bar from it. NavScope sends it after the commit, before DOMContentLoaded (by the share of the document’s loads that finished) and at the end, as Chromium 156 does for a small page.',
      why: 'Only the renderer knows how many of the page’s loads are still open; the progress bar is browser UI, so it is told.',
    },
    'LocalFrameHost.MainDocumentElementAvailable': {
      title: 'Document element created',
      what: 'The parser has created the document’s root element. The browser learns that the document can now take scripts and styles that extensions or DevTools inject at document start.',
      why: 'Injected scripts must run before the page’s own, but they need a document element to attach to: this message is the earliest moment both hold.',
    },
    'LocalFrameHost.UpdateFaviconURL': {
      title: 'Favicon URL',
      what: 'The renderer sends the document’s icon links (link elements with rel=icon), or the default /favicon.ico of its origin when there are none; the browser fetches the icon for the tab. NavScope sends it once loading has stopped, where Chromium 156 sends it for the lab’s pages.',
      why: 'The tab strip is browser UI: the renderer finds the icon links in the document, the browser loads and draws the icon.',
    },
    'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint': {
      title: 'First visually non-empty paint',
      what: 'The main frame has painted something worth showing: text or an image, not just a background. The browser stops keeping the old page on screen. NavScope sends it at its first paint (after the render-blocking stylesheets); Chromium sends it once the compositor has presented that frame, which in headless Chromium is often after load.',
      why: 'Until the new page has content, showing the old one (or a blank) is better than a flash of white; this message tells the browser the new page is worth showing.',
    },
    'FrameHost.DidStopLoading': {
      title: 'Loading stopped',
      what: 'The frame has stopped loading: its document and every subresource are done. The browser stops the tab’s spinner, which started at DidStartLoading when you pressed Enter. This is step 6, initial load complete, in Kosaka’s article.',
      why: 'The spinner shows the whole load, not just the navigation, so it stops only when the renderer says everything has finished. Anything the page loads later with JavaScript does not restart it.',
    },
    'AgentSchedulingGroup.CreateFrame': {
      title: 'Frame for an out-of-process iframe',
      what: 'The browser asks this renderer process for a frame to hold a cross-site iframe’s document: the page around it is shown by another process, which keeps only a proxy in the iframe’s place. CommitNavigation for the iframe follows.',
      why: 'Under site isolation an iframe of another site lives in a process of its own site; this process gets just that frame, not the whole page (CreateView is for a main frame and its page).',
    },
    'FrameHost.CreateChildFrame': {
      title: 'Child frame created',
      what: 'The parser met an iframe element. The renderer made a local frame for it, holding an initial empty document, and asks the browser to add a FrameTreeNode under the parent’s. The iframe’s src is loaded next, by a navigation of its own (BeginNavigation).',
      why: 'Only the browser keeps the whole frame tree, across processes; a frame exists for the browser once it has a FrameTreeNode, which is where its navigations, its process and its proxies are decided.',
    },
    'FrameHost.BeginNavigation': {
      title: 'Renderer asks to navigate a frame',
      what: 'A renderer-initiated navigation: the iframe loads its src. The browser starts a NavigationRequest for that frame, with its own network request, and chooses the process for the response’s site: the parent’s process for the same site, another renderer process for a cross-site frame (an out-of-process iframe).',
      why: 'The renderer cannot decide where a document lives: under site isolation only the browser may pick the process, so every navigation, even an iframe’s, goes through it.',
    },
    'Frame.Unload': {
      title: 'Local frame replaced by a proxy',
      what: 'The iframe committed in another process. The parent’s process replaces its local child frame with a RenderFrameProxy: a placeholder that keeps the iframe’s place in the page (its box, window.frames) and forwards postMessage and focus, but holds no document.',
      why: 'A cross-site document must not be in the parent page’s process (site isolation), yet the parent page still needs to know the child is there.',
    },
    'RemoteFrame.DidStopLoading': {
      title: 'Child frame stopped loading',
      what: 'The browser tells the parent’s process that a child frame it shows through a proxy (or that never got a document) has stopped loading. The parent document’s load event, which waits for its iframes, can now fire.',
      why: 'The HTML standard delays a document’s load event until its iframes have loaded. Across processes, only the browser hears the child finish, so it passes that on.',
    },
    'Frame.Delete': {
      title: 'Frame deleted',
      what: 'A frame left the frame tree (its tab was closed) while its process goes on hosting other tabs’ frames: the renderer drops the frame and its document.',
      why: 'A process shared by several tabs of one site stays up as long as one of them needs it; the closed tab’s frames alone go away.',
    },
  },

  events: {
    'trace.begin': {
      title: 'Recording starts',
      what: 'The recording begins: whether NavScope uses its embedded lab or the live internet, the real pid of the browser process, the platform and the wall-clock time. Every later event is timed on one monotonic clock shared by all threads and processes.',
      why: 'One ordered trace is the source of truth for every view, for the Perfetto and HAR exports and for replay, so it needs one clock and a known start.',
    },
    'thread.start': {
      title: 'Thread ready',
      what: 'A thread that takes part in the navigation is up: the browser’s UI thread (CrBrowserMain), the network thread (NetworkService) or a renderer’s main thread (CrRendererMain), with its real pid. These are the thread names Chromium uses.',
      why: 'Chromium splits work across threads and processes so that slow work such as network and parsing never blocks the UI; seeing which thread did what is the point of this view.',
    },
    'thread.exit': {
      title: 'Thread crashed',
      what: 'A thread ended without being asked to: here the network thread (NetworkService), killed from the window or by a fault. Every load that was on it is lost: a navigation waiting for its response fails with net::ERR_FAILED, a download is interrupted, and a new network thread is started; renderers then get new loader factories.',
      why: 'Chromium runs the network service apart from the browser’s UI so that a crash there costs the loads in flight, not the browser: it notices the crash, restarts the service and reconnects everyone to it.',
    },
    'process.launch': {
      title: 'Launching a renderer process',
      what: 'The browser decides to start a renderer process for a site and asks the operating system to launch it. Nothing runs in it yet: the process gets its pid at spawn and becomes usable when it reports ready.',
      why: 'Under site isolation a new site needs its own process. Launching takes noticeable time, which is why Chromium starts processes speculatively or keeps a spare one warm.',
    },
    'process.spawn': {
      title: 'Renderer process spawned',
      what: 'The operating system has created the renderer process and given it a real pid. In NavScope it is a real child process (an Electron utilityProcess, or a Node child process outside Electron); Chromium also locks its renderers into a sandbox with almost no rights.',
      why: 'A separate process has its own address space, so a crash or an exploit in the renderer stays inside it.',
    },
    'process.ready': {
      title: 'Renderer process ready',
      what: 'The renderer process has started its main thread and connected to the browser, so it can now receive messages such as CreateFrame and CommitNavigation. A navigation waiting for this process continues from here.',
      why: 'The browser routes messages only to processes it knows are alive and connected, so no work is sent before this point.',
    },
    'process.exit': {
      title: 'Renderer process exited',
      what: 'A renderer process ended cleanly, usually after ChildProcess.ProcessShutdown because no frame of its site was left. A process that never held a document (a speculative one the navigation did not use, or an unused spare) is ended at once instead, without a message: Chromium’s fast shutdown (reason "fast-shutdown"). The exit code and the reason are recorded.',
      why: 'Processes that are no longer needed are shut down to give their memory back; a clean exit is told apart from a crash so the tab does not show a crash page.',
    },
    'process.crash': {
      title: 'Renderer process crashed',
      what: 'A renderer process died unexpectedly: it crashed, was killed (for example by SIGKILL) or failed to launch. If it held the tab’s page, the tab shows a crash page (the sad tab); a navigation waiting on it fails. The browser process and other tabs keep running.',
      why: 'This is the payoff of the multi-process design: a renderer crash takes down only the pages in that process, never the browser.',
    },
    'ipc.rejected': {
      title: 'Message rejected',
      what: 'A message was refused on arrival: an unknown name, the wrong direction (for example a renderer sending a message only the browser may send), a payload that fails validation, or a frame the sender does not own. The handler never runs.',
      why: 'Renderers are treated as possibly compromised, so every message is checked on arrival; Chromium goes further and kills a renderer process that sends a bad message.',
    },
    'navigation.begin': {
      title: 'Navigation begins',
      what: 'A navigation starts, with its id, the URL, the transition type (typed for an address you entered; also link, reload, back_forward) and what was typed. A typed URL is a browser-initiated navigation: it comes from the browser’s UI, not from a page.',
      why: 'Who started a navigation decides how far it is trusted, and the transition type changes how it is handled, for example a reload revalidates the cache and back/forward reuses a history entry.',
    },
    'navigation.state': {
      title: 'Navigation state',
      what: 'The navigation moved on in its state machine, named as Chromium’s NavigationRequest names its states: NOT_STARTED, WAITING_FOR_RENDERER_RESPONSE (beforeunload), WILL_START_NAVIGATION, WILL_START_REQUEST (the request is out), WILL_REDIRECT_REQUEST, WILL_PROCESS_RESPONSE (the response head is in), READY_TO_COMMIT (a renderer was asked to commit), and one of the ends: DID_COMMIT, DID_COMMIT_ERROR_PAGE, WILL_FAIL_REQUEST or CANCELING.',
      why: 'Every step of a navigation is a state of one object in the browser process. Chromium checks each transition; NavScope does too, and records it, so the path a navigation took can be read off the trace.',
    },
    'navigation.end': {
      title: 'Navigation ends',
      what: 'The navigation’s outcome: committed (a renderer acknowledged the new document), failed with a net error such as ERR_NAME_NOT_RESOLVED, no-commit (a download or a 204/205 response, so the current page stays), or renderer-crashed. After a commit, loading goes on; the spinner stops later, at DidStopLoading.',
      why: 'Navigating and loading are different things: a navigation ends at commit or failure, while loading the page’s subresources continues until DidStopLoading.',
    },
    'omnibox.classified': {
      title: 'Input classified',
      what: 'The omnibox decided what the text is, with the reason: URL, QUERY (a search), UNKNOWN (a single word or an unknown top-level domain, searched with a did-you-mean suggestion) or EMPTY. The box above shows the verdict and the reason for what you typed. For example, www.naver.com ends in a known top-level domain, so it is a URL; text with spaces becomes a search URL of the default search engine.',
      why: 'One box serves both addresses and searches, so the browser must guess the intent from the text alone, using the public suffix list to recognise real domain names.',
    },
    'url.parsed': {
      title: 'URL parsed',
      what: 'The URL is split into its parts by the WHATWG URL standard: scheme, host, port (the scheme’s default, 80 or 443, when none is given), path, query and fragment. The host is lower-cased, and internationalised names are converted to punycode; the fragment is never sent to the server.',
      why: 'Each later step uses a different part: DNS uses the host, the connection the scheme and port, the request line the path and query, and the process decision the scheme plus eTLD+1.',
    },
    'dns.cache': {
      title: 'Host cache',
      what: 'The network thread checks the browser’s own host cache: hit (a still-valid address from an earlier lookup), miss, or expired (its TTL ran out). On a hit no DNS packet is sent at all.',
      why: 'A hit saves a whole lookup, often tens of milliseconds; honouring the TTL keeps a cached address from going stale when the site moves.',
    },
    'dns.query': {
      title: 'DNS query sent',
      what: 'One DNS question on the wire: a UDP datagram to a name server (port 53 on the internet) asking for the A record, the IPv4 address, of a name, with a random 16-bit transaction id. It shows which server was asked (root, TLD or authoritative), the packet size and the attempt number. In real life the recursive resolver, usually your ISP’s, sends these outside the browser; NavScope’s resolver sends them from the network thread so you can see each one.',
      why: 'UDP needs no connection setup, so one question costs one round trip; the random transaction id and source port make forged answers hard to slip in.',
    },
    'dns.response': {
      title: 'DNS response received',
      what: 'A name server’s answer: the response code (NOERROR, NXDOMAIN, SERVFAIL and so on), whether it is authoritative, and its records. A root or TLD server normally answers with a referral, NS records for the next zone with their addresses (glue) in the additional section; the authoritative server answers with the A record and its TTL.',
      why: 'DNS is delegated: each level only knows who is responsible for the level below, so no server has to hold every name and each zone’s owner controls its own records.',
    },
    'dns.timeout': {
      title: 'DNS timeout',
      what: 'A name server did not answer in time. The question is sent again with a new transaction id, or another server of the same zone is tried.',
      why: 'UDP does not guarantee delivery, so DNS relies on timeouts and retries, and every zone has several name servers so that one being down does not make its names unreachable.',
    },
    'dns.ignored': {
      title: 'DNS datagram ignored',
      what: 'While waiting for a name server’s answer, the resolver received a datagram it did not accept: bytes that do not decode as a DNS message, a transaction id it never sent, an answer to another question, or a packet from another address. It keeps waiting for the genuine answer (and times out if none comes).',
      why: 'An attacker who cannot see the query can still send forged answers, guessing the id and the port. Accepting only a response that matches the random transaction id, the source port, the server and the question is what makes such blind spoofing (cache poisoning) hard.',
    },
    'dns.result': {
      title: 'Address resolved',
      what: 'The lookup is finished: the host’s IP addresses, where they came from (the browser’s host cache, recursive resolution, the operating system’s resolver, or an IP literal that needed no lookup) and the TTL. The result is stored in the host cache for next time.',
      why: 'A TCP connection needs an IP address; caching the result lets the next visit skip DNS entirely.',
    },
    'http.request': {
      title: 'HTTP request bytes',
      what: 'The exact bytes of the HTTP/1.1 request as written to the socket: the request line, the headers and an empty line. It also says which connection carried it and whether that connection was reused (keep-alive).',
      why: 'HTTP/1.1 is plain text, so the raw bytes show exactly what the server receives, with nothing hidden behind a summary.',
    },
    'http.response': {
      title: 'HTTP response head',
      what: 'The status line (for example HTTP/1.1 200 OK) and the raw response headers as received, with their size in bytes. Headers such as Content-Type, Content-Encoding, Location, Set-Cookie, Cache-Control and Strict-Transport-Security drive the next steps.',
      why: 'Everything the browser decides next, whether to render, download, redirect, cache or always use HTTPS from now on, comes from these header lines.',
    },
    state: {
      title: 'Tab state changed',
      what: 'A piece of the tab’s visible state changed, with its cause: loading (the spinner, started by DidStartLoading and stopped by DidStopLoading), url and security (the address bar and its indicator), title, history, or crashed (the sad tab). The url, security and history changes happen only on the reply to CommitNavigation.',
      why: 'The browser process owns its UI and changes it only at well-defined moments, so the address bar always matches the document actually shown.',
    },
    'renderer.document': {
      title: 'Document built',
      what: 'What the renderer built from the HTML: the title, the number of DOM nodes and elements, an outline of the tree and the subresources (stylesheets, scripts, images) the document refers to. It is recorded after parsing; no page JavaScript ran.',
      why: 'The DOM is the renderer’s model of the page and the starting point for style, layout, paint and scripts; the subresource list explains what the renderer asks the network for next.',
    },
    'renderer.preload': {
      title: 'Preload scanner found a resource',
      what: 'Blink’s preload scanner reads the HTML bytes ahead of the parser, as they arrive, looking only for URLs: stylesheets, scripts and images. Each one it finds is fetched at once. The record says whether the real parser was stuck on a script at that moment.',
      why: 'A parser-blocking script stops DOM construction until it has been fetched and run; without the scanner every resource after it would wait too. Looking ahead turns a chain of round trips into parallel fetches.',
    },
    'renderer.script': {
      title: 'Script timing',
      what: 'One script’s life: when the parser met it, when its fetch finished, and when it ran (or why it was refused). Parser-blocking scripts stop the parser until fetched and until earlier stylesheets have loaded; async scripts run as soon as they arrive; defer and module scripts run in document order after parsing, before DOMContentLoaded. NavScope never executes page JavaScript: "ran" marks the moment it would run.',
      why: 'Script timing decides how long the parser stands still and when DOMContentLoaded fires. A nosniff script with a non-JavaScript MIME type, or one ORB blocked, never runs.',
    },
    'renderer.render': {
      title: 'Style, layout and paint',
      what: 'The rendering pipeline on the current DOM: stylesheets parsed into the CSSOM, the cascade computing each element’s style, the render tree (elements with display:none and the head are left out; visibility:hidden still takes space), layout giving each box a position and size in CSS pixels for a 1024×768 viewport, and the paint list of drawing operations. First paint waits for the render-blocking stylesheets in the document head.',
      why: 'This is how markup becomes pixels. A slow stylesheet in the document head delays first paint because painting without it would flash unstyled content.',
    },
    'corb.decision': {
      title: 'ORB / CORB decision',
      what: 'The network service checked a cross-origin no-cors response (an img, script or link element pointing at another site) before the renderer could see it. HTML, XML and JSON, or content sniffed as such, or a nosniff response of those types, is blocked: the renderer gets net::ERR_BLOCKED_BY_ORB and no bytes. Images, scripts, stylesheets and media pass.',
      why: 'A compromised or Spectre-attacked renderer could read any bytes in its process. Opaque Response Blocking keeps cross-origin data (your JSON, your HTML) out of the renderer when the page could not legitimately use it.',
    },
    'step.mode': {
      title: 'Step mode',
      what: 'Step mode was switched on or off, or its pace changed. While it is on, the browser process holds every message at delivery until you let it go: one message per step, everything up to the next phase of the journey, or one message every interval while playing. Switching it off lets the held messages go in the order they arrived.',
      why: 'Nothing crosses a thread or process boundary without a step, so you can watch the navigation one message at a time while it really happens. The browser’s own timeouts count running time only, so waiting here never makes a navigation fail.',
    },
    'step.held': {
      title: 'Held for a step',
      what: 'A message reached the browser process and waits at the step gate. The receiver has not seen it yet; everything that depends on it waits too.',
      why: 'All messages wait in one queue in arrival order, so a stepped navigation sends the same messages in an order a normal run could have had.',
    },
    'step.released': {
      title: 'Released by a step',
      what: 'A held message was let go and delivered to its receiver; the time it waited at the gate is shown. Its delivery time in the sequence includes that wait.',
      why: 'The waits are yours, not the browser’s: the phase waterfall cuts the stretches in which the navigation only waited for you out of its time axis (a hatched break), so a phase is never shown as slow because you looked at it for a while.',
    },
    error: {
      title: 'Error or warning',
      what: 'Something went wrong, or is worth noticing, at one place: for example a cancelled loader, a request that had to wait for a free socket, or a renderer that did not become ready in time. The record says where and what.',
      why: 'Failures are part of the journey: seeing exactly where one happened shows what each step depends on.',
    },
    'hsts.upgrade': {
      title: 'HSTS: upgraded to https before any DNS',
      what: "The host is on the HSTS list (Chromium's preload list shipped with the browser, or a policy learned from an earlier Strict-Transport-Security header), so the network service rewrote http:// to https:// itself. It shows as a 307 Internal Redirect with the header Non-Authoritative-Reason: HSTS, exactly as in DevTools; no packet was sent for the http URL.",
      why: 'A plaintext first request could be intercepted and the user kept on http (SSL stripping). HSTS makes the browser refuse plaintext for that host altogether, and the preload list protects even the very first visit.',
    },
    'hsts.learned': {
      title: 'HSTS: policy learned from a header',
      what: 'An https response carried Strict-Transport-Security. The network service stored the host with its max-age (and includeSubDomains if set) and saved it to disk; from now on http:// URLs for it are upgraded before any DNS. max-age=0 removes the entry. The header is ignored over plain http.',
      why: 'Only a response that arrived over an authenticated connection may switch HSTS on; otherwise an attacker could plant or remove policies.',
    },
    'https.upgrade': {
      title: 'HTTPS first for a typed address',
      what: 'You typed a host without a scheme. The omnibox made it http://, and the network service first tries https:// (shown as an internal redirect). If the secure connection fails — refused, or a certificate problem — it falls back to http:// and says so.',
      why: 'Most sites support https, so trying it first keeps the connection private without the user typing https://, while the fallback keeps plain-http sites reachable.',
    },
    'cookie.stored': {
      title: 'Cookies stored from Set-Cookie',
      what: 'The response carried Set-Cookie headers. Each was checked (domain against the public suffix list, Secure only over https, the __Host- and __Secure- prefixes, SameSite) and stored in the cookie jar, or refused with the reason shown.',
      why: 'Cookies let a site remember state between requests; the checks stop one site from setting cookies for another or a network attacker from planting secure cookies.',
    },
    'cookie.sent': {
      title: 'Cookies sent with the request',
      what: 'Before the request went out, the network service looked up the cookies whose domain, path, Secure flag, expiry and SameSite rules match this URL and this context, and added them as one Cookie header.',
      why: 'This is how a site sees its own earlier state (a login session, a preference) on the next request.',
    },
    'cache.lookup': {
      title: 'HTTP cache',
      what: 'The HTTP cache decided what to do with this URL: a miss goes to the server; a fresh entry (within max-age) is used without any network request; a stale entry or no-cache is revalidated with If-None-Match / If-Modified-Since, and a 304 Not Modified means the stored body is reused.',
      why: 'Serving from cache saves the DNS, connection and transfer time; revalidation costs a round trip but no body.',
    },
    'mime.sniffed': {
      title: 'MIME type sniffed',
      what: 'The browser worked out the response’s real type from the Content-Type it was given and the first bytes of the body, at most 1445 of them, following the WHATWG MIME Sniffing Standard. The event shows the supplied type, the computed type, the rule that decided and the byte signature that matched (for example %PDF- for a PDF or 89 50 4E 47 for a PNG), with those first bytes as hex and as text. With X-Content-Type-Options: nosniff the supplied type is kept as it is, and a text/plain resource is only checked for text versus binary.',
      why: 'Many servers send no Content-Type or a wrong one, so browsers guess from the content, and the standard makes every browser guess the same way. Sniffing is limited on purpose: nosniff lets a site forbid it, and text/plain never becomes HTML, because treating an uploaded text file as a page could run script in the site’s origin.',
    },
    'safebrowsing.check': {
      title: 'Safe Browsing check',
      what: 'Before the response is used, the URL is checked against the Safe Browsing lists the way Google’s protocol v4 does it. The URL is canonicalized and turned into host-suffix and path-prefix expressions (for https://www.naver.com/ these are www.naver.com/ and naver.com/), each expression is hashed with SHA-256, and the first 4 bytes of each hash are looked up in a local list of prefixes. A prefix hit is only a candidate: the full hashes starting with that prefix are fetched, and only a full-hash match makes the verdict unsafe, with a threat type such as malware or social engineering. An unsafe page is replaced by an interstitial warning and the security indicator becomes dangerous; the user can go back or proceed past it, and bypassed means they proceeded.',
      why: 'Only short hash prefixes ever leave the browser, never the URL itself, so Google does not learn which page you visit, and the local list answers almost every check without a network request. Confirming with the full hash rules out the false alarms a 4-byte prefix alone would raise.',
    },
    'navigation.decision': {
      title: 'What to do with the response',
      what: 'With the type and the Safe Browsing verdict known, the browser decides, and records why: render (a type the renderer can show, such as HTML, text or an image), download (Content-Disposition: attachment, or a type the renderer cannot show), no-commit (204 No Content or 205 Reset Content), error-page (a network error) or blocked (a Safe Browsing hit, shown as an interstitial). Render commits the document and error-page commits an error page in a separate error-page process; download and no-commit commit nothing and leave the current page where it is, a download being saved by the download manager in the browser process. CORB/ORB plays no part here: it protects cross-origin no-cors subresources, not the navigation response.',
      why: 'The trusted browser process decides before any renderer sees the body, so a file meant to be saved or a dangerous page is never handed to a renderer to show. Keeping the old page for a download or a 204 means a download link does not blank the tab.',
    },
    'download.begin': {
      title: 'Download started',
      what: 'The response is saved as a file instead of being shown: the download manager in the browser process takes over the body, with the file name (from Content-Disposition or the URL), the path it is written to, the MIME type and the total size when the server sent Content-Length. The navigation ends without a commit, so no renderer is involved and the old page, its URL and its history entry stay as they were.',
      why: 'A file to be saved is not a document, so it needs no renderer process and must not replace the page you are on. Writing to disk is a privileged action that belongs to the browser process, not to a sandboxed renderer.',
    },
    'download.progress': {
      title: 'Download progress',
      what: 'How far the download has got: the bytes received so far and the total expected. The download manager writes the body to disk as it arrives, and Chrome’s downloads UI shows these two numbers as a progress bar.',
      why: 'Files can be large and slow, so the body is streamed to disk instead of being held in memory, and reporting progress tells the user how much is left while the tab stays usable.',
    },
    'download.end': {
      title: 'Download finished',
      what: 'The download ended, either complete (every byte received and the file written at its final path) or interrupted (for example the connection dropped or the file could not be written), with the bytes received and the error. Chrome writes to a temporary .crdownload file and gives it its real name only when the download is complete.',
      why: 'Telling complete from interrupted means a half-written file is never presented as finished, and Chrome can offer to resume an interrupted download where it stopped.',
    },
    'process.assigned': {
      title: 'Renderer process chosen',
      what: 'The browser picked the renderer process for the response’s site (scheme plus eTLD+1, such as https://naver.com), with the reason: reused (a process that already hosts that site), spare (the spare renderer process Chromium keeps warm, now locked to this site), speculative (a process started in parallel with the network request of a cross-site navigation) or new (a process spawned now). In Chromium this is the SiteInstance and RenderProcessHost chosen for the navigation.',
      why: 'Site isolation needs one process per site, but starting a process takes time, so Chromium reuses one, keeps a spare or starts one early to keep that cost off the navigation’s critical path.',
    },
    'process.discarded': {
      title: 'Speculative process discarded',
      what: 'A process chosen ahead of time was dropped because it no longer fits, typically because the navigation was redirected to another site, so the process started speculatively for the first site cannot host the response. The browser picks or spawns a process for the new site instead, and the reason is recorded.',
      why: 'A renderer process is locked to one site and may never host another site’s document. Starting early is a bet that usually pays off; when a cross-site redirect loses it, the only cost is the discarded process.',
    },
    'process.unresponsive': {
      title: 'Renderer not responding',
      what: 'A renderer has not answered a message the browser is waiting for, such as the beforeunload reply or the commit acknowledgement, for a few seconds; the event says what is awaited and for how long. Chromium’s hang monitor then reports the renderer as unresponsive and offers to wait or to kill the page. The process is still alive: it is busy or stuck, not crashed.',
      why: 'The browser cannot interrupt page code from inside the renderer, so it watches from outside with timeouts. Because the renderer is a separate process, the browser UI and other tabs keep working while it hangs.',
    },
    'tab.created': {
      title: 'Tab opened',
      what: 'A new tab: in Chromium a WebContents, with its own frame tree (a main FrameTreeNode), navigation controller and session history. Opening a tab starts no process by itself: a renderer process is chosen when the tab’s first navigation knows its site.',
      why: 'Each tab keeps its own history and state, but tabs do not each get a process: tabs showing the same site share that site’s renderer process, which is why the task manager shows fewer processes than tabs for one site and more for a page full of cross-site frames.',
    },
    'tab.activated': {
      title: 'Tab shown',
      what: 'This tab became the one shown: the user switched to it, or the tab that was shown closed. Its address bar, title, spinner and history are the window’s now; the other tabs keep loading in the background.',
      why: 'The browser keeps every tab’s state apart and only swaps what is displayed; switching tabs sends no message to any renderer.',
    },
    'tab.closed': {
      title: 'Tab closed',
      what: 'A tab closed: its frames are removed, and each renderer process left with no frame of any tab is shut down (ChildProcess.ProcessShutdown). A process another tab still uses for the same site stays.',
      why: 'Processes are shared per site across tabs, so closing a tab ends a process only when it was the last user of that process.',
    },
    'frame.created': {
      title: 'Frame created',
      what: 'A FrameTreeNode: a tab’s main frame, or an iframe the parent document’s parser found (the renderer asked with FrameHost.CreateChildFrame). It has an id for life, a parent, and a process hosting its current document; the browser then runs the iframe’s own NavigationRequest.',
      why: 'The browser keeps the whole frame tree of each tab, across processes, because under site isolation a page’s frames can live in several renderer processes and only the browser sees all of them.',
    },
    'frame.committed': {
      title: 'Frame committed a document',
      what: 'A navigation committed in this frame: its document, site and hosting process are now these. A same-site iframe commits in its parent’s process; a cross-site one commits in its own site’s process (an out-of-process iframe).',
      why: 'Site isolation: a document from another site never shares a process with this page, so a compromised renderer cannot read another site’s data from its own memory.',
    },
    'frame.loaded': {
      title: 'Frame loaded',
      what: 'The frame’s document fired load and the browser heard it (DidFinishLoad). A parent’s load waits for its iframes’ loads, as the HTML standard says, even when an iframe runs in another process: the browser passes the child’s completion on to the parent’s process.',
      why: 'The load event promises that everything in the page is there, iframes included; across processes only the browser can tell the parent that its child finished.',
    },
    'frame.removed': {
      title: 'Frame removed',
      what: 'A FrameTreeNode went away: its parent navigated to another document, its iframe was removed, or its tab closed. Its proxies in other processes go with it.',
      why: 'When the last frame a renderer process hosts is gone, the process has nothing left to do and can be shut down.',
    },
    'proxy.created': {
      title: 'Frame proxy created',
      what: 'A renderer process got a RenderFrameProxy: a placeholder for a frame whose document lives in another process (AgentSchedulingGroup.CreateRemoteChildFrame). The parent page’s process draws the out-of-process iframe’s box and sends postMessage and focus through the proxy; it never holds the iframe’s document.',
      why: 'The proxy lets the parent’s frame tree stay whole (window.frames, sizes, events) while the cross-site document stays in its own process.',
    },
    'proxy.removed': {
      title: 'Frame proxy removed',
      what: 'A RenderFrameProxy was dropped: the frame it stood for was removed, or that frame’s document moved into this process.',
      why: 'A process keeps proxies only for frames of its pages that live elsewhere.',
    },
    'process.responsive': {
      title: 'Renderer responding again',
      what: 'A renderer that was reported unresponsive has answered again, so the reply it owed has arrived and the navigation or the page carries on. Chromium closes its Page Unresponsive dialog if it is still showing.',
      why: 'A renderer that is only slow, busy with a long script or a heavy page, usually recovers, which is why the browser offers to wait instead of killing it straight away.',
    },
    'trace.source': {
      title: 'Where this trace came from',
      what: 'This trace was not recorded by NavScope’s model: it is what a real Chromium recorded about itself, either a navigation NavScope had the system’s Chromium (or Electron’s own Chromium) perform in lab mode with tracing on, or a Chrome trace opened from a file. This first event says which Chromium, how the trace was recorded, and how far each fact can be trusted: a message’s receiver is always exact, its sender is exact when the trace links the send to the receive and otherwise inferred from which kind of process calls that interface.',
      why: 'NavScope’s model and a real browser can be shown in the same views, so the window must say which one you are looking at. Knowing what is measured and what is inferred keeps the comparison honest.',
    },
    'real.process': {
      title: 'A real Chromium process',
      what: 'One process of the real browser as its trace names it, with its real pid and its threads: the browser process (CrBrowserMain), renderer processes (CrRendererMain), the GPU process (CrGpuMain), the network service (network.CrUtilityMain) and other utility processes such as the storage service. Unlike NavScope’s model, Chromium runs its network stack in a process of its own, the network service.',
      why: 'Chromium splits work into processes by privilege and by site: renderers run untrusted page code in a sandbox, the GPU process talks to the graphics driver, and the network service keeps all sockets in one place that can be restarted if it crashes.',
    },
    'real.summary': {
      title: 'What the real trace held',
      what: 'A count of everything in the real trace: how many trace events it had, how many NavScope shows (processes, Mojo messages, navigation spans, network steps) and how many it only counts (the most frequent of those are listed by name), how many Mojo messages have a method name, and how their senders are known. Nothing is dropped without being counted.',
      why: 'A page load in a real Chromium records tens of thousands of events, most of them about rendering, scheduling and tracing itself. The summary shows how much of that a view leaves out, so nothing disappears silently.',
    },
    'import.source': {
      title: 'Imported file',
      what: 'This trace was not recorded by NavScope: it was read from a file a browser or a tool wrote, a HAR (DevTools, Playwright, Firefox), a NetLog (chrome://net-export, --log-net-log, Electron’s netLog) or a Chrome trace. It says which format, which program wrote it, when it began, whether it had to be repaired (a NetLog cut off while it was being written) and what could not be used. Such a file records the network only: there are no processes or messages to show, so the waterfall and the request details are where to look.',
      why: 'Engineers already collect these files to find out why a page was slow or failed; reading them into the same views as NavScope’s own navigations lets the same explanations apply to a real browser’s traffic.',
    },
    'request.begin': {
      title: 'Request starts',
      what: 'A request read from the imported file begins: its URL and method, what it is for (document, stylesheet, script, image…), who asked for it (the initiator, a page’s origin) and its priority. A request with no initiating page that is not a navigation was made by the browser on its own behalf, for example an update check or an account lookup; with the lab’s host rules such requests fail with ERR_NAME_NOT_RESOLVED, which is expected.',
      why: 'Knowing who started a request explains why it happened: the parser found a tag, a script fetched something, or the browser itself needed something that no page asked for.',
    },
    'request.redirect': {
      title: 'Redirect',
      what: 'The request was redirected to another URL: by the server (a 301, 302, 303, 307 or 308 response with a Location header) or inside the browser without any request (a 307 internal redirect, for example HSTS or HTTPS-Upgrades turning http into https). The next hop starts from the new URL, with its own DNS, connection and request where needed.',
      why: 'Redirects move content without breaking old links and send users to https; each hop costs at least one round trip, which is why long chains slow a page down.',
    },
    'request.end': {
      title: 'Request ends',
      what: 'The request has finished: with its HTTP status, or with a net error by its Chromium name (ERR_NAME_NOT_RESOLVED, ERR_CONNECTION_REFUSED, ERR_CERT_AUTHORITY_INVALID…) if no usable response arrived. It also says whether the HTTP cache answered, which protocol was used (http/1.1, h2, h3), the server’s address, the connection and whether it was reused, and the bytes of the body.',
      why: 'The status and the error name are the first things to check when a page is broken; the connection reuse and cache columns explain why some requests are much faster than others.',
    },
  },
};
