// Compiles data/catalog.schema.json into a standalone validator module at
// build time, so that loading the catalog validates it without compiling the
// schema (or loading Ajv's compiler) on every start.
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('data/catalog.schema.json', root), 'utf8'));
// The same options as inspect-catalog-file.ts compiles with when run from source.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, code: { source: true } });
const validate = ajv.compile(schema);
const header = '// Generated from data/catalog.schema.json by scripts/compile-catalog-schema.mjs; do not edit.\n';
writeFileSync(new URL('dist/catalog/catalog-validator.cjs', root), header + standaloneCode(ajv, validate));
