// Start-up time counts for a command-line tool: loading an npm package made
// of dozens of ES modules costs Node more than the work of `--help`. After
// tsc has compiled src/ to dist/, this bundles three entry points in place:
// the `mqerr` entry (dist/cli/main.js) with the few small modules it needs to
// answer `--version` and `--help` inlined, and the full command line it
// imports for anything else left as an import; the full command line
// (dist/cli/cli.js) with its npm dependencies (yargs) inlined and every
// module of ours left as an import, so commands still load only when they
// run; and the worker thread entry, whole, since each worker loads it afresh.
import { chmodSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ours = {
  name: 'keep-our-modules-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind !== 'entry-point' && !args.importer.includes('/node_modules/') ? { path: args.path, external: true } : undefined,
    );
  },
};
/**
 * yargs finds its translations (and the app's root) from its platform shim's
 * own file path; inlined, the shim would look beside dist/cli/cli.js. Give
 * it back the path of the file it came from.
 */
const yargsShimPath = {
  name: 'yargs-shim-path',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const original = 'const __dirname = fileURLToPath(import.meta.url);';
      if (!source.includes(original)) throw new Error(`${args.path} changed: update scripts/bundle.mjs`);
      // The shim imports join, dirname and createRequire itself.
      const replacement = "const __dirname = join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'lib/platform-shims/esm.mjs');";
      return { contents: source.replace(original, replacement), loader: 'js' };
    });
  },
};
/**
 * yargs measures every cell of its help text with string-width, and renders
 * the help for every command run (to have it at hand). cliui and wrap-ansi
 * pin string-width 7, which runs Intl.Segmenter and emoji patterns on each
 * character; string-width 8 measures printable ASCII by its length, but
 * builds its Unicode patterns as it loads. Every import of string-width gets
 * bundle-string-width.mjs: the same answer for printable ASCII, string-width 8
 * (loaded on first use) for anything else.
 */
const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    const newest = fileURLToPath(import.meta.resolve('string-width'));
    const { version } = JSON.parse(readFileSync(join(dirname(newest), 'package.json'), 'utf8'));
    if (Number(version.split('.')[0]) < 8) throw new Error(`string-width ${version} is not the one bundle-string-width.mjs stands in for: update scripts/bundle.mjs`);
    const shim = fileURLToPath(new URL('./bundle-string-width.mjs', import.meta.url));
    b.onResolve({ filter: /^string-width$/ }, (args) => ({ path: args.importer === shim ? newest : shim }));
  },
};
/** The entry's dynamic import of the full command line stays an import, loaded only when needed. */
const fullCliOnDemand = {
  name: 'full-cli-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\// }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', allowOverwrite: true };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js', plugins: [fullCliOnDemand] });
// The `mqerr` bin runs by its hashbang: executable, whatever mode tsc wrote the file it replaces with.
chmodSync('dist/cli/main.js', 0o755);
await build({
  ...common,
  entryPoints: ['src/cli/cli.ts'],
  outfile: 'dist/cli/cli.js',
  plugins: [ours, yargsShimPath, oneStringWidth],
  // yargs is ESM; a few of its dependencies still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await build({ ...common, entryPoints: ['src/pipeline/segment-worker.ts'], outfile: 'dist/pipeline/segment-worker.js' });
