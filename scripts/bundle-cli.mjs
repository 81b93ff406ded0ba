// Bundles the compiled command line into dist/cli/bundle.js: one file loads several times faster
// than the few hundred modules of dist/, and every command pays that start-up.
// The bundle sits two folders below the package, as every dist/ module does, so paths relative to
// the module (package.json, the log worker in dist/logs/) resolve the same from it.
// better-sqlite3 (a native addon) and pg stay outside, loaded from node_modules when a library is opened;
// so do the tracker clients, loaded only by `follow-ups`.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli/bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node 20.10+ reads import attributes; the weights' JSON import keeps its own.
  supported: { 'import-attributes': true },
  external: ['better-sqlite3', 'pg', '@octokit/rest', '@linear/sdk'],
  // The meaning model's weights stay one file in the package, read from beside the bundle.
  plugins: [
    {
      name: 'weights-beside',
      setup(b) {
        b.onResolve({ filter: /\/weights\.json$/ }, () => ({
          path: '../timeline/meaning/weights.json',
          external: true,
        }));
      },
    },
  ],
  // CommonJS dependencies call require() for Node's own modules.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // Less to parse at every start; names are kept, and the source map leads back to src/ under
  // `node --enable-source-maps`.
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The map keeps the text of Hindsight's own sources, so a stack trace leads to readable code from
// the package alone; dependencies' text is dropped (they are installed beside it), which halves it.
const mapFile = new URL('../dist/cli/bundle.js.map', import.meta.url);
const map = JSON.parse(readFileSync(mapFile, 'utf8'));
map.sourcesContent = map.sources.map((source, i) =>
  source.includes('node_modules/') ? null : map.sourcesContent[i],
);
writeFileSync(mapFile, JSON.stringify(map));
