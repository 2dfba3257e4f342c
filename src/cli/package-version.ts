import { readFileSync } from 'node:fs';

/** mqerr's version, from its package.json, as `mqerr --version` prints it. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
