// Bundles the extension and the CLI into dist/. Type checking is separate (npm run typecheck).
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
    // VS Code for the Web runs extensions in a web worker: the same glue, bundled for the browser.
    esbuild.context({
      ...common,
      entryPoints: ['src/extension/main.ts'],
      outfile: 'dist/web/extension.js',
      external: ['vscode'],
      platform: 'browser',
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
