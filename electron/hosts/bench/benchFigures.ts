/**
 * What `npm run bench` reports: figures, each a measurement with its reference
 * (measured in the same run), the target it must reach and whether it does.
 * Benchmarks are not tests: nothing here fails a build.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface BenchFigure {
  /** Stable key in bench/results.json. */
  id: string;
  section: string;
  label: string;
  value: number;
  unit: 'ms' | 'µs' | 'MB' | '×';
  /** What it was measured against, in the same run (for ratios), with that figure. */
  reference: string | null;
  /** "≤ 1.0×", "≤ 100 ms"…; null for figures reported without a target. */
  target: { max: number; text: string } | null;
  /** How many measurements the value summarizes. */
  samples: number;
}

export function isMet(figure: BenchFigure): boolean | null {
  return figure.target ? figure.value <= figure.target.max : null;
}

function formatValue(figure: BenchFigure): string {
  const digits = figure.unit === '×' ? 2 : figure.value >= 100 ? 0 : 1;
  return `${figure.value.toFixed(digits)}${figure.unit === '×' ? '×' : ` ${figure.unit}`}`;
}

/** The table `npm run bench` prints (and the README shows). */
export function formatFigures(figures: readonly BenchFigure[]): string {
  const rows = figures.map((f) => {
    const met = isMet(f);
    return [f.section, f.label, formatValue(f), f.target?.text ?? '—', met === null ? '' : met ? 'met' : 'MISSED', f.reference ?? ''];
  });
  const header = ['', 'figure', 'value', 'target', '', 'measured against (same run)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
