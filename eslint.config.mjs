// The house linter, run by `npm test` (scripts/test.js), so a finding fails the run.
// Every regular expression in src/ must be free of super-linear backtracking and of super-linear
// moves: Sitrep reads files from any repository it is opened on, and one regular expression that
// backtracks on a long line can hang the CLI or the editor's extension host (issue 13). The
// adversarial-input test (test/unit/adversarial.test.ts) covers expressions built at run time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.bench/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, regexp.configs['flat/recommended']],
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
