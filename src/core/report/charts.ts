/**
 * Charts as small pure functions: data in, an SVG string out. No library: the report needs three
 * shapes (horizontal bars, stacked bars, a line per series) and a timeline strip, each a few dozen
 * lines, and the same functions must run in the CLI, the webview and the Markdown preview (web
 * build included) with no DOM. Colours come from CSS classes (see chartCss), so one SVG follows
 * the VS Code theme in the editor and light or dark colours elsewhere.
 */

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A rounded upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Evenly spaced tick values from 0 to `max` (inclusive), at most `count + 1` of them. */
export function ticks(max: number, count = 4): number[] {
  const step = niceMax(max / count);
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** A label cut to `max` characters with an ellipsis. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : label.slice(0, Math.max(1, max - 1)) + '…';
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function open(kind: string, title: string, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sr-chart" data-chart="${escapeXml(kind)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeXml(title)}</title>`;
}

export interface BarRow {
  label: string;
  value: number;
  /** Drawn in the highlight colour (e.g. a standards candidate). */
  highlight?: boolean;
  /** A key the report's page uses to list what the bar counts (data-list). */
  list?: string;
}

/** Horizontal bars, one per row, with an optional dashed threshold line. */
export function barChart(opts: { kind: string; title: string; rows: readonly BarRow[]; threshold?: number; thresholdLabel?: string; width?: number }): string {
  const width = opts.width ?? 560;
  const labelW = 190;
  const rowH = 22;
  const top = opts.threshold !== undefined ? 22 : 6;
  const height = top + Math.max(1, opts.rows.length) * rowH + 22;
  const max = niceMax(Math.max(opts.threshold ?? 0, ...opts.rows.map((r) => r.value), 1));
  const plotW = width - labelW - 40;
  const x = (v: number) => labelW + (v / max) * plotW;
  let s = open(opts.kind, opts.title, width, height);
  for (const t of ticks(max)) {
    if (!Number.isInteger(t)) continue;
    s += `<line class="sr-grid" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${height - 18}"/>`;
    s += `<text class="sr-tick" x="${x(t).toFixed(1)}" y="${height - 4}" text-anchor="middle">${fmt(t)}</text>`;
  }
  opts.rows.forEach((r, i) => {
    const y = top + i * rowH;
    s += `<g class="sr-row"${r.list ? ` data-list="${escapeXml(r.list)}" tabindex="0"` : ''}><title>${escapeXml(`${r.label}: ${fmt(r.value)}`)}</title>`;
    s += `<text class="sr-label" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeXml(clip(r.label, 28))}</text>`;
    s += `<rect class="${r.highlight ? 'sr-bar sr-hot' : 'sr-bar'}" x="${labelW}" y="${y + 4}" width="${Math.max(1, x(r.value) - labelW).toFixed(1)}" height="${rowH - 8}" rx="2"/>`;
    s += `<text class="sr-value" x="${(x(r.value) + 5).toFixed(1)}" y="${y + 15}">${fmt(r.value)}</text></g>`;
  });
  if (opts.threshold !== undefined) {
    const tx = x(opts.threshold).toFixed(1);
    s += `<line class="sr-threshold" x1="${tx}" x2="${tx}" y1="${top - 6}" y2="${height - 18}"/>`;
    s += `<text class="sr-tick" x="${tx}" y="${top - 9}" text-anchor="middle">${escapeXml(opts.thresholdLabel ?? `≥ ${fmt(opts.threshold)}`)}</text>`;
  }
  return s + '</svg>';
}

/** Horizontal stacked bars: each row split into the series' values, with a legend. */
export function stackedBarChart(opts: { kind: string; title: string; series: readonly string[]; rows: ReadonlyArray<{ label: string; values: readonly number[] }>; width?: number }): string {
  const width = opts.width ?? 560;
  const labelW = 190;
  const rowH = 22;
  const top = 26;
  const height = top + Math.max(1, opts.rows.length) * rowH + 22;
  const max = niceMax(Math.max(1, ...opts.rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const plotW = width - labelW - 40;
  const w = (v: number) => (v / max) * plotW;
  let s = open(opts.kind, opts.title, width, height);
  let lx = labelW;
  opts.series.forEach((name, i) => {
    s += `<rect class="sr-s${i}" x="${lx}" y="6" width="10" height="10" rx="2"/><text class="sr-tick" x="${lx + 14}" y="15">${escapeXml(name)}</text>`;
    lx += 24 + name.length * 6.5;
  });
  for (const t of ticks(max)) {
    if (!Number.isInteger(t)) continue;
    const gx = (labelW + w(t)).toFixed(1);
    s += `<line class="sr-grid" x1="${gx}" x2="${gx}" y1="${top}" y2="${height - 18}"/><text class="sr-tick" x="${gx}" y="${height - 4}" text-anchor="middle">${fmt(t)}</text>`;
  }
  opts.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const total = r.values.reduce((a, b) => a + b, 0);
    s += `<g class="sr-row"><title>${escapeXml(`${r.label}: ${opts.series.map((n, k) => `${n} ${fmt(r.values[k] ?? 0)}`).join(', ')}`)}</title>`;
    s += `<text class="sr-label" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeXml(clip(r.label, 28))}</text>`;
    let x = labelW;
    r.values.forEach((v, k) => {
      if (v <= 0) return;
      s += `<rect class="sr-s${k}" x="${x.toFixed(1)}" y="${y + 4}" width="${w(v).toFixed(1)}" height="${rowH - 8}"/>`;
      x += w(v);
    });
    s += `<text class="sr-value" x="${(x + 5).toFixed(1)}" y="${y + 15}">${fmt(total)}</text></g>`;
  });
  return s + '</svg>';
}

/** One line per series over shared x labels; null values leave a gap. */
export function lineChart(opts: { kind: string; title: string; x: readonly string[]; series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>; unit?: string; width?: number }): string {
  const width = opts.width ?? 560;
  const height = 220;
  const left = 48, right = 16, top = 28, bottom = 30;
  const values = opts.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(1, ...values));
  const n = Math.max(1, opts.x.length);
  const px = (i: number) => left + (n === 1 ? (width - left - right) / 2 : (i / (n - 1)) * (width - left - right));
  const py = (v: number) => top + (1 - v / max) * (height - top - bottom);
  let s = open(opts.kind, opts.title, width, height);
  let lx = left;
  opts.series.forEach((ser, i) => {
    s += `<rect class="sr-s${i}" x="${lx}" y="6" width="10" height="10" rx="2"/><text class="sr-tick" x="${lx + 14}" y="15">${escapeXml(ser.name)}</text>`;
    lx += 24 + ser.name.length * 6.5;
  });
  for (const t of ticks(max)) {
    s += `<line class="sr-grid" x1="${left}" x2="${width - right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}"/>`;
    s += `<text class="sr-tick" x="${left - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`;
  }
  if (opts.unit) s += `<text class="sr-tick" x="${left - 6}" y="${top - 10}" text-anchor="end">${escapeXml(opts.unit)}</text>`;
  const every = Math.ceil(n / 8);
  opts.x.forEach((label, i) => {
    if (i % every === 0 || i === n - 1) s += `<text class="sr-tick" x="${px(i).toFixed(1)}" y="${height - 10}" text-anchor="middle">${escapeXml(label)}</text>`;
  });
  opts.series.forEach((ser, k) => {
    let path = '';
    let pen = false;
    ser.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${px(i).toFixed(1)} ${py(v).toFixed(1)}`;
      pen = true;
    });
    if (path) s += `<path class="sr-line sr-stroke${k}" d="${path}"/>`;
    ser.values.forEach((v, i) => {
      if (v !== null) s += `<circle class="sr-s${k}" cx="${px(i).toFixed(1)}" cy="${py(v).toFixed(1)}" r="3.5"><title>${escapeXml(`${ser.name} ${opts.x[i]}: ${fmt(v)}${opts.unit ? ' ' + opts.unit : ''}`)}</title></circle>`;
    });
  });
  return s + '</svg>';
}

type Colour = (name: string, light: string, dark: string) => string;

const PALETTE: ReadonlyArray<[string, string, string]> = [
  ['charts-red', '#d1242f', '#f85149'],
  ['charts-orange', '#bc4c00', '#db6d28'],
  ['charts-green', '#1a7f37', '#3fb950'],
  ['charts-blue', '#0969da', '#4493f8'],
  ['charts-purple', '#8250df', '#a371f7'],
  ['charts-yellow', '#9a6700', '#d29922'],
];

function rules(c: Colour): string {
  let css = `.sr-chart text{fill:${c('foreground', '#1f2328', '#e6edf3')}}
.sr-chart .sr-tick{fill:${c('descriptionForeground', '#59636e', '#9198a1')}}
.sr-chart .sr-grid{stroke:${c('editorWidget-border', '#d1d9e0', '#3d444d')}}
.sr-chart .sr-bar{fill:${c('charts-blue', '#0969da', '#4493f8')}}
.sr-chart .sr-hot{fill:${c('charts-orange', '#bc4c00', '#db6d28')}}
.sr-chart .sr-threshold{stroke:${c('foreground', '#1f2328', '#e6edf3')}}
`;
  PALETTE.forEach(([name, light, dark], i) => {
    css += `.sr-chart .sr-s${i}{fill:${c(name, light, dark)}}\n.sr-chart .sr-stroke${i}{stroke:${c(name, light, dark)}}\n`;
  });
  return css;
}

const SHAPES = `.sr-chart{font:12px var(--vscode-font-family, system-ui, sans-serif);overflow:visible}
.sr-chart .sr-tick{font-size:11px}
.sr-chart .sr-grid{stroke-width:1}
.sr-chart .sr-threshold{stroke-dasharray:4 3;stroke-width:1.5}
.sr-chart .sr-line{fill:none;stroke-width:2}
`;

/**
 * CSS for the charts. `vscode`: the editor's theme colours (webview, Markdown preview), with
 * outlines in high contrast. `standalone`: fixed colours, light or dark by the reader's
 * preference (HTML report, SVG files beside a Markdown report).
 */
export function chartCss(mode: 'vscode' | 'standalone'): string {
  if (mode === 'vscode') {
    return (
      SHAPES +
      rules((name, light) => `var(--vscode-${name}, ${light})`) +
      '.vscode-high-contrast .sr-chart rect,.vscode-high-contrast-light .sr-chart rect{stroke:var(--vscode-contrastBorder, #000);stroke-width:1}\n'
    );
  }
  return SHAPES + rules((_, light) => light) + `@media (prefers-color-scheme: dark){\n${rules((_, __, dark) => dark)}}\n`;
}

/** An SVG chart as a file of its own: its CSS inside, so it shows the same wherever it is opened. */
export function standaloneSvg(svg: string): string {
  return svg.replace(/(<svg[^>]*>)/, `$1<style>${chartCss('standalone').replace(/(?<!\s)\s*\n\s*/g, ' ')}</style>`);
}
