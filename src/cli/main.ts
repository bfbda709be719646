/** Sitrep command-line interface entry point (bundled to dist/cli.js, started by bin/sitrep.js). */
import { explain } from './explain';
import { init } from './init';
import { run, type CliIo } from './lint';
import { runReport } from './report';

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
const argv = process.argv.slice(2);
const commands: Record<string, (args: readonly string[], io: CliIo) => number> = { explain, report: runReport, init };
const command = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? commands[argv[0]] : undefined;
process.exitCode = command ? command(argv.slice(1), io) : run(argv, io);
