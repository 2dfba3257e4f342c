import { Aggregator } from '../../src/aggregation/aggregator.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { LineProcessor } from '../../src/pipeline/line-processor.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import type { LogRecord, TaggedEvent } from '../../src/types.js';

export interface ScannedRecord {
  record: LogRecord;
  event: TaggedEvent;
}

/**
 * Runs lines through the real per-source pipeline (records → recognition →
 * catalog) into `aggregator`, synchronously and with any catalog, and returns
 * every record with its tagged event, in line order. (scan-in-process.ts runs
 * bytes through the streaming stack too, for chunking tests.)
 */
export function scanLines(
  source: string,
  text: string,
  catalog: Catalog,
  aggregator = new Aggregator({ version: catalog.version, entries: catalog.size }, 5),
): ScannedRecord[] {
  const seen: ScannedRecord[] = [];
  const processor = new LineProcessor(source, createRecognitionContext(catalog), aggregator, (record, _r, event) =>
    seen.push({ record, event }),
  );
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) processor.pushLine(line);
  processor.flush();
  return seen.sort((a, b) => a.record.line - b.record.line);
}
