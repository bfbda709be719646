/**
 * Learning report benchmark (npm run bench): 1,000 generated incidents, each with an incident
 * document and a postmortem (2,000 documents, 4,000 action items), written to a temporary folder.
 * Prints the medians of
 *   - `sitrep report --format json` in a fresh Node process over the folder, cold   (target ≤ 2 s)
 *   - baseline in the same run: a fresh Node process that only reads and parses every document
 *   - the webview's refresh after one document changes: re-read it, rebuild the report, render
 *     the page body and its data block                                          (target ≤ 100 ms)
 * and the ratios to the baselines. A benchmark, not a test: it reports.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clientData, renderReportBody, ReportModel } from '../src/core/report';
import { reportCorpus } from './report-corpus';

const COUNT = 1_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Wall time of a fresh Node process running `args`, in ms; throws when it fails. */
function processTime(args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function main(): void {
  const files = reportCorpus({ count: COUNT, now: NOW, stepHours: 4, allIncidentDocs: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-report-bench-'));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const docs = Object.keys(files).length;
    const cli = path.join(__dirname, '..', 'src', 'cli', 'main.js');
    const parser = path.join(__dirname, '..', 'src', 'core', 'parser', 'index.js');
    // The baseline: the least any report must do, read and parse every document, in a fresh process.
    const baselineScript = `const fs=require('fs'),path=require('path');const {parseDocument}=require(${JSON.stringify(parser)});let n=0;(function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory()){if(e.name!=='.git')walk(p)}else if(p.endsWith('.md')){parseDocument(fs.readFileSync(p,'utf8'),{relativePath:path.relative(d,p)});n++}}})(process.cwd());if(n!==${docs})process.exit(3);`;
    const reportArgs = [cli, 'report', '--format', 'json', '--out', path.join(dir, 'report.json'), '--now', '2026-11-27T12:00:00Z', '--since', '2026-01-01'];
    processTime(reportArgs, dir); // warm the file cache
    const cold: number[] = [];
    const base: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < 5; i++) {
      cold.push(processTime(reportArgs, dir));
      base.push(processTime(['-e', baselineScript], dir));
      empty.push(processTime(['-e', ''], dir));
    }
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));

    // The webview's refresh: one document changed.
    const model = new ReportModel();
    for (const [rel, text] of Object.entries(files)) model.set(`file:///ws/${rel}`, text, { relativePath: rel });
    const since = Date.parse('2026-01-01T00:00:00Z');
    const refresh = (key: string, rel: string, text: string) => {
      model.set(key, text, { relativePath: rel });
      const r = model.build({ now: NOW, since });
      return renderReportBody(r).length + JSON.stringify(clientData(r)).length;
    };
    const [rel, text] = Object.entries(files).find(([p]) => p.endsWith('postmortem.md'))!;
    const changed = text.replace('The alert waited ten minutes before paging.', 'The alert waited twelve minutes before paging.');
    const key = `file:///ws/${rel}`;
    for (let i = 0; i < 3; i++) refresh(key, rel, i % 2 ? text : changed);
    const one: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      gc?.();
      one.push(time(() => (bytes = refresh(key, rel, i % 2 ? text : changed))));
    }
    const full: number[] = [];
    for (let i = 0; i < 5; i++) {
      gc?.();
      full.push(time(() => {
        const m = new ReportModel();
        for (const [r2, t2] of Object.entries(files)) m.set(r2, t2, { relativePath: r2 });
        m.build({ now: NOW, since });
      }));
    }

    const line = (label: string, ms: number, target?: number) =>
      console.log(`${label.padEnd(64)} ${ms.toFixed(1).padStart(9)} ms${target !== undefined ? `   target ≤ ${target} ms  ${ms <= target ? 'ok' : 'OVER TARGET'}` : ''}`);
    console.log(`${docs} documents (${COUNT} incidents, ${report.actions.total} action items, ${report.classes.length} classes, ${report.candidates.length} candidates), medians`);
    line('sitrep report --format json, fresh process (cold)', median(cold), 2000);
    line('baseline: fresh process that reads and parses every document', median(base));
    line('reference: fresh Node process doing nothing', median(empty));
    console.log(`${'ratio report / baseline'.padEnd(64)} ${(median(cold) / median(base)).toFixed(2).padStart(9)}`);
    line('webview refresh after one document changes', median(one), 100);
    line('reference: the same model built from scratch in process', median(full));
    console.log(`${'ratio refresh / from scratch'.padEnd(64)} ${(median(one) / median(full)).toFixed(3).padStart(9)}   (${(bytes / 1e6).toFixed(1)} MB of page body and data posted)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
