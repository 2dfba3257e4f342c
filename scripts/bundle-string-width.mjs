// What the CLI bundle imports as `string-width` (see bundle.mjs): string-width
// itself, initialized on first use. Its module builds an Intl.Segmenter and
// Unicode property patterns as it loads (tens of milliseconds), while yargs
// measures only printable ASCII for mqerr's help, whose width is its length
// (string-width's own first check).
/* global require -- bundled by esbuild, which turns this require into a lazy module initialization */
let measure = null;

export default function stringWidth(string, options) {
  if (typeof string === 'string' && /^[\x20-\x7e]*$/.test(string)) return string.length;
  measure ??= require('string-width').default;
  return measure(string, options);
}
