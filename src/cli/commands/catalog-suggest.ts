import { suggestEntries } from '../../aggregation/suggest-entries.js';
import { EXIT, ExitError } from '../../errors.js';
import { redactSummary } from '../../render/redact-summary.js';
import { renderSuggestion } from '../../render/render-suggestion.js';
import { warn, writeOut } from '../output.js';
import { readSummary } from './merge.js';

/**
 * `mqerr catalog --suggest SUMMARY.json`: prints one user catalog with draft
 * entries for the summary's uncatalogued codes of every vendor (or of
 * `--vendor`'s); what to fill in is said in YAML comments (or on stderr for JSON).
 */
export async function runCatalogSuggest(summaryFile: string, vendor: string | undefined, format: 'yaml' | 'json'): Promise<number> {
  // A summary made with --no-redact (or by an mqerr that knew fewer forms) is redacted here.
  const summary = redactSummary(readSummary(summaryFile, '--suggest'));
  if (!Array.isArray(summary.uncatalogued)) {
    throw new ExitError(`--suggest ${summaryFile}: this summary has no 'uncatalogued' list (made by an older mqerr); scan the logs again`);
  }
  const suggestion = suggestEntries(summary, vendor);
  if (!suggestion) {
    warn(`${summaryFile}: no uncatalogued codes; nothing to suggest`);
    return EXIT.ok;
  }
  const { text, notes } = renderSuggestion(suggestion, { summaryFile, catalogVersion: summary.catalog.version }, format);
  if (text === '' && vendor !== undefined) warn(`${summaryFile}: no uncatalogued ${vendor} codes`);
  for (const note of notes) warn(note);
  if (text !== '') await writeOut(text);
  return EXIT.ok;
}
