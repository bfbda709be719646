'use strict';
// The demo workspace: a copy of examples/ whose clock is moved so that the active incident is
// mid-response right now (its next status update due a few minutes from now), whatever the date.

const fs = require('node:fs');
const path = require('node:path');

/** The moment examples/ is written at: the active incident's next update is due at 11:05Z. */
const EXAMPLES_NOW = Date.UTC(2026, 10, 27, 10, 58, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pad = (n) => String(n).padStart(2, '0');

/** Moves every timestamp, time of day ("09:44Z") and calendar date in `text` by `deltaMs`. */
function shiftText(text, deltaMs) {
  const days = Math.round(deltaMs / DAY);
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z\b/g, (m, y, mo, d, h, mi, s) => {
      const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0) + deltaMs).toISOString();
      return s ? t.replace('.000Z', 'Z') : t.slice(0, 16) + 'Z';
    })
    .replace(/(?<![\w:-])(\d{2}):(\d{2})Z\b/g, (m, h, mi) => {
      const minutes = (((+h * 60 + +mi + Math.round(deltaMs / MINUTE)) % 1440) + 1440) % 1440;
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}Z`;
    })
    .replace(/(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])/g, (m, y, mo, d) => new Date(Date.UTC(+y, +mo - 1, +d) + days * DAY).toISOString().slice(0, 10));
}

/**
 * Copies `from` to `to` (replacing what was there), shifting the text files so that the examples'
 * "now" becomes `now` (rounded to the minute). Returns the shift in milliseconds.
 */
function prepareDemoWorkspace(from, to, now = Date.now()) {
  const delta = Math.round((now - EXAMPLES_NOW) / MINUTE) * MINUTE;
  fs.rmSync(to, { recursive: true, force: true });
  const copy = (src, dst) => {
    fs.mkdirSync(dst, { recursive: true });
    for (const e of fs.readdirSync(src, { withFileTypes: true })) {
      const s = path.join(src, e.name);
      const d = path.join(dst, e.name);
      if (e.isDirectory()) copy(s, d);
      else if (/\.(md|markdown|ya?ml)$/i.test(e.name)) fs.writeFileSync(d, shiftText(fs.readFileSync(s, 'utf8'), delta));
      else fs.copyFileSync(s, d);
    }
  };
  copy(from, to);
  return delta;
}

module.exports = { prepareDemoWorkspace, shiftText, EXAMPLES_NOW };
