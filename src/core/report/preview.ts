/**
 * A markdown-it plugin that draws, at the top of an incident or postmortem, the picture of its
 * timeline (timeline.ts). It adds an HTML block to the rendered tokens only: the markdown file is
 * unchanged, so GitHub and other renderers show it as written.
 */
import type MarkdownIt from 'markdown-it';
import { readReportDoc } from './read';
import type { ReportDoc } from './types';
import { timelineMarks, timelineStrip } from './timeline';

interface TimelinePluginOptions {
  /** The rendered document's path relative to its workspace folder (from the renderer's env), for documents recognised by path. */
  relativePath?: (env: unknown) => string | undefined;
  /** Document globs for recognition by path. */
  globs?: () => readonly string[];
  /**
   * The document as already read elsewhere (the editor reads documents in its worker), or
   * 'read-here' to read the text in the renderer. Without it every text is read here.
   */
  read?: (text: string, env: unknown) => ReportDoc | undefined | 'read-here';
}

/** The HTML the plugin adds for a document's text, or undefined when it is not a document with times. */
export function timelineHtml(text: string, relativePath?: string, globs?: readonly string[]): string | undefined {
  return timelineHtmlOf(readReportDoc(text, { relativePath: relativePath ?? 'preview.md', globs: relativePath ? globs : [] }));
}

/** The HTML the plugin adds for a document already read. */
function timelineHtmlOf(doc: ReportDoc | undefined): string | undefined {
  if (!doc) return undefined;
  const svg = timelineStrip(timelineMarks(doc), { title: `${doc.kind === 'postmortem' ? 'Postmortem' : 'Incident'} timeline: ${doc.title}` });
  return svg && `<div class="sitrep-timeline" data-sitrep="timeline">${svg}</div>\n`;
}

export function timelinePlugin(md: MarkdownIt, options: TimelinePluginOptions = {}): void {
  md.core.ruler.push('sitrep_timeline', (state) => {
    if (state.inlineMode) return;
    let html: string | undefined;
    try {
      const given = options.read ? options.read(state.src, state.env) : 'read-here';
      html = given === 'read-here' ? timelineHtml(state.src, options.relativePath?.(state.env), options.globs?.()) : timelineHtmlOf(given);
    } catch {
      html = undefined; // A picture is never worth a broken preview.
    }
    if (!html) return;
    const token = new state.Token('html_block', '', 0);
    token.content = html;
    token.block = true;
    // Under the document's title when it opens with one, else at the very top.
    const t = state.tokens;
    let at = 0;
    while (t[at]?.type === 'front_matter') at++;
    if (t[at]?.type === 'heading_open' && t[at].tag === 'h1') {
      const close = t.findIndex((x, k) => k > at && x.type === 'heading_close');
      if (close > 0) at = close + 1;
    }
    t.splice(at, 0, token);
  });
}
