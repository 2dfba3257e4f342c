import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { RateMeter } from '../../src/aggregation/rate-meter.js';
import { chooseStatus, type StatusContext } from '../../src/cli/choose-status.js';
import { formatElapsed, liveViewCounts, renderLiveView } from '../../src/render/live-view.js';
import { renderProgressBar } from '../../src/render/progress-bar.js';
import { TerminalStatus } from '../../src/sinks/terminal-status.js';
import { parseDuration } from '../../src/time/parse-duration.js';
import type { TaggedEvent } from '../../src/types.js';
import { taggedEvent } from '../helpers/tagged-event.js';

function errorEvent(vendor: string, code: string, category: TaggedEvent['category']): TaggedEvent {
  return taggedEvent({ vendor, code, category, catalogued: true });
}

function summaryOf(events: TaggedEvent[]) {
  const aggregator = new Aggregator({ version: 'test', entries: 0 }, 0);
  for (const e of events) aggregator.add(e);
  aggregator.totals.lines = events.length;
  return aggregator.toSummary();
}

describe('RateMeter', () => {
  it('gives the per-minute growth over the window, sliding as samples arrive', () => {
    const meter = new RateMeter(60_000);
    expect(meter.perMinute('errors')).toBeNull();
    meter.sample(0, new Map([['errors', 0]]));
    expect(meter.perMinute('errors')).toBeNull();
    // A burst in the first seconds is not yet a rate.
    meter.sample(2_000, new Map([['errors', 6]]));
    expect(meter.perMinute('errors')).toBeNull();
    meter.sample(30_000, new Map([['errors', 6]]));
    expect(meter.perMinute('errors')).toBe(12);
    meter.sample(90_000, new Map([['errors', 6]]));
    // The window now starts at the 30 s sample: no growth since.
    expect(meter.perMinute('errors')).toBe(0);
    expect(meter.perMinute('absent')).toBe(0);
  });
});

describe('renderLiveView', () => {
  const summary = summaryOf([
    errorEvent('alibaba', 'ApplyTokenOverFlow', 'throttling'),
    errorEvent('alibaba', 'ApplyTokenOverFlow', 'throttling'),
    errorEvent('tencent', 'ResourceNotFound.Topic', 'not-found'),
  ]);
  const rates = new Map([
    ['errors', 4.2],
    ['category:throttling', 2.8],
    ['code:alibaba\u0000ApplyTokenOverFlow', 2.8],
  ]);
  const perMinute = (key: string): number | null => rates.get(key) ?? null;

  it('shows totals with the rate per minute, categories and top codes', () => {
    const lines = renderLiveView({ summary, elapsedMs: 133_000, perMinute, columns: 120, rows: 40 });
    expect(lines).toEqual([
      'mqerr 2:13 · 3 errors (4.2/min) · 0 successes · error rate 100.0% · 3 records · 3 lines',
      '  category      errors   per min',
      '  throttling         2       2.8',
      '  not-found          1         -',
      '  top codes                          errors   per min',
      '  alibaba  ApplyTokenOverFlow             2       2.8',
      '  tencent  ResourceNotFound.Topic         1         -',
    ]);
  });

  it('never wraps a line and never outgrows the screen', () => {
    const lines = renderLiveView({ summary, elapsedMs: 0, perMinute, columns: 30, rows: 5 });
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines) expect(line.length).toBeLessThan(30);
  });

  it('shows log-derived codes with control characters made visible', () => {
    const hostile = summaryOf([errorEvent('alibaba', 'Bad\u001b[2JCode', 'unknown')]);
    const text = renderLiveView({ summary: hostile, elapsedMs: 0, perMinute, columns: 120, rows: 40 }).join('\n');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Bad\\x1b[2JCode');
  });

  it('says so before the first error', () => {
    const lines = renderLiveView({ summary: summaryOf([]), elapsedMs: 5000, perMinute: () => null, columns: 120, rows: 40 });
    expect(lines).toEqual(['mqerr 0:05 · 0 errors (-/min) · 0 successes · 0 records · 0 lines', '  (no API errors yet)']);
  });

  it('samples the counts its rates are drawn from', () => {
    expect(liveViewCounts(summary)).toEqual(
      new Map([
        ['errors', 3],
        ['category:throttling', 2],
        ['category:not-found', 1],
        ['code:alibaba\u0000ApplyTokenOverFlow', 2],
        ['code:tencent\u0000ResourceNotFound.Topic', 1],
      ]),
    );
  });

  it('formats elapsed time as m:ss and h:mm:ss', () => {
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});

describe('renderProgressBar', () => {
  it('shows share, bytes, MB/s and ETA at the average rate', () => {
    const line = renderProgressBar({ doneBytes: 50e6, totalBytes: 200e6, elapsedMs: 2000, errors: 7, columns: 100 });
    expect(line).toBe(`[${'█'.repeat(10)}${'░'.repeat(30)}]   25%  50.0/200.0 MB  25.0 MB/s  ETA 0:06  7 errors`);
  });

  it('fits a narrow terminal', () => {
    expect(renderProgressBar({ doneBytes: 1, totalBytes: 2, elapsedMs: 1, errors: 0, columns: 40 }).length).toBeLessThan(40);
  });
});

describe('chooseStatus', () => {
  const base: StatusContext = {
    enabled: true,
    stderrIsTTY: true,
    stdoutIsTTY: false,
    term: 'xterm-256color',
    writesRecords: false,
    inputs: [{ kind: 'stdin', name: '-' }],
  };

  it('draws the live view for a pipe and a progress bar for files of known size', () => {
    expect(chooseStatus(base)).toBe('live');
    expect(chooseStatus({ ...base, inputs: [{ kind: 'file', name: 'a', path: 'a', size: 10 }] })).toBe('progress');
    expect(chooseStatus({ ...base, inputs: [{ kind: 'file', name: 'fifo', path: 'fifo', size: null }] })).toBe('live');
  });

  it('draws nothing when stderr is not a terminal, on a dumb terminal, or with --no-progress', () => {
    expect(chooseStatus({ ...base, stderrIsTTY: false })).toBe('none');
    expect(chooseStatus({ ...base, term: 'dumb' })).toBe('none');
    expect(chooseStatus({ ...base, enabled: false })).toBe('none');
  });

  it('draws nothing while records stream to the same terminal', () => {
    expect(chooseStatus({ ...base, writesRecords: true, stdoutIsTTY: true })).toBe('none');
    expect(chooseStatus({ ...base, writesRecords: true, stdoutIsTTY: false })).toBe('live');
  });
});

describe('TerminalStatus', () => {
  function fakeTerminal() {
    const writes: string[] = [];
    const stream = { columns: 80, rows: 24, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
    return { stream, writes };
  }

  it('redraws in place with one write per frame and leaves the screen clean', () => {
    const { stream, writes } = fakeTerminal();
    let n = 0;
    const status = new TerminalStatus(stream, () => [`frame ${++n}`, 'second line'], 60_000);
    status.start();
    status.draw();
    status.around(() => writes.push('a warning\n'));
    status.stop();
    expect(writes).toEqual([
      'frame 1\nsecond line\n',
      '\u001b[2A\r\u001b[Jframe 2\nsecond line\n',
      '\u001b[2A\r\u001b[J',
      'a warning\n',
      'frame 3\nsecond line\n',
      '\u001b[2A\r\u001b[J',
    ]);
  });
});

describe('parseDuration', () => {
  it('reads units and bare seconds', () => {
    expect(parseDuration('30s', '--every')).toBe(30_000);
    expect(parseDuration('250ms', '--every')).toBe(250);
    expect(parseDuration('1m30s', '--every')).toBe(90_000);
    expect(parseDuration('2', '--every')).toBe(2000);
  });

  it('names the flag when the text is not a duration', () => {
    expect(() => parseDuration('soon', '--every')).toThrow("--every expects a duration such as 30s, 500ms or 1m, got 'soon'");
  });
});
