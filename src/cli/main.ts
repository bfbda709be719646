/** Sitrep command-line interface entry point (bundled to dist/cli.js, started by bin/sitrep.js). */
import { run } from './lint';

process.exitCode = run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
