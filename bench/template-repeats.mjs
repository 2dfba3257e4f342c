/**
 * How often the records recognition reads repeat an earlier record's
 * template — the text with UUIDs and digit runs masked — and how often they
 * repeat one exactly: what a cache of recognition's answers by template or
 * by text could hit. Records are grouped as the full path groups them, and
 * those recognition has work on are kept (more than one line, or a gate word
 * as recognition-probe.mjs picks them). Prints a JSON line.
 * Usage: node bench/template-repeats.mjs FILE
 */
import { readFileSync } from 'node:fs';

const { RecordAssembler } = await import(new URL('../dist/records/assemble-records.js', import.meta.url));
const WORDS = /ode|equest|rror|xception|sdk\.|c[-_]+o[-_]*d[-_]*e|co[-_]+d[-_]*e|cod[-_]+e|r[-_]*e[-_]*q[-_]*u[-_]*e[-_]*s[-_]*t|\\u/i;
const UUID = /[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/g;
const texts = [];
const assembler = new RecordAssembler('probe', (record) => {
  if (record.text.includes('\n') || WORDS.test(record.text)) texts.push(record.text);
});
const lines = readFileSync(process.argv[2], 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
lines.forEach((line, i) => assembler.push(line, i + 1, null));
assembler.flush();

const templates = new Set();
const exact = new Set();
let templateRepeats = 0;
let exactRepeats = 0;
for (const text of texts) {
  const template = text.replace(UUID, '<uuid>').replace(/\d+/g, '0');
  if (templates.has(template)) templateRepeats++;
  else templates.add(template);
  if (exact.has(text)) exactRepeats++;
  else exact.add(text);
}
const share = (n) => Math.round((1000 * n) / texts.length) / 1000;
process.stdout.write(JSON.stringify({ records: texts.length, templates: templates.size, repeatTemplate: share(templateRepeats), repeatExactly: share(exactRepeats) }) + '\n');
