import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { DocumentReader } from './document-reader.js';
import type { DocumentEntry } from './entry-finder.js';
import { DEFAULT_DOCUMENT_LIMITS } from './json-document-reader.js';

/**
 * A stream of YAML documents, each led by `---`, each a log entry: what
 * `gcloud logging read` prints by default (its YAML format: one LogEntry a
 * document, keys sorted, `textPayload` or `jsonPayload`, `resource.labels`,
 * `timestamp`), and any tool that prints its records so. Each document is
 * handed over as an entry (an envelope peeled as a JSON document's are);
 * lines are counted as read, whatever the documents hold.
 */

/** The yaml package, loaded when a YAML stream is read: every run starts, few read YAML, and start-up time counts. */
const require = createRequire(import.meta.url);
type Yaml = typeof import('yaml');
let yaml: Yaml | null = null;

/** A document's start: `---` alone on its line (a comment or spaces may follow). */
function isDocumentStart(line: string): boolean {
  return line.startsWith('---') && (line.length === 3 || line.charCodeAt(3) === 0x20 || line.charCodeAt(3) === 0x09);
}

/** A block mapping's first key, as a YAML log entry starts: a name and `:` at the line's start. */
const MAPPING_KEY = /^[A-Za-z_@"'][^:#\s]{0,127}:(?:\s|$)/;

/**
 * Whether an input's first bytes are a stream of YAML documents as
 * YamlStreamReader reads them: `---` alone on the first line, then a
 * mapping's key (`insertId: …`) on the next.
 * @example startsYamlStream(Buffer.from('---\ninsertId: 3n9g\n'), false) // true
 */
export function startsYamlStream(start: Buffer, ended: boolean): boolean {
  const at = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
  const first = start.indexOf(0x0a, at);
  if (first < 0) return false;
  if (!isDocumentStart(start.toString('latin1', at, first).replace(/\r$/, ''))) return false;
  const second = start.indexOf(0x0a, first + 1);
  if (second < 0 && !ended) return false;
  return MAPPING_KEY.test(start.toString('latin1', first + 1, second < 0 ? start.length : second));
}

/**
 * Reads a stream of YAML documents (see startsYamlStream) from byte chunks
 * cut anywhere, and hands over each document that is a mapping as an entry
 * with the lines it spans. A document longer than 4 MiB is skipped and
 * counted; one that does not parse is damage (`error`, the first), and the
 * documents around it are read all the same.
 */
export class YamlStreamReader implements DocumentReader {
  readonly kind = 'YAML stream';
  readonly readsOn = true;
  lines = 0;
  error: { line: number; message: string } | null = null;
  entries = 0;
  skipped = 0;
  undecodable = 0;
  /** The unfinished last line's bytes. */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** The current document's lines, and where it starts. */
  private document: string[] = [];
  private documentBytes = 0;
  /** The document's first line (its `---`), and its last line read; 0 before any. */
  private documentStart = 0;
  private documentLast = 0;
  private documentUndecodable = false;
  private tooLong = false;

  constructor(private readonly onEntry: (entry: DocumentEntry) => void) {}

  get heldBytes(): number {
    return this.partialBytes + this.documentBytes;
  }

  write(chunk: Buffer): void {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      const line = this.partial.length === 0 ? Buffer.from(piece) : Buffer.concat([...this.partial, piece]);
      this.partial = [];
      this.partialBytes = 0;
      this.takeLine(line);
      from = nl + 1;
    }
    if (from < chunk.length) {
      // A copy: the caller may reuse its chunk.
      this.partial.push(Buffer.from(chunk.subarray(from)));
      this.partialBytes += chunk.length - from;
      if (this.partialBytes > DEFAULT_DOCUMENT_LIMITS.maxEntryBytes) {
        // A line longer than a document may be: its document is skipped, and its bytes are not held.
        this.partial = [];
        this.partialBytes = 0;
        this.tooLong = true;
        this.document = [];
        this.documentBytes = 0;
      }
    }
  }

  end(): void {
    if (this.partial.length > 0) {
      const line = Buffer.concat(this.partial);
      this.partial = [];
      this.partialBytes = 0;
      this.takeLine(line);
    }
    this.finishDocument();
  }

  private takeLine(bytes: Buffer): void {
    this.lines++;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (isDocumentStart(text)) {
      this.finishDocument();
      this.documentStart = this.lines;
      return;
    }
    if (this.documentStart === 0) this.documentStart = this.lines;
    this.documentLast = this.lines;
    if (this.tooLong) return;
    if (!isUtf8(bytes)) this.documentUndecodable = true;
    this.documentBytes += bytes.length + 1;
    if (this.documentBytes > DEFAULT_DOCUMENT_LIMITS.maxEntryBytes) {
      this.tooLong = true;
      this.document = [];
      return;
    }
    this.document.push(text);
  }

  /** Hands over the document read since its `---`, if it is a mapping. */
  private finishDocument(): void {
    const lines = this.document;
    const first = this.documentStart;
    const last = this.documentLast;
    const skipped = this.tooLong;
    const undecodable = this.documentUndecodable;
    this.document = [];
    this.documentBytes = 0;
    this.documentStart = 0;
    this.documentLast = 0;
    this.tooLong = false;
    this.documentUndecodable = false;
    if (skipped) {
      this.skipped++;
      return;
    }
    if (last === 0 || lines.every((line) => line.trim() === '' || line.trimStart().startsWith('#'))) return;
    yaml ??= require('yaml') as Yaml;
    const parsed = yaml.parseDocument(lines.join('\n'), { uniqueKeys: false });
    if (parsed.errors.length > 0) {
      const error = parsed.errors[0]!;
      this.error ??= { line: last - lines.length + (error.linePos?.[0].line ?? 1), message: `a document that is not YAML (${error.code})` };
      return;
    }
    const value: unknown = parsed.toJS({ maxAliasCount: 100 });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    this.entries++;
    if (undecodable) this.undecodable++;
    this.onEntry({ value, context: null, firstLine: first, lastLine: last });
  }
}
