import { ByteWindow } from './byte-window.js';
import type { DocumentReader } from './document-reader.js';
import { EntryFinder, type DocumentEntry, type DocumentLimits } from './entry-finder.js';
import { JsonByteScanner, type DocumentError } from './json-byte-scanner.js';

export type { DocumentEntry, DocumentError, DocumentLimits };

/** 4 MiB per entry, as a record is bounded in assemble-records; 16 KiB per context field; 512 levels of nesting. */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxEntryBytes: 4 * 1024 * 1024, maxContextFieldBytes: 16 * 1024, maxDepth: 512 };

/**
 * Reads a JSON document — an array of log entries, or an object holding one
 * at any depth (`aws logs filter-log-events`' `events`, Elasticsearch's
 * `hits.hits`, Loki's `data.result[].values`) — from byte chunks cut
 * anywhere, even inside a character or an escape, and hands over its
 * entries one by one, in document order.
 *
 * An entry is an array element that is an object, or a pair of strings or
 * numbers (`["<unix ns>", "<line>"]`), and that holds no entry itself. An
 * object that does hold entries encloses them: the scalars and small objects
 * it holds before its first entry begins become their `context`. A document
 * that holds no entry (one pretty-printed object) is itself the one entry.
 * Documents written one after another (NDJSON among them) are read in turn.
 * The rule looks at shape, not names, so every array of objects counts:
 * `searchedLogStreams` beside aws' `events` yields entries too, and an
 * object holding an array of objects (`"tags": [{…}]`) or of pairs is an
 * enclosing object, not an entry.
 *
 * The bytes are scanned once (JsonByteScanner follows strings, escapes and
 * nesting; EntryFinder applies the rule), and only the bytes of the entry
 * being read are kept, then decoded and given to `JSON.parse` alone: memory
 * is bounded by the largest entry, never by the document. An entry longer
 * than `maxEntryBytes` is skipped and counted in `skipped`; an entry holding
 * bytes that are not UTF-8 is decoded with U+FFFD and counted in
 * `undecodable`.
 *
 * Broken input never throws. At the first damage — a byte the JSON grammar
 * does not allow where it stands (a raw newline inside a string among
 * them), an entry or a context field that `JSON.parse` refuses, nesting
 * deeper than `maxDepth`, or the input ending inside the document — `error`
 * is set to its line and to what was expected and what came; the entries
 * completed before it have been handed over and none after it are, and
 * `lines` still counts every line to the end. Strings outside entries are
 * checked only as far as finding where they end.
 * @example
 * const reader = new JsonDocumentReader((entry) => console.log(entry.firstLine, entry.value));
 * reader.write(Buffer.from('[\n  {"message": "a"},\n  {"mess'));
 * reader.write(Buffer.from('age": "b"}\n]\n'));
 * reader.end(); // logs 2 { message: 'a' }, then 3 { message: 'b' }; reader.lines === 4
 */
export class JsonDocumentReader implements DocumentReader {
  readonly kind = 'JSON document';
  private readonly window = new ByteWindow();
  private readonly finder: EntryFinder;
  private readonly scanner: JsonByteScanner;

  constructor(onEntry: (entry: DocumentEntry) => void, limits: Partial<DocumentLimits> = {}) {
    const resolved = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
    this.finder = new EntryFinder(onEntry, resolved, this.window);
    this.scanner = new JsonByteScanner(this.finder, resolved.maxDepth);
  }

  /** Takes the next chunk. The chunk may be reused by the caller once this returns. */
  write(chunk: Buffer): void {
    const at = this.scanner.bytesRead;
    if (this.scanner.error === null) this.window.enter(chunk, at);
    this.scanner.write(chunk);
    this.window.leave(this.scanner.error === null ? this.finder.keepFrom(at + chunk.length) : -1);
  }

  /** Ends the input: a document still open is damage (it was cut short). */
  end(): void {
    this.scanner.end();
    this.window.leave(-1);
  }

  /** Physical lines read: `\n`-separated, a last line without `\n` included; 0 for empty input. */
  get lines(): number {
    return this.scanner.lines;
  }

  /** The first damage, or null while the document reads well. */
  get error(): DocumentError | null {
    return this.scanner.error;
  }

  /** Entries handed over. */
  get entries(): number {
    return this.finder.entries;
  }

  /** Entries longer than `maxEntryBytes`, not handed over. */
  get skipped(): number {
    return this.finder.skipped;
  }

  /** Entries holding bytes that are not valid UTF-8 (handed over, decoded with U+FFFD). */
  get undecodable(): number {
    return this.finder.undecodable;
  }

  /** Bytes kept between chunks for an entry not yet complete. */
  get heldBytes(): number {
    return this.window.keptBytes + this.scanner.heldBytes;
  }
}
