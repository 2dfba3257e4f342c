// Preloaded into the CLI by tests that bound its memory: on exit, writes the
// process's own peak resident set size (KiB, from getrusage) to a file.
import { writeFileSync } from 'node:fs';

const file = process.env.MQERR_TEST_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
