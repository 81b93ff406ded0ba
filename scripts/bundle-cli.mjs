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
  // mdast-util-to-markdown and mdast-util-gfm (Markdown out and GFM in), compromise (lint's reading
  // of an action item's grammar) and the tracker clients (only `follow-ups` loads them) come from
  // node_modules too, as do liquidjs (only `generate --template` loads it) and zod (the schemas'
  // library, the largest dependency) and luxon (one prebuilt file of its own, as cheap to load from
  // node_modules as from the bundle), csv-parse and picomatch (loaded at start as fast from
  // node_modules, measured), yauzl and tar (loaded only when a bundle holds an archive), and yaml
  // (the manifest's reader: 0.3 MB of bundle and map; about 50 ms more at start, measured):
  // declared dependencies, they keep the package within its size budget.
  external: [
    'yaml',
    'yauzl',
    'tar',
    'luxon',
    'better-sqlite3',
    'pg',
    'mdast-util-to-markdown',
    'mdast-util-gfm',
    'compromise',
    '@octokit/rest',
    '@linear/sdk',
    'liquidjs',
    'zod',
    'csv-parse',
    'picomatch',
  ],
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
  // CommonJS dependencies call require() for Node's own modules. The import takes a name of its own:
  // a bundled module that imports createRequire would otherwise declare it twice.
  banner: {
    js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
  },
  // Less to parse at every start; names are kept, and the source map leads back to src/ under
  // `node --enable-source-maps`.
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The map leads a stack trace back to src/ file and line under `node --enable-source-maps`; it holds
// no source text (the sources are in the repository, the dependencies installed beside the package),
// which keeps the package within its size budget.
const mapFile = new URL('../dist/cli/bundle.js.map', import.meta.url);
const map = JSON.parse(readFileSync(mapFile, 'utf8'));
delete map.sourcesContent;
writeFileSync(mapFile, JSON.stringify(map));
