// Benchmarks run the compiled code (npm run build → dist/), as users do.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export async function loadBuilt(path) {
  if (!existsSync(`${dist}${path}`)) {
    console.error(`dist/${path} is missing: run npm run build first`);
    process.exit(2);
  }
  return import(pathToFileURL(`${dist}${path}`).href);
}
