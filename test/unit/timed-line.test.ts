import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../src/records/entry-finder.js';
import { readEntry } from '../../src/records/read-entry.js';
import { isTimedLine, timedLineField } from '../../src/records/timed-line.js';

describe('a shipped line with its time and nothing else', () => {
  it('is a line field holding a string, one time field and at most an event id', () => {
    expect(timedLineField({ id: '3195', timestamp: 1795340676310, message: 'boom' })).toBe('message');
    expect(timedLineField({ timestamp: 1795340676310, message: 'boom' })).toBe('message');
    expect(timedLineField({ time: '2026-11-22T09:44:36Z', log: 'boom' })).toBe('log');
    expect(timedLineField({ eventId: '1', '@timestamp': '2026-11-22T09:44:36Z', line: 'boom' })).toBe('line');
  });

  it('is not an application event, a line without a time, two lines, or a line that is no string', () => {
    expect(isTimedLine({ level: 50, time: 1795340676310, msg: 'boom' })).toBe(false);
    expect(isTimedLine({ id: '1', message: 'boom' })).toBe(false);
    expect(isTimedLine({ timestamp: 1, message: 'a', msg: 'b' })).toBe(false);
    expect(isTimedLine({ timestamp: 1, time: 2, message: 'a' })).toBe(false);
    expect(isTimedLine({ timestamp: 1, message: { text: 'a' } })).toBe(false);
    expect(isTimedLine({ timestamp: 1, message: 'a', code: 'InstanceNotFound' })).toBe(false);
  });

  it('is read from a document as its line, with its time and the stream the batch around it names', () => {
    const entry: DocumentEntry = {
      value: { id: '3195', timestamp: 1795340676310, message: "    Code: 'InstanceNotFound',\n" },
      context: { messageType: 'DATA_MESSAGE', logGroup: '/ecs/fleet', logStream: 'ecs/inventory/0123456789abcdef0123456789abcdef' },
      firstLine: 1,
      lastLine: 1,
    };
    const read = readEntry(entry);
    expect(read.text).toBe("    Code: 'InstanceNotFound',");
    expect(read.origin).toMatchObject({ time: 1795340676310, container: 'inventory' });
    expect(read.origin.stream).toContain('logstream=ecs/inventory/0123456789abcdef0123456789abcdef');
  });
});
