import type { CatalogEntry, LogRecord, Recognition, TaggedEvent } from '../types.js';
import type { Catalog, CodeMatch } from './catalog.js';

type Metadata = Pick<TaggedEvent, 'category' | 'section' | 'httpStatus' | 'retryable' | 'clientSide' | 'description' | 'remedy'>;

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
  const { event, vendor, requestId, action } = recognition;
  const code = recognition.code ?? (event === 'error' ? codeFromMessage(recognition, catalog) : null);
  const matches = code ? (vendor ? [catalog.lookupCode(code, vendor)].filter((m): m is CodeMatch => m !== null) : catalog.lookupAnyVendor(code)) : [];
  const metadata = event === 'error' ? combine(matches.map((m) => m.entry)) : NO_METADATA;
  return {
    source: record.source,
    line: record.line,
    event,
    vendor,
    code,
    requestId,
    action,
    ...metadata,
    category: event === 'error' ? (metadata.category ?? 'unknown') : null,
    catalogued: matches.length > 0 && matches.every((m) => m.catalogued),
    time: recognition.time ?? record.wrapperTime ?? fallbackTime,
    pod: record.pod,
    container: record.container,
    duplicateOf: null,
  };
}

function codeFromMessage(recognition: Recognition, catalog: Catalog): string | null {
  if (!recognition.message) return null;
  const codes = new Set(
    catalog
      .entriesWithMessage(recognition.message)
      .filter((e) => recognition.vendor === null || e.vendor === recognition.vendor)
      .map((e) => e.code),
  );
  return codes.size === 1 ? [...codes][0]! : null;
}

/** The metadata the entries agree on; a field they disagree on is null. */
function combine(entries: CatalogEntry[]): Metadata {
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
