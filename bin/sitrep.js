#!/usr/bin/env node
'use strict';
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('sitrep: the command line is not built (dist/cli.js is missing); run `npm run build` in the Sitrep folder.\n');
  process.exit(2);
}
require('../dist/cli.js');
