import type { DocumentError } from './json-byte-scanner.js';

/**
 * A reader of an input that is one document rather than lines — a JSON
 * document (JsonDocumentReader), a CSV export (CsvDocumentReader) or a
 * stream of YAML documents (YamlStreamReader) — fed
 * its bytes chunk by chunk, handing over its entries as they complete.
 */
export interface DocumentReader {
  /** What the input is, for messages: `JSON document`, `CSV export`. */
  readonly kind: string;
  /** Takes the next chunk. The chunk may be reused by the caller once this returns. */
  write(chunk: Buffer): void;
  /** Ends the input. */
  end(): void;
  /** Physical lines read: `\n`-separated, a last line without `\n` included; 0 for empty input. */
  readonly lines: number;
  /** The first damage, or null while the document reads well. */
  readonly error: DocumentError | null;
  /** Reading goes on past damage, with the next document of a stream (a YAML stream's); otherwise it stops there. */
  readonly readsOn?: boolean;
  /** Entries handed over. */
  readonly entries: number;
  /** Entries longer than the bound, not handed over. */
  readonly skipped: number;
  /** Entries holding bytes that are not valid UTF-8 (handed over, decoded with U+FFFD). */
  readonly undecodable: number;
  /** Bytes kept between chunks for an entry not yet complete. */
  readonly heldBytes: number;
}
