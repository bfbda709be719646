/**
 * Contributing factors: the top-level list items of a factors section; without a list, its
 * sub-headings; in prose, its paragraphs. Each factor's layer comes from its label ("**Detection
 * gap:**", "[detection]", "(layer: …)", a layer sub-heading) or from what it says.
 */
import type { FactorLayer } from '../model/schemas';
import type { Range } from '../text';
import { layerOf, listMarker, readLabelled } from './items';
import type { BlockStructure } from './markdown';
import type { FactorNode, Field, Section } from './types';

/** Words that place an unlabelled factor in a layer, in the order ties are broken. */
const LAYER_WORDS: Array<[FactorLayer, RegExp]> = [
  ['detection', /\b(?:alert(?:s|ing|ed)?|monitor(?:s|ing|ed)?|dashboards?|observability|pag(?:e|ed|es|ing)|detect(?:ed|ion)?|noticed|signals?|metrics?|slo|telemetry|logging|panel|graphed|synthetic|probe)\b/gi],
  ['rollout-control', /\b(?:roll(?:out|outs|ed out|ing out)|canar(?:y|ies)|staged|deploy(?:s|ed|ment|ments)?|releases?|released|feature flags?|change (?:control|review|management)|guardrails?|rollbacks?|review(?:ed|s)?|approval|gate[sd]?|validation|validator|rate[- ]limits?|confirmation|confirm|dry[- ]run|two-person|safeguard|blast radius)\b/gi],
  ['responsibility-runbook', /\b(?:runbooks?|playbooks?|checklists?|owner(?:s|ship)?|owning|on-?call rotation|escalat(?:e|ion|ed)|responsib(?:le|ility)|hand-?offs?|hand-?overs?|documentation|documented|procedures?|routing|routed|notification|shared inbox|alias)\b/gi],
  ['organizational', /\b(?:deadlines?|staffing|under-?staffed|priorit(?:y|ies|ised|ized|isation|ization)|trade-?offs?|budget|headcount|pressure|incentives?|roadmap|launch dates?|change windows?|quarter|month-end|reorg|team transfer|moved teams)\b/gi],
];

/** A factor's layer from its words: the layer with most hits, else the technical trigger. `because` quotes up to three of the words. */
export function inferLayer(text: string): { layer: FactorLayer; because?: string } {
  let best: { layer: FactorLayer; n: number; words: string[] } | undefined;
  const t = text.length > 4000 ? text.slice(0, 4000) : text;
  for (const [layer, re] of LAYER_WORDS) {
    re.lastIndex = 0;
    let n = 0;
    const words: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) {
      const w = m[0].toLowerCase();
      if (words.length < 3 && !words.includes(w)) words.push(w);
      n++;
    }
    if (n > 0 && (!best || n > best.n)) best = { layer, n, words };
  }
  return best ? { layer: best.layer, because: best.words.map((w) => `"${w}"`).join(', ') } : { layer: 'technical-trigger' };
}

/** How a factor's layer was read, for hover, explain and the contributing-factors message. */
export interface FactorReading {
  /** 0-based line of the factor. */
  line: number;
  layer: FactorLayer;
  from: 'label' | 'heading' | 'words' | 'default';
  /** Why: 'label "Detection gap"', 'sub-heading "Detection"', 'words "alert", "paged"', or the default. */
  reason: string;
  text: string;
}

/** Layer names as people write them. */
export const LAYER_NAMES: Record<FactorLayer, string> = {
  'technical-trigger': 'technical trigger',
  detection: 'detection',
  'rollout-control': 'rollout/control',
  'responsibility-runbook': 'responsibility/runbook',
  organizational: 'organizational',
};

/** A factor's layer and why: its label, the sub-heading it sits under, its words, or the default. */
export function readFactorLayer(f: FactorNode): FactorReading {
  const base = { line: f.line, text: f.text };
  if (f.layer) {
    const underHeading = !!f.layerField && f.layerField.range.line !== f.line;
    const name = f.layerField?.text ?? f.layer;
    return { ...base, layer: f.layer, from: underHeading ? 'heading' : 'label', reason: underHeading ? `sub-heading "${name}"` : `label "${name}"` };
  }
  const inferred = inferLayer(f.text);
  if (inferred.because) return { ...base, layer: inferred.layer, from: 'words', reason: `words ${inferred.because} (${LAYER_NAMES[inferred.layer]})` };
  return { ...base, layer: inferred.layer, from: 'default', reason: 'no detection, rollout, runbook or organizational words: read as the behaviour of code, configuration or data' };
}

/** A label before a colon that names a layer ("Detection gap", "Review gap", "Technical"). */
function labelLayer(label: string): FactorLayer | undefined {
  const direct = layerOf(label);
  if (direct) return direct;
  const t = label.toLowerCase().replace(/[*_`]/g, '').replace(/\b(?:gaps?|tradeoffs?|trade-offs?|factors?|layer|issues?)\b/g, '').trim();
  if (t === '') return undefined;
  const d = layerOf(t);
  if (d) return d;
  if (/\b(?:detect|monitor|alert|observab)/.test(t)) return 'detection';
  if (/\b(?:review|rollout|control|deploy|release|canary|change)/.test(t)) return 'rollout-control';
  if (/\b(?:runbook|responsib|owner|process|checklist|document)/.test(t)) return 'responsibility-runbook';
  if (/\b(?:organi[sz]|staffing|priorit|deadline|planning)/.test(t)) return 'organizational';
  if (/\b(?:technical|trigger|software|code|config)/.test(t)) return 'technical-trigger';
  return undefined;
}

function factorAt(lines: readonly string[], lineNo: number, col: number): FactorNode {
  const line = lines[lineNo];
  const range: Range = { line: lineNo, column: col, endLine: lineNo, endColumn: Math.max(col, line.trimEnd().length) };
  const lab = readLabelled(line, lineNo);
  if (lab && lab.labelRange.column >= col) {
    const layer = labelLayer(lab.label);
    if (layer) return { line: lineNo, range, layer, layerField: { text: lab.label, range: lab.labelRange }, text: lab.value.text };
  }
  const tag = /^\[([A-Z][\w /-]{0,40})\]\s*/i.exec(line.slice(col));
  if (tag) {
    const layer = labelLayer(tag[1]);
    if (layer) {
      return {
        line: lineNo,
        range,
        layer,
        layerField: { text: tag[1], range: { line: lineNo, column: col + 1, endLine: lineNo, endColumn: col + 1 + tag[1].length } },
        text: line.slice(col + tag[0].length).trim(),
      };
    }
  }
  const at = line.indexOf('(layer:');
  if (at >= 0) {
    const close = line.indexOf(')', at);
    const name = line.slice(at + 7, close < 0 ? line.length : close).trim();
    const layer = labelLayer(name);
    if (layer) {
      const s = line.indexOf(name, at);
      return {
        line: lineNo,
        range,
        layer,
        layerField: { text: name, range: { line: lineNo, column: s, endLine: lineNo, endColumn: s + name.length } },
        text: (line.slice(col, at) + line.slice(close < 0 ? line.length : close + 1)).trim(),
      };
    }
  }
  return { line: lineNo, range, text: line.slice(col).trim() };
}

/** The sub-heading (without a role of its own) that holds a line inside a factors section. */
function layerHeading(sections: readonly Section[], parent: Section, line: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.key || s.line <= parent.line || s.endLine > parent.endLine) continue;
    if (s.line < line && line < s.endLine && (!best || s.line > best.line)) best = s;
  }
  return best;
}

function withHeadingLayer(f: FactorNode, sub: Section | undefined): FactorNode {
  if (f.layer || !sub) return f;
  const l = labelLayer(sub.title);
  if (l) {
    f.layer = l;
    f.layerField = { text: sub.title, range: sub.headingRange } as Field;
  }
  return f;
}

/** Reads the factors of every contributing-factors section. */
export function readFactors(lines: readonly string[], sections: readonly Section[], st: BlockStructure, prose: readonly boolean[]): FactorNode[] {
  const out: FactorNode[] = [];
  for (const sec of sections) {
    if (sec.key !== 'contributing-factors') continue;
    if (sections.some((p) => p !== sec && p.key === 'contributing-factors' && p.line < sec.line && sec.endLine <= p.endLine)) continue;
    const inside = (l: number) => l > sec.line && l < sec.endLine;
    const items = st.items.filter((it) => it.depth === 1 && inside(it.line));
    if (items.length) {
      for (const it of items) {
        const f = factorAt(lines, it.line, listMarker(lines[it.line]));
        if (f.text || f.layer) out.push(withHeadingLayer(f, layerHeading(sections, sec, it.line)));
      }
      continue;
    }
    const subs = sections.filter((s) => inside(s.line) && s.level > sec.level);
    if (subs.length) {
      const minLevel = Math.min(...subs.map((s) => s.level));
      for (const s of subs) {
        if (s.level !== minLevel) continue;
        let text = '';
        for (let l = s.line + 1; l < s.endLine && text.length < 2000; l++) if (prose[l]) text += lines[l] + ' ';
        const layer = labelLayer(s.title);
        out.push({ line: s.line, range: s.headingRange, layer, layerField: layer ? { text: s.title, range: s.headingRange } : undefined, text: `${s.title}: ${text.trim()}` });
      }
      continue;
    }
    if (sec.level > 6) {
      // A bold label ("**Root Causes:** …"): the text after the label is the factor.
      const line = lines[sec.line];
      const rest = line.slice(sec.headingRange.endColumn).replace(/^[*_:\s]+/, '').trim();
      let extra = '';
      for (let l = sec.line + 1; l < sec.endLine && lines[l].trim() !== '' && prose[l]; l++) extra += ' ' + lines[l].trim();
      if (rest || extra) out.push({ line: sec.line, range: { line: sec.line, column: sec.headingRange.column, endLine: sec.line, endColumn: line.trimEnd().length }, text: (rest + extra).trim() });
    }
    for (const [a, b] of st.paragraphs) {
      if (!inside(a) || !prose[a]) continue;
      const f = factorAt(lines, a, lines[a].length - lines[a].trimStart().length);
      let extra = '';
      for (let l = a + 1; l < b; l++) extra += ' ' + lines[l].trim();
      f.text = (f.text + extra).trim();
      out.push(f);
    }
  }
  return out;
}
