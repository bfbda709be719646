/** The report's charts and the timeline strip: pure functions from data to SVG. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import {
  barChart,
  chartCss,
  clip,
  escapeXml,
  lineChart,
  niceMax,
  previewCss,
  readReportDoc,
  ReportModel,
  stackedBarChart,
  standaloneSvg,
  ticks,
  timelineHtml,
  timelineMarks,
  timelinePlugin,
  timelineStrip,
} from '../../src/core/report';
import { read } from './helpers';

const attr = (svg: string, sel: RegExp) => [...svg.matchAll(sel)].map((m) => m[1]);

test('niceMax rounds up to 1, 2, 2.5 or 5 times a power of ten; ticks step evenly from 0', () => {
  assert.deepEqual([0, 1, 3, 7, 12, 24, 26, 99, 101, 0.3].map(niceMax), [1, 1, 5, 10, 20, 25, 50, 100, 200, 0.5]);
  assert.equal(niceMax(Number.NaN), 1);
  assert.deepEqual(ticks(10), [0, 2.5, 5, 7.5, 10]);
  assert.deepEqual(ticks(100, 5), [0, 20, 40, 60, 80, 100]);
});

test('clip and escapeXml', () => {
  assert.equal(clip('Rollout/control gap', 40), 'Rollout/control gap');
  assert.equal(clip('abcdefghij', 5), 'abcd…');
  assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('barChart: one bar per row, widths proportional to the values, candidates highlighted, threshold line placed', () => {
  const svg = barChart({ kind: 'classes', title: 'Classes <test>', rows: [{ label: 'Config change', value: 4, highlight: true, list: 'class:0' }, { label: 'DNS', value: 2 }, { label: 'Deploy & more', value: 1 }], threshold: 3 });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sr-chart" data-chart="classes" role="img" aria-label="Classes &lt;test&gt;"/);
  const widths = attr(svg, /<rect class="sr-bar[^"]*" x="\d+" y="[\d.]+" width="([\d.]+)"/g).map(Number);
  assert.equal(widths.length, 3);
  assert.ok(Math.abs(widths[0] / widths[1] - 2) < 0.01 && Math.abs(widths[1] / widths[2] - 2) < 0.01, widths.join(','));
  assert.equal(attr(svg, /<rect class="(sr-bar sr-hot)"/g).length, 1);
  assert.match(svg, /data-list="class:0"/);
  assert.match(svg, />Deploy &amp; more</);
  // The threshold (3 on a 0–5 axis) sits 3/4 of the way from a value-4 bar's end back… exactly at x(3).
  const x3 = Number(attr(svg, /<line class="sr-threshold" x1="([\d.]+)"/g)[0]);
  const x0 = 190;
  assert.ok(Math.abs((x3 - x0) / widths[0] - 3 / 4) < 0.01);
  assert.ok(!svg.includes('style='), 'no inline styles (the webview CSP allows none)');
});

test('stackedBarChart: segments in series order add up to the row total', () => {
  const svg = stackedBarChart({ kind: 'actions', title: 't', series: ['Overdue', 'Open', 'Done'], rows: [{ label: 'Prevent', values: [1, 2, 3] }, { label: 'Learn', values: [0, 0, 4] }] });
  const segs = [...svg.matchAll(/<rect class="sr-s(\d)" x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="14"\/>/g)].map((m) => ({ s: +m[1], x: +m[2], y: +m[3], w: +m[4] }));
  const prevent = segs.filter((g) => g.y === segs[0].y);
  assert.deepEqual(prevent.map((g) => g.s), [0, 1, 2]);
  assert.ok(Math.abs(prevent[1].x - (prevent[0].x + prevent[0].w)) < 0.2, 'segments touch');
  const learn = segs.filter((g) => g.y !== segs[0].y);
  assert.deepEqual(learn.map((g) => g.s), [2], 'zero segments are not drawn');
  assert.ok(Math.abs(learn[0].w / prevent.reduce((n, g) => n + g.w, 0) - 4 / 6) < 0.01);
  assert.match(svg, /<text class="sr-value"[^>]*>6<\/text>/);
});

test('lineChart: one path per series, a gap where a value is missing, a point per value', () => {
  const svg = lineChart({ kind: 'ttm', title: 't', x: ['2026-09', '2026-10', '2026-11'], series: [{ name: 'SEV1', values: [30, null, 60] }, { name: 'SEV2', values: [10, 20, 40] }], unit: 'min' });
  const paths = attr(svg, /<path class="sr-line sr-stroke\d" d="([^"]+)"/g);
  assert.equal(paths.length, 2);
  assert.equal((paths[0].match(/M/g) ?? []).length, 2, 'the missing month breaks the SEV1 line');
  assert.equal((paths[1].match(/[ML]/g) ?? []).length, 3);
  assert.equal((svg.match(/<circle /g) ?? []).length, 5);
  assert.match(svg, />2026-10</);
  // y grows downward: 60 sits above 30.
  const ys = attr(paths[0], /[ML][\d.]+ ([\d.]+)/g).map(Number);
  assert.ok(ys[1] < ys[0]);
});

test('chartCss: theme variables in the editor, fixed light and dark colours elsewhere; standalone SVG carries its style', () => {
  const v = chartCss('vscode');
  assert.match(v, /\.sr-chart \.sr-s0\{fill:var\(--vscode-charts-red, #d1242f\)\}/);
  assert.match(v, /vscode-high-contrast/);
  const s = chartCss('standalone');
  assert.doesNotMatch(s, /var\(--vscode-charts/);
  assert.match(s, /@media \(prefers-color-scheme: dark\)\{[^]*\.sr-chart \.sr-s0\{fill:#f85149\}/);
  const file = standaloneSvg(barChart({ kind: 'k', title: 't', rows: [{ label: 'a', value: 1 }] }));
  assert.match(file, /^<svg [^>]*><style>[^<]*\.sr-bar\{fill:#0969da\}/);
});

const POSTMORTEM = read('examples/incidents/2026-10-14-search-latency/postmortem.md');
const INCIDENT = read('examples/incidents/2026-11-27-checkout-5xx/incident.md');

test('timeline marks of the example postmortem: the four times, updates from the timeline, TTD/TTM/TTR spans', () => {
  const doc = readReportDoc(POSTMORTEM, { relativePath: 'incidents/x/postmortem.md' })!;
  const m = timelineMarks(doc);
  assert.deepEqual([m.started, m.detected, m.mitigated, m.resolved].map((t) => new Date(t!).toISOString().slice(11, 16)), ['13:05', '13:19', '14:02', '15:30']);
  assert.equal(m.updates.length, 1, 'one [communication] entry');
  const svg = timelineStrip(m)!;
  assert.deepEqual(attr(svg, /data-mark="(\w+)"/g), ['start', 'detected', 'mitigated', 'resolved']);
  assert.deepEqual(attr(svg, /data-span="(\w+)"/g), ['ttd', 'ttm', 'ttr']);
  assert.match(svg, />TTD 14 min</);
  assert.match(svg, />TTM 57 min</);
  assert.match(svg, />TTR 2 h 25 min</);
  assert.equal((svg.match(/class="sr-update"/g) ?? []).length, 1);
});

test('timeline marks of the active example incident: status updates and the handover as a role change', () => {
  const doc = readReportDoc(INCIDENT, { relativePath: 'incidents/x/incident.md' })!;
  const m = timelineMarks(doc);
  assert.ok(m.updates.length >= 2, JSON.stringify(m.updates));
  assert.ok(m.roleChanges.length >= 1, 'the handover checkpoint');
  const svg = timelineStrip(m)!;
  assert.match(svg, /class="sr-role"/);
  assert.match(svg, /role change ×\d/);
  assert.equal(timelineStrip({ updates: [], roleChanges: [], events: [] }), undefined, 'nothing to draw');
});

test('the markdown-it plugin puts the strip under the title of a postmortem and leaves other markdown alone', () => {
  const md = new MarkdownIt({ html: true });
  md.use(timelinePlugin);
  const bare = POSTMORTEM.replace(/^---[^]*?\n---\n/, '');
  // Without front matter, what the parser recognises by its sections still gets its picture (as the linter lints it)…
  assert.match(md.render(bare), /sitrep-timeline/);
  // …and a page that merely has a dated list under "Timeline" does not.
  assert.doesNotMatch(md.render('# Roadmap\n\n## Timeline\n\n- 2026-01-05T09:00:00Z planning starts\n- 2026-03-01T09:00:00Z beta\n'), /sitrep-timeline/);
  // As in VS Code: a front-matter plugin turns the block into one front_matter token.
  const withFrontMatter = new MarkdownIt({ html: true })
    .use((m: MarkdownIt) => {
      m.block.ruler.before('table', 'front_matter', (state, start, _end, silent) => {
        if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
        const close = state.src.indexOf('\n---\n', 3);
        if (close < 0) return false;
        if (silent) return true;
        const lines = state.src.slice(0, close + 5).split('\n').length - 1;
        const t = state.push('front_matter', '', 0);
        t.hidden = true;
        state.line = start + lines;
        return true;
      });
      m.renderer.rules.front_matter = () => '';
    })
    .use(timelinePlugin);
  const full = withFrontMatter.render(POSTMORTEM);
  assert.match(full, /^\n?<h1>Search latency above SLO after index settings change<\/h1>\n<div class="sitrep-timeline" data-sitrep="timeline"><svg /);
  assert.ok(full.indexOf('sitrep-timeline') < full.indexOf('<h2>Summary</h2>'));
  assert.match(new MarkdownIt({ html: true }).use(timelinePlugin).render(POSTMORTEM), /^<div class="sitrep-timeline"/, 'at the very top when the title is not first');
  const plain = new MarkdownIt({ html: true }).use(timelinePlugin).render('# Notes\n\nNothing here.\n');
  assert.equal(plain, '<h1>Notes</h1>\n<p>Nothing here.</p>\n');
  // Recognised by path when the renderer says which file it is.
  const byPath = new MarkdownIt({ html: true }).use(timelinePlugin, { relativePath: () => 'postmortems/p.md', globs: () => ['postmortems/**'] });
  assert.match(byPath.render(bare), /sitrep-timeline/);
  assert.equal(timelineHtml('---\ntype: postmortem\n---\n# x\n'), undefined, 'a postmortem with no times draws nothing');
});

test('the plugin draws what its reader gives: a reading made elsewhere, nothing, or a text read here', () => {
  const doc = readReportDoc(POSTMORTEM, { relativePath: 'incidents/x/postmortem.md' })!;
  const seen: unknown[] = [];
  const given = new MarkdownIt({ html: true }).use(timelinePlugin, { read: (_t: string, env: unknown) => (seen.push(env), doc) });
  assert.match(given.render('# Anything\n', { currentDocument: 'x' }), /class="sitrep-timeline"/, 'the given reading is drawn whatever the text');
  assert.deepEqual(seen, [{ currentDocument: 'x' }]);
  const none = new MarkdownIt({ html: true }).use(timelinePlugin, { read: () => undefined });
  assert.doesNotMatch(none.render(POSTMORTEM), /sitrep-timeline/, 'no reading: no picture, and the text is not read');
  const here = new MarkdownIt({ html: true }).use(timelinePlugin, { read: () => 'read-here' as const });
  assert.match(here.render(POSTMORTEM), /class="sitrep-timeline"/);
  const model = new ReportModel();
  assert.equal(model.entry('k'), undefined);
  model.put('k', 'text', 'p.md', doc);
  assert.deepEqual(model.entry('k'), { text: 'text', doc });
});

test('media/preview-timeline.css is what previewCss() generates (the Markdown preview loads it)', () => {
  assert.equal(
    read('media/preview-timeline.css'),
    previewCss(),
    'media/preview-timeline.css drifted: run npm run compile-tests && node -e "process.stdout.write(require(\'./out/src/core/report/timeline.js\').previewCss())" > media/preview-timeline.css',
  );
  assert.match(previewCss(), /var\(--vscode-charts-red/);
});
