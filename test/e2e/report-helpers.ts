// Webviews in code-server sit two iframes deep; these find the frame holding given content.
import type { Frame } from 'playwright-core';
import { waitUntil, type Editor } from '../harness';

/** The first frame of the page (at any depth) holding an element that matches `selector`. */
export async function frameWith(editor: Editor, selector: string, timeout = 20000): Promise<Frame> {
  return waitUntil(
    async () => {
      for (const f of editor.page.frames()) {
        if (f.isDetached()) continue;
        const n = await f.locator(selector).count().catch(() => 0);
        if (n > 0) return f;
      }
      return undefined;
    },
    { timeout, interval: 200, message: `a webview frame holding ${selector}` },
  );
}

/** A postmortem written to disk by the scenario, `daysAgo` days before now, with a feature-flag rollout factor. */
export function flagPostmortem(n: number, daysAgo: number, iso: (ms: number) => string): string {
  const start = Date.now() - daysAgo * 86_400_000;
  return [
    '---',
    'type: postmortem',
    `incident: flag-${n}`,
    `title: Flag rollout ${n} broke sign-in`,
    'severity: SEV3',
    'status: final',
    `started: ${iso(start)}`,
    `detected: ${iso(start + 10 * 60_000)}`,
    `mitigated: ${iso(start + 40 * 60_000)}`,
    `resolved: ${iso(start + 90 * 60_000)}`,
    'authors: ["@ana"]',
    '---',
    `# Flag rollout ${n} broke sign-in`,
    '',
    '## Contributing factors',
    '',
    '- **technical-trigger:** Old clients reject the new token format.',
    `- **rollout-control:** The feature flag went to every user at once (case ${n}).`,
    '- **detection:** Sign-in failures by client version have no alert.',
    '',
  ].join('\n');
}
