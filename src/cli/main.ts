/** Sitrep command-line interface (the linter lands here). */
process.stdout.write('sitrep: no commands yet\n');
