import type { LogRecord } from '../types.js';
import { advanceState, continuesRecord, FRESH_STATE, type ContinuationState } from './continuation.js';

/** Bounds that keep one runaway record from holding unbounded memory. */
export interface AssemblyLimits {
  maxRecordLines: number;
  maxRecordChars: number;
}

export const DEFAULT_ASSEMBLY_LIMITS: AssemblyLimits = { maxRecordLines: 1000, maxRecordChars: 4 * 1024 * 1024 };

/** Where a line came from inside a source, once a container wrapper is removed. */
export interface LineOrigin {
  pod: string | null;
  container: string | null;
  /** Separate streams of one container (stdout, stderr) never share a record. */
  stream: string | null;
  time: number | null;
}

interface OpenRecord {
  lines: string[];
  chars: number;
  firstLine: number;
  origin: LineOrigin;
  state: ContinuationState;
}

/**
 * Groups physical lines into records (log events): a Java stack trace, a
 * Python traceback or a util.inspect block is one record. Lines of different
 * pods, containers or streams are grouped apart, so interleaving never merges them.
 */
export class RecordAssembler {
  private readonly open = new Map<string, OpenRecord>();

  constructor(
    private readonly source: string,
    private readonly emit: (record: LogRecord) => void,
    private readonly limits: AssemblyLimits = DEFAULT_ASSEMBLY_LIMITS,
  ) {}

  /** Adds one physical line (1-based `lineNo`); may emit the record it closes. */
  push(text: string, lineNo: number, origin: LineOrigin | null): void {
    const key = origin && (origin.pod || origin.container || origin.stream) ? `${origin.pod ?? ''}\u0000${origin.container ?? ''}\u0000${origin.stream ?? ''}` : '';
    const current = this.open.get(key);
    if (current && continuesRecord(text, current.state) && !this.isFull(current, text)) {
      current.lines.push(text);
      current.chars += text.length + 1;
      current.state = advanceState(text, current.state);
      return;
    }
    if (current) this.close(key, current);
    this.open.set(key, {
      lines: [text],
      chars: text.length,
      firstLine: lineNo,
      origin: origin ?? { pod: null, container: null, stream: null, time: null },
      state: advanceState(text, FRESH_STATE),
    });
  }

  /** Whether any record is waiting for more lines. */
  get pending(): boolean {
    return this.open.size > 0;
  }

  /** Closes every open record: at the end of input, or after a quiet period. */
  flush(): void {
    for (const [key, record] of [...this.open].sort((a, b) => a[1].firstLine - b[1].firstLine)) {
      this.close(key, record);
    }
  }

  private isFull(record: OpenRecord, text: string): boolean {
    return record.lines.length >= this.limits.maxRecordLines || record.chars + text.length > this.limits.maxRecordChars;
  }

  private close(key: string, record: OpenRecord): void {
    this.open.delete(key);
    this.emit({
      source: this.source,
      line: record.firstLine,
      text: record.lines.length === 1 ? record.lines[0]! : record.lines.join('\n'),
      wrapperTime: record.origin.time,
      pod: record.origin.pod,
      container: record.origin.container,
    });
  }
}
