import type { CatalogEntry, LogRecord, Recognition, TaggedEvent } from '../types.js';
import type { Catalog, CodeMatch } from './catalog.js';

type Metadata = Pick<TaggedEvent, 'category' | 'section' | 'httpStatus' | 'retryable' | 'clientSide' | 'description' | 'remedy'>;

const NO_MATCHES: readonly CodeMatch[] = [];
const NO_ENTRIES: readonly CatalogEntry[] = [];

const NO_METADATA: Metadata = {
  category: null,
  section: null,
  httpStatus: null,
  retryable: null,
  clientSide: false,
  description: null,
  remedy: null,
};

/**
 * Attaches the catalog's metadata to a recognized record. A code without a
 * vendor takes only the metadata every vendor's entry agrees on; a code the
 * text does not carry is recovered from a message that names exactly one code.
 * @example attachMetadata(record, recognize(record.text, ctx), catalog)
 */
export function attachMetadata(record: LogRecord, recognition: Recognition, catalog: Catalog, fallbackTime: number | null): TaggedEvent {
  const { event, vendor, requestId, action, product } = recognition;
  // Another product of the vendor answered: only the codes every product shares (API 3.0 common codes…) describe it.
  const sharedOnly = product !== null && !catalog.isCatalogProduct(vendor, product);
  const byMessage = event === 'error' && recognition.code === null ? entriesForMessage(recognition, catalog, sharedOnly) : NO_ENTRIES;
  const recovered = byMessage.length > 0 && new Set(byMessage.map((e) => e.code)).size === 1 ? byMessage[0]!.code : null;
  // A pattern (`InvalidParameter.%s`) lends its metadata, but is no code an API returns.
  const code = recognition.code ?? (recovered !== null && !recovered.includes('%') ? recovered : null);
  const lookup = (v: string): CodeMatch | null => (sharedOnly ? catalog.lookupShared(code!, v) : catalog.lookupCode(code!, v));
  const matches = code
    ? (vendor ? [lookup(vendor)] : [...catalog.vendors.keys()].map(lookup)).filter((m): m is CodeMatch => m !== null)
    : NO_MATCHES;
  // A message shared by several codes still tells what they agree on (their category, say).
  const entries = code ? matches.map((m) => m.entry) : byMessage;
  const metadata = event === 'error' ? combine(entries) : NO_METADATA;
  // Fields are listed rather than spread: this runs once per record.
  return {
    source: record.source,
    line: record.line,
    event,
    vendor,
    code,
    requestId,
    action,
    product,
    otherCloud: recognition.otherCloud,
    category: event === 'error' ? (metadata.category ?? 'unknown') : null,
    section: metadata.section,
    httpStatus: metadata.httpStatus,
    retryable: metadata.retryable,
    clientSide: metadata.clientSide,
    description: metadata.description,
    remedy: metadata.remedy,
    catalogued: matches.length > 0 && matches.every((m) => m.catalogued),
    parent: nearestParent(matches),
    time: recognition.time ?? record.wrapperTime ?? fallbackTime,
    pod: record.pod,
    container: record.container,
    namespace: record.namespace,
    host: record.host,
    unit: record.unit,
    duplicateOf: null,
  };
}

/** The entries whose verbatim message is the first of the error's candidate messages that any has (of its vendor, when known). */
function entriesForMessage(recognition: Recognition, catalog: Catalog, sharedOnly: boolean): CatalogEntry[] {
  for (const message of recognition.messages) {
    const entries = catalog
      .entriesWithMessage(message)
      .filter((e) => (recognition.vendor === null || e.vendor === recognition.vendor) && (!sharedOnly || catalog.isShared(e)));
    if (entries.length > 0) return entries;
  }
  return [];
}

/** The parent code the fallback matches agree on, if any. */
function nearestParent(matches: readonly CodeMatch[]): string | null {
  if (matches.length === 0) return null;
  const parents = new Set(matches.filter((m) => !m.catalogued).map((m) => m.entry.code));
  return parents.size === 1 ? [...parents][0]! : null;
}

/** The metadata the entries agree on; a field they disagree on is null. */
function combine(entries: readonly CatalogEntry[]): Metadata {
  if (entries.length === 0) return NO_METADATA;
  const agreed = <T>(pick: (e: CatalogEntry) => T): T | null => {
    const first = pick(entries[0]!);
    return entries.every((e) => pick(e) === first) ? first : null;
  };
  return {
    category: agreed((e) => e.category),
    section: agreed((e) => e.sections.join(',') || null),
    httpStatus: agreed((e) => e.httpStatus),
    retryable: agreed((e) => e.retryable),
    clientSide: agreed((e) => e.clientSide) ?? false,
    description: agreed((e) => e.description),
    remedy: agreed((e) => e.remedy),
  };
}
