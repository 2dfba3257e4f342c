import { describe, expect, it } from 'vitest';
import { unwrapContainer } from '../../src/records/unwrap-container.js';

describe('container wrappers', () => {
  it('unwraps the CRI format with its time and stream, and marks P lines partial', () => {
    expect(unwrapContainer('2026-11-22T09:44:34.085123456Z stderr F boom')).toEqual({
      text: 'boom',
      origin: { pod: null, container: null, stream: 'stderr', time: Date.UTC(2026, 10, 22, 9, 44, 34, 85) },
      partial: false,
    });
    expect(unwrapContainer('2026-11-22T09:44:34.085+08:00 stdout P part')).toMatchObject({ text: 'part', partial: true });
  });

  it('unwraps Docker json-file lines, partial when the log has no newline', () => {
    const line = JSON.stringify({ log: 'hello\n', stream: 'stdout', time: '2026-11-22T09:44:34.085Z' });
    expect(unwrapContainer(line)).toMatchObject({ text: 'hello', partial: false, origin: { stream: 'stdout' } });
    expect(unwrapContainer(JSON.stringify({ log: 'hel', stream: 'stdout', time: 'x' }))).toMatchObject({ text: 'hel', partial: true });
  });

  it('unwraps kubectl --prefix and --timestamps, alone or together', () => {
    expect(unwrapContainer('[pod/api-7d9f/app] hello')).toMatchObject({ text: 'hello', origin: { pod: 'api-7d9f', container: 'app' } });
    expect(unwrapContainer('2026-11-22T09:44:34.085123456Z hello')).toMatchObject({ text: 'hello', origin: { time: Date.UTC(2026, 10, 22, 9, 44, 34, 85) } });
    expect(unwrapContainer('[pod/a/b] 2026-11-22T09:44:34Z hi')).toMatchObject({ text: 'hi', origin: { pod: 'a', container: 'b' } });
  });

  it('leaves ordinary lines alone', () => {
    expect(unwrapContainer('{"level":30}')).toBeNull();
    expect(unwrapContainer('[INFO] started')).toBeNull();
    expect(unwrapContainer('2026-11-22 09:44:34,085 INFO x')).toBeNull();
  });
});
