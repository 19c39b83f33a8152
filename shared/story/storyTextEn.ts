/**
 * The story in English: for each chapter, two to four sentences about this navigation,
 * written for a student preparing "what happens when you type a URL and press Enter?".
 * Every number and name comes from the facts (the trace).
 */
import type { PhaseId } from '../trace/phases.js';
import type { StoryFacts } from './storyFacts.js';
import { type StoryOutcome, formatMs as ms, joinList, loadMoments, serverName, storyOutcome } from './storyFormat.js';
import type { StoryTeller } from './storyTeller.js';

const TITLES: Record<PhaseId, string> = {
  'handle-input': 'Handle the input',
  'start-navigation': 'Start the navigation',
  network: 'Network: HSTS, DNS, TCP, TLS, HTTP',
  'read-response': 'Read the response',
  'find-renderer': 'Find a renderer process',
  commit: 'Commit',
  load: 'Load and render',
};

const DECISION: Record<string, string> = {
  render: 'So the browser decided to render it in a renderer process',
  'no-commit': 'So the browser decided to commit nothing',
  'error-page': 'So the browser decided to show an error page',
};

const ROLE: Record<string, string> = {
  root: 'the root',
  tld: 'a top-level domain server',
  authoritative: 'the authoritative server',
  resolver: 'the resolver',
};

function input(f: StoryFacts): string[] {
  const o = f.omnibox;
  const p = f.parsed;
  const out: string[] = [];
  if (o) {
    const kind =
      o.inputType === 'QUERY'
        ? 'a search query, not an address'
        : o.inputType === 'UNKNOWN'
          ? 'something that may be an address or a search (UNKNOWN)'
          : o.inputType === 'URL'
            ? 'a URL, not a search'
            : 'empty';
    out.push(`You typed “${o.text}”, and the browser's UI thread classified it as ${kind}: ${o.reason}.`);
    if (o.inputType === 'QUERY' && o.url) out.push(`So it became a search: ${o.url}.`);
    if (o.didYouMean) out.push(`It also offers “did you mean ${o.didYouMean}?”.`);
  } else {
    out.push(`The navigation asked for ${f.input}.`);
  }
  if (p && o?.inputType !== 'QUERY')
    out.push(
      `It read ${p.url} as scheme ${p.scheme}, host ${p.hostUnicode}${p.isIdn ? ` (${p.host} in punycode)` : ''}, port ${p.effectivePort ?? p.port ?? '—'}${p.port === null ? ' (the default)' : ''} and path ${p.path}.`,
    );
  const extent = f.phases['handle-input'];
  if (extent?.durationMicros != null)
    out.push(
      `All of this took ${ms(extent.durationMicros)} inside the browser process; nothing went on the network yet.`,
    );
  return out;
}

function start(f: StoryFacts): string[] {
  const s = f.start;
  if (!s) return [];
  const out = [
    `Pressing Enter started a browser-initiated navigation (transition “${s.transition}”): the UI thread created a NavigationRequest for ${s.url} and the tab's spinner began to turn.`,
  ];
  out.push(
    s.beforeUnloadAsked
      ? `The page already open was asked first, in ${s.beforeUnloadAsked}, whether it may be left (beforeunload).`
      : 'No page had to be asked first (no beforeunload), and because the address came from the browser itself, no renderer was asked to begin it.',
  );
  if (s.speculative)
    out.push(
      `At the same time a renderer process, ${s.speculative.processId}, was started speculatively for ${s.speculative.site}.`,
    );
  return out;
}

function dnsSentence(f: StoryFacts): string | null {
  const d = f.dns;
  if (!d) return null;
  const took = d.micros !== null ? ` in ${ms(d.micros)}` : '';
  if (d.source === 'cache')
    return `The browser's host cache already knew ${d.host} (${d.addresses.join(', ')}), so no DNS packet was sent${took}.`;
  if (d.hops.length === 0) {
    if (d.error) return `Looking up ${d.host} failed: ${d.error}.`;
    return `${d.host} was resolved by the ${d.source ?? 'system'} resolver to ${d.addresses.join(', ')}${took}.`;
  }
  const chain = d.hops.map((h, i) => {
    const who = `${serverName(h.server)}${i === 0 ? `, ${ROLE[h.server.role] ?? h.server.role}` : ''}`;
    if (h.answer) return `${who} answered ${h.answer}`;
    if (h.referral) return `${who} pointed to ${h.referral.split(' NS ')[1]}`;
    return `${who} answered ${h.rcode}`;
  });
  const cache =
    d.cache === 'miss'
      ? 'The host cache had no entry, so '
      : d.cache === 'expired'
        ? 'The host cache entry had expired, so '
        : '';
  const verb = cache ? 'the' : 'The';
  const queries = `${d.hops.length} ${d.hops.length === 1 ? 'query' : 'queries'}${took}`;
  return `${cache}${verb} resolver walked the DNS tree for ${d.host}: ${joinList(chain, 'then')} — ${queries}.`;
}

function network(f: StoryFacts, outcome: StoryOutcome): string[] {
  const out: string[] = [];
  if (f.hsts)
    out.push(
      `Before any DNS, HSTS upgraded ${f.hsts.from} to ${f.hsts.to}: ${f.hsts.source === 'preload' ? `${f.hsts.matchedHost} is on the HSTS list built into the browser${f.hsts.includeSubdomains ? ' (with its subdomains)' : ''}` : `${f.hsts.matchedHost} had told this browser before, with Strict-Transport-Security, to use https only`}, so no plain-http request ever left (an internal 307 redirect).`,
    );
  else if (f.httpsUpgrade)
    out.push(
      f.httpsUpgrade.outcome === 'upgraded'
        ? `Typed without a scheme, the address was tried over https first (${f.httpsUpgrade.to}).`
        : `https did not work, so the browser fell back to ${f.httpsUpgrade.to} (${f.httpsUpgrade.reason}).`,
    );
  const dns = dnsSentence(f);
  if (dns) out.push(dns);
  if (f.dns?.error) {
    out.push(`The navigation stopped here with ${f.netError?.name ?? 'an error'}: no web server was ever contacted.`);
    return out;
  }
  const tcp = f.tcp;
  const tls = f.tls;
  if (tcp?.reused)
    out.push(`It reused an open keep-alive connection to ${tcp.remote}, so there was no new TCP or TLS handshake.`);
  else if (tcp) {
    if (tcp.error) out.push(`The TCP connection to ${tcp.remote} failed: ${tcp.error}.`);
    else {
      const connect = `A TCP connection to ${tcp.remote} took ${tcp.micros !== null ? ms(tcp.micros) : 'a moment'} (SYN, SYN-ACK, ACK)`;
      if (tls && !tls.error)
        out.push(
          `${connect}, then the TLS handshake agreed on ${tls.protocol} with ${tls.cipher}${tls.alpn ? ` (ALPN ${tls.alpn})` : ''} in ${tls.micros !== null ? ms(tls.micros) : 'a moment'} and checked the server's certificate.`,
        );
      else if (tls?.error)
        out.push(
          `${connect}, but the TLS handshake failed: ${tls.error}. The browser stops before a single byte of the request is sent.`,
        );
      else out.push(`${connect}; plain http, so no TLS.`);
    }
  }
  const http = f.http;
  if (http && http.statusLine) {
    const redirects =
      f.redirects.length > 0
        ? ` after ${f.redirects.length} redirect${f.redirects.length === 1 ? '' : 's'} (${f.redirects.map((r) => `${r.status} → ${r.to}`).join(', ')})`
        : '';
    const wait = http.waitMicros !== null ? ` after waiting ${ms(http.waitMicros)} for the first byte` : '';
    const total = f.phases.network?.durationMicros;
    out.push(
      `The request “${http.requestLine}” got “${http.statusLine}”${wait}${redirects}${http.fromCache ? ` (from the HTTP cache: ${http.fromCache})` : ''}${total != null ? `; the whole network part took ${ms(total)}` : ''}.`,
    );
  } else if (outcome !== 'loaded' && f.netError && !tls?.error && !tcp?.error)
    out.push(`The network part ended with ${f.netError.name}: ${f.netError.detail}.`);
  return out;
}

function readResponse(f: StoryFacts, outcome: StoryOutcome): string[] {
  const r = f.response;
  const out: string[] = [];
  const sniff = r.sniff;
  if (sniff)
    out.push(
      `The response was ${r.status ?? '—'} with Content-Type ${sniff.supplied ?? '(none)'}${sniff.noSniff ? ' and nosniff' : ''}; MIME sniffing looked at ${sniff.byteCount} bytes and settled on ${sniff.computed}: ${sniff.rule}.`,
    );
  const sb = r.safeBrowsing;
  if (sb) {
    const hits = sb.expressions.filter((x) => x.prefixMatch).length;
    out.push(
      sb.verdict === 'unsafe'
        ? `Safe Browsing found ${sb.url} on its ${sb.threatType ?? 'unsafe'} list (${hits} of ${sb.expressions.length} hashed expressions matched a prefix, confirmed by the full hash), so the page was blocked and a red warning page shown instead: no renderer ever got its bytes.`
        : `Safe Browsing hashed ${sb.expressions.length} expressions of the URL (${sb.expressions.map((x) => x.expression).join(', ')}) and found ${hits} in its local list, so the verdict was safe.`,
    );
  }
  const decision = r.decision;
  if (outcome === 'download' && f.download)
    out.push(
      `${decision?.reason ?? 'It is a download'}: ${f.download.filename} (${f.download.bytes} bytes) was ${f.download.state === 'complete' ? 'saved' : `interrupted (${f.download.error ?? 'error'})`} and the page on screen stayed.`,
    );
  else if (decision && decision.decision !== 'blocked')
    out.push(`${DECISION[decision.decision] ?? `Decision: ${decision.decision}`} (${decision.reason}).`);
  if (r.corbNote && out.length < 4) out.push(`${r.corbNote}.`);
  return out;
}

function renderer(f: StoryFacts): string[] {
  const r = f.renderer;
  if (!r) return [];
  const errorPage = r.site.startsWith('chrome-error:');
  const out = [
    errorPage
      ? `An error page belongs to no website: it goes to the error-page process (${r.site}).`
      : `The page belongs to the site ${r.site} (scheme + eTLD+1), and each site gets its own renderer process (Site Isolation).`,
  ];
  const pid = r.pid !== null ? `, pid ${r.pid}` : '';
  const how =
    r.how === 'reused'
      ? `${r.processId}${pid} already hosted this site, so it was reused`
      : r.how === 'spare'
        ? `the spare renderer the browser keeps ready, ${r.processId}${pid}, took it`
        : r.how === 'speculative'
          ? `the renderer started speculatively, ${r.processId}${pid}, took it`
          : `a new renderer process started: ${r.processId}${pid}`;
  out.push(`${how[0]!.toUpperCase()}${how.slice(1)} (${r.reason}).`);
  if (r.launchMicros !== null) out.push(`Starting it took ${ms(r.launchMicros)} until it said it was ready.`);
  return out;
}

function commit(f: StoryFacts): string[] {
  const c = f.commit;
  if (!c) return [];
  const failed = c.message === 'NavigationClient.CommitFailedNavigation';
  const out = [
    failed
      ? `The browser sent ${c.message} to ${c.processId} with the error page for ${f.netError?.name ?? 'the error'}.`
      : `The browser sent ${c.message} to ${c.processId} with the response head, and the body flowed from the network thread straight into that renderer.`,
  ];
  if (c.ackMicros !== null)
    out.push(
      `The renderer replied to CommitNavigation ${ms(c.ackMicros)} after Enter (the reply carries DidCommitProvisionalLoadParams); only then did the address bar show ${c.url}${c.security ? ` (security: ${c.security})` : ''} and the history get its entry.`,
    );
  const extent = f.phases.commit;
  if (extent?.durationMicros != null) out.push(`The commit step took ${ms(extent.durationMicros)}.`);
  return out;
}

function load(f: StoryFacts): string[] {
  const l = f.load;
  if (!l) return [];
  const out: string[] = [];
  const who = f.commit?.processId ?? 'The renderer';
  const kinds = [...new Set(l.subresources.map((s) => s.destination))];
  out.push(
    l.subresources.length > 0
      ? `${who} parsed the HTML as it arrived${l.nodeCount !== null ? ` into ${l.nodeCount} DOM nodes` : ''} and asked the network thread for ${l.subresources.length} subresource${l.subresources.length === 1 ? '' : 's'} (${kinds.join(', ')})${l.orbBlocked > 0 ? `; ORB blocked ${l.orbBlocked} cross-origin response${l.orbBlocked === 1 ? '' : 's'}` : ''}.`
      : `${who} parsed the HTML${l.nodeCount !== null ? ` into ${l.nodeCount} DOM nodes` : ''}; it needed no subresources.`,
  );
  const moments = loadMoments(l, { paint: 'first paint', dcl: 'DOMContentLoaded', load: 'load' }).map(
    (m) => `${m.label} at ${ms(m.micros)}`,
  );
  if (moments.length > 0) out.push(`Counted from Enter: ${joinList(moments, 'and')}.`);
  if (l.failed) out.push(`The body failed after the commit (${l.failed}): the page shows what arrived.`);
  if (l.stopMicros !== null)
    out.push(`DidStopLoading stopped the spinner at ${ms(l.stopMicros)}: the navigation is complete.`);
  return out;
}

/** Why a chapter did not happen, in one or two sentences. */
function skipped(phase: PhaseId, f: StoryFacts, outcome: StoryOutcome): string[] {
  const error = f.netError ? `${f.netError.name}` : 'the failure';
  switch (outcome) {
    case 'interstitial':
      return phase === 'read-response'
        ? [
            `There was no response to read: the navigation stopped at the network step with ${error}, and the browser itself drew a warning page (interstitial) — no website content at all.`,
          ]
        : [
            'This did not happen: the warning page is drawn by the browser, so no renderer process is chosen and nothing commits.',
          ];
    case 'blocked':
      return [
        'This did not happen: Safe Browsing blocked the page, so no renderer process got it and nothing committed.',
      ];
    case 'download':
      return [
        'This did not happen: a download is saved by the browser process, so no renderer is needed, nothing commits and the page on screen stays.',
      ];
    case 'no-commit':
      return [
        `This did not happen: a ${f.response.status ?? ''} response has no document, so nothing commits and the page on screen stays.`,
      ];
    case 'error-page':
      return phase === 'read-response'
        ? [
            `There was no response to read: the request failed with ${error}, so the browser decided to show an error page.`,
          ]
        : ['This did not happen for this navigation.'];
    default:
      return ['This step was not recorded for this navigation (the trace ends before it).'];
  }
}

function failureOf(f: StoryFacts, outcome: StoryOutcome): string | null {
  switch (outcome) {
    case 'error-page':
      return f.netError
        ? `It failed: ${f.netError.name} (${f.netError.detail}). The browser committed its own error page instead.`
        : 'It failed, and the browser committed an error page.';
    case 'interstitial':
      return `It failed: ${f.netError?.name ?? f.interstitial?.error} (${f.netError?.detail ?? f.interstitial?.detail}). The browser showed a warning page instead of the site.`;
    case 'blocked':
      return `Safe Browsing blocked it as ${f.response.safeBrowsing?.threatType ?? 'unsafe'}: a warning page was shown instead.`;
    case 'crashed':
      return 'The renderer process crashed: the tab shows a sad face.';
    case 'load-failed':
      return `The page committed, but its body failed (${f.load?.failed}).`;
    default:
      return null;
  }
}

function answer(f: StoryFacts, outcome: StoryOutcome): string {
  const parts: string[] = [];
  const o = f.omnibox;
  if (o) parts.push(`the browser read “${o.text}” as ${o.inputType === 'QUERY' ? 'a search' : 'a URL'}`);
  if (f.hsts) parts.push('HSTS turned http into https before any packet left');
  const d = f.dns;
  if (d?.hops.length)
    parts.push(
      `DNS walked ${d.hops.map((h) => (h.server.zone === '.' ? 'the root' : h.server.zone)).join(' → ')}${d.addresses.length ? ` to ${d.addresses.join(', ')}` : ''}`,
    );
  else if (d?.source === 'cache') parts.push('DNS came from the host cache');
  if (f.tcp && !f.tcp.reused && !f.tcp.error)
    parts.push(`TCP connected${f.tls && !f.tls.error ? ` and TLS (${f.tls.protocol}) secured the connection` : ''}`);
  if (f.http?.statusLine) parts.push(`the server answered ${f.http.status}`);
  if (f.response.sniff && f.response.safeBrowsing?.verdict === 'safe')
    parts.push(`the browser checked the type (${f.response.sniff.computed}) and Safe Browsing`);
  if (f.renderer && !f.renderer.site.startsWith('chrome-error:'))
    parts.push(`${f.renderer.processId} took the site ${f.renderer.site}`);
  if (f.commit?.ackMicros != null && outcome === 'loaded')
    parts.push(`the page committed at ${ms(f.commit.ackMicros)}`);
  if (f.load?.loadMicros != null && outcome === 'loaded') parts.push(`and load fired at ${ms(f.load.loadMicros)}`);
  const sentence =
    parts.length > 0
      ? `${parts[0]![0]!.toUpperCase()}${parts[0]!.slice(1)}${parts.length > 1 ? `, ${parts.slice(1).join(', ')}` : ''}.`
      : '';
  const ending =
    failureOf(f, outcome) ??
    (outcome === 'download' && f.download
      ? `It was a download: ${f.download.filename} (${f.download.bytes} bytes) was saved, and nothing committed.`
      : outcome === 'no-commit'
        ? `The ${f.response.status ?? ''} response had no document, so nothing committed and the page on screen stayed.`
        : null);
  return [sentence, ending].filter(Boolean).join(' ');
}

export const storyTextEn: StoryTeller = {
  lang: 'en',
  chapterTitle: (phase) => TITLES[phase],
  headline: (f) => `What happens when you type ${f.input} and press Enter`,
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
      `Recorded by NavScope (${mode === 'live' ? 'live internet' : 'lab mode, offline'}${when ? `, ${when}` : ''}); every number below comes from this trace.`,
    chapter: 'Chapter',
    firstMessage: 'First message',
    events: 'Trace events',
    processes: 'Processes',
    waterfall: 'Timeline',
    answer: 'The short answer',
    phase: 'Step',
    startMs: 'Start (ms)',
    durationMs: 'Duration (ms)',
    process: 'Process',
    pid: 'pid',
    none: '—',
    skipped: 'did not happen',
    failed: 'failed here',
  },
};
