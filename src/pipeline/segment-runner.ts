import { setLogTimeZone } from '../time/parse-time.js';
import { setTimeReference } from '../time/time-reference.js';
import { parseTimeZone, UTC } from '../time/time-zone.js';
import { Aggregator } from '../aggregation/aggregator.js';
import { ProductSelection } from '../aggregation/product-selection.js';
import { TimeWindow } from '../aggregation/time-window.js';
import { Catalog } from '../catalog/catalog.js';
import { LineScanner } from '../lines/line-scanner.js';
import { createRecognitionContext, type RecognitionContext } from '../recognition/recognition-context.js';
import { findRecommendLink } from '../recognition/find-recommend-link.js';
import { TagWriter } from '../tagging/tag-writer.js';
import { feedBlocks } from './feed-blocks.js';
import { LineProcessor } from './line-processor.js';
import type { DeferredRecord, RepeatCheck, SegmentItem, SegmentResult, SegmentSettings } from './segment-messages.js';

interface OpenSegment {
  source: string;
  aggregator: Aggregator;
  processor: LineProcessor;
  scanner: LineScanner;
  writer: TagWriter | null;
  /** The records deferred since the output was last taken, and where in that output each goes. */
  deferred: { at: number; record: DeferredRecord | RepeatCheck }[];
}

/**
 * Processes segments — runs of whole lines of one source that start where a
 * record must start — exactly as the sequential pipeline processes those
 * lines, one segment at a time, but for what depends on the lines before the
 * segment: the records before its first time (they inherit an earlier time)
 * and the errors with a RequestId (an earlier record may have reported it)
 * are handed back in their place in the output, for the main thread to
 * finish in order (see run-parallel.ts). Counts merge through Aggregator.absorb.
 */
export class SegmentRunner {
  private readonly ctx: RecognitionContext;
  private open: OpenSegment | null = null;

  constructor(
    private readonly settings: SegmentSettings,
    /** Where tagged output is copied to, so a worker can reuse the buffers the main thread hands back. */
    private readonly allocate: (length: number) => Buffer = Buffer.allocUnsafeSlow,
  ) {
    this.ctx = createRecognitionContext(new Catalog(settings.catalog.vendors, settings.catalog.version, settings.catalog.shapes));
    // The main thread checked the zone; a worker reads log times as it does.
    setLogTimeZone(parseTimeZone(settings.logTimeZone) ?? UTC);
    setTimeReference(settings.timeReference);
  }

  begin(source: string, firstLine: number): void {
    const { settings, ctx } = this;
    const { since, until, series } = settings.time;
    const aggregator = new Aggregator(
      { version: ctx.catalog.version, entries: ctx.catalog.size },
      settings.samples,
      { window: new TimeWindow(since, until), series },
      new ProductSelection(settings.countedProducts, new Set(settings.catalogProducts)),
      settings.maxKeys,
      settings.crossTabs,
    );
    // Repeats across inputs are the main thread's to fold: every error that could be one is sent there (settleRepeats).
    aggregator.oneInput();
    const writer = settings.tag ? new TagWriter({ errorsOnly: settings.tag.errorsOnly, pretty: null, redactInput: settings.tag.redactInput }) : null;
    const deferred: OpenSegment['deferred'] = [];
    const processor = new LineProcessor(
      source,
      ctx,
      aggregator,
      writer ? (record, recognition, event, further) => writer.record(record, recognition, event, further) : null,
      {
        unwrap: settings.unwrap,
        redact: settings.redact,
        firstLine,
        settleRepeats: settings.settleRepeats,
        defer: (record, recognition, event, further) => {
          const { line, text, wrapperTime, wrapperZoned, pod, container, namespace, host, unit } = record;
          deferred.push({
            at: writer?.out.length ?? 0,
            record: {
              record: { source: record.source, line, text, wrapperTime, wrapperZoned, pod, container, namespace, host, unit },
              recognition,
              event,
              ...(further ? { further } : {}),
            },
          });
        },
        deferRepeat: (record, recognition, event, further) => {
          const uncatalogued = event.code !== null && !event.catalogued;
          const check: RepeatCheck = {
            repeat: { ...event, description: null, remedy: null },
            text: uncatalogued ? record.text : null,
            recommend: findRecommendLink(record.text),
            written: false,
            ...(further ? { further } : {}),
          };
          const item = { at: writer?.out.length ?? 0, record: check };
          // Queued first: if rendering fails, the error is still counted.
          deferred.push(item);
          if (writer && !further && aggregator.time.window.place(event.time) === 'inside') {
            item.at = writer.recordAwaitingRepeat(record, recognition, event);
            check.written = true;
          }
        },
      },
      writer ? (line, recognition, event) => writer.quiet(line, recognition, event) : null,
    );
    const scanner = new LineScanner(settings.maxLineBytes, feedBlocks(processor, { unwrap: settings.unwrap, ctx }));
    this.open = { source, aggregator, processor, scanner, writer, deferred };
  }

  /** Takes the segment's next bytes; returns its output so far, in order. */
  data(bytes: Buffer): SegmentItem[] {
    const open = this.segment();
    open.scanner.push(bytes);
    return this.takeItems(open);
  }

  /** Ends the segment: its result, and the rest of its output. */
  end(): { items: SegmentItem[]; result: SegmentResult } {
    const open = this.segment();
    this.open = null;
    open.scanner.end();
    open.processor.flush();
    const { aggregator, processor } = open;
    aggregator.totals.truncated += open.scanner.truncated;
    aggregator.totals.undecodable += open.scanner.undecodable;
    const series = this.settings.time.series && this.settings.time.series.label === null ? aggregator.timeSeries() : null;
    return {
      items: this.takeItems(open),
      result: { summary: aggregator.toSummary(), series, lastTime: processor.latestTime, lines: processor.lines, repeatTail: processor.settledWindow(), failure: processor.failure },
    };
  }

  /**
   * The output so far, in order: the tagged lines taken as one buffer (one
   * copy, one transfer), cut where the deferred records go.
   */
  private takeItems(open: OpenSegment): SegmentItem[] {
    const { writer, deferred } = open;
    if (!writer || writer.out.length === 0) return deferred.splice(0).map((d) => d.record);
    const buffer = writer.out.take(this.allocate);
    const bytes = buffer.buffer as ArrayBuffer;
    const base = buffer.byteOffset;
    const items: SegmentItem[] = [];
    let from = 0;
    for (const { at, record } of deferred.splice(0)) {
      if (at > from) items.push({ bytes, start: base + from, end: base + at, last: false });
      items.push(record);
      from = at;
    }
    items.push({ bytes, start: base + from, end: base + buffer.length, last: true });
    return items;
  }

  private segment(): OpenSegment {
    if (!this.open) throw new Error('segment data before its beginning');
    return this.open;
  }
}
