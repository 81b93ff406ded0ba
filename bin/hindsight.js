#!/usr/bin/env node
import('../dist/cli/bundle.js')
  .then((m) => m.main(process.argv))
  .catch((error) => {
    console.error(`hindsight: ${error?.message ?? error}`);
    process.exit(2);
  });
