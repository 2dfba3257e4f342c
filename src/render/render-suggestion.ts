import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { UncataloguedCode } from '../aggregation/uncatalogued.js';
import { suggestionCatalog, type SuggestedEntry, type Suggestion, type VendorSuggestion } from '../aggregation/suggest-entries.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';

/** Where the suggestion comes from, for its header. */
export interface SuggestionOrigin {
  summaryFile: string;
  catalogVersion: string;
}

/** The catalog text for stdout, and the notes for stderr. */
export interface RenderedSuggestion {
  text: string;
  notes: string[];
}

const FILL_IN = [
  'For each entry, fill in from the vendor documentation: message (the text the API returns, verbatim),',
  'description, remedy, and source (where the vendor documents the code). Where category and retryable',
  'are missing, set them (retryable: true only where the vendor advises retrying later); where they were',
  'copied from a parent code, confirm them. Then remove the entry\'s "draft: true": until then the entry is',
  'not applied and its code stays uncatalogued. Check with mqerr catalog --check FILE (it lists the drafts',
  'left), and scan with --catalog FILE.',
];

/**
 * Renders draft entries as a user catalog: YAML with comments that say what
 * to fill in and show each code's redacted sample record, or plain JSON with
 * the same guidance in the notes. Codes of several vendors make one file with
 * a catalog per vendor (`catalogs:`). Either passes `mqerr catalog --check` as
 * printed, with a warning per draft entry.
 * @example renderSuggestion(suggestion, { summaryFile: 'day.json', catalogVersion: 'alibaba@…' }, 'yaml').text
 */
export function renderSuggestion(suggestion: Suggestion, origin: SuggestionOrigin, format: 'yaml' | 'json'): RenderedSuggestion {
  const notes = leftOutNotes(suggestion);
  const catalog = suggestionCatalog(suggestion);
  if (!catalog) return { text: '', notes };
  const groups = suggestion.vendors.filter((v) => v.entries.length > 0);
  const headline = `Draft entries for ${codesText(groups)} that catalog ${origin.catalogVersion} does not list, found in ${origin.summaryFile}.`;
  if (format === 'json') {
    const perEntry = groups.flatMap((g) => g.entries.map((s) => `${groups.length > 1 ? `${g.vendor} ` : ''}${s.entry.code}: ${seenText(s)}`));
    return { text: escapeC1(JSON.stringify(catalog, null, 2)) + '\n', notes: [headline, ...FILL_IN, ...perEntry, ...notes] };
  }
  const doc = new Document(catalog);
  doc.commentBefore = [headline, ...FILL_IN].map((line) => ` ${line}`).join('\n');
  const members = groups.length === 1 ? [doc.contents as YAMLMap] : (doc.get('catalogs', true) as YAMLSeq<YAMLMap>).items;
  groups.forEach((group, g) => {
    const member = members[g]!;
    if (groups.length > 1) member.commentBefore = ` ${group.vendor}: ${count(group.entries.length, 'code')}`;
    const items = (member.get('entries', true) as unknown as YAMLSeq<YAMLMap>).items;
    group.entries.forEach((s, i) => {
      const sample = s.seen.sample;
      items[i]!.commentBefore = [
        ` ${s.entry.code}: ${seenText(s)}`,
        ` sample, ${sample.source} line ${sample.line} (redacted): ${JSON.stringify(sample.text)}`,
      ].join('\n');
    });
  });
  // Comments carry log text: no control character may reach a terminal (newlines in them are escaped by JSON.stringify).
  return { text: sanitizeForTerminal(doc.toString({ lineWidth: 0 }), { multiline: true }), notes };
}

/** `2 tencent codes`, or for several vendors `3 codes (alibaba 1, tencent 2)`. */
function codesText(groups: readonly VendorSuggestion[]): string {
  if (groups.length === 1) return count(groups[0]!.entries.length, `${groups[0]!.vendor} code`);
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  return `${count(total, 'code')} of ${groups.length} vendors (${groups.map((g) => `${g.vendor} ${g.entries.length}`).join(', ')})`;
}

function seenText(s: SuggestedEntry): string {
  const records = count(s.seen.count, 'record');
  if (s.fromParent) return `${records}; category, httpStatus and retryable are those of its nearest catalogued parent ${s.seen.parent}.`;
  return s.seen.parent ? `${records}; nearest catalogued parent ${s.seen.parent}.` : `${records}; no catalogued parent.`;
}

function leftOutNotes(suggestion: Suggestion): string[] {
  const notes: string[] = [];
  for (const [vendor, codes] of suggestion.otherVendors) {
    notes.push(`also uncatalogued: ${count(codes.length, `${vendor} code`)} (${names(codes)}); left out by --vendor`);
  }
  if (suggestion.noVendor.length > 0) {
    const where = suggestion.noVendor.map((u) => `${u.code} at ${u.sample.source}:${u.sample.line}`).join(', ');
    const them = suggestion.noVendor.length === 1 ? 'it' : 'them';
    notes.push(`left out ${count(suggestion.noVendor.length, 'code')} whose records do not show the vendor (${where}); add ${them} to that vendor's entries by hand`);
  }
  return notes;
}

function names(codes: readonly UncataloguedCode[]): string {
  return codes.map((u) => u.code).join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** JSON.stringify leaves DEL and C1 controls raw; a terminal would act on them. */
function escapeC1(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
