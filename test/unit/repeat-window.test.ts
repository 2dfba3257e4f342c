import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepeatWindow } from '../../src/pipeline/repeat-window.js';

/** The window's law, written plainly: the line of the latest of the last `capacity` errors with this id. */
function model(history: [string, number][], capacity: number, id: string): number | null {
  const recent = history.slice(-capacity);
  for (let i = recent.length - 1; i >= 0; i--) if (recent[i]![0] === id) return recent[i]![1];
  return null;
}

describe('the window of recent RequestIds', () => {
  it('answers with the latest of the last `capacity` errors that had the id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 60 }), (capacity, ids) => {
        const window = new RepeatWindow(capacity);
        const history: [string, number][] = [];
        ids.forEach((id, line) => {
          expect(window.check(id, line)).toBe(model(history, capacity, id));
          history.push([id, line]);
        });
        expect(window.entries()).toEqual(history.slice(-capacity));
        expect(window.full).toBe(history.length >= capacity);
      }),
    );
  });

  it('continues from the errors it is given as a window filled elsewhere would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), fc.nat(30), (capacity, ids, cut) => {
        const whole = new RepeatWindow(capacity);
        const first = new RepeatWindow(capacity);
        const at = Math.min(cut, ids.length);
        ids.slice(0, at).forEach((id, line) => {
          whole.check(id, line);
          first.check(id, line);
        });
        const resumed = new RepeatWindow(capacity, first.entries());
        ids.slice(at).forEach((id, i) => expect(resumed.check(id, at + i)).toBe(whole.check(id, at + i)));
      }),
    );
  });

  it('forgets an id once `capacity` errors came after its latest', () => {
    const window = new RepeatWindow(2);
    expect(window.check('a', 1)).toBeNull();
    expect(window.check('a', 2)).toBe(1);
    expect(window.check('b', 3)).toBeNull();
    expect(window.check('a', 4)).toBe(2);
    expect(window.check('b', 5)).toBe(3);
    expect(window.check('c', 6)).toBeNull();
    expect(window.check('a', 7)).toBeNull();
  });
});
