/**
 * The explanation's two pictures as standalone SVG text (plain string building, no DOM):
 * the processes and servers this navigation went through, and a waterfall of its
 * phases and network steps. Used by the CLI and the window alike; every label is
 * escaped, every bar drawn from a recorded time.
 */
import { PHASES } from '../trace/phases.js';
import type { StoryFacts } from './storyFacts.js';
import { formatMs, hostOf } from './storyFormat.js';
import type { StoryTeller } from './storyTeller.js';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const FONT = `font-family="'NavScope Hangul', system-ui, 'Noto Sans', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', sans-serif"`;

function box(x: number, y: number, w: number, h: number, stroke: string, lines: string[], fill = '#fff'): string {
  const text = lines
    .map(
      (line, i) =>
        `<text x="${x + 10}" y="${y + 20 + i * 16}" font-size="${i === 0 ? 13 : 11}"${i === 0 ? ' font-weight="600"' : ' fill="#5c6678"'}>${escapeXml(line)}</text>`,
    )
    .join('');
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>${text}`;
}

function arrow(x1: number, y1: number, x2: number, y2: number, label: string): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1d2433" stroke-width="1.2" marker-end="url(#arrow)"/><text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 5}" font-size="10" text-anchor="middle" fill="#5c6678">${escapeXml(label)}</text>`;
}

/** The browser process (UI and network threads), the renderer that got the page, and the servers asked. */
export function processDiagramSvg(facts: StoryFacts, teller: StoryTeller): string {
  const browserPid = facts.processes.find((p) => p.id === 'browser')?.pid ?? null;
  const renderer = facts.renderer;
  const servers = [
    ...(facts.dns?.hops ?? []).map((h) => ({
      lines: [h.server.name || h.server.address, `DNS · ${h.server.zone} · ${h.server.address}`],
      stroke: '#b7791f',
    })),
    ...(facts.tcp?.remote
      ? [
          {
            lines: [facts.http ? hostOf(facts.http.url) : facts.tcp.remote, `web · ${facts.tcp.remote}`],
            stroke: '#6b7280',
          },
        ]
      : []),
  ];
  const width = 760;
  const rowH = 52;
  const height = Math.max(250, 40 + servers.length * (rowH + 10));
  const parts: string[] = [];
  parts.push(`<rect x="10" y="10" width="250" height="${height - 20}" rx="10" fill="#f7f9ff" stroke="#c6d4f1"/>`);
  parts.push(
    `<text x="20" y="30" font-size="11" fill="#5c6678">${escapeXml(`${teller.labels.process}: Browser${browserPid !== null ? ` (${teller.labels.pid} ${browserPid})` : ''}`)}</text>`,
  );
  parts.push(box(25, 45, 220, 54, '#1a73e8', ['UI thread', 'CrBrowserMain']));
  parts.push(box(25, 130, 220, 54, '#0f9d8a', ['Network thread', 'NetworkService']));
  parts.push(arrow(135, 99, 135, 130, ''));
  if (renderer) {
    parts.push(`<rect x="280" y="10" width="200" height="${height - 20}" rx="10" fill="#fbf7fd" stroke="#dcc6e8"/>`);
    parts.push(
      box(290, 45, 180, 70, '#8e44ad', [
        renderer.processId,
        `${teller.labels.pid} ${renderer.pid ?? '—'}`,
        renderer.site,
      ]),
    );
    parts.push(arrow(245, 65, 290, 65, 'Commit'));
  } else {
    parts.push(
      `<text x="290" y="80" font-size="11" fill="#5c6678">${escapeXml(`renderer: ${teller.labels.none}`)}</text>`,
    );
  }
  servers.forEach((server, i) => {
    const y = 20 + i * (rowH + 10);
    parts.push(box(510, y, 240, rowH, server.stroke, server.lines));
    parts.push(
      `<line x1="245" y1="157" x2="510" y2="${y + rowH / 2}" stroke="${server.stroke}" stroke-width="1" stroke-dasharray="4 3" opacity="0.7"/>`,
    );
  });
  return svg(width, height, parts.join(''), teller.labels.processes);
}

/** A waterfall: each phase of the journey and the main request's network steps, on one time axis (ms from Enter). */
export function waterfallSvg(facts: StoryFacts, teller: StoryTeller): string {
  const rows: { label: string; start: number; duration: number; color: string; failed: boolean }[] = [];
  for (const phase of PHASES) {
    const extent = facts.phases[phase.id];
    if (!extent) continue;
    rows.push({
      label: teller.chapterTitle(phase.id),
      start: extent.startMicros,
      duration: extent.durationMicros ?? 0,
      color: '#1a73e8',
      failed: extent.status === 'error',
    });
    if (phase.id === 'network')
      for (const step of facts.netSteps)
        rows.push({
          label: `  ${step.name}`,
          start: step.startMicros,
          duration: step.durationMicros,
          color: '#0f9d8a',
          failed: step.error,
        });
  }
  const end = Math.max(1, ...rows.map((r) => r.start + r.duration));
  const labelW = 240;
  const plotW = 480;
  const rowH = 22;
  const width = labelW + plotW + 90;
  const height = 40 + rows.length * rowH;
  const x = (micros: number) => labelW + (micros / end) * plotW;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const at = (end * i) / 4;
    parts.push(`<line x1="${x(at)}" y1="20" x2="${x(at)}" y2="${height - 10}" stroke="#eef0f4"/>`);
    parts.push(
      `<text x="${x(at)}" y="14" font-size="10" text-anchor="middle" fill="#5c6678">${escapeXml(formatMs(at))}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = 26 + i * rowH;
    const w = Math.max(1.5, x(row.start + row.duration) - x(row.start));
    parts.push(`<text x="6" y="${y + 13}" font-size="11" xml:space="preserve">${escapeXml(row.label)}</text>`);
    parts.push(
      `<rect x="${x(row.start).toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="2" fill="${row.failed ? '#c5221f' : row.color}"/>`,
    );
    parts.push(
      `<text x="${(x(row.start) + w + 4).toFixed(1)}" y="${y + 13}" font-size="10" fill="#5c6678">${escapeXml(formatMs(row.duration))}</text>`,
    );
  });
  return svg(width, height, parts.join(''), teller.labels.waterfall);
}

function svg(width: number, height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" ${FONT}><title>${escapeXml(title)}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1d2433"/></marker></defs>${body}</svg>`;
}
