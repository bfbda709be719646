// node:test glue for end-to-end scenarios: one editor per suite (test file), a screenshot and the
// server log in test-results/ when a scenario fails, and every process stopped pass or fail.
import { after, before, describe, it } from 'node:test';
import { Editor, type EditorOptions } from './editor';

export type ScenarioFn = (editor: Editor) => Promise<void>;
export type DefineScenario = (name: string, fn: ScenarioFn, opts?: { timeout?: number; skip?: boolean | string }) => void;

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Declares a suite that starts one editor (fresh workspace copy, user data, extensions, port) for
 * all its scenarios and stops it afterwards:
 *
 *   editorSuite('diagnostics', { fixture: 'incident-workspace' }, (scenario) => {
 *     scenario('SEV9 shows in Problems', async (editor) => { ... });
 *   });
 */
export function editorSuite(
  name: string,
  options: EditorOptions,
  define: (scenario: DefineScenario) => void,
  { startTimeout = 90000 }: { startTimeout?: number } = {},
): void {
  describe(name, () => {
    let editor: Editor | undefined;
    before(async () => {
      editor = await Editor.start({ label: slug(name), ...options });
    }, { timeout: startTimeout });
    after(async () => {
      await editor?.stop();
    }, { timeout: 30000 });
    define((scenarioName, fn, opts = {}) => {
      it(scenarioName, { timeout: opts.timeout ?? 60000, skip: opts.skip }, async () => {
        if (!editor) throw new Error('the editor did not start (see the before hook failure)');
        try {
          await fn(editor);
        } catch (err) {
          const shot = await editor.saveArtifacts(slug(scenarioName)).catch(() => undefined);
          if (shot && err instanceof Error) err.message += `\n  screenshot: ${shot}`;
          throw err;
        }
      });
    });
  });
}
