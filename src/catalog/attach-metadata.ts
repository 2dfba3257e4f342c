import type { CatalogEntry, LogRecord, Recognition, TaggedEvent, Vendor } from '../types.js';
import type { Catalog, CodeMatch } from './catalog.js';

type Metadata = Pick<TaggedEvent, 'category' | 'section' | 'httpStatus' | 'retryable' | 'clientSide' | 'description' | 'remedy'>;

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
  const known = code === null ? null : codeMetadata(code, vendor, sharedOnly, catalog);
  // A message shared by several codes still tells what they agree on (their category, say).
  const metadata = event !== 'error' ? NO_METADATA : known !== null ? known.metadata : combine(byMessage);
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
    catalogued: known !== null && known.catalogued,
    parent: known === null ? null : known.parent,
    time: recognition.time ?? record.wrapperTime ?? fallbackTime,
    pod: record.pod,
    container: record.container,
    namespace: record.namespace,
    host: record.host,
    unit: record.unit,
    duplicateOf: null,
  };
}

/** What the catalog says of a code: the metadata its entries agree on, whether it is catalogued itself, its parent. */
interface CodeMetadata {
  metadata: Metadata;
  catalogued: boolean;
  parent: string | null;
}

/** Per catalog, what codes already looked up gave (a bounded number: codes come from logs). */
const looked = new WeakMap<Catalog, Map<string, CodeMetadata>>();
const MAX_REMEMBERED_CODES = 4096;

/**
 * What the catalog says of `code` for `vendor` (every vendor's entries when
 * null; only the codes every product shares when `sharedOnly`), looked up
 * once per run and remembered: every error of a code asks the same.
 */
function codeMetadata(code: string, vendor: Vendor | null, sharedOnly: boolean, catalog: Catalog): CodeMetadata {
  let remembered = looked.get(catalog);
  if (!remembered) looked.set(catalog, (remembered = new Map()));
  const key = `${sharedOnly ? 1 : 0}${vendor ?? ''}\u0000${code}`;
  let known = remembered.get(key);
  if (known === undefined) {
    const lookup = (v: string): CodeMatch | null => (sharedOnly ? catalog.lookupShared(code, v) : catalog.lookupCode(code, v));
    const matches = (vendor ? [lookup(vendor)] : [...catalog.vendors.keys()].map(lookup)).filter((m): m is CodeMatch => m !== null);
    known = {
      metadata: combine(matches.map((m) => m.entry)),
      catalogued: matches.length > 0 && matches.every((m) => m.catalogued),
      parent: nearestParent(matches),
    };
    if (remembered.size >= MAX_REMEMBERED_CODES) remembered.clear();
    remembered.set(key, known);
  }
  return known;
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
