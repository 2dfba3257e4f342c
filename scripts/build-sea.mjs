// `npm run sea`: mqerr as one executable, dist/sea/mqerr, that needs neither
// Node nor node_modules where it runs (Node's single executable applications,
// https://nodejs.org/api/single-executable-applications.html). The steps are
// Node's documented ones:
//   1. bundle the command line and everything it imports into one CommonJS
//      script (a single executable runs one script and can require only Node's
//      own modules);
//   2. `node --experimental-sea-config` turns it, with the catalog,
//      package.json and the WebAssembly search as assets, into a blob;
//   3. a copy of the node binary gets the blob injected with postject.
// At start the executable writes its assets once to a directory of its own
// under the temporary directory and reads them from there, as the package reads
// data/ beside dist/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/sea');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const assets = { 'package.json': join(ROOT, 'package.json') };
for (const name of readdirSync(join(ROOT, 'data')).filter((n) => n.endsWith('.json'))) assets[`data/${name}`] = join(ROOT, 'data', name);
// The WebAssembly modules (scripts/assemble-wasm.mjs) — the fast path's search, recognition's literal
// index — where dist/cli/cli.js looks for them.
assets['dist/lines/line-search.wasm'] = join(ROOT, 'dist/lines/line-search.wasm');
assets['dist/recognition/literal-index.wasm'] = join(ROOT, 'dist/recognition/literal-index.wasm');
const digest = createHash('sha256');
for (const [name, path] of Object.entries(assets).sort()) digest.update(name).update(readFileSync(path));
const assetsId = digest.digest('hex').slice(0, 16);

// Runs first: the assets are laid out as in the package (data/ and package.json
// at the root, this script two levels below it, as dist/cli/cli.js is), so
// every `import.meta.url` of the bundle resolves them as in a normal install.
const banner = `
var __mqerrUrl = (() => {
  const sea = require('node:sea');
  const fs = require('node:fs');
  const path = require('node:path');
  const root = path.join(require('node:os').tmpdir(), 'mqerr-${assetsId}-' + (process.getuid ? process.getuid() : 0));
  if (!fs.existsSync(path.join(root, 'package.json'))) {
    const temp = root + '.' + process.pid;
    fs.mkdirSync(path.join(temp, 'data'), { recursive: true });
    for (const name of ${JSON.stringify(Object.keys(assets))}) {
      fs.mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
      fs.writeFileSync(path.join(temp, name), Buffer.from(sea.getAsset(name)));
    }
    try {
      fs.renameSync(temp, root);
    } catch {
      // Another mqerr laid them out first.
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
  return require('node:url').pathToFileURL(path.join(root, 'dist/cli/cli.js')).href;
})();
`;

/** The catalog modules' own createRequire: the bundle's require is the one to use, so what they require is bundled. */
const bundledRequire = {
  name: 'bundled-require',
  setup(b) {
    b.onLoad({ filter: /src[\\/]catalog[\\/](inspect-catalog-file|locate-in-source)\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = 'const require = createRequire(import.meta.url);';
      if (!source.includes(line)) throw new Error(`${args.path} changed: update scripts/build-sea.mjs`);
      return { contents: source.replace(line, '').replace(/import \{ createRequire \} from 'node:module';\n/, ''), loader: 'ts' };
    });
    // The validator compiled from the catalog's schema by scripts/compile-catalog-schema.mjs.
    b.onResolve({ filter: /^\.\/catalog-validator\.cjs$/ }, () => ({ path: join(ROOT, 'dist/catalog/catalog-validator.cjs') }));
    // One script has no top-level await: the command line's last statement is the only one.
    b.onLoad({ filter: /src[\\/]cli[\\/]cli\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('await cli.parseAsync();')) throw new Error(`${args.path} changed: update scripts/build-sea.mjs`);
      return { contents: source.replace('await cli.parseAsync();', 'void cli.parseAsync();'), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(ROOT, 'src/cli/cli.ts')],
  outfile: join(OUT, 'mqerr.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__mqerrUrl' },
  banner: { js: banner },
  plugins: [bundledRequire],
  logLevel: 'warning',
});

const config = {
  main: join(OUT, 'mqerr.cjs'),
  output: join(OUT, 'mqerr.blob'),
  disableExperimentalSEAWarning: true,
  useCodeCache: false,
  assets,
};
writeFileSync(join(OUT, 'sea-config.json'), JSON.stringify(config, null, 2));
execFileSync(process.execPath, ['--experimental-sea-config', join(OUT, 'sea-config.json')], { stdio: 'inherit' });
const exe = join(OUT, 'mqerr');
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/postject/dist/cli.js'), exe, 'NODE_SEA_BLOB', config.output, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'],
  { stdio: 'inherit' },
);
rmSync(config.output);
console.log(`built ${exe}`);
