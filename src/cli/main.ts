/** Sitrep command-line interface entry point (bundled to dist/cli.js, started by bin/sitrep.js). */
import { explain } from './explain';
import { run, type CliIo } from './lint';
import { runReport } from './report';

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
const argv = process.argv.slice(2);
process.exitCode = argv[0] === 'explain' ? explain(argv.slice(1), io) : argv[0] === 'report' ? runReport(argv.slice(1), io) : run(argv, io);
