// Bundles the extension, its worker and the CLI into dist/. Type checking is separate (npm run typecheck).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
    // Linting and indexing run in a worker thread, off the extension host's thread.
    esbuild.context({ ...common, entryPoints: ['src/extension/worker/main.ts'], outfile: 'dist/worker.js' }),
    // VS Code for the Web runs extensions in a web worker: the same glue, bundled for the browser.
    // Node built-ins stay external: they are only required on a Node host (src/extension/host.ts).
    esbuild.context({
      ...common,
      entryPoints: ['src/extension/main.ts'],
      outfile: 'dist/web/extension.js',
      external: ['vscode', 'node:*'],
      platform: 'browser',
      target: 'es2022',
      define: { global: 'globalThis' },
    }),
    // Its worker: a classic Web Worker script, started from a blob URL.
    esbuild.context({
      ...common,
      entryPoints: ['src/extension/worker/main.ts'],
      outfile: 'dist/web/worker.js',
      external: ['node:*'],
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      define: { global: 'globalThis' },
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
